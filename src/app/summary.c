/* summary.c — company summaries (app/summary.h): computed from a snapshot
 * when it is saved, read as one table by lists and portfolios. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/summary.h"
#include "base/buf.h"
#include "base/util.h"
#include "core/rules.h"
#include "store/db.h"

#define STALE_DAYS 90

bool summary_update(store_t *s, const catalog *cat, const m_company *c, errs_t *errs)
{
	status_t st;
	status_compute(cat, c, company_latest(c), &st);
	/* The working STEP's open tasks with a due date: overdue is counted
	 * against the day the list is read. */
	buf_t dues = BUF_INIT;
	const cat_step *step = &cat->steps[st.working_step - 1];
	date_t due[64];
	size_t nd = 0;
	for (size_t i = 0; i < step->n_tasks && nd < ARRAY_LEN(due); i++) {
		const m_task *t = company_task(c, step->tasks[i].id);
		if (t && t->status != TASK_DONE && t->due != DATE_NONE)
			due[nd++] = t->due;
	}
	/* earliest first: "is anything overdue" is then one comparison */
	for (size_t i = 1; i < nd; i++)
		for (size_t k = i; k > 0 && due[k] < due[k - 1]; k--) {
			date_t x = due[k];
			due[k] = due[k - 1];
			due[k - 1] = x;
		}
	for (size_t i = 0; i < nd; i++) {
		char d[11];
		date_format(due[i], d);
		buf_printf(&dues, "%s%s", i ? "," : "", d);
	}
	const m_diagnosis *latest = company_latest(c);
	char now[21], score[16];
	db_now_iso(now);
	snprintf(score, sizeof score, "%d", st.sd_score);
	bool ok = db_exec(s, errs,
			  "INSERT INTO company_summary (company_id, version, current_step, working_step, score, unmet, officers, "
			  "officers_needed, open_dues, diagnosed_on, step_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
			  "ON CONFLICT (company_id) DO UPDATE SET version = excluded.version, "
			  "step_since = CASE WHEN company_summary.current_step = excluded.current_step "
			  "  THEN company_summary.step_since ELSE excluded.step_since END, "
			  "current_step = excluded.current_step, working_step = excluded.working_step, score = excluded.score, "
			  "unmet = excluded.unmet, officers = excluded.officers, officers_needed = excluded.officers_needed, "
			  "open_dues = excluded.open_dues, diagnosed_on = excluded.diagnosed_on",
			  "iiddtdddtDt", c->id, c->version, st.current_step, st.working_step,
			  st.sd_complete ? score : (const char *)NULL, (int)st.n_unmet, st.staffing.has[ST_OFFICER],
			  st.staffing.needs[ST_OFFICER], buf_str(&dues), latest ? latest->date : DATE_NONE, now);
	buf_free(&dues);
	return ok;
}

/* Brings every summary of the list up to its company's version. */
static bool refresh(store_t *s, const catalog *cat, int64_t body, int64_t account, errs_t *errs)
{
	db_stmt *st = db_q(s, errs,
			   "SELECT c.id FROM company c LEFT JOIN company_summary s ON s.company_id = c.id "
			   "WHERE (s.version IS NULL OR s.version <> c.version) AND ("
			   "  (? > 0 AND EXISTS (SELECT 1 FROM body_company bc WHERE bc.company_id = c.id AND bc.body_id = ?)) OR "
			   "  (? > 0 AND (EXISTS (SELECT 1 FROM membership m WHERE m.company_id = c.id AND m.account_id = ?) OR "
			   "    EXISTS (SELECT 1 FROM body_company bc JOIN body_adviser ba ON ba.body_id = bc.body_id "
			   "            WHERE bc.company_id = c.id AND ba.account_id = ?)))) ORDER BY c.id",
			   "iiiii", body, body, account, account, account);
	if (!st)
		return false;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	while (db_row(st)) {
		ids = xgrow(ids, n, &cap, sizeof *ids);
		ids[n++] = db_int(st, 0);
	}
	bool ok = db_end(st, errs);
	for (size_t i = 0; ok && i < n; i++) {
		m_company *c = store_company_load(s, ids[i], errs);
		if (c)
			ok = summary_update(s, cat, c, errs);
		else
			ok = !errs->n;   /* deleted meanwhile */
		company_free(c);
	}
	free(ids);
	return ok;
}

static int overdue_of(const char *dues, date_t today)
{
	int n = 0;
	for (const char *p = dues; p && *p;) {
		char d[11];
		date_t t;
		snprintf(d, sizeof d, "%.10s", p);
		n += date_parse(d, &t) && t < today;
		p = strchr(p, ',');
		p = p ? p + 1 : NULL;
	}
	return n;
}

#define LIST_FROM \
	"FROM company c LEFT JOIN company_summary s ON s.company_id = c.id " \
	"WHERE ((? > 0 AND EXISTS (SELECT 1 FROM body_company bc WHERE bc.company_id = c.id AND bc.body_id = ?)) OR " \
	"  (? > 0 AND (EXISTS (SELECT 1 FROM membership m WHERE m.company_id = c.id AND m.account_id = ?) OR " \
	"    EXISTS (SELECT 1 FROM body_company bc JOIN body_adviser ba ON ba.body_id = bc.body_id " \
	"            WHERE bc.company_id = c.id AND ba.account_id = ?)))) " \
	"AND (? = '' OR c.industry = ?) AND (? < 0 OR s.current_step = ?) AND (? = '' OR c.updated_at < ?) "

bool summary_list(store_t *s, const catalog *cat, int64_t body, int64_t account, const summary_query *q, date_t today,
		  summary_row **out, size_t *n, size_t *total, errs_t *errs)
{
	*out = NULL;
	*n = *total = 0;
	if (!refresh(s, cat, body, account, errs))
		return false;
	const char *ind = q->industry ? q->industry : "";
	char cutoff[11] = "";
	if (q->stale_only)
		date_format(today - STALE_DAYS, cutoff);
	int64_t step = q->step;
	*total = (size_t)db_int1(s, errs, 0, "SELECT count(*) " LIST_FROM, "iiiiittiitt", body, body, account, account, account,
				 ind, ind, step, step, cutoff, cutoff);
	if (errs->n)
		return false;
	db_stmt *st = db_q(s, errs,
			   "SELECT c.id, c.name, c.industry, c.employees, c.updated_at, s.current_step, s.working_step, s.score, "
			   "s.unmet, s.officers, s.officers_needed, s.open_dues, s.step_since, "
			   "EXISTS (SELECT 1 FROM membership o WHERE o.company_id = c.id AND o.role = 'owner') " LIST_FROM
			   "AND c.id > ? ORDER BY c.id LIMIT ?",
			   "iiiiittiittii", body, body, account, account, account, ind, ind, step, step, cutoff, cutoff,
			   q->after_id, q->limit > 0 ? (int64_t)q->limit : (int64_t)INT64_MAX);
	if (!st)
		return false;
	char stale[11];
	date_format(today - STALE_DAYS, stale);
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		summary_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = db_int(st, 0);
		snprintf(r->name, sizeof r->name, "%s", db_str(st, 1));
		snprintf(r->industry, sizeof r->industry, "%s", db_str(st, 2));
		r->employees = (int)db_int(st, 3);
		snprintf(r->updated_at, sizeof r->updated_at, "%s", db_str(st, 4));
		r->current_step = (int)db_int(st, 5);
		r->working_step = (int)db_int(st, 6);
		r->score = db_null(st, 7) ? -1 : (int)db_int(st, 7);
		r->unmet = (int)db_int(st, 8);
		r->officers = (int)db_int(st, 9);
		r->officers_needed = (int)db_int(st, 10);
		r->overdue = overdue_of(db_text(st, 11), today);
		snprintf(r->step_since, sizeof r->step_since, "%s", db_str(st, 12));
		r->stale = strncmp(r->updated_at, stale, 10) < 0;
		r->has_owner = db_int(st, 13) != 0;
	}
	if (!db_end(st, errs)) {
		free(*out);
		*out = NULL;
		*n = 0;
		return false;
	}
	return true;
}

bool summary_counts(store_t *s, const catalog *cat, int64_t body, int64_t account, date_t today, summary_counts_t *out,
		    errs_t *errs)
{
	memset(out, 0, sizeof *out);
	if (!refresh(s, cat, body, account, errs))
		return false;
	char d[11], stale[11];
	date_format(today, d);
	date_format(today - STALE_DAYS, stale);
	db_stmt *st = db_q(s, errs,
			   "SELECT s.current_step, count(*), "
			   "sum(CASE WHEN s.open_dues <> '' AND substr(s.open_dues, 1, 10) < ? THEN 1 ELSE 0 END), "
			   "sum(CASE WHEN c.updated_at < ? THEN 1 ELSE 0 END) " LIST_FROM "GROUP BY s.current_step",
			   "ttiiiiittiitt", d, stale, body, body, account, account, account, "", "", (int64_t)-1, (int64_t)-1, "", "");
	if (!st)
		return false;
	while (db_row(st)) {
		int64_t k = db_int(st, 0), cnt = db_int(st, 1);
		if (k >= 0 && k <= 4)
			out->steps[k] += (int)cnt;
		out->total += (int)cnt;
		out->with_overdue += (int)db_int(st, 2);
		out->stale += (int)db_int(st, 3);
	}
	if (!db_end(st, errs))
		return false;
	st = db_q(s, errs, "SELECT c.industry, count(*) " LIST_FROM "GROUP BY c.industry", "iiiiittiitt", body, body, account,
		  account, account, "", "", (int64_t)-1, (int64_t)-1, "", "");
	if (!st)
		return false;
	while (db_row(st)) {
		const char *ind = db_str(st, 0);
		if (ind[0] >= 'A' && ind[0] <= 'Z' && !ind[1])
			out->by_industry[ind[0] - 'A'] += (int)db_int(st, 1);
	}
	return db_end(st, errs);
}
