/* pdoc.c — the page-layout engine of the reports (see pdoc.h). */
#define _GNU_SOURCE   /* memmem */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo-pdf.h>

#include "base/buf.h"
#include "base/util.h"
#include "report/pdoc.h"

/* cairo 1.16's CFF subsetter (used for the CID-keyed Noto Sans CJK) loses
 * the FDArray index it reads for each font of each PDF: 768 bytes per font
 * per document, allocated and dropped inside cairo_surface_finish()
 * (cairo_cff_font_read_cid_fontdict; fixed in later cairo).  Under the
 * sanitizers, allocations made while cairo finishes the PDF are marked as
 * not-leaks with LeakSanitizer's own region API; nothing of ours is
 * allocated there, so our leaks are still reported.  Outside sanitizer
 * builds these are no-ops.  (A long-running server loses ~1.5 KiB per PDF
 * until cairo is upgraded.) */
#if defined(__SANITIZE_ADDRESS__)
#define HAVE_LSAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HAVE_LSAN 1
#endif
#endif
#ifdef HAVE_LSAN
#include <sanitizer/lsan_interface.h>
#define LIBRARY_LEAKS_BEGIN() __lsan_disable()
#define LIBRARY_LEAKS_END() __lsan_enable()
#else
#define LIBRARY_LEAKS_BEGIN() ((void)0)
#define LIBRARY_LEAKS_END() ((void)0)
#endif

const tstyle TS_BODY = {9.0, false, C_INK};
const tstyle TS_BOLD = {9.0, true, C_INK};
const tstyle TS_SMALL = {7.8, false, C_INK};
const tstyle TS_MUTED = {7.8, false, C_MUTED};
const tstyle TS_H1 = {12.5, true, C_INK};
const tstyle TS_H2 = {9.8, true, C_INK};
const tstyle TS_TITLE = {19.0, true, C_INK};
const tstyle TS_KICKER = {8.5, true, C_BRAND};
const tstyle TS_TH = {7.8, true, C_BRAND};

#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.2

/* ---- structure tags ---- */

/* Opens or closes a structure element (H1, P, Table …) of the tagged PDF.
 * Only on the PDF pass: cairo 1.16 crashes when a recording surface that
 * holds three or more tag commands is destroyed after being painted. */
static void pd_tag(pdoc *d, const char *name, bool open)
{
	if (!d->pdf)
		return;
	if (open)
		cairo_tag_begin(d->cr, name, NULL);
	else
		cairo_tag_end(d->cr, name);
}

/* ---- text ---- */

PangoLayout *pd_layout(PangoContext *pc, const char *text, const tstyle *st, double w, int align,
		       int max_lines)
{
	PangoLayout *l = pango_layout_new(pc);
	PangoFontDescription *fd = pango_font_description_new();
	pango_font_description_set_family_static(fd, PD_FONT);
	pango_font_description_set_weight(fd, st->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_absolute_size(fd, st->size * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (w > 0) {
		pango_layout_set_width(l, (int)(w * PANGO_SCALE));
		/* Word breaks follow UAX #14 (between ideographs, never before
		 * 、。」 and the like); a run too long for the line (a URL, an
		 * id) breaks between characters instead of overflowing. */
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
		pango_layout_set_alignment(l, align == AL_CENTER ? PANGO_ALIGN_CENTER
					      : align == AL_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	}
	/* max_lines is the caller's expectation, never a cut: text that is
	 * longer wraps onto more lines, and the flow makes room for it (a cut
	 * would hide data on paper and still leave it in the text layer). */
	(void)max_lines;
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

double pd_layout_h(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

double pd_layout_w(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

void pd_rgb(cairo_t *cr, unsigned rgb)
{
	cairo_set_source_rgb(cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

void pd_show(cairo_t *cr, PangoLayout *l, double x, double y, unsigned rgb)
{
	pd_rgb(cr, rgb);
	cairo_move_to(cr, x, y);
	pango_cairo_show_layout(cr, l);
	cairo_new_path(cr);   /* leave no current point behind */
}

double pd_text(cairo_t *cr, PangoContext *pc, const char *text, const tstyle *st, double x, double y,
	       double w, int align, int max_lines)
{
	PangoLayout *l = pd_layout(pc, text, st, w, align, max_lines);
	double h = pd_layout_h(l);
	if (w <= 0 && align != AL_LEFT) {
		/* No wrapping width: align the single line on x. */
		double tw = pd_layout_w(l);
		x -= align == AL_CENTER ? tw / 2 : tw;
	}
	pd_show(cr, l, x, y, st->rgb);
	g_object_unref(l);
	return h;
}

void pd_round_rect(cairo_t *cr, double x, double y, double w, double h, double r)
{
	if (r > h / 2)
		r = h / 2;
	if (r > w / 2)
		r = w / 2;
	cairo_new_sub_path(cr);
	cairo_arc(cr, x + w - r, y + r, r, -G_PI / 2, 0);
	cairo_arc(cr, x + w - r, y + h - r, r, 0, G_PI / 2);
	cairo_arc(cr, x + r, y + h - r, r, G_PI / 2, G_PI);
	cairo_arc(cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
	cairo_close_path(cr);
}

static void hline(cairo_t *cr, double x0, double x1, double y, double width, unsigned rgb)
{
	pd_rgb(cr, rgb);
	cairo_set_line_width(cr, width);
	cairo_move_to(cr, x0, y);
	cairo_line_to(cr, x1, y);
	cairo_stroke(cr);
}

/* ---- document ---- */

static cairo_status_t write_cb(void *closure, const unsigned char *data, unsigned int len)
{
	buf_add(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}


const char *pd_tr(const pdoc *d, const char *ja, const char *en)
{
	return d->lang == LANG_EN ? en : ja;
}

char *pd_printf(pdoc *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = arena_alloc(&d->ar, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static void footer(pdoc *d, cairo_t *cr, int page);

/* cairo recycles freed drawing contexts through a lock-free pool (its
 * atomics are invisible to ThreadSanitizer, as cairo is not built with it),
 * so the cairo_t one thread creates may be memory another thread's document
 * dropped a moment before, and TSan reported cairo's first memcpy into it
 * as a race.  Creating and destroying contexts under one mutex makes that
 * hand-over visible; it costs two uncontended lock operations a page. */
static pthread_mutex_t cr_pool = PTHREAD_MUTEX_INITIALIZER;

static cairo_t *cr_new(cairo_surface_t *s)
{
	pthread_mutex_lock(&cr_pool);
	cairo_t *cr = cairo_create(s);
	pthread_mutex_unlock(&cr_pool);
	return cr;
}

static void cr_free(cairo_t *cr)
{
	pthread_mutex_lock(&cr_pool);
	cairo_destroy(cr);
	pthread_mutex_unlock(&cr_pool);
}

static void new_page(pdoc *d)
{
	if (d->pdf) {
		/* The PDF pass draws on the PDF surface itself, one cairo_t for
		 * every page; the page count is known from the first pass. */
		if (d->cr) {
			footer(d, d->cr, d->n_pages);
			cairo_show_page(d->cr);
		} else {
			d->cr = cr_new(d->pdf);
		}
		d->n_pages++;
		d->y = PD_MT;
		return;
	}
	if (d->cr)
		cr_free(d->cr);
	cairo_rectangle_t ext = {0, 0, PD_PAGE_W, PD_PAGE_H};
	cairo_surface_t *s = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &ext);
	if (d->n_pages == d->cap_pages) {
		d->cap_pages = d->cap_pages ? 2 * d->cap_pages : 4;
		d->pages = xrealloc(d->pages, (size_t)d->cap_pages * sizeof *d->pages);
	}
	d->pages[d->n_pages++] = s;
	d->cr = cr_new(s);
	d->y = PD_MT;
}

static void init(pdoc *d, lang_t lang, int max_pages, int total_pages, PangoFontMap *fm)
{
	memset(d, 0, sizeof *d);
	d->lang = lang;
	d->max_pages = max_pages;
	if (total_pages > 0) {
		d->total_pages = total_pages;
		d->out = xcalloc(1, sizeof *d->out);
		d->pdf = cairo_pdf_surface_create_for_stream(write_cb, d->out, PD_PAGE_W, PD_PAGE_H);
	}
	/* A font map of our own (not pango's per-thread default), so a
	 * document owns everything it uses and frees it in pdoc_free. */
	d->fm = fm ? g_object_ref(fm) : pango_cairo_font_map_new();
	d->pc = pango_font_map_create_context(d->fm);
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	pango_cairo_context_set_font_options(d->pc, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(d->pc, 72);
	pango_context_set_round_glyph_positions(d->pc, FALSE);
	pango_context_set_language(d->pc, pango_language_from_string(lang == LANG_EN ? "en" : "ja"));
	new_page(d);
}

void pdoc_init(pdoc *d, lang_t lang, int max_pages)
{
	init(d, lang, max_pages, 0, NULL);
}

void pdoc_init_pdf(pdoc *d, const pdoc *first)
{
	init(d, first->lang, 0, first->n_pages > 0 ? first->n_pages : 1, first->fm);
}

void pdoc_free(pdoc *d)
{
	if (d->cr)
		cr_free(d->cr);
	if (d->pdf)
		cairo_surface_destroy(d->pdf);
	if (d->out) {
		buf_free(d->out);
		free(d->out);
	}
	for (int i = 0; d->pages && i < d->n_pages; i++)
		cairo_surface_destroy(d->pages[i]);
	free(d->pages);
	free(d->marks);
	g_object_unref(d->pc);
	g_object_unref(d->fm);
	arena_free(&d->ar);
	memset(d, 0, sizeof *d);
}

static void table_head(pdoc *d);

static void table_close(pdoc *d)
{
	if (d->table_tagged)
		pd_tag(d, "Table", false);
	d->table_tagged = false;
}

bool pdoc_room(pdoc *d, double h)
{
	if (d->y + h <= PD_BOTTOM + 0.01 || d->y <= PD_MT + 0.01)
		return true;
	if (d->max_pages > 0 && d->n_pages >= d->max_pages) {
		d->overflow = true;
		return false;
	}
	table_close(d);
	new_page(d);
	if (d->n_cols)
		table_head(d);
	return true;
}

void pdoc_space(pdoc *d, double h)
{
	if (d->y > PD_MT + 0.01)
		d->y += h;
}

bool pdoc_h1(pdoc *d, const char *text, double keep)
{
	/* A compact document (the one-page brief) has smaller headings. */
	const tstyle *st = d->compact ? &(tstyle){10.5, true, C_INK} : &TS_H1;
	double gap = d->compact ? 7 : 14, after = d->compact ? 4 : 6;
	if (keep > (PD_BOTTOM - PD_MT) / 2)
		keep = (PD_BOTTOM - PD_MT) / 2;   /* never more than half a page */
	PangoLayout *l = pd_layout(d->pc, text, st, PD_CW - 12, AL_LEFT, 2);
	double h = pd_layout_h(l);
	double before = d->y > PD_MT + 0.01 ? gap : 0;
	if (!pdoc_room(d, before + h + 2 + after + keep)) {
		g_object_unref(l);
		return false;
	}
	d->y += d->y > PD_MT + 0.01 ? gap : 0;
	pd_rgb(d->cr, C_BRAND);
	cairo_rectangle(d->cr, PD_ML, d->y + 2.5, 4, h - 5);
	cairo_fill(d->cr);
	pd_tag(d, "H1", true);
	pd_show(d->cr, l, PD_ML + 11, d->y, st->rgb);
	pd_tag(d, "H1", false);
	g_object_unref(l);
	if (d->n_marks == d->cap_marks) {
		d->cap_marks = d->cap_marks ? 2 * d->cap_marks : 16;
		d->marks = xrealloc(d->marks, (size_t)d->cap_marks * sizeof *d->marks);
	}
	d->marks[d->n_marks++] = (pd_mark){d->n_pages, d->y, arena_strdup(&d->ar, text)};
	d->y += h + 2;
	hline(d->cr, PD_ML, PD_ML + PD_CW, d->y, 0.5, C_RULE);
	d->y += after;
	return true;
}

bool pdoc_h2(pdoc *d, const char *text, double keep)
{
	PangoLayout *l = pd_layout(d->pc, text, &TS_H2, PD_CW, AL_LEFT, 2);
	double h = pd_layout_h(l);
	double before = d->y > PD_MT + 0.01 ? 6 : 0;
	if (!pdoc_room(d, before + h + 2 + keep)) {
		g_object_unref(l);
		return false;
	}
	d->y += d->y > PD_MT + 0.01 ? 6 : 0;
	pd_tag(d, "H2", true);
	pd_show(d->cr, l, PD_ML, d->y, TS_H2.rgb);
	pd_tag(d, "H2", false);
	g_object_unref(l);
	d->y += h + 2;
	return true;
}

bool pdoc_para(pdoc *d, const char *text, const tstyle *st, int max_lines)
{
	(void)max_lines;
	return pdoc_para_al(d, text, st, AL_LEFT);
}

bool pdoc_para_al(pdoc *d, const char *text, const tstyle *st, int align)
{
	PangoLayout *l = pd_layout(d->pc, text, st, PD_CW, align, 0);
	double h = pd_layout_h(l);
	bool ok = pdoc_room(d, h);
	if (ok) {
		pd_tag(d, "P", true);
		pd_show(d->cr, l, PD_ML, d->y, st->rgb);
		pd_tag(d, "P", false);
		d->y += h + 3;
	}
	g_object_unref(l);
	return ok;
}

bool pdoc_item(pdoc *d, const char *bullet, const char *text, const tstyle *st, int max_lines)
{
	const double indent = 14;
	PangoLayout *l = pd_layout(d->pc, text, st, PD_CW - indent, AL_LEFT, max_lines);
	double h = pd_layout_h(l);
	bool ok = pdoc_room(d, h);
	if (ok) {
		pd_tag(d, "LI", true);
		pd_tag(d, "Lbl", true);
		pd_text(d->cr, d->pc, bullet, st, PD_ML + 2, d->y, 0, AL_LEFT, 1);
		pd_tag(d, "Lbl", false);
		pd_tag(d, "LBody", true);
		pd_show(d->cr, l, PD_ML + indent, d->y, st->rgb);
		pd_tag(d, "LBody", false);
		pd_tag(d, "LI", false);
		d->y += h + 1.5;
	}
	g_object_unref(l);
	return ok;
}

/* ---- tables ---- */

static void table_head(pdoc *d)
{
	PangoLayout *ls[8];
	double h = 0;
	for (int i = 0; i < d->n_cols; i++) {
		ls[i] = pd_layout(d->pc, d->heads[i], &TS_TH, d->cols[i].w - 2 * CELL_PAD_X, d->cols[i].align, 2);
		double lh = pd_layout_h(ls[i]);
		if (lh > h)
			h = lh;
	}
	h += 2 * CELL_PAD_Y;
	pd_rgb(d->cr, C_BRAND_LIGHT);
	cairo_rectangle(d->cr, PD_ML, d->y, PD_CW, h);
	cairo_fill(d->cr);
	/* The structure of a table is opened on each page it covers and
	 * closed there (table_close), so every page's tags nest. */
	pd_tag(d, "Table", true);
	d->table_tagged = true;
	pd_tag(d, "TR", true);
	for (int i = 0; i < d->n_cols; i++) {
		pd_tag(d, "TH", true);
		pd_show(d->cr, ls[i], d->cols[i].x + CELL_PAD_X, d->y + CELL_PAD_Y, TS_TH.rgb);
		pd_tag(d, "TH", false);
		g_object_unref(ls[i]);
	}
	pd_tag(d, "TR", false);
	d->y += h;
	hline(d->cr, PD_ML, PD_ML + PD_CW, d->y, 0.8, C_BRAND);
	d->rows_on_page = 0;
}

void pdoc_table(pdoc *d, int n, const double *frac, const int *align, const char *const *heads, double keep)
{
	if (n > (int)ARRAY_LEN(d->cols))
		panic("pdoc_table: %d columns", n);
	double x = PD_ML;
	for (int i = 0; i < n; i++) {
		d->cols[i] = (pd_col){x, frac[i] * PD_CW, align ? align[i] : AL_LEFT};
		d->heads[i] = heads[i];
		x += frac[i] * PD_CW;
	}
	/* The header and the first rows stay together. */
	d->n_cols = 0;
	if (keep > PD_BOTTOM - PD_MT - 60)
		keep = PD_BOTTOM - PD_MT - 60;
	if (!pdoc_room(d, 20 + (keep > 24 ? keep : 24)))
		return;
	d->n_cols = n;
	table_head(d);
}

/* The byte offset in text where the first line of l that ends below
 * `room` points starts (0 when even the first does not fit, the text's
 * length when all fit). */
static size_t fit_bytes(PangoLayout *l, const char *text, double room)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	size_t cut = strlen(text);
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		if ((double)(logical.y + logical.height) / PANGO_SCALE > room) {
			cut = (size_t)pango_layout_iter_get_line_readonly(it)->start_index;
			break;
		}
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return cut;
}

/* Draws a row too tall for one page in parts (see pdoc_row).  Returns
 * false when it cannot be split. */
static bool split_row(pdoc *d, PangoLayout **ls, const char *const *cells, const unsigned *rgb)
{
	int n = d->n_cols;
	double room = PD_BOTTOM - d->y - 2 * CELL_PAD_Y;
	if (room < 4 * TS_SMALL.size * 1.3) {   /* hardly a line left: start on a fresh page */
		hline(d->cr, PD_ML, PD_ML + PD_CW, d->y, 0.8, C_BRAND);
		d->y = PD_BOTTOM + 1;
		if (!pdoc_room(d, PD_BOTTOM - PD_MT))
			return false;
		room = PD_BOTTOM - d->y - 2 * CELL_PAD_Y;   /* the layouts wrap the same on any page */
	}
	const char *head[8], *tail[8];
	bool more = false;
	for (int i = 0; i < n; i++) {
		size_t cut = fit_bytes(ls[i], cells[i], room);
		head[i] = pd_printf(d, "%.*s", (int)cut, cells[i]);
		tail[i] = pd_printf(d, "%s", cells[i] + cut);
		more |= *tail[i] != '\0';
	}
	bool any_head = false;
	for (int i = 0; i < n; i++)
		any_head |= *head[i] != '\0';
	if (!more || !any_head)
		return false;
	pdoc_row(d, head, rgb);
	return pdoc_row(d, tail, rgb);
}

bool pdoc_row(pdoc *d, const char *const *cells, const unsigned *rgb)
{
	int n = d->n_cols;
	if (!n)
		return false;
	PangoLayout *ls[8];
	double h = 0;
	for (int i = 0; i < n; i++) {
		ls[i] = pd_layout(d->pc, cells[i], &TS_SMALL, d->cols[i].w - 2 * CELL_PAD_X, d->cols[i].align, 8);
		double lh = pd_layout_h(ls[i]);
		if (lh > h)
			h = lh;
	}
	h += 2 * CELL_PAD_Y;
	bool ok = true;
	if (h > PD_BOTTOM - PD_MT - 40) {
		/* Taller than a page: split the row between two lines of text,
		 * the rest continuing on the next page (nothing is drawn twice,
		 * nothing falls off the bottom). */
		bool split = split_row(d, ls, cells, rgb);
		for (int i = 0; i < n; i++)
			g_object_unref(ls[i]);
		if (split)
			return true;
		/* not splittable (no line boundary): draw it as it is */
		for (int i = 0; i < n; i++)
			ls[i] = pd_layout(d->pc, cells[i], &TS_SMALL, d->cols[i].w - 2 * CELL_PAD_X, d->cols[i].align, 8);
	}
	if (d->y + h > PD_BOTTOM + 0.01) {
		/* Close the table on this page; pdoc_room repeats the header. */
		hline(d->cr, PD_ML, PD_ML + PD_CW, d->y, 0.8, C_BRAND);
		ok = pdoc_room(d, h);
	}
	if (ok) {
		if (d->rows_on_page)
			hline(d->cr, PD_ML, PD_ML + PD_CW, d->y, 0.35, C_GREY);
		pd_tag(d, "TR", true);
		for (int i = 0; i < n; i++) {
			pd_tag(d, "TD", true);
			pd_show(d->cr, ls[i], d->cols[i].x + CELL_PAD_X, d->y + CELL_PAD_Y,
				rgb && rgb[i] ? rgb[i] : TS_SMALL.rgb);
			pd_tag(d, "TD", false);
		}
		pd_tag(d, "TR", false);
		d->y += h;
		d->rows_on_page++;
	} else {
		d->n_cols = 0;   /* out of pages: the rest of the table is left out */
	}
	for (int i = 0; i < n; i++)
		g_object_unref(ls[i]);
	return ok;
}

double pd_row_est(int lines)
{
	return 2 * CELL_PAD_Y + lines * TS_SMALL.size * 1.45;
}

void pdoc_table_end(pdoc *d)
{
	if (d->n_cols)
		hline(d->cr, PD_ML, PD_ML + PD_CW, d->y, 0.8, C_BRAND);
	table_close(d);
	d->n_cols = 0;
	d->y += 6;
}

void pdoc_title(pdoc *d, const char *kicker, const char *title, const char *meta, const char *note)
{
	cairo_t *cr = d->cr;
	pd_rgb(cr, C_BRAND);
	cairo_rectangle(cr, PD_ML, d->y - 16, PD_CW, 3);
	cairo_fill(cr);
	d->y += pd_text(cr, d->pc, kicker, &TS_KICKER, PD_ML, d->y, PD_CW, AL_LEFT, 1) + 1;
	pd_tag(d, "H", true);
	d->y += pd_text(cr, d->pc, title, d->compact ? &(tstyle){16, true, C_INK} : &TS_TITLE, PD_ML, d->y, PD_CW, AL_LEFT, 2) + 2;
	pd_tag(d, "H", false);
	d->y += pd_text(cr, d->pc, meta, &(tstyle){8.5, false, C_MUTED}, PD_ML, d->y, PD_CW, AL_LEFT, 2) + 1;
	if (note)
		d->y += pd_text(cr, d->pc, note, &(tstyle){7.5, false, C_MUTED}, PD_ML, d->y, PD_CW, AL_LEFT, 2) + 1;
	d->y += 4;
	hline(cr, PD_ML, PD_ML + PD_CW, d->y, 1.2, C_INK);
	d->y += 8;
}

/* ---- output ---- */

/* The value of "/Key N" in a PDF dictionary text, or -1. */
static long pdf_int_after(const char *dict, const char *end, const char *key)
{
	const char *p = memmem(dict, (size_t)(end - dict), key, strlen(key));
	if (!p)
		return -1;
	p += strlen(key);
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r'))
		p++;
	return p < end && *p >= '0' && *p <= '9' ? strtol(p, NULL, 10) : -1;
}

/* The last occurrence of what in [s, end), or NULL.  (The PDF holds
 * binary streams: search bytes, not C strings.) */
static const char *mem_last(const char *s, const char *end, const char *what)
{
	const char *last = NULL;
	size_t n = strlen(what);
	for (const char *p = s; (p = memmem(p, (size_t)(end - p), what, n)); p++)
		last = p;
	return last;
}

/* cairo 1.16 has no call for the document's language, nor for the
 * /MarkInfo that says the PDF is tagged.  Both belong in the catalog, so
 * the PDF gets an incremental update (ISO 32000-1, 7.5.6): the catalog
 * again with /Lang, /MarkInfo and /ViewerPreferences (show the title),
 * a cross-reference section for it and a trailer whose /Prev points at
 * cairo's.  Readers take the newer catalog; the bytes before stay as cairo
 * wrote them.  Returns false when the file is not laid out as expected
 * (the PDF is then left as it is). */
static bool pdf_add_catalog_facts(buf_t *pdf, const char *lang)
{
	const char *s = pdf->p, *e = pdf->p + pdf->len;
	const char *cat = s ? mem_last(s, e, "/Type /Catalog") : NULL;
	const char *trailer = s ? mem_last(s, e, "\ntrailer") : NULL;
	const char *sx = s ? mem_last(s, e, "startxref") : NULL;
	if (!cat || !trailer || !sx)
		return false;
	/* "N 0 obj\n<< /Type /Catalog ... >>\nendobj" */
	const char *open = cat;
	while (open > s && !(open[0] == '<' && open[1] == '<'))
		open--;
	const char *obj = open;   /* the line before: "N 0 obj" */
	if (obj > s)
		obj--;
	while (obj > s && obj[-1] != '\n')
		obj--;
	if (!memmem(obj, (size_t)(open - obj), " 0 obj", 6))
		return false;
	const char *end = memmem(cat, (size_t)(e - cat), "endobj", 6);
	if (!end)
		return false;
	long num = strtol(obj, NULL, 10);
	if (num <= 0)
		return false;
	const char *close = end;
	while (close > cat && !(close[0] == '>' && close[1] == '>'))
		close--;
	long size = pdf_int_after(trailer, e, "/Size"), info = pdf_int_after(trailer, e, "/Info");
	long prev = strtol(sx + 9, NULL, 10);
	if (close <= cat || size <= num || prev <= 0)
		return false;
	buf_t up = BUF_INIT;
	size_t at = pdf->len;
	buf_printf(&up, "%ld 0 obj\n%.*s   /Lang (%s)\n   /MarkInfo << /Marked true >>\n"
		   "   /ViewerPreferences << /DisplayDocTitle true >>\n>>\nendobj\n",
		   num, (int)(close - open), open, lang);
	size_t xref = at + up.len;
	buf_printf(&up, "xref\n%ld 1\n%010zu 00000 n \ntrailer\n<< /Size %ld\n   /Root %ld 0 R\n", num, at, size, num);
	if (info > 0)
		buf_printf(&up, "   /Info %ld 0 R\n", info);
	buf_printf(&up, "   /Prev %ld\n>>\nstartxref\n%zu\n%%%%EOF\n", prev, xref);
	buf_add(pdf, up.p, up.len);
	buf_free(&up);
	return true;
}

static void footer(pdoc *d, cairo_t *cr, int page)
{
	double y = PD_PAGE_H - 46;
	hline(cr, PD_ML, PD_ML + PD_CW, y, 0.5, C_RULE);
	y += 5;
	pd_text(cr, d->pc, d->footer_left, &TS_MUTED, PD_ML, y, PD_CW * 0.45, AL_LEFT, 1);
	pd_text(cr, d->pc, d->footer_mid, &TS_MUTED, PD_ML + PD_CW * 0.45, y, PD_CW * 0.35, AL_CENTER, 1);
	char num[32];
	snprintf(num, sizeof num, "%d / %d", page, d->total_pages ? d->total_pages : d->n_pages);
	pd_text(cr, d->pc, num, &TS_MUTED, PD_ML + PD_CW * 0.8, y, PD_CW * 0.2, AL_RIGHT, 1);
}

bool pdoc_finish(pdoc *d, date_t today, report_sink sink, void *closure, errs_t *errs)
{
	if (!d->pdf)
		panic("pdoc_finish: not a PDF pass (pdoc_init_pdf)");
	table_close(d);
	footer(d, d->cr, d->n_pages);
	cairo_show_page(d->cr);
	cr_free(d->cr);
	d->cr = NULL;
	char date[11], stamp[32];
	date_format(today, date);
	snprintf(stamp, sizeof stamp, "%sT00:00:00", date);
	cairo_surface_t *pdf = d->pdf;
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE, d->title ? d->title : "");
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_AUTHOR, d->footer_left ? d->footer_left : "");
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_SUBJECT, d->footer_mid ? d->footer_mid : "");
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "secstep");
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, stamp);
	cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, stamp);
	for (int i = 0; i < d->n_marks; i++) {
		char dest[96];
		snprintf(dest, sizeof dest, "page=%d pos=[%.1f %.1f]", d->marks[i].page, PD_ML, d->marks[i].y);
		cairo_pdf_surface_add_outline(pdf, CAIRO_PDF_OUTLINE_ROOT, d->marks[i].title, dest, 0);
	}
	LIBRARY_LEAKS_BEGIN();
	cairo_surface_finish(pdf);
	LIBRARY_LEAKS_END();
	cairo_status_t st = cairo_surface_status(pdf);
	if (st != CAIRO_STATUS_SUCCESS) {
		errs_add(errs, "pdf", "%s", cairo_status_to_string(st));
		return false;
	}
	pdf_add_catalog_facts(d->out, d->lang == LANG_EN ? "en" : "ja");
	bool ok = sink(closure, (const unsigned char *)d->out->p, d->out->len);
	if (!ok)
		errs_add(errs, "pdf", "write error");
	return ok;
}
