#ifndef OCOP_CLIBPQ_SHIM_H
#define OCOP_CLIBPQ_SHIM_H
// Debian puts libpq-fe.h under /usr/include/postgresql; pkg-config adds that path.
#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif
#endif
