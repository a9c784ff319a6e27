/* digest.c — the weekly digest (digest.h). */
#include <stdlib.h>
#include <string.h>

#include "app/digest.h"
#include "base/buf.h"
#include "base/util.h"
#include "core/recur.h"
#include "core/rules.h"
#include "store/mail.h"

static int task_due_cmp(const void *x, const void *y)
{
	const m_task *a = *(const m_task *const *)x, *b = *(const m_task *const *)y;
	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return strcmp(a->task, b->task);
}

/* The company's next three open tasks of the working STEP, earliest first. */
static void next_actions(const catalog *cat, const m_company *co, date_t today, digest_t *d)
{
	plan_t *p = plan_compute(cat, co, today);
	const plan_task *open[4];
	size_t n = 0;
	for (size_t i = 0; i < p->n_tasks; i++)
		if (p->tasks[i].status != TASK_DONE)
			open[n++] = &p->tasks[i];
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0; k--) {
			date_t a = open[k - 1]->due != DATE_NONE ? open[k - 1]->due : open[k - 1]->suggested_due;
			date_t b = open[k]->due != DATE_NONE ? open[k]->due : open[k]->suggested_due;
			if (a <= b)
				break;
			const plan_task *t = open[k];
			open[k] = open[k - 1];
			open[k - 1] = t;
		}
	for (size_t i = 0; i < n && d->n_next < 3; i++) {
		d->next[d->n_next] = open[i]->task;
		d->next_due[d->n_next++] = open[i]->due != DATE_NONE ? open[i]->due : open[i]->suggested_due;
	}
	plan_free(p);
}

/* Audit entries of the company since the person's last digest (or the
 * last 7 days before a first one), leaving out the digest's own. */
static void changes_since(store_t *s, const m_company *co, const char *person, date_t today, arena_t *ar, digest_t *d)
{
	errs_t e = ERRS_INIT;
	int64_t upto = store_mail_last_upto(s, co->id, person, &e);
	audit_row *rows = NULL;
	size_t n = 0;
	char since[11];
	date_format(today - 7, since);
	if (!e.n && store_audit_list(s, co->id, upto, 0, ar, &rows, &n, &e)) {
		for (size_t i = 0; i < n; i++) {
			if (!strncmp(rows[i].action, "digest.", 7) || (!upto && strncmp(rows[i].at, since, 10) < 0))
				continue;
			audit_row *slot = arena_push(ar, (void **)&d->changes, &d->n_changes, &d->cap_changes, sizeof *slot);
			*slot = rows[i];
		}
	}
	free(rows);   /* the rows' strings live in ar */
	errs_free(&e);
}

size_t digest_build(const catalog *cat, const m_company *co, date_t today, store_t *s, arena_t *ar, digest_t **out)
{
	digest_t *list = xcalloc(co->n_people + 1, sizeof *list);
	size_t n = 0;
	bool redo = recur_rediagnose_due(co, today);
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *p = &co->people[i];
		if (!p->email || !mail_addr_ok(p->email))
			continue;
		digest_t *d = &list[n];
		memset(d, 0, sizeof *d);
		d->person = p;
		for (size_t k = 0; k < co->n_tasks; k++) {
			const m_task *t = &co->tasks[k];
			if (!str_eq(t->owner, p->key) || t->status == TASK_DONE || t->due == DATE_NONE || !cat_task_find(cat, t->task))
				continue;
			if (t->due < today)
				d->overdue[d->n_overdue++] = t;
			else if (t->due <= today + DIGEST_DAYS)
				d->due_soon[d->n_due_soon++] = t;
		}
		if (!d->n_overdue && !d->n_due_soon)
			continue;
		if (s) {
			errs_t e = ERRS_INIT;
			bool out_opt = store_mail_opted_out(s, p->email, "digest", &e);
			errs_free(&e);
			if (out_opt)
				continue;
		}
		qsort(d->overdue, d->n_overdue, sizeof d->overdue[0], task_due_cmp);
		qsort(d->due_soon, d->n_due_soon, sizeof d->due_soon[0], task_due_cmp);
		for (size_t k = 0; k < p->n_exams && d->n_exams < ARRAY_LEN(d->exams); k++) {
			const m_exam *x = &p->exams[k];
			if (x->status != EXAM_PASSED && x->date != DATE_NONE && x->date >= today && x->date <= today + DIGEST_EXAM_DAYS)
				d->exams[d->n_exams++] = x;
		}
		next_actions(cat, co, today, d);
		d->rediagnose = redo;
		if (s)
			changes_since(s, co, p->key, today, ar, d);
		n++;
	}
	*out = list;
	return n;
}

static json_t *date_json(date_t d)
{
	char s[11];
	if (d == DATE_NONE)
		return json_null();
	date_format(d, s);
	return json_string(s);
}

json_t *digest_json(const m_company *co, const digest_t *d, date_t today)
{
	(void)today;
	json_t *overdue = json_array(), *soon = json_array(), *exams = json_array(), *next = json_array(),
	       *changes = json_array();
	for (size_t i = 0; i < d->n_overdue; i++)
		json_array_append_new(overdue, json_string(d->overdue[i]->task));
	for (size_t i = 0; i < d->n_due_soon; i++)
		json_array_append_new(soon, json_string(d->due_soon[i]->task));
	for (size_t i = 0; i < d->n_exams; i++)
		json_array_append_new(exams, json_pack("{s:s, s:o, s:s}", "exam", d->exams[i]->exam, "date",
						       date_json(d->exams[i]->date), "status", exam_status_id(d->exams[i]->status)));
	for (size_t i = 0; i < d->n_next; i++)
		json_array_append_new(next, json_string(d->next[i]->id));
	for (size_t i = 0; i < d->n_changes; i++)
		json_array_append_new(changes, json_pack("{s:s, s:s, s:s, s:o}", "at", d->changes[i].at, "actor",
							 d->changes[i].actor ? d->changes[i].actor : "", "action",
							 d->changes[i].action, "target",
							 d->changes[i].target ? json_string(d->changes[i].target) : json_null()));
	return json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:b}", "company", (json_int_t)co->id, "person",
			 d->person->key, "to", d->person->email, "overdue", overdue, "due_soon", soon, "exams", exams,
			 "changes", changes, "next", next, "rediagnose", d->rediagnose);
}

/* Both parts are written side by side: text into t, HTML into h. */
typedef struct {
	buf_t t, h;
	lang_t lang;
} out2;

static const char *L(const out2 *o, const char *ja, const char *en)
{
	return o->lang == LANG_EN ? en : ja;
}

static void heading(out2 *o, const char *title, size_t n)
{
	buf_printf(&o->t, "\n■ %s (%zu)\n", title, n);
	buf_puts(&o->h, "<h2 style=\"font-size:1.05em\">");
	mail_html_escape(&o->h, title);
	buf_printf(&o->h, " (%zu)</h2><ul>", n);
}

static void item(out2 *o, const char *text, const char *extra)
{
	buf_printf(&o->t, "・%s%s\n", text, extra ? extra : "");
	buf_puts(&o->h, "<li>");
	mail_html_escape(&o->h, text);
	mail_html_escape(&o->h, extra);
	buf_puts(&o->h, "</li>");
}

static void task_items(out2 *o, const catalog *cat, const m_task *const *tasks, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const cat_task *ct = cat_task_find(cat, tasks[i]->task);
		char due[11], extra[160];
		date_format(tasks[i]->due, due);
		recur_t rr = recur_effective(tasks[i]);
		bool rep = recur_months(rr) != 0;
		snprintf(extra, sizeof extra, "%s%s%s%s%s%s", L(o, "（期限 ", " (due "), due, L(o, "）", ")"),
			 rep ? L(o, "［", " [") : "", rep ? recur_label(rr, o->lang) : "", rep ? L(o, "］", "]") : "");
		item(o, tx(ct->title, o->lang), extra);
	}
	buf_puts(&o->h, "</ul>");
}

void digest_render(const catalog *cat, const m_company *co, const digest_t *d, date_t today, lang_t lang,
		   const char *base_url, const char *unsubscribe, char **subject, char **text, char **html)
{
	out2 o = {BUF_INIT, BUF_INIT, lang};
	char day[11];
	date_format(today, day);
	buf_t subj = BUF_INIT;
	if (lang == LANG_EN)
		buf_printf(&subj, "[secstep] %s: %zu overdue, %zu due within 2 weeks", co->name, d->n_overdue, d->n_due_soon);
	else
		buf_printf(&subj, "【secstep】%s：期限切れ %zu件・2週間以内 %zu件", co->name, d->n_overdue, d->n_due_soon);
	buf_puts(&o.h, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif\">");
	buf_printf(&o.t, "%s%s\n\n", d->person->name, L(&o, " さん", ""));
	buf_puts(&o.h, "<p>");
	mail_html_escape(&o.h, d->person->name);
	mail_html_escape(&o.h, L(&o, " さん", ""));
	buf_puts(&o.h, "</p><p>");
	buf_t lead = BUF_INIT;
	if (lang == LANG_EN)
		buf_printf(&lead, "This week's note on %s's security work (%s).", co->name, day);
	else
		buf_printf(&lead, "%s のセキュリティの取り組みについて、今週のお知らせです（%s）。", co->name, day);
	buf_printf(&o.t, "%s\n", buf_str(&lead));
	mail_html_escape(&o.h, buf_str(&lead));
	buf_puts(&o.h, "</p>");
	buf_free(&lead);
	if (d->n_overdue) {
		heading(&o, L(&o, "期限切れのタスク", "Overdue tasks"), d->n_overdue);
		task_items(&o, cat, d->overdue, d->n_overdue);
	}
	if (d->n_due_soon) {
		heading(&o, L(&o, "2週間以内が期限のタスク", "Due within two weeks"), d->n_due_soon);
		task_items(&o, cat, d->due_soon, d->n_due_soon);
	}
	if (d->n_exams) {
		heading(&o, L(&o, "近づいている試験", "Exams coming up"), d->n_exams);
		for (size_t i = 0; i < d->n_exams; i++) {
			const cat_exam *ce = cat_exam_find(cat, d->exams[i]->exam);
			char dd[11], extra[40];
			date_format(d->exams[i]->date, dd);
			snprintf(extra, sizeof extra, " %s", dd);
			item(&o, ce ? tx(ce->name, lang) : d->exams[i]->exam, extra);
		}
		buf_puts(&o.h, "</ul>");
	}
	if (d->rediagnose) {
		const m_diagnosis *ld = company_latest(co);
		char dd[11];
		date_format(ld->date, dd);
		buf_t m = BUF_INIT;
		if (lang == LANG_EN)
			buf_printf(&m, "Your last diagnosis was on %s, more than 90 days ago. Take it again to see what has changed: %s/c/%lld/diagnosis",
				   dd, base_url, (long long)co->id);
		else
			buf_printf(&m, "前回の診断（%s）から90日以上たちました。もう一度診断して、変わったところを確かめましょう: %s/c/%lld/diagnosis",
				   dd, base_url, (long long)co->id);
		heading(&o, L(&o, "診断のお願い", "Time for a new diagnosis"), 1);
		item(&o, buf_str(&m), NULL);
		buf_puts(&o.h, "</ul>");
		buf_free(&m);
	}
	if (d->n_changes) {
		heading(&o, L(&o, "前回のお知らせからの変更", "Changes since the last digest"), d->n_changes);
		for (size_t i = 0; i < d->n_changes && i < 20; i++) {
			char line[400];
			snprintf(line, sizeof line, "%.10s %s: %s %s", d->changes[i].at, d->changes[i].actor ? d->changes[i].actor : "",
				 d->changes[i].action, d->changes[i].target ? d->changes[i].target : "");
			item(&o, line, NULL);
		}
		if (d->n_changes > 20)
			item(&o, L(&o, "ほかにも変更があります（変更履歴を見てください）", "More changes are in the change log"), NULL);
		buf_puts(&o.h, "</ul>");
	}
	if (d->n_next) {
		heading(&o, L(&o, "次にやること", "Next actions"), d->n_next);
		for (size_t i = 0; i < d->n_next; i++) {
			char dd[11], extra[60];
			date_format(d->next_due[i], dd);
			snprintf(extra, sizeof extra, "%s%s%s", L(&o, "（目安 ", " (by "), dd, L(&o, "）", ")"));
			item(&o, tx(d->next[i]->title, lang), d->next_due[i] != DATE_NONE ? extra : NULL);
		}
		buf_puts(&o.h, "</ul>");
	}
	char url[700];
	snprintf(url, sizeof url, "%s/c/%lld/plan", base_url, (long long)co->id);
	buf_printf(&o.t, "\n%s %s\n", L(&o, "計画を開く:", "Open the plan:"), url);
	buf_puts(&o.h, "<p><a href=\"");
	mail_html_escape(&o.h, url);
	buf_puts(&o.h, "\">");
	mail_html_escape(&o.h, L(&o, "計画を開く", "Open the plan"));
	buf_puts(&o.h, "</a></p>");
	if (unsubscribe) {
		buf_printf(&o.t, "%s %s\n", L(&o, "このお知らせを止める:", "Stop these digests:"), unsubscribe);
		buf_puts(&o.h, "<p style=\"font-size:0.85em;color:#555\"><a href=\"");
		mail_html_escape(&o.h, unsubscribe);
		buf_puts(&o.h, "\">");
		mail_html_escape(&o.h, L(&o, "このお知らせを止める", "Stop these digests"));
		buf_puts(&o.h, "</a></p>");
	}
	buf_puts(&o.h, "</body></html>\n");
	*subject = buf_detach(&subj);
	*text = buf_detach(&o.t);
	*html = buf_detach(&o.h);
}

bool digest_send_company(store_t *s, const catalog *cat, const mail_cfg *cfg, const m_company *co, date_t today,
			 lang_t lang, digest_counts *counts, FILE *log, errs_t *errs)
{
	arena_t ar = {0};
	digest_t *list;
	size_t n = digest_build(cat, co, today, s, &ar, &list);
	char week[9];
	date_iso_week(today, week);
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		const digest_t *d = &list[i];
		char key[160];
		snprintf(key, sizeof key, "digest:c%lld:%s:%s", (long long)co->id, d->person->key, week);
		int attempts = 0;
		if (!store_mail_claim(s, key, "digest", co->id, 0, d->person->key, d->person->email, week, &attempts, errs)) {
			if (errs->n)
				ok = false;
			else
				counts->skipped++;
			continue;
		}
		int64_t upto = store_audit_last_id(s, co->id, errs);
		char unsub[640];
		if (!mail_unsubscribe_link(s, cfg->base_url, d->person->email, "digest", unsub, errs)) {
			ok = false;
			break;
		}
		char *subject, *text, *html;
		digest_render(cat, co, d, today, lang, cfg->base_url, unsub, &subject, &text, &html);
		mail_msg m = {d->person->email, subject, text, html, unsub};
		char err[256];
		if (mail_send(cfg, &m, err)) {
			ok = store_mail_sent(s, key, upto, errs);
			counts->sent++;
		} else {
			ok = store_mail_failed(s, key, cfg->tries, err, errs);
			counts->failed++;
			if (log)
				fprintf(log, "secstep: digest: company %lld, %s <%s>: not sent after %d tries: %s\n", (long long)co->id,
					d->person->key, d->person->email, cfg->tries, err);
		}
		free(subject);
		free(text);
		free(html);
	}
	free(list);
	arena_free(&ar);
	return ok;
}
