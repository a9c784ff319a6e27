/* pages_help.c — outside help: the consultation log and a printable
 * consultation brief made from the company's own data. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"

/* The fields of a log entry: posted values, else the entry's (c), else
 * today and empty. */
static void log_fields(req_t *r, const consult_row *c)
{
#define CUR(k, member) (form(r, k) ? form(r, k) : c ? c->member : "")
	hp(r, "<label for=\"date\">%s</label><input id=\"date\" name=\"date\" type=\"date\" value=\"%s\" class=\"short\">", T(r, "日付", "Date"),
	   form(r, "date") ? form(r, "date") : c ? c->date : date_str(r, r->today));
	hp(r, "<label for=\"partner\">%s</label><input id=\"partner\" name=\"partner\" type=\"text\" maxlength=\"200\" required value=\"%s\">",
	   T(r, "相談先（例: ○○システム、商工会議所）", "With whom (e.g. our IT vendor, the chamber)"), CUR("partner", partner));
	hp(r, "<label for=\"topic\">%s</label><input id=\"topic\" name=\"topic\" type=\"text\" maxlength=\"300\" required value=\"%s\">", T(r, "内容", "Topic"),
	   CUR("topic", topic));
	hp(r, "<label for=\"notes\">%s</label><textarea id=\"notes\" name=\"notes\" maxlength=\"4000\">%s</textarea>", T(r, "メモ・助言", "Notes and advice"),
	   CUR("notes", notes));
#undef CUR
}

/* Checks a posted log entry; problems to e. */
static void check_log(req_t *r, errs_t *e)
{
	const char *date = form(r, "date"), *partner = form(r, "partner"), *topic = form(r, "topic"), *notes = form(r, "notes");
	date_t d;
	if (!date || !date_parse(date, &d))
		errs_add(e, T(r, "日付", "Date"), "%s", T(r, "日付が正しくありません（YYYY-MM-DD）", "not a valid date (YYYY-MM-DD)"));
	if (!partner || !*partner || !valid_short_text(partner, 200))
		errs_add(e, T(r, "相談先", "With whom"), "%s", T(r, "1〜200文字で入力してください", "enter 1-200 characters"));
	if (!topic || !*topic || !valid_short_text(topic, 300))
		errs_add(e, T(r, "内容", "Topic"), "%s", T(r, "1〜300文字で入力してください", "enter 1-300 characters"));
	if (notes && !valid_long_text(notes, DOC_MAX_NOTE))
		errs_add(e, T(r, "メモ", "Notes"), "%s", T(r, "4000文字以内にしてください", "at most 4000 characters"));
}

static void help_page(req_t *r, const errs_t *e)
{
	long long id = (long long)r->company_id;
	errs_t le = ERRS_INIT;
	consult_row *rows = NULL;
	size_t n = 0;
	if (!store_consult_list(r->store, r->company_id, &r->arena, &rows, &n, &le)) {
		free(rows);
		fail_db(r, &le);
		errs_free(&le);
		return;
	}
	page_begin(r, T(r, "外部の力", "Outside help"), NAV_HELP);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "外部の力を借りる", "Getting outside help"),
	   T(r, "社内だけで難しいことは、付き合いのあるITベンダー、商工会・商工会議所、IPA の相談窓口に相談しましょう。",
	     "What you cannot do alone, take to your IT vendor, the chamber of commerce, or IPA's consultation desk."));
	if (qarg(r, "saved"))
		flash(r, "記録しました。", "Recorded.");
	hp(r, "<p><a class=\"button\" href=\"/c/%lld/help/brief\">%s</a></p>", id, T(r, "相談用の1枚メモを作る（印刷できます）", "Make a one-page consultation brief (printable)"));
	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "相談の記録", "Consultation log"));
	if (!n)
		hp(r, "<p class=\"muted\">%s</p>", T(r, "まだ記録がありません。", "Nothing recorded yet."));
	else {
		const char *l_date = T(r, "日付", "Date"), *l_with = T(r, "相談先", "With"), *l_topic = T(r, "内容", "Topic"), *l_by = T(r, "記録した人", "Recorded by");
		hp(r, "<table class=\"cards\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\"><span class=\"sr-only\">%s</span></th></tr></thead><tbody>",
		   l_date, l_with, l_topic, l_by, T(r, "操作", "Actions"));
		for (size_t i = 0; i < n; i++)
			hp(r, "<tr><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td><td data-label=\"%s\"><strong>%s</strong><div class=\"small\">%s</div></td>"
			      "<td data-label=\"%s\">%s</td><td><a class=\"button small secondary\" href=\"/c/%lld/help/log/%lld\">%s<span class=\"sr-only\">: %s %s</span></a></td></tr>",
			   l_date, rows[i].date, l_with, rows[i].partner, l_topic, rows[i].topic, rows[i].notes, l_by, rows[i].author, id,
			   (long long)rows[i].id, T(r, "変更", "Edit"), rows[i].date, rows[i].topic);
		HL(r, "</tbody></table>");
	}
	hp(r, "<h3>%s</h3>", T(r, "記録を追加", "Add to the log"));
	show_errors(r, e);
	hp(r, "<form method=\"post\" action=\"/c/%lld/help\" class=\"stack\">", id);
	csrf_field(r);
	log_fields(r, NULL);
	hp(r, "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "記録する", "Record"));
	page_end(r);
	free(rows);
	errs_free(&le);
}

void h_help(req_t *r)
{
	errs_t e = ERRS_INIT;
	help_page(r, &e);
}

void h_help_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	check_log(r, &e);
	const char *date = form(r, "date"), *partner = form(r, "partner"), *topic = form(r, "topic");
	if (!e.n && !store_consult_add(r->store, r->company_id, date, partner, topic, form(r, "notes"), r->account_name, false, &e)) {
		fail_db(r, &e);
		errs_free(&e);
		return;
	}
	if (e.n) {
		r->status = 400;
		help_page(r, &e);
	} else {
		web_audit(r, r->company_id, 0, "consultation.add", topic, json_pack("{s:s, s:s}", "date", date, "partner", partner));
		redirect(r, "/c/%lld/help?saved=1", (long long)r->company_id);
	}
	errs_free(&e);
}

/* The log entry in the path, copied into *out; false (a 404 page) when the
 * company has no such entry. */
static bool path_entry(req_t *r, consult_row *out)
{
	errs_t e = ERRS_INIT;
	consult_row *rows = NULL;
	size_t n = 0;
	bool found = false;
	const char *want = param(r, "entry");
	if (!store_consult_list(r->store, r->company_id, &r->arena, &rows, &n, &e)) {
		free(rows);
		fail_db(r, &e);
		errs_free(&e);
		return false;
	}
	for (size_t i = 0; i < n && want; i++) {
		char idtext[24];
		snprintf(idtext, sizeof idtext, "%lld", (long long)rows[i].id);
		if (!strcmp(idtext, want)) {
			*out = rows[i];
			found = true;
		}
	}
	free(rows);
	errs_free(&e);
	if (!found)
		fail_page(r, 404, "その相談の記録はありません。", "No such log entry.");
	return found;
}

static void entry_page(req_t *r, const consult_row *c, const errs_t *e)
{
	long long id = (long long)r->company_id;
	page_begin(r, T(r, "相談の記録を変更", "Edit a log entry"), NAV_HELP);
	hp(r, "<p><a href=\"/c/%lld/help\">← %s</a></p><h1>%s</h1><section class=\"card\">", id, T(r, "外部の力", "Outside help"),
	   T(r, "相談の記録を変更", "Edit a log entry"));
	show_errors(r, e);
	hp(r, "<form method=\"post\" action=\"/c/%lld/help/log/%lld\" class=\"stack\">", id, (long long)c->id);
	csrf_field(r);
	log_fields(r, c);
	hp(r, "<p class=\"actions\"><button type=\"submit\">%s</button><a href=\"/c/%lld/help\">%s</a></p></form></section>",
	   T(r, "変更を保存する", "Save changes"), id, T(r, "保存せずに戻る", "Back without saving"));
	page_end(r);
}

void h_help_entry(req_t *r)
{
	consult_row *c = arena_alloc(&r->arena, sizeof *c);
	if (!path_entry(r, c))
		return;
	errs_t e = ERRS_INIT;
	entry_page(r, c, &e);
}

void h_help_entry_post(req_t *r)
{
	consult_row *c = arena_alloc(&r->arena, sizeof *c);
	if (!path_entry(r, c))
		return;
	errs_t e = ERRS_INIT;
	bool found = false;
	check_log(r, &e);
	if (!e.n && !store_consult_update(r->store, r->company_id, c->id, form(r, "date"), form(r, "partner"), form(r, "topic"),
					  form(r, "notes"), &found, &e)) {
		fail_db(r, &e);
		errs_free(&e);
		return;
	}
	if (!e.n && !found) {
		fail_page(r, 404, "その相談の記録はありません。", "No such log entry.");
		return;
	}
	if (e.n) {
		r->status = 400;
		entry_page(r, c, &e);
		r->status = 400;
	} else {
		web_audit(r, r->company_id, 0, "consultation.edit", form(r, "topic"),
			  json_pack("{s:s, s:s, s:s, s:s}", "date", c->date, "partner", c->partner, "new_date", form(r, "date"), "new_partner",
				    form(r, "partner")));
		redirect(r, "/c/%lld/help?saved=1", (long long)r->company_id);
	}
	errs_free(&e);
}

void h_brief(req_t *r)
{
	status_t st;
	status_compute(r->cat, r->co, company_latest(r->co), &st);
	const cat_tag *ind = cat_tag_find(r->cat->industries, r->cat->n_industries, r->co->industry);
	page_begin(r, T(r, "相談用メモ", "Consultation brief"), NAV_HELP);
	hp(r, "<section class=\"card\"><h1>%s — %s</h1>", T(r, "相談用メモ", "Consultation brief"), r->co->name);
	hp(r, "<dl class=\"facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%d%s</dd><dt>%s</dt><dd>", T(r, "業種", "Industry"),
	   ind ? TX(r, ind->name) : r->co->industry, T(r, "従業員数", "Employees"), r->co->employees, T(r, "人", ""), T(r, "ITの使い方", "IT uses"));
	for (size_t i = 0; i < r->co->n_it_uses; i++) {
		const cat_tag *u = cat_tag_find(r->cat->it_uses, r->cat->n_it_uses, r->co->it_uses[i]);
		hp(r, "%s%s", i ? T(r, "、", ", ") : "", u ? TX(r, u->name) : r->co->it_uses[i]);
	}
	hp(r, "</dd><dt>%s</dt><dd>", T(r, "いまの段階", "Current STEP"));
	if (st.current_step)
		hp(r, "STEP%d ", st.current_step);
	else
		hp(r, "%s ", T(r, "STEP1 の手前", "before STEP1"));
	hp(r, "(%s STEP%d)</dd><dt>%s</dt><dd>%d / %d</dd></dl>", T(r, "取り組み中", "working on"), st.working_step,
	   T(r, "セキュリティ担当者", "Security officers"), st.staffing.has[ST_OFFICER], st.staffing.needs[ST_OFFICER]);
	hp(r, "<h2>%s</h2><ul>", T(r, "できていること", "In place"));
	for (int i = 0; i < CAT_CHECKPOINTS; i++)
		if (st.met[i])
			hp(r, "<li>%s</li>", TX(r, r->cat->checkpoints[i].title));
	hp(r, "</ul><h2>%s</h2><ul>", T(r, "まだできていないこと・わからないこと", "Not yet done, or not known"));
	for (size_t i = 0; i < st.n_unmet && i < 8; i++)
		hp(r, "<li>%s — %s</li>", TX(r, r->cat->checkpoints[st.unmet[i]].title), answer_name(r, st.cp[st.unmet[i]]));
	hp(r, "</ul><h2>%s</h2><p>%s</p>", T(r, "気になっていること", "Concerns"), r->co->notes ? r->co->notes : T(r, "（会社の情報のメモに書くと、ここに出ます）", "(write them in the profile notes to show them here)"));
	hp(r, "<h2>%s</h2><ul><li>%s</li><li>%s</li><li>%s</li></ul>", T(r, "聞きたいこと（例）", "Questions to ask (examples)"),
	   T(r, "データが漏れたり消えたりしないか心配です。まず何をすればよいですか。", "We worry about losing or leaking data. What should we do first?"),
	   T(r, "社員への伝え方・教え方を相談したいです。", "How should we tell and teach our staff?"),
	   T(r, "ニュースで聞くランサムウェアに、うちは備えられていますか。", "Are we ready for the ransomware we hear about in the news?"));
	hp(r, "<p class=\"small muted noprint\">%s</p></section>", T(r, "ブラウザの印刷機能で1枚に印刷できます。", "Print it from the browser on one page."));
	page_end(r);
}
