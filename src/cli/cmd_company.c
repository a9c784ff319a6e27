/* cmd_company.c — companies: add, list, show, edit, remove; import and
 * export of the company document. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "base/width.h"
#include "cli/cli.h"
#include "core/rules.h"
#include "exchange/doc.h"
#include "view/tables.h"
#include "view/views.h"
#include "view/xlsx.h"

/* Applies --name --industry --employees --it-uses --notes to co, checking
 * each; every problem goes to errs under the option's name. */
static void apply_company_opts(cli_t *cx, const args_t *a, m_company *co, errs_t *e, bool adding)
{
	const char *v;
	if ((v = opt(a, "name")) || adding) {
		if (!v || !*v)
			errs_add(e, "--name", "%s", tr(cx, "会社名が必要です", "a company name is required"));
		else if (!valid_short_text(v, DOC_MAX_NAME))
			errs_add(e, "--name", "%s", tr(cx, "200文字以内の1行の文字列にしてください", "must be one line of text of at most 200 characters"));
		else
			co->name = arena_strdup(&co->arena, v);
	}
	if ((v = opt(a, "industry")) || adding) {
		if (!v || !cat_tag_find(cx->cat->industries, cx->cat->n_industries, v))
			errs_add(e, "--industry", "%s \"%s\"", tr(cx, "業種は日本標準産業分類の大分類 A〜T で指定します（例: 建設業は D）。指定値:",
								  "industry is a JSIC major group A-T (e.g. D for construction); got"), v ? v : "");
		else
			co->industry = arena_strdup(&co->arena, v);
	}
	if ((v = opt(a, "employees")) || adding) {
		char *end = NULL;
		long n = v ? strtol(v, &end, 10) : 0;
		if (!v || !*v || *end || n < 1 || n > 1000000)
			errs_add(e, "--employees", "%s \"%s\"", tr(cx, "従業員数は 1〜1000000 の整数です。指定値:",
								   "employees must be a whole number 1-1000000; got"), v ? v : "");
		else
			co->employees = (int)n;
	}
	if ((v = opt(a, "it-uses"))) {
		size_t n;
		const char **uses = split_list(&co->arena, v, &n);
		bool ok = true;
		for (size_t i = 0; i < n; i++) {
			if (!cat_tag_find(cx->cat->it_uses, cx->cat->n_it_uses, uses[i])) {
				errs_add(e, "--it-uses", "%s \"%s\"", tr(cx, "不明なIT利用:", "unknown IT use"), uses[i]);
				ok = false;
			}
			for (size_t k = 0; k < i; k++)
				if (str_eq(uses[k], uses[i])) {
					errs_add(e, "--it-uses", "\"%s\" %s", uses[i], tr(cx, "が重複しています", "is listed twice"));
					ok = false;
				}
		}
		if (ok) {
			co->it_uses = uses;
			co->n_it_uses = n;
		}
	}
	if ((v = opt(a, "notes"))) {
		if (!valid_long_text(v, DOC_MAX_NOTE))
			errs_add(e, "--notes", "%s", tr(cx, "4000文字以内にしてください", "must be at most 4000 characters"));
		else
			co->notes = *v ? arena_strdup(&co->arena, v) : NULL;
	}
}

static int cmd_add(cli_t *cx, args_t *a)
{
	m_company *co = company_new();
	errs_t e = ERRS_INIT;
	apply_company_opts(cx, a, co, &e, true);
	int rc = EXIT_FAIL;
	if (e.n) {
		cli_errors(cx, &e);
	} else if (cli_store(cx)) {
		if (cli_insert(cx, co, "company.add", &e)) {
			if (cx->json)
				print_json(json_pack("{s:I}", "company", (json_int_t)co->id));
			else
				printf("%s %lld (%s)\n", tr(cx, "会社を登録しました: ID", "Company added: ID"),
				       (long long)co->id, co->name);
			rc = EXIT_OK;
		} else {
			cli_errors(cx, &e);
		}
	}
	errs_free(&e);
	company_free(co);
	return rc;
}

static int cmd_edit(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	apply_company_opts(cx, a, co, &e, false);
	int rc = EXIT_FAIL;
	if (e.n)
		cli_errors(cx, &e);
	else if ((rc = cli_save(cx, co)) == EXIT_OK && !cx->json)
		printf("%s %lld\n", tr(cx, "会社の情報を更新しました: ID", "Company updated: ID"), (long long)co->id);
	else if (rc == EXIT_OK)
		print_json(json_pack("{s:I}", "company", (json_int_t)co->id));
	errs_free(&e);
	company_free(co);
	return rc;
}

static int cmd_list(cli_t *cx, args_t *a)
{
	(void)a;
	if (!cli_store_existing(cx))
		return EXIT_FAIL;
	store_company_row *rows;
	size_t n;
	errs_t e = ERRS_INIT;
	if (!store_company_list(cx->store, &rows, &n, &e)) {
		cli_errors(cx, &e);
		errs_free(&e);
		return EXIT_FAIL;
	}
	json_t *arr = json_array();
	if (!cx->json && n == 0)
		printf("%s\n", tr(cx, "まだ会社がありません。secstep company add か secstep import で登録します。",
				  "No companies yet. Add one with secstep company add or secstep import."));
	else if (!cx->json) {
		/* columns by display width: a Japanese heading is two columns a character */
		fput_col(stdout, "ID", 6), fput_col(stdout, "STEP", 7), fput_col(stdout, tr(cx, "業種", "JSIC"), 7);
		fput_col(stdout, tr(cx, "従業員", "staff"), 9), printf("%s\n", tr(cx, "会社名", "name"));
	}
	for (size_t i = 0; i < n; i++) {
		m_company *co = store_company_load(cx->store, rows[i].id, &e);
		status_t st;
		if (co)
			status_compute(cx->cat, co, company_latest(co), &st);
		int step = co ? st.current_step : 0;
		if (cx->json)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:s, s:i, s:i, s:i}", "id",
							     (json_int_t)rows[i].id, "name", rows[i].name,
							     "industry", rows[i].industry, "employees",
							     rows[i].employees, "current_step", step,
							     "working_step", co ? st.working_step : 1));
		else
			printf("%-5lld %-6d %-6s %-8d %s\n", (long long)rows[i].id, step, rows[i].industry,
			       rows[i].employees, rows[i].name);   /* ASCII columns; the name is last */
		company_free(co);
	}
	if (cx->json)
		print_json(json_pack("{s:o}", "companies", arr));
	else
		json_decref(arr);
	free(rows);
	errs_free(&e);
	return EXIT_OK;
}

static int cmd_show(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	if (cx->json) {
		json_t *doc = doc_export(cx->cat, co);
		json_object_set_new(doc, "id", json_integer(co->id));
		print_json(doc);
		company_free(co);
		return EXIT_OK;
	}
	const cat_tag *ind = cat_tag_find(cx->cat->industries, cx->cat->n_industries, co->industry);
	printf("%s (ID %lld)\n", co->name, (long long)co->id);
	printf("  %s%s (%s)\n", tr(cx, "業種: ", "Industry: "), ind ? tx(ind->name, cx->lang) : "", co->industry);
	printf("  %s%d\n", tr(cx, "従業員数: ", "Employees: "), co->employees);
	printf("  %s", tr(cx, "ITの使い方: ", "IT uses: "));
	for (size_t i = 0; i < co->n_it_uses; i++) {
		const cat_tag *u = cat_tag_find(cx->cat->it_uses, cx->cat->n_it_uses, co->it_uses[i]);
		printf("%s%s", i ? tr(cx, "、", ", ") : "", u ? tx(u->name, cx->lang) : co->it_uses[i]);
	}
	printf("%s\n", co->n_it_uses ? "" : "-");
	if (co->notes)
		printf("  %s%s\n", tr(cx, "メモ: ", "Notes: "), co->notes);
	printf("\n%s (%zu)\n", tr(cx, "■ 人", "■ People"), co->n_people);
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *p = &co->people[i];
		fputs("  ", stdout);
		fput_col(stdout, p->key, 6);
		printf(" %s", p->name);
		if (p->department)
			printf(" / %s", p->department);
		if (p->position)
			printf(" / %s", p->position);
		for (size_t r = 0; r < p->n_roles; r++) {
			const cat_tag *t = cat_tag_find(cx->cat->roles, cx->cat->n_roles, p->roles[r].role);
			printf("  [%s・%s]", t ? tx(t->name, cx->lang) : p->roles[r].role,
			       p->roles[r].time == TIME_DEDICATED ? tr(cx, "専任", "dedicated")
								  : tr(cx, "兼務", "part-time"));
		}
		for (size_t x = 0; x < p->n_exams; x++)
			printf("  %s:%s", p->exams[x].exam, exam_status_id(p->exams[x].status));
		putchar('\n');
	}
	status_t st;
	status_compute(cx->cat, co, company_latest(co), &st);
	if (st.current_step)
		printf("\n%s STEP%d / %s STEP%d\n", tr(cx, "■ いまの段階:", "■ Current STEP:"), st.current_step,
		       tr(cx, "取り組む段階:", "working on:"), st.working_step);
	else
		printf("\n%s / %s STEP1\n", tr(cx, "■ いまの段階: STEP1 の手前", "■ Current STEP: before STEP1"),
		       tr(cx, "取り組む段階:", "working on:"));
	printf("%s\n", tr(cx, "  詳しくは secstep status / secstep plan", "  More: secstep status / secstep plan"));
	company_free(co);
	return EXIT_OK;
}

static int cmd_remove(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	if (!flag(a, "yes")) {
		cli_error(cx, "%s \"%s\" %s", tr(cx, "会社", "this deletes"), co->name,
			  tr(cx, "のすべてのデータを削除します。よければ --yes を付けてください",
			     "and all its data; add --yes to confirm"));
		company_free(co);
		return EXIT_USAGE;
	}
	errs_t e = ERRS_INIT;
	int rc = EXIT_OK;
	if (!store_company_delete(cx->store, co->id, &e)) {
		cli_errors(cx, &e);
		rc = EXIT_FAIL;
	} else if (cli_audit(cx, co->id, 0, "company.remove", co->name, NULL), !cx->json) {
		printf("%s %lld\n", tr(cx, "会社を削除しました: ID", "Company deleted: ID"), (long long)co->id);
	}
	errs_free(&e);
	company_free(co);
	return rc;
}

/* Imports one document; returns the new id, or 0 after printing errors.
 * With several files, errors are prefixed by the file name. */
static int64_t import_one(cli_t *cx, const char *path, bool name_file)
{
	size_t len;
	char *data = read_all(cx, path, DOC_MAX_BYTES, &len);
	if (!data)
		return 0;
	errs_t e = ERRS_INIT;
	m_company *co = doc_import(cx->cat, data, len, cx->today, cx->lang, &e);
	free(data);
	int64_t id = 0;
	if (co && cli_store(cx) && cli_insert(cx, co, "import", &e))
		id = co->id;
	if (!id && name_file) {
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "secstep: %s: %s: %s: %s\n", cx->cmd, path, e.where[i], e.what[i]);
	} else if (!id) {
		cli_errors(cx, &e);
	} else if (!cx->json && !name_file) {
		printf("%s %lld (%s, %zu %s)\n", tr(cx, "取り込みました: 会社 ID", "Imported: company ID"), (long long)co->id, co->name,
		       co->n_people, tr(cx, "人", "people"));
	}
	errs_free(&e);
	company_free(co);
	return id;
}

/* A progress bar on stderr, only when it is a terminal.  Written straight
 * to the terminal (its "\r" is the point), the file name cleaned of
 * control characters first. */
static void progress(size_t done, size_t total, const char *what)
{
	if (!isatty(2))
		return;
	char name[31 * 3 + 1];
	bool c2 = false;
	size_t wl = strlen(what) > 30 ? 30 : strlen(what);
	name[tty_clean(name, what, wl, &c2)] = '\0';
	int w = 30, fill = total ? (int)(w * done / total) : w;
	char line[256];
	int n = snprintf(line, sizeof line, "\r[%.*s%.*s] %zu/%zu %-30.30s%s", fill, "##############################", w - fill,
			 "------------------------------", done, total, name, done == total ? "\n" : "");
	fflush(stderr);
	if (n > 0 && write(2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1) < 0)
		return;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Appends the documents a FILE argument names: itself, or every *.json file
 * of a folder (in name order).  False (printed) when a folder cannot be
 * read. */
static bool add_sources(cli_t *cx, const char *arg, arena_t *ar, const char ***list, size_t *n, size_t *cap)
{
	struct stat st;
	if (strcmp(arg, "-") == 0 || stat(arg, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*list = xgrow(*list, *n, cap, sizeof **list);
		(*list)[(*n)++] = arg;
		return true;
	}
	DIR *d = opendir(arg);
	if (!d) {
		cli_error(cx, "%s: %s", arg, strerror(errno));
		return false;
	}
	size_t first = *n;
	struct dirent *de;
	while ((de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 6 || strcmp(de->d_name + len - 5, ".json") != 0)
			continue;
		const char *path = arena_printf(ar, "%s/%s", arg, de->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		*list = xgrow(*list, *n, cap, sizeof **list);
		(*list)[(*n)++] = path;
	}
	closedir(d);
	qsort(*list + first, *n - first, sizeof **list, by_name);
	return true;
}

static int cmd_import(cli_t *cx, args_t *a)
{
	arena_t ar = {0};
	const char **files = NULL;
	size_t n = 0, cap = 0;
	bool folder = false;
	for (int i = 0; i < a->n_pos; i++) {
		size_t before = n;
		if (!add_sources(cx, a->pos[i], &ar, &files, &n, &cap)) {
			free(files);
			arena_free(&ar);
			return EXIT_FAIL;
		}
		folder |= n != before + 1 || files[before] != a->pos[i];
	}
	int rc;
	if (a->n_pos == 1 && !folder) {
		int64_t id = import_one(cx, a->pos[0], false);
		if (id && cx->json)
			print_json(json_pack("{s:I}", "company", (json_int_t)id));
		rc = id ? EXIT_OK : EXIT_FAIL;
	} else {
		/* Bulk: each file on its own (one bad file does not stop the rest). */
		json_t *ids = json_array();
		size_t failed = 0;
		for (size_t i = 0; i < n; i++) {
			int64_t id = import_one(cx, files[i], true);
			if (id)
				json_array_append_new(ids, json_integer(id));
			else
				failed++;
			progress(i + 1, n, files[i]);
		}
		if (cx->json)
			print_json(json_pack("{s:o, s:I}", "companies", ids, "failed", (json_int_t)failed));
		else {
			printf("%s %zu / %zu\n", tr(cx, "取り込みました:", "Imported:"), json_array_size(ids), n);
			json_decref(ids);
		}
		rc = failed ? EXIT_FAIL : EXIT_OK;
	}
	free(files);
	arena_free(&ar);
	return rc;
}

/* Writes each table as DIR/NAME.csv (the folder is created). */
static int export_csv(cli_t *cx, const table_t *tabs, size_t n, const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		cli_error(cx, "%s: %s", dir, strerror(errno));
		return EXIT_FAIL;
	}
	for (size_t i = 0; i < n; i++) {
		char path[4096], tmp[4200];
		snprintf(path, sizeof path, "%s/%s.csv", dir, tabs[i].name);
		snprintf(tmp, sizeof tmp, "%s.tmp", path);
		buf_t b = BUF_INIT;
		csv_write(&tabs[i], &b);
		FILE *f = fopen(tmp, "wb");
		bool ok = f && fwrite(b.p, 1, b.len, f) == b.len;
		if (f && fclose(f) != 0)
			ok = false;
		buf_free(&b);
		if (!ok || rename(tmp, path) != 0) {
			remove(tmp);
			cli_error(cx, "%s: %s", path, tr(cx, "書き込めません", "cannot write"));
			return EXIT_FAIL;
		}
	}
	return EXIT_OK;
}

/* export --all -o DIR: every company's document as DIR/company-ID.json,
 * with a progress bar in a terminal. */
static int export_all(cli_t *cx, const char *dir)
{
	if (!cli_store_existing(cx))
		return EXIT_FAIL;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		cli_error(cx, "%s: %s", dir, strerror(errno));
		return EXIT_FAIL;
	}
	store_company_row *rows;
	size_t n;
	errs_t e = ERRS_INIT;
	if (!store_company_list(cx->store, &rows, &n, &e)) {
		cli_errors(cx, &e);
		errs_free(&e);
		return EXIT_FAIL;
	}
	int rc = EXIT_OK;
	for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
		m_company *co = store_company_load(cx->store, rows[i].id, &e);
		char path[4096], tmp[4200];
		snprintf(path, sizeof path, "%s/company-%lld.json", dir, (long long)rows[i].id);
		snprintf(tmp, sizeof tmp, "%s.tmp", path);
		json_t *doc = co ? doc_export(cx->cat, co) : NULL;
		if (!doc || json_dump_file(doc, tmp, JSON_INDENT(2)) != 0 || rename(tmp, path) != 0) {
			remove(tmp);
			cli_error(cx, "%s: %s", path, tr(cx, "書き込めません", "cannot write"));
			rc = EXIT_FAIL;
		}
		json_decref(doc);
		company_free(co);
		progress(i + 1, n, rows[i].name);
	}
	if (rc == EXIT_OK && !cx->json)
		printf("%s %zu → %s\n", tr(cx, "書き出しました:", "Written:"), n, dir);
	else if (rc == EXIT_OK)
		print_json(json_pack("{s:i, s:s}", "companies", (int)n, "dir", dir));
	free(rows);
	errs_free(&e);
	return rc;
}

static int cmd_export(cli_t *cx, args_t *a)
{
	const char *format = opt(a, "format");
	const char *out = opt(a, "output");
	if (flag(a, "all")) {
		if (a->n_pos || !out || !*out || cli_is_stdout(out) || (format && strcmp(format, "json"))) {
			cli_error(cx, "%s", tr(cx, "--all は ID なしで、-o フォルダ と一緒に使います（JSON のみ）", "--all takes no ID, needs -o DIR, and writes JSON"));
			return EXIT_USAGE;
		}
		return export_all(cx, out);
	}
	if (a->n_pos != 1) {
		cli_error(cx, "%s", tr(cx, "会社の ID を指定してください（すべてなら --all -o フォルダ）", "give a company ID (or --all -o DIR)"));
		return EXIT_USAGE;
	}
	if (format && strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "xlsx")) {
		cli_error(cx, "--format: %s \"%s\"", tr(cx, "json / csv / xlsx のどれかです。指定値:", "must be json, csv or xlsx; got"), format);
		return EXIT_USAGE;
	}
	const char *table = opt(a, "table");
	if (format && !strcmp(format, "xlsx") && !out) {
		cli_error(cx, "-o: %s", tr(cx, "xlsx には出力先（-o ファイル、または -o - で標準出力）が必要です",
					    "xlsx needs an output (-o FILE, or -o - for standard output)"));
		return EXIT_USAGE;
	}
	if (format && !strcmp(format, "csv") && (!out || (cli_is_stdout(out) && !table))) {
		cli_error(cx, "-o: %s", tr(cx, "csv は表ごとのファイルをフォルダに書きます（-o フォルダ）。標準出力には一つの表を --table 名前 -o - で",
					    "csv writes one file per table into a folder (-o DIR); for standard output, one table: --table NAME -o -"));
		return EXIT_USAGE;
	}
	if (table && (!format || strcmp(format, "csv"))) {
		cli_error(cx, "--table: %s", tr(cx, "--format csv と一緒に使います", "goes with --format csv"));
		return EXIT_USAGE;
	}
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	int rc = EXIT_OK;
	if (format && strcmp(format, "json")) {
		arena_t ar = {0};
		table_t *tabs;
		size_t n = tables_build(cx->cat, co, cx->lang, cx->today, &ar, &tabs);
		const table_t *one = NULL;
		for (size_t i = 0; table && i < n; i++)
			if (!strcmp(tabs[i].name, table))
				one = &tabs[i];
		if (table && !one) {
			buf_t names = BUF_INIT;
			for (size_t i = 0; i < n; i++)
				buf_printf(&names, "%s%s", i ? ", " : "", tabs[i].name);
			cli_error(cx, "--table: %s \"%s\" (%s)", tr(cx, "その表はありません:", "no such table"), table, names.p);
			buf_free(&names);
			rc = EXIT_USAGE;
		} else if (!strcmp(format, "csv") && one) {
			/* one table: one CSV file (or stdout), not a folder */
			buf_t b = BUF_INIT;
			csv_write(one, &b);
			rc = cli_write_out(cx, out, b.p, b.len);
			buf_free(&b);
		} else if (!strcmp(format, "csv")) {
			rc = export_csv(cx, tabs, n, out);
		} else {
			xlsx_meta meta = {co->name, tr(cx, "secstep の書き出し", "secstep export"), cx->today, cx->lang};
			char err[256], tmp[4096];
			if (cli_is_stdout(out))
				snprintf(tmp, sizeof tmp, "%s/secstep-%ld.xlsx.tmp", getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
					 (long)getpid());
			else
				snprintf(tmp, sizeof tmp, "%s.tmp", out);
			if (!xlsx_write(tabs, n, &meta, tmp, err, sizeof err)) {
				remove(tmp);
				cli_error(cx, "%s: %s", out, tr(cx, "書き込めません", "cannot write"));
				rc = EXIT_FAIL;
			} else if (cli_is_stdout(out)) {
				rc = cli_file_to_stdout(cx, tmp);
			} else if (rename(tmp, out) != 0) {
				remove(tmp);
				cli_error(cx, "%s: %s", out, tr(cx, "書き込めません", "cannot write"));
				rc = EXIT_FAIL;
			}
		}
		arena_free(&ar);
		if (rc == EXIT_OK && !cx->json && !cli_is_stdout(out))
			fprintf(stderr, "%s %s\n", tr(cx, "書き出しました:", "Written:"), out);
		company_free(co);
		return rc;
	}
	json_t *doc = doc_export(cx->cat, co);
	company_free(co);
	if (out && strcmp(out, "-") != 0) {
		/* Write beside the target, then rename: never a half-written file. */
		char tmp[4096];
		snprintf(tmp, sizeof tmp, "%s.tmp", out);
		if (json_dump_file(doc, tmp, JSON_INDENT(2)) != 0 || rename(tmp, out) != 0) {
			cli_error(cx, "%s: %s", out, tr(cx, "書き込めません", "cannot write"));
			remove(tmp);
			rc = EXIT_FAIL;
		}
		json_decref(doc);
	} else {
		print_json(doc);
	}
	return rc;
}

#define CO_OPTS_JA "--name NAME\t会社名（200文字まで）\n" \
	"--industry A-T\t業種（日本標準産業分類の大分類。建設業は D、製造業は E など）\n" \
	"--employees N\t従業員数（1〜1000000）\n" \
	"--it-uses a,b\tITの使い方（カンマ区切り。sales email cloud website telework など。secstep --json catalog の it_uses）\n" \
	"--notes TEXT\t気になっていることなどのメモ（相談用メモに出ます）"
#define CO_OPTS_EN "--name NAME\tthe company's name (at most 200 characters)\n" \
	"--industry A-T\tthe industry, a JSIC major group (D construction, E manufacturing …)\n" \
	"--employees N\tthe headcount (1-1000000)\n" \
	"--it-uses a,b\thow IT is used, comma-separated (sales email cloud website telework …; it_uses in secstep --json catalog)\n" \
	"--notes TEXT\tnotes such as concerns (shown in the consultation brief)"

const cli_cmd company_cmds[] = {
	{"company", "add", cmd_add, "name= industry= employees= it-uses= notes=", 0, 0,
	 "--name NAME --industry A-T --employees N [--it-uses a,b] [--notes TEXT]",
	 "会社を登録", "add a company",
	 {NULL, NULL, CO_OPTS_JA, CO_OPTS_EN,
	  "secstep company add --name 株式会社サンプル --industry D --employees 30 --it-uses email,cloud"}},
	{"company", "list", cmd_list, "", 0, 0, "", "会社の一覧（段階つき）", "list companies with their STEP",
	 {NULL, NULL, NULL, NULL, "secstep company list\nsecstep --json company list"}},
	{"company", "show", cmd_show, "", 1, 1, "ID", "会社の情報と人の一覧", "show a company and its people",
	 {HA_ID_JA, HA_ID_EN, NULL, NULL, "secstep company show 1"}},
	{"company", "edit", cmd_edit, "name= industry= employees= it-uses= notes=", 1, 1,
	 "ID [--name NAME] [--industry A-T] [--employees N] [--it-uses a,b] [--notes TEXT]",
	 "会社の情報を変更", "change a company's profile",
	 {HA_ID_JA, HA_ID_EN, CO_OPTS_JA "\n（指定したものだけが変わります）", CO_OPTS_EN "\n(only what you give changes)",
	  "secstep company edit 1 --employees 35"}},
	{"company", "remove", cmd_remove, "yes", 1, 1, "ID --yes", "会社とそのデータを削除", "delete a company and its data",
	 {HA_ID_JA, HA_ID_EN, "--yes\t削除してよいことの確認（ないと何もしません）",
	  "--yes\tconfirms the deletion (without it nothing happens)", "secstep company remove 3 --yes"}},
	{"import", NULL, cmd_import, "", 1, INT_MAX, "FILE|FOLDER... (- = stdin)",
	 "会社ドキュメント（JSON）を新しい会社として取り込む（いくつでも。フォルダなら中の *.json すべて）",
	 "import company documents as new companies (any number; a folder: every *.json in it)",
	 {"FILE\t会社ドキュメント（secstep-company/1 形式の JSON。- は標準入力）。いくつでも指定でき、1つずつ取り込みます。フォルダを指定すると中の *.json を名前順に",
	  "FILE\ta company document (secstep-company/1 JSON; - reads standard input); several files are imported one by one; a folder: its *.json files in name order",
	  NULL, NULL, "secstep import samples/company-a.json\nsecstep import samples/\nsecstep --json import - < company.json"}},
	{"export", NULL, cmd_export, "format= output= all table=", 0, 1,
	 "ID [--format json|csv|xlsx] [--table NAME] [-o PATH] | --all -o DIR",
	 "会社ドキュメント（JSON）、CSV のフォルダ、XLSX を出力", "write the company document, a CSV folder or an XLSX workbook",
	 {HA_ID_JA, HA_ID_EN,
	  "--format F\tjson（会社ドキュメント。既定）、csv（表ごとの CSV を入れたフォルダ）、xlsx（Excel のブック）\n"
	  "-o PATH\t書き出し先（csv はフォルダ）。- または省略で標準出力（json と xlsx）\n"
	  "--table NAME\tcsv で一つの表だけを、-o のファイル（- は標準出力）に（people exams learning tasks assets organisation suppliers contacts systems drills incidents）\n"
	  "--all\tすべての会社を -o のフォルダへ company-ID.json として",
	  "--format F\tjson (the company document; the default), csv (a folder of CSV files, one per table), xlsx (an Excel workbook)\n"
	  "-o PATH\twhere to write (a folder for csv); - or none: standard output (json and xlsx)\n"
	  "--table NAME\tcsv: one table only, as the -o file (- for standard output): people exams learning tasks assets organisation suppliers contacts systems drills incidents\n"
	  "--all\tevery company, into the -o folder as company-ID.json",
	  "secstep export 1 -o company-1.json\nsecstep export 1 --format xlsx -o company-1.xlsx\nsecstep export 1 --format csv -o company-1-csv"}},
	HA_END,
};

