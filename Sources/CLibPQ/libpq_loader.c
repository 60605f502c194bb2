#include "segmenta_libpq.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

/* The libpq functions Segmenta calls: result type, name, parameters, arguments. The definitions below repeat libpq's
   prototypes from libpq-fe.h, so the compiler checks every signature against the header. */
#define LIBPQ_VALUE_FUNCTIONS(X)                                                                                      \
  X(PQconninfoOption *, PQconninfoParse, (const char *conninfo, char **errmsg), (conninfo, errmsg))                   \
  X(PGconn *, PQconnectdbParams, (const char *const *keywords, const char *const *values, int expand_dbname),        \
    (keywords, values, expand_dbname))                                                                              \
  X(ConnStatusType, PQstatus, (const PGconn *conn), (conn))                                                           \
  X(char *, PQerrorMessage, (const PGconn *conn), (conn))                                                             \
  X(int, PQsocket, (const PGconn *conn), (conn))                                                                      \
  X(int, PQsendQueryParams,                                                                                           \
    (PGconn * conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues,         \
     const int *paramLengths, const int *paramFormats, int resultFormat),                                            \
    (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat))                      \
  X(int, PQsetSingleRowMode, (PGconn * conn), (conn))                                                                 \
  X(int, PQisBusy, (PGconn * conn), (conn))                                                                           \
  X(int, PQconsumeInput, (PGconn * conn), (conn))                                                                     \
  X(PGresult *, PQgetResult, (PGconn * conn), (conn))                                                                 \
  X(ExecStatusType, PQresultStatus, (const PGresult *res), (res))                                                     \
  X(char *, PQresultErrorMessage, (const PGresult *res), (res))                                                       \
  X(char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode))                               \
  X(int, PQntuples, (const PGresult *res), (res))                                                                     \
  X(int, PQnfields, (const PGresult *res), (res))                                                                     \
  X(char *, PQfname, (const PGresult *res, int field_num), (res, field_num))                                          \
  X(Oid, PQftype, (const PGresult *res, int field_num), (res, field_num))                                             \
  X(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))                   \
  X(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))                 \
  X(PGcancel *, PQgetCancel, (PGconn * conn), (conn))                                                                 \
  X(int, PQcancel, (PGcancel * cancel, char *errbuf, int errbufsize), (cancel, errbuf, errbufsize))

#define LIBPQ_VOID_FUNCTIONS(X)                                                                                       \
  X(void, PQfinish, (PGconn * conn), (conn))                                                                          \
  X(void, PQclear, (PGresult * res), (res))                                                                           \
  X(void, PQfreemem, (void *ptr), (ptr))                                                                              \
  X(void, PQconninfoFree, (PQconninfoOption * connOptions), (connOptions))                                            \
  X(void, PQfreeCancel, (PGcancel * cancel), (cancel))

#define LIBPQ_FUNCTIONS(X) LIBPQ_VALUE_FUNCTIONS(X) LIBPQ_VOID_FUNCTIONS(X)

/* One pointer per function, set once by load_libpq. */
#define DECLARE_POINTER(result, name, parameters, arguments) static result(*name##_in_libpq) parameters;
LIBPQ_FUNCTIONS(DECLARE_POINTER)

static const char *load_failure = "libpq was not loaded";
static pthread_once_t load_once = PTHREAD_ONCE_INIT;

static void load_libpq(void) {
  void *library = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    load_failure = dlerror();
    return;
  }
#define RESOLVE(result, name, parameters, arguments)                                                                  \
  if (!(*(void **)&name##_in_libpq = dlsym(library, #name))) {                                                         \
    load_failure = dlerror();                                                                                         \
    return;                                                                                                           \
  }
  LIBPQ_FUNCTIONS(RESOLVE)
  load_failure = NULL;
}

const char *segmenta_libpq_load(void) {
  pthread_once(&load_once, load_libpq);
  return load_failure;
}

#define FORWARD_VALUE(result, name, parameters, arguments)                                                            \
  result name parameters { return name##_in_libpq arguments; }
#define FORWARD_VOID(result, name, parameters, arguments)                                                             \
  result name parameters { name##_in_libpq arguments; }
LIBPQ_VALUE_FUNCTIONS(FORWARD_VALUE)
LIBPQ_VOID_FUNCTIONS(FORWARD_VOID)
