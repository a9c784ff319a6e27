/* cmd_data.c — the whole database and the calendar: backup, restore, and
 * an iCalendar of a company's dates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "view/ics.h"

static int cmd_backup(cli_t *cx, args_t *a)
{
	const char *path = a->pos[0];
	if (!cli_store_existing(cx))
		return EXIT_FAIL;
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	unlink(tmp);
	errs_t e = ERRS_INIT;
	bool ok = store_backup(cx->store, tmp, &e) && rename(tmp, path) == 0;
	if (!ok) {
		unlink(tmp);
		if (e.n)
			cli_errors(cx, &e);
		else
			cli_error(cx, "%s: %s", path, tr(cx, "書き込めません", "cannot write"));
	} else {
		cli_audit(cx, 0, 0, "backup", path, NULL);
		if (!cx->json)
			printf("%s %s\n", tr(cx, "バックアップを作りました:", "Backup written:"), path);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

/* Asks on the terminal; true for "y", "yes" or "はい". */
static bool confirm_on_tty(cli_t *cx, const char *path, const char *from)
{
	if (cx->lang == LANG_EN)
		fprintf(stderr, "This replaces everything in the database %s with the contents of %s. Continue? [y/N] ", path, from);
	else
		fprintf(stderr, "データベース %s の中身をすべて %s の内容で置き換えます。よろしいですか？ [y/N] ", path, from);
	fflush(stderr);
	char line[64];
	if (!fgets(line, sizeof line, stdin))
		return false;
	line[strcspn(line, "\r\n")] = '\0';
	return !strcmp(line, "y") || !strcmp(line, "Y") || !strcmp(line, "yes") || !strcmp(line, "はい");
}

static int cmd_restore(cli_t *cx, args_t *a)
{
	if (access(a->pos[0], R_OK) != 0) {
		cli_error(cx, "%s: %s", a->pos[0], tr(cx, "読めません", "cannot be read"));
		return EXIT_FAIL;
	}
	/* Everything in the database is replaced: a person confirms at the
	 * terminal, a script says --yes. */
	if (!flag(a, "yes")) {
		if (!isatty(0) || !isatty(2)) {
			cli_error(cx, "%s", tr(cx, "データベース全体を置き換えます。よければ --yes を付けてください",
					       "this replaces the whole database; add --yes to confirm"));
			return EXIT_USAGE;
		}
		if (!confirm_on_tty(cx, cx->db_path, a->pos[0])) {
			cli_error(cx, "%s", tr(cx, "取りやめました（何も変えていません）", "cancelled (nothing changed)"));
			return EXIT_FAIL;
		}
	}
	if (!cli_store(cx))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	bool ok = store_restore(cx->store, a->pos[0], &e);
	if (!ok)
		cli_errors(cx, &e);
	else {
		cli_audit(cx, 0, 0, "restore", a->pos[0], NULL);
		if (!cx->json)
			printf("%s %s\n", tr(cx, "バックアップから戻しました:", "Restored from:"), a->pos[0]);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

static int cmd_calendar(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	const char *person = opt(a, "person");
	if (person && !company_person(co, person)) {
		cli_error(cx, "--person: %s \"%s\"", tr(cx, "その人は登録されていません:", "no such person"), person);
		company_free(co);
		return EXIT_FAIL;
	}
	/* SEQUENCE and LAST-MODIFIED of each event from the audit log */
	arena_t ar = {0};
	audit_row *rows = NULL;
	size_t n_rows = 0;
	ics_rev *revs = NULL;
	size_t n_revs = 0;
	errs_t e = ERRS_INIT;
	if (store_audit_list(cx->store, co->id, 0, 0, &ar, &rows, &n_rows, &e))
		n_revs = ics_revs(rows, n_rows, &ar, &revs);
	errs_free(&e);
	buf_t out = BUF_INIT;
	ics_write(cx->cat, co, person, cx->lang, cx->today, revs, n_revs, &out);
	free(rows);
	arena_free(&ar);
	const char *path = opt(a, "output");
	int rc = cli_write_out(cx, path && *path ? path : "-", out.p, out.len);
	buf_free(&out);
	company_free(co);
	return rc;
}

const cli_cmd data_cmds[] = {
	{"backup", NULL, cmd_backup, "", 1, 1, "FILE", "データベース全体のバックアップ（使用中でも一貫）",
	 "a consistent copy of the whole database (safe while in use)",
	 {"FILE\tバックアップを書き出すファイル（あれば置き換えます）", "FILE\tthe file to write the copy to (replaced if it exists)",
	  NULL, NULL, "secstep backup secstep-2026-11-30.db"}},
	{"restore", NULL, cmd_restore, "yes", 1, 1, "FILE [--yes]", "バックアップから戻す（端末では確認、それ以外は --yes が必要。secstep のデータベースでなければ拒否）",
	 "restore from a backup (asks in a terminal, else needs --yes; refuses a file that is not one)",
	 {"FILE\tsecstep backup で作ったファイル。今のデータはすべてこの内容に置き換わります",
	  "FILE\ta file made by secstep backup; all current data is replaced by it",
	  "--yes\t置き換えてよいことの確認（端末でないときは必要）", "--yes\tconfirms the replacement (needed when not asked in a terminal)",
	  "secstep restore secstep-2026-11-30.db --yes"}},
	{"calendar", NULL, cmd_calendar, "person= output=", 1, 1, "ID [--person PID] [-o FILE]",
	 "期限・試験日の iCalendar（.ics）を出力", "an iCalendar (.ics) of due and exam dates",
	 {HA_ID_JA, HA_ID_EN,
	  "--person PID\tその人の予定だけ（担当のタスク・試験・リスク対応）\n-o FILE\t書き出すファイル（- または省略で標準出力）",
	  "--person PID\tonly that person's dates (their tasks, exams, risk treatments)\n-o FILE\tthe file to write (- or none: standard output)",
	  "secstep calendar 1 -o secstep.ics\nsecstep calendar 1 --person p1 > p1.ics"}},
	HA_END,
};

