/* audit.c — the audit log written from the faces (app/audit.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/audit.h"
#include "app/summary.h"
#include "exchange/doc.h"
#include "store/store.h"

bool audit_record(store_t *s, const audit_who *w, int64_t company, int64_t body, const char *action,
		  const char *target, json_t *detail, errs_t *errs)
{
	char *text = detail ? json_dumps(detail, JSON_COMPACT | JSON_SORT_KEYS) : NULL;
	audit_row a;
	memset(&a, 0, sizeof a);
	a.actor = w->actor;
	a.account_id = w->account;
	a.company_id = company;
	a.body_id = body;
	a.action = action;
	a.target = target;
	a.detail = text;
	a.ip = w->ip;
	bool ok = store_audit_add(s, &a, errs);
	free(text);
	json_decref(detail);
	return ok;
}

typedef struct {
	store_t *s;
	const audit_who *w;
	int64_t company;
	errs_t *errs;
	bool ok;
} change_ctx;

static void on_change(void *p, const char *stem, const char *verb, const char *target, json_t *changes)
{
	change_ctx *x = p;
	if (!x->ok)
		return;
	char action[64];
	snprintf(action, sizeof action, "%s.%s", stem, verb);
	x->ok = audit_record(x->s, x->w, x->company, 0, action, target, json_pack("{s:O}", "changes", changes), x->errs);
}

bool audit_company(store_t *s, const catalog *cat, const audit_who *w, int64_t company, const m_company *before,
		   const m_company *after, errs_t *errs)
{
	change_ctx x = {s, w, company, errs, true};
	doc_changes(cat, before, after, on_change, &x);
	return x.ok;
}

bool audit_save(store_t *s, const catalog *cat, const audit_who *w, m_company *c, errs_t *errs)
{
	if (!store_begin(s, errs))
		return false;
	m_company *before = store_company_lock(s, c->id, errs) ? store_company_load(s, c->id, errs) : NULL;
	bool ok = before != NULL;
	if (ok && c->version && before->version != c->version) {
		/* Read before someone else saved it: saving would undo their
		 * change.  Nothing is written; the caller reads it again. */
		errs_add(errs, "company", "was changed by someone else since it was read; nothing was saved, please try again");
		ok = false;
	}
	ok = ok && audit_company(s, cat, w, c->id, before, c, errs) && store_company_save(s, c, errs) &&
	     summary_update(s, cat, c, errs);
	company_free(before);
	if (!ok) {
		if (!errs->n)
			errs_add(errs, "company", "no company with id %lld", (long long)c->id);
		store_rollback(s);
		return false;
	}
	return store_commit(s, errs);
}

json_t *audit_json(const audit_row *rows, size_t n)
{
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		const audit_row *a = &rows[i];
		json_t *o = json_pack("{s:s, s:s, s:s}", "at", a->at, "actor", a->actor, "action", a->action);
		json_object_set_new(o, "target", a->target ? json_string(a->target) : json_null());
		json_object_set_new(o, "company", a->company_id ? json_integer(a->company_id) : json_null());
		if (a->body_id)
			json_object_set_new(o, "body", json_integer(a->body_id));
		json_t *d = a->detail ? json_loads(a->detail, 0, NULL) : NULL;
		json_t *ch = json_object_get(d, "changes");
		json_object_set_new(o, "changes", json_is_array(ch) ? json_incref(ch) : json_array());
		if (json_is_array(ch))
			json_object_del(d, "changes");
		if (json_is_object(d) && json_object_size(d))
			json_object_set(o, "detail", d);
		json_decref(d);
		json_array_append_new(arr, o);
	}
	return arr;
}
