/* pages_plan.c — the plan of the working STEP: what to do this week, every
 * task's owner, due date and status in one form with one save (and a
 * "mine" filter), appointing a candidate (who can take the open tasks at
 * once), the talent measures inside and outside, exams, learning and the
 * closest case.  Printing keeps who, when and status. */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "core/recur.h"
#include "exchange/doc.h"
#include "web/pages.h"

/* The posted value of one task's field ("owner-task-1-1"), or NULL. */
static const char *task_field(const req_t *r, const char *field, const char *task)
{
	char key[64];
	snprintf(key, sizeof key, "%s-%s", field, task);
	return form(r, key);
}

/* The diagnosis part and anchor where a checkpoint is answered. */
const char *cp_diagnosis_link(req_t *r, const cat_checkpoint *cp)
{
	return arena_printf(&r->arena, "/c/%lld/diagnosis?part=step%d#%s", (long long)r->company_id, cp->step, cp->id);
}

/* "Every year · last done 2026-11-20" under a task that recurs. */
static void recur_note(req_t *r, const m_task *mt, recur_t eff)
{
	if (!recur_months(eff))
		return;
	hp(r, "<div class=\"small\"><span class=\"badge info\">%s</span>", recur_label(eff, r->lang));
	if (mt && mt->last_done > 0)
		hp(r, " %s %s", T(r, "前回の完了:", "last done:"), date_str(r, mt->last_done));
	HL(r, "</div>");
}

/* "What to do this week": at most four concrete things, the most urgent
 * first, each naming who and by when where the plan knows it. */
static void plan_week(req_t *r, const plan_t *p)
{
	long long id = (long long)r->company_id;
	const status_t *st = &p->status;
	int shown = 0;
	hp(r, "<section class=\"card week\" id=\"week\"><h2>%s</h2><ol>", T(r, "今週やること", "What to do this week"));
	if (st->staffing.is_short[ST_OFFICER]) {
		if (p->n_candidates)
			hp(r, "<li>%s<a href=\"#candidates\">%s%s%s</a></li>", T(r, "担当者を決めます: ", "Appoint an officer: "),
			   p->candidates[0].person->name, T(r, " さんなど、候補から選ぶ", " or another candidate"), "");
		else
			hp(r, "<li>%s <a href=\"/c/%lld/people\">%s</a></li>", T(r, "担当者を決めます。兼務でかまいません。", "Appoint an officer; part-time is fine."), id,
			   T(r, "社員の一覧から探す", "Find someone among your people"));
		shown++;
	}
	/* tell the people who now hold tasks */
	const char *told[8];
	size_t n_told = 0;
	for (size_t i = 0; i < p->n_tasks && n_told < ARRAY_LEN(told); i++) {
		const char *o = p->tasks[i].owner;
		bool dup = false;
		for (size_t k = 0; k < n_told; k++)
			dup |= str_eq(told[k], o);
		if (o && !dup && p->tasks[i].status == TASK_TODO)
			told[n_told++] = o;
	}
	if (n_told) {
		HL(r, "<li>");
		for (size_t k = 0; k < n_told; k++) {
			const m_person *ps = company_person(r->co, told[k]);
			hp(r, "%s%s", k ? T(r, "、", ", ") : "", ps ? ps->name : told[k]);
		}
		hp(r, "%s</li>", T(r, " さんに担当のタスクと期限を伝え、この計画を一緒に見ます（10分）。",
				 ": tell them which tasks are theirs and by when, and go through this plan together (10 minutes)."));
		shown++;
	}
	/* the open task due first */
	const plan_task *first = NULL;
	for (size_t i = 0; i < p->n_tasks; i++) {
		const plan_task *t = &p->tasks[i];
		if (t->status == TASK_DONE)
			continue;
		date_t d = t->due != DATE_NONE ? t->due : t->suggested_due;
		date_t fd = first ? (first->due != DATE_NONE ? first->due : first->suggested_due) : 0;
		if (!first || d < fd)
			first = t;
	}
	if (first) {
		const m_person *o = company_person(r->co, first->owner);
		hp(r, "<li>%s<a href=\"#%s\">%s</a>%s%s%s%s%s</li>", first->overdue ? T(r, "期限を過ぎています: ", "Overdue: ") : T(r, "最初のタスクに取りかかります: ", "Start the first task: "),
		   first->task->id, TX(r, first->task->title), T(r, "（担当 ", " (assigned to "), o ? o->name : T(r, "未定", "nobody yet"),
		   T(r, "・期限 ", ", due "), date_str(r, first->due != DATE_NONE ? first->due : first->suggested_due), T(r, "）", ")"));
		shown++;
	}
	size_t unowned = 0;
	for (size_t i = 0; i < p->n_tasks; i++)
		unowned += !p->tasks[i].owner && p->tasks[i].status != TASK_DONE;
	if (unowned && shown < 4) {
		hp(r, "<li><a href=\"#tasks\">%s%zu%s</a></li>", T(r, "担当と期限が決まっていないタスクが ", "Assign someone and a due date to the "), unowned,
		   T(r, " 件あります。決めて保存します", " tasks that have none"));
		shown++;
	}
	const m_diagnosis *d = company_latest(r->co);
	if (shown < 4 && (!st->sd_complete || !d)) {
		hp(r, "<li><a href=\"/c/%lld/diagnosis?part=%s\">%s</a> %s</li>", id, d ? "basic" : "step1",
		   T(r, "診断の残りに答える", "Answer the rest of the diagnosis"),
		   T(r, "（自社診断25項目・STEP2〜4。1回10分ほど、途中で保存できます）", "(the 25-item self-check and STEP2–4; about 10 minutes at a time, you can stop and continue)"));
		shown++;
	}
	if (!shown)
		hp(r, "<li>%s <a href=\"/c/%lld/diagnosis\">%s</a></li>", T(r, "この段階のタスクはすべて完了しています。", "Every task of this STEP is done."), id,
		   T(r, "診断を更新して次の段階へ", "Update the diagnosis to move on"));
	HL(r, "</ol></section>");
}

/* One task: title, what it is, then owner, due date and status as fields
 * of the one plan form (read-only text for advisers and for print). */
static void task_block(req_t *r, const plan_task *t, bool editable)
{
	const char *tid = t->task->id, *title = TX(r, t->task->title);
	const char *owner = t->owner, *pv;
	const m_person *o = company_person(r->co, t->owner);
	const m_task *mt = company_task(r->co, tid);
	recur_t eff = mt ? recur_effective(mt) : recur_default(tid);
	hp(r, "<div class=\"task\" id=\"%s\"><div><h3>%s</h3><div class=\"small muted\">%s</div>", tid, title, TX(r, t->task->summary));
	recur_note(r, mt, eff);
	if (t->overdue)
		hp(r, "<span class=\"badge bad\">%s</span>", T(r, "期限切れ", "overdue"));
	hp(r, "</div><div><p class=\"task-facts%s\">%s: <strong>%s</strong> / %s: <strong>%s</strong> / %s: <strong>%s</strong></p>",
	   editable ? " print-only" : "", T(r, "担当", "Assigned to"), o ? o->name : T(r, "未定", "nobody yet"), T(r, "期限", "Due"),
	   t->due != DATE_NONE ? date_str(r, t->due) : T(r, "未定", "not set"), T(r, "状況", "Status"), status_name(r, t->status));
	if (!editable) {
		HL(r, "</div></div>");
		return;
	}
	if ((pv = task_field(r, "owner", tid)))
		owner = pv;
	const char *due = t->due != DATE_NONE ? date_str(r, t->due) : date_str(r, t->suggested_due);
	if ((pv = task_field(r, "due", tid)))
		due = pv;
	task_status_t cur = t->status;
	if ((pv = task_field(r, "status", tid)))
		task_status_parse(pv, &cur);
	hp(r, "<div class=\"fields\"><div class=\"owner\"><label for=\"owner-%s\">%s<span class=\"sr-only\">%s%s%s</span></label>"
	      "<select id=\"owner-%s\" name=\"owner-%s\">", tid, T(r, "担当", "Assigned to"), T(r, "（", " ("), title, T(r, "）", ")"), tid, tid);
	people_options(r, owner, true);
	hp(r, "</select></div><div><label for=\"due-%s\">%s<span class=\"sr-only\">%s%s%s</span></label>"
	      "<input type=\"date\" id=\"due-%s\" name=\"due-%s\" value=\"%s\"></div>", tid, T(r, "期限", "Due"), T(r, "（", " ("), title,
	   T(r, "）", ")"), tid, tid, due);
	hp(r, "<div><label for=\"status-%s\">%s<span class=\"sr-only\">%s%s%s</span></label><select id=\"status-%s\" name=\"status-%s\">", tid,
	   T(r, "状況", "Status"), T(r, "（", " ("), title, T(r, "）", ")"), tid, tid);
	for (int s = 0; s < 3; s++)
		hp(r, "<option value=\"%s\"%s>%s</option>", task_status_id((task_status_t)s), (int)cur == s ? " selected" : "",
		   status_name(r, (task_status_t)s));
	HL(r, "</select></div>");
	recur_t rsel = eff;
	if ((pv = task_field(r, "recur", tid)))
		recur_parse(pv, &rsel);
	hp(r, "<div><label for=\"recur-%s\">%s<span class=\"sr-only\">%s%s%s</span></label><select id=\"recur-%s\" name=\"recur-%s\">", tid,
	   T(r, "繰り返し", "Repeats"), T(r, "（", " ("), title, T(r, "）", ")"), tid, tid);
	for (int k = RECUR_NONE; k <= RECUR_YEARLY; k++)
		hp(r, "<option value=\"%s\"%s>%s</option>", recur_id((recur_t)k), (int)rsel == k ? " selected" : "",
		   recur_label((recur_t)k, r->lang));
	HL(r, "</select></div></div>");
	if (t->due == DATE_NONE)
		hp(r, "<p class=\"small muted tight\">%s</p>", T(r, "期限は目安です（保存すると決まります）", "The date is a suggestion until you save"));
	HL(r, "</div></div>");
}

static void measures(req_t *r, const plan_t *p, side_t side)
{
	for (int prio = 1; prio <= 2; prio++)
		for (size_t i = 0; i < p->n_measures; i++) {
			const plan_measure *m = &p->measures[i];
			if (m->measure->side != side || m->priority != prio)
				continue;
			const cat_tag *kind = cat_tag_find(r->cat->kinds, r->cat->n_kinds, measure_kind_id(m->measure->kind));
			hp(r, "<div class=\"question\"><p class=\"q\">%s <span class=\"badge %s\">%s</span> <span class=\"badge\">%s</span></p>",
			   TX(r, m->measure->title), prio == 1 ? "info" : "", prio == 1 ? T(r, "いま", "now") : T(r, "次に", "next"),
			   kind ? TX(r, kind->name) : "");
			HL(r, "<div>");
			hp_gloss(r, TX(r, m->measure->summary));
			hp(r, "</div><div class=\"help\">%s %s</div>", T(r, "向いている場合:", "Suits:"), TX(r, m->measure->suits));
			for (size_t k = 0; k < m->measure->n_resources; k++) {
				const cat_resource *res = cat_resource_find(r->cat, m->measure->resources[k]);
				if (res->url && *res->url)
					hp(r, "<div class=\"small\">→ <a href=\"%s\" rel=\"noopener noreferrer\">%s</a></div>", res->url, TX(r, res->name));
				else
					hp(r, "<div class=\"small\">→ %s</div>", TX(r, res->name));
			}
			HL(r, "</div>");
		}
}

/* Recurring work of other STEPs (the working STEP's is in the task list):
 * each round with its due date, and a button to record it done. */
static void recurring_section(req_t *r, const plan_t *p)
{
	long long id = (long long)r->company_id;
	bool any = false;
	for (size_t i = 0; i < r->co->n_tasks; i++) {
		const m_task *mt = &r->co->tasks[i];
		const cat_task *ct = cat_task_find(r->cat, mt->task);
		recur_t eff = recur_effective(mt);
		if (!ct || ct->step == p->step || !recur_months(eff) || (mt->due == DATE_NONE && mt->last_done <= 0))
			continue;
		if (!any)
			hp(r, "<section class=\"card\" id=\"recurring\"><h2>%s</h2><p class=\"muted\">%s</p>",
			   T(r, "定期的な作業", "Recurring work"),
			   T(r, "前の段階で決めた作業のうち、くり返し行うものです。完了にすると次の回ができます。",
			     "Work from earlier STEPs that comes back. Marking it done creates the next round."));
		any = true;
		const m_person *o = company_person(r->co, mt->owner);
		bool late = mt->due != DATE_NONE && mt->due < r->today && mt->status != TASK_DONE;
		hp(r, "<div class=\"task\" id=\"%s\"><div><h3>%s</h3>", ct->id, TX(r, ct->title));
		recur_note(r, mt, eff);
		hp(r, "</div><div><p>%s: <strong>%s</strong> / %s: <strong>%s</strong>%s</p>", T(r, "担当", "Assigned to"),
		   o ? o->name : T(r, "未定", "nobody yet"), T(r, "期限", "Due"),
		   mt->due != DATE_NONE ? date_str(r, mt->due) : T(r, "未定", "not set"), late ? T(r, "（期限切れ）", " (overdue)") : "");
		if (mt->status == TASK_DONE)   /* marked done before it recurred (or imported so): nothing to complete */
			hp(r, "<p><span class=\"badge good\">%s</span></p>", T(r, "完了", "Done"));
		else if (can_write(r)) {
			hp(r, "<form method=\"post\" action=\"/c/%lld/tasks/%s\" class=\"noprint\">", id, ct->id);
			csrf_field(r);
			hp(r, "<input type=\"hidden\" name=\"status\" value=\"done\"><button type=\"submit\" class=\"secondary\">%s"
			      "<span class=\"sr-only\">%s%s%s</span></button></form>",
			   T(r, "今回の分を完了", "Mark this round done"), T(r, "（", " ("), TX(r, ct->title), T(r, "）", ")"));
		}
		HL(r, "</div></div>");
	}
	if (any)
		HL(r, "</section>");
}

/* The appoint form: a person (the candidate pre-selected) and "give them
 * the open tasks with the suggested dates" (on by default). */
void appoint_form(req_t *r, const plan_t *p, const char *back)
{
	long long id = (long long)r->company_id;
	hp(r, "<form method=\"post\" action=\"/c/%lld/appoint\" class=\"stack appoint\">", id);
	csrf_field(r);
	if (back)
		hp(r, "<input type=\"hidden\" name=\"back\" value=\"%s\">", back);
	hp(r, "<label for=\"appoint-person\">%s</label><select id=\"appoint-person\" name=\"person\">", T(r, "担当者（兼務）にする人", "Who becomes the (part-time) officer"));
	people_options(r, p->n_candidates ? p->candidates[0].person->key : NULL, false);
	hp(r, "</select><label class=\"check\"><input type=\"checkbox\" name=\"assign\" value=\"1\" checked> %s</label>",
	   T(r, "担当の決まっていないタスクを、この人に目安の期限で任せる", "Give this person the tasks nobody holds yet, with the suggested due dates"));
	hp(r, "<p class=\"actions\"><button type=\"submit\">%s</button></p></form>", T(r, "担当者に任命する", "Appoint as officer"));
}

void plan_page(req_t *r, const errs_t *e)
{
	plan_t *p = plan_compute(r->cat, r->co, r->today);
	long long id = (long long)r->company_id;
	bool mine = qarg(r, "mine") != NULL && r->person_key[0];
	bool editable = can_write(r);
	page_begin(r, T(r, "計画とタスク", "Plan & tasks"), NAV_PLAN);
	if (qarg(r, "welcome"))
		onboard_header(r, 4);
	hp(r, "<h1>%s STEP%d %s</h1>", T(r, "計画:", "Plan:"), p->step, TX(r, p->cstep->title));
	if (qarg(r, "saved") && !strcmp(qarg(r, "saved"), "next"))
		flash(r, "完了を記録しました。くり返しの作業なので、次の回を期限つきで作りました。",
		      "Completion recorded. This work repeats, so the next round was created with its due date.");
	else if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	if (e)
		show_errors(r, e);
	hp(r, "<p class=\"lead\">%s</p>", TX(r, p->cstep->aim));
	hp(r, "<p class=\"actions noprint\"><a class=\"button secondary\" href=\"/c/%lld/export/management.pdf\">%s</a>", id,
	   T(r, "経営者向け報告書（PDF）", "Management report (PDF)"));
	if (r->person_key[0])
		hp(r, "<a class=\"button secondary\" href=\"/c/%lld/plan%s\">%s</a>", id, mine ? "" : "?mine=1#tasks",
		   mine ? T(r, "すべてのタスクを表示", "Show every task") : T(r, "自分のタスクだけ表示", "Show only my tasks"));
	HL(r, "</p>");
	if (editable && !mine)
		plan_week(r, p);

	hp(r, "<section class=\"card tasks\" id=\"tasks\"><h2>%s</h2>",
	   mine ? T(r, "自分のタスク", "My tasks") : T(r, "タスク（だれが・いつまでに）", "Tasks (who, by when)"));
	if (editable) {
		hp(r, "<form method=\"post\" action=\"/c/%lld/tasks\">", id);
		csrf_field(r);
	}
	size_t shown = 0;
	for (size_t i = 0; i < p->n_tasks; i++)
		if (!mine || str_eq(p->tasks[i].owner, r->person_key)) {
			task_block(r, &p->tasks[i], editable);
			shown++;
		}
	if (!shown)
		hp(r, "<p class=\"muted\">%s</p>", T(r, "いまお願いしているタスクはありません。", "No tasks for you right now."));
	if (editable)
		hp(r, "<div class=\"savebar\"><button type=\"submit\">%s</button><span class=\"small muted\" role=\"status\" data-dirty=\"%s\">%s</span></div></form>",
		   T(r, "タスクをまとめて保存", "Save all tasks"), T(r, "まだ保存していない変更があります。", "There are changes not saved yet."),
		   T(r, "担当・期限・状況・繰り返しの変更を一度に保存します。", "Saves every assignee, date, status and repetition above at once."));
	if (p->single_owner)
		hp(r, "<p class=\"warnbox\">%s%s%s</p>", T(r, "兼務の ", "One part-time person, "), p->single_owner->name,
		   T(r, " さん一人がすべてのタスクを持っています。休んだときに止まらないよう、副担当を決めましょう。",
		     ", holds every task. Name a deputy so the work does not stop when they are away."));
	if (!r->co->n_people)
		hp(r, "<p class=\"muted\">%s <a href=\"/c/%lld/people\">%s</a></p>", T(r, "担当を選ぶには、まず社員を登録します。", "To assign tasks, first register your people."),
		   id, T(r, "社員を登録する", "Register your people"));
	hp(r, "<p class=\"small noprint\"><a href=\"/c/%lld/digest\">%s</a></p>", id,
	   T(r, "期限が近いタスクの週のお知らせ（メール）を見る", "See the weekly digest of tasks due soon (e-mail)"));
	HL(r, "</section>");
	if (!mine)
		recurring_section(r, p);

	hp(r, "<section class=\"card\"><h2>%s</h2><ul class=\"links\">", T(r, "この段階のチェックポイント", "This STEP's checkpoints"));
	for (size_t i = 0; i < p->cstep->n_checkpoints; i++) {
		const cat_checkpoint *cp = &p->cstep->checkpoints[i];
		bool met = p->status.met[cp->index];
		/* the page where the work that closes it is done */
		static const struct { const char *cp, *page, *ja, *en; } closes[] = {
			{"cp-2-1", "policy", "基本方針を作る", "Write the basic policy"},
			{"cp-3-1", "registers/organisation", "体制を記録する", "Record the organisation"},
			{"cp-3-3", "registers/suppliers", "取引先を記録する", "Record the suppliers"},
			{"cp-3-4", "registers/contacts", "連絡先と訓練を記録する", "Record contacts and drills"},
			{"cp-4-1", "assets", "情報資産を記録する", "Record the information assets"},
			{"cp-4-4", "registers/systems", "システムと復旧目標を記録する", "Record systems and recovery targets"}};
		hp(r, "<li><span class=\"badge %s\">%s</span> %s", met ? "good" : "warn", met ? T(r, "満たしている", "met") : T(r, "満たしていない", "not met"),
		   TX(r, cp->title));
		if (!met) {
			for (size_t k = 0; k < ARRAY_LEN(closes); k++)
				if (!strcmp(cp->id, closes[k].cp))
					hp(r, " — <a href=\"/c/%lld/%s\">%s</a>", id, closes[k].page, T(r, closes[k].ja, closes[k].en));
			hp(r, " — <a href=\"%s\">%s%s%s</a>", cp_diagnosis_link(r, cp), T(r, "取り組んだら「", "Done? Update the answers on “"), TX(r, cp->title),
			   T(r, "」の答えを更新", "”"));
		}
		HL(r, "</li>");
	}
	HL(r, "</ul></section>");

	bool any_treat = false;
	for (size_t i = 0; i < r->co->n_assets; i++)
		any_treat |= r->co->assets[i].treatment != NULL;
	if (any_treat) {
		hp(r, "<section class=\"card\"><h2>%s</h2><ul>", T(r, "リスクへの対応（情報資産）", "Risk treatments (information assets)"));
		for (size_t i = 0; i < r->co->n_assets; i++) {
			const m_asset *x = &r->co->assets[i];
			if (!x->treatment)
				continue;
			const m_person *o = company_person(r->co, x->treat_owner);
			bool late = x->treat_due != DATE_NONE && x->treat_due < r->today;
			hp(r, "<li><strong>%s</strong> — %s %s %s", x->name, x->action ? x->action : "", o ? o->name : T(r, "担当未定", "nobody assigned"),
			   date_str(r, x->treat_due));
			if (late)
				hp(r, " <span class=\"badge bad\">%s</span>", T(r, "期限切れ", "overdue"));
			HL(r, "</li>");
		}
		hp(r, "</ul><p><a href=\"/c/%lld/assets\">%s</a></p></section>", id, T(r, "情報資産とリスクへ", "To the asset register"));
	}
	if (p->n_candidates) {
		hp(r, "<section class=\"card\" id=\"candidates\"><h2>%s</h2><p class=\"muted\">%s</p><ul>",
		   T(r, "担当者の候補", "Candidates for officer"),
		   T(r, "関連する仕事の経験がある人（配置転換）や、自分から希望した人です。兼務でかまいません。",
		     "People with related experience (transfer) or who volunteered. Part-time is fine."));
		for (size_t i = 0; i < p->n_candidates; i++) {
			const plan_candidate *c = &p->candidates[i];
			hp(r, "<li><strong>%s</strong> ", c->person->name);
			for (size_t k = 0; k < c->n_because; k++)
				hp(r, "<span class=\"badge info\">%s</span> ", str_eq(c->because[k], "volunteer") ? T(r, "希望者", "volunteer") : exp_name(r, c->because[k]));
			if (c->exam)   /* the next rung of the exam ladder for this person */
				hp(r, "<span class=\"small\">%s%s%s</span>", T(r, "— 任命したら「", "— once appointed, aim for "), TX(r, c->exam->name),
				   T(r, "」を目指します", ""));
			HL(r, "</li>");
		}
		HL(r, "</ul>");
		if (editable)
			appoint_form(r, p, NULL);
		HL(r, "</section>");
	}
	plan_dedicated_card(r, p);
	if (p->n_exams) {
		hp(r, "<section class=\"card\"><h2>%s</h2><ul>", T(r, "担当者にすすめる試験", "Exams for the officers"));
		for (size_t i = 0; i < p->n_exams; i++) {
			hp(r, "<li>%s: %s%s%s", p->exams[i].person->name, TX(r, p->exams[i].exam->name), p->exams[i].record ? " — " : "",
			   p->exams[i].record ? exam_status_name(r, p->exams[i].record->status) : "");
			if (editable && !p->exams[i].record)
				hp(r, " — <a href=\"/c/%lld/people/%s#exams\">%s%s%s</a>", id, p->exams[i].person->key,
				   T(r, "", "Record "), p->exams[i].person->name, T(r, " さんの受験予定を記録する", "'s exam plan"));
			HL(r, "</li>");
		}
		HL(r, "</ul></section>");
	}
	hp(r, "<div class=\"grid\"><section class=\"card\"><h2>%s</h2>", T(r, "社内の人材を活かす", "Using people inside"));
	measures(r, p, SIDE_INSIDE);
	hp(r, "</section><section class=\"card\"><h2>%s</h2>", T(r, "人手・知識が足りないときの外部の力", "Outside help when hands or knowledge are short"));
	measures(r, p, SIDE_OUTSIDE);
	HL(r, "</section></div>");
	if (p->n_cases) {
		const cat_case *k = p->cases[0].c;
		hp(r, "<section class=\"card\"><h2>%s</h2><p><strong>%s</strong> — %s</p><p class=\"small\">%s</p>"
		      "<p><a href=\"/c/%lld/reference#%s\">%s%s%s</a></p></section>", T(r, "よく似た会社の事例", "The closest case study"),
		   TX(r, k->name), TX(r, k->title), TX(r, k->trigger), id, k->id, T(r, "事例を読む: ", "Read the case: "), TX(r, k->name), "");
	}
	page_end(r);
	plan_free(p);
}

void h_plan(req_t *r)
{
	plan_page(r, NULL);
}

/* Reads one task's posted owner, due date and status ("" keeps none);
 * problems go to e, named by the task's title. */
static void read_task(req_t *r, const cat_task *t, const char *owner, const char *due, const char *status, const char *recur,
		      errs_t *e, m_task *out)
{
	const char *title = TX(r, t->title);
	if (owner && *owner && !company_person(r->co, owner))
		errs_add(e, arena_printf(&r->arena, "%s%s%s", T(r, "「", "Assigned to ("), title, T(r, "」の担当", ")")), "%s",
			 T(r, "登録されていない人です", "not a registered person"));
	else if (owner)
		out->owner = *owner ? company_person(r->co, owner)->key : NULL;
	date_t d = DATE_NONE;
	if (due && *due && !date_parse(due, &d))
		errs_add(e, arena_printf(&r->arena, "%s%s%s", T(r, "「", "Due ("), title, T(r, "」の期限", ")")), "%s",
			 T(r, "日付が正しくありません（YYYY-MM-DD）", "not a valid date (YYYY-MM-DD)"));
	else if (due)
		out->due = d;
	task_status_t st;
	if (status && !task_status_parse(status, &st))
		errs_add(e, arena_printf(&r->arena, "%s%s%s", T(r, "「", "Status ("), title, T(r, "」の状況", ")")), "%s",
			 T(r, "一覧から選んでください", "choose one from the list"));
	else if (status)
		out->status = st;
	recur_t rc;
	if (recur && *recur && !recur_parse(recur, &rc))
		errs_add(e, arena_printf(&r->arena, "%s%s%s", T(r, "「", "Repeats ("), title, T(r, "」の繰り返し", ")")), "%s",
			 T(r, "一覧から選んでください", "choose one from the list"));
	else if (recur && *recur)
		out->recur = rc;
}

/* Puts the checked values into the company's task: repetition and date
 * first, then the status as a person sets it (a recurring task that
 * becomes done opens its next round).  True when a next round opened. */
static bool apply_task(req_t *r, const char *task_id, const m_task *next)
{
	m_task *mt = company_task_slot(r->co, task_id);
	mt->owner = next->owner;
	mt->due = next->due;
	mt->recur = next->recur;
	return task_set_status(mt, next->status, r->today);
}

/* One form, one save: every task of the working STEP on the page. */
void h_tasks_post(req_t *r)
{
	plan_t *p = plan_compute(r->cat, r->co, r->today);
	errs_t e = ERRS_INIT;
	m_task next[4];
	const cat_task *which[4];
	size_t n = 0;
	for (size_t i = 0; i < p->n_tasks && n < 4; i++) {
		const plan_task *t = &p->tasks[i];
		const char *id = t->task->id;
		const char *owner = task_field(r, "owner", id), *due = task_field(r, "due", id), *status = task_field(r, "status", id);
		const char *recur = task_field(r, "recur", id);
		if (!owner && !due && !status && !recur)
			continue;
		const m_task *cur = company_task(r->co, id);
		next[n] = (m_task){0};
		next[n].task = id;
		next[n].owner = t->owner;
		next[n].due = t->due;
		next[n].status = t->status;
		next[n].recur = cur ? cur->recur : RECUR_DEFAULT;
		which[n] = t->task;
		read_task(r, t->task, owner, due, status, recur, &e, &next[n]);
		n++;
	}
	plan_free(p);
	if (e.n) {
		r->status = 400;
		plan_page(r, &e);
		r->status = 400;
		errs_free(&e);
		return;
	}
	bool next_round = false;
	for (size_t i = 0; i < n; i++)
		next_round |= apply_task(r, which[i]->id, &next[i]);
	if (save_company(r))
		redirect(r, "/c/%lld/plan?saved=%s#tasks", (long long)r->company_id, next_round ? "next" : "1");
}

/* One task (the form fields "owner", "due", "status"; or the plan form's
 * "owner-TASK" names). */
void h_task_post(req_t *r)
{
	const cat_task *t = cat_task_find(r->cat, param(r, "task"));
	if (!t) {
		fail_page(r, 404, "そのタスクはありません。", "No such task.");
		return;
	}
	errs_t e = ERRS_INIT;
	const char *owner = form(r, "owner"), *due = form(r, "due"), *status = form(r, "status"), *recur = form(r, "recur");
	if (!owner && !due && !status && !recur) {
		owner = task_field(r, "owner", t->id);
		due = task_field(r, "due", t->id);
		status = task_field(r, "status", t->id);
		recur = task_field(r, "recur", t->id);
	}
	m_company *co = r->co;
	const m_task *cur = NULL;
	for (size_t i = 0; i < co->n_tasks; i++)
		if (str_eq(co->tasks[i].task, t->id))
			cur = &co->tasks[i];
	m_task next = {0};
	next.task = t->id;
	next.due = cur ? cur->due : DATE_NONE;
	next.owner = cur ? cur->owner : NULL;
	next.status = cur ? cur->status : TASK_TODO;
	next.recur = cur ? cur->recur : RECUR_DEFAULT;
	read_task(r, t, owner, due, status, recur, &e, &next);
	if (e.n) {
		r->status = 400;
		plan_page(r, &e);
		r->status = 400;
		errs_free(&e);
		return;
	}
	bool next_round = apply_task(r, t->id, &next);
	if (save_company(r))
		redirect(r, "/c/%lld/plan?saved=%s#%s", (long long)r->company_id, next_round ? "next" : "1", t->id);
}

/* Appoints a person as a part-time officer; with "assign", the working
 * STEP's tasks that nobody holds (and are not done) become theirs, each
 * with its date or the suggested one. */
void h_appoint_post(req_t *r)
{
	m_person *p = company_person(r->co, form(r, "person"));
	if (!p) {
		errs_t e = ERRS_INIT;
		errs_add(&e, T(r, "担当者にする人", "Who becomes the officer"), "%s", T(r, "登録されている人から選んでください", "choose a registered person"));
		r->status = 400;
		plan_page(r, &e);
		r->status = 400;
		errs_free(&e);
		return;
	}
	if (!person_has_role(p, "officer", NULL)) {
		m_role *role = arena_push(&r->co->arena, (void **)&p->roles, &p->n_roles, &p->cap_roles, sizeof *role);
		*role = (m_role){"officer", TIME_CONCURRENT, 0};
	}
	if (form(r, "assign")) {
		plan_t *pl = plan_compute(r->cat, r->co, r->today);
		for (size_t i = 0; i < pl->n_tasks; i++) {
			const plan_task *t = &pl->tasks[i];
			if (t->owner || t->status == TASK_DONE)
				continue;
			m_task *mt = company_task_slot(r->co, t->task->id);
			mt->owner = p->key;
			if (mt->due == DATE_NONE)
				mt->due = t->suggested_due;
		}
		plan_free(pl);
	}
	if (save_company(r)) {
		if (str_eq(form(r, "back"), "welcome"))
			redirect(r, "/c/%lld/plan?welcome=1#week", (long long)r->company_id);
		else
			redirect(r, "/c/%lld/plan?saved=1#tasks", (long long)r->company_id);
	}
}
