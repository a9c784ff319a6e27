/* pages_members.c — the owner decides who reaches the company: members
 * (owners, security officers, employees linked to their person record)
 * join by invitation; their role can be changed and they can be removed
 * (never the last owner); support bodies look after the company only while
 * the owner agrees. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/mail.h"
#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"

static int64_t account_param(req_t *r)
{
	const char *v = param(r, "account");
	char *end;
	long long id = v ? strtoll(v, &end, 10) : 0;
	return v && !*end && id > 0 ? id : 0;
}

/* The member in the path, or NULL (a 404 page is shown). */
static const member_row *find_member(req_t *r, member_row *rows, size_t n)
{
	int64_t id = account_param(r);
	for (size_t i = 0; i < n; i++)
		if (rows[i].account_id == id)
			return &rows[i];
	fail_page(r, 404, "このメンバーは見つかりません。", "No such member.");
	return NULL;
}

static void role_select(req_t *r, const char *id, member_role_t cur)
{
	hp(r, "<select id=\"%s\" name=\"role\">", id);
	for (int k = ROLE_OWNER; k >= ROLE_EMPLOYEE; k--) {
		if (k == ROLE_ADVISER)
			continue;
		hp(r, "<option value=\"%s\"%s>%s</option>", member_role_id((member_role_t)k), k == (int)cur ? " selected" : "",
		   role_label(r, (member_role_t)k));
	}
	HL(r, "</select>");
}

/* Whether the owner may make a password reset link for this member: only
 * for accounts that reach nothing but this company (an owner must not be
 * able to take over an account that works elsewhere). */
static bool may_reset(const req_t *r, const member_row *m)
{
	return m->account_id != r->account && !m->admin && m->others == 0;
}

static void members_page(req_t *r, const errs_t *e, const char *new_link, const char *new_link_what)
{
	long long id = (long long)r->company_id;
	errs_t le = ERRS_INIT;
	member_row *rows = NULL;
	size_t n = 0;
	store_members(r->store, r->company_id, &rows, &n, &le);
	page_begin(r, T(r, "メンバー", "Members"), NAV_MEMBERS);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "この会社を使う人", "Who uses this company's pages"),
	   T(r, "担当者は計画を動かし、従業員は自分のページ（学び・基本方針）だけを見ます。人を加えるときは、招待のリンクを作って本人に渡します。",
	     "Security officers run the plan; employees see only their own page (learning, the basic policy). To add someone, make an invitation link and give it to them."));
	if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	show_errors(r, e);
	if (new_link) {
		hp(r, "<div class=\"notice\" role=\"status\"><p>%s</p><p><code class=\"copy\">%s</code></p><p class=\"small\">%s</p></div>",
		   new_link_what, new_link,
		   T(r, "このリンクはこの画面でしか表示されません。メールやチャットで本人だけに送ってください。一度使うと無効になります。",
		     "This link is shown only now. Send it to that person alone (e-mail, chat). It works once."));
	}
	hp(r, "<section class=\"card\"><h2>%s</h2><table class=\"cards\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	   T(r, "メンバー", "Members"), T(r, "名前", "Name"), T(r, "ログインID", "Login ID"), T(r, "役割", "Role"),
	   T(r, "社員名簿の人", "Person in the register"), T(r, "操作", "Actions"));
	for (size_t i = 0; i < n; i++) {
		const member_row *m = &rows[i];
		const m_person *p = m->person_key[0] ? company_person(r->co, m->person_key) : NULL;
		hp(r, "<tr><td data-label=\"%s\">%s%s</td><td data-label=\"%s\">%s</td>", T(r, "名前", "Name"), m->name,
		   m->disabled ? T(r, "（停止中）", " (disabled)") : "", T(r, "ログインID", "Login ID"), m->login);
		hp(r, "<td data-label=\"%s\"><form method=\"post\" action=\"/c/%lld/members/%lld/role\" class=\"inline\">",
		   T(r, "役割", "Role"), id, (long long)m->account_id);
		csrf_field(r);
		char sel[32];
		snprintf(sel, sizeof sel, "role-%lld", (long long)m->account_id);
		hp(r, "<label class=\"sr-only\" for=\"%s\">%s %s</label>", sel, T(r, "役割:", "Role of"), m->name);
		role_select(r, sel, m->role);
		hp(r, " <button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form></td>",
		   T(r, "変える", "Change"), m->name);
		hp(r, "<td data-label=\"%s\">%s</td><td data-label=\"%s\">", T(r, "社員名簿の人", "Person in the register"), p ? p->name : "",
		   T(r, "操作", "Actions"));
		hp(r, "<form method=\"post\" action=\"/c/%lld/members/%lld/remove\" class=\"inline\">", id, (long long)m->account_id);
		csrf_field(r);
		hp(r, "<button type=\"submit\" class=\"small danger\">%s<span class=\"sr-only\"> %s</span></button></form>",
		   T(r, "外す", "Remove"), m->name);
		if (may_reset(r, m)) {
			hp(r, " <form method=\"post\" action=\"/c/%lld/members/%lld/reset\" class=\"inline\">", id, (long long)m->account_id);
			csrf_field(r);
			hp(r, "<button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form>",
			   T(r, "パスワード再設定のリンク", "Password reset link"), m->name);
		}
		HL(r, "</td></tr>");
	}
	HL(r, "</tbody></table></section>");

	invite_t *inv = NULL;
	size_t ni = 0;
	store_invite_pending(r->store, r->company_id, 0, (int64_t)time(NULL), &inv, &ni, &le);
	if (ni) {
		hp(r, "<section class=\"card\"><h2>%s</h2><ul class=\"plain\">", T(r, "まだ受けられていない招待", "Invitations not yet accepted"));
		for (size_t i = 0; i < ni; i++) {
			char until[24];
			time_t t = (time_t)inv[i].expires;
			struct tm tm;
			gmtime_r(&t, &tm);
			strftime(until, sizeof until, "%Y-%m-%d", &tm);
			hp(r, "<li>%s — %s <span class=\"small muted\">%s %s</span> ", inv[i].note[0] ? inv[i].note : T(r, "（名前なし）", "(no name)"),
			   role_label(r, inv[i].role), T(r, "期限", "expires"), until);
			hp(r, "<form method=\"post\" action=\"/c/%lld/invitations/%lld/revoke\" class=\"inline\">", id, (long long)inv[i].id);
			csrf_field(r);
			hp(r, "<button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form></li>",
			   T(r, "取り消す", "Revoke"), inv[i].note);
		}
		HL(r, "</ul></section>");
	}
	free(inv);

	hp(r, "<section class=\"card\"><h2>%s</h2><form method=\"post\" action=\"/c/%lld/members/invite\" class=\"stack\">",
	   T(r, "人を招待する", "Invite someone"), id);
	csrf_field(r);
	hp(r, "<label for=\"note\">%s<span class=\"hint\">%s</span></label><input id=\"note\" name=\"note\" type=\"text\" maxlength=\"100\" required>",
	   T(r, "招待する人の名前", "Name of the person"), T(r, "招待の一覧に出ます", "shown in the list of invitations"));
	hp(r, "<label for=\"role\">%s</label>", T(r, "役割", "Role"));
	role_select(r, "role", ROLE_EMPLOYEE);
	hp(r, "<label for=\"person\">%s<span class=\"hint\">%s</span></label><select id=\"person\" name=\"person\">",
	   T(r, "社員名簿の人", "Person in the register"),
	   T(r, "従業員は、自分の学びと基本方針の確認をこの人として記録します", "an employee records their learning and policy reading as this person"));
	people_options(r, NULL, true);
	hp(r, "</select><label for=\"email\">%s<span class=\"hint\">%s</span></label><input id=\"email\" name=\"email\" type=\"email\" maxlength=\"254\">",
	   T(r, "メールアドレス（任意）", "E-mail address (optional)"),
	   T(r, "メールの送信が設定されていれば、招待のリンクをこの宛先に送ります", "when mail is set up, the link is sent to this address"));
	hp(r, "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "招待のリンクを作る", "Make an invitation link"));

	body_row *bodies = NULL, *all = NULL;
	size_t nb = 0, na = 0;
	store_company_bodies(r->store, r->company_id, &bodies, &nb, &le);
	store_body_list(r->store, &all, &na, &le);
	hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"small\">%s</p>", T(r, "支援機関", "Support bodies"),
	   T(r, "商工会議所・ITベンダー・専門家などの支援機関に、診断・計画・記録を見てもらい、助言を受けられます。支援機関は読むことと助言を書くことだけができ、変更はできません。",
	     "A support body (chamber of commerce, IT vendor, consultant) can follow your diagnosis, plan and records and give advice. It can read and write advice only, never change anything."));
	if (nb) {
		HL(r, "<ul class=\"plain\">");
		for (size_t i = 0; i < nb; i++) {
			hp(r, "<li><strong>%s</strong> <form method=\"post\" action=\"/c/%lld/bodies/%lld/end\" class=\"inline\">", bodies[i].name, id,
			   (long long)bodies[i].id);
			csrf_field(r);
			hp(r, "<button type=\"submit\" class=\"small danger\">%s<span class=\"sr-only\"> %s</span></button></form></li>",
			   T(r, "支援を終える", "End"), bodies[i].name);
		}
		HL(r, "</ul>");
	} else {
		hp(r, "<p class=\"muted\">%s</p>", T(r, "いまはありません。", "None at the moment."));
	}
	size_t offer = 0;
	for (size_t k = 0; k < na; k++) {
		bool linked = false;
		for (size_t i = 0; i < nb; i++)
			linked |= bodies[i].id == all[k].id;
		offer += !linked;
	}
	if (offer) {
		hp(r, "<form method=\"post\" action=\"/c/%lld/bodies\" class=\"stack\">", id);
		csrf_field(r);
		hp(r, "<label for=\"body\">%s</label><select id=\"body\" name=\"body\">", T(r, "支援を頼む機関", "Ask a body to look after us"));
		for (size_t k = 0; k < na; k++) {
			bool linked = false;
			for (size_t i = 0; i < nb; i++)
				linked |= bodies[i].id == all[k].id;
			if (!linked)
				hp(r, "<option value=\"%lld\">%s</option>", (long long)all[k].id, all[k].name);
		}
		hp(r, "</select><p><button type=\"submit\">%s</button></p></form>", T(r, "支援を頼む", "Ask for support"));
	}
	HL(r, "</section>");
	page_end(r);
	free(bodies);
	free(all);
	free(rows);
	errs_free(&le);
}

void h_members(req_t *r)
{
	errs_t e = ERRS_INIT;
	members_page(r, &e, NULL, NULL);
}

void h_members_invite_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *note = form(r, "note"), *person = form(r, "person"), *email = form(r, "email");
	if (email && *email && !mail_addr_ok(email))
		errs_add(&e, T(r, "メールアドレス（任意）", "E-mail address (optional)"), "%s",
			 T(r, "メールアドレスの形ではありません（例 name@example.jp）", "not an e-mail address (e.g. name@example.jp)"));
	if ((!email || !*email) && person && *person && company_person(r->co, person))
		email = company_person(r->co, person)->email;
	invite_t inv;
	memset(&inv, 0, sizeof inv);
	inv.kind = INV_MEMBER;
	inv.company_id = r->company_id;
	if (!member_role_parse(form(r, "role"), &inv.role) || inv.role == ROLE_ADVISER)
		errs_add(&e, T(r, "役割", "Role"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	if (!note || !*note || !valid_short_text(note, ACCOUNT_TEXT_MAX))
		errs_add(&e, T(r, "招待する人の名前", "Name of the person"), "%s", T(r, "1〜100文字で入力してください", "enter 1-100 characters"));
	if (person && *person && !company_person(r->co, person))
		errs_add(&e, T(r, "社員名簿の人", "Person in the register"), "%s", T(r, "登録されていない人です", "not a registered person"));
	char path[80];
	if (!e.n) {
		snprintf(inv.note, sizeof inv.note, "%s", note);
		snprintf(inv.person_key, sizeof inv.person_key, "%s", person ? person : "");
		if (!invite_make(r, &inv, path, sizeof path, &e))
			errs_add(&e, T(r, "招待", "Invitation"), "%s", T(r, "作れませんでした", "could not be made"));
	}
	if (e.n) {
		r->status = 400;
		members_page(r, &e, NULL, NULL);
		errs_free(&e);
		return;
	}
	web_audit(r, r->company_id, 0, "invite.create", inv.note,
		  json_pack("{s:s, s:s?}", "role", member_role_id(inv.role), "person", inv.person_key[0] ? inv.person_key : NULL));
	const char *what = arena_printf(&r->arena, "%s %s（%s）", T(r, "招待のリンクを作りました:", "Invitation link made for"), inv.note,
					role_label(r, inv.role));
	const char *url = link_url(r, path), *mailed = link_mail(r, email, url, false, inv.note);
	if (mailed)
		what = arena_printf(&r->arena, "%s — %s", what, mailed);
	members_page(r, &e, url, what);
}

/* Whether taking the owner role from account would leave no owner. */
static bool last_owner(req_t *r, const member_row *m, errs_t *e)
{
	return m->role == ROLE_OWNER && store_owner_count(r->store, r->company_id, e) <= 1;
}

void h_member_role_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	member_row *rows = NULL;
	size_t n = 0;
	if (!store_members(r->store, r->company_id, &rows, &n, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	const member_row *m = find_member(r, rows, n);
	member_role_t role;
	if (m) {
		if (!member_role_parse(form(r, "role"), &role) || role == ROLE_ADVISER)
			errs_add(&e, T(r, "役割", "Role"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
		else if (role != ROLE_OWNER && last_owner(r, m, &e))
			errs_add(&e, T(r, "役割", "Role"), "%s",
				 T(r, "会社には経営者が少なくとも一人必要です。先にほかの人を経営者にしてください",
				   "the company needs at least one owner; make someone else owner first"));
		if (!e.n && role != m->role) {
			if (store_member_set(r->store, r->company_id, m->account_id, role, m->person_key, &e))
				web_audit(r, r->company_id, 0, "member.role", m->login,
					  json_pack("{s:[{s:s, s:s, s:s}]}", "changes", "field", "role", "before", member_role_id(m->role),
						    "after", member_role_id(role)));
		}
		if (e.n) {
			r->status = 400;
			members_page(r, &e, NULL, NULL);
		} else {
			redirect(r, "/c/%lld/members?saved=1", (long long)r->company_id);
		}
	}
	free(rows);
	errs_free(&e);
}

void h_member_remove_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	member_row *rows = NULL;
	size_t n = 0;
	if (!store_members(r->store, r->company_id, &rows, &n, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	const member_row *m = find_member(r, rows, n);
	if (m && last_owner(r, m, &e)) {
		errs_add(&e, m->name, "%s", T(r, "ただ一人の経営者は外せません。先にほかの人を経営者にしてください",
					       "the only owner cannot be removed; make someone else owner first"));
		r->status = 400;
		members_page(r, &e, NULL, NULL);
	} else if (m) {
		char *back = arena_printf(&r->arena, "/c/%lld/members", (long long)r->company_id);
		char *q_ja = arena_printf(&r->arena, "%s（%s）をこの会社のメンバーから外します。この人はこの会社のページを開けなくなります。", m->name, m->login);
		char *q_en = arena_printf(&r->arena, "Remove %s (%s) from this company? They will no longer be able to open its pages.", m->name, m->login);
		if (confirmed(r, q_ja, q_en, "外す", "Remove", back)) {
			if (store_member_remove(r->store, r->company_id, m->account_id, &e)) {
				web_audit(r, r->company_id, 0, "member.remove", m->login, json_pack("{s:s}", "role", member_role_id(m->role)));
				if (m->account_id == r->account)
					redirect(r, "/");
				else
					redirect(r, "/c/%lld/members?saved=1", (long long)r->company_id);
			} else {
				web_fail_errs(r, 500, &e);
			}
		}
	}
	free(rows);
	errs_free(&e);
}

void h_member_reset_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	member_row *rows = NULL;
	size_t n = 0;
	if (!store_members(r->store, r->company_id, &rows, &n, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	const member_row *m = find_member(r, rows, n);
	if (m && !may_reset(r, m)) {
		errs_add(&e, m->name, "%s",
			 T(r, "この人はほかの会社や支援機関でもこのアカウントを使っています。パスワードの再設定は、このサーバーの管理者に頼んでください",
			   "this account is also used for other companies or bodies; ask the install's administrator to reset its password"));
		r->status = 400;
		members_page(r, &e, NULL, NULL);
	} else if (m) {
		invite_t inv;
		memset(&inv, 0, sizeof inv);
		inv.kind = INV_RESET;
		inv.account_id = m->account_id;
		char path[80];
		if (invite_make(r, &inv, path, sizeof path, &e)) {
			web_audit(r, r->company_id, 0, "password.reset_link", m->login, NULL);
			const char *what = arena_printf(&r->arena, "%s %s", T(r, "パスワード再設定のリンク（24時間有効）:", "Password reset link (valid for 24 hours) for"), m->name);
			const char *url = link_url(r, path), *mailed = link_mail(r, m->login, url, true, m->name);
			if (mailed)
				what = arena_printf(&r->arena, "%s — %s", what, mailed);
			members_page(r, &e, url, what);
		} else {
			web_fail_errs(r, 500, &e);
		}
	}
	free(rows);
	errs_free(&e);
}

void h_member_invite_revoke_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *v = param(r, "invite");
	bool found = false;
	if (!store_invite_revoke(r->store, strtoll(v, NULL, 10), r->company_id, 0, &found, &e)) {
		web_fail_errs(r, 500, &e);
	} else if (!found) {
		fail_page(r, 404, "この招待は見つからないか、もう使われています。", "No such pending invitation.");
	} else {
		web_audit(r, r->company_id, 0, "invite.revoke", v, NULL);
		redirect(r, "/c/%lld/members?saved=1", (long long)r->company_id);
	}
	errs_free(&e);
}

void h_company_body_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *v = form(r, "body");
	char *end;
	long long bid = v ? strtoll(v, &end, 10) : 0;
	body_row b;
	if (!v || *end || bid <= 0 || !store_body_get(r->store, bid, &b, &e)) {
		if (!e.n)
			errs_add(&e, T(r, "支援機関", "Support body"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
		r->status = 400;
		members_page(r, &e, NULL, NULL);
	} else if (store_body_company_add(r->store, bid, r->company_id, &e)) {
		web_audit(r, r->company_id, bid, "body.add", b.name, NULL);
		redirect(r, "/c/%lld/members?saved=1", (long long)r->company_id);
	} else {
		web_fail_errs(r, 500, &e);
	}
	errs_free(&e);
}

void h_company_body_end_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *v = param(r, "body");
	long long bid = strtoll(v, NULL, 10);
	body_row b;
	if (bid <= 0 || !store_body_get(r->store, bid, &b, &e)) {
		if (e.n)
			web_fail_errs(r, 500, &e);
		else
			fail_page(r, 404, "この支援機関は見つかりません。", "No such support body.");
		errs_free(&e);
		return;
	}
	char *back = arena_printf(&r->arena, "/c/%lld/members", (long long)r->company_id);
	char *q_ja = arena_printf(&r->arena, "%s による支援を終えます。その支援者はこの会社のページを開けなくなります（これまでの助言は残ります）。", b.name);
	char *q_en = arena_printf(&r->arena, "End the support of %s? Its advisers will no longer be able to open this company's pages (their advice so far stays).", b.name);
	if (confirmed(r, q_ja, q_en, "支援を終える", "End the support", back)) {
		bool found = false;
		if (!store_body_company_remove(r->store, bid, r->company_id, &found, &e))
			web_fail_errs(r, 500, &e);
		else if (!found)
			fail_page(r, 404, "この支援機関はこの会社を支援していません。", "This body does not look after this company.");
		else {
			web_audit(r, r->company_id, bid, "body.end", b.name, NULL);
			redirect(r, "/c/%lld/members?saved=1", (long long)r->company_id);
		}
	}
	errs_free(&e);
}
