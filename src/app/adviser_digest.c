/* adviser_digest.c — the advisers' weekly digest (adviser_digest.h). */
#include <stdlib.h>
#include <string.h>

#include "app/adviser_digest.h"
#include "app/audit.h"
#include "app/schedule.h"
#include "base/buf.h"
#include "base/util.h"
#include "core/rules.h"
#include "store/account.h"
#include "store/mail.h"

/* The current STEP by the latest diagnosis taken on or before day. */
static int step_on(const catalog *cat, const m_company *co, date_t day)
{
	const m_diagnosis *d = NULL;
	for (size_t i = 0; i < co->n_diagnoses; i++)
		if (co->diagnoses[i].date != DATE_NONE && co->diagnoses[i].date <= day)
			d = &co->diagnoses[i];
	if (!d)
		return 0;
	status_t st;
	status_compute(cat, co, d, &st);
	return st.current_step;
}

json_t *adviser_digest_json(store_t *s, const catalog *cat, int64_t body, date_t today, errs_t *errs)
{
	body_row b;
	if (!store_body_get(s, body, &b, errs))
		return NULL;
	body_company_row *rows = NULL;
	size_t n = 0;
	if (!store_body_companies(s, body, &rows, &n, errs))
		return NULL;
	char week_ago[11], stale_day[11];
	date_format(today - 7, week_ago);
	date_format(today - ADVISER_STALE_DAYS, stale_day);
	json_t *list = json_array();
	for (size_t i = 0; i < n; i++) {
		m_company *co = store_company_load(s, rows[i].id, errs);
		if (!co)
			continue;
		int now = step_on(cat, co, today), before = step_on(cat, co, today - 7);
		int overdue = 0;
		for (size_t k = 0; k < co->n_tasks; k++)
			if (co->tasks[k].status != TASK_DONE && co->tasks[k].due != DATE_NONE && co->tasks[k].due < today)
				overdue++;
		int64_t changes = store_audit_count_since(s, co->id, week_ago, errs);
		bool stale = rows[i].updated_at[0] && strncmp(rows[i].updated_at, stale_day, 10) < 0;
		if (changes || overdue || stale || now > before)
			json_array_append_new(list, json_pack("{s:I, s:s, s:i, s:I, s:i, s:b, s:b}", "id", (json_int_t)co->id, "name",
							      co->name, "current_step", now, "changes", (json_int_t)changes,
							      "overdue", overdue, "stale", stale, "moved_up", now > before));
		company_free(co);
	}
	free(rows);
	member_row *adv = NULL;
	size_t na = 0;
	json_t *to = json_array();
	if (store_body_advisers(s, body, &adv, &na, errs))
		for (size_t i = 0; i < na; i++)
			if (!adv[i].disabled && mail_addr_ok(adv[i].login) &&
			    !store_mail_opted_out(s, adv[i].login, "adviser", errs))
				json_array_append_new(to, json_string(adv[i].login));
	free(adv);
	return json_pack("{s:I, s:s, s:o, s:o}", "body", (json_int_t)body, "name", b.name, "companies", list, "to", to);
}

static void render(const json_t *dg, date_t today, lang_t lang, const char *base, const char *unsub, char **subject,
		   char **text, char **html)
{
	bool en = lang == LANG_EN;
	buf_t t = BUF_INIT, h = BUF_INIT, sj = BUF_INIT;
	const char *name = json_string_value(json_object_get(dg, "name"));
	json_t *list = json_object_get(dg, "companies");
	char day[11];
	date_format(today, day);
	buf_printf(&sj, en ? "[secstep] %s: %zu client companies to look at" : "【secstep】%s：様子を見たい顧問先 %zu社", name,
		   json_array_size(list));
	buf_printf(&t, en ? "%s — the week's client companies (%s)\n\n" : "%s — 今週の顧問先のようす（%s）\n\n", name, day);
	buf_puts(&h, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\"><p>");
	mail_html_escape(&h, name);
	buf_printf(&h, " — %s (%s)</p><ul>", en ? "the week's client companies" : "今週の顧問先のようす", day);
	size_t i;
	json_t *c;
	json_array_foreach(list, i, c) {
		buf_t line = BUF_INIT;
		buf_printf(&line, "%s (STEP%d)", json_string_value(json_object_get(c, "name")),
			   (int)json_integer_value(json_object_get(c, "current_step")));
		if (json_is_true(json_object_get(c, "moved_up")))
			buf_puts(&line, en ? " — moved up a STEP" : " — STEP が上がりました");
		if (json_integer_value(json_object_get(c, "overdue")))
			buf_printf(&line, en ? " — %d task(s) overdue" : " — 期限切れ %d件", (int)json_integer_value(json_object_get(c, "overdue")));
		if (json_is_true(json_object_get(c, "stale")))
			buf_puts(&line, en ? " — no change for 90 days" : " — 90日間変更なし");
		if (json_integer_value(json_object_get(c, "changes")))
			buf_printf(&line, en ? " — %d change(s) this week" : " — 今週の変更 %d件",
				   (int)json_integer_value(json_object_get(c, "changes")));
		char url[700];
		snprintf(url, sizeof url, "%s/c/%lld", base, (long long)json_integer_value(json_object_get(c, "id")));
		buf_printf(&t, "・%s\n  %s\n", buf_str(&line), url);
		buf_puts(&h, "<li><a href=\"");
		mail_html_escape(&h, url);
		buf_puts(&h, "\">");
		mail_html_escape(&h, buf_str(&line));
		buf_puts(&h, "</a></li>");
		buf_free(&line);
	}
	buf_puts(&h, "</ul>");
	if (unsub) {
		buf_printf(&t, "\n%s %s\n", en ? "Stop these digests:" : "このお知らせを止める:", unsub);
		buf_puts(&h, "<p style=\"font-size:0.85em;color:#555\"><a href=\"");
		mail_html_escape(&h, unsub);
		buf_printf(&h, "\">%s</a></p>", en ? "Stop these digests" : "このお知らせを止める");
	}
	buf_puts(&h, "</body></html>\n");
	*subject = buf_detach(&sj);
	*text = buf_detach(&t);
	*html = buf_detach(&h);
}

bool adviser_digest_send(store_t *s, const catalog *cat, const mail_cfg *cfg, int64_t body, date_t today, lang_t lang,
			 int *sent, int *failed, FILE *log, errs_t *errs)
{
	json_t *dg = adviser_digest_json(s, cat, body, today, errs);
	if (!dg)
		return !errs->n;
	char week[9];
	date_iso_week(today, week);
	bool ok = true;
	size_t i;
	json_t *to;
	if (json_array_size(json_object_get(dg, "companies")))
		json_array_foreach(json_object_get(dg, "to"), i, to) {
			const char *addr = json_string_value(to);
			char key[360], unsub[640];
			snprintf(key, sizeof key, "adviser:b%lld:%s:%s", (long long)body, addr, week);
			if (!store_mail_claim(s, key, "adviser", 0, body, NULL, addr, week, NULL, errs))
				continue;
			if (!mail_unsubscribe_link(s, cfg->base_url, addr, "adviser", unsub, errs)) {
				ok = false;
				break;
			}
			char *subject, *text, *html;
			render(dg, today, lang, cfg->base_url, unsub, &subject, &text, &html);
			mail_msg m = {addr, subject, text, html, unsub};
			char err[256];
			if (mail_send(cfg, &m, err)) {
				store_mail_sent(s, key, 0, errs);
				(*sent)++;
			} else {
				store_mail_failed(s, key, cfg->tries, err, errs);
				(*failed)++;
				if (log)
					fprintf(log, "secstep: digest: body %lld, <%s>: not sent after %d tries: %s\n", (long long)body,
						addr, cfg->tries, err);
			}
			free(subject);
			free(text);
			free(html);
		}
	json_decref(dg);
	return ok && !errs->n;
}

void adviser_digest_check(store_t *s, const catalog *cat, const mail_cfg *cfg, date_t date, int hour, FILE *log)
{
	digest_schedule sc = {1, 8, "ja"};
	if (!sched_due(&sc, date, hour))
		return;
	char week[9];
	date_iso_week(date, week);
	errs_t e = ERRS_INIT;
	body_row *bodies = NULL;
	size_t n = 0;
	if (store_body_list(s, &bodies, &n, &e))
		for (size_t i = 0; i < n; i++) {
			char job[40];
			snprintf(job, sizeof job, "body:%lld", (long long)bodies[i].id);
			if (!store_job_claim(s, job, week, &e))
				continue;
			int sent = 0, failed = 0;
			adviser_digest_send(s, cat, cfg, bodies[i].id, date, LANG_JA, &sent, &failed, log, &e);
			if (sent || failed)
				fprintf(log, "secstep: serve: advisers' digest of body %lld for %s: %d sent, %d not sent\n",
					(long long)bodies[i].id, week, sent, failed);
		}
	free(bodies);
	for (size_t i = 0; i < e.n; i++)
		fprintf(log, "secstep: serve: advisers' digest: %s: %s\n", e.where[i], e.what[i]);
	errs_free(&e);
}
