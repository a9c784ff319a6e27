/* pages_body.c — a support body (支援機関) for its advisers: the portfolio
 * of the companies it looks after (STEP, score, overdue, last change, with
 * filters and CSV/XLSX), offering support to a company's owner, and the
 * owner invitation for a client company the body created. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "view/tables.h"
#include "view/xlsx.h"
#include "web/pages.h"

static const char *industry_name(const req_t *r, const char *id)
{
	for (size_t k = 0; k < r->cat->n_industries; k++)
		if (str_eq(r->cat->industries[k].id, id))
			return TX(r, r->cat->industries[k].name);
	return id;
}

static const char *step_text(req_t *r, int step)
{
	return step ? arena_printf(&r->arena, "STEP%d", step) : T(r, "STEP1 の手前", "before STEP1");
}

#define PAGE 50

static void body_page(req_t *r, const body_row *b, const errs_t *e, const char *new_link, const char *what)
{
	summary_row *rows = NULL;
	size_t n = 0, total = 0;
	summary_counts_t cnt;
	errs_t ce = ERRS_INIT;
	if (!summary_counts(r->store, r->cat, b->id, 0, r->today, &cnt, &ce)) {
		web_fail_errs(r, 500, &ce);
		errs_free(&ce);
		return;
	}
	if (!portfolio_load(r, b->id, 0, PAGE, &rows, &n, &total))
		return;
	long long bid = (long long)b->id;
	page_begin(r, b->name, NAV_NONE);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", b->name,
	   T(r, "この支援機関が支援している会社の一覧です。会社の経営者が同意した会社だけが出ます。",
	     "The companies this support body looks after. Only companies whose owner agreed appear here."));
	show_errors(r, e);
	if (new_link)
		hp(r, "<div class=\"notice\" role=\"status\"><p>%s</p><p><code class=\"copy\">%s</code></p><p class=\"small\">%s</p></div>", what,
		   new_link, T(r, "このリンクはこの画面でしか表示されません。7日間、一度だけ使えます。", "This link is shown only now. It works once, for 7 days."));
	hp(r, "<section class=\"card\"><h2>%s</h2><ul class=\"figures\"><li><strong>%d</strong> %s</li>", T(r, "まとめ", "Summary"), cnt.total,
	   TN(r, cnt.total, "社", "company", "companies"));
	for (int k = 0; k <= 4; k++)
		hp(r, "<li><strong>%d</strong> %s</li>", cnt.steps[k], step_text(r, k));
	hp(r, "<li><strong>%d</strong> %s</li><li><strong>%d</strong> %s</li></ul></section>", cnt.with_overdue,
	   T(r, "社に期限切れのタスク", "with overdue tasks"), cnt.stale, T(r, "社が90日以上動きなし", "with no change for 90 days"));

	hp(r, "<section class=\"card\"><h2>%s</h2><form method=\"get\" action=\"/b/%lld\" class=\"filters\">", T(r, "会社", "Companies"), bid);
	hp(r, "<label for=\"industry\">%s</label><select id=\"industry\" name=\"industry\"><option value=\"\">%s</option>",
	   T(r, "業種", "Industry"), T(r, "すべて", "All"));
	for (size_t k = 0; k < r->cat->n_industries; k++)
		hp(r, "<option value=\"%s\"%s>%s</option>", r->cat->industries[k].id,
		   str_eq(qarg(r, "industry"), r->cat->industries[k].id) ? " selected" : "", TX(r, r->cat->industries[k].name));
	hp(r, "</select><label for=\"step\">%s</label><select id=\"step\" name=\"step\"><option value=\"\">%s</option>",
	   T(r, "いまの段階", "Current STEP"), T(r, "すべて", "All"));
	for (int k = 0; k <= 4; k++)
		hp(r, "<option value=\"%d\"%s>%s</option>", k, qarg(r, "step") && *qarg(r, "step") && atoi(qarg(r, "step")) == k ? " selected" : "",
		   step_text(r, k));
	hp(r, "</select><label class=\"check\"><input type=\"checkbox\" name=\"stale\" value=\"1\"%s> %s</label>"
	      "<button type=\"submit\" class=\"secondary\">%s</button></form>",
	   qarg(r, "stale") ? " checked" : "", T(r, "90日以上動きなし", "No change for 90 days"), T(r, "絞り込む", "Filter"));
	hp(r, "<p class=\"small muted\">%s %zu</p>", T(r, "該当する会社:", "Matching companies:"), total);
	hp(r, "<table id=\"portfolio\" class=\"cards\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>",
	   T(r, "会社", "Company"), T(r, "業種", "Industry"), T(r, "いまの段階", "Current STEP"), T(r, "取り組む段階", "Working on"),
	   T(r, "自社診断の点数", "Self-check score"), T(r, "期限切れ", "Overdue"), T(r, "最後の変更", "Last change"));
	for (size_t i = 0; i < n; i++) {
		const summary_row *x = &rows[i];
		hp(r, "<tr><td data-label=\"%s\"><a href=\"/c/%lld\">%s</a>", T(r, "会社", "Company"), (long long)x->id, x->name);
		if (!x->has_owner) {
			hp(r, " <form method=\"post\" action=\"/b/%lld/owner-invite\" class=\"inline\">", bid);
			csrf_field(r);
			hp(r, "<input type=\"hidden\" name=\"company\" value=\"%lld\"><button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form>",
			   (long long)x->id, T(r, "経営者を招待", "Invite the owner"), x->name);
		}
		hp(r, "</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\">STEP%d</td>",
		   T(r, "業種", "Industry"), industry_name(r, x->industry), T(r, "いまの段階", "Current STEP"), step_text(r, x->current_step),
		   T(r, "取り組む段階", "Working on"), x->working_step);
		if (x->score >= 0)
			hp(r, "<td data-label=\"%s\">%d</td>", T(r, "自社診断の点数", "Self-check score"), x->score);
		else
			hp(r, "<td data-label=\"%s\" class=\"muted\">%s</td>", T(r, "自社診断の点数", "Self-check score"), T(r, "未完了", "not complete"));
		hp(r, "<td data-label=\"%s\">%s%d</td><td data-label=\"%s\">%s%s</td></tr>", T(r, "期限切れ", "Overdue"),
		   x->overdue ? "⚠ " : "", x->overdue, T(r, "最後の変更", "Last change"), arena_strndup(&r->arena, x->updated_at, 10),
		   x->stale ? T(r, "（90日以上前）", " (over 90 days ago)") : "");
	}
	if (!n)
		hp(r, "<tr><td colspan=\"7\" class=\"muted\">%s</td></tr>", T(r, "該当する会社はありません。", "No companies match."));
	HL(r, "</tbody></table>");
	/* the filters carried to the next page and to the downloads */
	const char *q = arena_printf(&r->arena, "industry=%s&step=%s%s", url_arg(r, qarg(r, "industry") ? qarg(r, "industry") : ""),
				     url_arg(r, qarg(r, "step") ? qarg(r, "step") : ""), qarg(r, "stale") ? "&stale=1" : "");
	if (n == PAGE && total > n)
		hp(r, "<p><a class=\"button secondary\" href=\"/b/%lld?%s&after=%lld\">%s</a></p>", bid, q, (long long)rows[n - 1].id,
		   T(r, "次の50社", "Next 50 companies"));
	hp(r, "<p>%s <a href=\"/b/%lld/export/portfolio.csv?%s\">CSV</a> · <a href=\"/b/%lld/export/portfolio.xlsx?%s\">Excel (XLSX)</a></p></section>",
	   T(r, "一覧を書き出す（絞り込みのとおり、全ページ）:", "Download the list (as filtered, every page):"), bid, q, bid, q);
	free(rows);

	hp(r, "<section class=\"card\"><h2>%s</h2><p>%s</p><p><a class=\"button\" href=\"/c/new?body=%lld\">%s</a></p>",
	   T(r, "会社を加える", "Add a company"),
	   T(r, "すでに secstep を使っている会社には、支援の申し出のリンクを送ります。まだ使っていない会社は、ここで登録して経営者を招待できます。",
	     "Send a company that already uses secstep a link offering support. A company that does not use it yet can be added here, and its owner invited."),
	   (long long)b->id, T(r, "顧問先の会社を登録する", "Add a client company"));
	hp(r, "<form method=\"post\" action=\"/b/%lld/invite\" class=\"stack\">", bid);
	csrf_field(r);
	hp(r, "<label for=\"note\">%s<span class=\"hint\">%s</span></label><input id=\"note\" name=\"note\" type=\"text\" maxlength=\"100\" required>"
	      "<p><button type=\"submit\">%s</button></p></form>",
	   T(r, "申し出る相手（会社名など）", "For whom (company name, say)"), T(r, "経営者がこのリンクを開いて同意すると、一覧に加わります", "when the owner opens the link and agrees, the company joins the list"),
	   T(r, "支援の申し出のリンクを作る", "Make a support offer link"));
	errs_t le = ERRS_INIT;
	invite_t *inv = NULL;
	size_t ni = 0;
	store_invite_pending(r->store, 0, b->id, (int64_t)time(NULL), &inv, &ni, &le);
	if (ni) {
		hp(r, "<h3>%s</h3><ul class=\"plain\">", T(r, "まだ受けられていないリンク", "Links not yet accepted"));
		for (size_t i = 0; i < ni; i++) {
			hp(r, "<li>%s <span class=\"small muted\">%s</span> <form method=\"post\" action=\"/b/%lld/invitations/%lld/revoke\" class=\"inline\">",
			   inv[i].note[0] ? inv[i].note : inv[i].company_name,
			   inv[i].kind == INV_MEMBER ? T(r, "経営者の招待", "owner invitation") : T(r, "支援の申し出", "support offer"), bid,
			   (long long)inv[i].id);
			csrf_field(r);
			hp(r, "<button type=\"submit\" class=\"small secondary\">%s<span class=\"sr-only\"> %s</span></button></form></li>",
			   T(r, "取り消す", "Revoke"), inv[i].note);
		}
		HL(r, "</ul>");
	}
	free(inv);
	errs_free(&le);
	HL(r, "</section>");
	page_end(r);
}

static bool load_body(req_t *r, body_row *b)
{
	errs_t e = ERRS_INIT;
	bool ok = store_body_get(r->store, r->body_id, b, &e);
	if (!ok)
		web_fail_errs(r, 500, &e);
	errs_free(&e);
	return ok;
}

void h_body(req_t *r)
{
	body_row b;
	errs_t e = ERRS_INIT;
	if (load_body(r, &b))
		body_page(r, &b, &e, NULL, NULL);
}

/* The portfolio as a table (CSV and XLSX): every company the filters keep. */
static bool portfolio_table(req_t *r, table_t *t, summary_row **keep)
{
	summary_row *rows;
	size_t n, total;
	/* every page, but not "after" */
	for (int i = 0; i < r->n_query; i++)
		if (!strcmp(r->query_k[i], "after"))
			r->query_v[i] = "0";
	if (!portfolio_load(r, r->body_id, 0, 0, &rows, &n, &total))
		return false;
	*keep = rows;
	static const char *const head_ja[] = {"ID", "会社", "業種", "従業員数", "いまの段階", "取り組む段階", "自社診断の点数", "期限切れのタスク", "最後の変更", "90日以上動きなし"};
	static const char *const head_en[] = {"ID", "Company", "Industry", "Employees", "Current STEP", "Working STEP", "Self-check score", "Overdue tasks", "Last change", "No change for 90 days"};
	memset(t, 0, sizeof *t);
	t->name = "portfolio";
	t->n_cols = ARRAY_LEN(head_ja);
	t->head = r->lang == LANG_EN ? (const char **)(uintptr_t)head_en : (const char **)(uintptr_t)head_ja;
	t->rows = arena_alloc(&r->arena, (n + 1) * sizeof *t->rows);
	for (size_t i = 0; i < n; i++) {
		const char **row = arena_alloc(&r->arena, t->n_cols * sizeof *row);
		row[0] = arena_printf(&r->arena, "%lld", (long long)rows[i].id);
		row[1] = rows[i].name;
		row[2] = industry_name(r, rows[i].industry);
		row[3] = arena_printf(&r->arena, "%d", rows[i].employees);
		row[4] = arena_printf(&r->arena, "%d", rows[i].current_step);
		row[5] = arena_printf(&r->arena, "%d", rows[i].working_step);
		row[6] = rows[i].score >= 0 ? arena_printf(&r->arena, "%d", rows[i].score) : "";
		row[7] = arena_printf(&r->arena, "%d", rows[i].overdue);
		row[8] = arena_strndup(&r->arena, rows[i].updated_at, 10);
		row[9] = rows[i].stale ? T(r, "はい", "yes") : "";
		t->rows[t->n_rows++] = row;
	}
	return true;
}

/* Writes the workbook in a private folder (libxlsxwriter writes files by
 * name) and reads it back into the response. */
static bool xlsx_into(req_t *r, const table_t *t)
{
	char dir[] = "/tmp/secstep-XXXXXX";
	if (!mkdtemp(dir))
		return false;
	char *path = arena_printf(&r->arena, "%s/portfolio.xlsx", dir);
	char err[256];
	xlsx_meta meta = {T(r, "顧問先の一覧", "Client portfolio"), T(r, "secstep の書き出し", "secstep export"), r->today, r->lang};
	bool ok = xlsx_write(t, 1, &meta, path, err, sizeof err);
	FILE *in = ok ? fopen(path, "rb") : NULL;
	if (in) {
		char chunk[65536];
		size_t got;
		while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
			buf_add(&r->out, chunk, got);
		ok = !ferror(in);
		fclose(in);
	} else {
		ok = false;
	}
	unlink(path);
	rmdir(dir);
	return ok;
}

void h_body_export(req_t *r)
{
	const char *f = param(r, "file");
	if (!str_eq(f, "portfolio.csv") && !str_eq(f, "portfolio.xlsx")) {
		fail_page(r, 404, "そのファイルはありません。", "No such file.");
		return;
	}
	table_t t;
	summary_row *keep = NULL;
	if (!portfolio_table(r, &t, &keep))
		return;
	if (str_eq(f, "portfolio.csv")) {
		csv_write(&t, &r->out);
		r->ctype = "text/csv; charset=utf-8";
	} else {
		if (!xlsx_into(r, &t)) {
			buf_reset(&r->out);
			fail_page(r, 500, "書き出せませんでした。", "Could not write the file.");
			free(keep);
			return;
		}
		r->ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	}
	r->disposition = arena_printf(&r->arena, "attachment; filename=\"secstep-body-%lld-%s\"", (long long)r->body_id, f);
	free(keep);
}

static void show_new_link(req_t *r, const body_row *b, const char *path, const char *what, const errs_t *e)
{
	body_page(r, b, e, link_url(r, path), what);
}

void h_body_invite_post(req_t *r)
{
	body_row b;
	if (!load_body(r, &b))
		return;
	errs_t e = ERRS_INIT;
	const char *note = form(r, "note");
	invite_t inv;
	memset(&inv, 0, sizeof inv);
	inv.kind = INV_CLIENT;
	inv.body_id = b.id;
	char path[80];
	if (!note || !*note || !valid_short_text(note, ACCOUNT_TEXT_MAX))
		errs_add(&e, T(r, "申し出る相手", "For whom"), "%s", T(r, "1〜100文字で入力してください", "enter 1-100 characters"));
	else {
		snprintf(inv.note, sizeof inv.note, "%s", note);
		invite_make(r, &inv, path, sizeof path, &e);
	}
	if (e.n) {
		r->status = 400;
		body_page(r, &b, &e, NULL, NULL);
	} else {
		web_audit(r, 0, b.id, "invite.create", note, json_pack("{s:s}", "kind", "client"));
		show_new_link(r, &b, path, arena_printf(&r->arena, "%s %s", T(r, "支援の申し出のリンク:", "Support offer link for"), note), &e);
	}
	errs_free(&e);
}

void h_body_owner_invite_post(req_t *r)
{
	body_row b;
	if (!load_body(r, &b))
		return;
	errs_t e = ERRS_INIT;
	const char *c = form(r, "company");
	char *end;
	long long cid = c ? strtoll(c, &end, 10) : 0;
	body_company_row *cs = NULL;
	size_t nc = 0;
	const body_company_row *co = NULL;
	if (!c || *end || cid <= 0) {
		errs_add(&e, T(r, "会社", "Company"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
		r->status = 400;
		body_page(r, &b, &e, NULL, NULL);
		errs_free(&e);
		return;
	}
	if (store_body_companies(r->store, b.id, &cs, &nc, &e))
		for (size_t i = 0; i < nc; i++)
			if (cs[i].id == cid)
				co = &cs[i];
	if (!co) {
		free(cs);
		if (e.n)
			web_fail_errs(r, 500, &e);
		else
			fail_page(r, 404, "この会社は見つからないか、この支援機関の支援先ではありません。",
				  "This company does not exist or this body does not look after it.");
		errs_free(&e);
		return;
	}
	if (store_owner_count(r->store, cid, &e) != 0) {
		errs_add(&e, co->name, "%s", T(r, "この会社にはもう経営者がいます", "already has an owner"));
		r->status = 400;
		body_page(r, &b, &e, NULL, NULL);
		free(cs);
		errs_free(&e);
		return;
	}
	invite_t inv;
	memset(&inv, 0, sizeof inv);
	inv.kind = INV_MEMBER;
	inv.role = ROLE_OWNER;
	inv.company_id = cid;
	inv.body_id = b.id;
	snprintf(inv.note, sizeof inv.note, "%.100s", co->name);
	utf8_trim_partial(inv.note);
	char path[80];
	if (invite_make(r, &inv, path, sizeof path, &e)) {
		web_audit(r, cid, b.id, "invite.create", co->name, json_pack("{s:s}", "role", "owner"));
		show_new_link(r, &b, path, arena_printf(&r->arena, "%s %s", T(r, "経営者の招待リンク:", "Owner invitation link for"), co->name), &e);
	} else {
		web_fail_errs(r, 500, &e);
	}
	free(cs);
	errs_free(&e);
}

void h_body_invite_revoke_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	bool found = false;
	const char *v = param(r, "invite");
	if (!store_invite_revoke(r->store, strtoll(v, NULL, 10), 0, r->body_id, &found, &e))
		web_fail_errs(r, 500, &e);
	else if (!found)
		fail_page(r, 404, "このリンクは見つからないか、もう使われています。", "No such pending link.");
	else {
		web_audit(r, 0, r->body_id, "invite.revoke", v, NULL);
		redirect(r, "/b/%lld", (long long)r->body_id);
	}
	errs_free(&e);
}
