/* cmd_task.c — tasks: assign an owner and due date, update status, list. */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "base/width.h"
#include "cli/cli.h"
#include "core/recur.h"
#include "exchange/doc.h"

/* Shared by assign and update: checks and applies the options. */
static int change(cli_t *cx, args_t *a, const char *owner_arg)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	const cat_task *t = cat_task_find(cx->cat, a->pos[1]);
	if (!t)
		errs_add(&e, "TASK", "%s \"%s\" (task-1-1 … task-4-4)", tr(cx, "不明なタスク:", "unknown task"), a->pos[1]);
	const char *owner = owner_arg ? owner_arg : opt(a, "owner");
	/* "none" clears the owner only as --owner; a positional PID is a person. */
	bool clear_owner = !owner_arg && owner && (!strcmp(owner, "none") || !*owner);
	if (owner && !clear_owner && !company_person(co, owner))
		errs_add(&e, owner_arg ? "PID" : "--owner", "%s \"%s\"", tr(cx, "その人は登録されていません:", "no such person"), owner);
	date_t due = DATE_NONE;
	const char *v = opt(a, "due");
	bool clear_due = v && (!strcmp(v, "none") || !*v);
	if (v && !clear_due && !date_parse(v, &due))
		errs_add(&e, "--due", "%s \"%s\"", tr(cx, "日付は YYYY-MM-DD です。指定値:", "must be a date YYYY-MM-DD; got"), v);
	task_status_t st = TASK_TODO;
	const char *sv = opt(a, "status");
	if (sv && !task_status_parse(sv, &st))
		errs_add(&e, "--status", "%s \"%s\"", tr(cx, "todo（未着手）/ doing（進行中）/ done（完了）です。指定値:",
							 "must be todo, doing or done; got"), sv);
	recur_t recur = RECUR_DEFAULT;
	const char *rv = opt(a, "recur");
	if (rv && !recur_parse(rv, &recur))
		errs_add(&e, "--recur", "%s \"%s\"", tr(cx, "none（1回だけ）/ monthly（毎月）/ quarterly（3か月ごと）/ yearly（毎年）です。指定値:",
							 "must be none, monthly, quarterly or yearly; got"), rv);
	const char *note = opt(a, "note");
	if (note && !valid_long_text(note, DOC_MAX_NOTE))
		errs_add(&e, "--note", "%s", tr(cx, "4000文字以内にしてください", "must be at most 4000 characters"));
	int rc = EXIT_FAIL;
	if (e.n) {
		cli_errors(cx, &e);
	} else {
		m_task *mt = company_task_slot(co, t->id);
		if (owner)
			mt->owner = clear_owner ? NULL : company_person(co, owner)->key;
		if (v)
			mt->due = clear_due ? DATE_NONE : due;
		if (rv)
			mt->recur = recur;
		bool next_round = sv && task_set_status(mt, st, cx->today);
		if (note)
			mt->note = *note ? arena_strdup(&co->arena, note) : NULL;
		if ((rc = cli_save(cx, co)) == EXIT_OK) {
			char next[11] = "";
			if (next_round)
				date_format(mt->due, next);
			if (cx->json)
				print_json(json_pack("{s:I, s:s, s:o}", "company", (json_int_t)co->id, "task", t->id,
						     "next_due", next_round ? json_string(next) : json_null()));
			else if (next_round)
				printf("%s: %s %s — %s %s\n", tr(cx, "完了を記録しました", "Completion recorded"), t->id,
				       tx(t->title, cx->lang), tr(cx, "次の期限:", "next due:"), next);
			else
				printf("%s: %s %s\n", tr(cx, "タスクを更新しました", "Task updated"), t->id, tx(t->title, cx->lang));
		}
	}
	errs_free(&e);
	company_free(co);
	return rc;
}

static int cmd_assign(cli_t *cx, args_t *a)
{
	return change(cx, a, a->pos[2]);
}

static int cmd_update(cli_t *cx, args_t *a)
{
	if (!opt(a, "owner") && !opt(a, "due") && !opt(a, "status") && !opt(a, "note") && !opt(a, "recur")) {
		cli_error(cx, "%s", tr(cx, "--status / --due / --owner / --note / --recur のどれかを指定してください",
				       "give --status, --due, --owner, --note or --recur"));
		return EXIT_USAGE;
	}
	return change(cx, a, NULL);
}

static int cmd_list(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	const char *who = opt(a, "person");
	if (who && !company_person(co, who)) {
		cli_error(cx, "%s \"%s\"", tr(cx, "その人は登録されていません:", "no such person"), who);
		company_free(co);
		return EXIT_FAIL;
	}
	json_t *arr = json_array();
	for (int i = 0; i < CAT_TASKS; i++) {
		const cat_task *t = &cx->cat->tasks[i];
		const m_task *mt = company_task(co, t->id);
		if (who && (!mt || !str_eq(mt->owner, who)))
			continue;
		if (!mt && !flag(a, "all"))
			continue;
		char due[11] = "";
		if (mt && mt->due != DATE_NONE)
			date_format(mt->due, due);
		bool overdue = mt && mt->due != DATE_NONE && mt->due < cx->today && mt->status != TASK_DONE;
		if (cx->json) {
			m_task dflt = {t->id, NULL, DATE_NONE, TASK_TODO, NULL, RECUR_DEFAULT, DATE_NONE};
			char last[11] = "";
			if (mt && mt->last_done > 0)
				date_format(mt->last_done, last);
			json_array_append_new(arr, json_pack("{s:s, s:i, s:o, s:o, s:s, s:b, s:s, s:o}", "id", t->id, "step", t->step,
							     "owner", mt && mt->owner ? json_string(mt->owner) : json_null(),
							     "due", *due ? json_string(due) : json_null(),
							     "status", task_status_id(mt ? mt->status : TASK_TODO),
							     "overdue", overdue, "recur", recur_id(recur_effective(mt ? mt : &dflt)),
							     "last_done", *last ? json_string(last) : json_null()));
		} else {
			const m_person *p = mt ? company_person(co, mt->owner) : NULL;
			printf("%-9s %-5s %-10s ", t->id, task_status_id(mt ? mt->status : TASK_TODO), *due ? due : "-");
			fput_col(stdout, p ? p->name : "-", 12);   /* a Japanese name is two columns a character */
			printf(" %s%s\n", tx(t->title, cx->lang), overdue ? tr(cx, "  ← 期限切れ", "  ← overdue") : "");
		}
	}
	if (cx->json)
		print_json(json_pack("{s:I, s:o}", "company", (json_int_t)co->id, "tasks", arr));
	else
		json_decref(arr);
	company_free(co);
	return EXIT_OK;
}

#define TASK_ARG_JA "TASK\tタスクの ID（task-1-1〜task-4-4。secstep plan に出ます）"
#define TASK_ARG_EN "TASK\tthe task's id (task-1-1 … task-4-4; shown by secstep plan)"

const cli_cmd task_cmds[] = {
	{"task", "assign", cmd_assign, "due= status= note= recur=", 3, 3,
	 "ID TASK PID [--due YYYY-MM-DD] [--status todo|doing|done] [--recur none|monthly|quarterly|yearly]",
	 "タスクの担当者（と期限）を決める", "give a task an owner (and a due date)",
	 {HA_ID_JA "\n" TASK_ARG_JA "\n" HA_PID_JA, HA_ID_EN "\n" TASK_ARG_EN "\n" HA_PID_EN,
	  "--due YYYY-MM-DD\t期限\n--status S\ttodo（未着手）doing（進行中）done（完了）\n--note TEXT\tメモ\n--recur R\t繰り返し: none（なし）monthly（毎月）quarterly（3か月ごと）yearly（毎年）。繰り返すタスクは完了すると次の期限で開き直します",
	  "--due YYYY-MM-DD\tthe due date\n--status S\ttodo, doing or done\n--note TEXT\ta note\n--recur R\thow often it repeats: none, monthly, quarterly or yearly; a repeating task reopens with its next due date when done",
	  "secstep task assign 1 task-1-1 p1 --due 2026-12-20"}},
	{"task", "update", cmd_update, "owner= due= status= note= recur=", 2, 2,
	 "ID TASK [--status todo|doing|done] [--due YYYY-MM-DD|none] [--owner PID|none] [--note TEXT] "
	 "[--recur none|monthly|quarterly|yearly]",
	 "タスクの状況・期限・担当を変える", "change a task's status, due date or owner",
	 {HA_ID_JA "\n" TASK_ARG_JA, HA_ID_EN "\n" TASK_ARG_EN,
	  "--status S\ttodo（未着手）doing（進行中）done（完了）\n--due YYYY-MM-DD|none\t期限（none で消す）\n"
	  "--owner PID|none\t担当（none で担当なし）\n--note TEXT\tメモ\n--recur R\t繰り返し: none（なし）monthly（毎月）quarterly（3か月ごと）yearly（毎年）。繰り返すタスクは完了すると次の期限で開き直します",
	  "--status S\ttodo, doing or done\n--due YYYY-MM-DD|none\tthe due date (none clears it)\n--owner PID|none\tthe owner (none: nobody)\n--note TEXT\ta note\n--recur R\thow often it repeats: none, monthly, quarterly or yearly; a repeating task reopens with its next due date when done",
	  "secstep task update 1 task-1-1 --status done\nsecstep task update 1 task-2-5 --recur yearly"}},
	{"task", "list", cmd_list, "person= all", 1, 1, "ID [--person PID] [--all]",
	 "タスクの一覧（担当者で絞り込み）", "list tasks (filter by person)",
	 {HA_ID_JA, HA_ID_EN, "--person PID\tその人が担当のタスクだけ\n--all\t手をつけていないタスクも（全16タスク）",
	  "--person PID\tonly that person's tasks\n--all\ttasks nobody has touched too (all 16)", "secstep task list 1 --person p1"}},
	HA_END,
};

