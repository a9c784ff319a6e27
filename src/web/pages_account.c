/* pages_account.c — the signed-in person's own account: API tokens for
 * scripts (shown once; only a hash is stored; revocable). */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"

static void account_page(req_t *r, const char *new_token, const errs_t *e)
{
	page_begin(r, T(r, "アカウント", "Account"), NAV_NONE);
	hp(r, "<h1>%s</h1><section class=\"card\"><h2>%s</h2><p class=\"small muted\">%s</p>", r->account_name,
	   T(r, "API トークン", "API tokens"),
	   T(r, "スクリプトから API（/api/v1）を使うときの鍵です。「Authorization: Bearer トークン」で送ります。あなたと同じ権限で動くので、人に渡さず、使わなくなったら無効にしてください。",
	     "Keys for scripts using the API (/api/v1), sent as \"Authorization: Bearer TOKEN\". They act with your rights: keep them secret and revoke the ones you no longer use."));
	if (new_token)
		hp(r, "<div class=\"notice\" role=\"status\">%s<br><code>%s</code></div>",
		   T(r, "新しいトークンです（この画面でしか表示されません）:", "Your new token (shown only now):"), new_token);
	show_errors(r, e);
	errs_t le = ERRS_INIT;
	feed_row *rows;
	size_t n;
	store_token_list(r->store, r->account, &rows, &n, &le);
	HL(r, "<ul>");
	for (size_t i = 0; i < n; i++) {
		hp(r, "<li>%s <span class=\"small muted\">%s</span> <form method=\"post\" action=\"/account/tokens/%lld/revoke\" class=\"inline\">",
		   rows[i].label, rows[i].created_at, (long long)rows[i].id);
		csrf_field(r);
		hp(r, "<button type=\"submit\" class=\"small secondary\">%s</button></form></li>", T(r, "無効にする", "Revoke"));
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
	account_page(r, NULL, &e);
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
	account_page(r, e.n ? NULL : tok, &e);
	errs_free(&e);
}

void h_token_revoke_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	if (store_token_revoke(r->store, r->account, strtoll(param(r, "token"), NULL, 10), &e))
		redirect(r, "/account");
	else
		fail_db(r, &e);   /* the token still works: say so */
	errs_free(&e);
}
