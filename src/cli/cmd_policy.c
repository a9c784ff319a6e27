/* cmd_policy.c — the basic policy (STEP2): draft it from the company's
 * data (or a file), approve, publish, and record employees'
 * acknowledgements.  Each draft is a new version; nothing is overwritten. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "cli/cli.h"
#include "core/policy.h"
#include "exchange/doc.h"

static m_company *load(cli_t *cx, const char *id)
{
	return cli_company(cx, id);
}

static int done(cli_t *cx, m_company *co, const char *ja, const char *en)
{
	int rc = cli_save(cx, co);
	if (rc == EXIT_OK) {
		if (cx->json)
			print_json(json_pack("{s:I, s:i}", "company", (json_int_t)co->id, "version",
					     co->n_policies ? co->policies[co->n_policies - 1].version : 0));
		else
			printf("%s\n", tr(cx, ja, en));
	}
	company_free(co);
	return rc;
}

static int cmd_show(cli_t *cx, args_t *a)
{
	m_company *co = load(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	const m_policy *p = company_policy(co);
	size_t acks = 0;
	for (size_t i = 0; p && i < co->n_acks; i++)
		acks += co->acks[i].version == p->version;
	char pub[11] = "", appr[11] = "";
	if (co->policy_published != DATE_NONE)
		date_format(co->policy_published, pub);
	if (p && p->approved != DATE_NONE)
		date_format(p->approved, appr);
	if (cx->json) {
		print_json(json_pack("{s:I, s:i, s:o, s:o, s:o, s:o, s:b, s:i, s:i}", "company", (json_int_t)co->id, "version",
				     p ? p->version : 0, "body", p ? json_string(p->body) : json_null(),
				     "approved", *appr ? json_string(appr) : json_null(), "published",
				     *pub ? json_string(pub) : json_null(), "where",
				     co->policy_where ? json_string(co->policy_where) : json_null(), "in_force",
				     company_policy_in_force(co), "acknowledged", (int)acks, "people", (int)co->n_people));
	} else if (!p) {
		printf("%s\n  secstep policy draft %lld\n", tr(cx, "まだ基本方針がありません。会社の情報から下書きを作れます:",
								 "No basic policy yet. Draft one from your company's data:"), (long long)co->id);
	} else {
		printf("%s %d — %s%s / %s%s\n\n%s\n", tr(cx, "版", "Version"), p->version, tr(cx, "承認: ", "approved: "),
		       *appr ? appr : tr(cx, "まだ", "not yet"), tr(cx, "公開: ", "published: "), *pub ? pub : tr(cx, "まだ", "not yet"),
		       p->body);
		printf("%s %zu / %zu\n", tr(cx, "読んだと確認した人:", "Acknowledged by:"), acks, co->n_people);
	}
	company_free(co);
	return EXIT_OK;
}

static int cmd_draft(cli_t *cx, args_t *a)
{
	m_company *co = load(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	const char *file = opt(a, "file");
	char *body = NULL;
	if (file) {
		size_t len;
		body = read_all(cx, file, 1 << 20, &len);
		if (!body || !valid_long_text(body, 20000) || !*body) {
			if (body)
				cli_error(cx, "--file: %s", tr(cx, "1〜20000文字の UTF-8 テキストにしてください", "must be UTF-8 text of 1-20000 characters"));
			free(body);
			company_free(co);
			return EXIT_FAIL;
		}
	} else {
		buf_t b = BUF_INIT;
		policy_draft(cx->cat, co, cx->lang, cx->today, &b);
		body = buf_detach(&b);
	}
	m_policy *p = arena_push(&co->arena, (void **)&co->policies, &co->n_policies, &co->cap_policies, sizeof *p);
	*p = (m_policy){(int)co->n_policies, arena_strdup(&co->arena, body), cx->today, NULL, DATE_NONE, NULL};
	free(body);
	return done(cx, co, "基本方針の新しい版を作りました。経営者が承認したら公開できます（secstep policy approve）。",
		    "A new version of the basic policy was drafted. Once the owner approves it, publish it (secstep policy approve).");
}

static int cmd_approve(cli_t *cx, args_t *a)
{
	m_company *co = load(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	if (!co->n_policies) {
		cli_error(cx, "%s", tr(cx, "承認する基本方針がありません（policy draft で作ります）", "there is no policy to approve (make one with policy draft)"));
		company_free(co);
		return EXIT_FAIL;
	}
	const char *by = opt(a, "by");
	if (by && !valid_short_text(by, DOC_MAX_NAME)) {
		cli_error(cx, "--by: %s", tr(cx, "200文字以内にしてください", "must be at most 200 characters"));
		company_free(co);
		return EXIT_FAIL;
	}
	m_policy *p = &co->policies[co->n_policies - 1];
	p->approved = cx->today;
	p->approver = by && *by ? arena_strdup(&co->arena, by) : NULL;
	return done(cx, co, "承認しました。", "Approved.");
}

static int cmd_publish(cli_t *cx, args_t *a)
{
	const char *where = opt(a, "where");
	if (!where || !*where || !valid_short_text(where, DOC_MAX_NAME)) {
		cli_error(cx, "--where: %s", tr(cx, "どこで公開したか（例: 自社ウェブサイト）を1〜200文字で", "where it is published (e.g. our web site), 1-200 characters"));
		return EXIT_USAGE;
	}
	date_t d = cx->today;
	const char *ds = opt(a, "date");
	if (ds && (!date_parse(ds, &d) || d > cx->today)) {
		cli_error(cx, "--date: %s \"%s\"", tr(cx, "今日までの日付 YYYY-MM-DD です。指定値:", "must be a date YYYY-MM-DD, not in the future; got"), ds);
		return EXIT_USAGE;
	}
	m_company *co = load(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	const m_policy *p = company_policy(co);
	if (!p || p->approved == DATE_NONE) {
		cli_error(cx, "%s", tr(cx, "公開する前に、経営者が最新の版を承認してください（policy approve）",
				       "the owner must approve the latest version before it is published (policy approve)"));
		company_free(co);
		return EXIT_FAIL;
	}
	co->policy_published = d;
	co->policy_where = arena_strdup(&co->arena, where);
	return done(cx, co, "公開済みとして記録しました。自社診断（25項目）が済んでいれば SECURITY ACTION 二つ星の条件がそろいます。",
		    "Recorded as published. With the 25-item self-check done, the SECURITY ACTION two-star conditions are met.");
}

static int cmd_ack(cli_t *cx, args_t *a)
{
	m_company *co = load(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	const m_policy *p = company_policy(co);
	const m_person *ps = company_person(co, a->pos[1]);
	if (!p || !ps || p->approved == DATE_NONE) {
		cli_error(cx, "%s", !p ? tr(cx, "基本方針がまだありません", "there is no policy yet")
				  : !ps ? tr(cx, "その人は登録されていません", "no such person")
					: tr(cx, "最新の版はまだ承認されていません", "the latest version is not approved yet"));
		company_free(co);
		return EXIT_FAIL;
	}
	company_ack(co, ps->key, p->version, cx->today);
	return done(cx, co, "読んだことを記録しました。", "Acknowledgement recorded.");
}

const cli_cmd policy_cmds[] = {
	{"policy", "show", cmd_show, "", 1, 1, "ID", "基本方針（最新の版・承認・公開・確認した人数）", "the basic policy and its state",
	 {HA_ID_JA, HA_ID_EN, NULL, NULL, "secstep policy show 1"}},
	{"policy", "draft", cmd_draft, "file=", 1, 1, "ID [--file FILE]", "基本方針の新しい版（会社の情報から下書き、またはファイル）",
	 "a new version of the policy (drafted from your data, or a file)",
	 {HA_ID_JA, HA_ID_EN, "--file FILE\t方針の本文（UTF-8 のテキスト。- は標準入力）。ないときは会社の情報から下書きします",
	  "--file FILE\tthe text of the policy (UTF-8; - reads standard input); without it a draft is made from the company's data",
	  "secstep policy draft 1\nsecstep policy draft 1 --file policy.txt"}},
	{"policy", "approve", cmd_approve, "by=", 1, 1, "ID [--by NAME]", "最新の版を経営者が承認", "the owner approves the latest version",
	 {HA_ID_JA, HA_ID_EN, "--by NAME\t承認した人（経営者）の名前", "--by NAME\twho approved it (the owner)",
	  "secstep policy approve 1 --by 山田太郎"}},
	{"policy", "publish", cmd_publish, "where= date=", 1, 1, "ID --where TEXT [--date YYYY-MM-DD]",
	 "公開したことを記録（公開場所・日付）", "record that it is published (where, when)",
	 {HA_ID_JA, HA_ID_EN, "--where TEXT\t公開した場所（社内掲示板、ホームページなど）\n--date YYYY-MM-DD\t公開した日（既定は今日）",
	  "--where TEXT\twhere it is published (notice board, web site …)\n--date YYYY-MM-DD\tthe day (default today)",
	  "secstep policy publish 1 --where 社内掲示板"}},
	{"policy", "ack", cmd_ack, "", 2, 2, "ID PID", "従業員が読んだことを記録", "record that an employee read it",
	 {HA_ID_JA "\n" HA_PID_JA, HA_ID_EN "\n" HA_PID_EN, NULL, NULL, "secstep policy ack 1 p3"}},
	HA_END,
};

