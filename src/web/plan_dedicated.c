/* plan_dedicated.c — on the plan page, from STEP3 on when nobody holds the
 * officer role as a dedicated one: who inside could take it (the concurrent
 * officers, most experienced first) and the ways to fill it from outside
 * (hire, outsource).  The rule is plan_t.dedicated (core/rules.h); the
 * page calls plan_dedicated_card() once. */
#include "base/util.h"
#include "web/pages.h"

static void inside_list(req_t *r, const plan_t *p)
{
	hp(r, "<h3>%s</h3>", T(r, "社内から（いまの兼務の担当者、経験の多い順）",
			       "From inside: your officers who hold the role alongside their main job, most experienced first"));
	if (!p->n_dedicated) {
		hp(r, "<p>%s</p>", T(r, "兼務の担当者もまだいません。まず担当者を任命し、育てましょう。",
				     "There is no officer yet. Appoint one and develop them first."));
		return;
	}
	HL(r, "<ol>");
	for (size_t i = 0; i < p->n_dedicated; i++) {
		const plan_inside *in = &p->dedicated[i];
		hp(r, "<li><strong>%s</strong>", in->person->name);
		if (in->passed)
			hp(r, " <span class=\"badge info\">%s %s</span>", TX(r, in->passed->name), T(r, "合格", "passed"));
		if (in->security_work)
			hp(r, " <span class=\"badge\">%s</span>", T(r, "セキュリティ業務の経験", "security work done"));
		if (in->share)
			hp(r, " <span class=\"small muted\">%s%d%s</span>", T(r, "仕事の", ""), in->share,
			   T(r, "%をすでにこの役目に", "% of their time on the role already"));
		HL(r, "</li>");
	}
	HL(r, "</ol>");
}

static void outside_list(req_t *r, const plan_t *p)
{
	hp(r, "<h3>%s</h3><ul>", T(r, "社外の力で", "From outside"));
	for (size_t i = 0; i < p->n_dedicated_outside; i++) {
		const cat_measure *m = p->dedicated_outside[i];
		bool hire = str_eq(m->dedicated_alt, "hire");
		hp(r, "<li><span class=\"badge\">%s</span> <strong>%s</strong><div class=\"small\">%s</div></li>",
		   hire ? T(r, "採用する", "Hire") : T(r, "外に任せる", "Outsource"), TX(r, m->title), TX(r, m->summary));
	}
	HL(r, "</ul>");
}

void plan_dedicated_card(req_t *r, const plan_t *p)
{
	if (!p->dedicated_short)
		return;
	hp(r, "<section class=\"card\" id=\"dedicated\"><h2>%s</h2><p class=\"muted\">%s</p>",
	   T(r, "専任の担当者を置くには", "Filling the dedicated officer role"),
	   T(r, "STEP3からは、セキュリティだけを受け持つ専任の担当者が1人必要です。いまはいません。",
	     "From STEP3 one officer must work on security only (dedicated). There is none yet."));
	inside_list(r, p);
	outside_list(r, p);
	HL(r, "</section>");
}
