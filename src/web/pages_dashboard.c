/* pages_dashboard.c — the owner's dashboard: STEP gauge, progress of the
 * working STEP, staffing against needs, exams, overdue tasks, the next
 * three actions and progress over time. */
#include <string.h>

#include "core/recur.h"
#include "store/mail.h"
#include "base/util.h"
#include "web/pages.h"

/* The next actions, most urgent first, each a sentence and a link. */
static void next_actions(req_t *r, const plan_t *p)
{
	int shown = 0;
	long long id = (long long)r->company_id;
	HL(r, "<ol>");
	if (p->status.staffing.is_short[ST_OFFICER] && shown < 3) {
		if (p->n_candidates)
			hp(r, "<li><a href=\"/c/%lld/plan#candidates\">%s%s%s</a></li>", id, T(r, "セキュリティ担当者を決めましょう（候補: ", "Appoint a security officer (candidate: "),
			   p->candidates[0].person->name, T(r, " さん）", ")"));
		else
			hp(r, "<li><a href=\"/c/%lld/people\">%s</a></li>", id,
			   T(r, "セキュリティ担当者を決めましょう。まず社員を登録し、担当を兼ねられる人を探します", "Appoint a security officer: register your people and find someone to take it on"));
		shown++;
	}
	for (size_t i = 0; i < p->n_tasks && shown < 3; i++)
		if (p->tasks[i].overdue) {
			hp(r, "<li><a href=\"/c/%lld/plan#%s\">%s %s</a></li>", id, p->tasks[i].task->id, T(r, "期限切れのタスクを進めましょう:", "Catch up on the overdue task:"),
			   TX(r, p->tasks[i].task->title));
			shown++;
		}
	for (size_t i = 0; i < p->n_tasks && shown < 3; i++)
		if (!p->tasks[i].owner) {
			hp(r, "<li><a href=\"/c/%lld/plan#%s\">%s %s</a></li>", id, p->tasks[i].task->id, T(r, "担当者と期限を決めましょう:", "Assign someone and a due date to:"),
			   TX(r, p->tasks[i].task->title));
			shown++;
		}
	for (size_t i = 0; i < p->n_exams && shown < 3; i++) {
		if (p->exams[i].record)   /* already planned or studying */
			continue;
		hp(r, "<li><a href=\"/c/%lld/people/%s#exams\">%s%s%s%s</a></li>", id, p->exams[i].person->key, p->exams[i].person->name,
		   T(r, " さんに「", ": aim for "), TX(r, p->exams[i].exam->name), T(r, "」をすすめ、受験予定を記録しましょう", " and record the plan"));
		shown++;
	}
	for (size_t i = 0; i < p->cstep->n_checkpoints && shown < 3; i++) {
		const cat_checkpoint *cp = &p->cstep->checkpoints[i];
		if (!p->status.met[cp->index]) {
			hp(r, "<li><a href=\"%s\">%s %s</a></li>", cp_diagnosis_link(r, cp), T(r, "チェックポイントを満たしましょう:", "Meet the checkpoint:"),
			   TX(r, cp->title));
			shown++;
		}
	}
	if (!shown)
		hp(r, "<li>%s</li>", T(r, "この段階でやることは済んでいます。診断を更新して次の段階へ進みましょう。",
				       "This STEP's work is done. Update the diagnosis to move on."));
	HL(r, "</ol>");
}

/* The quarterly re-diagnosis: asked for when the latest is older than 90
 * days (with the changes recorded since); and what the latest diagnosis
 * changed against the one before. */
static void rediagnosis_due(req_t *r)
{
	long long id = (long long)r->company_id;
	const m_diagnosis *last = company_latest(r->co);
	if (!last || !recur_rediagnose_due(r->co, r->today))
		return;
	/* Exports and member changes are logged without a new version of the
	 * company: the piece is kept for the newest change-log entry too. */
	size_t mark;
	const char *piece = arena_printf(&r->arena, "dash.due.%lld", (long long)r->rel.audit_last);
	if (frag_emit(r, piece, &mark))
		return;
	char day[11];
	date_format(last->date, day);
	errs_t e = ERRS_INIT;
	int64_t changes = store_audit_count_since(r->store, r->company_id, day, &e);
	for (size_t i = 0; i < e.n; i++)
		fprintf(stderr, "secstep: serve: dashboard: %s: %s\n", e.where[i], e.what[i]);
	bool failed = e.n > 0;
	errs_free(&e);
	hp(r, "<div class=\"warnbox\" id=\"rediagnose\">%s%s%s", T(r, "前回の診断（", "Your last diagnosis ("), date_str(r, last->date),
	   T(r, "）から90日以上たちました。3か月ごとに診断し直すと、進み具合がわかります。",
	     ") was more than 90 days ago. Taking it every quarter shows your progress."));
	if (!failed)
		hp(r, "%s%lld%s", T(r, "その後の変更: ", " Changes since then: "), (long long)changes, T(r, " 件。", "."));
	hp(r, " <a href=\"/c/%lld/diagnosis\">%s</a></div>", id, T(r, "もう一度診断する", "Take the diagnosis again"));
	if (!failed)
		frag_keep(r, piece, mark);
}

/* What the latest diagnosis changed against the one before. */
static void since_previous(req_t *r)
{
	const m_diagnosis *last = company_latest(r->co);
	if (!last || r->co->n_diagnoses < 2)
		return;
	const m_diagnosis *prev = &r->co->diagnoses[r->co->n_diagnoses - 2];
	status_t a, b;
	status_compute(r->cat, r->co, prev, &a);
	status_compute(r->cat, r->co, last, &b);
	hp(r, "<section class=\"card\" id=\"since\"><h2>%s %s → %s</h2><ul>", T(r, "前回の診断からの変化", "Since the previous diagnosis"),
	   date_str(r, prev->date), date_str(r, last->date));
	hp(r, "<li>%s STEP%d → STEP%d</li>", T(r, "いまの段階:", "Current STEP:"), a.current_step, b.current_step);
	if (a.sd_complete && b.sd_complete)
		hp(r, "<li>%s %d → %d</li>", T(r, "自社診断の点数:", "Self-check score:"), a.sd_score, b.sd_score);
	int changed = 0;
	for (int i = 0; i < CAT_CHECKPOINTS; i++) {
		const cat_checkpoint *cp = &r->cat->checkpoints[i];
		answer_t x = checkpoint_answer(r->cat, prev, cp), y = checkpoint_answer(r->cat, last, cp);
		if (x == y)
			continue;
		changed++;
		hp(r, "<li>%s: %s → %s</li>", TX(r, cp->title), x ? answer_name(r, x) : T(r, "未回答", "not answered"),
		   y ? answer_name(r, y) : T(r, "未回答", "not answered"));
	}
	if (!changed)
		hp(r, "<li class=\"muted\">%s</li>", T(r, "チェックポイントの答えは変わっていません。", "No checkpoint answer changed."));
	HL(r, "</ul></section>");
}

/* The heading, and an officer's own tasks. */
static void dashboard_top(req_t *r, const plan_t *p)
{
	long long id = (long long)r->company_id;
	hp(r, "<h1>%s</h1>", T(r, "ダッシュボード", "Dashboard"));
	if (!company_latest(r->co))
		hp(r, "<div class=\"warnbox\">%s <a href=\"/c/%lld/onboard/diagnosis\">%s</a></div>",
		   T(r, "まだ診断していません。", "No diagnosis yet."), id, T(r, "診断する", "Take the diagnosis"));
	if (r->person_key[0]) {   /* an officer linked to a person: their own tasks first */
		size_t mine = 0, late = 0;
		for (size_t i = 0; i < p->n_tasks; i++)
			if (str_eq(p->tasks[i].owner, r->person_key) && p->tasks[i].status != TASK_DONE) {
				mine++;
				late += p->tasks[i].overdue;
			}
		hp(r, "<p class=\"next\"><a href=\"/c/%lld/plan?mine=1#tasks\">%s%zu%s</a>", id, T(r, "あなたのタスク: ", "Your tasks: "), mine,
		   T(r, " 件（自分のタスクだけ表示）", " open (show only my tasks)"));
		if (late)
			hp(r, " <span class=\"badge bad\">%s%zu</span>", T(r, "期限切れ ", "overdue "), late);
		HL(r, "</p>");
	}
}

/* Everything below the re-diagnosis reminder. */
static void dashboard_rest(req_t *r, const plan_t *p)
{
	const status_t *st = &p->status;
	long long id = (long long)r->company_id;
	since_previous(r);
	hp(r, "<div class=\"grid\"><section class=\"card\"><h2>%s</h2>", T(r, "いまの段階", "Where you stand"));
	svg_step_gauge(r, st->current_step, st->working_step);
	hp(r, "<p>%s <strong>STEP%d %s</strong></p>", T(r, "取り組み中:", "Working on:"), p->step, TX(r, p->cstep->title));
	int met = 0;
	for (size_t i = 0; i < p->cstep->n_checkpoints; i++)
		met += st->met[p->cstep->checkpoints[i].index];
	hp(r, "<p class=\"small muted tight\">%s</p>", T(r, "満たしたチェックポイント", "Checkpoints met"));
	svg_progress(r, met, (int)p->cstep->n_checkpoints, T(r, "満たしたチェックポイント", "checkpoints met"));
	hp(r, "<p class=\"small muted tight\">%s</p>", T(r, "完了したタスク", "Tasks done"));
	svg_progress(r, (int)p->n_done, (int)p->n_tasks, T(r, "完了したタスク", "tasks done"));
	hp(r, "</section><section class=\"card\"><h2>%s</h2><div class=\"next\">", T(r, "次にやること（3つ）", "Next three actions"));
	next_actions(r, p);
	HL(r, "</div></section>");

	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "人の体制（必要な人数と今の人数）", "Staffing: people needed and people in place"));
	static const char *const lj[] = {"担当者", "専任の担当者", "責任者", "CISO"}, *const le[] = {"Officers", "Dedicated", "Lead", "CISO"};
	int has[ST__COUNT], needs[ST__COUNT], n = 0;
	const char *labels[ST__COUNT];
	for (int k = 0; k < ST__COUNT; k++)
		if (st->staffing.needs[k]) {
			has[n] = st->staffing.has[k];
			needs[n] = st->staffing.needs[k];
			labels[n++] = r->lang == LANG_EN ? le[k] : lj[k];
		}
	svg_staffing(r, has, needs, n, labels);
	if (p->single_owner)
		hp(r, "<p class=\"warnbox\">%s%s%s</p>", T(r, "兼務の ", "One part-time person, "), p->single_owner->name,
		   T(r, " さん一人がすべてのタスクを持っています。副担当を決めましょう。", ", holds every task. Name a deputy."));
	hp(r, "</section><section class=\"card\"><h2>%s</h2>", T(r, "期限切れのタスク", "Overdue tasks"));
	size_t late_treat = 0;
	for (size_t i = 0; i < r->co->n_assets; i++) {
		const m_asset *x = &r->co->assets[i];
		if (x->treatment && x->treat_due != DATE_NONE && x->treat_due < r->today) {
			hp(r, "<p><span class=\"badge bad\">%s</span> %s%s</p>", date_str(r, x->treat_due), T(r, "リスク対応: ", "Risk treatment: "), x->name);
			late_treat++;
		}
	}
	if (!p->n_overdue && !late_treat)
		hp(r, "<p class=\"muted\">%s</p>", T(r, "ありません。", "None."));
	for (size_t i = 0; i < p->n_tasks; i++)
		if (p->tasks[i].overdue) {
			const m_person *o = company_person(r->co, p->tasks[i].owner);
			hp(r, "<p><span class=\"badge bad\">%s</span> %s — %s</p>", date_str(r, p->tasks[i].due), TX(r, p->tasks[i].task->title),
			   o ? o->name : T(r, "担当未定", "nobody assigned"));
		}
	HL(r, "</section>");

	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "試験と資格", "Exams"));
	int planned = 0, studying = 0, passed = 0;
	for (size_t i = 0; i < r->co->n_people; i++)
		for (size_t k = 0; k < r->co->people[i].n_exams; k++) {
			exam_status_t s = r->co->people[i].exams[k].status;
			planned += s == EXAM_PLANNED;
			studying += s == EXAM_STUDYING;
			passed += s == EXAM_PASSED;
		}
	hp(r, "<dl class=\"facts\"><dt>%s</dt><dd>%d</dd><dt>%s</dt><dd>%d</dd><dt>%s</dt><dd>%d</dd></dl>",
	   T(r, "合格", "Passed"), passed, T(r, "勉強中", "Studying"), studying, T(r, "受験予定", "Planned"), planned);
	size_t to_start = 0;
	for (size_t i = 0; i < p->n_exams; i++)
		to_start += p->exams[i].record == NULL;
	if (to_start)
		hp(r, "<p class=\"small\">%s %zu %s</p>", T(r, "この段階の試験をまだ始めていない担当者:", "Officers yet to start this STEP's exam:"),
		   to_start, T(r, "人", ""));
	hp(r, "</section><section class=\"card\"><h2>%s</h2>", T(r, "これまでの推移", "Progress over time"));
	svg_history(r, r->co);
	hp(r, "</section><section class=\"card\"><h2>SECURITY ACTION</h2><p>★ %s<br>★★ %s</p><p class=\"muted small\">%s</p></section>",
	   st->one_star ? T(r, "一つ星を宣言できる状態です", "ready to declare one star") : T(r, "一つ星: STEP1 のチェックポイントがそろうと宣言できます", "one star: declare once every STEP1 checkpoint is met"),
	   st->two_star ? T(r, "二つ星を宣言できる状態です", "ready to declare two stars") : T(r, "二つ星: 自社診断（25項目）と基本方針の公開が必要です", "two stars: needs the 25-item self-check and a published basic policy"),
	   T(r, "SECURITY ACTION は IPA の自己宣言制度です（認定ではありません）。", "SECURITY ACTION is IPA's self-declaration scheme (not a certification)."));
	HL(r, "</div>");
	if (can_write(r))
		hp(r, "<p class=\"row noprint\"><a class=\"button secondary\" href=\"/c/%lld/profile\">%s</a></p>", id,
		   T(r, "会社の情報を変える", "Edit the company profile"));
}

/* The plan and the pages' pieces are made once per version of the company
 * (frag_emit); only the re-diagnosis reminder, which counts the change log,
 * is read each time. */
void h_dashboard(req_t *r)
{
	plan_t *p = NULL;
	size_t mark;
	page_begin(r, T(r, "ダッシュボード", "Dashboard"), NAV_DASH);
	if (!frag_emit(r, "dash.top", &mark)) {
		p = plan_compute(r->cat, r->co, r->today);
		dashboard_top(r, p);
		frag_keep(r, "dash.top", mark);
	}
	rediagnosis_due(r);
	if (!frag_emit(r, "dash.rest", &mark)) {
		if (!p)
			p = plan_compute(r->cat, r->co, r->today);
		dashboard_rest(r, p);
		frag_keep(r, "dash.rest", mark);
	}
	page_end(r);
	plan_free(p);
}
