/* pages_policy.c — the basic policy (STEP2) in the browser: draft from
 * the company's data or edit (each save is a new version), the owner
 * approves, record publication, see who has read it.  Employees read and
 * acknowledge it on their own page. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/policy.h"
#include "exchange/doc.h"
#include "web/pages.h"

/* Whether the text has a "代表者:" (or "Representative:") line with no
 * name after it: such a version cannot be approved. */
static bool representative_missing(const char *body)
{
	static const char *const keys[] = {"代表者:", "代表者：", "Representative:"};
	for (const char *line = body; line && *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		for (size_t k = 0; k < ARRAY_LEN(keys); k++) {
			size_t kl = strlen(keys[k]);
			if (n >= kl && !strncmp(line, keys[k], kl)) {
				bool blank = true;
				for (size_t i = kl; i < n; i++)
					blank &= line[i] == ' ' || line[i] == '\t' || line[i] == '\r';
				if (blank)
					return true;
			}
		}
		line = end ? end + 1 : NULL;
	}
	return false;
}

void h_policy(req_t *r)
{
	long long id = (long long)r->company_id;
	const m_policy *p = company_policy(r->co);
	page_begin(r, T(r, "基本方針", "Basic policy"), NAV_POLICY);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "情報セキュリティ基本方針", "Basic information security policy"),
	   T(r, "STEP2 の最初のチェックポイントです。会社として情報をどう守るかを短く宣言し、社員と取引先に知らせます。承認して公開すると、診断のこの項目は満たされます。",
	     "The first checkpoint of STEP2: a short statement of how the company protects information, shared with staff and customers. Once approved and published, it counts for this checkpoint."));
	if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	if (p) {
		size_t acks = 0;
		for (size_t i = 0; i < r->co->n_acks; i++)
			acks += r->co->acks[i].version == p->version;
		hp(r, "<section class=\"card\"><div class=\"row\"><span class=\"badge\">%s %d</span> ", T(r, "版", "Version"), p->version);
		if (p->approved != DATE_NONE)
			hp(r, "<span class=\"badge good\">%s %s</span> ", T(r, "承認", "Approved"), date_str(r, p->approved));
		else
			hp(r, "<span class=\"badge warn\">%s</span> ", T(r, "未承認", "Not approved"));
		if (r->co->policy_published != DATE_NONE)
			hp(r, "<span class=\"badge good\">%s %s — %s</span>", T(r, "公開", "Published"), date_str(r, r->co->policy_published),
			   r->co->policy_where ? r->co->policy_where : "");
		else
			hp(r, "<span class=\"badge warn\">%s</span>", T(r, "未公開", "Not published"));
		hp(r, "</div><pre class=\"doc\">%s</pre><p class=\"small muted\">%s %zu / %zu</p>", p->body,
		   T(r, "読んだと確認した人:", "Acknowledged by:"), acks, r->co->n_people);
		if (p->approved == DATE_NONE && representative_missing(p->body))
			hp(r, "<p class=\"warnbox\">%s</p>", T(r, "「代表者:」の行に名前がありません。承認の前に、下の本文に代表者の名前を書いて保存してください。",
								 "The “Representative:” line has no name. Before approval, write the representative's name in the text below and save it."));
		else if (r->role == ROLE_OWNER && p->approved == DATE_NONE) {
			hp(r, "<form method=\"post\" action=\"/c/%lld/policy/approve\"><input type=\"hidden\" name=\"version\" value=\"%d\">",
			   id, p->version);
			csrf_field(r);
			hp(r, "<button type=\"submit\">%s</button></form>", T(r, "経営者として承認する", "Approve as owner"));
		}
		if ((r->role == ROLE_OWNER || r->role == ROLE_OFFICER) && p->approved != DATE_NONE) {
			hp(r, "<form method=\"post\" action=\"/c/%lld/policy/publish\" class=\"stack\">", id);
			csrf_field(r);
			hp(r, "<label for=\"where\">%s</label><input id=\"where\" name=\"where\" type=\"text\" maxlength=\"200\" required value=\"%s\">"
			      "<label for=\"pdate\">%s</label><input id=\"pdate\" name=\"date\" type=\"date\" value=\"%s\" class=\"short\">"
			      "<p><button type=\"submit\">%s</button></p></form>",
			   T(r, "公開した場所（例: 自社ウェブサイト、店頭掲示）", "Where it is published (e.g. our web site)"),
			   r->co->policy_where ? r->co->policy_where : "", T(r, "公開日", "Date"), date_str(r, r->today),
			   T(r, "公開したことを記録する", "Record publication"));
		}
		HL(r, "</section>");
	}
	if (r->role == ROLE_OWNER || r->role == ROLE_OFFICER) {
		buf_t draft = BUF_INIT;
		if (p)
			buf_puts(&draft, p->body);
		else
			policy_draft(r->cat, r->co, r->lang, r->today, &draft);
		hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"small muted\">%s</p><form method=\"post\" action=\"/c/%lld/policy\" class=\"stack\">",
		   p ? T(r, "新しい版を作る", "Make a new version") : T(r, "下書き（会社の情報から作りました）", "Draft (made from your company's data)"),
		   T(r, "事業の特徴やお客様の期待に合わせて書き直してください。保存すると新しい版になり、経営者の承認が必要になります。",
		     "Adjust it to your business and your customers' expectations. Saving makes a new version that the owner approves."), id);
		csrf_field(r);
		hp(r, "<label for=\"body\">%s</label><textarea id=\"body\" name=\"body\" rows=\"22\" maxlength=\"20000\" class=\"wide\">%s</textarea>"
		      "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "本文", "Text"), buf_str(&draft), T(r, "保存する", "Save"));
		buf_free(&draft);
	}
	page_end(r);
}

static void policy_error(req_t *r, const char *ja, const char *en)
{
	errs_t e = ERRS_INIT;
	errs_add(&e, T(r, "基本方針", "Policy"), "%s", T(r, ja, en));
	r->status = 400;
	page_begin(r, T(r, "基本方針", "Basic policy"), NAV_POLICY);
	show_errors(r, &e);
	hp(r, "<p><a href=\"/c/%lld/policy\">%s</a></p>", (long long)r->company_id, T(r, "戻る", "Back"));
	page_end(r);
	errs_free(&e);
}

void h_policy_post(req_t *r)
{
	const char *body = form(r, "body");
	if (!body || !*body || !valid_long_text(body, 20000)) {
		policy_error(r, "本文を1〜20000文字で入力してください", "enter the text (1-20000 characters)");
		return;
	}
	m_company *co = r->co;
	m_policy *p = arena_push(&co->arena, (void **)&co->policies, &co->n_policies, &co->cap_policies, sizeof *p);
	*p = (m_policy){(int)co->n_policies, arena_strdup(&co->arena, body), r->today,
			arena_strdup(&co->arena, r->account_name), DATE_NONE, NULL};
	if (save_company(r))
		redirect(r, "/c/%lld/policy?saved=1", (long long)r->company_id);
}

void h_policy_approve_post(req_t *r)
{
	if (!r->co->n_policies) {
		policy_error(r, "承認する版がありません", "there is no version to approve");
		return;
	}
	m_policy *p = &r->co->policies[r->co->n_policies - 1];
	if (representative_missing(p->body)) {
		policy_error(r, "本文の「代表者:」に代表者の名前を書いてから承認してください", "write the representative's name on the “Representative:” line before approving");
		return;
	}
	/* The owner approves the version they read: if someone saved a newer
	 * one meanwhile, nothing is approved and the page shows the new one. */
	const char *v = form(r, "version");
	char *end;
	long n = v ? strtol(v, &end, 10) : 0;
	if (!v || *end || n != p->version) {
		policy_error(r, "読んだ版と最新の版が違います。最新の版を読んでから承認してください",
			     "the version you read is not the latest; read the latest version, then approve it");
		return;
	}
	p->approved = r->today;
	p->approver = arena_strdup(&r->co->arena, r->account_name);
	if (save_company(r))
		redirect(r, "/c/%lld/policy?saved=1", (long long)r->company_id);
}

void h_policy_publish_post(req_t *r)
{
	const m_policy *p = company_policy(r->co);
	const char *where = form(r, "where"), *ds = form(r, "date");
	date_t d = r->today;
	if (!p || p->approved == DATE_NONE) {
		policy_error(r, "公開の前に、経営者が最新の版を承認してください", "the owner must approve the latest version first");
		return;
	}
	if (!where || !*where || !valid_short_text(where, DOC_MAX_NAME)) {
		policy_error(r, "公開した場所を1〜200文字で入力してください", "enter where it is published (1-200 characters)");
		return;
	}
	if (ds && *ds && (!date_parse(ds, &d) || d > r->today)) {
		policy_error(r, "公開日が正しくありません（YYYY-MM-DD）", "the date is not valid (YYYY-MM-DD)");
		return;
	}
	r->co->policy_published = d;
	r->co->policy_where = arena_strdup(&r->co->arena, where);
	if (save_company(r))
		redirect(r, "/c/%lld/policy?saved=1", (long long)r->company_id);
}

void h_me_ack_post(req_t *r)
{
	const m_policy *p = company_policy(r->co);
	const m_person *me = r->person_key[0] ? company_person(r->co, r->person_key) : NULL;
	if (!p || !me || p->approved == DATE_NONE) {
		fail_page(r, 400, "記録できませんでした。", "Could not record it.");
		return;
	}
	company_ack(r->co, me->key, p->version, r->today);
	if (save_company(r))
		redirect(r, "/c/%lld/me?saved=1", (long long)r->company_id);
}
