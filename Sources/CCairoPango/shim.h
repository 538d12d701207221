#ifndef OCOP_CCAIROPANGO_SHIM_H
#define OCOP_CCAIROPANGO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

// GObject cast macros are not imported into Swift; these wrappers do the casts in C.

/// A pango font map that sees only the fonts of `config` (no system fonts, hence no fallback).
static inline PangoFontMap *ocop_font_map_new(FcConfig *config) {
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    if (map != NULL) pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    return map;
}

static inline void ocop_object_unref(void *object) { g_object_unref(object); }
#endif
