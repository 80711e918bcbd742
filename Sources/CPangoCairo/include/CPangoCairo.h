#ifndef CPANGOCAIRO_H
#define CPANGOCAIRO_H

/*
 * The part of cairo, Pango and GObject that WelltreePDF uses, declared here instead of included
 * from their -dev headers, so the libraries can be loaded with dlopen when a PDF is rendered
 * rather than linked into every welltree command (they and their dependencies cost start-up
 * time). Every declaration must match the C ABI of the real one; scripts/check-pangocairo-abi
 * compares them with the real headers.
 */

#include <stddef.h>

#pragma clang assume_nonnull begin

#ifndef CPANGOCAIRO_USE_SYSTEM_HEADERS

/* cairo.h and cairo-pdf.h */

typedef struct _cairo cairo_t;
typedef struct _cairo_surface cairo_surface_t;

typedef struct _cairo_rectangle {
    double x, y, width, height;
} cairo_rectangle_t;

/* Only the values used are listed; the enums keep the real types' names and size. */
typedef enum _cairo_status {
    CAIRO_STATUS_SUCCESS = 0,
} cairo_status_t;

typedef enum _cairo_content {
    CAIRO_CONTENT_COLOR_ALPHA = 0x3000,
} cairo_content_t;

typedef enum _cairo_pdf_metadata {
    CAIRO_PDF_METADATA_TITLE = 0,
    CAIRO_PDF_METADATA_CREATOR = 4,
} cairo_pdf_metadata_t;

/* Bookmarks (the document outline) and links: cairo 1.16 and later. */
typedef enum _cairo_pdf_outline_flags {
    CAIRO_PDF_OUTLINE_FLAG_OPEN = 0x1,
} cairo_pdf_outline_flags_t;

#define CAIRO_PDF_OUTLINE_ROOT 0
#define CAIRO_TAG_DEST "cairo.dest"
#define CAIRO_TAG_LINK "Link"

/* pango-types.h, pango-font.h, pango-layout.h and gtypes.h */

typedef int gboolean;
typedef void *gpointer;

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;
typedef struct _PangoFontDescription PangoFontDescription;
typedef struct _PangoLayout PangoLayout;
typedef struct _PangoLayoutIter PangoLayoutIter;
/* A public struct in Pango; only ever handled through a pointer here. */
typedef struct _PangoLayoutLine PangoLayoutLine;

typedef struct _PangoRectangle {
    int x;
    int y;
    int width;
    int height;
} PangoRectangle;

#define PANGO_SCALE 1024

typedef enum {
    PANGO_STYLE_ITALIC = 2,
} PangoStyle;

typedef enum {
    PANGO_WEIGHT_BOLD = 700,
} PangoWeight;

typedef enum {
    PANGO_WRAP_WORD_CHAR = 2,
} PangoWrapMode;

typedef enum {
    PANGO_ELLIPSIZE_END = 3,
} PangoEllipsizeMode;

#endif /* CPANGOCAIRO_USE_SYSTEM_HEADERS */

/* What cairo_write_func_t points to: receives the PDF's bytes. */
typedef cairo_status_t CPangoCairoWriteFunction(void *_Nullable closure, const unsigned char *_Nullable data,
                                                unsigned int length);

/* The shared libraries, by the index the function list below refers to them with. */
typedef enum CPangoCairoLibrary {
    CPANGOCAIRO_PANGOCAIRO = 0,
    CPANGOCAIRO_PANGO = 1,
    CPANGOCAIRO_CAIRO = 2,
    CPANGOCAIRO_GOBJECT = 3,
} CPangoCairoLibrary;

/*
 * Every function used: F(library, return type, name, parameters), expanded below into the fields
 * of CPangoCairoFunctions and into the symbol table the loader walks, so the two cannot disagree.
 * Pointers are non-null unless marked _Nullable; results say so explicitly, as clang does not
 * assume it for them in a typedef. None of these functions returns NULL (cairo returns an object
 * in an error state instead).
 */
#define CPANGOCAIRO_FUNCTIONS(F) \
    F(CAIRO, cairo_t *_Nonnull, cairo_create, (cairo_surface_t *target)) \
    F(CAIRO, void, cairo_destroy, (cairo_t *cr)) \
    F(CAIRO, void, cairo_arc, (cairo_t *cr, double xc, double yc, double radius, double angle1, double angle2)) \
    F(CAIRO, void, cairo_fill, (cairo_t *cr)) \
    F(CAIRO, void, cairo_line_to, (cairo_t *cr, double x, double y)) \
    F(CAIRO, void, cairo_move_to, (cairo_t *cr, double x, double y)) \
    F(CAIRO, void, cairo_new_path, (cairo_t *cr)) \
    F(CAIRO, void, cairo_paint, (cairo_t *cr)) \
    F(CAIRO, void, cairo_rectangle, (cairo_t *cr, double x, double y, double width, double height)) \
    F(CAIRO, void, cairo_set_line_width, (cairo_t *cr, double width)) \
    F(CAIRO, void, cairo_set_source_rgb, (cairo_t *cr, double red, double green, double blue)) \
    F(CAIRO, void, cairo_set_source_surface, (cairo_t *cr, cairo_surface_t *surface, double x, double y)) \
    F(CAIRO, void, cairo_show_page, (cairo_t *cr)) \
    F(CAIRO, void, cairo_stroke, (cairo_t *cr)) \
    F(CAIRO, void, cairo_tag_begin, (cairo_t *cr, const char *tag_name, const char *attributes)) \
    F(CAIRO, void, cairo_tag_end, (cairo_t *cr, const char *tag_name)) \
    F(CAIRO, cairo_surface_t *_Nonnull, cairo_recording_surface_create, \
      (cairo_content_t content, const cairo_rectangle_t *_Nullable extents)) \
    F(CAIRO, cairo_surface_t *_Nonnull, cairo_pdf_surface_create_for_stream, \
      (CPangoCairoWriteFunction *write_func, void *_Nullable closure, double width_in_points, double height_in_points)) \
    F(CAIRO, void, cairo_pdf_surface_set_metadata, \
      (cairo_surface_t *surface, cairo_pdf_metadata_t metadata, const char *utf8)) \
    F(CAIRO, int, cairo_pdf_surface_add_outline, \
      (cairo_surface_t *surface, int parent_id, const char *utf8, const char *link_attribs, \
       cairo_pdf_outline_flags_t flags)) \
    F(CAIRO, void, cairo_surface_finish, (cairo_surface_t *surface)) \
    F(CAIRO, void, cairo_surface_destroy, (cairo_surface_t *surface)) \
    F(PANGOCAIRO, PangoFontMap *_Nonnull, pango_cairo_font_map_get_default, (void)) \
    F(PANGOCAIRO, void, pango_cairo_context_set_resolution, (PangoContext *context, double dpi)) \
    F(PANGOCAIRO, void, pango_cairo_show_layout, (cairo_t *cr, PangoLayout *layout)) \
    F(PANGOCAIRO, void, pango_cairo_show_layout_line, (cairo_t *cr, PangoLayoutLine *line)) \
    F(PANGO, PangoContext *_Nonnull, pango_font_map_create_context, (PangoFontMap *fontmap)) \
    F(PANGO, PangoFontDescription *_Nonnull, pango_font_description_from_string, (const char *str)) \
    F(PANGO, void, pango_font_description_set_size, (PangoFontDescription *desc, int size)) \
    F(PANGO, void, pango_font_description_set_style, (PangoFontDescription *desc, PangoStyle style)) \
    F(PANGO, void, pango_font_description_set_weight, (PangoFontDescription *desc, PangoWeight weight)) \
    F(PANGO, void, pango_font_description_free, (PangoFontDescription *_Nullable desc)) \
    F(PANGO, PangoLayout *_Nonnull, pango_layout_new, (PangoContext *context)) \
    F(PANGO, void, pango_layout_set_font_description, (PangoLayout *layout, const PangoFontDescription *_Nullable desc)) \
    F(PANGO, void, pango_layout_set_width, (PangoLayout *layout, int width)) \
    F(PANGO, void, pango_layout_set_wrap, (PangoLayout *layout, PangoWrapMode wrap)) \
    F(PANGO, void, pango_layout_set_ellipsize, (PangoLayout *layout, PangoEllipsizeMode ellipsize)) \
    F(PANGO, void, pango_layout_set_text, (PangoLayout *layout, const char *text, int length)) \
    F(PANGO, void, pango_layout_get_size, (PangoLayout *layout, int *_Nullable width, int *_Nullable height)) \
    F(PANGO, PangoLayoutIter *_Nonnull, pango_layout_get_iter, (PangoLayout *layout)) \
    F(PANGO, void, pango_layout_iter_free, (PangoLayoutIter *_Nullable iter)) \
    F(PANGO, gboolean, pango_layout_iter_next_line, (PangoLayoutIter *iter)) \
    F(PANGO, int, pango_layout_iter_get_baseline, (PangoLayoutIter *iter)) \
    F(PANGO, PangoLayoutLine *_Nonnull, pango_layout_iter_get_line_readonly, (PangoLayoutIter *iter)) \
    F(PANGO, void, pango_layout_iter_get_line_extents, \
      (PangoLayoutIter *iter, PangoRectangle *_Nullable ink_rect, PangoRectangle *_Nullable logical_rect)) \
    F(GOBJECT, void, g_object_unref, (gpointer object))

#define CPANGOCAIRO_FUNCTION_TYPE(library, result, name, parameters) typedef result name##_function parameters;
#define CPANGOCAIRO_FIELD(library, result, name, parameters) name##_function *name;

CPANGOCAIRO_FUNCTIONS(CPANGOCAIRO_FUNCTION_TYPE)

/* The loaded functions, called from Swift as `lib.cairo_move_to(cr, x, y)`. */
typedef struct CPangoCairoFunctions {
    CPANGOCAIRO_FUNCTIONS(CPANGOCAIRO_FIELD)
} CPangoCairoFunctions;

/* One field of CPangoCairoFunctions: the symbol to look up, where, and where it goes. */
typedef struct CPangoCairoSymbol {
    CPangoCairoLibrary library;
    const char *name;
    size_t offset;
} CPangoCairoSymbol;

/* Every field of CPangoCairoFunctions, in declaration order. */
extern const CPangoCairoSymbol *const cpangocairo_symbols;
extern const size_t cpangocairo_symbol_count;

/* The libraries' sonames (versioned, as the runtime packages install them), by CPangoCairoLibrary. */
extern const char *_Nonnull const *_Nonnull const cpangocairo_sonames;
extern const size_t cpangocairo_library_count;

#pragma clang assume_nonnull end

#endif
