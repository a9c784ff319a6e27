/* pages_invite.c — one-time links.  An invitation lets someone join a
 * company (with a role and, for employees, their person record), become
 * an adviser of a support body, or have a body look after their company;
 * it is accepted by creating an account or by signing in.  A reset link
 * lets someone choose a new password.  Only a hash of each link's secret
 * is stored; a link works once and expires. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/mail.h"
#include "app/audit.h"
#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"
#include "web/web_int.h"

#define INVITE_DAYS 7
#define RESET_HOURS 24

const char *role_label(const req_t *r, member_role_t role)
{
	static const char *const ja[] = {"", "従業員", "支援者", "担当者", "経営者"};
	static const char *const en[] = {"", "Employee", "Adviser", "Security officer", "Owner"};
	return r->lang == LANG_EN ? en[role] : ja[role];
}

const char *link_url(req_t *r, const char *path)
{
	const char *base = getenv("SECSTEP_BASE_URL");
	if (base && *base) {
		size_t n = strlen(base);
		return arena_printf(&r->arena, "%.*s%s", (int)(base[n - 1] == '/' ? n - 1 : n), base, path);
	}
	return arena_printf(&r->arena, "http://%s%s", r->hdr_host ? r->hdr_host : "127.0.0.1:8080", path);
}

const char *link_mail(req_t *r, const char *to, const char *url, bool reset, const char *for_whom)
{
	if (!mail_configured() || !to || !mail_addr_ok(to))
		return NULL;
	mail_cfg cfg;
	errs_t e = ERRS_INIT;
	if (!mail_cfg_load(&cfg, &e)) {
		errs_free(&e);
		return NULL;
	}
	cfg.tries = 1;   /* a person is waiting for the page; the link is shown anyway */
	bool en = r->lang == LANG_EN;
	const char *subject = reset ? (en ? "[secstep] Choose a new password" : "【secstep】パスワードの再設定")
				    : (en ? "[secstep] You are invited" : "【secstep】招待のお知らせ");
	const char *who = for_whom && *for_whom ? arena_printf(&r->arena, en ? "%s,\n\n" : "%s さん\n\n", for_whom) : "";
	const char *text;
	if (reset)
		text = arena_printf(&r->arena, "%s%s\n%s\n\n%s\n", who,
				    T(r, "次のリンクを開いて、新しいパスワードを決めてください（24時間有効）:",
				      "Open this link to choose a new password (valid for 24 hours):"),
				    url, T(r, "心当たりがなければ、このメールは無視してください。", "If you did not ask for this, ignore this mail."));
	else
		text = arena_printf(&r->arena, "%s%s %s\n%s\n%s\n", who,
				    T(r, "secstep（セキュリティ人材の計画）に招待されました。招待した人:",
				      "You are invited to secstep (the security talent plan) by"),
				    r->account_name, T(r, "次のリンクを開いて参加してください:", "Open this link to join:"), url);
	buf_t h = BUF_INIT;
	buf_puts(&h, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\"><pre style=\"font-family:inherit;white-space:pre-wrap\">");
	mail_html_escape(&h, text);
	buf_puts(&h, "</pre><p><a href=\"");
	mail_html_escape(&h, url);
	buf_puts(&h, "\">");
	mail_html_escape(&h, reset ? (en ? "Choose a new password" : "新しいパスワードを決める") : (en ? "Join" : "参加する"));
	buf_puts(&h, "</a></p></body></html>\n");
	mail_msg m = {to, subject, text, buf_str(&h), NULL};
	char err[256];
	bool ok = mail_send(&cfg, &m, err);
	buf_free(&h);
	if (!ok) {
		fprintf(stderr, "secstep: serve: %s link to %s not mailed: %s\n", reset ? "reset" : "invitation", to, err);
		return NULL;
	}
	web_audit(r, 0, 0, reset ? "mail.reset_link" : "mail.invitation", to, NULL);
	return arena_printf(&r->arena, "%s %s", T(r, "メールでも送りました:", "Also mailed to"), to);
}

bool invite_make(req_t *r, invite_t *inv, char *out_path, size_t len, errs_t *e)
{
	unsigned char raw[24], h[32];
	char hex[49];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
	crypto_generichash(h, sizeof h, (const unsigned char *)hex, strlen(hex), NULL, 0);
	inv->created_by = r->account;
	inv->expires = (int64_t)time(NULL) + (inv->kind == INV_RESET ? RESET_HOURS * 3600 : INVITE_DAYS * 86400);
	int64_t id;
	if (!store_invite_create(r->store, inv, h, &id, e))
		return false;
	snprintf(out_path, len, "/%s/%s", inv->kind == INV_RESET ? "reset" : "invite", hex);
	return true;
}

/* The invitation of the link in the path, or false (a page is shown). */
static bool load_invite(req_t *r, invite_t *inv, bool reset)
{
	const char *tok = param(r, "token");
	unsigned char h[32];
	errs_t e = ERRS_INIT;
	bool found = false;
	if (tok && strlen(tok) == 48) {
		crypto_generichash(h, sizeof h, (const unsigned char *)tok, 48, NULL, 0);
		found = store_invite_find(r->store, h, (int64_t)time(NULL), inv, &e);
	}
	if (e.n) {
		web_fail_errs(r, 503, &e);
		errs_free(&e);
		return false;
	}
	if (!found || (inv->kind == INV_RESET) != reset) {
		fail_page(r, 404, "このリンクは使えません。使用済みか、期限（招待は7日、パスワードの再設定は24時間）が切れています。送ってくれた人に、新しいリンクを頼んでください。",
			  "This link does not work: it has been used or has expired (invitations last 7 days, password resets 24 hours). Ask the sender for a new one.");
		return false;
	}
	return true;
}

/* What the invitation offers, in one sentence. */
static void invite_what(req_t *r, const invite_t *inv)
{
	switch (inv->kind) {
	case INV_MEMBER: {
		const char *by = inv->by_name[0] ? inv->by_name : T(r, "管理者", "The administrator");
		if (r->lang == LANG_EN)
			hp(r, "<p class=\"lead\">%s invites you to join <strong>%s</strong> as <strong>%s</strong>.</p>", by,
			   inv->company_name, role_label(r, inv->role));
		else
			hp(r, "<p class=\"lead\">%s%sから、<strong>%s</strong> に<strong>%s</strong>として参加するよう招待されています。</p>", by,
			   inv->by_name[0] ? "さん" : "", inv->company_name, role_label(r, inv->role));
		break;
	}
	case INV_ADVISER:
		if (r->lang == LANG_EN)
			hp(r, "<p class=\"lead\">You are invited to become an adviser of the support body <strong>%s</strong>.</p>", inv->body_name);
		else
			hp(r, "<p class=\"lead\">支援機関 <strong>%s</strong> の支援者として招待されています。</p>", inv->body_name);
		break;
	case INV_CLIENT:
		hp(r, "<p class=\"lead\">%s <strong>%s</strong> %s</p><p>%s</p>", T(r, "支援機関", "The support body"), inv->body_name,
		   T(r, "が、あなたの会社の支援（見守りと助言）を申し出ています。", "offers to look after your company (follow your progress and advise you)."),
		   T(r, "受けると、その支援機関の支援者があなたの会社の診断・計画・記録を読めるようになり、助言を書けます。変更はできません。いつでも「メンバー」のページで終わりにできます。",
		     "If you accept, the body's advisers can read your company's diagnosis, plan and records and write advice; they cannot change anything. You can end it at any time on the Members page."));
		break;
	case INV_RESET:
		break;
	}
}

static void register_form(req_t *r, const invite_t *inv, const errs_t *e)
{
	const char *tok = param(r, "token");
	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "はじめての方: アカウントを作って参加", "New here: create an account and join"));
	show_errors(r, e);
	hp(r, "<form method=\"post\" action=\"/invite/%s/register\" class=\"stack\">", tok);
	hp(r, "<label for=\"name\">%s</label><input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"name\" maxlength=\"100\" required value=\"%s\">",
	   T(r, "お名前", "Your name"), form(r, "name") ? form(r, "name") : inv->note);
	hp(r, "<label for=\"login\">%s<span class=\"hint\">%s</span></label>"
	      "<input id=\"login\" name=\"login\" type=\"text\" autocomplete=\"username\" maxlength=\"100\" required value=\"%s\">",
	   T(r, "ログインID", "Login ID"), T(r, "メールアドレスなど、覚えやすいもの", "an e-mail address or any name you will remember"),
	   form(r, "login") ? form(r, "login") : "");
	hp(r, "<label for=\"password\">%s<span class=\"hint\">%s</span></label>"
	      "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"10\">",
	   T(r, "パスワード", "Password"), T(r, "10文字以上。ログインIDと同じもの、よく使われるものは使えません", "at least 10 characters; not your login ID, not a common one"));
	hp(r, "<label for=\"password2\">%s</label><input id=\"password2\" name=\"password2\" type=\"password\" "
	      "autocomplete=\"new-password\" required minlength=\"10\">", T(r, "パスワード（確認）", "Password (again)"));
	hp(r, "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "アカウントを作って参加する", "Create the account and join"));
}

/* The client invitation: which of the account's companies. */
static void client_choice(req_t *r, const invite_t *inv)
{
	errs_t e = ERRS_INIT;
	membership_t *ms;
	size_t n;
	store_memberships(r->store, r->account, &ms, &n, &e);
	int owned = 0;
	for (size_t i = 0; i < n; i++)
		owned += ms[i].role == ROLE_OWNER && (!inv->company_id || inv->company_id == ms[i].company_id);
	if (!owned) {
		hp(r, "<p class=\"errors\" role=\"alert\">%s</p>",
		   T(r, "この申し出を受けられるのは、会社の経営者（オーナー）のアカウントだけです。", "Only a company's owner can accept this offer."));
	} else {
		hp(r, "<label for=\"company\">%s</label><select id=\"company\" name=\"company\">", T(r, "支援を受ける会社", "The company to be looked after"));
		for (size_t i = 0; i < n; i++)
			if (ms[i].role == ROLE_OWNER && (!inv->company_id || inv->company_id == ms[i].company_id))
				hp(r, "<option value=\"%lld\">%s</option>", (long long)ms[i].company_id, ms[i].company_name);
		HL(r, "</select>");
	}
	free(ms);
	errs_free(&e);
}

static void invite_page(req_t *r, const invite_t *inv, const errs_t *e)
{
	page_begin(r, T(r, "招待", "Invitation"), NAV_NONE);
	hp(r, "<section class=\"card narrow\"><h1>%s</h1>", T(r, "招待が届いています", "You have an invitation"));
	invite_what(r, inv);
	if (r->account) {
		hp(r, "<form method=\"post\" action=\"/invite/%s/accept\" class=\"stack\">", param(r, "token"));
		csrf_field(r);
		hp(r, "<p>%s <strong>%s</strong></p>", T(r, "ログイン中のアカウント:", "Signed in as:"), r->account_name);
		if (inv->kind == INV_CLIENT)
			client_choice(r, inv);
		show_errors(r, e);
		hp(r, "<p><button type=\"submit\">%s</button></p></form>", T(r, "このアカウントで受ける", "Accept with this account"));
		HL(r, "</section>");
	} else {
		hp(r, "<p>%s <a href=\"/login?next=%s\">%s</a></p></section>",
		   T(r, "すでにアカウントをお持ちの方は", "Already have an account?"), url_arg(r, r->path),
		   T(r, "ログインして受ける", "Sign in to accept"));
		if (inv->kind != INV_CLIENT)
			register_form(r, inv, e);
	}
	page_end(r);
}

void h_invite(req_t *r)
{
	invite_t inv;
	if (!load_invite(r, &inv, false))
		return;
	errs_t e = ERRS_INIT;
	invite_page(r, &inv, &e);
}

/* Gives account what inv offers; the invitation is spent first, so of two
 * requests at once only one goes on.  false with e filled when it cannot. */
static bool accept(req_t *r, const invite_t *inv, int64_t account, const char *login, errs_t *e)
{
	bool won = false;
	if (!store_invite_use(r->store, inv->id, account, &won, e) || !won) {
		if (!e->n)
			errs_add(e, T(r, "招待", "Invitation"), "%s", T(r, "すでに使われています", "has been used already"));
		return false;
	}
	audit_who w = {login, account, r->ip};
	switch (inv->kind) {
	case INV_MEMBER: {
		relation_t rel;
		if (!store_relation(r->store, inv->company_id, account, &rel, e))
			return false;
		if (rel.role == ROLE_OWNER && inv->role != ROLE_OWNER && store_owner_count(r->store, inv->company_id, e) <= 1) {
			errs_add(e, T(r, "役割", "Role"), "%s",
				 T(r, "あなたはこの会社のただ一人の経営者なので、ほかの役割にはなれません", "you are this company's only owner, so you cannot take another role"));
			return false;
		}
		if (!store_member_set(r->store, inv->company_id, account, inv->role, inv->person_key, e))
			return false;
		audit_record(r->store, &w, inv->company_id, 0, "member.join", login,
			     json_pack("{s:s, s:s?}", "role", member_role_id(inv->role), "person", inv->person_key[0] ? inv->person_key : NULL), e);
		return !e->n;
	}
	case INV_ADVISER:
		if (!store_body_adviser_add(r->store, inv->body_id, account, e))
			return false;
		audit_record(r->store, &w, 0, inv->body_id, "adviser.join", login, NULL, e);
		return !e->n;
	case INV_CLIENT: {
		const char *c = form(r, "company");
		char *end;
		long long cid = c ? strtoll(c, &end, 10) : 0;
		relation_t rel;
		if (!c || *end || cid <= 0 || (inv->company_id && inv->company_id != cid) ||
		    !store_relation(r->store, cid, account, &rel, e) || rel.role != ROLE_OWNER) {
			if (!e->n)
				errs_add(e, T(r, "会社", "Company"), "%s", T(r, "あなたが経営者の会社を選んでください", "choose a company you own"));
			return false;
		}
		if (!store_body_company_add(r->store, inv->body_id, cid, e))
			return false;
		audit_record(r->store, &w, cid, inv->body_id, "body.add", inv->body_name, NULL, e);
		return !e->n;
	}
	case INV_RESET:
		break;
	}
	return false;
}

static void after_accept(req_t *r, const invite_t *inv)
{
	if (inv->kind == INV_MEMBER)
		redirect(r, inv->role == ROLE_EMPLOYEE ? "/c/%lld/me" : "/c/%lld", (long long)inv->company_id);
	else if (inv->kind == INV_ADVISER)
		redirect(r, "/b/%lld", (long long)inv->body_id);
	else
		redirect(r, "/c/%s/members?saved=1", form(r, "company"));
}

void h_invite_accept_post(req_t *r)
{
	invite_t inv;
	if (!load_invite(r, &inv, false))
		return;
	errs_t e = ERRS_INIT;
	if (!store_begin(r->store, &e)) {
		web_fail_errs(r, 503, &e);
		errs_free(&e);
		return;
	}
	if (accept(r, &inv, r->account, r->login, &e)) {
		errs_t ce = ERRS_INIT;
		if (store_commit(r->store, &ce))
			after_accept(r, &inv);
		else
			web_fail_errs(r, 500, &ce);
		errs_free(&ce);
	} else {
		store_rollback(r->store);
		r->status = 400;
		invite_page(r, &inv, &e);
	}
	errs_free(&e);
}

void h_invite_register_post(req_t *r)
{
	invite_t inv;
	if (!load_invite(r, &inv, false))
		return;
	errs_t e = ERRS_INIT;
	if (inv.kind == INV_CLIENT)
		errs_add(&e, T(r, "招待", "Invitation"), "%s", T(r, "会社の経営者としてログインしてから受けてください", "sign in as the company's owner to accept it"));
	const char *login = form(r, "login"), *name = form(r, "name"), *pw = form(r, "password");
	if (!e.n)
		check_account_fields(r, &e, login, name, pw, form(r, "password2"));
	char hash[192];
	int64_t id = 0;
	bool taken = false;
	if (!e.n && !password_hash(pw, hash))
		errs_add(&e, T(r, "パスワード", "Password"), "%s", T(r, "処理できませんでした", "could not be processed"));
	if (!e.n && !store_begin(r->store, &e)) {
		web_fail_errs(r, 503, &e);
		errs_free(&e);
		return;
	}
	if (!e.n) {
		bool ok = store_account_create(r->store, login, name, hash, false, &id, &taken, &e);
		if (!ok && taken) {
			errs_free(&e);
			errs_add(&e, T(r, "ログインID", "Login ID"), "%s",
				 T(r, "このIDはすでに使われています。自分のIDなら、ログインしてから受けてください",
				   "is taken; if it is yours, sign in first and then accept"));
		}
		if (ok) {
			audit_who w = {login, id, r->ip};
			audit_record(r->store, &w, inv.company_id, inv.body_id, "account.create", login, NULL, &e);
		}
		if (!e.n)
			accept(r, &inv, id, login, &e);
		errs_t ce = ERRS_INIT;
		if (e.n) {
			store_rollback(r->store);
		} else if (!store_commit(r->store, &ce)) {
			/* the cause is the database's, not the person's input */
			fail_db(r, &ce);
			errs_free(&ce);
			errs_free(&e);
			return;
		}
		errs_free(&ce);
	}
	if (e.n) {
		r->status = 400;
		invite_page(r, &inv, &e);
		errs_free(&e);
		return;
	}
	session_start(r, id);
	after_accept(r, &inv);
}

/* ---- password reset ---- */

static void reset_page(req_t *r, const invite_t *inv, const errs_t *e)
{
	page_begin(r, T(r, "パスワードの再設定", "Choose a new password"), NAV_NONE);
	hp(r, "<section class=\"card narrow\"><h1>%s</h1><p class=\"lead\">%s <strong>%s</strong></p>",
	   T(r, "新しいパスワードを決める", "Choose a new password"), T(r, "ログインID:", "Login ID:"), inv->account_login);
	show_errors(r, e);
	hp(r, "<form method=\"post\" action=\"/reset/%s\" class=\"stack\">", param(r, "token"));
	hp(r, "<label for=\"password\">%s<span class=\"hint\">%s</span></label>"
	      "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"10\">",
	   T(r, "新しいパスワード", "New password"), T(r, "10文字以上", "at least 10 characters"));
	hp(r, "<label for=\"password2\">%s</label><input id=\"password2\" name=\"password2\" type=\"password\" "
	      "autocomplete=\"new-password\" required minlength=\"10\">", T(r, "新しいパスワード（確認）", "New password (again)"));
	hp(r, "<p><button type=\"submit\">%s</button></p></form><p class=\"small muted\">%s</p></section>",
	   T(r, "パスワードを変える", "Change the password"),
	   T(r, "変えると、このアカウントのほかのログインはすべて終わります。", "Changing it signs this account out everywhere else."));
	page_end(r);
}

void h_reset(req_t *r)
{
	invite_t inv;
	if (!load_invite(r, &inv, true))
		return;
	errs_t e = ERRS_INIT;
	reset_page(r, &inv, &e);
}

void h_reset_post(req_t *r)
{
	invite_t inv;
	if (!load_invite(r, &inv, true))
		return;
	errs_t e = ERRS_INIT;
	const char *pw = form(r, "password"), *pw2 = form(r, "password2");
	check_new_password(r, &e, T(r, "新しいパスワード", "New password"), inv.account_login, pw);
	if (!e.n && (!pw2 || strcmp(pw, pw2)))
		errs_add(&e, T(r, "新しいパスワード（確認）", "New password (again)"), "%s",
			 T(r, "1回目と同じものを入力してください", "must match the first one"));
	char hash[192];
	if (!e.n && !password_hash(pw, hash))
		errs_add(&e, T(r, "新しいパスワード", "New password"), "%s", T(r, "処理できませんでした", "could not be processed"));
	if (e.n) {
		r->status = 400;
		reset_page(r, &inv, &e);
		errs_free(&e);
		return;
	}
	bool won = false;
	if (!store_begin(r->store, &e) || !store_invite_use(r->store, inv.id, inv.account_id, &won, &e) || !won ||
	    !store_account_set_password(r->store, inv.account_id, hash, &e) ||
	    !store_session_end_others(r->store, inv.account_id, NULL, &e)) {
		if (r->store && e.n == 0 && !won)
			errs_add(&e, "reset", "used already");
		store_rollback(r->store);
		web_fail_errs(r, won ? 500 : 409, &e);
		errs_free(&e);
		return;
	}
	audit_who w = {inv.account_login, inv.account_id, r->ip};
	audit_record(r->store, &w, 0, 0, "password.reset", inv.account_login, NULL, &e);
	throttle_ok(r, inv.account_login);   /* a new password lifts a lock on the old one */
	if (!store_commit(r->store, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	errs_free(&e);
	page_begin(r, T(r, "パスワードを変えました", "Password changed"), NAV_NONE);
	hp(r, "<section class=\"card narrow\"><h1>%s</h1><p>%s</p><p><a class=\"button\" href=\"/login\">%s</a></p></section>",
	   T(r, "パスワードを変えました", "Your password has been changed"),
	   T(r, "新しいパスワードでログインしてください。", "Sign in with the new password."), T(r, "ログインへ", "Sign in"));
	page_end(r);
}

/* ---- confirmation of destructive actions ---- */

bool confirmed(req_t *r, const char *question_ja, const char *question_en, const char *button_ja,
	       const char *button_en, const char *back)
{
	if (str_eq(form(r, "confirm"), "1"))
		return true;
	page_begin(r, T(r, "確認", "Please confirm"), NAV_NONE);
	hp(r, "<section class=\"card narrow\"><h1>%s</h1><p class=\"lead\">%s</p>", T(r, "確認してください", "Please confirm"),
	   T(r, question_ja, question_en));
	hp(r, "<form method=\"post\" action=\"%s\" class=\"stack\">", r->path);
	csrf_field(r);
	for (int i = 0; i < r->n_form; i++)
		if (strcmp(r->form_k[i], "csrf") && strcmp(r->form_k[i], "confirm"))
			hp(r, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", r->form_k[i], r->form_v[i]);
	hp(r, "<input type=\"hidden\" name=\"confirm\" value=\"1\"><p class=\"actions\"><button type=\"submit\" class=\"danger\">%s</button> "
	      "<a class=\"button secondary\" href=\"%s\">%s</a></p></form></section>",
	   T(r, button_ja, button_en), back, T(r, "やめる", "Cancel"));
	page_end(r);
	return false;
}
