/* management.c — the management report: where the company stands and how
 * it got there, the 25-item self-check and its weakest items, people and
 * staffing, the plan's progress, top risks, the next 90 days and SECURITY
 * ACTION.  Written for the owner; 2–3 A4 pages for a typical company. */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/util.h"
#include "core/risk.h"
#include "report/charts.h"
#include "report/rep.h"

/* A block of fixed height drawn by the caller at (PD_ML, d->y). */
static bool block(pdoc *d, double h)
{
	return pdoc_room(d, h);
}

/* ---- 1. where the company stands ---- */

static void sec_stage(pdoc *d, const rep_in *in)
{
	const status_t *st = &in->plan->status;
	const catalog *cat = in->cat;
	pdoc_h1(d, pd_tr(d, "1. いまの段階", "1. Where the company stands"), 150);
	if (!company_latest(in->co))
		pdoc_para(d, pd_tr(d, "まだ診断していません。診断すると、ガイドブックの STEP1〜4 のどこにいるかがわかります。",
				   "No diagnosis yet. A diagnosis shows where the company stands among the guidebook's STEP1 to STEP4."),
			  &TS_BODY, 0);
	const char *titles[4];
	for (int i = 0; i < 4; i++)
		titles[i] = tx(cat->steps[i].title, d->lang);
	if (block(d, 72)) {
		chart_step_gauge(d->cr, d->pc, PD_ML, d->y, PD_CW, 64, st->current_step, st->working_step, titles,
				 pd_tr(d, "▲ いま取り組み中", "▲ working on"));
		d->y += 74;
	}
	const cat_step *ws = in->plan->cstep;
	const char *reached = st->current_step == 0
		? pd_tr(d, "STEP1 の手前（STEP1 のチェックポイントがまだそろっていません）",
			"before STEP1 (not every STEP1 checkpoint is met yet)")
		: lb_step(d, cat, st->current_step);
	pdoc_para(d, pd_printf(d, "%s %s", pd_tr(d, "到達した段階:", "Reached:"), reached), &TS_BOLD, 0);
	if (st->current_step < 4)
		pdoc_para(d, pd_printf(d, "%s %s", pd_tr(d, "取り組む段階:", "Working on:"), lb_step(d, cat, ws->id)),
			  &TS_BOLD, 0);
	else
		pdoc_para(d, pd_tr(d, "STEP4 まですべてのチェックポイントを満たしています。この状態を保ち、見直しを続けましょう。",
				   "Every checkpoint up to STEP4 is met. Keep it that way and keep reviewing."),
			  &TS_BOLD, 0);
	pdoc_para(d, tx(ws->aim, d->lang), &(tstyle){8.3, false, C_MUTED}, 4);
	pdoc_space(d, 3);

	int met = 0;
	for (size_t i = 0; i < ws->n_checkpoints; i++)
		met += st->met[ws->checkpoints[i].index];
	pdoc_h2(d, pd_printf(d, "%s STEP%d %s", pd_tr(d, "取り組む段階", "Checkpoints of"), ws->id,
			     pd_tr(d, "のチェックポイント", "")), 60);
	if (block(d, 16)) {
		chart_meter(d->cr, d->pc, PD_ML, d->y + 2, PD_CW * 0.5, 8, met, (int)ws->n_checkpoints, C_BRAND);
		pd_text(d->cr, d->pc, pd_tr(d, "満たしている数", "met"), &TS_MUTED, PD_ML + PD_CW * 0.5 + 8, d->y, 0,
			AL_LEFT, 1);
		d->y += 16;
	}
	static const double fr[] = {0.64, 0.17, 0.19};
	static const int al[] = {AL_LEFT, AL_LEFT, AL_LEFT};
	const char *heads[] = {pd_tr(d, "チェックポイント", "Checkpoint"), pd_tr(d, "回答", "Answer"), pd_tr(d, "状態", "State")};
	pdoc_table(d, 3, fr, al, heads, 17.0 * (double)ws->n_checkpoints);
	for (size_t i = 0; i < ws->n_checkpoints; i++) {
		const cat_checkpoint *cp = &ws->checkpoints[i];
		bool ok = st->met[cp->index];
		const char *cells[] = {tx(cp->title, d->lang), lb_answer(d, in->cat, st->cp[cp->index]),
				       ok ? pd_tr(d, "✓ 満たしている", "✓ met") : pd_tr(d, "まだ", "not yet")};
		const unsigned rgb[] = {0, 0, ok ? C_GOOD : C_WARN};
		pdoc_row(d, cells, rgb);
	}
	pdoc_table_end(d);
}

/* ---- 2. trend ---- */

static void sec_trend(pdoc *d, const rep_in *in)
{
	const m_company *co = in->co;
	pdoc_h1(d, pd_tr(d, "2. これまでの推移", "2. Progress over time"), 130);
	int n = (int)co->n_diagnoses;
	if (n == 0) {
		pdoc_para(d, pd_tr(d, "診断の記録がまだありません。", "No diagnosis recorded yet."), &TS_MUTED, 0);
		return;
	}
	int *steps = xcalloc((size_t)n, sizeof *steps), *scores = xcalloc((size_t)n, sizeof *scores);
	const char **labels = xcalloc((size_t)n, sizeof *labels);
	for (int i = 0; i < n; i++) {
		status_t h;
		status_compute(in->cat, co, &co->diagnoses[i], &h);
		steps[i] = h.current_step;
		scores[i] = h.sd_complete ? (h.sd_score < 0 ? 0 : h.sd_score) : CH_NONE;
		labels[i] = lb_date(d, co->diagnoses[i].date);
	}
	if (block(d, 112)) {
		chart_trend(d->cr, d->pc, PD_ML, d->y, PD_CW, 108, n, steps, scores, labels,
			    pd_tr(d, "到達した STEP（左の目盛り）", "STEP reached (left scale)"),
			    pd_tr(d, "自社診断の点数 0〜100（右の目盛り）", "Self-check score 0-100 (right scale)"));
		d->y += 112;
	}
	if (n == 1)
		pdoc_para(d, pd_tr(d, "診断はまだ1回です。診断をくり返すと、ここに推移が表れます。",
				   "One diagnosis so far. Repeat it and the trend shows here."),
			  &TS_MUTED, 0);
	else
		pdoc_para(d, pd_printf(d, "%s %d %s", pd_tr(d, "記録している診断:", "Diagnoses kept:"), n,
				       pd_tr(d, "回", "")),
			  &TS_MUTED, 0);
	free(steps);
	free(scores);
	free(labels);
}

/* ---- 3. self-check ---- */

static int part_of(const catalog *cat, const cat_sd_item *it)
{
	for (size_t p = 0; p < cat->n_sd_parts && p < 3; p++)
		if (str_eq(cat->sd_parts[p].id, it->part))
			return (int)p;
	return 0;
}

static void sec_selfcheck(pdoc *d, const rep_in *in)
{
	const status_t *st = &in->plan->status;
	const catalog *cat = in->cat;
	const m_diagnosis *dg = company_latest(in->co);
	pdoc_h1(d, pd_tr(d, "3. 5分でできる！情報セキュリティ自社診断（25項目）", "3. The 5-minute self-check (25 items)"),
		110);
	if (block(d, 86)) {
		double top = d->y, tx0 = PD_ML + 118, tw = PD_CW - 118, y = top;
		if (st->sd_complete) {
			unsigned rgb = st->sd_score >= 100 ? C_GOOD : st->sd_score >= 70 ? C_BRAND : st->sd_score >= 50 ? C_AMBER : C_BAD;
			chart_dial(d->cr, d->pc, PD_ML + 52, top + 52, 42, st->sd_score, rgb, pd_tr(d, "点 / 100点", "of 100 points"));
			y += pd_text(d->cr, d->pc, tx(st->band->meaning, d->lang), &TS_BOLD, tx0, y, tw, AL_LEFT, 1);
			y += pd_text(d->cr, d->pc, tx(st->band->next, d->lang), &TS_BODY, tx0, y, tw, AL_LEFT, 1);
		} else {
			char t[32];
			snprintf(t, sizeof t, "%zu / 25", st->sd_answered);
			pd_text(d->cr, d->pc, t, &(tstyle){20, true, C_MUTED}, PD_ML + 52, top + 16, 0, AL_CENTER, 1);
			pd_text(d->cr, d->pc, pd_tr(d, "回答済み", "answered"), &TS_MUTED, PD_ML + 52, top + 46, 0, AL_CENTER, 1);
			y += pd_text(d->cr, d->pc, pd_tr(d, "まだ全部に答えていないため、点数は出ていません。25項目すべてに答えると点数と評価が出ます。",
							"Not every item is answered yet, so there is no score. Answer all 25 items to get the score and its band."),
				     &TS_BODY, tx0, y, tw, AL_LEFT, 2);
		}
		/* part meters (over the answered items), under the text */
		y = y + 6 > top + 36 ? y + 6 : top + 36;
		for (size_t p = 0; p < cat->n_sd_parts && p < 3; p++) {
			pd_text(d->cr, d->pc, tx(cat->sd_parts[p].title, d->lang), &TS_SMALL, tx0, y, 150, AL_LEFT, 1);
			if (st->part_max[p])
				chart_meter(d->cr, d->pc, tx0 + 150, y + 3, tw - 150, 7, st->part_score[p], st->part_max[p], C_BRAND);
			else   /* nothing of this part answered: no "0 / 0" bar */
				pd_text(d->cr, d->pc, pd_tr(d, "まだ回答がありません", "not answered yet"), &TS_MUTED, tx0 + 150, y, 0,
					AL_LEFT, 1);
			y += 15;
		}
		d->y = y > top + 90 ? y : top + 90;
	}
	/* Every item answered no or don't know, by part (25 at most, so all of
	 * them); the heading stays with the table's first rows. */
	buf_t items[3] = {BUF_INIT, BUF_INIT, BUF_INIT};
	int count[3] = {0};
	for (int i = 0; i < CAT_SD_ITEMS && dg; i++) {
		const cat_sd_item *it = &cat->sd[i];
		answer_t a = diag_answer(dg, it->id);
		if (a != ANS_NO && a != ANS_UNKNOWN)
			continue;
		int p = part_of(cat, it);
		buf_printf(&items[p], "%s%d. %s — %s", count[p]++ ? "\n" : "", it->no, tx(it->title, d->lang),
			   lb_answer(d, cat, a));
	}
	int first = !count[0] ? (!count[1] ? 2 : 1) : 0;
	double keep = count[first] ? pd_row_est(count[first]) + 20 : 14;
	pdoc_h2(d, pd_tr(d, "「いいえ」「わからない」と答えた項目", "Items answered \"no\" or \"don't know\""), keep);
	if (!count[0] && !count[1] && !count[2]) {
		pdoc_para(d, st->sd_answered ? pd_tr(d, "ありません。", "None.") : pd_tr(d, "まだ回答がありません。", "Nothing answered yet."),
			  &TS_MUTED, 0);
	} else {
		static const double fr[] = {0.26, 0.10, 0.64};
		static const int al[] = {AL_LEFT, AL_CENTER, AL_LEFT};
		const char *heads[] = {pd_tr(d, "区分", "Part"), pd_tr(d, "項目数", "Items"), pd_tr(d, "項目と回答", "Item and answer")};
		pdoc_table(d, 3, fr, al, heads, keep - 20);
		for (int p = 0; p < 3 && (size_t)p < cat->n_sd_parts; p++) {
			if (!count[p])
				continue;
			const char *cells[] = {tx(cat->sd_parts[p].title, d->lang), pd_printf(d, "%d", count[p]), items[p].p};
			pdoc_row(d, cells, NULL);
		}
		pdoc_table_end(d);
	}
	for (int p = 0; p < 3; p++)
		buf_free(&items[p]);
}

/* ---- 4. staffing and people ---- */

static void sec_staffing(pdoc *d, const rep_in *in)
{
	const plan_t *p = in->plan;
	const staffing_t *sf = &p->status.staffing;
	pdoc_h1(d, pd_printf(d, "%s%s", pd_tr(d, "4. 人の体制", "4. Staffing"), lb_paren(d, pd_printf(d, "STEP%d", sf->step))), 90);
	int has[ST__COUNT], needs[ST__COUNT], n = 0;
	const char *labels[ST__COUNT];
	for (int k = 0; k < ST__COUNT; k++)
		if (sf->needs[k]) {
			has[n] = sf->has[k];
			needs[n] = sf->needs[k];
			labels[n++] = lb_staff(d, (staff_key_t)k);
		}
	if (block(d, 19.0 * n + 4)) {
		d->y += chart_bars(d->cr, d->pc, PD_ML, d->y, PD_CW * 0.78, n, has, needs, labels) + 4;
	}
	pdoc_para(d, pd_tr(d, "今の人数 / 必要な人数（縦線が必要数）", "People there / people needed (the tick marks the need)"),
		  &TS_MUTED, 1);
	if (sf->any_short) {
		buf_t b = BUF_INIT;
		for (int k = 0, first = 1; k < ST__COUNT; k++)
			if (sf->is_short[k]) {
				buf_printf(&b, "%s%s", first ? "" : lb_sep(d), lb_staff(d, (staff_key_t)k));
				first = 0;
			}
		pdoc_para(d, pd_printf(d, "%s %s", pd_tr(d, "足りない役割:", "Short:"), b.p), &(tstyle){9, true, C_WARN}, 0);
		buf_free(&b);
	} else {
		pdoc_para(d, pd_tr(d, "この段階に必要な人はそろっています。", "The people this STEP needs are in place."),
			  &(tstyle){9, true, C_GOOD}, 0);
	}
	if (p->n_candidates) {
		buf_t b = BUF_INIT;
		for (size_t i = 0; i < p->n_candidates && i < 3; i++) {
			const plan_candidate *c = &p->candidates[i];
			buf_printf(&b, "%s%s%s", i ? lb_sep(d) : "", c->person->name, pd_tr(d, "（", " ("));
			for (size_t k = 0; k < c->n_because; k++) {
				const cat_tag *t = cat_tag_find(in->cat->experience, in->cat->n_experience, c->because[k]);
				buf_printf(&b, "%s%s", k ? lb_sep(d) : "", t ? tx(t->name, d->lang) : pd_tr(d, "自分から希望", "volunteered"));
			}
			buf_puts(&b, pd_tr(d, "）", ")"));
		}
		pdoc_para(d, pd_printf(d, "%s %s", pd_tr(d, "担当者の候補（配置転換・希望者）:", "Candidates (transfer or volunteer):"), b.p),
			  &TS_BODY, 3);
		buf_free(&b);
	}
	if (p->single_owner)
		pdoc_para(d, pd_printf(d, "%s%s%s", pd_tr(d, "兼務の ", "One part-time person, "), p->single_owner->name,
				       pd_tr(d, " さん一人がすべてのタスクを持っています。副担当を決めましょう。",
					     ", holds every task. Name a deputy.")),
			  &(tstyle){9, true, C_WARN}, 0);
}

static void sec_people(pdoc *d, const rep_in *in)
{
	const m_company *co = in->co;
	size_t n = 0;
	for (size_t i = 0; i < co->n_people; i++)
		n += co->people[i].n_roles > 0;
	double est = 0;
	for (size_t i = 0, rows = 0; i < co->n_people && rows < 8; i++) {
		const m_person *p = &co->people[i];
		if (!p->n_roles)
			continue;
		rows++;
		est += pd_row_est((int)(p->n_roles > p->n_exams ? p->n_roles : p->n_exams));
	}
	pdoc_h1(d, pd_tr(d, "5. セキュリティの役割を持つ人と資格", "5. People with security roles, and their exams"), 22 + est);
	if (!n) {
		pdoc_para(d, pd_tr(d, "セキュリティの役割を持つ人はまだいません。まず担当者を一人決めましょう（兼務で構いません）。",
				   "Nobody holds a security role yet. Start by naming one officer (part-time is fine)."),
			  &(tstyle){9, true, C_WARN}, 0);
		return;
	}
	static const double fr[] = {0.15, 0.22, 0.28, 0.35};
	const char *heads[] = {pd_tr(d, "氏名", "Name"), pd_tr(d, "所属・役職", "Department, position"),
			       pd_tr(d, "役割", "Role"), pd_tr(d, "試験", "Exams")};
	pdoc_table(d, 4, fr, NULL, heads, est);
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *p = &co->people[i];
		if (!p->n_roles)
			continue;
		buf_t roles = BUF_INIT, exams = BUF_INIT;
		for (size_t k = 0; k < p->n_roles; k++) {
			const char *time = p->roles[k].time == TIME_DEDICATED ? pd_tr(d, "専任", "dedicated") : pd_tr(d, "兼務", "part-time");
			if (p->roles[k].share)
				time = pd_printf(d, "%s %d%%", time, p->roles[k].share);
			buf_printf(&roles, "%s%s%s", k ? "\n" : "", lb_role(d, in->cat, p->roles[k].role), lb_paren(d, time));
		}
		for (size_t k = 0; k < p->n_exams; k++) {
			const m_exam *e = &p->exams[k];
			buf_printf(&exams, "%s%s — %s", k ? "\n" : "", lb_exam(d, in->cat, e->exam), lb_exam_status(d, e->status));
			if (e->date != DATE_NONE)
				buf_printf(&exams, " %s", lb_date(d, e->date));
		}
		const char *dept = p->department && p->position ? pd_printf(d, "%s%s%s", p->department, pd_tr(d, "　", ", "), p->position)
				 : p->department ? p->department : p->position ? p->position : "—";
		const char *cells[] = {p->name, dept, roles.p, exams.len ? exams.p : "—"};
		pdoc_row(d, cells, NULL);
		buf_free(&roles);
		buf_free(&exams);
	}
	pdoc_table_end(d);
}

/* ---- 6. plan progress ---- */

static void sec_plan(pdoc *d, const rep_in *in)
{
	const plan_t *p = in->plan;
	double est = (double)p->n_tasks * pd_row_est(1);
	pdoc_h1(d, pd_printf(d, "%s %s", pd_tr(d, "6. 計画の進み具合 —", "6. Plan progress —"), lb_step(d, in->cat, p->step)),
		16 + 22 + est);
	if (block(d, 16)) {
		chart_meter(d->cr, d->pc, PD_ML, d->y + 2, PD_CW * 0.5, 8, (int)p->n_done, (int)p->n_tasks, C_BRAND);
		const char *t = p->n_overdue ? pd_printf(d, "%s%s", pd_tr(d, "完了したタスク", "tasks done"),
							 lb_paren(d, pd_printf(d, "%s %zu", pd_tr(d, "期限切れ", "overdue"), p->n_overdue)))
					     : pd_tr(d, "完了したタスク", "tasks done");
		pd_text(d->cr, d->pc, t, &(tstyle){7.8, p->n_overdue > 0, p->n_overdue ? C_BAD : C_MUTED},
			PD_ML + PD_CW * 0.5 + 8, d->y, 0, AL_LEFT, 1);
		d->y += 16;
	}
	static const double fr[] = {0.44, 0.18, 0.22, 0.16};
	const char *heads[] = {pd_tr(d, "タスク", "Task"), pd_tr(d, "担当", "Owner"), pd_tr(d, "期限", "Due"),
			       pd_tr(d, "状況", "Status")};
	pdoc_table(d, 4, fr, NULL, heads, est);
	for (size_t i = 0; i < p->n_tasks; i++) {
		const plan_task *t = &p->tasks[i];
		const char *due = t->due != DATE_NONE
			? (t->overdue ? pd_printf(d, "%s\n%s", lb_date(d, t->due), pd_tr(d, "期限切れ", "overdue")) : lb_date(d, t->due))
			: pd_printf(d, "%s %s", pd_tr(d, "目安", "suggested"), lb_date(d, t->suggested_due));
		const char *cells[] = {tx(t->task->title, d->lang),
				       t->owner ? lb_person(in->co, t->owner) : pd_tr(d, "未定", "nobody yet"), due,
				       lb_task_status(d, t->status)};
		const unsigned rgb[] = {0, t->owner ? 0 : C_WARN, t->overdue ? C_BAD : t->due == DATE_NONE ? C_MUTED : 0,
					t->status == TASK_DONE ? C_GOOD : t->overdue ? C_BAD : 0};
		pdoc_row(d, cells, rgb);
	}
	pdoc_table_end(d);
}

/* ---- 7. risks ---- */

/* Sorted through an array of pointers, so the comparator needs no state
 * outside its arguments: several worker threads render at once. */
static int asset_cmp(const void *a, const void *b)
{
	const m_asset *x = *(const m_asset *const *)a, *y = *(const m_asset *const *)b;
	int vx = risk_value(x), vy = risk_value(y);
	if (vx != vy)
		return vy - vx;
	return strcmp(x->key ? x->key : "", y->key ? y->key : "");
}

static void sec_risks(pdoc *d, const rep_in *in, int num)
{
	const m_company *co = in->co;
	const m_asset **idx = xcalloc(co->n_assets ? co->n_assets : 1, sizeof *idx);
	for (size_t i = 0; i < co->n_assets; i++)
		idx[i] = &co->assets[i];
	qsort(idx, co->n_assets, sizeof *idx, asset_cmp);
	size_t top = co->n_assets < 8 ? co->n_assets : 8;
	double est = 0;
	for (size_t i = 0; i < top; i++)
		est += pd_row_est(idx[i]->personal ? 2 : 1);
	pdoc_h1(d, pd_printf(d, "%d. %s", num, pd_tr(d, "主なリスク（情報資産の台帳から）", "Top risks (from the asset register)")),
		22 + est);
	static const double fr[] = {0.46, 0.12, 0.12, 0.12, 0.18};
	static const int al[] = {AL_LEFT, AL_RIGHT, AL_RIGHT, AL_RIGHT, AL_LEFT};
	const char *heads[] = {pd_tr(d, "情報資産", "Asset"), pd_tr(d, "重要度", "Importance"), pd_tr(d, "起こりやすさ", "Likelihood"),
			       pd_tr(d, "リスク値", "Risk value"), pd_tr(d, "評価", "Band")};
	pdoc_table(d, 5, fr, al, heads, est);
	for (size_t i = 0; i < top; i++) {
		const m_asset *a = idx[i];
		int v = risk_value(a);
		risk_band_t b = risk_band(v, RISK_DEFAULTS);
		static const char *const bj[] = {"小", "中", "大"}, *const be[] = {"low", "medium", "high"};
		const char *cells[] = {a->personal ? pd_printf(d, "%s\n%s", a->name, pd_tr(d, "個人情報を含む", "holds personal data")) : a->name,
				       pd_printf(d, "%d", risk_importance(a)), pd_printf(d, "%d", risk_likelihood(a)),
				       pd_printf(d, "%d", v), d->lang == LANG_EN ? be[b] : bj[b]};
		const unsigned rgb[] = {0, 0, 0, 0, b == BAND_HIGH ? C_BAD : b == BAND_MEDIUM ? C_WARN : C_GOOD};
		pdoc_row(d, cells, rgb);
	}
	pdoc_table_end(d);
	pdoc_para(d, pd_printf(d, d->lang == LANG_EN ? "%zu of %zu assets, highest risk value first; every asset is in the asset register (secstep risks, or Registers → Assets and risks). Risk value = importance × likelihood (1–9); high from 6, medium 4."
						     : "全 %2$zu 件のうちリスク値の高い %1$zu 件（すべては情報資産の台帳に。secstep risks、または「体制と記録」→「情報資産とリスク」）。リスク値 = 重要度 × 被害の起こりやすさ（1〜9）。6以上が「大」、4が「中」。",
			       top, co->n_assets),
		  &TS_MUTED, 0);
	free(idx);
}

/* ---- 8. next 90 days ---- */

typedef struct {
	date_t date;
	int kind;           /* 0 task, 1 exam */
	const char *what, *who;
	bool overdue;
} upcoming;

static int upcoming_cmp(const void *a, const void *b)
{
	const upcoming *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->kind - y->kind;
}

static void sec_next90(pdoc *d, const rep_in *in, int num)
{
	const m_company *co = in->co;
	date_t until = in->today + 90;
	size_t cap = co->n_tasks + 8, n = 0;
	upcoming *u = xcalloc(cap, sizeof *u);
	for (size_t i = 0; i < co->n_tasks; i++) {
		const m_task *t = &co->tasks[i];
		if (t->status == TASK_DONE || t->due == DATE_NONE || t->due > until)
			continue;
		const cat_task *ct = cat_task_find(in->cat, t->task);
		u[n++] = (upcoming){t->due, 0, ct ? tx(ct->title, d->lang) : t->task,
				    t->owner ? lb_person(co, t->owner) : pd_tr(d, "未定", "nobody yet"), t->due < in->today};
	}
	for (size_t i = 0; i < co->n_people; i++)
		for (size_t k = 0; k < co->people[i].n_exams; k++) {
			const m_exam *e = &co->people[i].exams[k];
			if (e->status == EXAM_PASSED || e->date == DATE_NONE || e->date < in->today || e->date > until)
				continue;
			if (n == cap) {
				cap *= 2;
				u = xrealloc(u, cap * sizeof *u);
			}
			u[n++] = (upcoming){e->date, 1, pd_printf(d, "%s%s", lb_exam(d, in->cat, e->exam), lb_paren(d, lb_exam_status(d, e->status))),
					    co->people[i].name, false};
		}
	qsort(u, n, sizeof *u, upcoming_cmp);
	double est = 0;
	for (size_t i = 0; i < n && i < 8; i++)
		est += pd_row_est(u[i].overdue ? 2 : 1);
	pdoc_h1(d, pd_printf(d, "%d. %s%s", num, pd_tr(d, "これから90日の予定", "The next 90 days"),
			     lb_paren(d, pd_printf(d, "%s%s%s", lb_date(d, in->today), pd_tr(d, "〜", " to "), lb_date(d, until)))), 22 + est);
	if (!n) {
		pdoc_para(d, pd_tr(d, "90日以内に期限を迎えるタスクや試験日はありません。", "No task is due and no exam is dated within 90 days."),
			  &TS_MUTED, 0);
		free(u);
		return;
	}
	static const double fr[] = {0.16, 0.12, 0.50, 0.22};
	const char *heads[] = {pd_tr(d, "日付", "Date"), pd_tr(d, "種類", "Kind"), pd_tr(d, "内容", "What"), pd_tr(d, "担当", "Who")};
	pdoc_table(d, 4, fr, NULL, heads, est);
	for (size_t i = 0; i < n; i++) {
		const char *date = u[i].overdue ? pd_printf(d, "%s\n%s", lb_date(d, u[i].date), pd_tr(d, "期限切れ", "overdue"))
						: lb_date(d, u[i].date);
		const char *cells[] = {date, u[i].kind ? pd_tr(d, "試験", "Exam") : pd_tr(d, "タスク", "Task"), u[i].what, u[i].who};
		const unsigned rgb[] = {u[i].overdue ? C_BAD : 0, C_MUTED, 0, 0};
		pdoc_row(d, cells, rgb);
	}
	pdoc_table_end(d);
	free(u);
}

/* ---- 9. SECURITY ACTION ---- */

static void sec_action(pdoc *d, const rep_in *in, int num)
{
	const status_t *st = &in->plan->status;
	pdoc_h1(d, pd_printf(d, "%d. SECURITY ACTION", num), 50);
	pdoc_item(d, st->one_star ? "★" : "☆",
		  st->one_star ? pd_tr(d, "一つ星: 宣言できる状態です（STEP1 のチェックポイントがすべてそろっています）。",
				      "One star: ready to declare (every STEP1 checkpoint is met).")
			       : pd_tr(d, "一つ星: まだです。STEP1 のチェックポイントがそろうと宣言できます。",
				      "One star: not yet. Declare it once every STEP1 checkpoint is met."),
		  &(tstyle){9, true, st->one_star ? C_GOOD : C_INK}, 0);
	const char *two;
	if (st->two_star)
		two = pd_tr(d, "二つ星: 宣言できる状態です（自社診断25項目に回答し、基本方針を公開しています）。",
			    "Two stars: ready to declare (the 25-item self-check is done and the basic policy is published).");
	else if (!st->sd_complete && !company_policy_in_force(in->co))
		two = pd_tr(d, "二つ星: まだです。自社診断（25項目）にすべて答え、情報セキュリティ基本方針を作って公開すると宣言できます。",
			    "Two stars: not yet. Answer all 25 self-check items and write and publish a basic security policy.");
	else if (!st->sd_complete)
		two = pd_tr(d, "二つ星: まだです。自社診断（25項目）にすべて答えると宣言できます。",
			    "Two stars: not yet. Answer all 25 self-check items.");
	else
		two = pd_tr(d, "二つ星: まだです。情報セキュリティ基本方針を作って公開すると宣言できます。",
			    "Two stars: not yet. Write and publish a basic security policy.");
	pdoc_item(d, st->two_star ? "★" : "☆", two, &(tstyle){9, true, st->two_star ? C_GOOD : C_INK}, 0);
	pdoc_space(d, 2);
	pdoc_para(d, pd_tr(d, "SECURITY ACTION は、中小企業が情報セキュリティへの取り組みを自ら宣言する IPA の制度です（認証ではありません）。",
			   "SECURITY ACTION is IPA's scheme in which small companies declare their own security efforts (it is not a certification)."),
		  &TS_MUTED, 0);
}

void rep_management(pdoc *d, const rep_in *in)
{
	pdoc_title(d, pd_tr(d, "セキュリティ人材の確保・育成 ― 経営者向け報告書", "Security talent plan — management report"),
		   in->co->name, lb_meta(d, in),
		   pd_tr(d, "IPA「中小企業のためのセキュリティ人材確保・育成の実践ガイドブック」（2026年3月）に沿って、自社の記録から作成しました。",
			 "Made from the company's own records, along IPA's guidebook on security talent for small companies (March 2026)."));
	sec_stage(d, in);
	sec_trend(d, in);
	sec_selfcheck(d, in);
	sec_staffing(d, in);
	sec_people(d, in);
	sec_plan(d, in);
	int num = 7;
	if (in->co->n_assets)
		sec_risks(d, in, num++);
	sec_next90(d, in, num++);
	sec_action(d, in, num);
}
