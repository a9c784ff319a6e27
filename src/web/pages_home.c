/* pages_home.c — the start page (my companies: a portfolio for advisers),
 * creating a company (the first step of onboarding) and its profile. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"
#include "web/web_int.h"

void h_home(req_t *r)
{
	errs_t e = ERRS_INIT;
	membership_t *ms;
	size_t n;
	if (!store_memberships(r->store, r->account, &ms, &n, &e)) {
		fail_db(r, &e);
		errs_free(&e);
		return;
	}
	if (r->account == 1) {
		/* The administrator sees every company of the install. */
		store_company_row *rows;
		size_t nr;
		if (store_company_list(r->store, &rows, &nr, &e)) {
			for (size_t i = 0; i < nr; i++) {
				bool have = false;
				for (size_t k = 0; k < n; k++)
					have |= ms[k].company_id == rows[i].id;
				if (have)
					continue;
				ms = xrealloc(ms, (n + 1) * sizeof *ms);
				memset(&ms[n], 0, sizeof ms[n]);
				ms[n].company_id = rows[i].id;
				ms[n].role = ROLE_OWNER;
				snprintf(ms[n].company_name, sizeof ms[n].company_name, "%s", rows[i].name);
				n++;
			}
			free(rows);
		}
	}
	if (n == 1 && ms[0].role != ROLE_ADVISER) {
		redirect(r, ms[0].role == ROLE_EMPLOYEE ? "/c/%lld/me" : "/c/%lld", (long long)ms[0].company_id);
		free(ms);
		return;
	}
	page_begin(r, T(r, "会社の一覧", "Companies"), NAV_NONE);
	hp(r, "<h1>%s</h1>", T(r, "会社の一覧", "Companies"));
	if (n == 0) {
		hp(r, "<section class=\"card\"><h2>%s</h2><p>%s</p><p><a class=\"button\" href=\"/c/new\">%s</a></p></section>",
		   T(r, "まず、自社を登録しましょう", "Start by adding your company"),
		   T(r, "会社の基本情報 → 社員 → かんたんな質問 の順に進むと、ガイドブックにそった自社の計画（だれが・何を・いつまでに）ができあがります。",
		     "Enter your profile, then your people, then answer a few plain questions: you get your own plan from the guidebook (who does what by when)."),
		   T(r, "会社を登録する", "Add a company"));
	} else {
		hp(r, "<section class=\"card scroll\"><table id=\"companies\"><thead><tr><th>%s</th><th>%s</th><th>STEP</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
		   T(r, "会社", "Company"), T(r, "あなたの役割", "Your role"), T(r, "担当者", "Officers"),
		   T(r, "期限切れ", "Overdue"), T(r, "未達", "Unmet"));
		int steps[5] = {0}, with_overdue = 0;
		int *by_industry = arena_alloc(&r->arena, (r->cat->n_industries + 1) * sizeof *by_industry);
		for (size_t i = 0; i < n; i++) {
			m_company *co = snapshot_borrow(r, ms[i].company_id, &e);
			if (!co && e.n) {
				free(ms);
				fail_db(r, &e);
				errs_free(&e);
				return;
			}
			if (!co)
				continue;
			plan_t *p = plan_compute(r->cat, co, r->today);
			steps[p->status.current_step]++;
			with_overdue += p->n_overdue > 0;
			for (size_t k = 0; k < r->cat->n_industries; k++)
				by_industry[k] += str_eq(r->cat->industries[k].id, co->industry);
			static const char *const role_ja[] = {"", "従業員", "支援者", "担当者", "経営者"};
			static const char *const role_en[] = {"", "employee", "adviser", "officer", "owner"};
			hp(r, "<tr><td><a href=\"/c/%lld%s\">%s</a></td><td>%s</td>", (long long)co->id,
			   ms[i].role == ROLE_EMPLOYEE ? "/me" : "", co->name,
			   r->lang == LANG_EN ? role_en[ms[i].role] : role_ja[ms[i].role]);
			if (p->status.current_step)
				hp(r, "<td><span class=\"badge info\">STEP%d</span></td>", p->status.current_step);
			else
				hp(r, "<td><span class=\"badge\">%s</span></td>", T(r, "STEP1 の手前", "before STEP1"));
			hp(r, "<td>%d / %d</td>", p->status.staffing.has[ST_OFFICER], p->status.staffing.needs[ST_OFFICER]);
			if (p->n_overdue)
				hp(r, "<td><span class=\"badge bad\">%zu</span></td>", p->n_overdue);
			else
				HL(r, "<td>0</td>");
			hp(r, "<td>%zu</td></tr>", p->status.n_unmet);
			plan_free(p);
		}
		HL(r, "</tbody></table></section>");
		/* Portfolio figures for advisers: how many clients at each STEP,
		 * and by industry. */
		hp(r, "<section class=\"card\"><h2>%s</h2><div class=\"grid\"><div><h3>%s</h3><table><tbody>",
		   T(r, "全体の状況", "Across your companies"), T(r, "段階ごとの社数", "Companies per STEP"));
		for (int k = 0; k <= 4; k++)
			if (steps[k])
				hp(r, "<tr><th>%s</th><td>%d</td></tr>", k ? arena_printf(&r->arena, "STEP%d", k) : T(r, "STEP1 の手前", "before STEP1"),
				   steps[k]);
		hp(r, "</tbody></table></div><div><h3>%s</h3><table><tbody>", T(r, "業種ごとの社数", "Companies per industry"));
		for (size_t k = 0; k < r->cat->n_industries; k++)
			if (by_industry[k])
				hp(r, "<tr><th>%s</th><td>%d</td></tr>", TX(r, r->cat->industries[k].name), by_industry[k]);
		hp(r, "</tbody></table></div></div><p class=\"small muted\">%s %d</p></section>",
		   T(r, "期限切れのタスクがある会社:", "Companies with overdue tasks:"), with_overdue);
		hp(r, "<p><a class=\"button secondary\" href=\"/c/new\">%s</a></p>", T(r, "会社を追加する", "Add a company"));
	}
	page_end(r);
	free(ms);
	errs_free(&e);
}

/* The profile form, shared by "new company" and "profile". */
static void profile_form(req_t *r, const m_company *co, const errs_t *e, const char *action, const char *button)
{
	show_errors(r, e);
	hp(r, "<form method=\"post\" action=\"%s\" class=\"stack\">", action);
	csrf_field(r);
	const char *name = form(r, "name") ? form(r, "name") : co ? co->name : "";
	const char *ind = form(r, "industry") ? form(r, "industry") : co ? co->industry : "";
	hp(r, "<label for=\"name\">%s</label><input id=\"name\" name=\"name\" type=\"text\" required maxlength=\"200\" value=\"%s\">",
	   T(r, "会社名", "Company name"), name);
	hp(r, "<label for=\"industry\">%s<span class=\"hint\">%s</span></label><select id=\"industry\" name=\"industry\" required>",
	   T(r, "業種", "Industry"), T(r, "日本標準産業分類の大分類", "Japan Standard Industrial Classification, major group"));
	hp(r, "<option value=\"\">%s</option>", T(r, "選んでください", "Choose one"));
	for (size_t i = 0; i < r->cat->n_industries; i++) {
		const cat_tag *t = &r->cat->industries[i];
		hp(r, "<option value=\"%s\"%s>%s %s</option>", t->id, str_eq(ind, t->id) ? " selected" : "", t->id, TX(r, t->name));
	}
	HL(r, "</select>");
	const char *emp = form(r, "employees");
	char ebuf[16] = "";
	if (!emp && co && co->employees)
		snprintf(ebuf, sizeof ebuf, "%d", co->employees);
	hp(r, "<label for=\"employees\">%s</label><input id=\"employees\" name=\"employees\" type=\"number\" min=\"1\" "
	      "max=\"1000000\" required value=\"%s\" class=\"short\">", T(r, "従業員数", "Employees"), emp ? emp : ebuf);
	hp(r, "<fieldset class=\"checks\"><legend>%s</legend>", T(r, "ITの使い方（あてはまるものすべて）", "How you use IT (all that apply)"));
	const char *posted[64];
	int np = form_all(r, "it_uses", posted, 64);
	for (size_t i = 0; i < r->cat->n_it_uses; i++) {
		const cat_tag *t = &r->cat->it_uses[i];
		bool on = false;
		for (int k = 0; k < np; k++)
			on |= str_eq(posted[k], t->id);
		for (size_t k = 0; !np && co && k < co->n_it_uses; k++)
			on |= str_eq(co->it_uses[k], t->id);
		hp(r, "<label><input type=\"checkbox\" name=\"it_uses\" value=\"%s\"%s> %s</label>", t->id, on ? " checked" : "",
		   TX(r, t->name));
	}
	HL(r, "</fieldset>");
	const char *notes = form(r, "notes") ? form(r, "notes") : co && co->notes ? co->notes : "";
	hp(r, "<label for=\"notes\">%s<span class=\"hint\">%s</span></label><textarea id=\"notes\" name=\"notes\" maxlength=\"4000\">%s</textarea>",
	   T(r, "メモ（任意）", "Notes (optional)"), T(r, "気になっていること、取引先からの要望など", "worries, requests from customers, …"), notes);
	hp(r, "<p><button type=\"submit\">%s</button></p></form>", button);
}

/* Reads the posted profile into co; problems to e. */
static void read_profile(req_t *r, m_company *co, errs_t *e)
{
	const char *name = form(r, "name"), *ind = form(r, "industry"), *emp = form(r, "employees"),
		   *notes = form(r, "notes");
	if (!name || !*name || !valid_short_text(name, DOC_MAX_NAME))
		errs_add(e, T(r, "会社名", "Company name"), "%s", T(r, "1〜200文字で入力してください", "enter 1-200 characters"));
	else
		co->name = arena_strdup(&co->arena, name);
	if (!ind || !cat_tag_find(r->cat->industries, r->cat->n_industries, ind))
		errs_add(e, T(r, "業種", "Industry"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	else
		co->industry = arena_strdup(&co->arena, ind);
	char *end = NULL;
	long n = emp ? strtol(emp, &end, 10) : 0;
	if (!emp || !*emp || *end || n < 1 || n > 1000000)
		errs_add(e, T(r, "従業員数", "Employees"), "%s", T(r, "1以上の整数で入力してください", "enter a whole number, 1 or more"));
	else
		co->employees = (int)n;
	const char *uses[64];
	int nu = form_all(r, "it_uses", uses, 64);
	co->it_uses = arena_alloc(&co->arena, ((size_t)nu + 1) * sizeof *co->it_uses);
	co->n_it_uses = 0;
	for (int i = 0; i < nu; i++) {
		const cat_tag *t = cat_tag_find(r->cat->it_uses, r->cat->n_it_uses, uses[i]);
		bool dup = false;
		for (size_t k = 0; k < co->n_it_uses; k++)
			dup |= t && str_eq(co->it_uses[k], t->id);
		if (!t)
			errs_add(e, T(r, "ITの使い方", "IT use"), "%s", T(r, "一覧にない値です", "not in the list"));
		else if (!dup)
			co->it_uses[co->n_it_uses++] = t->id;
	}
	if (notes && !valid_long_text(notes, DOC_MAX_NOTE))
		errs_add(e, T(r, "メモ", "Notes"), "%s", T(r, "4000文字以内にしてください", "at most 4000 characters"));
	else
		co->notes = notes && *notes ? arena_strdup(&co->arena, notes) : NULL;
}

static void onboard_steps(req_t *r, int at)
{
	static const char *const ja[] = {"会社の情報", "社員", "診断", "結果", "計画"};
	static const char *const en[] = {"Profile", "People", "Diagnosis", "Result", "Plan"};
	hp(r, "<ol class=\"steps\" aria-label=\"%s\">", T(r, "はじめの手順", "Getting started"));
	for (int i = 0; i < 5; i++) {
		if (i == at)
			HL(r, "<li aria-current=\"step\">");
		else if (i < at)
			HL(r, "<li class=\"done\">");
		else
			HL(r, "<li>");
		hp(r, "%d. %s</li>", i + 1, r->lang == LANG_EN ? en[i] : ja[i]);
	}
	HL(r, "</ol>");
}

void onboard_header(req_t *r, int at)
{
	onboard_steps(r, at);
}

void h_company_new(req_t *r)
{
	errs_t e = ERRS_INIT;
	page_begin(r, T(r, "会社を登録", "Add a company"), NAV_NONE);
	onboard_steps(r, 0);
	hp(r, "<section class=\"card\"><h1>%s</h1><p class=\"lead\">%s</p>", T(r, "会社の情報", "Your company"),
	   T(r, "業種・人数・ITの使い方から、ガイドブックの事例のうち近いものや、相談するときに伝えることがわかります。",
	     "Industry, size and IT use tell us which guidebook case is closest and what to tell an adviser."));
	profile_form(r, NULL, &e, "/c/new", T(r, "次へ：社員を登録", "Next: your people"));
	HL(r, "</section>");
	page_end(r);
}

void h_company_new_post(req_t *r)
{
	m_company *co = company_new();
	errs_t e = ERRS_INIT;
	read_profile(r, co, &e);
	if (!e.n && store_begin(r->store, &e)) {
		if (store_company_insert(r->store, co, &e) &&
		    store_member_set(r->store, co->id, r->account, ROLE_OWNER, NULL, &e))
			store_commit(r->store, &e);
		else
			store_rollback(r->store);
	}
	if (e.n) {
		r->status = 400;
		page_begin(r, T(r, "会社を登録", "Add a company"), NAV_NONE);
		onboard_steps(r, 0);
		hp(r, "<section class=\"card\"><h1>%s</h1>", T(r, "会社の情報", "Your company"));
		profile_form(r, NULL, &e, "/c/new", T(r, "次へ：社員を登録", "Next: your people"));
		HL(r, "</section>");
		page_end(r);
	} else {
		redirect(r, "/c/%lld/onboard/people", (long long)co->id);
	}
	errs_free(&e);
	company_free(co);
}

void h_profile(req_t *r)
{
	errs_t e = ERRS_INIT;
	page_begin(r, T(r, "会社の情報", "Company profile"), NAV_DASH);
	hp(r, "<section class=\"card\"><h1>%s</h1>", T(r, "会社の情報", "Company profile"));
	char action[64];
	snprintf(action, sizeof action, "/c/%lld/profile", (long long)r->company_id);
	profile_form(r, r->co, &e, action, T(r, "保存する", "Save"));
	HL(r, "</section>");
	page_end(r);
}

void h_profile_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	read_profile(r, r->co, &e);
	if (e.n) {
		r->status = 400;
		page_begin(r, T(r, "会社の情報", "Company profile"), NAV_DASH);
		hp(r, "<section class=\"card\"><h1>%s</h1>", T(r, "会社の情報", "Company profile"));
		char action[64];
		snprintf(action, sizeof action, "/c/%lld/profile", (long long)r->company_id);
		profile_form(r, r->co, &e, action, T(r, "保存する", "Save"));
		HL(r, "</section>");
		page_end(r);
	} else if (save_company(r)) {
		redirect(r, "/c/%lld", (long long)r->company_id);
	}
	errs_free(&e);
}
