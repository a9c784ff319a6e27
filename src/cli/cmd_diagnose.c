/* cmd_diagnose.c — `secstep diagnose`: answer the checkpoints (through their
 * plain questions) and the 25-item self-diagnosis.  Each run keeps a dated
 * diagnosis; answering twice on one day updates that day's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "cli/cli.h"
#include "core/rules.h"
#include "exchange/doc.h"

typedef enum { ITEM_NONE, ITEM_CP, ITEM_Q, ITEM_SD } item_kind;

static item_kind item_of(const catalog *cat, const char *id, const char **canon)
{
	const cat_checkpoint *cp = cat_checkpoint_find(cat, id);
	const cat_question *q;
	const cat_sd_item *sd;
	if (cp) {
		*canon = cp->id;
		return ITEM_CP;
	}
	if ((q = cat_question_find(cat, id, NULL))) {
		*canon = q->id;
		return ITEM_Q;
	}
	if ((sd = cat_sd_find(cat, id))) {
		*canon = sd->id;
		return ITEM_SD;
	}
	return ITEM_NONE;
}

/* Pending answers of this run, applied at the end. */
typedef struct {
	const char *item[512];
	answer_t ans[512];
	size_t n;
} pending;

static void pend(pending *p, const char *item, answer_t a)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->item[i] == item) {
			p->ans[i] = a;
			return;
		}
	if (p->n < ARRAY_LEN(p->item)) {
		p->item[p->n] = item;
		p->ans[p->n++] = a;
	}
}

static void read_file_answers(cli_t *cx, const char *path, pending *pd, errs_t *e)
{
	size_t len;
	char *data = read_all(cx, path, 1 << 20, &len);
	if (!data) {
		errs_add(e, "--file", "%s", tr(cx, "読み込めません", "cannot be read"));
		return;
	}
	json_error_t jerr;
	json_t *root = utf8_valid(data, len) ? json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr) : NULL;
	free(data);
	if (!root || !json_is_object(root)) {
		errs_add(e, "--file", "%s", tr(cx, "JSON として読めません（UTF-8 の JSON オブジェクトにしてください）",
					      "is not a JSON object in UTF-8"));
		json_decref(root);
		return;
	}
	static const struct { const char *key; item_kind kind; } maps[] = {
		{"checkpoints", ITEM_CP}, {"questions", ITEM_Q}, {"self_diagnosis", ITEM_SD}};
	const char *key;
	json_t *v;
	json_object_foreach(root, key, v) {
		size_t m = 0;
		while (m < ARRAY_LEN(maps) && strcmp(maps[m].key, key) != 0)
			m++;
		if (m == ARRAY_LEN(maps)) {
			errs_add(e, key, "%s", tr(cx, "不明な項目です（checkpoints / questions / self_diagnosis）",
						  "unknown field (checkpoints, questions, self_diagnosis)"));
			continue;
		}
		if (!json_is_object(v)) {
			errs_add(e, key, "%s", tr(cx, "ID: 回答 のオブジェクトにしてください", "must be an object of id: answer"));
			continue;
		}
		const char *id;
		json_t *ans;
		json_object_foreach(v, id, ans) {
			char where[96];
			snprintf(where, sizeof where, "%s.%.60s", key, id);
			const char *canon;
			answer_t a;
			if (item_of(cx->cat, id, &canon) != maps[m].kind)
				errs_add(e, where, "%s", tr(cx, "不明なIDです", "unknown id"));
			else if (!json_is_string(ans) || !answer_parse(json_string_value(ans), &a))
				errs_add(e, where, "%s", tr(cx, "回答は yes / partial / no / unknown / na です",
							    "answer must be yes, partial, no, unknown or na"));
			else
				pend(pd, canon, a);
		}
	}
	json_decref(root);
}

/* Reads one answer from the terminal; returns false at end of input or 'q'. */
static bool ask(cli_t *cx, const char *q, const char *help, answer_t prev, answer_t *out)
{
	printf("\n%s\n  (%s)\n", q, help);
	printf("%s", tr(cx, "  [y]はい [p]一部 [n]いいえ [u]わからない [x]該当しない [Enter]そのまま [q]終了",
			"  [y]es [p]artly [n]o [u]nknown [x] not applicable [Enter] keep [q]uit"));
	if (prev != ANS_NONE)
		printf(" (%s: %s)", tr(cx, "前回", "before"), answer_id(prev));
	printf("\n> ");
	fflush(stdout);
	char *line = NULL;
	size_t cap = 0;
	for (;;) {
		free(line);
		line = NULL;
		if (getline(&line, &cap, stdin) < 0) {
			free(line);
			return false;
		}
		char *s = line;
		while (*s == ' ')
			s++;
		s[strcspn(s, "\r\n ")] = '\0';
		if (!*s) {
			free(line);
			*out = ANS_NONE;
			return true;
		}
		if (!strcmp(s, "q")) {
			free(line);
			return false;
		}
		static const struct { const char *in; answer_t a; } map[] = {
			{"y", ANS_YES}, {"yes", ANS_YES}, {"はい", ANS_YES}, {"p", ANS_PARTIAL},
			{"partial", ANS_PARTIAL}, {"一部", ANS_PARTIAL}, {"n", ANS_NO}, {"no", ANS_NO},
			{"いいえ", ANS_NO}, {"u", ANS_UNKNOWN}, {"unknown", ANS_UNKNOWN},
			{"わからない", ANS_UNKNOWN}, {"?", ANS_UNKNOWN}, {"x", ANS_NA}, {"na", ANS_NA},
			{"-", ANS_NA}};
		for (size_t i = 0; i < ARRAY_LEN(map); i++)
			if (!strcmp(map[i].in, s)) {
				*out = map[i].a;
				free(line);
				return true;
			}
		printf("%s\n> ", tr(cx, "y / p / n / u / x のどれかで答えてください", "please answer y, p, n, u or x"));
		fflush(stdout);
	}
}

static void interactive(cli_t *cx, const m_diagnosis *prev, pending *pd, bool cps, bool sds)
{
	printf("%s\n", tr(cx, "わかる範囲で答えてください。わからなければ u でかまいません。",
			  "Answer what you know; u (don't know) is fine."));
	for (int i = 0; cps && i < CAT_CHECKPOINTS; i++) {
		const cat_checkpoint *cp = &cx->cat->checkpoints[i];
		printf("\n== STEP%d %s ==", cp->step, tx(cp->title, cx->lang));
		for (size_t q = 0; q < cp->n_questions; q++) {
			answer_t a;
			if (!ask(cx, tx(cp->questions[q].text, cx->lang), tx(cp->questions[q].help, cx->lang),
				 diag_answer(prev, cp->questions[q].id), &a))
				return;
			if (a != ANS_NONE)
				pend(pd, cp->questions[q].id, a);
		}
	}
	for (int i = 0; sds && i < CAT_SD_ITEMS; i++) {
		const cat_sd_item *it = &cx->cat->sd[i];
		char head[512];
		snprintf(head, sizeof head, "%s %d/25: %s", tr(cx, "自社診断", "Self-check"), it->no,
			 tx(it->question, cx->lang));
		answer_t a;
		if (!ask(cx, head, tx(it->help, cx->lang), diag_answer(prev, it->id), &a))
			return;
		if (a != ANS_NONE)
			pend(pd, it->id, a);
	}
}

static int cmd_diagnose(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	pending pd = {.n = 0};
	date_t date = cx->today;
	const char *v;
	if ((v = opt(a, "date")) && !date_parse(v, &date))
		errs_add(&e, "--date", "%s \"%s\"", tr(cx, "日付は YYYY-MM-DD です。指定値:", "must be a date YYYY-MM-DD; got"), v);
	const m_diagnosis *latest = company_latest(co);
	if (date > cx->today)
		errs_add(&e, "--date", "%s", tr(cx, "未来の日付にはできません", "cannot be in the future"));
	else if (latest && date < latest->date)
		errs_add(&e, "--date", "%s", tr(cx, "前回の診断より前の日付にはできません", "cannot be before the last diagnosis"));
	if ((v = opt(a, "file")))
		read_file_answers(cx, v, &pd, &e);
	int it = 0;
	while ((v = opt_next(a, "set", &it))) {
		const char *eq = strchr(v, '=');
		char id[64];
		const char *canon;
		answer_t ans;
		size_t n = eq ? (size_t)(eq - v) : 0;
		if (!eq || n >= sizeof id) {
			errs_add(&e, "--set", "%s \"%s\"", tr(cx, "ID=回答 の形で指定します（例 cp-1-1=yes）:", "must be ID=ANSWER (e.g. cp-1-1=yes):"), v);
			continue;
		}
		memcpy(id, v, n);
		id[n] = '\0';
		if (item_of(cx->cat, id, &canon) == ITEM_NONE)
			errs_add(&e, "--set", "%s \"%s\"", tr(cx, "不明なID:", "unknown id"), id);
		else if (!answer_parse(eq + 1, &ans))
			errs_add(&e, "--set", "%s=%s: %s", id, eq + 1, tr(cx, "回答は yes / partial / no / unknown / na です",
									  "answer must be yes, partial, no, unknown or na"));
		else
			pend(&pd, canon, ans);
	}
	const char *part = opt(a, "part");
	if (part && strcmp(part, "checkpoints") && strcmp(part, "selfcheck") && strcmp(part, "all"))
		errs_add(&e, "--part", "%s", tr(cx, "checkpoints / selfcheck / all のどれかです", "must be checkpoints, selfcheck or all"));
	if (e.n) {
		cli_errors(cx, &e);
		errs_free(&e);
		company_free(co);
		return EXIT_FAIL;
	}
	bool ask_now = flag(a, "interactive") || (!opt(a, "file") && !opt(a, "set") && isatty(0));
	if (ask_now)
		interactive(cx, latest, &pd, !part || strcmp(part, "selfcheck") != 0,
			    !part || strcmp(part, "checkpoints") != 0);
	if (pd.n == 0) {
		cli_error(cx, "%s", tr(cx, "回答がありません（--set ID=回答、--file FILE、または端末で対話）",
				       "no answers given (--set ID=ANSWER, --file FILE, or answer interactively)"));
		company_free(co);
		return ask_now ? EXIT_FAIL : EXIT_USAGE;
	}

	/* Start from the last answers: a diagnosis is a whole picture. */
	m_diagnosis *d = company_diagnosis_on(co, date);
	for (size_t i = 0; i < pd.n; i++) {
		diag_set(co, d, pd.item[i], pd.ans[i]);
		/* Answering a question re-opens its checkpoint to the roll-up
		 * unless the checkpoint itself is answered in this run too. */
		const cat_checkpoint *cp;
		if (cat_question_find(cx->cat, pd.item[i], &cp)) {
			bool own = false;
			for (size_t k = 0; k < pd.n; k++)
				own |= pd.item[k] == cp->id;
			if (!own)
				diag_set(co, d, cp->id, ANS_NONE);
		}
	}
	int rc = cli_save(cx, co);
	if (rc == EXIT_OK) {
		status_t st;
		status_compute(cx->cat, co, company_latest(co), &st);
		if (cx->json) {
			char ds[11];
			date_format(date, ds);
			print_json(json_pack("{s:I, s:s, s:i, s:i, s:i}", "company", (json_int_t)co->id, "date", ds,
					     "answers", (int)pd.n, "current_step", st.current_step,
					     "working_step", st.working_step));
		} else {
			char cur[64];
			if (st.current_step)
				snprintf(cur, sizeof cur, "STEP%d", st.current_step);
			else
				snprintf(cur, sizeof cur, "%s", tr(cx, "STEP1 の手前", "before STEP1"));
			printf("%s %zu — %s %s, %s STEP%d\n", tr(cx, "診断を保存しました。回答数:", "Diagnosis saved. Answers:"),
			       pd.n, tr(cx, "いまの段階", "current"), cur, tr(cx, "取り組む段階", "working on"), st.working_step);
			printf("%s\n", tr(cx, "次は: secstep status と secstep plan", "Next: secstep status and secstep plan"));
		}
	}
	company_free(co);
	return rc;
}

const cli_cmd diagnose_cmds[] = {
	{"diagnose", NULL, cmd_diagnose, "file= set= date= interactive part=", 1, 1,
	 "ID [--set ID=yes|partial|no|unknown|na]... [--file FILE] [--date YYYY-MM-DD] [--interactive] "
	 "[--part checkpoints|selfcheck|all]",
	 "診断（チェックポイントの質問と25項目の自社診断）に答える",
	 "answer the diagnosis (checkpoint questions and the 25-item self-check)",
	 {HA_ID_JA, HA_ID_EN,
	  "--set ID=ANSWER\t一つの回答（くり返し可）。ID は cp-1-1 などのチェックポイント、その質問、sd-01〜sd-25。"
	  "回答は yes（はい）partial（一部）no（いいえ）unknown（わからない）na（該当しない）\n"
	  "--file FILE\t回答の JSON（{\"checkpoints\": {…}, \"self_diagnosis\": {…}}）。- は標準入力\n"
	  "--date YYYY-MM-DD\t診断した日（既定は今日。前回より前や未来は不可）\n"
	  "--interactive\t端末で一問ずつ答える（--set も --file もなく端末のときは自動）\n"
	  "--part P\t対話で聞く範囲: checkpoints、selfcheck、all（既定）",
	  "--set ID=ANSWER\tone answer (repeatable). ID: a checkpoint such as cp-1-1, one of its questions, or sd-01 … sd-25; "
	  "ANSWER: yes, partial, no, unknown or na\n"
	  "--file FILE\tanswers as JSON ({\"checkpoints\": {…}, \"self_diagnosis\": {…}}); - reads standard input\n"
	  "--date YYYY-MM-DD\tthe day of the diagnosis (default today; not before the last one, not in the future)\n"
	  "--interactive\task one question at a time in the terminal (the default in a terminal without --set or --file)\n"
	  "--part P\twhat to ask: checkpoints, selfcheck or all (the default)",
	  "secstep diagnose 1 --set cp-1-1=yes --set sd-01=partial\nsecstep diagnose 1 --interactive --part selfcheck"}},
	HA_END,
};

