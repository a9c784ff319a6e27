/* api.c — JSON under /api/v1 for what the pages do (docs/api.md).  The
 * router has checked the session, the company access and, for writes,
 * the X-CSRF-Token header. */
#include <string.h>

#include "app/audit.h"
#include "base/util.h"
#include "core/recur.h"
#include "exchange/doc.h"
#include "view/views.h"
#include "web/pages.h"

static json_t *body_json(req_t *r)
{
	json_error_t err;
	if (!utf8_valid(r->body, r->body_len))
		return NULL;
	json_t *v = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &err);
	if (v && !json_is_object(v)) {
		json_decref(v);
		return NULL;
	}
	return v;
}

static void bad_request(req_t *r, errs_t *e)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < e->n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s}", "field", e->where[i], "error", e->what[i]));
	send_json(r, 400, json_pack("{s:s, s:o}", "error", "invalid input", "fields", arr));
}

void api_catalog(req_t *r)
{
	send_json(r, 200, json_incref(catalog_json()));
}

/* Exactly the companies the account has a relation to, ids ascending
 * (CONTRACT.md): [{"id", "name", "role"}]. */
void api_companies(req_t *r)
{
	errs_t e = ERRS_INIT;
	membership_t *ms;
	size_t n;
	if (!store_memberships(r->store, r->account, &ms, &n, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)ms[i].company_id, "name", ms[i].company_name,
						     "role", member_role_id(ms[i].role)));
	free(ms);
	errs_free(&e);
	send_json(r, 200, arr);
}

void api_portfolio(req_t *r)
{
	summary_row *rows;
	size_t n, total;
	if (!portfolio_load(r, r->body_id, 0, 0, &rows, &n, &total))
		return;
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const summary_row *x = &rows[i];
		json_t *o = json_pack("{s:I, s:s, s:s, s:i, s:i, s:i, s:s, s:b}", "id", (json_int_t)x->id, "name", x->name, "industry",
				      x->industry, "current_step", x->current_step, "working_step", x->working_step, "overdue", x->overdue,
				      "updated_at", x->updated_at, "stale", x->stale);
		json_object_set_new(o, "score", x->score >= 0 ? json_integer(x->score) : json_null());
		json_array_append_new(arr, o);
	}
	free(rows);
	send_json(r, 200, json_pack("{s:o}", "companies", arr));
}

void api_audit(req_t *r)
{
	errs_t e = ERRS_INIT;
	audit_row *rows = NULL;
	size_t n = 0;
	if (!store_audit_list(r->store, r->company_id, 0, 0, &r->arena, &rows, &n, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	send_json(r, 200, audit_json(rows, n));
	free(rows);
	errs_free(&e);
}

void api_company(req_t *r)
{
	json_t *doc = doc_export(r->cat, r->co);
	json_object_set_new(doc, "id", json_integer(r->co->id));
	send_json(r, 200, doc);
}

/* Made once per version of the company (frag_emit). */
void api_status(req_t *r)
{
	size_t mark;
	buf_reset(&r->out);
	if (frag_emit(r, "api.status", &mark)) {
		r->status = 200;
		r->ctype = "application/json; charset=utf-8";
		return;
	}
	status_t st;
	status_compute(r->cat, r->co, company_latest(r->co), &st);
	json_t *j = status_json(r->cat, r->co, &st);
	json_object_set_new(j, "history", history_json(r->cat, r->co));
	send_json(r, 200, j);
	frag_keep(r, "api.status", 0);
}

void api_plan(req_t *r)
{
	plan_t *p = plan_compute(r->cat, r->co, r->today);
	send_json(r, 200, plan_json(r->cat, r->co, p));
	plan_free(p);
}

/* POST {"owner": "p1"|null, "due": "YYYY-MM-DD"|null, "status": "doing"} */
void api_task(req_t *r)
{
	const cat_task *t = cat_task_find(r->cat, param(r, "task"));
	if (!t) {
		send_json(r, 404, json_pack("{s:s}", "error", "no such task"));
		return;
	}
	json_t *b = body_json(r);
	errs_t e = ERRS_INIT;
	if (!b) {
		errs_add(&e, "body", "must be a JSON object");
		bad_request(r, &e);
		errs_free(&e);
		return;
	}
	const char *key;
	json_t *v;
	json_object_foreach(b, key, v) if (strcmp(key, "owner") && strcmp(key, "due") && strcmp(key, "status") && strcmp(key, "note") &&
					  strcmp(key, "recur"))
		errs_add(&e, key, "unknown field");
	json_t *owner = json_object_get(b, "owner"), *due = json_object_get(b, "due"), *status = json_object_get(b, "status");
	date_t d = DATE_NONE;
	task_status_t st = TASK_TODO;
	if (owner && !json_is_null(owner) && (!json_is_string(owner) || !company_person(r->co, json_string_value(owner))))
		errs_add(&e, "owner", "must be the id of a person in the company, or null");
	if (due && !json_is_null(due) && (!json_is_string(due) || !date_parse(json_string_value(due), &d)))
		errs_add(&e, "due", "must be a date YYYY-MM-DD, or null");
	if (status && (!json_is_string(status) || !task_status_parse(json_string_value(status), &st)))
		errs_add(&e, "status", "must be todo, doing or done");
	json_t *recur = json_object_get(b, "recur");
	recur_t rc = RECUR_DEFAULT;
	if (recur && (!json_is_string(recur) || !recur_parse(json_string_value(recur), &rc)))
		errs_add(&e, "recur", "must be none, monthly, quarterly or yearly");
	json_t *note = json_object_get(b, "note");
	if (note && !json_is_null(note) && (!json_is_string(note) || !valid_long_text(json_string_value(note), DOC_MAX_NOTE)))
		errs_add(&e, "note", "must be text of at most 4000 characters, or null");
	if (e.n) {
		bad_request(r, &e);
	} else {
		m_company *co = r->co;
		m_task *mt = company_task_slot(co, t->id);
		if (owner)
			mt->owner = json_is_null(owner) ? NULL : company_person(co, json_string_value(owner))->key;
		if (due)
			mt->due = d;
		if (recur)
			mt->recur = rc;
		if (status)
			task_set_status(mt, st, r->today);
		if (note)
			mt->note = json_is_null(note) || !*json_string_value(note) ? NULL
										: arena_strdup(&co->arena, json_string_value(note));
		if (save_company(r)) {
			plan_t *p = plan_compute(r->cat, co, r->today);
			send_json(r, 200, plan_json(r->cat, co, p));
			plan_free(p);
		}
	}
	json_decref(b);
	errs_free(&e);
}

/* POST {"checkpoints": {...}, "questions": {...}, "self_diagnosis": {...}} */
void api_diagnosis(req_t *r)
{
	json_t *b = body_json(r);
	errs_t e = ERRS_INIT;
	if (!b) {
		errs_add(&e, "body", "must be a JSON object");
		bad_request(r, &e);
		errs_free(&e);
		return;
	}
	/* Validate everything first: nothing is written on any error. */
	static const char *const maps[] = {"checkpoints", "questions", "self_diagnosis"};
	const char *key;
	json_t *v;
	json_object_foreach(b, key, v) {
		size_t m = 0;
		while (m < 3 && strcmp(maps[m], key))
			m++;
		if (m == 3) {
			errs_add(&e, key, "unknown field");
			continue;
		}
		if (!json_is_object(v)) {
			errs_add(&e, key, "must be an object of id: answer");
			continue;
		}
		const char *id;
		json_t *a;
		json_object_foreach(v, id, a) {
			char where[200];
			snprintf(where, sizeof where, "%s.%s", key, id);
			bool known = m == 0 ? cat_checkpoint_find(r->cat, id) != NULL
				   : m == 1 ? cat_question_find(r->cat, id, NULL) != NULL : cat_sd_find(r->cat, id) != NULL;
			answer_t ans;
			if (!known)
				errs_add(&e, where, "unknown id");
			else if (!json_is_string(a) || !answer_parse(json_string_value(a), &ans))
				errs_add(&e, where, "must be yes, partial, no, unknown or na");
		}
	}
	if (e.n) {
		bad_request(r, &e);
		json_decref(b);
		errs_free(&e);
		return;
	}
	m_company *co = r->co;
	m_diagnosis *d = company_diagnosis_on(co, r->today);
	for (size_t m = 0; m < 3; m++) {
		const char *id;
		json_t *a;
		json_object_foreach(json_object_get(b, maps[m]), id, a) {
			answer_t ans;
			answer_parse(json_string_value(a), &ans);
			diag_set(co, d, id, ans);
		}
	}
	json_decref(b);
	if (save_company(r)) {
		status_t st;
		status_compute(r->cat, co, company_latest(co), &st);
		send_json(r, 200, status_json(r->cat, co, &st));
	}
}
