#ifndef OCOP_CZLIB_SHIM_H
#define OCOP_CZLIB_SHIM_H
#include <zlib.h>

// deflateInit2/inflateInit2 are C macros (they pass the library version and sizeof(z_stream)),
// which Swift does not import; these wrappers make them callable.
static inline int ocop_deflate_init(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}

static inline int ocop_inflate_init(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}
#endif
