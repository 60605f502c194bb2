// libpq, PostgreSQL's C client library, loaded on first use instead of linked.
//
// Linking libpq maps it and its TLS/Kerberos/LDAP libraries (about twenty shared objects, ~5 MB of resident pages)
// into every `segmenta` process, also those that never open a database. Instead libpq_loader.c defines the libpq
// functions Segmenta calls, with libpq's own prototypes from this header, and forwards each to libpq.so.5, which it
// opens with dlopen the first time segmenta_libpq_load() is called. Build time needs the header (Debian:
// libpq-dev), run time the library (Debian: libpq5) only for `load postgres:`.
//
// Only Sources/SegmentaSources/Postgres/LibPQ.swift calls these functions, and only after segmenta_libpq_load()
// returned NULL.
#include <postgresql/libpq-fe.h>

/// Opens libpq.so.5 and resolves the functions libpq_loader.c forwards to; safe to call from any thread, only the
/// first call does the work. Returns NULL when libpq is ready, otherwise why it is not (a string with static
/// storage duration: the dynamic loader's message).
const char *segmenta_libpq_load(void);
