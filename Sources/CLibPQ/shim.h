// libpq, PostgreSQL's C client library (Debian: libpq-dev). Only Sources/SegmentaSources/Postgres/LibPQ.swift
// calls it.
#include <postgresql/libpq-fe.h>
