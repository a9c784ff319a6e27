/* cmd_plan.c — `secstep status` (where the company stands) and
 * `secstep plan` (who does what by when, and how to find and grow the
 * people for it). */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "cli/cli.h"
#include "core/rules.h"
#include "view/views.h"

static const char *answer_label(const cli_t *cx, answer_t a)
{
	if (a == ANS_NONE)
		return tr(cx, "未回答", "not answered");
	const cat_tag *t = cat_tag_find(cx->cat->answers, cx->cat->n_answers, answer_id(a));
	return t ? tx(t->name, cx->lang) : answer_id(a);
}

static const char *staff_label(const cli_t *cx, staff_key_t k)
{
	static const char *const ja[] = {"セキュリティ担当者（兼務でも可）", "専任の担当者", "セキュリティ責任者", "CISO"};
	static const char *const en[] = {"security officers (concurrent is fine)", "dedicated officers",
					 "security lead", "CISO"};
	return cx->lang == LANG_EN ? en[k] : ja[k];
}

static void print_staffing(const cli_t *cx, const staffing_t *s)
{
	printf("%s (STEP%d)\n", tr(cx, "■ 人の体制", "■ Staffing"), s->step);
	for (int k = 0; k < ST__COUNT; k++)
		if (s->needs[k])
			printf("  %s: %d / %s %d%s\n", staff_label(cx, (staff_key_t)k), s->has[k],
			       tr(cx, "必要", "need"), s->needs[k],
			       s->is_short[k] ? tr(cx, "  ← 不足", "  ← short") : "");
}

static int cmd_status(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	status_t st;
	status_compute(cx->cat, co, company_latest(co), &st);
	if (cx->json) {
		json_t *j = status_json(cx->cat, co, &st);
		if (flag(a, "history"))
			json_object_set_new(j, "history", history_json(cx->cat, co));
		print_json(j);
		company_free(co);
		return EXIT_OK;
	}
	const m_diagnosis *d = company_latest(co);
	char ds[11] = "-";
	if (d)
		date_format(d->date, ds);
	printf("%s (ID %lld) — %s %s\n\n", co->name, (long long)co->id, tr(cx, "診断日", "diagnosed on"), ds);
	if (!d)
		printf("%s\n  secstep diagnose %lld\n\n", tr(cx, "まだ診断していません。まず答えてみましょう:",
							   "No diagnosis yet. Start with:"), (long long)co->id);
	const cat_step *ws = &cx->cat->steps[st.working_step - 1];
	if (st.current_step == 0)
		printf("%s\n", tr(cx, "いまの段階: STEP1 の手前（STEP1 のチェックポイントがまだそろっていません）",
				  "Current STEP: before STEP1 (not every STEP1 checkpoint is met yet)"));
	else
		printf("%s STEP%d %s\n", tr(cx, "いまの段階:", "Current STEP:"), st.current_step,
		       tx(cx->cat->steps[st.current_step - 1].title, cx->lang));
	printf("%s STEP%d %s\n\n", tr(cx, "取り組む段階:", "Working on:"), ws->id, tx(ws->title, cx->lang));
	if (st.n_unmet) {
		printf("%s\n", tr(cx, "■ まだ満たしていないチェックポイント", "■ Checkpoints not met yet"));
		for (size_t i = 0; i < st.n_unmet; i++) {
			const cat_checkpoint *cp = &cx->cat->checkpoints[st.unmet[i]];
			printf("  %s %s — %s\n", cp->id, tx(cp->title, cx->lang), answer_label(cx, st.cp[cp->index]));
		}
		putchar('\n');
	}
	printf("%s\n", tr(cx, "■ 5分でできる！情報セキュリティ自社診断（25項目）", "■ 5-minute self-check (25 items)"));
	if (st.sd_complete)
		printf("  %s %d / 100 — %s %s\n", tr(cx, "点数", "Score"), st.sd_score, tx(st.band->meaning, cx->lang),
		       tx(st.band->next, cx->lang));
	else
		printf("  %s %zu / 25 %s\n", tr(cx, "回答", "Answered"), st.sd_answered,
		       tr(cx, "（全部答えると点数が出ます）", "(the score appears once all are answered)"));
	if (st.n_sd_unknown) {
		printf("  %s", tr(cx, "「わからない」: ", "Answered \"don't know\": "));
		for (size_t i = 0; i < st.n_sd_unknown; i++)
			printf("%s%s", i ? ", " : "", cx->cat->sd[st.sd_unknown[i]].id);
		putchar('\n');
	}
	putchar('\n');
	print_staffing(cx, &st.staffing);
	printf("\nSECURITY ACTION: ★ %s / ★★ %s\n", st.one_star ? tr(cx, "宣言できます", "can declare") : tr(cx, "まだ", "not yet"),
	       st.two_star ? tr(cx, "宣言できます", "can declare") : tr(cx, "まだ", "not yet"));
	if (flag(a, "history") && co->n_diagnoses) {
		printf("\n%s\n", tr(cx, "■ これまでの診断", "■ Diagnoses so far"));
		for (size_t i = 0; i < co->n_diagnoses; i++) {
			status_t h;
			status_compute(cx->cat, co, &co->diagnoses[i], &h);
			date_format(co->diagnoses[i].date, ds);
			printf("  %s  STEP%d  %s %zu", ds, h.current_step, tr(cx, "未達", "unmet"), h.n_unmet);
			if (h.sd_complete)
				printf("  %s %d", tr(cx, "自社診断", "self-check"), h.sd_score);
			putchar('\n');
		}
	}
	company_free(co);
	return EXIT_OK;
}

static const char *person_name(const m_company *co, const char *key)
{
	const m_person *p = company_person(co, key);
	return p ? p->name : key;
}

/* From STEP3, without a dedicated officer: who inside could become one and
 * the ways from outside (plan_t.dedicated). */
static void print_dedicated(const cli_t *cx, const plan_t *p)
{
	if (!p->dedicated_short)
		return;
	printf("\n%s\n", tr(cx, "■ 専任の担当者がいません（STEP3から1人必要です）",
			    "■ No dedicated security officer yet (STEP3 needs one)"));
	if (p->n_dedicated) {
		printf("  %s\n", tr(cx, "社内から（いまの兼務の担当者。経験の多い順）:",
				    "From inside (your officers who hold the role alongside their main job, most experienced first):"));
		for (size_t i = 0; i < p->n_dedicated; i++) {
			const plan_inside *in = &p->dedicated[i];
			printf("    %zu. %s (%s)", i + 1, in->person->name, in->person->key);
			const char *sep = " — ";
			if (in->passed) {
				printf("%s%s%s%s", sep, tr(cx, "", "passed "), tx(in->passed->name, cx->lang), tr(cx, " 合格", ""));
				sep = tr(cx, "、", ", ");
			}
			if (in->security_work) {
				printf("%s%s", sep, tr(cx, "セキュリティ業務の経験あり", "has done security work"));
				sep = tr(cx, "、", ", ");
			}
			if (in->share)
				printf("%s%s%d%s", sep, tr(cx, "仕事の", ""), in->share,
				       tr(cx, "%をすでにこの役目に使っている", "% of their time on the role already"));
			putchar('\n');
		}
	} else {
		printf("  %s\n", tr(cx, "社内から: 兼務の担当者がまだいません。まず担当者を任命し、育てましょう。",
				    "From inside: no officer yet. Appoint one and develop them first."));
	}
	printf("  %s\n", tr(cx, "社外の力で:", "From outside:"));
	static const char *const routes[] = {"hire", "outsource"};
	for (size_t r = 0; r < 2; r++) {
		bool any = false;
		for (size_t i = 0; i < p->n_dedicated_outside; i++) {
			const cat_measure *m = p->dedicated_outside[i];
			if (!str_eq(m->dedicated_alt, routes[r]))
				continue;
			if (!any)
				printf("    %s", r == 0 ? tr(cx, "採用する: ", "Hire: ") : tr(cx, "外に任せる: ", "Outsource: "));
			printf("%s%s (%s)", any ? tr(cx, "／", "; ") : "", tx(m->title, cx->lang), m->id);
			any = true;
		}
		if (any)
			putchar('\n');
	}
}

static void print_plan(cli_t *cx, const m_company *co, const plan_t *p)
{
	char ds[11];
	printf("%s — %s STEP%d %s\n\n", co->name, tr(cx, "計画", "plan for"), p->step, tx(p->cstep->title, cx->lang));
	printf("%s\n", tr(cx, "■ タスク（だれが・いつまでに）", "■ Tasks (who, by when)"));
	for (size_t i = 0; i < p->n_tasks; i++) {
		const plan_task *t = &p->tasks[i];
		printf("  %s %s [%s]\n", t->task->id, tx(t->task->title, cx->lang),
		       cat_label(cx->cat->task_statuses, cx->cat->n_task_statuses, task_status_id(t->status), cx->lang));
		printf("     %s%s", tr(cx, "担当: ", "owner: "), t->owner ? person_name(co, t->owner) : tr(cx, "未定", "nobody yet"));
		if (t->due != DATE_NONE) {
			date_format(t->due, ds);
			printf("  %s%s%s", tr(cx, "期限: ", "due: "), ds, t->overdue ? tr(cx, "（期限切れ）", " (overdue)") : "");
		} else {
			date_format(t->suggested_due, ds);
			printf("  %s%s", tr(cx, "目安の期限: ", "suggested due: "), ds);
		}
		putchar('\n');
	}
	if (p->single_owner)
		printf("  ！ %s%s%s\n", tr(cx, "すべてのタスクを兼務の ", "Every task is held by "), p->single_owner->name,
		       tr(cx, " さん一人が抱えています。代わりの人（副担当）を決めましょう。",
			  " alone, alongside their main job. Name a deputy."));
	putchar('\n');
	print_staffing(cx, &p->status.staffing);
	print_dedicated(cx, p);
	if (p->n_candidates) {
		printf("\n%s\n", tr(cx, "■ 担当者の候補（配置転換・希望者）", "■ Candidates to appoint (transfer or volunteer)"));
		for (size_t i = 0; i < p->n_candidates; i++) {
			const plan_candidate *c = &p->candidates[i];
			printf("  %zu. %s (%s) — ", i + 1, c->person->name, c->person->key);
			for (size_t k = 0; k < c->n_because; k++) {
				const cat_tag *t = cat_tag_find(cx->cat->experience, cx->cat->n_experience, c->because[k]);
				printf("%s%s", k ? tr(cx, "、", ", ") : "",
				       t ? tx(t->name, cx->lang) : tr(cx, "自分から希望", "volunteered"));
			}
			if (c->exam)
				printf("%s%s%s", tr(cx, "（任命したら「", " (once appointed, aim for "),
				       tx(c->exam->name, cx->lang), tr(cx, "」から）", ")"));
			putchar('\n');
		}
	}
	if (p->n_exams) {
		printf("\n%s\n", tr(cx, "■ 担当者にすすめる試験", "■ Exams for the officers"));
		for (size_t i = 0; i < p->n_exams; i++)
			printf("  %s: %s%s%s\n", p->exams[i].person->name, tx(p->exams[i].exam->name, cx->lang),
			       p->exams[i].record ? " — " : "",
			       !p->exams[i].record ? "" : cat_label(cx->cat->exam_statuses, cx->cat->n_exam_statuses,
								    exam_status_id(p->exams[i].record->status), cx->lang));
	}
	for (int side = 0; side < 2; side++) {
		printf("\n%s\n", side == 0 ? tr(cx, "■ 社内の人材を活かす方策", "■ Using people inside")
					   : tr(cx, "■ 人手・知識が足りないときの外部の力", "■ Outside help for short hands or knowledge"));
		for (int prio = 1; prio <= 2; prio++)
			for (size_t i = 0; i < p->n_measures; i++) {
				const plan_measure *m = &p->measures[i];
				if ((int)m->measure->side != side || m->priority != prio)
					continue;
				printf("  %s %s\n     %s\n", prio == 1 ? "●" : "○", tx(m->measure->title, cx->lang),
				       tx(m->measure->summary, cx->lang));
			}
	}
	if (p->n_learning) {
		printf("\n%s\n", tr(cx, "■ 学び（だれに、なにを）", "■ Learning (who, what)"));
		for (size_t i = 0; i < p->n_learning; i++) {
			const plan_learning *l = &p->learning[i];
			printf("  %s: ", tx(l->audience->name, cx->lang));
			for (size_t k = 0; k < l->n_resources; k++)
				printf("%s%s", k ? tr(cx, "、", ", ") : "", tx(l->resources[k]->name, cx->lang));
			putchar('\n');
		}
	}
	if (p->n_cases) {
		const cat_case *k = p->cases[0].c;
		printf("\n%s %s — %s\n  secstep catalog case %s\n", tr(cx, "■ 近い事例:", "■ Closest case:"), tx(k->name, cx->lang),
		       tx(k->title, cx->lang), k->id);
	}
}

static int cmd_plan(cli_t *cx, args_t *a)
{
	(void)a;
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	plan_t *p = plan_compute(cx->cat, co, cx->today);
	if (cx->json)
		print_json(plan_json(cx->cat, co, p));
	else
		print_plan(cx, co, p);
	plan_free(p);
	company_free(co);
	return EXIT_OK;
}

const cli_cmd plan_cmds[] = {
	{"status", NULL, cmd_status, "history", 1, 1, "ID [--history]",
	 "いまの段階・未達のチェックポイント・自社診断の点数・人の体制", "where the company stands",
	 {HA_ID_JA, HA_ID_EN, "--history\tこれまでの診断ごとの段階と点数", "--history\tthe STEP and score of every past diagnosis",
	  "secstep status 1\nsecstep --json status 1"}},
	{"plan", NULL, cmd_plan, "", 1, 1, "ID",
	 "取り組む段階の計画（タスク・担当・期限・人材の方策・試験）", "the plan for the working STEP",
	 {HA_ID_JA, HA_ID_EN, NULL, NULL, "secstep plan 1\nsecstep --lang en plan 1"}},
	HA_END,
};

