/* pages_members.c — the owner manages who may sign in to the company:
 * officers, employees (linked to a person in the register) and advisers. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "web/pages.h"

static const char *role_label(const req_t *r, member_role_t role)
{
	static const char *const ja[] = {"", "従業員", "支援者", "担当者", "経営者"};
	static const char *const en[] = {"", "Employee", "Adviser", "Officer", "Owner"};
	return r->lang == LANG_EN ? en[role] : ja[role];
}

static void members_page(req_t *r, const errs_t *e)
{
	long long id = (long long)r->company_id;
	errs_t le = ERRS_INIT;
	member_row *rows;
	size_t n;
	store_members(r->store, r->company_id, &rows, &n, &le);
	page_begin(r, T(r, "アカウント", "Accounts"), NAV_MEMBERS);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "この会社にログインできる人", "Who can sign in to this company"),
	   T(r, "担当者は計画を動かし、従業員は自分のページだけを見ます。支援者（商工会議所・ITベンダーなど）は見ることと相談の記録ができます。",
	     "Officers run the plan; employees see only their own page; advisers (chamber of commerce, IT vendor, …) can read and log consultations."));
	if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	show_errors(r, e);
	hp(r, "<section class=\"card\"><table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	   T(r, "名前", "Name"), T(r, "ログインID", "Login ID"), T(r, "役割", "Role"), T(r, "社員名簿の人", "Person in register"));
	for (size_t i = 0; i < n; i++) {
		const m_person *p = rows[i].person_key[0] ? company_person(r->co, rows[i].person_key) : NULL;
		hp(r, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>", rows[i].name, rows[i].login, role_label(r, rows[i].role),
		   p ? p->name : "");
	}
	HL(r, "</tbody></table></section>");
	hp(r, "<section class=\"card\"><h2>%s</h2><form method=\"post\" action=\"/c/%lld/members\" class=\"stack\">",
	   T(r, "アカウントを追加", "Add an account"), id);
	csrf_field(r);
	hp(r, "<label for=\"name\">%s</label><input id=\"name\" name=\"name\" type=\"text\" maxlength=\"100\" required>", T(r, "名前", "Name"));
	hp(r, "<label for=\"login\">%s<span class=\"hint\">%s</span></label><input id=\"login\" name=\"login\" type=\"text\" maxlength=\"100\" required>",
	   T(r, "ログインID", "Login ID"), T(r, "すでにあるIDなら、その人をこの会社に加えます", "an existing ID adds that account to this company"));
	hp(r, "<label for=\"password\">%s<span class=\"hint\">%s</span></label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\">",
	   T(r, "はじめのパスワード", "Initial password"), T(r, "新しいIDのときだけ。10文字以上", "new IDs only; at least 10 characters"));
	hp(r, "<label for=\"role\">%s</label><select id=\"role\" name=\"role\">", T(r, "役割", "Role"));
	for (int k = ROLE_OWNER; k >= ROLE_EMPLOYEE; k--)
		hp(r, "<option value=\"%s\"%s>%s</option>", member_role_id((member_role_t)k), k == ROLE_EMPLOYEE ? " selected" : "",
		   role_label(r, (member_role_t)k));
	hp(r, "</select><label for=\"person\">%s</label><select id=\"person\" name=\"person\">", T(r, "社員名簿の人（従業員・担当者）", "Person in the register (employees, officers)"));
	people_options(r, NULL, true);
	hp(r, "</select><p><button type=\"submit\">%s</button></p></form></section>", T(r, "追加する", "Add"));
	page_end(r);
	free(rows);
	errs_free(&le);
}

void h_members(req_t *r)
{
	errs_t e = ERRS_INIT;
	members_page(r, &e);
}

void h_members_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *login = form(r, "login"), *name = form(r, "name"), *pw = form(r, "password"), *person = form(r, "person");
	member_role_t role;
	if (!member_role_parse(form(r, "role"), &role))
		errs_add(&e, T(r, "役割", "Role"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	if (person && *person && !company_person(r->co, person))
		errs_add(&e, T(r, "社員名簿の人", "Person"), "%s", T(r, "登録されていない人です", "not a registered person"));
	account_t a;
	int64_t aid = 0;
	bool exists = login && *login && store_account_by_login(r->store, login, &a, &e);
	if (exists) {
		aid = a.id;
	} else if (!e.n) {
		check_account_fields(r, &e, login, name, pw, NULL);
		char hash[192];
		if (!e.n && (!password_hash(pw, hash) || !store_account_create(r->store, login, name, hash, &aid, &e)))
			errs_add(&e, T(r, "ログインID", "Login ID"), "%s", T(r, "作れませんでした", "could not be created"));
	}
	if (!e.n && aid == r->account)
		errs_add(&e, T(r, "ログインID", "Login ID"), "%s", T(r, "自分自身の役割はここでは変えられません", "you cannot change your own role here"));
	if (!e.n && !store_member_set(r->store, r->company_id, aid, role, person, &e))
		errs_add(&e, T(r, "アカウント", "Account"), "%s", T(r, "保存できませんでした", "could not be saved"));
	if (e.n) {
		r->status = 400;
		members_page(r, &e);
	} else {
		redirect(r, "/c/%lld/members?saved=1", (long long)r->company_id);
	}
	errs_free(&e);
}
