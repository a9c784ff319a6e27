/* pages_reference.c — the guidebook inside the app: the four STEPs, the
 * case studies (the closest first), the owner's message and the glossary. */
#include <string.h>

#include "base/util.h"
#include "web/pages.h"

void h_reference(req_t *r)
{
	plan_t *p = plan_compute(r->cat, r->co, r->today);
	page_begin(r, T(r, "ガイドブック", "Guidebook"), NAV_REF);
	hp(r, "<h1>%s</h1>", T(r, "ガイドブックの内容", "The guidebook"));
	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "4つの STEP", "The four STEPs"));
	for (int s = 0; s < CAT_STEPS; s++) {
		const cat_step *st = &r->cat->steps[s];
		hp(r, "<details%s><summary>STEP%d %s</summary><p>", st->id == p->step ? " open" : "", st->id, TX(r, st->title));
		hp_gloss(r, TX(r, st->aim));
		HL(r, "</p><ul><li>");
		hp_gloss(r, TX(r, st->staffing));
		HL(r, "</li><li>");
		hp_gloss(r, TX(r, st->outside_help));
		HL(r, "</li><li>");
		hp_gloss(r, TX(r, st->learning));
		HL(r, "</li></ul><ul>");
		for (size_t c = 0; c < st->n_checkpoints; c++) {
			hp(r, "<li><strong>%s</strong> — ", TX(r, st->checkpoints[c].title));
			hp_gloss(r, TX(r, st->checkpoints[c].summary));
			HL(r, "</li>");
		}
		HL(r, "</ul>");
		if (r->lang == LANG_JA)   /* sources are written as Japanese section names */
			hp(r, "<p class=\"small muted\">出典: %s</p>", st->source);
		HL(r, "</details>");
	}
	HL(r, "</section>");
	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "事例（近い順）", "Case studies (closest first)"));
	for (size_t i = 0; i < p->n_cases; i++) {
		const cat_case *k = p->cases[i].c;
		const cat_tag *ind = cat_tag_find(r->cat->industries, r->cat->n_industries, k->industry);
		hp(r, "<details id=\"%s\"%s><summary>%s — %s</summary>", k->id, i == 0 ? " open" : "", TX(r, k->name), TX(r, k->title));
		hp(r, "<p class=\"small\">%s / %d%s / STEP%d</p>", ind ? TX(r, ind->name) : "", k->employees, T(r, "人", " people"), k->step);
		hp(r, "<h3>%s</h3><p>%s</p><h3>%s</h3><p>%s</p><h3>%s</h3><ol>", T(r, "きっかけ", "Trigger"), TX(r, k->trigger), T(r, "問題", "Problem"),
		   TX(r, k->problem), T(r, "取り組み", "What they did"));
		for (size_t a = 0; a < k->n_actions; a++)
			hp(r, "<li>%s</li>", TX(r, k->actions[a]));
		hp(r, "</ol><h3>%s</h3><p>%s</p><h3>%s</h3><ul>", T(r, "成果", "Results"), TX(r, k->results), T(r, "ポイント", "Key points"));
		for (size_t a = 0; a < k->n_points; a++)
			hp(r, "<li>%s</li>", TX(r, k->points[a]));
		HL(r, "</ul></details>");
	}
	HL(r, "</section>");
	hp(r, "<section class=\"card\" id=\"glossary\"><h2>%s</h2><dl class=\"facts glossary\">", T(r, "用語集", "Glossary"));
	for (size_t i = 0; i < r->cat->n_glossary; i++)
		hp(r, "<dt id=\"term-%s\">%s</dt><dd>%s</dd>", r->cat->glossary[i].id, TX(r, r->cat->glossary[i].term), TX(r, r->cat->glossary[i].definition));
	HL(r, "</dl></section>");
	page_end(r);
	plan_free(p);
}
