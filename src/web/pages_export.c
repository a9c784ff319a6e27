/* pages_export.c — getting data out: the company document (JSON), one
 * XLSX workbook, CSV per register, calendar feeds behind secret links
 * (revocable), and — for the install's administrator — a backup of the
 * whole database. */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "core/registers.h"
#include "exchange/doc.h"
#include "report/report.h"
#include "view/ics.h"
#include "view/tables.h"
#include "view/xlsx.h"
#include "web/pages.h"

static void export_page(req_t *r, const char *new_link)
{
	long long id = (long long)r->company_id;
	page_begin(r, T(r, "書き出し", "Export"), NAV_EXPORT);
	hp(r, "<h1>%s</h1>", T(r, "データの書き出し", "Export your data"));
	hp(r, "<div class=\"grid\"><section class=\"card\"><h2>%s</h2><ul>", T(r, "印刷できる文書（PDF）", "Documents to print (PDF)"));
	for (int k = REPORT_MANAGEMENT; k <= REPORT_CONTACTS; k++)
		hp(r, "<li><a href=\"/c/%lld/export/%s.pdf\">%s</a></li>", id, report_kind_id((report_kind_t)k),
		   report_kind_name((report_kind_t)k, r->lang));
	hp(r, "</ul></section><section class=\"card\"><h2>%s</h2><ul>", T(r, "ファイル", "Files"));
	hp(r, "<li><a href=\"/c/%lld/export/company.xlsx\">%s</a> — %s</li>", id, T(r, "Excel ブック（XLSX）", "Excel workbook (XLSX)"),
	   T(r, "人・試験・学習・タスク・情報資産の表", "people, exams, learning, tasks, assets"));
	static const struct { const char *name, *ja, *en; } csvs[] = {
		{"people", "人", "People"}, {"exams", "試験", "Exams"}, {"learning", "学習", "Learning"},
		{"tasks", "タスク", "Tasks"}, {"assets", "情報資産とリスク", "Assets and risks"}};
	for (size_t i = 0; i < ARRAY_LEN(csvs); i++)
		hp(r, "<li><a href=\"/c/%lld/export/%s.csv\">%s (CSV)</a></li>", id, csvs[i].name, T(r, csvs[i].ja, csvs[i].en));
	for (size_t i = 0; i < reg_n_specs; i++)
		hp(r, "<li><a href=\"/c/%lld/export/%s.csv\">%s (CSV)</a></li>", id, reg_specs[i].kind, TX(r, reg_specs[i].title));
	hp(r, "<li><a href=\"/c/%lld/export/company.json\">%s</a> — %s</li></ul>", id, T(r, "会社ドキュメント（JSON）", "Company document (JSON)"),
	   T(r, "secstep import でそのまま取り込めます", "secstep import reads it back"));
	hp(r, "<p class=\"small muted\">%s</p>", T(r, "CSV は Excel でそのまま開けます（UTF-8・BOM 付き）。", "The CSV files open directly in Excel (UTF-8 with BOM)."));
	if (r->admin)
		hp(r, "<p><a class=\"button secondary\" href=\"/backup\">%s</a></p><p class=\"small muted\">%s</p>",
		   T(r, "データベース全体のバックアップ", "Backup of the whole database"),
		   T(r, "すべての会社のデータを含みます。安全な場所に保管してください。", "Holds every company's data. Keep it somewhere safe."));
	HL(r, "</section>");

	hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"small muted\">%s</p>", T(r, "カレンダー", "Calendar"),
	   T(r, "期限と試験日を、Google カレンダーや Outlook に購読できます。リンクを知っている人は誰でも見られるので、不要になったら無効にしてください。",
	     "Subscribe to due dates and exam dates from Google Calendar or Outlook. Anyone with the link can read it: revoke links you no longer need."));
	if (new_link)
		hp(r, "<div class=\"notice\" role=\"status\">%s<br><code>%s</code></div>",
		   T(r, "新しいリンクです（この画面でしか表示されません）:", "Your new link (shown only now):"), new_link);
	errs_t e = ERRS_INIT;
	feed_row *feeds;
	size_t n;
	if (!store_feed_list(r->store, r->company_id, &feeds, &n, &e)) {
		free(feeds);
		fail_db(r, &e);
		errs_free(&e);
		return;
	}
	HL(r, "<ul>");
	for (size_t i = 0; i < n; i++) {
		const m_person *p = feeds[i].person_key[0] ? company_person(r->co, feeds[i].person_key) : NULL;
		hp(r, "<li>%s — %s ", feeds[i].label, p ? p->name : T(r, "会社全体", "whole company"));
		if (can_write(r)) {
			hp(r, "<form method=\"post\" action=\"/c/%lld/export/feeds/%lld/revoke\" class=\"inline\">", id, (long long)feeds[i].id);
			csrf_field(r);
			hp(r, "<button type=\"submit\" class=\"small secondary\">%s</button></form>", T(r, "無効にする", "Revoke"));
		}
		HL(r, "</li>");
	}
	HL(r, "</ul>");
	free(feeds);
	errs_free(&e);
	if (r->role == ROLE_OWNER || r->role == ROLE_OFFICER) {
		hp(r, "<form method=\"post\" action=\"/c/%lld/export/feeds\" class=\"stack\">", id);
		csrf_field(r);
		hp(r, "<label for=\"label\">%s</label><input id=\"label\" name=\"label\" type=\"text\" maxlength=\"100\" required value=\"%s\">",
		   T(r, "名前（どこで使うか）", "Name (where you use it)"), T(r, "会社のカレンダー", "Company calendar"));
		hp(r, "<label for=\"person\">%s</label><select id=\"person\" name=\"person\">", T(r, "だれの予定", "Whose dates"));
		hp(r, "<option value=\"\">%s</option>", T(r, "会社全体", "Whole company"));
		people_options(r, NULL, false);
		hp(r, "</select><p><button type=\"submit\">%s</button></p></form>", T(r, "リンクを作る", "Make a link"));
	}
	HL(r, "</section></div>");
	page_end(r);
}

void h_export(req_t *r)
{
	export_page(r, NULL);
}

void h_feed_add_post(req_t *r)
{
	const char *label = form(r, "label"), *person = form(r, "person");
	errs_t e = ERRS_INIT;
	if (!label || !*label || !valid_short_text(label, 100))
		errs_add(&e, T(r, "名前", "Name"), "%s", T(r, "1〜100文字で入力してください", "enter 1-100 characters"));
	if (person && *person && !company_person(r->co, person))
		errs_add(&e, T(r, "だれの予定", "Whose dates"), "%s", T(r, "登録されていない人です", "not a registered person"));
	unsigned char tok[24], h[32];
	char hex[49];
	randombytes_buf(tok, sizeof tok);
	sodium_bin2hex(hex, sizeof hex, tok, sizeof tok);
	crypto_generichash(h, sizeof h, (const unsigned char *)hex, strlen(hex), NULL, 0);
	if (!e.n && !store_feed_add(r->store, r->company_id, h, person, label, &e))
		errs_add(&e, T(r, "カレンダー", "Calendar"), "%s", T(r, "作れませんでした", "could not be made"));
	if (e.n) {
		r->status = 400;
		page_begin(r, T(r, "書き出し", "Export"), NAV_EXPORT);
		show_errors(r, &e);
		page_end(r);
	} else {
		export_page(r, arena_printf(&r->arena, "/ics/%s.ics", hex));
	}
	errs_free(&e);
}

void h_feed_revoke_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	long long fid = strtoll(param(r, "feed"), NULL, 10);
	bool found = false;
	if (!store_feed_revoke(r->store, r->company_id, fid, &found, &e))
		fail_db(r, &e);   /* the link still works: say so */
	else if (!found)
		fail_page(r, 404, "このカレンダーのリンクは見つかりません。", "No such calendar link.");
	else {
		web_audit(r, r->company_id, 0, "feed.revoke", param(r, "feed"), NULL);
		redirect(r, "/c/%lld/export", (long long)r->company_id);
	}
	errs_free(&e);
}

void h_ics(req_t *r)
{
	const char *tok = param(r, "token");
	size_t n = tok ? strlen(tok) : 0;
	if (n > 4 && !strcmp(tok + n - 4, ".ics"))
		n -= 4;
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)tok, n, NULL, 0);
	errs_t e = ERRS_INIT;
	int64_t company;
	char person[40] = "";
	bool found = n == 48 && store_feed_find(r->store, h, &company, person, sizeof person, &e);
	m_company *co = found ? store_company_load(r->store, company, &e) : NULL;
	if (e.n) {
		fail_db(r, &e);
		errs_free(&e);
		return;
	}
	if (!co) {
		r->status = 404;
		r->ctype = "text/plain; charset=utf-8";
		buf_puts(&r->out, "not found\n");
		return;
	}
	/* SEQUENCE and LAST-MODIFIED from the company's audit log */
	audit_row *rows = NULL;
	size_t n_rows = 0, n_revs = 0;
	ics_rev *revs = NULL;
	errs_t ae = ERRS_INIT;
	if (store_audit_list(r->store, co->id, 0, 0, &r->arena, &rows, &n_rows, &ae))
		n_revs = ics_revs(rows, n_rows, &r->arena, &revs);
	errs_free(&ae);
	ics_write(r->cat, co, person[0] ? person : NULL, r->lang, r->today, revs, n_revs, &r->out);
	free(rows);
	r->ctype = "text/calendar; charset=utf-8";
	company_free(co);
}

static pthread_mutex_t xlsx_lock = PTHREAD_MUTEX_INITIALIZER;

static const char *file_name(req_t *r, const char *ext)
{
	return arena_printf(&r->arena, "attachment; filename=\"secstep-company-%lld.%s\"", (long long)r->company_id, ext);
}

static bool buf_sink(void *closure, const unsigned char *data, size_t len)
{
	buf_add(closure, data, len);
	return true;
}

void h_export_file(req_t *r)
{
	const char *f = param(r, "file");
	size_t fl = strlen(f);
	report_kind_t kind;
	if (fl > 4 && !strcmp(f + fl - 4, ".pdf")) {
		char k[32];
		snprintf(k, sizeof k, "%.*s", (int)(fl - 4), f);
		errs_t e = ERRS_INIT;
		if (!report_kind_parse(k, &kind)) {
			fail_page(r, 404, "その文書はありません。", "No such document.");
			return;
		}
		if (!report_render(r->cat, r->co, kind, r->lang, r->today, buf_sink, &r->out, NULL, &e)) {
			fail_errs(r, 500, &e, "文書を作れませんでした。", "Could not make the document.");
			errs_free(&e);
			return;
		}
		errs_free(&e);
		r->ctype = "application/pdf";
		r->disposition = arena_printf(&r->arena, "inline; filename=\"secstep-%lld-%s.pdf\"", (long long)r->company_id, k);
		return;
	}
	if (!strcmp(f, "company.json")) {
		json_t *doc = doc_export(r->cat, r->co);
		char *s = json_dumps(doc, JSON_INDENT(2));
		json_decref(doc);
		buf_puts(&r->out, s ? s : "");
		free(s);
		r->ctype = "application/json; charset=utf-8";
		r->disposition = file_name(r, "json");
		return;
	}
	table_t *tabs;
	size_t n = tables_build(r->cat, r->co, r->lang, r->today, &r->arena, &tabs);
	if (!strcmp(f, "company.xlsx")) {
		char path[] = "/tmp/secstep-xlsx-XXXXXX";
		int fd = mkstemp(path);
		char err[256];
		xlsx_meta meta = {r->co->name, T(r, "secstep の書き出し", "secstep export"), r->today, r->lang};
		/* libxlsxwriter stamps each workbook through gmtime(), whose
		 * result is one static buffer: one workbook at a time
		 * (ThreadSanitizer, tests/cli/t0170). */
		pthread_mutex_lock(&xlsx_lock);
		bool ok = fd >= 0 && xlsx_write(tabs, n, &meta, path, err, sizeof err);
		pthread_mutex_unlock(&xlsx_lock);
		if (fd >= 0)
			close(fd);
		FILE *in = ok ? fopen(path, "rb") : NULL;
		if (in) {
			char chunk[65536];
			size_t got;
			while ((got = fread(chunk, 1, sizeof chunk, in)) > 0)
				buf_add(&r->out, chunk, got);
			fclose(in);
		}
		if (fd >= 0)
			unlink(path);
		if (!in) {
			errs_t e = ERRS_INIT;
			errs_add(&e, "xlsx", "%s", ok ? "cannot read the workbook back" : fd < 0 ? "no temporary file" : err);
			fail_errs(r, 500, &e, "書き出せませんでした。", "Could not write the file.");
			errs_free(&e);
			return;
		}
		r->ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
		r->disposition = file_name(r, "xlsx");
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char want[64];
		snprintf(want, sizeof want, "%s.csv", tabs[i].name);
		if (!strcmp(f, want)) {
			csv_write(&tabs[i], &r->out);
			r->ctype = "text/csv; charset=utf-8";
			r->disposition = arena_printf(&r->arena, "attachment; filename=\"secstep-%lld-%s.csv\"", (long long)r->company_id,
						      tabs[i].name);
			return;
		}
	}
	fail_page(r, 404, "そのファイルはありません。", "No such file.");
}

void h_backup(req_t *r)
{
	/* Straight into memory: no file is made, named or left behind. */
	errs_t e = ERRS_INIT;
	unsigned char *data;
	size_t len;
	if (!store_backup_mem(r->store, &data, &len, &e)) {
		fail_errs(r, 500, &e, "バックアップを作れませんでした。", "Could not make the backup.");
		errs_free(&e);
		return;
	}
	errs_free(&e);
	buf_add(&r->out, data, len);
	free(data);
	r->ctype = "application/vnd.sqlite3";
	r->disposition = arena_printf(&r->arena, "attachment; filename=\"secstep-backup-%s.db\"", date_str(r, r->today));
}
