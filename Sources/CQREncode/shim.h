#ifndef OCOP_CQRENCODE_SHIM_H
#define OCOP_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
