/* svg.c — charts drawn by the server as inline SVG (no script, no images
 * fetched).  The same shapes can be drawn by the report layer later. */
#include <stdio.h>

#include "core/rules.h"
#include "web/web.h"

void svg_step_gauge(req_t *r, int current, int working)
{
	hp(r, "<svg class=\"chart gauge\" viewBox=\"0 0 420 92\" role=\"img\" aria-label=\"%s %d / 4\">",
	   T(r, "到達した STEP", "STEP reached"), current);
	for (int s = 1; s <= 4; s++) {
		int x = 10 + (s - 1) * 102;
		const char *fill = s <= current ? "#0b6560" : s == working ? "#f5b400" : "#dde3ea";
		const char *ink = s <= current ? "#ffffff" : "#1c2733";
		hp(r, "<rect x=\"%d\" y=\"16\" width=\"96\" height=\"44\" rx=\"10\" fill=\"%s\"/>", x, fill);
		hp(r, "<text x=\"%d\" y=\"44\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"700\" fill=\"%s\">STEP%d</text>",
		   x + 48, ink, s);
		if (s == working && s > current)
			hp(r, "<text x=\"%d\" y=\"84\" text-anchor=\"middle\" font-size=\"15\" fill=\"#1c2733\">%s</text>", x + 48,
			   T(r, "▲ いまここ", "▲ working on"));
	}
	HL(r, "</svg>");
}

void svg_progress(req_t *r, int done, int total, const char *label)
{
	int w = total > 0 ? 320 * done / total : 0;
	hp(r, "<svg class=\"chart\" viewBox=\"0 0 420 40\" role=\"img\" aria-label=\"%s %d/%d\">", label, done, total);
	hp(r, "<rect x=\"0\" y=\"8\" width=\"320\" height=\"22\" rx=\"11\" fill=\"#dde3ea\"/>");
	if (w > 0)
		hp(r, "<rect x=\"0\" y=\"8\" width=\"%d\" height=\"22\" rx=\"11\" fill=\"#0b6560\"/>", w);
	hp(r, "<text x=\"334\" y=\"27\" font-size=\"20\" font-weight=\"700\" fill=\"#1c2733\">%d / %d</text></svg>", done, total);
}

void svg_staffing(req_t *r, const int *has, const int *needs, int n, const char *const *labels)
{
	int h = 30 * n + 10;
	hp(r, "<svg class=\"chart\" viewBox=\"0 0 330 %d\" role=\"img\" aria-label=\"%s\">", h,
	   T(r, "必要な人数と現在の人数", "people needed and people there"));
	for (int i = 0; i < n; i++) {
		int y = 8 + 30 * i;
		int max = needs[i] > has[i] ? needs[i] : has[i];
		if (max < 1)
			max = 1;
		int wn = 150 * needs[i] / max, wh = 150 * has[i] / max;
		hp(r, "<text x=\"0\" y=\"%d\" font-size=\"14\" fill=\"#1c2733\">%s</text>", y + 15, labels[i]);
		hp(r, "<rect x=\"110\" y=\"%d\" width=\"%d\" height=\"18\" rx=\"4\" fill=\"#eef1f5\" stroke=\"#b8c3cf\"/>", y,
		   wn > 0 ? wn : 1);
		if (wh > 0)
			hp(r, "<rect x=\"110\" y=\"%d\" width=\"%d\" height=\"18\" rx=\"4\" fill=\"%s\"/>", y, wh,
			   has[i] >= needs[i] ? "#17803d" : "#92400e");
		hp(r, "<text x=\"325\" y=\"%d\" font-size=\"14\" text-anchor=\"end\" fill=\"#1c2733\">%d / %d</text>",
		   y + 14, has[i], needs[i]);
	}
	HL(r, "</svg>");
	hp(r, "<details class=\"data\"><summary>%s</summary><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
	      "<th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>", T(r, "数値で見る（人の体制）", "Staffing as a table"), T(r, "役割", "Role"),
	   T(r, "いる人数", "In place"), T(r, "必要な人数", "Needed"));
	for (int i = 0; i < n; i++)
		hp(r, "<tr><th scope=\"row\">%s</th><td class=\"num\">%d</td><td class=\"num\">%d</td></tr>", labels[i], has[i], needs[i]);
	HL(r, "</tbody></table></details>");
}

void svg_history(req_t *r, const m_company *co)
{
	size_t n = co->n_diagnoses;
	if (n == 0) {
		hp(r, "<p class=\"muted\">%s</p>", T(r, "診断の記録がまだありません。", "No diagnosis recorded yet."));
		return;
	}
	/* each diagnosis's status once, for the chart and its table */
	status_t *sts = arena_alloc(&r->arena, n * sizeof *sts);
	for (size_t i = 0; i < n; i++)
		status_compute(r->cat, co, &co->diagnoses[i], &sts[i]);
	int W = 440, H = 196, left = 58, bottom = 146, top = 16;
	hp(r, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", W, H,
	   T(r, "STEP と自社診断の点数の推移", "STEP and self-check score over time"));
	for (int s = 0; s <= 4; s++) {
		int y = bottom - s * (bottom - top) / 4;
		hp(r, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#eef1f5\"/>", left, y, W - 36, y);
		hp(r, "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"end\" fill=\"#0b6560\">STEP%d</text>",
		   left - 4, y + 4, s);
		hp(r, "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#92400e\">%d</text>", W - 32, y + 4, s * 25);
	}
	int prevx = -1, prevy = -1, prevsx = -1, prevsy = -1;
	for (size_t i = 0; i < n; i++) {
		const status_t st = sts[i];
		int x = n == 1 ? (left + W) / 2 : left + 12 + (int)((W - left - 80) * i / (n - 1));
		int y = bottom - st.current_step * (bottom - top) / 4;
		if (prevx >= 0)
			hp(r, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#0b6560\" stroke-width=\"3\"/>", prevx, prevy, x, y);
		hp(r, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"#0b6560\"/>", x, y);
		if (st.sd_complete) {
			int sc = st.sd_score < 0 ? 0 : st.sd_score;
			int sy = bottom - sc * (bottom - top) / 100;
			if (prevsx >= 0)
				hp(r, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#92400e\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>",
				   prevsx, prevsy, x, sy);
			hp(r, "<rect x=\"%d\" y=\"%d\" width=\"8\" height=\"8\" fill=\"#92400e\"/>", x - 4, sy - 4);
			prevsx = x;
			prevsy = sy;
		}
		char ds[11];
		date_format(co->diagnoses[i].date, ds);
		hp(r, "<text x=\"%d\" y=\"%d\" font-size=\"14\" text-anchor=\"middle\" fill=\"#5b6b7b\">%s</text>", x,
		   bottom + 18, ds + 5);
		prevx = x;
		prevy = y;
	}
	hp(r, "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#0b6560\">● %s</text>", 4, H - 3, T(r, "到達 STEP（左）", "STEP (left)"));
	hp(r, "<text x=\"%d\" y=\"%d\" font-size=\"14\" fill=\"#92400e\">■ %s</text></svg>", 220, H - 3,
	   T(r, "自社診断の点数（右）", "self-check score (right)"));
	/* the same figures as a table */
	hp(r, "<details class=\"data\"><summary>%s</summary><table><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	      "<th scope=\"col\" class=\"num\">%s</th></tr></thead><tbody>", T(r, "数値で見る（診断の推移）", "The diagnoses as a table"),
	   T(r, "診断日", "Date"), T(r, "到達 STEP", "STEP reached"), T(r, "自社診断の点数", "Self-check score"));
	for (size_t i = 0; i < n; i++) {
		const status_t st = sts[i];
		char ds[11];
		date_format(co->diagnoses[i].date, ds);
		if (st.current_step)
			hp(r, "<tr><th scope=\"row\">%s</th><td>STEP%d</td>", ds, st.current_step);
		else
			hp(r, "<tr><th scope=\"row\">%s</th><td>%s</td>", ds, T(r, "STEP1 の手前", "before STEP1"));
		if (st.sd_complete)
			hp(r, "<td class=\"num\">%d</td></tr>", st.sd_score);
		else
			hp(r, "<td class=\"num\">%s</td></tr>", T(r, "未回答あり", "not complete"));
	}
	HL(r, "</tbody></table></details>");
}
