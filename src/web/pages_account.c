/* pages_account.c — the signed-in person's own account: name, password
 * (changing it ends every other sign-in), where they are signed in (each
 * can be ended), and API tokens for scripts (shown once; only a hash is
 * stored; revocable). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"

static const char *when(req_t *r, int64_t t)
{
	char buf[32];
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
	return arena_strdup(&r->arena, buf);
}

static void account_page(req_t *r, const char *new_token, const errs_t *e, const char *notice_ja, const char *notice_en)
{
	page_begin(r, T(r, "アカウント設定", "Account settings"), NAV_NONE);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s <strong>%s</strong></p>", T(r, "アカウント設定", "Account settings"),
	   T(r, "ログインID:", "Login ID:"), r->login);
	if (notice_ja)
		flash(r, notice_ja, notice_en);
	show_errors(r, e);

	hp(r, "<section class=\"card\"><h2>%s</h2><form method=\"post\" action=\"/account/name\" class=\"stack\">", T(r, "お名前", "Your name"));
	csrf_field(r);
	hp(r, "<label for=\"name\">%s</label><input id=\"name\" name=\"name\" type=\"text\" maxlength=\"100\" required value=\"%s\">"
	      "<p><button type=\"submit\">%s</button></p></form></section>",
	   T(r, "お名前", "Your name"), r->account_name, T(r, "名前を保存", "Save the name"));

	hp(r, "<section class=\"card\"><h2>%s</h2><form method=\"post\" action=\"/account/password\" class=\"stack\">",
	   T(r, "パスワードを変える", "Change your password"));
	csrf_field(r);
	hp(r, "<label for=\"old\">%s</label><input id=\"old\" name=\"old\" type=\"password\" autocomplete=\"current-password\" required>",
	   T(r, "いまのパスワード", "Current password"));
	hp(r, "<label for=\"password\">%s<span class=\"hint\">%s</span></label><input id=\"password\" name=\"password\" type=\"password\" "
	      "autocomplete=\"new-password\" required minlength=\"10\">",
	   T(r, "新しいパスワード", "New password"), T(r, "10文字以上", "at least 10 characters"));
	hp(r, "<label for=\"password2\">%s</label><input id=\"password2\" name=\"password2\" type=\"password\" autocomplete=\"new-password\" required minlength=\"10\">",
	   T(r, "新しいパスワード（確認）", "New password (again)"));
	hp(r, "<p><button type=\"submit\">%s</button></p><p class=\"small muted\">%s</p></form></section>",
	   T(r, "パスワードを変える", "Change the password"),
	   T(r, "変えると、このブラウザ以外でのログインはすべて終わります。", "Changing it signs you out everywhere but this browser."));

	errs_t le = ERRS_INIT;
	session_row *ss = NULL;
	size_t ns = 0;
	store_session_list(r->store, r->account, r->has_session ? r->sid_hash : NULL, &ss, &ns, &le);
	hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"small\">%s</p><ul class=\"plain\">", T(r, "ログイン中の場所", "Where you are signed in"),
	   T(r, "心当たりのないものは終わらせて、パスワードを変えてください。", "End any you do not recognise, and change your password."));
	for (size_t i = 0; i < ns; i++) {
		hp(r, "<li><strong>%s</strong> %s <span class=\"small muted\">%s %s · %s %s</span>",
		   ss[i].current ? T(r, "このブラウザ", "This browser") : T(r, "ほかの場所", "Elsewhere"), ss[i].agent,
		   T(r, "アドレス", "address"), ss[i].ip[0] ? ss[i].ip : "?", T(r, "最後の利用", "last used"), when(r, ss[i].last_seen));
		if (!ss[i].current) {
			hp(r, " <form method=\"post\" action=\"/account/sessions/%lld/end\" class=\"inline\">", (long long)ss[i].id);
			csrf_field(r);
			hp(r, "<button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form>",
			   T(r, "終わらせる", "End"), when(r, ss[i].last_seen));
		}
		HL(r, "</li>");
	}
	HL(r, "</ul>");
	if (ns > 1) {
		HL(r, "<form method=\"post\" action=\"/account/sessions/end-others\">");
		csrf_field(r);
		hp(r, "<button type=\"submit\" class=\"secondary\">%s</button></form>", T(r, "ほかの場所のログインをすべて終わらせる", "Sign out everywhere else"));
	}
	HL(r, "</section>");
	free(ss);

	hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"small muted\">%s</p>", T(r, "API トークン", "API tokens"),
	   T(r, "スクリプトから API（/api/v1）を使うときの鍵です。「Authorization: Bearer トークン」で送ります。あなたと同じ権限で動くので、人に渡さず、使わなくなったら無効にしてください。",
	     "Keys for scripts using the API (/api/v1), sent as \"Authorization: Bearer TOKEN\". They act with your rights: keep them secret and revoke the ones you no longer use."));
	if (new_token)
		hp(r, "<div class=\"notice\" role=\"status\">%s<br><code class=\"copy\">%s</code></div>",
		   T(r, "新しいトークンです（この画面でしか表示されません）:", "Your new token (shown only now):"), new_token);
	token_row *rows = NULL;
	size_t n = 0;
	store_token_list(r->store, r->account, &rows, &n, &le);
	HL(r, "<ul class=\"plain\">");
	for (size_t i = 0; i < n; i++) {
		hp(r, "<li>%s <span class=\"small muted\">%s</span> <form method=\"post\" action=\"/account/tokens/%lld/revoke\" class=\"inline\">",
		   rows[i].label, rows[i].created_at, (long long)rows[i].id);
		csrf_field(r);
		hp(r, "<button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form></li>",
		   T(r, "無効にする", "Revoke"), rows[i].label);
	}
	if (!n)
		hp(r, "<li class=\"muted\">%s</li>", T(r, "まだありません。", "None yet."));
	HL(r, "</ul><form method=\"post\" action=\"/account/tokens\" class=\"stack\">");
	csrf_field(r);
	hp(r, "<label for=\"label\">%s</label><input id=\"label\" name=\"label\" type=\"text\" maxlength=\"100\" required>"
	      "<p><button type=\"submit\">%s</button></p></form></section>",
	   T(r, "名前（どこで使うか）", "Name (where you use it)"), T(r, "トークンを作る", "Make a token"));
	page_end(r);
	free(rows);
	errs_free(&le);
}

void h_account(req_t *r)
{
	errs_t e = ERRS_INIT;
	if (qarg(r, "saved"))
		account_page(r, NULL, &e, "保存しました。", "Saved.");
	else
		account_page(r, NULL, &e, NULL, NULL);
}

void h_account_name_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *name = form(r, "name");
	if (!name || !*name || !valid_short_text(name, ACCOUNT_TEXT_MAX)) {
		errs_add(&e, T(r, "お名前", "Your name"), "%s", T(r, "1〜100文字で入力してください", "enter 1-100 characters"));
	} else if (store_account_set_name(r->store, r->account, name, &e)) {
		web_audit(r, 0, 0, "account.name", r->login,
			  json_pack("{s:[{s:s, s:s, s:s}]}", "changes", "field", "name", "before", r->account_name, "after", name));
		redirect(r, "/account?saved=1");
		errs_free(&e);
		return;
	}
	r->status = e.n ? 400 : 500;
	account_page(r, NULL, &e, NULL, NULL);
	errs_free(&e);
}

void h_account_password_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *old = form(r, "old"), *pw = form(r, "password"), *pw2 = form(r, "password2");
	account_t a;
	if (!store_account_get(r->store, r->account, &a, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	if (!old || !password_verify(a.pw_hash, old))
		errs_add(&e, T(r, "いまのパスワード", "Current password"), "%s", T(r, "違います", "is not right"));
	check_new_password(r, &e, T(r, "新しいパスワード", "New password"), a.login, pw);
	if (!e.n && (!pw2 || strcmp(pw, pw2)))
		errs_add(&e, T(r, "新しいパスワード（確認）", "New password (again)"), "%s",
			 T(r, "1回目と同じものを入力してください", "must match the first one"));
	char hash[192];
	if (!e.n && !password_hash(pw, hash))
		errs_add(&e, T(r, "新しいパスワード", "New password"), "%s", T(r, "処理できませんでした", "could not be processed"));
	if (e.n) {
		r->status = 400;
		account_page(r, NULL, &e, NULL, NULL);
		errs_free(&e);
		return;
	}
	if (!store_account_set_password(r->store, r->account, hash, &e) ||
	    !store_session_end_others(r->store, r->account, r->has_session ? r->sid_hash : NULL, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	web_audit(r, 0, 0, "password.change", r->login, NULL);
	account_page(r, NULL, &e, "パスワードを変えました。ほかの場所のログインは終わりました。",
		     "Password changed. You have been signed out everywhere else.");
	errs_free(&e);
}

void h_session_end_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	bool found = false;
	if (!store_session_end(r->store, r->account, strtoll(param(r, "session"), NULL, 10), &found, &e))
		web_fail_errs(r, 500, &e);
	else if (!found)
		fail_page(r, 404, "このログインは見つかりません（もう終わっています）。", "No such sign-in (it has ended already).");
	else {
		web_audit(r, 0, 0, "session.end", r->login, NULL);
		redirect(r, "/account?saved=1");
	}
	errs_free(&e);
}

void h_sessions_end_others_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	if (!store_session_end_others(r->store, r->account, r->has_session ? r->sid_hash : NULL, &e)) {
		web_fail_errs(r, 500, &e);
	} else {
		web_audit(r, 0, 0, "session.end_others", r->login, NULL);
		redirect(r, "/account?saved=1");
	}
	errs_free(&e);
}

void h_token_post(req_t *r)
{
	const char *label = form(r, "label");
	errs_t e = ERRS_INIT;
	char tok[65];
	if (!label || !*label || !valid_short_text(label, 100))
		errs_add(&e, T(r, "名前", "Name"), "%s", T(r, "1〜100文字で入力してください", "enter 1-100 characters"));
	else if (!token_create(r, label, tok))
		errs_add(&e, T(r, "トークン", "Token"), "%s", T(r, "作れませんでした", "could not be made"));
	if (e.n)
		r->status = 400;
	else
		web_audit(r, 0, 0, "token.create", label, NULL);
	account_page(r, e.n ? NULL : tok, &e, NULL, NULL);
	errs_free(&e);
}

void h_token_revoke_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	bool found = false;
	const char *v = param(r, "token");
	if (!store_token_revoke(r->store, r->account, strtoll(v, NULL, 10), &found, &e))
		web_fail_errs(r, 500, &e);
	else if (!found)
		fail_page(r, 404, "このトークンは見つかりません。", "No such token.");
	else {
		web_audit(r, 0, 0, "token.revoke", v, NULL);
		redirect(r, "/account?saved=1");
	}
	errs_free(&e);
}
