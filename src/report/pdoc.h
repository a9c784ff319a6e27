/* pdoc.h — a small page-layout engine for the reports: A4 pages with
 * margins, a cursor that flows down the page and breaks to a new one,
 * headings (also PDF bookmarks), paragraphs, bullet items, tables with rules
 * and a repeated header, and a footer with the company name and "n / N".
 *
 * A document is rendered twice: first into cairo recording surfaces, to
 * count the pages (pdoc_init), then onto the PDF surface itself
 * (pdoc_init_pdf with that count), which is how the footer knows "n / N"
 * and how the text gets its structure tags (cairo 1.16 cannot keep tags in
 * a recording surface).  All text goes through pango with
 * the context of the document (72 dpi, so sizes are points; no hinting;
 * language ja or en for line breaking and glyph forms).
 *
 * Units are PDF points (1/72 inch), origin top left. */
#ifndef SECSTEP_PDOC_H
#define SECSTEP_PDOC_H

#include <stdbool.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "base/arena.h"
#include "base/errs.h"
#include "catalog/catalog.h"
#include "report/report.h"

#define PD_PAGE_W 595.276   /* A4 */
#define PD_PAGE_H 841.890
#define PD_ML 56.0          /* margins */
#define PD_MR 56.0
#define PD_MT 54.0
#define PD_MB 62.0          /* the footer sits inside the bottom margin */
#define PD_CW (PD_PAGE_W - PD_ML - PD_MR)   /* content width */
#define PD_BOTTOM (PD_PAGE_H - PD_MB)

/* The face of every text.  BIZ UDPGothic (fonts-morisawa-bizud-gothic) has
 * TrueType outlines, which cairo subsets glyph by glyph: a one-page PDF
 * weighs ~80 KB.  Noto Sans CJK is CID-keyed CFF, and cairo 1.16's CFF
 * subsetter marks a CID font's local subroutines as used only the first
 * time it meets them, so a later glyph that calls one of them is parsed out
 * of step (its hint count is wrong), the parse fails, and cairo then embeds
 * every subroutine of the font (870 KB for the ideographs alone): 1-1.8 MB
 * per page.  Noto stays as the fallback for a character BIZ UD lacks. */
#define PD_FONT "BIZ UDPGothic, Noto Sans CJK JP"

/* Colours as 0xRRGGBB. */
enum {
	C_INK = 0x1c2733, C_MUTED = 0x5b6b7b, C_BRAND = 0x0f7b76, C_BRAND_LIGHT = 0xe3f1f0,
	C_AMBER = 0xf5b400, C_GREY = 0xdde3ea, C_RULE = 0xb8c3cf, C_FAINT = 0xeef1f5,
	C_GOOD = 0x17803d, C_WARN = 0xb45309, C_BAD = 0xb42318, C_WHITE = 0xffffff,
};

typedef struct {
	double size;     /* points */
	bool bold;
	unsigned rgb;
} tstyle;

extern const tstyle TS_BODY, TS_BOLD, TS_SMALL, TS_MUTED, TS_H1, TS_H2, TS_TITLE, TS_KICKER, TS_TH;

enum { AL_LEFT, AL_CENTER, AL_RIGHT };

/* ---- text on any cairo context (charts use these too) ---- */

/* A layout of text in style st, wrapped to width w (w <= 0: no wrapping),
 * aligned.  max_lines is how many lines the caller expects; longer text
 * still wraps in full (nothing is ever cut with "…").  Caller unrefs
 * (g_object_unref). */
PangoLayout *pd_layout(PangoContext *pc, const char *text, const tstyle *st, double w, int align,
		       int max_lines);
double pd_layout_h(PangoLayout *l);
double pd_layout_w(PangoLayout *l);
/* Draws l with its top-left corner at (x, y) in colour rgb. */
void pd_show(cairo_t *cr, PangoLayout *l, double x, double y, unsigned rgb);
/* Lays out, draws and frees; returns the height used. */
double pd_text(cairo_t *cr, PangoContext *pc, const char *text, const tstyle *st, double x, double y,
	       double w, int align, int max_lines);
void pd_rgb(cairo_t *cr, unsigned rgb);
void pd_round_rect(cairo_t *cr, double x, double y, double w, double h, double r);

/* ---- the document ---- */

typedef struct {
	int page;
	double y;
	const char *title;
} pd_mark;

typedef struct {
	double x, w;
	int align;
} pd_col;

typedef struct pdoc {
	arena_t ar;                 /* strings of this document */
	lang_t lang;
	PangoFontMap *fm;
	PangoContext *pc;
	cairo_surface_t **pages;    /* recording surfaces */
	int n_pages, cap_pages;
	int max_pages;              /* 0 = no limit */
	bool overflow;              /* something did not fit into max_pages */
	bool compact;               /* smaller headings and gaps (one-page documents) */
	cairo_t *cr;                /* the current page */
	double y;                   /* cursor on the current page */
	const char *footer_left;    /* company name */
	const char *footer_mid;     /* document name */
	const char *title;          /* PDF metadata */
	pd_mark *marks;             /* bookmarks (h1) */
	int n_marks, cap_marks;
	/* the open table */
	pd_col cols[8];
	const char *heads[8];
	int n_cols;
	int rows_on_page;
	bool table_tagged;          /* a "Table" structure element is open on this page */
	cairo_surface_t *pdf;       /* the PDF pass: the surface drawn on, else NULL */
	struct buf *out;            /* its bytes */
	int total_pages;            /* the PDF pass: pages counted by the first pass */
} pdoc;

/* Starts a document with its first page.  max_pages > 0 keeps it to that
 * many pages: what would spill over is left out and d->overflow is set. */
void pdoc_init(pdoc *d, lang_t lang, int max_pages);
/* Starts the PDF pass of a document after its first pass (first, still
 * alive): the same language and font map (so the same fonts and layout),
 * and first's page count for the footers.  The renderer must draw exactly
 * what it drew then.  Free first after d. */
void pdoc_init_pdf(pdoc *d, const pdoc *first);
void pdoc_free(pdoc *d);
const char *pd_tr(const pdoc *d, const char *ja, const char *en);
/* arena_printf into the document's arena. */
char *pd_printf(pdoc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Makes sure h points fit below the cursor, starting a new page when not.
 * False (and overflow set) when the page limit forbids it. */
bool pdoc_room(pdoc *d, double h);
/* The title block at the top of page 1: a small kicker line (document
 * kind), the title (company name), a line of facts and an optional small
 * note (NULL: none), then a rule. */
void pdoc_title(pdoc *d, const char *kicker, const char *title, const char *meta, const char *note);
void pdoc_space(pdoc *d, double h);
/* Section heading (numbered by the caller), kept with the next `keep`
 * points of content; becomes a PDF bookmark. */
bool pdoc_h1(pdoc *d, const char *text, double keep);
bool pdoc_h2(pdoc *d, const char *text, double keep);
/* A paragraph over the full width (max_lines 0 = all). */
bool pdoc_para(pdoc *d, const char *text, const tstyle *st, int max_lines);
/* The same, aligned AL_LEFT, AL_CENTER or AL_RIGHT. */
bool pdoc_para_al(pdoc *d, const char *text, const tstyle *st, int align);
/* A bullet item with a hanging indent; bullet "•", "1." … */
bool pdoc_item(pdoc *d, const char *bullet, const char *text, const tstyle *st, int max_lines);

/* Tables: columns as fractions of the content width (they should sum to
 * 1), header texts, then rows.  keep: points of rows to keep on the page of
 * the header (a small table stays whole; 0 = the first row).  A row that
 * does not fit starts a new page with the header repeated.  rgb (may be
 * NULL) colours cells; 0 = ink. */
void pdoc_table(pdoc *d, int n, const double *frac, const int *align, const char *const *heads, double keep);
bool pdoc_row(pdoc *d, const char *const *cells, const unsigned *rgb);
void pdoc_table_end(pdoc *d);
/* The height of a table row of that many lines of small text (an estimate
 * for keeping a small table, or a heading with its table, together). */
double pd_row_est(int lines);

/* Ends the PDF pass and hands the bytes to sink: footers, bookmarks,
 * metadata (title, author = company, subject = document kind, dates); the
 * catalog gets /Lang (ja or en) and /MarkInfo (the text is tagged:
 * headings, paragraphs, list items, tables). */
bool pdoc_finish(pdoc *d, date_t today, report_sink sink, void *closure, errs_t *errs);

#endif
