/* charts.h — the report's charts, drawn with cairo from plain numbers.
 *
 * Each chart comes in two halves: a geometry function (pure arithmetic on
 * numbers: where every box, point and label goes inside a w × h area) and a
 * cairo painter that uses it.  The geometry half has no cairo or pango in
 * it, so the web's SVG charts (src/web/svg.c) can share the same layout
 * later by calling the *_geom functions and writing SVG elements instead of
 * cairo paths.  Painters take a PangoContext for their labels. */
#ifndef SECSTEP_CHARTS_H
#define SECSTEP_CHARTS_H

#include <cairo.h>
#include <pango/pangocairo.h>

#define CH_NONE (-1000)   /* "no value" in a series */

typedef struct {
	double x, y, w, h;
} ch_rect;

/* ---- STEP gauge: four boxes, reached / working / ahead ---- */
typedef struct {
	ch_rect box[4];      /* STEP1..4 */
	double title_y;      /* top of the STEP titles under the boxes */
	double marker_y;     /* top of the "working on" marker (lower when a title wraps) */
} ch_gauge_geom;

void ch_gauge_geom_compute(double w, double h, ch_gauge_geom *g);
/* titles: the four STEP titles (short texts); marker: "▲ working on". */
void chart_step_gauge(cairo_t *cr, PangoContext *pc, double x, double y, double w, double h, int current,
		      int working, const char *const titles[4], const char *marker);

/* ---- trend: reached STEP (0–4) and self-check score (0–100) per diagnosis ---- */
typedef struct {
	double left, right, top, bottom;   /* the plot area */
} ch_plot_geom;

void ch_trend_geom_compute(double w, double h, ch_plot_geom *g);
/* x of point i of n (centred when n == 1). */
double ch_trend_x(const ch_plot_geom *g, int i, int n);
/* y of value v on a 0..vmax axis (clamped). */
double ch_value_y(const ch_plot_geom *g, double v, double vmax);
/* steps[i] 0–4, scores[i] 0–100 or CH_NONE, labels[i] short dates. */
void chart_trend(cairo_t *cr, PangoContext *pc, double x, double y, double w, double h, int n, const int *steps,
		 const int *scores, const char *const *labels, const char *legend_step, const char *legend_score);

/* ---- horizontal bars: has against needs (staffing) ---- */
typedef struct {
	double label_w, bar_x, bar_w, value_x, row_h, bar_h;
} ch_bars_geom;

void ch_bars_geom_compute(double w, ch_bars_geom *g);
/* Width of a bar for value v when the row's scale is max (at least 1). */
double ch_bar_len(const ch_bars_geom *g, int v, int max);
/* Returns the height used (n rows). */
double chart_bars(cairo_t *cr, PangoContext *pc, double x, double y, double w, int n, const int *has, const int *needs,
		  const char *const *labels);

/* ---- a meter: value of max as a rounded bar with "value / max" ---- */
void chart_meter(cairo_t *cr, PangoContext *pc, double x, double y, double w, double h, int value, int max,
		 unsigned rgb);

/* ---- score dial: a half ring 0–100 with the score in the middle ---- */
/* The angle (radians, cairo convention) of score s on the dial. */
double ch_dial_angle(int s);
void chart_dial(cairo_t *cr, PangoContext *pc, double cx, double cy, double r, int score, unsigned rgb,
		const char *caption);

#endif
