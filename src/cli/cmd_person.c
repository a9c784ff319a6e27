/* cmd_person.c — the people register: person add / edit / remove; their
 * security roles, exams and learning. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "cli/cli.h"
#include "exchange/doc.h"

/* Applies the person options to p; problems go to errs by option name. */
static void apply_person_opts(cli_t *cx, const args_t *a, m_company *co, m_person *p, errs_t *e,
			      bool adding)
{
	static const struct { const char *opt; size_t max; size_t off; } texts[] = {
		{"department", DOC_MAX_NAME, offsetof(m_person, department)},
		{"position", DOC_MAX_NAME, offsetof(m_person, position)},
		{"email", DOC_MAX_NAME, offsetof(m_person, email)},
		{"phone", 40, offsetof(m_person, phone)},
		{"notes", DOC_MAX_NOTE, offsetof(m_person, notes)},
	};
	const char *v = opt(a, "name");
	if (v || adding) {
		if (!v || !*v)
			errs_add(e, "--name", "%s", tr(cx, "名前が必要です", "a name is required"));
		else if (!valid_short_text(v, DOC_MAX_NAME))
			errs_add(e, "--name", "%s", tr(cx, "200文字以内にしてください", "must be at most 200 characters"));
		else
			p->name = arena_strdup(&co->arena, v);
	}
	for (size_t i = 0; i < ARRAY_LEN(texts); i++) {
		if (!(v = opt(a, texts[i].opt)))
			continue;
		char where[32];
		snprintf(where, sizeof where, "--%s", texts[i].opt);
		if (texts[i].max > DOC_MAX_NAME ? !valid_long_text(v, texts[i].max) : !valid_short_text(v, texts[i].max))
			errs_add(e, where, "%s %zu", tr(cx, "長すぎます。上限（文字）:", "too long; at most characters:"),
				 texts[i].max);
		else
			*(const char **)((char *)p + texts[i].off) = *v ? arena_strdup(&co->arena, v) : NULL;
	}
	if ((v = opt(a, "experience"))) {
		size_t n;
		const char **tags = split_list(&co->arena, v, &n);
		bool ok = true;
		for (size_t i = 0; i < n; i++) {
			if (!cat_tag_find(cx->cat->experience, cx->cat->n_experience, tags[i])) {
				errs_add(e, "--experience", "%s \"%s\" (disaster_prep, it_dept, supervisor, pc_rollout, web, general_affairs …)",
					 tr(cx, "不明な経験:", "unknown experience tag"), tags[i]);
				ok = false;
			}
			for (size_t k = 0; k < i; k++)
				if (str_eq(tags[k], tags[i])) {
					errs_add(e, "--experience", "\"%s\" %s", tags[i], tr(cx, "が重複しています", "is listed twice"));
					ok = false;
				}
		}
		if (ok) {
			p->experience = tags;
			p->n_experience = n;
		}
	}
	if (flag(a, "volunteer"))
		p->volunteer = true;
	if (flag(a, "no-volunteer"))
		p->volunteer = false;
}

static int finish(cli_t *cx, m_company *co, errs_t *e, const char *ja, const char *en, const char *key)
{
	int rc = EXIT_FAIL;
	if (e->n)
		cli_errors(cx, e);
	else if ((rc = cli_save(cx, co)) == EXIT_OK) {
		if (cx->json)
			print_json(json_pack("{s:I, s:s}", "company", (json_int_t)co->id, "person", key));
		else
			printf("%s: %s\n", tr(cx, ja, en), key);
	}
	errs_free(e);
	company_free(co);
	return rc;
}

static m_person *find_person(cli_t *cx, m_company *co, const char *key)
{
	m_person *p = company_person(co, key);
	if (!p)
		cli_error(cx, "%s \"%s\" (secstep company show %lld)", tr(cx, "その人は登録されていません:", "no such person"),
			  key, (long long)co->id);
	return p;
}

/* The company (pos 0) and the person (pos 1) a command works on; NULL
 * (message printed, nothing left to free) when either is missing. */
static m_person *load_person(cli_t *cx, const args_t *a, m_company **co)
{
	*co = cli_company(cx, a->pos[0]);
	m_person *p = *co ? find_person(cx, *co, a->pos[1]) : NULL;
	if (!p) {
		company_free(*co);
		*co = NULL;
	}
	return p;
}

static int cmd_add(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	const char *key = opt(a, "id");
	if (key && !valid_person_key(key))
		errs_add(&e, "--id", "%s", tr(cx, "1〜32文字の英数字・-・_ にしてください", "must be 1-32 letters, digits, - or _"));
	else if (key && company_person(co, key))
		errs_add(&e, "--id", "\"%s\" %s", key, tr(cx, "は別の人が使っています", "is used by another person"));
	key = key ? arena_strdup(&co->arena, key) : company_next_person_key(co);
	m_person *p = arena_push(&co->arena, (void **)&co->people, &co->n_people, &co->cap_people, sizeof *p);
	p->key = key;
	apply_person_opts(cx, a, co, p, &e, true);
	return finish(cx, co, &e, "登録しました", "Person added", key);
}

static int cmd_edit(cli_t *cx, args_t *a)
{
	m_company *co;
	m_person *p = load_person(cx, a, &co);
	if (!p)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	apply_person_opts(cx, a, co, p, &e, false);
	return finish(cx, co, &e, "更新しました", "Person updated", p->key);
}

static int cmd_remove(cli_t *cx, args_t *a)
{
	m_company *co;
	m_person *p = load_person(cx, a, &co);
	if (!p)
		return EXIT_FAIL;
	const char *key = arena_strdup(&co->arena, p->key);
	/* Tasks they held go back to nobody — say so, do not hide it. */
	for (size_t t = 0; t < co->n_tasks; t++)
		if (str_eq(co->tasks[t].owner, key) && !cx->json)
			printf("%s %s\n", co->tasks[t].task, tr(cx, "の担当者がいなくなりました", "no longer has an owner"));
	company_remove_person(co, key);
	errs_t e = ERRS_INIT;
	return finish(cx, co, &e, "削除しました", "Person removed", key);
}

/* role set ID PID ROLE [--time concurrent|dedicated] [--share N] */
static int cmd_role_set(cli_t *cx, args_t *a)
{
	m_company *co;
	m_person *p = load_person(cx, a, &co);
	if (!p)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	const char *role = a->pos[2];
	if (!cat_tag_find(cx->cat->roles, cx->cat->n_roles, role))
		errs_add(&e, "ROLE", "%s \"%s\" (security_lead, officer, ciso, committee, csirt, educator)",
			 tr(cx, "不明な役割:", "unknown role"), role);
	role_time_t t = TIME_CONCURRENT;
	const char *v = opt(a, "time");
	if (v && !role_time_parse(v, &t))
		errs_add(&e, "--time", "%s \"%s\"", tr(cx, "concurrent（兼務）か dedicated（専任）です。指定値:",
						       "must be concurrent or dedicated; got"), v);
	int share = 0;
	if ((v = opt(a, "share"))) {
		char *end;
		long n = strtol(v, &end, 10);
		if (!*v || *end || n < 0 || n > 100)
			errs_add(&e, "--share", "%s \"%s\"", tr(cx, "0〜100（%）の整数です。指定値:", "must be 0-100 (percent); got"), v);
		else
			share = (int)n;
	}
	if (!e.n) {
		const m_role *cur;
		if (person_has_role(p, role, &cur)) {
			m_role *r = (m_role *)(uintptr_t)cur;
			if (opt(a, "time"))
				r->time = t;
			if (opt(a, "share"))
				r->share = share;
		} else {
			m_role *r = arena_push(&co->arena, (void **)&p->roles, &p->n_roles, &p->cap_roles, sizeof *r);
			*r = (m_role){cat_tag_find(cx->cat->roles, cx->cat->n_roles, role)->id, t, share};
		}
	}
	return finish(cx, co, &e, "役割を設定しました", "Role set", p->key);
}

static int cmd_role_remove(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	m_person *p = find_person(cx, co, a->pos[1]);
	errs_t e = ERRS_INIT;
	const m_role *r;
	if (p && !person_has_role(p, a->pos[2], &r)) {
		cli_error(cx, "%s \"%s\"", tr(cx, "その役割はありません:", "the person does not hold"), a->pos[2]);
		p = NULL;
	}
	if (!p) {
		company_free(co);
		return EXIT_FAIL;
	}
	size_t i = (size_t)(r - p->roles);
	memmove(&p->roles[i], &p->roles[i + 1], (p->n_roles - i - 1) * sizeof *p->roles);
	p->n_roles--;
	return finish(cx, co, &e, "役割を外しました", "Role removed", p->key);
}

/* exam set ID PID EXAM --status planned|studying|passed [--date D] */
static int cmd_exam_set(cli_t *cx, args_t *a)
{
	m_company *co;
	m_person *p = load_person(cx, a, &co);
	if (!p)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	const cat_exam *ex = cat_exam_find(cx->cat, a->pos[2]);
	if (!ex)
		errs_add(&e, "EXAM", "%s \"%s\" (ip, sg, fe, ap, au, sc)", tr(cx, "不明な試験:", "unknown exam"), a->pos[2]);
	exam_status_t st = EXAM_PLANNED;
	const char *v = opt(a, "status");
	if (!v || !exam_status_parse(v, &st))
		errs_add(&e, "--status", "%s \"%s\"", tr(cx, "planned（予定）/ studying（勉強中）/ passed（合格）のどれかです。指定値:",
							 "must be planned, studying or passed; got"), v ? v : "");
	date_t d = DATE_NONE;
	if ((v = opt(a, "date")) && !date_parse(v, &d))
		errs_add(&e, "--date", "%s \"%s\"", tr(cx, "日付は YYYY-MM-DD です。指定値:", "must be a date YYYY-MM-DD; got"), v);
	if (!e.n)
		person_set_exam(co, p, ex->id, st, d);
	return finish(cx, co, &e, "試験を記録しました", "Exam recorded", p->key);
}

static int cmd_exam_remove(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	m_person *p = find_person(cx, co, a->pos[1]);
	size_t i = 0;
	while (p && i < p->n_exams && !str_eq(p->exams[i].exam, a->pos[2]))
		i++;
	if (p && i == p->n_exams) {
		cli_error(cx, "%s \"%s\"", tr(cx, "その試験の記録はありません:", "no record of exam"), a->pos[2]);
		p = NULL;
	}
	if (!p) {
		company_free(co);
		return EXIT_FAIL;
	}
	memmove(&p->exams[i], &p->exams[i + 1], (p->n_exams - i - 1) * sizeof *p->exams);
	p->n_exams--;
	errs_t e = ERRS_INIT;
	return finish(cx, co, &e, "試験の記録を消しました", "Exam record removed", p->key);
}

/* learning add ID PID RESOURCE [--date D] [--note TEXT] */
static int cmd_learning_add(cli_t *cx, args_t *a)
{
	m_company *co;
	m_person *p = load_person(cx, a, &co);
	if (!p)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	const cat_resource *res = cat_resource_find(cx->cat, a->pos[2]);
	if (!res)
		errs_add(&e, "RESOURCE", "%s \"%s\" (secstep catalog --json)", tr(cx, "不明な学習コンテンツ:", "unknown resource"),
			 a->pos[2]);
	date_t d = cx->today;
	const char *v;
	if ((v = opt(a, "date")) && !date_parse(v, &d))
		errs_add(&e, "--date", "%s \"%s\"", tr(cx, "日付は YYYY-MM-DD です。指定値:", "must be a date YYYY-MM-DD; got"), v);
	const char *note = opt(a, "note");
	if (note && !valid_long_text(note, DOC_MAX_NOTE))
		errs_add(&e, "--note", "%s", tr(cx, "4000文字以内にしてください", "must be at most 4000 characters"));
	if (!e.n) {
		m_learning *l = arena_push(&co->arena, (void **)&p->learning, &p->n_learning, &p->cap_learning, sizeof *l);
		*l = (m_learning){res->id, d, note && *note ? arena_strdup(&co->arena, note) : NULL};
	}
	return finish(cx, co, &e, "学習を記録しました", "Learning recorded", p->key);
}

#define PERSON_OPTS "name= department= position= email= phone= notes= experience= volunteer"
#define PERSON_OPTS_JA "--name NAME\t名前\n--department D\t部署\n--position P\t役職\n" \
	"--experience a,b\t近い経験（カンマ区切り: disaster_prep it_dept supervisor pc_rollout web general_affairs accounting など。secstep --json catalog の experience_tags）。配置転換の候補になります\n" \
	"--volunteer\tセキュリティの仕事を自分から希望している（社内公募）\n--email E\tメールアドレス\n--phone T\t電話\n--notes TEXT\tメモ"
#define PERSON_OPTS_EN "--name NAME\tthe name\n--department D\tthe department\n--position P\tthe position\n" \
	"--experience a,b\tadjacent experience, comma-separated (disaster_prep it_dept supervisor pc_rollout web general_affairs accounting …; experience_tags in secstep --json catalog): makes a transfer candidate\n" \
	"--volunteer\tvolunteered for security work\n--email E\tthe e-mail address\n--phone T\tthe phone number\n--notes TEXT\tnotes"
#define ROLE_ARG_JA "ROLE\t役割: security_lead（責任者）officer（担当者）ciso committee（委員）csirt educator（教育担当）"
#define ROLE_ARG_EN "ROLE\tthe role: security_lead, officer, ciso, committee, csirt, educator"
#define EXAM_ARG_JA "EXAM\t試験: ip（ITパスポート）sg（情報セキュリティマネジメント）fe ap au sc"
#define EXAM_ARG_EN "EXAM\tthe exam: ip (IT Passport), sg (Information Security Management), fe, ap, au, sc"

const cli_cmd person_cmds[] = {
	{"person", "add", cmd_add, "id= " PERSON_OPTS, 1, 1,
	 "ID --name NAME [--id p1] [--department D] [--position P] [--experience web,it_dept] [--volunteer] "
	 "[--email E] [--phone T] [--notes TEXT]",
	 "人を登録（部署・経験・希望者かどうか）", "add a person (department, experience, volunteer)",
	 {HA_ID_JA, HA_ID_EN, "--id PID\t人の ID（英数字・- _、32文字まで。省略すると p1、p2 … を振ります）\n" PERSON_OPTS_JA,
	  "--id PID\tthe person's id (letters, digits, - and _, at most 32; default p1, p2 …)\n" PERSON_OPTS_EN,
	  "secstep person add 1 --name 山田花子 --department 総務部 --experience pc_rollout --volunteer"}},
	{"person", "edit", cmd_edit, PERSON_OPTS " no-volunteer", 2, 2,
	 "ID PID [--name NAME] [--department D] … [--volunteer | --no-volunteer]", "人の情報を変更", "change a person",
	 {HA_ID_JA "\n" HA_PID_JA, HA_ID_EN "\n" HA_PID_EN, PERSON_OPTS_JA "\n--no-volunteer\t希望者の印を外す",
	  PERSON_OPTS_EN "\n--no-volunteer\tno longer a volunteer", "secstep person edit 1 p2 --position 課長"}},
	{"person", "remove", cmd_remove, "", 2, 2, "ID PID", "人を削除（担当タスクは担当者なしに戻る）",
	 "remove a person (their tasks go back to nobody)",
	 {HA_ID_JA "\n" HA_PID_JA, HA_ID_EN "\n" HA_PID_EN, NULL, NULL, "secstep person remove 1 p7"}},
	{"role", "set", cmd_role_set, "time= share=", 3, 3,
	 "ID PID ROLE [--time concurrent|dedicated] [--share PERCENT]",
	 "セキュリティの役割を任命（兼務/専任）", "appoint a security role (part-time or dedicated)",
	 {HA_ID_JA "\n" HA_PID_JA "\n" ROLE_ARG_JA, HA_ID_EN "\n" HA_PID_EN "\n" ROLE_ARG_EN,
	  "--time T\tconcurrent（兼務。既定）または dedicated（専任）\n--share PERCENT\t兼務で使う時間の割合（0〜100）",
	  "--time T\tconcurrent (part-time; the default) or dedicated\n--share PERCENT\tthe share of their time (0-100)",
	  "secstep role set 1 p1 officer --time concurrent --share 20"}},
	{"role", "remove", cmd_role_remove, "", 3, 3, "ID PID ROLE", "役割を外す", "take a role away",
	 {HA_ID_JA "\n" HA_PID_JA "\n" ROLE_ARG_JA, HA_ID_EN "\n" HA_PID_EN "\n" ROLE_ARG_EN, NULL, NULL,
	  "secstep role remove 1 p1 officer"}},
	{"exam", "set", cmd_exam_set, "status= date=", 3, 3,
	 "ID PID EXAM --status planned|studying|passed [--date YYYY-MM-DD]",
	 "試験の予定・勉強中・合格を記録", "record an exam plan, study or pass",
	 {HA_ID_JA "\n" HA_PID_JA "\n" EXAM_ARG_JA, HA_ID_EN "\n" HA_PID_EN "\n" EXAM_ARG_EN,
	  "--status S\tplanned（受験予定）studying（勉強中）passed（合格）\n--date YYYY-MM-DD\t受験日または合格日",
	  "--status S\tplanned, studying or passed\n--date YYYY-MM-DD\tthe exam date or the day it was passed",
	  "secstep exam set 1 p1 sg --status studying --date 2027-04-19"}},
	{"exam", "remove", cmd_exam_remove, "", 3, 3, "ID PID EXAM", "試験の記録を消す", "remove an exam record",
	 {HA_ID_JA "\n" HA_PID_JA "\n" EXAM_ARG_JA, HA_ID_EN "\n" HA_PID_EN "\n" EXAM_ARG_EN, NULL, NULL,
	  "secstep exam remove 1 p1 sg"}},
	{"learning", "add", cmd_learning_add, "date= note=", 3, 3, "ID PID RESOURCE [--date YYYY-MM-DD] [--note TEXT]",
	 "学習（教材・講座）を記録", "record learning done (a catalog resource)",
	 {HA_ID_JA "\n" HA_PID_JA "\nRESOURCE\t教材・講座の ID（secstep --json catalog の resources）",
	  HA_ID_EN "\n" HA_PID_EN "\nRESOURCE\ta course or material id (resources in secstep --json catalog)",
	  "--date YYYY-MM-DD\t学んだ日（既定は今日）\n--note TEXT\tメモ", "--date YYYY-MM-DD\tthe day (default today)\n--note TEXT\ta note",
	  "secstep learning add 1 p1 res-ipa-basics --date 2026-11-20"}},
	HA_END,
};

