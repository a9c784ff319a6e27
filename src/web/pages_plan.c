/* pages_plan.c — the plan of the working STEP: tasks with owner, due date
 * and status (and a "mine" filter), appointing a candidate, the talent
 * measures inside and outside, exams, learning and the closest case. */
#include <string.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"

static void task_row(req_t *r, const plan_task *t)
{
	long long id = (long long)r->company_id;
	hp(r, "<tr id=\"%s\"><td><strong>%s</strong><div class=\"small muted\">%s</div></td>", t->task->id, TX(r, t->task->title),
	   TX(r, t->task->summary));
	if (!can_write(r)) {
		const m_person *o = company_person(r->co, t->owner);
		hp(r, "<td>%s / %s / %s%s</td></tr>", o ? o->name : T(r, "担当未定", "no owner"),
		   t->due != DATE_NONE ? date_str(r, t->due) : T(r, "期限未定", "no due date"), status_name(r, t->status),
		   t->overdue ? T(r, "（期限切れ）", " (overdue)") : "");
		return;
	}
	hp(r, "<td><form method=\"post\" action=\"/c/%lld/tasks/%s\" class=\"row\">", id, t->task->id);
	csrf_field(r);
	hp(r, "<label class=\"small\">%s<br><select name=\"owner\">", T(r, "担当", "Owner"));
	people_options(r, t->owner, true);
	hp(r, "</select></label><label class=\"small\">%s<br><input type=\"date\" name=\"due\" value=\"%s\"></label>", T(r, "期限", "Due"),
	   t->due != DATE_NONE ? date_str(r, t->due) : date_str(r, t->suggested_due));
	hp(r, "<label class=\"small\">%s<br><select name=\"status\">", T(r, "状況", "Status"));
	for (int s = 0; s < 3; s++)
		hp(r, "<option value=\"%s\"%s>%s</option>", task_status_id((task_status_t)s), (int)t->status == s ? " selected" : "",
		   status_name(r, (task_status_t)s));
	hp(r, "</select></label><button type=\"submit\" class=\"small\">%s</button></form>", T(r, "保存", "Save"));
	if (t->overdue)
		hp(r, "<span class=\"badge bad\">%s</span>", T(r, "期限切れ", "overdue"));
	else if (t->due == DATE_NONE)
		hp(r, "<span class=\"small muted\">%s</span>", T(r, "期限は目安です（保存で確定）", "the date is a suggestion until saved"));
	HL(r, "</td></tr>");
}

static void measures(req_t *r, const plan_t *p, side_t side)
{
	for (int prio = 1; prio <= 2; prio++)
		for (size_t i = 0; i < p->n_measures; i++) {
			const plan_measure *m = &p->measures[i];
			if (m->measure->side != side || m->priority != prio)
				continue;
			const cat_tag *kind = cat_tag_find(r->cat->kinds, r->cat->n_kinds, measure_kind_id(m->measure->kind));
			hp(r, "<div class=\"question\"><p>%s <span class=\"badge %s\">%s</span> <span class=\"badge\">%s</span></p>",
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

void h_plan(req_t *r)
{
	plan_t *p = plan_compute(r->cat, r->co, r->today);
	long long id = (long long)r->company_id;
	bool mine = qarg(r, "mine") != NULL;
	page_begin(r, T(r, "計画とタスク", "Plan & tasks"), NAV_PLAN);
	hp(r, "<h1>%s STEP%d %s</h1>", T(r, "計画:", "Plan:"), p->step, TX(r, p->cstep->title));
	if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	hp(r, "<p class=\"lead\">%s</p>", TX(r, p->cstep->aim));
	hp(r, "<section class=\"card\"><h2>%s</h2><ul>", T(r, "この段階のチェックポイント", "This STEP's checkpoints"));
	for (size_t i = 0; i < p->cstep->n_checkpoints; i++) {
		const cat_checkpoint *cp = &p->cstep->checkpoints[i];
		bool met = p->status.met[cp->index];
		/* the page where the work that closes it is done */
		static const struct { const char *cp, *page; } closes[] = {
			{"cp-2-1", "policy"}, {"cp-2-2", "diagnosis#sd"}, {"cp-3-1", "registers/organisation"},
			{"cp-3-3", "registers/suppliers"}, {"cp-3-4", "registers/contacts"}, {"cp-4-1", "assets"},
			{"cp-4-4", "registers/systems"}};
		const char *where = "diagnosis";
		for (size_t k = 0; k < ARRAY_LEN(closes); k++)
			if (!strcmp(cp->id, closes[k].cp))
				where = closes[k].page;
		hp(r, "<li><span class=\"badge %s\">%s</span> %s", met ? "good" : "warn", met ? T(r, "達成", "met") : T(r, "未達", "open"),
		   TX(r, cp->title));
		if (!met)
			hp(r, " — <a href=\"/c/%lld/%s\">%s</a>", id, where,
			   !strcmp(cp->id, "cp-2-1") ? T(r, "基本方針を作る", "Write the basic policy")
			   : strncmp(where, "registers", 9) == 0 || !strcmp(where, "assets") ? T(r, "記録をそろえる", "Keep the records")
								 : T(r, "取り組んだら診断を更新", "Update the diagnosis when done"));
		HL(r, "</li>");
	}
	HL(r, "</ul></section>");
	hp(r, "<section class=\"card\"><div class=\"row spread\"><h2>%s</h2>", T(r, "タスク（だれが・いつまでに）", "Tasks (who, by when)"));
	if (r->person_key[0])
		hp(r, "<a href=\"/c/%lld/plan%s\">%s</a>", id, mine ? "" : "?mine=1", mine ? T(r, "すべて表示", "Show all") : T(r, "自分のタスクだけ", "Mine only"));
	hp(r, "</div><table><thead><tr><th>%s</th><th>%s</th></tr></thead><tbody>", T(r, "タスク", "Task"), T(r, "担当・期限・状況", "Owner, due date, status"));
	for (size_t i = 0; i < p->n_tasks; i++)
		if (!mine || str_eq(p->tasks[i].owner, r->person_key))
			task_row(r, &p->tasks[i]);
	HL(r, "</tbody></table>");
	if (p->single_owner)
		hp(r, "<p class=\"warnbox\">%s%s%s</p>", T(r, "兼務の ", "One part-time person, "), p->single_owner->name,
		   T(r, " さん一人がすべてのタスクを持っています。休んだときに止まらないよう、副担当を決めましょう。",
		     ", holds every task. Name a deputy so the work does not stop when they are away."));
	if (!r->co->n_people)
		hp(r, "<p class=\"muted\">%s <a href=\"/c/%lld/people\">%s</a></p>", T(r, "担当を選ぶには、まず社員を登録します。", "To choose owners, first register your people."),
		   id, T(r, "社員を登録", "Register people"));
	HL(r, "</section>");

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
			hp(r, "<li><strong>%s</strong> — %s %s %s", x->name, x->action ? x->action : "", o ? o->name : T(r, "担当未定", "no owner"),
			   date_str(r, x->treat_due));
			if (late)
				hp(r, " <span class=\"badge bad\">%s</span>", T(r, "期限切れ", "overdue"));
			HL(r, "</li>");
		}
		hp(r, "</ul><p><a href=\"/c/%lld/assets\">%s</a></p></section>", id, T(r, "情報資産とリスクへ", "To the asset register"));
	}
	if (p->n_candidates) {
		hp(r, "<section class=\"card\" id=\"candidates\"><h2>%s</h2><p class=\"muted\">%s</p><table><tbody>",
		   T(r, "担当者の候補", "Candidates for officer"),
		   T(r, "関連する仕事の経験がある人（配置転換）や、自分から希望した人です。兼務でかまいません。",
		     "People with related experience (transfer) or who volunteered. Part-time is fine."));
		for (size_t i = 0; i < p->n_candidates; i++) {
			const plan_candidate *c = &p->candidates[i];
			hp(r, "<tr><td><strong>%s</strong></td><td>", c->person->name);
			for (size_t k = 0; k < c->n_because; k++)
				hp(r, "<span class=\"badge info\">%s</span> ", str_eq(c->because[k], "volunteer") ? T(r, "希望者", "volunteer") : exp_name(r, c->because[k]));
			HL(r, "</td><td>");
			if (can_write(r)) {
				hp(r, "<form method=\"post\" action=\"/c/%lld/appoint\">", id);
				csrf_field(r);
				hp(r, "<input type=\"hidden\" name=\"person\" value=\"%s\"><button type=\"submit\" class=\"small\">%s</button></form>",
				   c->person->key, T(r, "兼務の担当者に任命", "Appoint (part-time)"));
			}
			HL(r, "</td></tr>");
		}
		const cat_exam *ex = cat_exam_find(r->cat, p->cstep->exam);
		hp(r, "</tbody></table><p class=\"small\">%s%s%s</p></section>", T(r, "任命したら「", "Once appointed, aim for "), TX(r, ex->name),
		   T(r, "」を目指しましょう。", "."));
	}
	plan_dedicated_card(r, p);
	if (p->n_exams) {
		hp(r, "<section class=\"card\"><h2>%s</h2><ul>", T(r, "担当者にすすめる試験", "Exams for the officers"));
		for (size_t i = 0; i < p->n_exams; i++)
			hp(r, "<li>%s: %s%s%s</li>", p->exams[i].person->name, TX(r, p->exams[i].exam->name), p->exams[i].record ? " — " : "",
			   p->exams[i].record ? exam_status_name(r, p->exams[i].record->status) : "");
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
		      "<p><a href=\"/c/%lld/reference#%s\">%s</a></p></section>", T(r, "よく似た会社の事例", "The closest case study"),
		   TX(r, k->name), TX(r, k->title), TX(r, k->trigger), id, k->id, T(r, "事例を読む", "Read the case"));
	}
	page_end(r);
	plan_free(p);
}

void h_task_post(req_t *r)
{
	const cat_task *t = cat_task_find(r->cat, param(r, "task"));
	if (!t) {
		fail_page(r, 404, "そのタスクはありません。", "No such task.");
		return;
	}
	errs_t e = ERRS_INIT;
	const char *owner = form(r, "owner"), *due = form(r, "due"), *status = form(r, "status");
	date_t d = DATE_NONE;
	task_status_t st = TASK_TODO;
	if (owner && *owner && !company_person(r->co, owner))
		errs_add(&e, T(r, "担当", "Owner"), "%s", T(r, "登録されていない人です", "not a registered person"));
	if (due && *due && !date_parse(due, &d))
		errs_add(&e, T(r, "期限", "Due"), "%s", T(r, "日付が正しくありません（YYYY-MM-DD）", "not a valid date (YYYY-MM-DD)"));
	if (status && !task_status_parse(status, &st))
		errs_add(&e, T(r, "状況", "Status"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	if (e.n) {
		r->status = 400;
		page_begin(r, T(r, "計画とタスク", "Plan & tasks"), NAV_PLAN);
		show_errors(r, &e);
		hp(r, "<p><a href=\"/c/%lld/plan\">%s</a></p>", (long long)r->company_id, T(r, "計画に戻る", "Back to the plan"));
		page_end(r);
		errs_free(&e);
		return;
	}
	m_company *co = r->co;
	m_task *mt = company_task_slot(co, t->id);
	if (owner)
		mt->owner = *owner ? company_person(co, owner)->key : NULL;
	if (due)
		mt->due = d;
	if (status)
		mt->status = st;
	if (save_company(r))
		redirect(r, "/c/%lld/plan?saved=1#%s", (long long)r->company_id, t->id);
}

void h_appoint_post(req_t *r)
{
	m_person *p = company_person(r->co, form(r, "person"));
	if (!p) {
		fail_page(r, 400, "その人は登録されていません。", "No such person.");
		return;
	}
	if (!person_has_role(p, "officer", NULL)) {
		m_role *role = arena_push(&r->co->arena, (void **)&p->roles, &p->n_roles, &p->cap_roles, sizeof *role);
		*role = (m_role){"officer", TIME_CONCURRENT, 0};
	}
	if (save_company(r))
		redirect(r, "/c/%lld/plan?saved=1", (long long)r->company_id);
}
