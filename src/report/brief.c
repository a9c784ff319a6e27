/* brief.c — the consultation brief: one A4 page to hand to an IT vendor,
 * the chamber of commerce or IPA's consultation desk.  The guidebook
 * (STEP1 「相談の注意点」) says a consultation goes better when the company
 * briefly explains its industry and size and the measures it has in place,
 * and suggests starting from concerns close to hand; so: industry, size, IT
 * uses, what is in place (met checkpoints), what is not or not known,
 * staffing, concerns (the company's notes) and example questions.
 *
 * It is laid out to fit one sheet for a typical company; nothing is cut:
 * long notes or many IT uses wrap, and in the worst case the brief
 * continues on a second page. */
#include <string.h>

#include "base/buf.h"
#include "base/util.h"
#include "report/rep.h"

#define LABEL_W 96.0

/* One "label: value" line of the facts grid, with a faint rule under it. */
static void fact(pdoc *d, const char *label, const char *value, int max_lines)
{
	PangoLayout *l = pd_layout(d->pc, value, &TS_BODY, PD_CW - LABEL_W, AL_LEFT, max_lines);
	PangoLayout *ll = pd_layout(d->pc, label, &(tstyle){8.2, true, C_MUTED}, LABEL_W - 6, AL_LEFT, 2);
	double h = pd_layout_h(l) + 5, hl = pd_layout_h(ll) + 5.7;
	if (hl > h)
		h = hl;
	if (pdoc_room(d, h)) {
		pd_show(d->cr, ll, PD_ML, d->y + 3.2, C_MUTED);
		pd_show(d->cr, l, PD_ML + LABEL_W, d->y + 2.5, TS_BODY.rgb);
		d->y += h;
		pd_rgb(d->cr, C_GREY);
		cairo_set_line_width(d->cr, 0.35);
		cairo_move_to(d->cr, PD_ML, d->y);
		cairo_line_to(d->cr, PD_ML + PD_CW, d->y);
		cairo_stroke(d->cr);
	}
	g_object_unref(l);
	g_object_unref(ll);
}

/* A column of checkpoint lines (met, or not met with the answer at the
 * right) at x, width w, from y; returns its height.  Draws only when draw
 * is set, so the caller can measure both columns first. */
static double cp_column(pdoc *d, const rep_in *in, bool met, double x, double y, double w, bool draw)
{
	const status_t *st = &in->plan->status;
	double y0 = y, ans_w = 0;
	int n = 0;
	for (int i = 0; i < CAT_CHECKPOINTS && !met; i++)
		if (!st->met[i]) {
			PangoLayout *l = pd_layout(d->pc, lb_answer(d, in->cat, st->cp[i]), &TS_SMALL, 0, AL_LEFT, 1);
			if (pd_layout_w(l) > ans_w)
				ans_w = pd_layout_w(l);
			g_object_unref(l);
		}
	if (ans_w)
		ans_w += 8;
	for (int i = 0; i < CAT_CHECKPOINTS; i++) {
		if (st->met[i] != met)
			continue;
		const cat_checkpoint *cp = &in->cat->checkpoints[i];
		const char *t = pd_printf(d, "STEP%d  %s", cp->step, tx(cp->title, d->lang));
		PangoLayout *l = pd_layout(d->pc, t, &TS_SMALL, w - 12 - ans_w, AL_LEFT, 2);
		if (draw) {
			pd_text(d->cr, d->pc, met ? "✓" : "・", &(tstyle){7.8, true, met ? C_GOOD : C_WARN}, x, y, 0, AL_LEFT, 1);
			pd_show(d->cr, l, x + 12, y, C_INK);
			if (!met)
				pd_text(d->cr, d->pc, lb_answer(d, in->cat, st->cp[i]),
					&(tstyle){7.8, true, st->cp[i] == ANS_UNKNOWN || st->cp[i] == ANS_NONE ? C_WARN : C_MUTED},
					x + w, y, 0, AL_RIGHT, 1);
		}
		y += pd_layout_h(l) + 1.2;
		g_object_unref(l);
		n++;
	}
	if (!n) {
		const char *t = met ? pd_tr(d, "（まだありません）", "(none yet)") : pd_tr(d, "（ありません）", "(none)");
		y += draw ? pd_text(d->cr, d->pc, t, &TS_MUTED, x, y, w, AL_LEFT, 1) : 12;
	}
	return y - y0;
}

static void section(pdoc *d, const char *title, double keep)
{
	pdoc_h1(d, title, keep);
}

/* 1. industry, size, IT uses, STEP, self-check, basic policy. */
static void brief_company(pdoc *d, const rep_in *in)
{
	const m_company *co = in->co;
	const plan_t *p = in->plan;
	const status_t *st = &p->status;
	section(d, pd_tr(d, "1. 会社の概要", "1. The company"), 60);
	fact(d, pd_tr(d, "業種", "Industry"), lb_industry(d, in->cat, co), 1);
	fact(d, pd_tr(d, "規模", "Size"), pd_printf(d, "%s %d%s", pd_tr(d, "従業員", "Employees:"), co->employees, pd_tr(d, "人", "")), 1);
	fact(d, pd_tr(d, "ITの使い方", "IT uses"), lb_it_uses(d, in->cat, co), 2);
	const char *stage = st->current_step == 0
		? pd_printf(d, "%s %s", pd_tr(d, "STEP1 の手前。取り組み中:", "Before STEP1; working on"), lb_step(d, in->cat, 1))
		: d->lang == LANG_EN ? pd_printf(d, "STEP%d reached; working on %s", st->current_step, lb_step(d, in->cat, p->step))
				     : pd_printf(d, "STEP%d まで到達、%s に取り組み中", st->current_step, lb_step(d, in->cat, p->step));
	if (st->current_step == 4)
		stage = pd_tr(d, "STEP4 まですべてのチェックポイントを満たしています", "Every checkpoint up to STEP4 is met");
	fact(d, pd_tr(d, "ガイドブックの段階", "Guidebook STEP"), stage, 2);
	const char *sd = st->sd_complete ? pd_printf(d, "%d %s — %s", st->sd_score, pd_tr(d, "点 / 100点", "of 100"), tx(st->band->meaning, d->lang))
					 : pd_printf(d, "%s %zu / 25", pd_tr(d, "未完了。回答", "Not complete; answered"), st->sd_answered);
	fact(d, pd_tr(d, "自社診断（25項目）", "Self-check (25 items)"), sd, 1);
	const m_policy *pol = company_policy(co);
	const char *policy = pd_tr(d, "まだ作っていません", "Not written yet");
	if (company_policy_in_force(co))
		policy = pd_printf(d, "%s %s%s", pd_tr(d, "公開", "Published"), lb_date(d, co->policy_published),
				   co->policy_where ? lb_paren(d, co->policy_where) : "");
	else if (pol && pol->approved == DATE_NONE)
		policy = pd_printf(d, d->lang == LANG_EN ? "Draft version %d, not approved yet" : "第%d版の案（未承認）", pol->version);
	else if (pol)
		policy = pd_printf(d, d->lang == LANG_EN ? "Version %d approved, not published yet" : "第%d版を承認済み、まだ公開していません",
				   pol->version);
	fact(d, pd_tr(d, "基本方針", "Basic policy"), policy, 1);
}

/* 2 and 3 side by side: what is in place, and what is not or not known;
 * the longer list gets the wider column. */
static void brief_checkpoints(pdoc *d, const rep_in *in)
{
	const status_t *st = &in->plan->status;
	pdoc_space(d, 9);
	int n_un = (int)st->n_unmet;
	double share = (double)n_un / CAT_CHECKPOINTS;
	share = share < 0.38 ? 0.38 : share > 0.74 ? 0.74 : share;
	double wun = (PD_CW - 18) * share, wmet = PD_CW - 18 - wun, x2 = PD_ML + wmet + 18;
	const char *h2 = pd_tr(d, "2. できていること", "2. In place");
	const char *h3 = pd_tr(d, "3. まだのこと・わからないこと（回答）", "3. Not yet, or not known (answer)");
	PangoLayout *l2 = pd_layout(d->pc, h2, &TS_H2, wmet - 8, AL_LEFT, 1);
	PangoLayout *l3 = pd_layout(d->pc, h3, &TS_H2, wun - 8, AL_LEFT, 1);
	double hh = (pd_layout_h(l2) > pd_layout_h(l3) ? pd_layout_h(l2) : pd_layout_h(l3)) + 5;
	double hmet = cp_column(d, in, true, PD_ML, 0, wmet, false), hun = cp_column(d, in, false, x2, 0, wun, false);
	double hcol = hmet > hun ? hmet : hun;
	if (pdoc_room(d, hh + hcol)) {
		pd_rgb(d->cr, C_BRAND);
		cairo_rectangle(d->cr, PD_ML, d->y + 2, 3, hh - 7);
		cairo_rectangle(d->cr, x2, d->y + 2, 3, hh - 7);
		cairo_fill(d->cr);
		pd_show(d->cr, l2, PD_ML + 8, d->y, C_INK);
		pd_show(d->cr, l3, x2 + 8, d->y, C_INK);
		d->y += hh;
		cp_column(d, in, true, PD_ML, d->y, wmet, true);
		cp_column(d, in, false, x2, d->y, wun, true);
		d->y += hcol + 2;
	}
	g_object_unref(l2);
	g_object_unref(l3);
}

/* 4. the staffing the working STEP needs, and who holds a role. */
static void brief_staffing(pdoc *d, const rep_in *in)
{
	const m_company *co = in->co;
	const status_t *st = &in->plan->status;
	section(d, pd_tr(d, "4. セキュリティの体制", "4. Security staffing"), 30);
	buf_t b = BUF_INIT;
	const staffing_t *sf = &st->staffing;
	for (int k = 0, first = 1; k < ST__COUNT; k++)
		if (sf->needs[k]) {
			buf_printf(&b, "%s%s %d / %d%s", first ? "" : lb_sep(d), lb_staff(d, (staff_key_t)k), sf->has[k], sf->needs[k],
				   sf->is_short[k] ? pd_tr(d, "（不足）", " (short)") : "");
			first = 0;
		}
	fact(d, pd_printf(d, "STEP%d %s", sf->step, pd_tr(d, "に必要な人", "needs")), b.p, 2);
	buf_reset(&b);
	size_t n = 0;
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *pe = &co->people[i];
		for (size_t k = 0; k < pe->n_roles; k++)
			buf_printf(&b, "%s%s%s", n++ ? lb_sep(d) : "", pe->name,
				   lb_paren(d, pd_printf(d, "%s%s%s", lb_role(d, in->cat, pe->roles[k].role), pd_tr(d, "・", ", "),
							 pe->roles[k].time == TIME_DEDICATED ? pd_tr(d, "専任", "dedicated") : pd_tr(d, "兼務", "part-time"))));
	}
	fact(d, pd_tr(d, "役割を持つ人", "Who holds a role"), n ? b.p : pd_tr(d, "まだいません", "Nobody yet"), 2);
	buf_free(&b);
}

/* 5 and 6: the company's own notes, and questions to ask. */
static void brief_questions(pdoc *d, const rep_in *in)
{
	const m_company *co = in->co;
	const plan_t *p = in->plan;
	const status_t *st = &p->status;
	const staffing_t *sf = &st->staffing;
	/* 5. concerns */
	section(d, pd_tr(d, "5. 気になっていること", "5. Concerns"), 24);
	pdoc_para(d, !str_empty(co->notes) ? co->notes
					  : pd_tr(d, "（会社の情報のメモに書くと、ここに出ます）", "(write them in the company notes to show them here)"),
		  str_empty(co->notes) ? &TS_MUTED : &TS_BODY, 3);

	/* 6. questions: the guidebook's three, then one from the company's own
	 * situation. */
	section(d, pd_tr(d, "6. 聞きたいこと（例）", "6. Questions to ask (examples)"), 40);
	const char *q[4];
	q[0] = pd_tr(d, "データが漏れたり消えたりしないか心配です。まず何をすればよいですか。",
		     "We worry about data leaking or being lost. What should we do first?");
	q[1] = pd_tr(d, "従業員への伝え方・教え方が足りていないのではと思います。どう進めればよいですか。",
		     "We doubt our staff are told and taught enough. How should we go about it?");
	q[2] = pd_tr(d, "ニュースで聞くランサムウェア攻撃に、うちは備えられていますか。",
		     "Are we ready for the ransomware attacks we hear about in the news?");
	bool unknown = st->n_sd_unknown > 0;
	for (int i = 0; i < CAT_CHECKPOINTS; i++)
		unknown |= st->cp[i] == ANS_UNKNOWN;
	if (sf->is_short[ST_OFFICER])
		q[3] = pd_tr(d, "社内でセキュリティ担当者を決めるには、どんな人を選び、どう育てればよいですか。",
			     "How do we choose a security officer from our staff, and how do we train them?");
	else if (unknown)
		q[3] = pd_tr(d, "「わからない」と答えた項目を、どうやって確かめればよいですか。",
			     "How can we find out about the items we answered \"don't know\"?");
	else if (sf->any_short)
		q[3] = pd_tr(d, "足りない役割を社内で育てるか、外部の専門家に頼むか、どう判断すればよいですか。",
			     "Should we grow the missing roles inside or bring in outside experts?");
	else
		q[3] = pd_printf(d, "%s%s%s", pd_tr(d, "", "To reach "), lb_step(d, in->cat, p->step),
				 pd_tr(d, "に進むために、まず何から始めればよいですか。", ", where should we start?"));
	for (int i = 0; i < 4; i++)
		pdoc_item(d, pd_printf(d, "%d.", i + 1), q[i], &TS_BODY, 2);
}

void rep_brief(pdoc *d, const rep_in *in)
{
	d->compact = true;
	pdoc_title(d, pd_tr(d, "相談用メモ ― ITベンダー・支援機関・IPA の相談窓口に", "Consultation brief — for your IT vendor, a support body or IPA's desk"),
		   in->co->name, lb_meta(d, in), NULL);
	pdoc_para(d, pd_tr(d, "ガイドブック（STEP1「相談の注意点」）は、相談の際に自社の業種・規模と実施中のセキュリティ対策を簡単に説明すると、より具体的な助言を受けやすいとしています。このメモは、その説明のために自社の記録からまとめたものです。付き合いのあるITベンダー、商工会・商工会議所などの支援機関、IPA 企業組織向けサイバーセキュリティ相談窓口への相談にお使いください。",
			   "The guidebook (STEP1, notes on consulting) advises that you get more specific advice when you briefly explain your industry, your size and the security measures you already take. This brief sums those up from the company's own records, for your IT vendor, the chamber of commerce or another support body, or IPA's cybersecurity consultation desk for companies."),
		  &(tstyle){8, false, C_MUTED}, 3);
	brief_company(d, in);
	brief_checkpoints(d, in);
	brief_staffing(d, in);
	brief_questions(d, in);
}
