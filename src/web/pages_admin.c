/* pages_admin.c — the install administrator: accounts (disable, enable,
 * password reset links, administrator flag), support bodies and their
 * advisers, install-wide figures and the whole audit log.  The
 * administrator reads no company's data without a relation to it: only
 * counts, and the names of companies that have no owner yet (so that an
 * owner can be invited for a company imported from the command line). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"

static int64_t id_of(const req_t *r, const char *name)
{
	const char *v = param(r, name);
	char *end;
	long long id = v ? strtoll(v, &end, 10) : 0;
	return v && !*end && id > 0 ? id : 0;
}

static void admin_page(req_t *r, const errs_t *e, const char *new_link, const char *what)
{
	errs_t le = ERRS_INIT;
	account_t *as = NULL;
	size_t na = 0;
	body_row *bs = NULL;
	size_t nb = 0;
	store_company_row *cs = NULL;
	size_t nc = 0;
	if (!store_account_list(r->store, &as, &na, &le) || !store_body_list(r->store, &bs, &nb, &le) ||
	    !store_company_list(r->store, &cs, &nc, &le)) {
		web_fail_errs(r, 500, &le);
		free(as);
		free(bs);
		free(cs);
		errs_free(&le);
		return;
	}
	page_begin(r, T(r, "管理", "Administration"), NAV_NONE);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "このサーバーの管理", "Administration of this install"),
	   T(r, "アカウントと支援機関を管理します。管理者でも、メンバーになっていない会社の中身は見られません。",
	     "Manage accounts and support bodies. Administrators cannot see inside a company they are not a member of."));
	if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	show_errors(r, e);
	if (new_link)
		hp(r, "<div class=\"notice\" role=\"status\"><p>%s</p><p><code class=\"copy\">%s</code></p><p class=\"small\">%s</p></div>", what,
		   new_link, T(r, "このリンクはこの画面でしか表示されません。本人だけに送ってください。", "This link is shown only now. Send it to that person alone."));
	size_t disabled = 0, admins = 0, unowned = 0;
	for (size_t i = 0; i < na; i++) {
		disabled += as[i].disabled;
		admins += as[i].admin && !as[i].disabled;
	}
	for (size_t i = 0; i < nc; i++)
		unowned += store_owner_count(r->store, cs[i].id, &le) == 0;
	hp(r, "<section class=\"card\"><h2>%s</h2><ul class=\"figures\"><li><strong>%zu</strong> %s</li><li><strong>%zu</strong> %s</li>"
	      "<li><strong>%zu</strong> %s</li><li><strong>%zu</strong> %s</li><li><strong>%zu</strong> %s</li>"
	      "<li><strong>%zu</strong> %s</li></ul>",
	   T(r, "このサーバーの数字", "Figures"), nc, TN(r, (long long)nc, "社", "company", "companies"), unowned,
	   T(r, "社は経営者なし", "without an owner"), na, TN(r, (long long)na, "アカウント", "account", "accounts"), disabled,
	   T(r, "停止中", "disabled"), admins, TN(r, (long long)admins, "人が管理者", "administrator", "administrators"), nb,
	   TN(r, (long long)nb, "支援機関", "support body", "support bodies"));
	hp(r, "<p><a href=\"/admin/audit\">%s</a> · <a href=\"/backup\">%s</a></p></section>", T(r, "全体の変更履歴", "The whole change log"),
	   T(r, "データベースのバックアップを保存", "Download a database backup"));

	if (unowned) {
		hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"small\">%s</p><ul class=\"plain\">", T(r, "経営者のいない会社", "Companies without an owner"),
		   T(r, "コマンドで取り込まれた会社などです。経営者の招待リンクを作って、その会社の経営者に渡してください。",
		     "Imported from the command line, for instance. Make an owner invitation link and give it to the company's owner."));
		for (size_t i = 0; i < nc; i++) {
			if (store_owner_count(r->store, cs[i].id, &le) != 0)
				continue;
			hp(r, "<li>%s <form method=\"post\" action=\"/admin/unowned/%lld/invite\" class=\"inline\">", cs[i].name, (long long)cs[i].id);
			csrf_field(r);
			hp(r, "<button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form></li>",
			   T(r, "経営者の招待リンクを作る", "Make an owner invitation link"), cs[i].name);
		}
		HL(r, "</ul></section>");
	}

	hp(r, "<section class=\"card\"><h2>%s</h2><table class=\"cards\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	   T(r, "アカウント", "Accounts"), T(r, "名前", "Name"), T(r, "ログインID", "Login ID"), T(r, "状態", "State"),
	   T(r, "最後のログイン", "Last sign-in"), T(r, "操作", "Actions"));
	for (size_t i = 0; i < na; i++) {
		const account_t *a = &as[i];
		long long aid = (long long)a->id;
		hp(r, "<tr><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">",
		   T(r, "名前", "Name"), a->name, T(r, "ログインID", "Login ID"), a->login, T(r, "状態", "State"),
		   a->disabled ? T(r, "停止中", "disabled") : T(r, "使用中", "active"), a->admin ? T(r, "・管理者", ", administrator") : "",
		   T(r, "最後のログイン", "Last sign-in"), a->last_login[0] ? arena_strndup(&r->arena, a->last_login, 10) : "—", T(r, "操作", "Actions"));
		if (a->id != r->account) {
			hp(r, "<form method=\"post\" action=\"/admin/accounts/%lld/%s\" class=\"inline\">", aid, a->disabled ? "enable" : "disable");
			csrf_field(r);
			hp(r, "<button type=\"submit\" class=\"small %s\">%s<span class=\"sr-only\"> %s</span></button></form> ", a->disabled ? "secondary" : "danger",
			   a->disabled ? T(r, "使えるようにする", "Enable") : T(r, "停止する", "Disable"), a->login);
			hp(r, "<form method=\"post\" action=\"/admin/accounts/%lld/admin\" class=\"inline\"><input type=\"hidden\" name=\"admin\" value=\"%d\">",
			   aid, a->admin ? 0 : 1);
			csrf_field(r);
			hp(r, "<button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form> ",
			   a->admin ? T(r, "管理者から外す", "Remove administrator") : T(r, "管理者にする", "Make administrator"), a->login);
		}
		hp(r, "<form method=\"post\" action=\"/admin/accounts/%lld/reset\" class=\"inline\">", aid);
		csrf_field(r);
		hp(r, "<button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form></td></tr>",
		   T(r, "パスワード再設定のリンク", "Password reset link"), a->login);
	}
	HL(r, "</tbody></table></section>");

	hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"small\">%s</p><ul class=\"plain\">", T(r, "支援機関", "Support bodies"),
	   T(r, "商工会議所・ITベンダー・専門家など、多くの会社を支援する組織です。支援者を招待し、会社の経営者が同意すると、その会社を見守り助言できます。",
	     "Chambers of commerce, IT vendors, consultancies: organisations that support many companies. Invite their advisers; once a company's owner agrees, they can follow it and advise."));
	for (size_t i = 0; i < nb; i++)
		hp(r, "<li><a href=\"/admin/bodies/%lld\">%s</a> <span class=\"small muted\">%s %d · %s %d</span></li>", (long long)bs[i].id, bs[i].name,
		   TN(r, bs[i].advisers, "支援者", "adviser", "advisers"), bs[i].advisers,
		   TN(r, bs[i].companies, "支援先", "company", "companies"), bs[i].companies);
	if (!nb)
		hp(r, "<li class=\"muted\">%s</li>", T(r, "まだありません。", "None yet."));
	HL(r, "</ul><form method=\"post\" action=\"/admin/bodies\" class=\"stack\">");
	csrf_field(r);
	hp(r, "<label for=\"name\">%s</label><input id=\"name\" name=\"name\" type=\"text\" maxlength=\"200\" required>"
	      "<p><button type=\"submit\">%s</button></p></form></section>",
	   T(r, "新しい支援機関の名前", "Name of a new support body"), T(r, "支援機関を作る", "Create the support body"));
	page_end(r);
	free(as);
	free(bs);
	free(cs);
	errs_free(&le);
}

void h_admin(req_t *r)
{
	errs_t e = ERRS_INIT;
	admin_page(r, &e, NULL, NULL);
}

void h_admin_audit(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *after = qarg(r, "after");
	int64_t after_id = after ? strtoll(after, NULL, 10) : 0;
	audit_row *rows = NULL;
	size_t n = 0;
	if (!store_audit_list(r->store, 0, after_id > 0 ? after_id : 0, 200, &r->arena, &rows, &n, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	page_begin(r, T(r, "全体の変更履歴", "The whole change log"), NAV_NONE);
	hp(r, "<h1>%s</h1><p><a href=\"/admin\">%s</a></p>", T(r, "全体の変更履歴", "The whole change log"), T(r, "管理に戻る", "Back to administration"));
	audit_rows(r, rows, n, true);
	if (n == 200)
		hp(r, "<p><a href=\"/admin/audit?after=%lld\">%s</a></p>", (long long)rows[n - 1].id, T(r, "続きを見る", "Show more"));
	page_end(r);
	free(rows);
	errs_free(&e);
}

/* The account in the path, or false (a 404 page is shown). */
static bool path_account(req_t *r, account_t *a)
{
	errs_t e = ERRS_INIT;
	int64_t id = id_of(r, "account");
	bool ok = id && store_account_get(r->store, id, a, &e);
	if (e.n)
		web_fail_errs(r, 500, &e);
	else if (!ok)
		fail_page(r, 404, "このアカウントは見つかりません。", "No such account.");
	errs_free(&e);
	return ok;
}

static void set_disabled(req_t *r, bool disabled)
{
	account_t a;
	if (!path_account(r, &a))
		return;
	errs_t e = ERRS_INIT;
	if (a.id == r->account) {
		errs_add(&e, a.login, "%s", T(r, "自分自身は停止できません", "you cannot disable yourself"));
		r->status = 400;
		admin_page(r, &e, NULL, NULL);
		errs_free(&e);
		return;
	}
	const char *q_ja = arena_printf(&r->arena, "%s（%s）を停止します。すぐにログインできなくなり、ログイン中の画面と API トークンも使えなくなります。", a.name, a.login);
	const char *q_en = arena_printf(&r->arena, "Disable %s (%s)? They can no longer sign in; their open sessions and API tokens stop at once.", a.name, a.login);
	if (disabled && !confirmed(r, q_ja, q_en, "停止する", "Disable", "/admin"))
		return;
	if (store_account_set_disabled(r->store, a.id, disabled, &e)) {
		web_audit(r, 0, 0, disabled ? "account.disable" : "account.enable", a.login, NULL);
		redirect(r, "/admin?saved=1");
	} else {
		web_fail_errs(r, 500, &e);
	}
	errs_free(&e);
}

void h_admin_disable_post(req_t *r)
{
	set_disabled(r, true);
}

void h_admin_enable_post(req_t *r)
{
	set_disabled(r, false);
}

void h_admin_flag_post(req_t *r)
{
	account_t a;
	if (!path_account(r, &a))
		return;
	errs_t e = ERRS_INIT;
	bool admin = str_eq(form(r, "admin"), "1");
	if (a.id == r->account && !admin) {
		errs_add(&e, a.login, "%s", T(r, "自分自身を管理者から外すことはできません", "you cannot remove your own administrator flag"));
		r->status = 400;
		admin_page(r, &e, NULL, NULL);
	} else if (store_account_set_admin(r->store, a.id, admin, &e)) {
		web_audit(r, 0, 0, admin ? "account.admin" : "account.unadmin", a.login, NULL);
		redirect(r, "/admin?saved=1");
	} else {
		web_fail_errs(r, 500, &e);
	}
	errs_free(&e);
}

void h_admin_reset_post(req_t *r)
{
	account_t a;
	if (!path_account(r, &a))
		return;
	errs_t e = ERRS_INIT;
	invite_t inv;
	memset(&inv, 0, sizeof inv);
	inv.kind = INV_RESET;
	inv.account_id = a.id;
	char path[80];
	if (invite_make(r, &inv, path, sizeof path, &e)) {
		web_audit(r, 0, 0, "password.reset_link", a.login, NULL);
		const char *url = link_url(r, path), *mailed = link_mail(r, a.login, url, true, a.name);
		const char *what = arena_printf(&r->arena, "%s %s（%s）", T(r, "パスワード再設定のリンク（24時間有効）:", "Password reset link (valid for 24 hours) for"), a.name, a.login);
		admin_page(r, &e, url, mailed ? arena_printf(&r->arena, "%s — %s", what, mailed) : what);
	} else {
		web_fail_errs(r, 500, &e);
	}
	errs_free(&e);
}

void h_admin_owner_invite_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	int64_t cid = id_of(r, "id");
	relation_t rel;
	if (!cid || !store_relation(r->store, cid, r->account, &rel, &e) || !rel.exists ||
	    store_owner_count(r->store, cid, &e) != 0) {
		if (e.n)
			web_fail_errs(r, 500, &e);
		else
			fail_page(r, 404, "経営者のいない、その会社は見つかりません。", "No such company without an owner.");
		errs_free(&e);
		return;
	}
	store_company_row *cs = NULL;
	size_t nc = 0;
	const char *name = "";
	if (store_company_list(r->store, &cs, &nc, &e))
		for (size_t i = 0; i < nc; i++)
			if (cs[i].id == cid)
				name = arena_strdup(&r->arena, cs[i].name);
	free(cs);
	invite_t inv;
	memset(&inv, 0, sizeof inv);
	inv.kind = INV_MEMBER;
	inv.role = ROLE_OWNER;
	inv.company_id = cid;
	snprintf(inv.note, sizeof inv.note, "%.100s", name);
	utf8_trim_partial(inv.note);
	char path[80];
	if (invite_make(r, &inv, path, sizeof path, &e)) {
		web_audit(r, cid, 0, "invite.create", name, json_pack("{s:s}", "role", "owner"));
		admin_page(r, &e, link_url(r, path), arena_printf(&r->arena, "%s %s", T(r, "経営者の招待リンク:", "Owner invitation link for"), name));
	} else {
		web_fail_errs(r, 500, &e);
	}
	errs_free(&e);
}

void h_admin_body_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *name = form(r, "name");
	int64_t id = 0;
	if (!name || !*name || !valid_short_text(name, DOC_MAX_NAME)) {
		errs_add(&e, T(r, "新しい支援機関の名前", "Name of a new support body"), "%s", T(r, "1〜200文字で入力してください", "enter 1-200 characters"));
		r->status = 400;
		admin_page(r, &e, NULL, NULL);
	} else if (store_body_create(r->store, name, &id, &e)) {
		web_audit(r, 0, id, "body.create", name, NULL);
		redirect(r, "/admin/bodies/%lld", (long long)id);
	} else {
		web_fail_errs(r, 500, &e);
	}
	errs_free(&e);
}

static bool path_body(req_t *r, body_row *b)
{
	errs_t e = ERRS_INIT;
	int64_t id = id_of(r, "body");
	bool ok = id && store_body_get(r->store, id, b, &e);
	if (e.n)
		web_fail_errs(r, 500, &e);
	else if (!ok)
		fail_page(r, 404, "この支援機関は見つかりません。", "No such support body.");
	errs_free(&e);
	return ok;
}

static void body_admin_page(req_t *r, const body_row *b, const errs_t *e, const char *new_link)
{
	errs_t le = ERRS_INIT;
	member_row *ad = NULL;
	size_t n = 0;
	store_body_advisers(r->store, b->id, &ad, &n, &le);
	long long bid = (long long)b->id;
	page_begin(r, b->name, NAV_NONE);
	hp(r, "<h1>%s</h1><p><a href=\"/admin\">%s</a></p><p>%s %d</p>", b->name, T(r, "管理に戻る", "Back to administration"),
	   T(r, "支援している会社の数:", "Companies looked after:"), b->companies);
	show_errors(r, e);
	if (new_link)
		hp(r, "<div class=\"notice\" role=\"status\"><p>%s</p><p><code class=\"copy\">%s</code></p><p class=\"small\">%s</p></div>",
		   T(r, "支援者の招待リンクを作りました:", "Adviser invitation link:"), new_link,
		   T(r, "この画面でしか表示されません。7日間、一度だけ使えます。", "Shown only now. It works once, for 7 days."));
	hp(r, "<section class=\"card\"><h2>%s</h2><ul class=\"plain\">", T(r, "支援者", "Advisers"));
	for (size_t i = 0; i < n; i++) {
		hp(r, "<li>%s <span class=\"small muted\">%s%s</span> <form method=\"post\" action=\"/admin/bodies/%lld/advisers/%lld/remove\" class=\"inline\">",
		   ad[i].name, ad[i].login, ad[i].disabled ? T(r, "（停止中）", " (disabled)") : "", bid, (long long)ad[i].account_id);
		csrf_field(r);
		hp(r, "<button type=\"submit\" class=\"small danger\">%s<span class=\"sr-only\"> %s</span></button></form></li>", T(r, "外す", "Remove"), ad[i].login);
	}
	if (!n)
		hp(r, "<li class=\"muted\">%s</li>", T(r, "まだいません。", "None yet."));
	hp(r, "</ul><form method=\"post\" action=\"/admin/bodies/%lld/invite\" class=\"stack\">", bid);
	csrf_field(r);
	hp(r, "<label for=\"note\">%s</label><input id=\"note\" name=\"note\" type=\"text\" maxlength=\"100\" required>"
	      "<p><button type=\"submit\">%s</button></p></form></section>",
	   T(r, "招待する支援者の名前", "Name of the adviser"), T(r, "支援者の招待リンクを作る", "Make an adviser invitation link"));
	page_end(r);
	free(ad);
	errs_free(&le);
}

void h_admin_body(req_t *r)
{
	body_row b;
	errs_t e = ERRS_INIT;
	if (path_body(r, &b))
		body_admin_page(r, &b, &e, NULL);
}

void h_admin_body_invite_post(req_t *r)
{
	body_row b;
	if (!path_body(r, &b))
		return;
	errs_t e = ERRS_INIT;
	const char *note = form(r, "note");
	invite_t inv;
	memset(&inv, 0, sizeof inv);
	inv.kind = INV_ADVISER;
	inv.body_id = b.id;
	char path[80];
	if (!note || !*note || !valid_short_text(note, ACCOUNT_TEXT_MAX)) {
		errs_add(&e, T(r, "招待する支援者の名前", "Name of the adviser"), "%s", T(r, "1〜100文字で入力してください", "enter 1-100 characters"));
		r->status = 400;
		body_admin_page(r, &b, &e, NULL);
	} else {
		snprintf(inv.note, sizeof inv.note, "%s", note);
		if (invite_make(r, &inv, path, sizeof path, &e)) {
			web_audit(r, 0, b.id, "invite.create", note, json_pack("{s:s}", "kind", "adviser"));
			body_admin_page(r, &b, &e, link_url(r, path));
		} else {
			web_fail_errs(r, 500, &e);
		}
	}
	errs_free(&e);
}

void h_admin_adviser_remove_post(req_t *r)
{
	body_row b;
	account_t a;
	if (!path_body(r, &b) || !path_account(r, &a))
		return;
	const char *back = arena_printf(&r->arena, "/admin/bodies/%lld", (long long)b.id);
	const char *q_ja = arena_printf(&r->arena, "%s を %s の支援者から外します。支援先の会社のページは開けなくなります。", a.name, b.name);
	const char *q_en = arena_printf(&r->arena, "Remove %s from the advisers of %s? They will no longer be able to open its companies' pages.", a.name, b.name);
	if (!confirmed(r, q_ja, q_en, "外す", "Remove", back))
		return;
	errs_t e = ERRS_INIT;
	bool found = false;
	if (!store_body_adviser_remove(r->store, b.id, a.id, &found, &e))
		web_fail_errs(r, 500, &e);
	else if (!found)
		fail_page(r, 404, "この人はこの支援機関の支援者ではありません。", "This account is not an adviser of this body.");
	else {
		web_audit(r, 0, b.id, "adviser.remove", a.login, NULL);
		redirect(r, "%s", back);
	}
	errs_free(&e);
}
