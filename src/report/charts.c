/* charts.c — the report's charts (see charts.h).
 *
 * The *_geom functions hold the whole layout as arithmetic on plain
 * numbers, with no cairo or pango in them, so the web's SVG charts
 * (src/web/svg.c draws the same four shapes today with its own numbers)
 * can move onto the same layout code later; the chart_* painters below them
 * turn a geometry into cairo paths and pango labels. */
#include <math.h>
#include <stdio.h>

#include "report/charts.h"
#include "report/pdoc.h"

/* ---- STEP gauge ---- */

void ch_gauge_geom_compute(double w, double h, ch_gauge_geom *g)
{
	const double gap = w * 0.025;
	double bw = (w - 3 * gap) / 4, bh = h * 0.5;
	for (int i = 0; i < 4; i++)
		g->box[i] = (ch_rect){i * (bw + gap), 0, bw, bh};
	g->title_y = bh + 3;
	g->marker_y = h - 10;
}

void chart_step_gauge(cairo_t *cr, PangoContext *pc, double x, double y, double w, double h, int current,
		      int working, const char *const titles[4], const char *marker)
{
	ch_gauge_geom g;
	ch_gauge_geom_compute(w, h, &g);
	for (int s = 1; s <= 4; s++) {
		const ch_rect *b = &g.box[s - 1];
		unsigned fill = s <= current ? C_BRAND : s == working ? C_AMBER : C_GREY;
		unsigned ink = s <= current ? C_WHITE : C_INK;
		pd_round_rect(cr, x + b->x, y + b->y, b->w, b->h, 6);
		pd_rgb(cr, fill);
		cairo_fill(cr);
		if (s < 4) {
			/* a small arrow between boxes */
			double ax = x + b->x + b->w, ay = y + b->y + b->h / 2, gw = g.box[s].x - (b->x + b->w);
			pd_rgb(cr, C_RULE);
			cairo_move_to(cr, ax + gw * 0.25, ay - 4);
			cairo_line_to(cr, ax + gw * 0.75, ay);
			cairo_line_to(cr, ax + gw * 0.25, ay + 4);
			cairo_close_path(cr);
			cairo_fill(cr);
		}
		char label[16];
		snprintf(label, sizeof label, "STEP%d", s);
		PangoLayout *l = pd_layout(pc, label, &(tstyle){12, true, ink}, b->w, AL_CENTER, 1);
		pd_show(cr, l, x + b->x, y + b->y + (b->h - pd_layout_h(l)) / 2, ink);
		g_object_unref(l);
		double th = pd_text(cr, pc, titles[s - 1], &(tstyle){7.2, s == working, s == working ? C_INK : C_MUTED},
				    x + b->x, y + g.title_y, b->w, AL_CENTER, 2);
		/* the marker sits under the title, however many lines it took */
		double my = g.title_y + th + 1 > g.marker_y ? g.title_y + th + 1 : g.marker_y;
		if (s == working && s > current && marker)
			pd_text(cr, pc, marker, &(tstyle){7.5, true, C_WARN}, x + b->x, y + my, b->w, AL_CENTER, 1);
	}
}

/* ---- trend ---- */

void ch_trend_geom_compute(double w, double h, ch_plot_geom *g)
{
	g->left = 40;
	g->right = w - 34;
	g->top = 8;
	g->bottom = h - 34;
}

double ch_trend_x(const ch_plot_geom *g, int i, int n)
{
	double inner = (g->right - g->left) * 0.08;
	if (n <= 1)
		return (g->left + g->right) / 2;
	return g->left + inner + (g->right - g->left - 2 * inner) * i / (n - 1);
}

double ch_value_y(const ch_plot_geom *g, double v, double vmax)
{
	if (v < 0)
		v = 0;
	if (v > vmax)
		v = vmax;
	return g->bottom - (g->bottom - g->top) * v / vmax;
}

void chart_trend(cairo_t *cr, PangoContext *pc, double x, double y, double w, double h, int n, const int *steps,
		 const int *scores, const char *const *labels, const char *legend_step, const char *legend_score)
{
	ch_plot_geom g;
	ch_trend_geom_compute(w, h, &g);
	const tstyle axis = {6.8, false, C_MUTED};
	cairo_save(cr);
	cairo_translate(cr, x, y);
	cairo_set_line_width(cr, 0.4);
	for (int s = 0; s <= 4; s++) {
		double ly = ch_value_y(&g, s, 4);
		pd_rgb(cr, s == 0 ? C_RULE : C_FAINT);
		cairo_move_to(cr, g.left, ly);
		cairo_line_to(cr, g.right, ly);
		cairo_stroke(cr);
		char t[16];
		snprintf(t, sizeof t, "STEP%d", s);
		pd_text(cr, pc, t, &axis, g.left - 4, ly - 5, 0, AL_RIGHT, 1);
		snprintf(t, sizeof t, "%d", s * 25);
		pd_text(cr, pc, t, &(tstyle){6.8, false, C_WARN}, g.right + 4, ly - 5, 0, AL_LEFT, 1);
	}
	/* score: dashed amber line with squares */
	cairo_set_line_width(cr, 1.4);
	double dash[] = {3.5, 2.5};
	bool have_prev = false;
	for (int i = 0; i < n; i++) {
		if (scores[i] == CH_NONE) {
			have_prev = false;
			continue;
		}
		double px = ch_trend_x(&g, i, n), py = ch_value_y(&g, scores[i], 100);
		if (have_prev) {
			cairo_set_dash(cr, dash, 2, 0);
			pd_rgb(cr, C_AMBER);
			cairo_line_to(cr, px, py);
			cairo_stroke(cr);
			cairo_set_dash(cr, NULL, 0, 0);
		}
		pd_rgb(cr, C_AMBER);
		cairo_rectangle(cr, px - 2.8, py - 2.8, 5.6, 5.6);
		cairo_fill(cr);
		cairo_move_to(cr, px, py);
		have_prev = true;
	}
	cairo_new_path(cr);
	/* STEP: solid teal line with dots */
	cairo_set_line_width(cr, 2);
	pd_rgb(cr, C_BRAND);
	for (int i = 0; i < n; i++) {
		double px = ch_trend_x(&g, i, n), py = ch_value_y(&g, steps[i], 4);
		if (i == 0)
			cairo_move_to(cr, px, py);
		else
			cairo_line_to(cr, px, py);
	}
	cairo_stroke(cr);
	for (int i = 0; i < n; i++) {
		double px = ch_trend_x(&g, i, n), py = ch_value_y(&g, steps[i], 4);
		cairo_new_path(cr);
		cairo_arc(cr, px, py, 3.2, 0, 2 * M_PI);
		cairo_fill(cr);
	}
	/* date labels: at most about eight, always the last */
	int every = n > 8 ? (n + 7) / 8 : 1;
	for (int i = 0; i < n; i++)
		if (i % every == 0 || i == n - 1)
			pd_text(cr, pc, labels[i], &axis, ch_trend_x(&g, i, n), g.bottom + 4, 0, AL_CENTER, 1);
	/* legend */
	double ly = h - 11;
	pd_rgb(cr, C_BRAND);
	cairo_new_path(cr);
	cairo_arc(cr, g.left + 4, ly + 5, 3, 0, 2 * M_PI);
	cairo_fill(cr);
	PangoLayout *l = pd_layout(pc, legend_step, &axis, 0, AL_LEFT, 1);
	pd_show(cr, l, g.left + 11, ly, axis.rgb);
	double sx = g.left + 11 + pd_layout_w(l) + 18;
	g_object_unref(l);
	pd_rgb(cr, C_AMBER);
	cairo_rectangle(cr, sx, ly + 2.2, 5.6, 5.6);
	cairo_fill(cr);
	pd_text(cr, pc, legend_score, &axis, sx + 9, ly, 0, AL_LEFT, 1);
	cairo_restore(cr);
}

/* ---- bars ---- */

void ch_bars_geom_compute(double w, ch_bars_geom *g)
{
	g->label_w = w * 0.34;
	g->bar_x = g->label_w + 6;
	g->value_x = w;
	g->bar_w = w - g->bar_x - 58;
	g->row_h = 19;
	g->bar_h = 11;
}

double ch_bar_len(const ch_bars_geom *g, int v, int max)
{
	if (max < 1)
		max = 1;
	if (v < 0)
		v = 0;
	return g->bar_w * (v > max ? max : v) / max;
}

double chart_bars(cairo_t *cr, PangoContext *pc, double x, double y, double w, int n, const int *has, const int *needs,
		  const char *const *labels)
{
	ch_bars_geom g;
	ch_bars_geom_compute(w, &g);
	for (int i = 0; i < n; i++) {
		double ry = y + i * g.row_h, by = ry + (g.row_h - g.bar_h) / 2;
		int max = needs[i] > has[i] ? needs[i] : has[i];
		pd_text(cr, pc, labels[i], &TS_SMALL, x, ry + 3, g.label_w, AL_LEFT, 1);
		double wn = ch_bar_len(&g, needs[i], max), wh = ch_bar_len(&g, has[i], max);
		pd_round_rect(cr, x + g.bar_x, by, wn > 2 ? wn : 2, g.bar_h, 2.5);
		pd_rgb(cr, C_FAINT);
		cairo_fill_preserve(cr);
		pd_rgb(cr, C_RULE);
		cairo_set_line_width(cr, 0.5);
		cairo_stroke(cr);
		if (wh > 0) {
			pd_round_rect(cr, x + g.bar_x, by, wh, g.bar_h, 2.5);
			pd_rgb(cr, has[i] >= needs[i] ? C_GOOD : C_WARN);
			cairo_fill(cr);
		}
		/* the need as a tick */
		pd_rgb(cr, C_INK);
		cairo_set_line_width(cr, 1);
		cairo_move_to(cr, x + g.bar_x + wn, by - 2);
		cairo_line_to(cr, x + g.bar_x + wn, by + g.bar_h + 2);
		cairo_stroke(cr);
		char t[32];
		snprintf(t, sizeof t, "%d / %d", has[i], needs[i]);
		pd_text(cr, pc, t, &(tstyle){8, true, has[i] >= needs[i] ? C_GOOD : C_WARN}, x + g.value_x, ry + 3, 0,
			AL_RIGHT, 1);
	}
	return n * g.row_h;
}

/* ---- meter ---- */

void chart_meter(cairo_t *cr, PangoContext *pc, double x, double y, double w, double h, int value, int max,
		 unsigned rgb)
{
	double bw = w - 44;
	pd_round_rect(cr, x, y, bw, h, h / 2);
	pd_rgb(cr, C_GREY);
	cairo_fill(cr);
	double f = max > 0 ? (double)(value < 0 ? 0 : value > max ? max : value) / max : 0;
	if (f > 0) {
		pd_round_rect(cr, x, y, bw * f < h ? h : bw * f, h, h / 2);
		pd_rgb(cr, rgb);
		cairo_fill(cr);
	}
	char t[32];
	snprintf(t, sizeof t, "%d / %d", value, max);
	pd_text(cr, pc, t, &(tstyle){7.8, true, C_INK}, x + w, y + h / 2 - 6, 0, AL_RIGHT, 1);
}

/* ---- dial ---- */

double ch_dial_angle(int s)
{
	if (s < 0)
		s = 0;
	if (s > 100)
		s = 100;
	return M_PI + M_PI * s / 100.0;
}

void chart_dial(cairo_t *cr, PangoContext *pc, double cx, double cy, double r, int score, unsigned rgb,
		const char *caption)
{
	double lw = r * 0.24;
	cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
	cairo_set_line_width(cr, lw);
	pd_rgb(cr, C_GREY);
	cairo_new_path(cr);
	cairo_arc(cr, cx, cy, r, M_PI, 2 * M_PI);
	cairo_stroke(cr);
	if (score > 0) {
		pd_rgb(cr, rgb);
		cairo_new_path(cr);
		cairo_arc(cr, cx, cy, r, M_PI, ch_dial_angle(score));
		cairo_stroke(cr);
	}
	char t[16];
	snprintf(t, sizeof t, "%d", score);
	PangoLayout *l = pd_layout(pc, t, &(tstyle){r * 0.62, true, C_INK}, 0, AL_LEFT, 1);
	pd_show(cr, l, cx - pd_layout_w(l) / 2, cy - pd_layout_h(l) * 0.86, C_INK);
	g_object_unref(l);
	pd_text(cr, pc, caption, &TS_MUTED, cx, cy + 2, 0, AL_CENTER, 1);
}
