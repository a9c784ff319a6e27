/* pages_learning.c — learning and exams: the exam ladder, each officer's
 * path, and the resources of the working STEP by audience. */
#include <string.h>

#include "base/util.h"
#include "web/pages.h"

void h_learning(req_t *r)
{
	plan_t *p = plan_compute(r->cat, r->co, r->today);
	page_begin(r, T(r, "学びと試験", "Learning & exams"), NAV_LEARN);
	hp(r, "<h1>%s</h1>", T(r, "学びと試験", "Learning & exams"));
	const char *l_exam = T(r, "試験", "Exam"), *l_step = T(r, "段階", "STEP"), *l_for = T(r, "対象", "For"), *l_fmt = T(r, "形式", "Format");
	hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"muted\">%s</p><table class=\"cards\"><thead><tr><th scope=\"col\">%s</th>"
	      "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>",
	   T(r, "試験のはしご", "The exam ladder"),
	   T(r, "STEP が進むごとに、担当者にすすめる試験が一段ずつ上がります。受験料はいずれも 7,500円（税込）です。",
	     "Each STEP recommends the next exam up for its officers. Each exam costs ¥7,500 (tax included)."),
	   l_exam, l_step, l_for, l_fmt);
	for (int lv = 1; lv <= 4; lv++)
		for (size_t i = 0; i < r->cat->n_exams; i++) {
			const cat_exam *e = &r->cat->exams[i];
			if (e->level != lv)
				continue;
			hp(r, "<tr><td data-label=\"%s\"><strong>%s</strong><br><span class=\"small muted\">%s %d</span></td><td data-label=\"%s\">", l_exam,
			   TX(r, e->name), T(r, "レベル", "level"), e->level, l_step);
			if (e->step)
				hp(r, "<span class=\"badge %s\">STEP%d</span>", e->step == p->step ? "info" : "", e->step);
			if (!e->step)
				hp(r, "<span class=\"small muted\">%s</span>", T(r, "（はしごの外）", "(off the ladder)"));
			hp(r, "</td><td class=\"small\" data-label=\"%s\">%s</td><td class=\"small\" data-label=\"%s\">%s</td></tr>", l_for, TX(r, e->audience),
			   l_fmt, TX(r, e->format));
		}
	HL(r, "</tbody></table></section>");

	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "一人ひとりの道のり", "Each person's path"));
	bool any = false;
	HL(r, "<ul>");
	for (size_t i = 0; i < r->co->n_people; i++) {
		const m_person *ps = &r->co->people[i];
		if (!ps->n_roles && !ps->n_exams && !ps->n_learning)
			continue;
		any = true;
		hp(r, "<li><strong>%s</strong>: ", ps->name);
		for (size_t k = 0; k < ps->n_exams; k++) {
			const cat_exam *ex = cat_exam_find(r->cat, ps->exams[k].exam);
			hp(r, "<span class=\"badge %s\">%s %s</span> ", ps->exams[k].status == EXAM_PASSED ? "good" : "warn", ex ? TX(r, ex->name) : "",
			   exam_status_name(r, ps->exams[k].status));
		}
		for (size_t k = 0; k < p->n_exams; k++)
			if (p->exams[k].person == ps && !p->exams[k].record)
				hp(r, "<span class=\"badge info\">%s %s</span> ", T(r, "次は", "next:"), TX(r, p->exams[k].exam->name));
		hp(r, "<span class=\"small muted\">%s %zu</span></li>", T(r, "学習の記録", "learning records"), ps->n_learning);
	}
	HL(r, "</ul>");
	if (!any)
		hp(r, "<p class=\"muted\">%s</p>", T(r, "担当者を任命すると、ここに試験と学びの道のりが表示されます。", "Appoint an officer to see their exam and learning path here."));
	HL(r, "</section>");

	hp(r, "<section class=\"card\"><h2>%s STEP%d</h2>", T(r, "この段階で学ぶもの", "What to learn at"), p->step);
	for (size_t i = 0; i < p->n_learning; i++) {
		const plan_learning *l = &p->learning[i];
		hp(r, "<h3>%s</h3><ul>", TX(r, l->audience->name));
		for (size_t k = 0; k < l->n_resources; k++) {
			const cat_resource *res = l->resources[k];
			if (res->url && *res->url)
				hp(r, "<li><a href=\"%s\" rel=\"noopener noreferrer\">%s</a> — <span class=\"small\">%s</span></li>", res->url, TX(r, res->name), TX(r, res->what));
			else
				hp(r, "<li>%s — <span class=\"small\">%s</span></li>", TX(r, res->name), TX(r, res->what));
		}
		HL(r, "</ul>");
	}
	hp(r, "<p class=\"small muted\">%s</p></section>",
	   T(r, "受験を後押しする工夫（ガイドブックの事例D）: 受験料・教材費の会社負担、合格報奨金、学習のための休暇、社長がメンターになる、など。",
	     "Ways to back exam takers (guidebook case D): the company pays fees and books, a pass bonus, study leave, the owner as a mentor."));
	page_end(r);
	plan_free(p);
}
