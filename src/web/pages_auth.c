/* pages_auth.c — first-run setup, sign-in and sign-out. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"
#include "web/web_int.h"

/* Checks a new account's fields; problems go to e under the field label. */
void check_account_fields(req_t *r, errs_t *e, const char *login, const char *name, const char *pw,
			  const char *pw2)
{
	if (!name || !*name || !valid_short_text(name, 100))
		errs_add(e, T(r, "お名前", "Name"), "%s", T(r, "1〜100文字で入力してください", "enter 1-100 characters"));
	if (!login || strlen(login) < 3 || !valid_short_text(login, 100) || strchr(login, ' '))
		errs_add(e, T(r, "ログインID", "Login ID"), "%s",
			 T(r, "3〜100文字、空白なしで入力してください（メールアドレスなど）",
			   "enter 3-100 characters without spaces (an e-mail address, say)"));
	size_t before = errs_count(e);
	check_new_password(r, e, T(r, "パスワード", "Password"), login, pw);
	if (errs_count(e) == before && pw2 && strcmp(pw, pw2) != 0)
		errs_add(e, T(r, "パスワード（確認）", "Password (again)"), "%s",
			 T(r, "1回目と同じものを入力してください", "must match the first one"));
}

static void setup_form(req_t *r, const errs_t *e, const char *token)
{
	page_begin(r, T(r, "はじめての設定", "First-run setup"), NAV_NONE);
	hp(r, "<section class=\"card narrow\"><h1>%s</h1><p class=\"lead\">%s</p>",
	   T(r, "ようこそ。最初のアカウントを作りましょう", "Welcome. Create the first account"),
	   T(r, "このアカウントが、このサーバーの管理者になります。そのあと自社を登録すると、その会社の経営者にもなります。担当者や従業員は、あとから招待のリンクで加えられます。",
	     "This account becomes the administrator of this install. When you then add your company you become its owner too. Officers and employees join later through invitation links."));
	show_errors(r, e);
	hp(r, "<form method=\"post\" action=\"/setup\" class=\"stack\"><input type=\"hidden\" name=\"token\" value=\"%s\">", token);
	hp(r, "<label for=\"name\">%s</label><input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"name\" required value=\"%s\">",
	   T(r, "お名前", "Your name"), form(r, "name") ? form(r, "name") : "");
	hp(r, "<label for=\"login\">%s<span class=\"hint\">%s</span></label>"
	      "<input id=\"login\" name=\"login\" type=\"text\" autocomplete=\"username\" required value=\"%s\">",
	   T(r, "ログインID", "Login ID"), T(r, "メールアドレスなど、覚えやすいもの", "an e-mail address or any name you will remember"),
	   form(r, "login") ? form(r, "login") : "");
	hp(r, "<label for=\"password\">%s<span class=\"hint\">%s</span></label>"
	      "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"10\">",
	   T(r, "パスワード", "Password"), T(r, "10文字以上", "at least 10 characters"));
	hp(r, "<label for=\"password2\">%s</label><input id=\"password2\" name=\"password2\" type=\"password\" "
	      "autocomplete=\"new-password\" required minlength=\"10\">", T(r, "パスワード（確認）", "Password (again)"));
	/* Companies already in the database (imported from the command line)
	 * with nobody in charge: the first account may take them on. */
	errs_t le = ERRS_INIT;
	store_company_row *rows;
	size_t n;
	if (store_company_list(r->store, &rows, &n, &le) && n) {
		hp(r, "<fieldset><legend>%s</legend><p class=\"hint\">%s</p>",
		   T(r, "すでに登録されている会社", "Companies already in the database"),
		   T(r, "コマンドで取り込まれた会社です。チェックした会社の経営者（オーナー）になります。",
		     "Imported from the command line. You become the owner of the ones you tick."));
		for (size_t i = 0; i < n; i++)
			hp(r, "<label class=\"check\"><input type=\"checkbox\" name=\"own\" value=\"%lld\" checked> %s</label>",
			   (long long)rows[i].id, rows[i].name);
		HL(r, "</fieldset>");
	}
	free(rows);
	errs_free(&le);
	hp(r, "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "アカウントを作る", "Create the account"));
	page_end(r);
}

static bool token_ok(req_t *r, const char *given)
{
	const char *want = app_setup_token(r->app);
	return want && given && strlen(given) == strlen(want) && sodium_memcmp(given, want, strlen(want)) == 0;
}

void h_setup(req_t *r)
{
	const char *tok = qarg(r, "token");
	if (!token_ok(r, tok)) {
		fail_page(r, 404, app_setup_token(r->app)
			  ? "このリンクは使えません。サーバーを起動したときに表示されたリンクを開いてください。"
			  : "初回の設定はもう済んでいます。ログインしてください。",
			  app_setup_token(r->app) ? "This link does not work. Open the link printed when the server started."
						  : "Setup is already done. Please sign in.");
		return;
	}
	errs_t e = ERRS_INIT;
	setup_form(r, &e, tok);
}

void h_setup_post(req_t *r)
{
	const char *tok = form(r, "token");
	/* The token is spent before the slow part: of several requests sent
	 * at once, one goes on and the others are refused. */
	if (!app_setup_take(r->app, tok)) {
		fail_page(r, 403, "初回設定のリンクが正しくないか、もう使われています。",
			  "The setup link is not valid or has been used already.");
		return;
	}
	char token[40];
	snprintf(token, sizeof token, "%s", tok);
	errs_t e = ERRS_INIT;
	const char *login = form(r, "login"), *name = form(r, "name"), *pw = form(r, "password");
	check_account_fields(r, &e, login, name, pw, form(r, "password2"));
	char hash[192];
	int64_t id = 0;
	bool taken = false;
	if (!e.n && !password_hash(pw, hash))
		errs_add(&e, T(r, "パスワード", "Password"), "%s", T(r, "処理できませんでした", "could not be processed"));
	if (!e.n && store_account_count(r->store, &e) != 0)
		errs_add(&e, T(r, "アカウント", "Account"), "%s", T(r, "すでに作られています", "already exists"));
	if (!e.n && !store_account_create(r->store, login, name, hash, true, &id, &taken, &e))
		errs_add(&e, T(r, "ログインID", "Login ID"), "%s", T(r, "このIDは使えません", "cannot be used"));
	if (e.n) {
		app_setup_restore(r->app, token);
		r->status = 400;
		setup_form(r, &e, token);
		errs_free(&e);
		return;
	}
	audit_who w = {login, id, r->ip};
	audit_record(r->store, &w, 0, 0, "account.create", login, json_pack("{s:b}", "admin", 1), &e);
	const char *own[64];
	int n_own = form_all(r, "own", own, 64), owned = 0;
	for (int i = 0; i < n_own; i++) {
		char *end;
		long long cid = strtoll(own[i], &end, 10);
		relation_t rel;
		if (*end || cid <= 0 || !store_relation(r->store, cid, id, &rel, &e) || !rel.exists)
			continue;
		if (store_owner_count(r->store, cid, &e) == 0 && store_member_set(r->store, cid, id, ROLE_OWNER, NULL, &e)) {
			audit_record(r->store, &w, cid, 0, "member.add", login, json_pack("{s:s}", "role", "owner"), &e);
			owned++;
		}
	}
	errs_free(&e);
	session_start(r, id);
	redirect(r, owned ? "/" : "/c/new");
}

static void login_form(req_t *r, const char *msg_ja, const char *msg_en)
{
	page_begin(r, T(r, "ログイン", "Sign in"), NAV_NONE);
	hp(r, "<section class=\"card narrow\"><h1>%s</h1>", T(r, "ログイン", "Sign in"));
	if (msg_ja)
		hp(r, "<div class=\"errors\" role=\"alert\"><p>%s</p></div>", T(r, msg_ja, msg_en));
	const char *next = qarg(r, "next") ? qarg(r, "next") : form(r, "next");
	hp(r, "<form method=\"post\" action=\"/login\" class=\"stack\"><input type=\"hidden\" name=\"next\" value=\"%s\">",
	   next ? next : "/");
	hp(r, "<label for=\"login\">%s</label><input id=\"login\" name=\"login\" type=\"text\" autocomplete=\"username\" required value=\"%s\">",
	   T(r, "ログインID", "Login ID"), form(r, "login") ? form(r, "login") : "");
	hp(r, "<label for=\"password\">%s</label><input id=\"password\" name=\"password\" type=\"password\" "
	      "autocomplete=\"current-password\" required>", T(r, "パスワード", "Password"));
	hp(r, "<p><button type=\"submit\">%s</button></p></form>", T(r, "ログイン", "Sign in"));
	if (app_setup_token(r->app))
		hp(r, "<p class=\"muted small\">%s</p>",
		   T(r, "まだアカウントがありません。サーバーを起動したときに表示された初回設定のリンクを開いてください。",
		     "No account exists yet. Open the first-run link printed when the server started."));
	HL(r, "</section>");
	page_end(r);
}

void h_login(req_t *r)
{
	if (r->account) {
		redirect(r, "/");
		return;
	}
	login_form(r, NULL, NULL);
}

/* Only same-site paths are allowed as a place to go back to. */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/')
		return "/";
	for (const unsigned char *p = (const unsigned char *)next; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			return "/";
	return next;
}

void h_login_post(req_t *r)
{
	const char *login = form(r, "login"), *pw = form(r, "password");
	if (!login || !pw || !*login || !*pw) {
		r->status = 400;
		login_form(r, "ログインIDとパスワードを入力してください。", "Enter your login ID and password.");
		return;
	}
	if (!throttle_allow(r, login)) {
		r->status = 429;
		login_form(r, "失敗が続いたため、5分ほど待ってからもう一度お試しください。",
			   "Too many failed attempts. Please wait about five minutes and try again.");
		return;
	}
	errs_t e = ERRS_INIT;
	account_t a;
	bool found = store_account_by_login(r->store, login, &a, &e);
	if (!found && e.n) {   /* the database failed: not a wrong password */
		web_fail_errs(r, 503, &e);
		errs_free(&e);
		return;
	}
	/* Verify against a fixed hash when the account is unknown, so both
	 * cases take the same time. */
	bool ok = password_verify(found ? a.pw_hash : dummy_hash(), pw) && found;
	errs_free(&e);
	if (ok && a.disabled) {
		r->status = 403;
		audit_who w = {a.login, a.id, r->ip};
		audit_record(r->store, &w, 0, 0, "signin.refused", a.login, json_pack("{s:s}", "why", "disabled"), &e);
		errs_free(&e);
		login_form(r, "このアカウントは使えなくなっています。管理者にお問い合わせください。",
			   "This account has been disabled. Please ask your administrator.");
		return;
	}
	if (!ok) {
		throttle_fail(r, login);
		char shown[104];
		snprintf(shown, sizeof shown, "%.100s", login);
		utf8_trim_partial(shown);
		audit_who w = {shown, found ? a.id : 0, r->ip};
		audit_record(r->store, &w, 0, 0, "signin.failed", shown, NULL, &e);
		errs_free(&e);
		r->status = 401;
		login_form(r, "ログインIDかパスワードが違います。", "The login ID or password is wrong.");
		return;
	}
	throttle_ok(r, login);
	if (!session_start(r, a.id)) {
		fail_page(r, 500, "ログインできませんでした。", "Could not sign in.");
		return;
	}
	web_audit(r, 0, 0, "signin", a.login, NULL);
	redirect(r, "%s", safe_next(form(r, "next")));
}

void h_logout(req_t *r)
{
	web_audit(r, 0, 0, "signout", r->login, NULL);
	session_end(r);
	redirect(r, "/login");
}
