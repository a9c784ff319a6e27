/* pages_home.c — the start page (my companies: a portfolio for advisers),
 * creating a company (the first step of onboarding) and its profile. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/summary.h"
#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"
#include "web/web_int.h"

/* The support bodies the account advises for, with links to their
 * portfolios. */
static void bodies_card(req_t *r, const body_row *bs, size_t nb)
{
	if (!nb)
		return;
	hp(r, "<section class=\"card\"><h2>%s</h2><ul class=\"plain\">", T(r, "あなたが所属する支援機関", "Your support bodies"));
	for (size_t i = 0; i < nb; i++)
		hp(r, "<li><a href=\"/b/%lld\">%s</a> <span class=\"small muted\">%s %d</span></li>", (long long)bs[i].id, bs[i].name,
		   TN(r, bs[i].companies, "支援先", "company", "companies"), bs[i].companies);
	HL(r, "</ul></section>");
}

#define HOME_LIST 100

/* The account's companies from their kept summaries (the first HOME_LIST,
 * more on the support body's pages), and figures over all of them. */
static void home_companies(req_t *r, const membership_t *ms, size_t n)
{
	summary_row *rows = NULL;
	size_t nr = 0, total = 0;
	summary_counts_t cnt;
	summary_query q = {NULL, -1, false, 0, HOME_LIST};
	errs_t e = ERRS_INIT;
	if (!summary_list(r->store, r->cat, 0, r->account, &q, r->today, &rows, &nr, &total, &e) ||
	    !summary_counts(r->store, r->cat, 0, r->account, r->today, &cnt, &e)) {
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "secstep: serve: home: %s: %s\n", e.where[i], e.what[i]);
		hp(r, "<p class=\"errors\" role=\"alert\">%s</p>", T(r, "一覧を読み込めませんでした。", "The list could not be read."));
		errs_free(&e);
		return;
	}
	hp(r, "<section class=\"card scroll\"><table id=\"companies\"><thead><tr><th>%s</th><th>%s</th><th>STEP</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	   T(r, "会社", "Company"), T(r, "あなたの役割", "Your role"), T(r, "担当者", "Officers"),
	   T(r, "期限切れ", "Overdue"), T(r, "満たしていないチェックポイント", "Checkpoints not met"));
	size_t m = 0;
	for (size_t i = 0; i < nr; i++) {
		const summary_row *x = &rows[i];
		while (m < n && ms[m].company_id < x->id)
			m++;
		member_role_t role = m < n && ms[m].company_id == x->id ? ms[m].role : ROLE_ADVISER;
		hp(r, "<tr><td><a href=\"/c/%lld%s\">%s</a></td><td>%s</td>", (long long)x->id, role == ROLE_EMPLOYEE ? "/me" : "", x->name,
		   role_label(r, role));
		if (x->current_step)
			hp(r, "<td><span class=\"badge info\">STEP%d</span></td>", x->current_step);
		else
			hp(r, "<td><span class=\"badge\">%s</span></td>", T(r, "STEP1 の手前", "before STEP1"));
		hp(r, "<td>%d / %d</td>", x->officers, x->officers_needed);
		if (x->overdue)
			hp(r, "<td><span class=\"badge bad\">%d</span></td>", x->overdue);
		else
			HL(r, "<td>0</td>");
		hp(r, "<td>%d</td></tr>", x->unmet);
	}
	HL(r, "</tbody></table>");
	if (total > nr)
		hp(r, "<p class=\"small\">%s %zu %s</p>", T(r, "ほかに", "And"), total - nr,
		   T(r, "社あります。支援機関のページで絞り込んで見られます。", "more: filter them on your support body's page."));
	HL(r, "</section>");
	/* Figures across every company: how many at each STEP, by industry. */
	hp(r, "<section class=\"card\"><h2>%s</h2><div class=\"grid\"><div><h3>%s</h3><table><tbody>",
	   T(r, "全体の状況", "Across your companies"), T(r, "段階ごとの社数", "Companies per STEP"));
	for (int k = 0; k <= 4; k++)
		if (cnt.steps[k])
			hp(r, "<tr><th>%s</th><td>%d</td></tr>", k ? arena_printf(&r->arena, "STEP%d", k) : T(r, "STEP1 の手前", "before STEP1"),
			   cnt.steps[k]);
	hp(r, "</tbody></table></div><div><h3>%s</h3><table><tbody>", T(r, "業種ごとの社数", "Companies per industry"));
	for (size_t k = 0; k < r->cat->n_industries; k++) {
		const char *id = r->cat->industries[k].id;
		if (id[0] >= 'A' && id[0] <= 'Z' && cnt.by_industry[id[0] - 'A'])
			hp(r, "<tr><th>%s</th><td>%d</td></tr>", TX(r, r->cat->industries[k].name), cnt.by_industry[id[0] - 'A']);
	}
	hp(r, "</tbody></table></div></div><p class=\"small muted\">%s %d</p></section>",
	   T(r, "期限切れのタスクがある会社:", "Companies with overdue tasks:"), cnt.with_overdue);
	hp(r, "<p><a class=\"button secondary\" href=\"/c/new\">%s</a></p>", T(r, "会社を追加する", "Add a company"));
	free(rows);
}

void h_home(req_t *r)
{
	errs_t e = ERRS_INIT;
	membership_t *ms;
	size_t n;
	body_row *bs = NULL;
	size_t nb = 0;
	if (!store_memberships(r->store, r->account, &ms, &n, &e) || !store_bodies_of(r->store, r->account, &bs, &nb, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	if (n == 1 && nb == 0 && ms[0].role != ROLE_ADVISER) {
		redirect(r, ms[0].role == ROLE_EMPLOYEE ? "/c/%lld/me" : "/c/%lld", (long long)ms[0].company_id);
		free(ms);
		return;
	}
	if (n == 0 && nb == 1) {
		redirect(r, "/b/%lld", (long long)bs[0].id);
		free(ms);
		free(bs);
		return;
	}
	page_begin(r, T(r, "会社の一覧", "Companies"), NAV_NONE);
	hp(r, "<h1>%s</h1>", T(r, "会社の一覧", "Companies"));
	bodies_card(r, bs, nb);
	if (r->admin && n == 0)
		hp(r, "<section class=\"card\"><h2>%s</h2><p>%s</p><p><a class=\"button secondary\" href=\"/admin\">%s</a></p></section>",
		   T(r, "このサーバーの管理者です", "You administer this install"),
		   T(r, "アカウントと支援機関の管理、全体の数字と変更履歴は「管理」にあります。",
		     "Accounts, support bodies, the install's figures and its change log are under Administration."),
		   T(r, "管理を開く", "Open administration"));
	if (n == 0 && nb == 0) {
		hp(r, "<section class=\"card\"><h2>%s</h2><p>%s</p><p><a class=\"button\" href=\"/c/new\">%s</a></p></section>",
		   T(r, "まず、自社を登録しましょう", "Start by adding your company"),
		   T(r, "会社の基本情報 → 社員 → かんたんな質問 の順に進むと、ガイドブックにそった自社の計画（だれが・何を・いつまでに）ができあがります。",
		     "Enter your profile, then your people, then answer a few plain questions: you get your own plan from the guidebook (who does what by when)."),
		   T(r, "会社を登録する", "Add a company"));
	} else if (n) {
		home_companies(r, ms, n);
	}
	page_end(r);
	free(ms);
	free(bs);
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
	if (notes && !valid_short_text(notes, DOC_MAX_NOTE))
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

/* The support body a new company is added for (?body= or the form's
 * field): one the account advises for, or 0 for the account's own. */
static int64_t new_for_body(req_t *r, body_row *b)
{
	const char *v = form(r, "body") ? form(r, "body") : qarg(r, "body");
	char *end;
	long long id = v && *v ? strtoll(v, &end, 10) : 0;
	errs_t e = ERRS_INIT;
	bool ok = id > 0 && !*end && store_body_is_adviser(r->store, id, r->account, &e) && store_body_get(r->store, id, b, &e);
	errs_free(&e);
	return ok ? id : 0;
}

static void company_new_page(req_t *r, const errs_t *e, int64_t body, const body_row *b)
{
	page_begin(r, T(r, "会社を登録", "Add a company"), NAV_NONE);
	if (body) {
		hp(r, "<section class=\"card\"><h1>%s</h1><p class=\"lead\">%s <strong>%s</strong> %s</p>", T(r, "顧問先の会社を登録", "Add a client company"),
		   T(r, "支援機関", "The company will be looked after by"), b->name,
		   T(r, "が支援する会社として登録します。登録したら、その会社の経営者を招待してください。経営者が社員・診断・計画を入力します。",
		     ". After adding it, invite the company's owner, who then enters the people, the diagnosis and the plan."));
	} else {
		onboard_steps(r, 0);
		hp(r, "<section class=\"card\"><h1>%s</h1><p class=\"lead\">%s</p>", T(r, "会社の情報", "Your company"),
		   T(r, "業種・人数・ITの使い方から、ガイドブックの事例のうち近いものや、相談するときに伝えることがわかります。",
		     "Industry, size and IT use tell us which guidebook case is closest and what to tell an adviser."));
	}
	char action[48];
	snprintf(action, sizeof action, body ? "/c/new?body=%lld" : "/c/new", (long long)body);
	profile_form(r, NULL, e, action, body ? T(r, "登録して経営者の招待リンクを作る", "Add it and make the owner's invitation link")
					      : T(r, "次へ：社員を登録", "Next: your people"));
	HL(r, "</section>");
	page_end(r);
}

void h_company_new(req_t *r)
{
	errs_t e = ERRS_INIT;
	body_row b;
	int64_t body = new_for_body(r, &b);
	company_new_page(r, &e, body, &b);
}

void h_company_new_post(req_t *r)
{
	m_company *co = company_new();
	errs_t e = ERRS_INIT;
	body_row b;
	int64_t body = new_for_body(r, &b);
	read_profile(r, co, &e);
	char path[80] = "";
	if (!e.n && store_begin(r->store, &e)) {
		bool ok = store_company_insert(r->store, co, &e) && summary_update(r->store, r->cat, co, &e);
		audit_who w = {r->login, r->account, r->ip};
		if (ok)
			ok = audit_record(r->store, &w, co->id, 0, "company.add", co->name, NULL, &e);
		if (ok && body) {
			/* An adviser's client: looked after by the body, and its
			 * owner is invited; the adviser does not become owner. */
			invite_t inv;
			memset(&inv, 0, sizeof inv);
			inv.kind = INV_MEMBER;
			inv.role = ROLE_OWNER;
			inv.company_id = co->id;
			inv.body_id = body;
			snprintf(inv.note, sizeof inv.note, "%.100s", co->name);
			utf8_trim_partial(inv.note);
			ok = store_body_company_add(r->store, body, co->id, &e) && invite_make(r, &inv, path, sizeof path, &e) &&
			     audit_record(r->store, &w, co->id, body, "body.add", b.name, NULL, &e) &&
			     audit_record(r->store, &w, co->id, body, "invite.create", co->name, json_pack("{s:s}", "role", "owner"), &e);
		} else if (ok) {
			ok = store_member_set(r->store, co->id, r->account, ROLE_OWNER, NULL, &e) &&
			     audit_record(r->store, &w, co->id, 0, "member.add", r->login, json_pack("{s:s}", "role", "owner"), &e);
		}
		if (ok)
			store_commit(r->store, &e);
		else
			store_rollback(r->store);
	}
	if (e.n) {
		r->status = 400;
		company_new_page(r, &e, body, &b);
	} else if (body) {
		page_begin(r, T(r, "経営者を招待", "Invite the owner"), NAV_NONE);
		hp(r, "<section class=\"card\"><h1>%s</h1><div class=\"notice\" role=\"status\"><p>%s</p><p><code class=\"copy\">%s</code></p><p class=\"small\">%s</p></div>"
		      "<p><a class=\"button\" href=\"/b/%lld\">%s</a></p></section>",
		   T(r, "登録しました。経営者を招待してください", "Added. Now invite the owner"),
		   T(r, "このリンクをその会社の経営者に送ってください。開いてアカウントを作ると、経営者として社員・診断・計画を入力できます。",
		     "Send this link to the company's owner. Opening it and creating an account makes them its owner, who then enters the people, the diagnosis and the plan."),
		   link_url(r, path),
		   T(r, "このリンクはこの画面でしか表示されません。7日間、一度だけ使えます。", "This link is shown only now. It works once, for 7 days."),
		   (long long)body, T(r, "支援先の一覧へ", "Back to the portfolio"));
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
