/* cmd_digest.c — `secstep digest`: the weekly digest by e-mail
 * (CONTRACT.md, "Reminders"), for operators and cron users; `serve` sends
 * the same digests on each company's schedule. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/adviser_digest.h"
#include "app/digest.h"
#include "app/mail.h"
#include "base/util.h"
#include "cli/cli.h"
#include "store/mail.h"

/* The companies named by the optional argument: one, or all. */
static int64_t *companies(cli_t *cx, args_t *a, size_t *n)
{
	*n = 0;
	if (a->n_pos) {
		m_company *co = cli_company(cx, a->pos[0]);
		if (!co)
			return NULL;
		int64_t *ids = xmalloc(sizeof *ids);
		ids[(*n)++] = co->id;
		company_free(co);
		return ids;
	}
	store_t *s = cli_store(cx);
	if (!s)
		return NULL;
	errs_t e = ERRS_INIT;
	store_company_row *rows;
	size_t nr;
	if (!store_company_list(s, &rows, &nr, &e)) {
		cli_errors(cx, &e);
		errs_free(&e);
		return NULL;
	}
	int64_t *ids = xmalloc((nr + 1) * sizeof *ids);
	for (size_t i = 0; i < nr; i++)
		ids[(*n)++] = rows[i].id;
	free(rows);
	return ids;
}

static int preview(cli_t *cx, const int64_t *ids, size_t n)
{
	json_t *all = json_array();
	int rc = EXIT_OK;
	for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
		errs_t e = ERRS_INIT;
		m_company *co = store_company_load(cli_store(cx), ids[i], &e);
		if (!co) {
			cli_errors(cx, &e);
			errs_free(&e);
			rc = EXIT_FAIL;
			break;
		}
		arena_t ar = {0};
		digest_t *list;
		size_t nd = digest_build(cx->cat, co, cx->today, cli_store(cx), &ar, &list);
		for (size_t k = 0; k < nd; k++) {
			if (cx->json) {
				json_array_append_new(all, digest_json(co, &list[k], cx->today));
				continue;
			}
			char base[512];
			mail_base_url(base);
			char *subject, *text, *html;
			digest_render(cx->cat, co, &list[k], cx->today, cx->lang, base, NULL, &subject, &text, &html);
			printf("To: %s\nSubject: %s\n\n%s\n", list[k].person->email, subject, text);
			free(subject);
			free(text);
			free(html);
		}
		if (!cx->json && !nd)
			printf("%s: %s\n", co->name, tr(cx, "送るお知らせはありません", "no digest to send"));
		free(list);
		arena_free(&ar);
		company_free(co);
		errs_free(&e);
	}
	if (cx->json && rc == EXIT_OK)
		print_json(json_pack("{s:o}", "digests", all));
	else
		json_decref(all);
	return rc;
}

static int send_all(cli_t *cx, const int64_t *ids, size_t n)
{
	mail_cfg cfg;
	errs_t e = ERRS_INIT;
	if (sodium_init() < 0 || !mail_cfg_load(&cfg, &e)) {
		cli_errors(cx, &e);
		errs_free(&e);
		return EXIT_FAIL;
	}
	digest_counts total = {0, 0, 0};
	store_t *s = cli_store(cx);
	char week[9];
	date_iso_week(cx->today, week);
	int rc = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		m_company *co = store_company_load(s, ids[i], &e);
		if (!co) {
			rc = EXIT_FAIL;
			break;
		}
		digest_schedule sc;
		store_schedule_get(s, co->id, &sc, &e);
		digest_counts c = {0, 0, 0};
		if (!digest_send_company(s, cx->cat, &cfg, co, cx->today, !strcmp(sc.lang, "en") ? LANG_EN : LANG_JA, &c, stderr, &e))
			rc = EXIT_FAIL;
		if (c.sent || c.failed)
			cli_audit(cx, co->id, 0, "digest.send", week, json_pack("{s:i, s:i}", "sent", c.sent, "failed", c.failed));
		total.sent += c.sent;
		total.failed += c.failed;
		total.skipped += c.skipped;
		company_free(co);
		if (rc != EXIT_OK)
			break;
	}
	if (e.n)
		cli_errors(cx, &e);
	if (total.failed) {
		cli_error(cx, "%d %s", total.failed,
			  tr(cx, "通のお知らせを送れませんでした（中継サーバーの応答は上のとおり。次の実行でもう一度送ります）",
			     "digest(s) could not be sent (the relay's answers are above; the next run tries again)"));
		rc = EXIT_FAIL;
	}
	if (cx->json)
		print_json(total.failed ? json_pack("{s:i, s:i}", "sent", total.sent, "failed", total.failed)
					: json_pack("{s:i}", "sent", total.sent));
	else
		printf("%s %d%s\n", tr(cx, "送ったお知らせ:", "Digests sent:"), total.sent, tr(cx, " 通", ""));
	errs_free(&e);
	return rc;
}

static int cmd_digest(cli_t *cx, args_t *a)
{
	size_t n;
	int64_t *ids = companies(cx, a, &n);
	if (!ids)
		return EXIT_FAIL;
	int rc = flag(a, "send") ? send_all(cx, ids, n) : preview(cx, ids, n);
	free(ids);
	return rc;
}

static bool parse_day(const char *v, int *day)
{
	static const char *const names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	for (int i = 0; i < 7; i++)
		if (!strcmp(v, names[i]) || (v[0] == (char)('1' + i) && !v[1])) {
			*day = i + 1;
			return true;
		}
	return false;
}

static int cmd_schedule(cli_t *cx, args_t *a)
{
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	store_t *s = cli_store(cx);
	errs_t e = ERRS_INIT;
	digest_schedule sc;
	store_schedule_get(s, co->id, &sc, &e);
	const char *day = opt(a, "day"), *hour = opt(a, "hour"), *ml = opt(a, "mail-lang");
	if (day && !parse_day(day, &sc.day))
		errs_add(&e, "--day", "%s \"%s\"", tr(cx, "mon〜sun か 1〜7（1 が月曜）です。指定値:", "must be mon … sun or 1-7 (1 is Monday); got"), day);
	if (hour) {
		char *end;
		long h = strtol(hour, &end, 10);
		if (!*hour || *end || h < 0 || h > 23)
			errs_add(&e, "--hour", "%s \"%s\"", tr(cx, "0〜23 の整数です。指定値:", "must be a whole hour 0-23; got"), hour);
		else
			sc.hour = (int)h;
	}
	if (ml && strcmp(ml, "ja") && strcmp(ml, "en"))
		errs_add(&e, "--mail-lang", "%s \"%s\"", tr(cx, "ja か en です。指定値:", "must be ja or en; got"), ml);
	else if (ml)
		memcpy(sc.lang, ml, 3);
	int rc = EXIT_OK;
	if (e.n) {
		cli_errors(cx, &e);
		rc = EXIT_FAIL;
	} else if (day || hour || ml) {
		if (!store_schedule_set(s, co->id, &sc, &e)) {
			cli_errors(cx, &e);
			rc = EXIT_FAIL;
		} else {
			cli_audit(cx, co->id, 0, "digest.schedule", NULL,
				  json_pack("{s:i, s:i, s:s}", "day", sc.day, "hour", sc.hour, "lang", sc.lang));
		}
	}
	if (rc == EXIT_OK) {
		static const char *const names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
		if (cx->json)
			print_json(json_pack("{s:I, s:s, s:i, s:s, s:s}", "company", (json_int_t)co->id, "day", names[sc.day - 1], "hour",
					     sc.hour, "time_zone", "Asia/Tokyo", "lang", sc.lang));
		else
			printf("%s %s %02d:00 (Asia/Tokyo), %s\n", tr(cx, "週のお知らせ:", "Weekly digest:"), names[sc.day - 1], sc.hour,
			       sc.lang);
	}
	errs_free(&e);
	company_free(co);
	return rc;
}

static int cmd_advisers(cli_t *cx, args_t *a)
{
	store_t *s = cli_store(cx);
	if (!s)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	int64_t *ids = NULL;
	size_t n = 0;
	if (a->n_pos) {
		char *end;
		long long id = strtoll(a->pos[0], &end, 10);
		if (*end || id <= 0) {
			cli_error(cx, "BODY: %s \"%s\"", tr(cx, "支援機関IDは正の整数です:", "must be a positive integer:"), a->pos[0]);
			return EXIT_FAIL;
		}
		ids = xmalloc(sizeof *ids);
		ids[n++] = id;
	} else {
		body_row *rows;
		size_t nr;
		if (!store_body_list(s, &rows, &nr, &e)) {
			cli_errors(cx, &e);
			errs_free(&e);
			return EXIT_FAIL;
		}
		ids = xmalloc((nr + 1) * sizeof *ids);
		for (size_t i = 0; i < nr; i++)
			ids[n++] = rows[i].id;
		free(rows);
	}
	int rc = EXIT_OK;
	mail_cfg cfg;
	bool send = flag(a, "send");
	if (send && (sodium_init() < 0 || !mail_cfg_load(&cfg, &e)))
		rc = EXIT_FAIL;
	json_t *all = json_array();
	int sent = 0, failed = 0;
	for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
		if (send) {
			if (!adviser_digest_send(s, cx->cat, &cfg, ids[i], cx->today, cx->lang, &sent, &failed, stderr, &e))
				rc = EXIT_FAIL;
			continue;
		}
		json_t *dg = adviser_digest_json(s, cx->cat, ids[i], cx->today, &e);
		if (!dg) {
			if (!e.n)
				cli_error(cx, "%s %lld", tr(cx, "支援機関が見つかりません: ID", "no support body with ID"), (long long)ids[i]);
			rc = EXIT_FAIL;
			break;
		}
		json_array_append_new(all, dg);
	}
	if (e.n)
		cli_errors(cx, &e);
	if (failed) {
		cli_error(cx, "%d %s", failed, tr(cx, "通のお知らせを送れませんでした", "digest(s) could not be sent"));
		rc = EXIT_FAIL;
	}
	if (rc == EXIT_OK || send) {
		if (send)
			print_json(json_pack("{s:i}", "sent", sent));
		else
			print_json(json_pack("{s:o}", "bodies", json_incref(all)));
	}
	json_decref(all);
	free(ids);
	errs_free(&e);
	return rc;
}

const cli_cmd digest_cmds[] = {
	{"digest", "advisers", cmd_advisers, "send", 0, 1, "[BODY] [--send]",
	 "支援者向けの週のお知らせ（変化・遅れ・STEPが上がった顧問先）の下見、--send で送信",
	 "preview the advisers' weekly digest (client companies that changed, fell behind or moved up); --send mails it",
	 {"BODY\t支援機関の番号（省略ですべての支援機関。secstep body list で確かめられます）",
	  "BODY\tthe support body's number (none: every body; see secstep body list)",
	  "--send\t下見ではなく、支援者にメールで送る（SECSTEP_SMTP_URL などメールの設定が必要）",
	  "--send\tmail it to the advisers instead of showing it (needs mail set up: SECSTEP_SMTP_URL …)",
	  "secstep digest advisers --json\nsecstep digest advisers 1 --send"}},
	{"digest", "schedule", cmd_schedule, "day= hour= mail-lang=", 1, 1,
	 "ID [--day mon|…|sun] [--hour 0-23] [--mail-lang ja|en]",
	 "週のお知らせを送る曜日・時刻（日本時間）・言語", "when (day, hour in Japan time) and in which language the weekly digest is sent",
	 {HA_ID_JA, HA_ID_EN,
	  "--day D\t送る曜日（mon tue wed thu fri sat sun。既定 mon）\n--hour H\t送る時刻（日本時間の 0〜23 時。既定 8）\n"
	  "--mail-lang L\tお知らせの言語（ja または en）",
	  "--day D\tthe day it is sent (mon tue wed thu fri sat sun; default mon)\n--hour H\tthe hour, Japan time (0-23; default 8)\n"
	  "--mail-lang L\tthe language of the digest (ja or en)",
	  "secstep digest schedule 1 --day fri --hour 17"}},
	{"digest", NULL, cmd_digest, "send", 0, 1, "[ID] [--send]",
	 "週のお知らせ（期限切れ・2週間以内のタスク）の下見、--send でメール送信",
	 "preview the weekly digest (overdue and due-soon tasks); --send mails it",
	 {"ID\t会社の番号（省略ですべての会社。secstep company list で確かめられます）",
	  "ID\tthe company's number (none: every company; see secstep company list)",
	  "--send\t下見ではなく、担当の人にメールで送る（同じ週に同じ人へは一度だけ。メールの設定が必要）",
	  "--send\tmail it to the people instead of showing it (once per person and week; needs mail set up)",
	  "secstep digest 1\nsecstep --json digest 1\nsecstep digest --send"}},
	HA_END,
};
