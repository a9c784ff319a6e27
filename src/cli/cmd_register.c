/* cmd_register.c — the STEP3/4 registers from the command line:
 *   register list ID KIND          (KIND: organisation suppliers contacts
 *                                   systems drills incidents)
 *   register add ID KIND --set FIELD=VALUE … | --file RECORD.json
 *   register remove ID KIND KEY
 *   org ID [--step N]              who holds which task; gaps flagged */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/recur.h"
#include "base/width.h"
#include "cli/cli.h"
#include "base/buf.h"
#include "core/registers.h"
#include "core/rules.h"
#include "view/tables.h"

static const reg_spec *kind_arg(cli_t *cx, const char *kind)
{
	const reg_spec *sp = reg_find(kind);
	if (!sp) {
		buf_t b = BUF_INIT;
		for (size_t i = 0; i < reg_n_specs; i++)
			buf_printf(&b, "%s%s", i ? ", " : "", reg_specs[i].kind);
		cli_error(cx, "KIND: %s \"%s\" (%s)", tr(cx, "不明な記録の種類:", "unknown register"), kind, buf_str(&b));
		buf_free(&b);
	}
	return sp;
}

/* The register (pos 1) and the company (pos 0) of a command; NULL with
 * *rc set (2 for an unknown register, 1 for no such company). */
static m_company *load(cli_t *cx, const args_t *a, const reg_spec **sp, int *rc)
{
	*sp = kind_arg(cx, a->pos[1]);
	*rc = *sp ? EXIT_FAIL : EXIT_USAGE;
	return *sp ? cli_company(cx, a->pos[0]) : NULL;
}

static int cmd_list(cli_t *cx, args_t *a)
{
	const reg_spec *sp;
	int rc0;
	m_company *co = load(cx, a, &sp, &rc0);
	if (!co)
		return rc0;
	arena_t ar = {0};
	const m_record **recs;
	size_t n = reg_records(co, sp->kind, &recs, &ar);
	if (cx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++) {
			json_t *o = json_pack("{s:s}", "id", recs[i]->key);
			json_t *d = json_loads(recs[i]->json, 0, NULL);
			json_object_update(o, d);
			json_decref(d);
			json_array_append_new(arr, o);
		}
		print_json(json_pack("{s:I, s:s, s:o}", "company", (json_int_t)co->id, "kind", sp->kind, sp->kind, arr));
	} else {
		printf("%s (%zu)\n", tx(sp->title, cx->lang), n);
		for (size_t i = 0; i < n; i++) {
			printf("  %s", recs[i]->key);
			json_t *o = reg_parse(recs[i]);
			for (size_t f = 0; f < sp->n_fields; f++) {
				const char *v = reg_text(o, sp->fields[f].name, &ar);
				if (*v)
					printf("  %s=%s", sp->fields[f].name, v);
			}
			json_decref(o);
			putchar('\n');
		}
	}
	arena_free(&ar);
	company_free(co);
	return EXIT_OK;
}

static int cmd_add(cli_t *cx, args_t *a)
{
	const reg_spec *sp;
	int rc0;
	m_company *co = load(cx, a, &sp, &rc0);
	if (!co)
		return rc0;
	errs_t e = ERRS_INIT;
	json_t *in = NULL;
	const char *file = opt(a, "file");
	if (file) {
		size_t len;
		char *data = read_all(cx, file, 1 << 20, &len);
		json_error_t jerr;
		in = data && utf8_valid(data, len) ? json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr) : NULL;
		free(data);
		if (!in)
			errs_add(&e, "--file", "%s", tr(cx, "JSON オブジェクトとして読めません", "is not a JSON object"));
	} else {
		in = json_object();
	}
	int it = 0;
	const char *v;
	while (in && (v = opt_next(a, "set", &it))) {
		const char *eq = strchr(v, '=');
		char name[64];
		size_t n = eq ? (size_t)(eq - v) : 0;
		if (!eq || n == 0 || n >= sizeof name) {
			errs_add(&e, "--set", "%s \"%s\"", tr(cx, "FIELD=VALUE の形で指定します:", "must be FIELD=VALUE:"), v);
			continue;
		}
		memcpy(name, v, n);
		name[n] = '\0';
		const field_spec *f = reg_field(sp, name);
		const char *val = eq + 1;
		if (!f) {
			errs_add(&e, "--set", "%s \"%s\"", tr(cx, "不明な項目:", "unknown field"), name);
		} else if (!utf8_valid(val, strlen(val))) {
			errs_add(&e, "--set", "%s: %s", name, tr(cx, "UTF-8 ではありません", "is not UTF-8"));
		} else {
			json_object_set_new(in, name, reg_cell_json(f, val));
		}
	}
	json_t *ok = in ? reg_check(cx->cat, co, sp, in, sp->kind, cx->lang, &e) : NULL;
	int rc = EXIT_FAIL;
	if (!ok || e.n) {
		cli_errors(cx, &e);
	} else {
		m_record *r = reg_add(co, sp, ok);
		const char *key = arena_strdup(&co->arena, r->key);
		recur_from_records(co, cx->today);
		if ((rc = cli_save(cx, co)) == EXIT_OK) {
			if (cx->json)
				print_json(json_pack("{s:I, s:s, s:s}", "company", (json_int_t)co->id, "kind", sp->kind, "id", key));
			else
				printf("%s: %s %s\n", tr(cx, "記録しました", "Recorded"), sp->kind, key);
		}
	}
	json_decref(ok);
	json_decref(in);
	errs_free(&e);
	company_free(co);
	return rc;
}

static int cmd_remove(cli_t *cx, args_t *a)
{
	const reg_spec *sp;
	int rc0;
	m_company *co = load(cx, a, &sp, &rc0);
	if (!co)
		return rc0;
	int rc = EXIT_FAIL;
	if (!reg_remove(co, sp->kind, a->pos[2]))
		cli_error(cx, "%s \"%s\"", tr(cx, "その記録はありません:", "no such record"), a->pos[2]);
	else if ((rc = cli_save(cx, co)) == EXIT_OK && !cx->json)
		printf("%s: %s %s\n", tr(cx, "削除しました", "Removed"), sp->kind, a->pos[2]);
	else if (rc == EXIT_OK)
		print_json(json_pack("{s:I, s:s, s:s}", "company", (json_int_t)co->id, "kind", sp->kind, "removed", a->pos[2]));
	company_free(co);
	return rc;
}

/* register import ID KIND FILE.csv [--replace]: every row checked, all or
 * nothing.  The header names the columns by field name or by the label the
 * export writes (Japanese or English); an ID column is ignored. */
static int cmd_import(cli_t *cx, args_t *a)
{
	const reg_spec *sp = kind_arg(cx, a->pos[1]);
	if (!sp)
		return EXIT_USAGE;
	size_t len;
	char *data = read_all(cx, a->pos[2], 16u << 20, &len);
	if (!data)
		return EXIT_FAIL;
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co) {
		free(data);
		return EXIT_FAIL;
	}
	arena_t ar = {0};
	csv_rows rows;
	errs_t e = ERRS_INIT;
	bool converted;
	size_t ulen;
	char *utf8 = csv_to_utf8(data, len, &ulen, &converted);
	free(data);
	data = utf8;
	len = ulen;
	if (!data)
		errs_add(&e, a->pos[2], "%s",
			 tr(cx, "文字コードが UTF-8 でも Shift_JIS（CP932）でもありません。Excel では「名前を付けて保存」で"
				"ファイルの種類を「CSV UTF-8（コンマ区切り）(*.csv)」にして保存し直してください",
			    "is neither UTF-8 nor Shift_JIS (CP932). In Excel, use Save As with the file type "
			    "\"CSV UTF-8 (Comma delimited) (*.csv)\" and import that file"));
	else if (!csv_parse(data, len, &ar, &rows))
		errs_add(&e, a->pos[2], "%s", tr(cx, "引用符が閉じていません", "has an unterminated quoted field"));
	else if (rows.n == 0)
		errs_add(&e, a->pos[2], "%s", tr(cx, "見出しの行がありません", "has no header row"));
	free(data);
	const field_spec **cols = NULL;
	if (!e.n) {
		cols = arena_alloc(&ar, (rows.rows[0].n + 1) * sizeof *cols);
		for (size_t c = 0; c < rows.rows[0].n; c++) {
			const char *h = rows.rows[0].cells[c];
			if (!strcmp(h, "ID") || !strcmp(h, "id"))
				continue;
			cols[c] = reg_column(sp, h);
			if (!cols[c])
				errs_add(&e, arena_printf(&ar, "%s:1", a->pos[2]), "%s \"%s\"", tr(cx, "不明な列:", "unknown column"), h);
		}
	}
	if (!e.n && flag(a, "replace"))
		while (1) {
			const m_record **recs;
			if (!reg_records(co, sp->kind, &recs, &ar) || !reg_remove(co, sp->kind, recs[0]->key))
				break;
		}
	/* Every row is checked; the rows are added to the snapshot in memory,
	 * which is saved only when no row had an error. */
	size_t added = 0;
	for (size_t r = 1; cols && r < rows.n; r++) {
		json_t *in = json_object();
		for (size_t c = 0; c < rows.rows[r].n && c < rows.rows[0].n; c++)
			if (cols[c] && *rows.rows[r].cells[c])
				json_object_set_new(in, cols[c]->name, reg_cell_json(cols[c], rows.rows[r].cells[c]));
		json_t *ok = reg_check(cx->cat, co, sp, in, arena_printf(&ar, "%s:%zu", a->pos[2], r + 1), cx->lang, &e);
		if (ok) {
			reg_add(co, sp, ok);
			added++;
		}
		json_decref(ok);
		json_decref(in);
	}
	int rc = EXIT_FAIL;
	if (!e.n)
		recur_from_records(co, cx->today);   /* drills, restore tests, supplier checks */
	if (e.n)
		cli_errors(cx, &e);   /* nothing is saved */
	else if ((rc = cli_save(cx, co)) == EXIT_OK) {
		if (cx->json)
			print_json(json_pack("{s:I, s:s, s:i}", "company", (json_int_t)co->id, "kind", sp->kind, "added", (int)added));
		else
			printf("%s %zu (%s)%s\n", tr(cx, "取り込みました:", "Imported:"), added, sp->kind,
			       converted ? tr(cx, "（Shift_JIS の CSV として読みました）", " (read as Shift_JIS CSV)") : "");
	}
	errs_free(&e);
	arena_free(&ar);
	company_free(co);
	return rc;
}

static int cmd_org(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	status_t st;
	status_compute(cx->cat, co, company_latest(co), &st);
	int step = st.working_step;
	const char *v = opt(a, "step");
	if (v) {
		if (strlen(v) != 1 || v[0] < '1' || v[0] > '4') {
			cli_error(cx, "--step: %s", tr(cx, "1〜4 です", "must be 1-4"));
			company_free(co);
			return EXIT_USAGE;
		}
		step = v[0] - '0';
	}
	int flags[CAT_TASKS];
	reg_org_flags(cx->cat, co, step, flags);
	static const char *const flag_ids[] = {"ok", "nobody", "no_deputy"};
	if (cx->json) {
		json_t *arr = json_array();
		for (int t = 0; t < CAT_TASKS; t++)
			if (cx->cat->tasks[t].step == step)
				json_array_append_new(arr, json_pack("{s:s, s:s}", "task", cx->cat->tasks[t].id, "flag", flag_ids[flags[t]]));
		print_json(json_pack("{s:I, s:i, s:o}", "company", (json_int_t)co->id, "step", step, "tasks", arr));
	} else {
		printf("STEP%d — %s\n", step, tr(cx, "タスクごとの担当", "who holds each task"));
		for (int t = 0; t < CAT_TASKS; t++) {
			if (cx->cat->tasks[t].step != step)
				continue;
			printf("  %-9s ", cx->cat->tasks[t].id);
			fput_col(stdout, tx(cx->cat->tasks[t].title, cx->lang), 40);   /* by display width */
			printf(" %s\n", flags[t] == 1 ? tr(cx, "！ だれもいません", "! nobody") :
					flags[t] == 2 ? tr(cx, "！ 一人だけで副担当がいません", "! one person, no deputy") : "OK");
		}
	}
	company_free(co);
	return EXIT_OK;
}

#define KIND_JA "KIND\t記録の種類: organisation（体制）suppliers（取引先・外部サービス）contacts（インシデントの連絡先）" \
	"systems（システムの復旧目標とバックアップ）drills（訓練）incidents（インシデント）"
#define KIND_EN "KIND\tthe register: organisation, suppliers, contacts, systems, drills, incidents"

const cli_cmd register_cmds[] = {
	{"register", "list", cmd_list, "", 2, 2, "ID KIND", "記録の一覧（体制・取引先・連絡先・システム・訓練・インシデント）",
	 "list a register (organisation, suppliers, contacts, systems, drills, incidents)",
	 {HA_ID_JA "\n" KIND_JA, HA_ID_EN "\n" KIND_EN, NULL, NULL, "secstep register list 1 contacts\nsecstep --json register list 1 systems"}},
	{"register", "add", cmd_add, "set= file=", 2, 2, "ID KIND --set FIELD=VALUE... | --file RECORD.json",
	 "記録を追加", "add a record",
	 {HA_ID_JA "\n" KIND_JA, HA_ID_EN "\n" KIND_EN,
	  "--set FIELD=VALUE\t項目の値（くり返し可）。項目名は docs/company-document.md の各記録の表のとおり\n"
	  "--file RECORD.json\t記録一件の JSON オブジェクト（- は標準入力）。--set はその上に重ねます",
	  "--set FIELD=VALUE\tone field (repeatable); the field names are in docs/company-document.md\n"
	  "--file RECORD.json\tone record as a JSON object (- reads standard input); --set applies on top",
	  "secstep register add 1 contacts --set role=it_vendor --set name=サポート窓口 --set phone=03-0000-0000 --set order=1 --set \"notes=パソコンが動かないとき\""}},
	{"register", "remove", cmd_remove, "", 3, 3, "ID KIND KEY", "記録を削除", "remove a record",
	 {HA_ID_JA "\n" KIND_JA "\nKEY\t記録の ID（k1 など。register list に出ます）",
	  HA_ID_EN "\n" KIND_EN "\nKEY\tthe record's id (k1 …; shown by register list)", NULL, NULL, "secstep register remove 1 contacts k2"}},
	{"register", "import", cmd_import, "replace", 3, 3, "ID KIND FILE.csv [--replace]",
	 "CSV（Excel で作ったもの）から記録を取り込む（全件を確認、1件でも誤りがあれば何も変えない）",
	 "import records from CSV (Excel); every row checked, nothing changed on any error",
	 {HA_ID_JA "\n" KIND_JA "\nFILE.csv\t1行目が見出し（項目名、または書き出した表の見出し）の CSV。UTF-8（Excel の「CSV UTF-8」）。"
	  "Excel の既定の CSV（Shift_JIS / CP932）も読めます",
	  HA_ID_EN "\n" KIND_EN "\nFILE.csv\ta CSV whose first row names the columns (field names, or the headings export writes); UTF-8 "
	  "(Excel's \"CSV UTF-8\"); Excel's default Japanese CSV (Shift_JIS / CP932) is read too",
	  "--replace\tその種類の記録をすべて CSV の内容に置き換える（既定は追加）", "--replace\treplace every record of that kind (default: add)",
	  "secstep register import 1 contacts contacts.csv\nsecstep export 1 --format csv -o csv && secstep register import 1 systems csv/systems.csv --replace"}},
	{"org", NULL, cmd_org, "step=", 1, 1, "ID [--step N]", "タスクの担当の空き・副担当なしを確認", "who holds each task; gaps flagged",
	 {HA_ID_JA, HA_ID_EN, "--step N\tこの STEP（1〜4）のタスク（既定は取り組む段階）", "--step N\tthe tasks of this STEP, 1-4 (default: the working STEP)",
	  "secstep org 1 --step 3"}},
	HA_END,
};

