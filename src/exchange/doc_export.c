/* doc_export.c — writes a company as its document (see doc.h).  Everything
 * the snapshot holds is written, so import(export(c)) gives an equal
 * company. */
#include <jansson.h>
#include <string.h>

#include "base/util.h"
#include "core/recur.h"
#include "core/registers.h"
#include "exchange/doc.h"

static void set_str(json_t *o, const char *key, const char *v)
{
	if (v)
		json_object_set_new(o, key, json_string(v));
}

static void set_date(json_t *o, const char *key, date_t d)
{
	if (d != DATE_NONE) {
		char buf[11];
		date_format(d, buf);
		json_object_set_new(o, key, json_string(buf));
	}
}

static json_t *str_array(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

static json_t *person_json(const m_person *p)
{
	json_t *o = json_object();
	set_str(o, "id", p->key);
	set_str(o, "name", p->name);
	set_str(o, "department", p->department);
	set_str(o, "position", p->position);
	set_str(o, "email", p->email);
	set_str(o, "phone", p->phone);
	set_str(o, "notes", p->notes);
	json_object_set_new(o, "experience", str_array(p->experience, p->n_experience));
	json_object_set_new(o, "volunteer", json_boolean(p->volunteer));
	json_t *roles = json_array();
	for (size_t i = 0; i < p->n_roles; i++) {
		json_t *r = json_object();
		set_str(r, "role", p->roles[i].role);
		set_str(r, "time", role_time_id(p->roles[i].time));
		if (p->roles[i].share)
			json_object_set_new(r, "share", json_integer(p->roles[i].share));
		json_array_append_new(roles, r);
	}
	json_object_set_new(o, "roles", roles);
	json_t *exams = json_array();
	for (size_t i = 0; i < p->n_exams; i++) {
		json_t *e = json_object();
		set_str(e, "exam", p->exams[i].exam);
		set_str(e, "status", exam_status_id(p->exams[i].status));
		set_date(e, "date", p->exams[i].date);
		json_array_append_new(exams, e);
	}
	json_object_set_new(o, "exams", exams);
	json_t *learning = json_array();
	for (size_t i = 0; i < p->n_learning; i++) {
		json_t *l = json_object();
		set_str(l, "resource", p->learning[i].resource);
		set_date(l, "date", p->learning[i].date);
		set_str(l, "note", p->learning[i].note);
		json_array_append_new(learning, l);
	}
	json_object_set_new(o, "learning", learning);
	return o;
}

/* Writes the answers of d into obj as three maps, in catalog order. */
static void answers_json(const catalog *cat, const m_diagnosis *d, json_t *obj)
{
	json_t *cps = json_object(), *qs = json_object(), *sd = json_object();
	for (int i = 0; i < CAT_CHECKPOINTS; i++) {
		const cat_checkpoint *cp = &cat->checkpoints[i];
		answer_t a = diag_answer(d, cp->id);
		if (a != ANS_NONE)
			json_object_set_new(cps, cp->id, json_string(answer_id(a)));
		for (size_t q = 0; q < cp->n_questions; q++) {
			a = diag_answer(d, cp->questions[q].id);
			if (a != ANS_NONE)
				json_object_set_new(qs, cp->questions[q].id, json_string(answer_id(a)));
		}
	}
	for (int i = 0; i < CAT_SD_ITEMS; i++) {
		answer_t a = diag_answer(d, cat->sd[i].id);
		if (a != ANS_NONE)
			json_object_set_new(sd, cat->sd[i].id, json_string(answer_id(a)));
	}
	json_object_set_new(obj, "checkpoints", cps);
	json_object_set_new(obj, "questions", qs);
	json_object_set_new(obj, "self_diagnosis", sd);
}

json_t *doc_export(const catalog *cat, const m_company *c)
{
	json_t *doc = json_object();
	json_object_set_new(doc, "format", json_string(DOC_FORMAT));
	json_t *co = json_object();
	set_str(co, "name", c->name);
	set_str(co, "industry", c->industry);
	json_object_set_new(co, "employees", json_integer(c->employees));
	json_object_set_new(co, "it_uses", str_array(c->it_uses, c->n_it_uses));
	set_str(co, "notes", c->notes);
	json_object_set_new(doc, "company", co);

	json_t *people = json_array();
	for (size_t i = 0; i < c->n_people; i++)
		json_array_append_new(people, person_json(&c->people[i]));
	json_object_set_new(doc, "people", people);

	const m_diagnosis *latest = company_latest(c);
	if (latest) {
		set_date(doc, "diagnosed_on", latest->date);
		answers_json(cat, latest, doc);
	}
	if (c->n_diagnoses > 1) {
		json_t *hist = json_array();
		for (size_t i = 0; i + 1 < c->n_diagnoses; i++) {
			json_t *h = json_object();
			set_date(h, "date", c->diagnoses[i].date);
			answers_json(cat, &c->diagnoses[i], h);
			json_array_append_new(hist, h);
		}
		json_object_set_new(doc, "history", hist);
	}

	json_t *tasks = json_array();
	for (size_t i = 0; i < c->n_tasks; i++) {
		const m_task *t = &c->tasks[i];
		json_t *o = json_object();
		set_str(o, "id", t->task);
		json_object_set_new(o, "owner", t->owner ? json_string(t->owner) : json_null());
		if (t->due != DATE_NONE)
			set_date(o, "due", t->due);
		else
			json_object_set_new(o, "due", json_null());
		set_str(o, "status", task_status_id(t->status));
		set_str(o, "note", t->note);
		set_str(o, "recur", recur_id(t->recur));
		if (t->last_done > 0)
			set_date(o, "last_done", t->last_done);
		json_array_append_new(tasks, o);
	}
	json_object_set_new(doc, "tasks", tasks);

	json_t *assets = json_array();
	for (size_t i = 0; i < c->n_assets; i++) {
		const m_asset *a = &c->assets[i];
		json_t *o = json_object();
		set_str(o, "id", a->key);
		set_str(o, "name", a->name);
		json_object_set_new(o, "c", json_integer(a->c));
		json_object_set_new(o, "i", json_integer(a->i));
		json_object_set_new(o, "a", json_integer(a->a));
		json_object_set_new(o, "personal", json_boolean(a->personal));
		json_object_set_new(o, "threat", json_integer(a->threat));
		json_object_set_new(o, "vulnerability", json_integer(a->vulnerability));
		set_str(o, "business", a->business);
		set_str(o, "department", a->department);
		set_str(o, "medium", a->medium);
		set_str(o, "owner", a->owner);
		set_str(o, "notes", a->notes);
		set_str(o, "treatment", a->treatment);
		set_str(o, "action", a->action);
		set_str(o, "treatment_owner", a->treat_owner);
		set_date(o, "treatment_due", a->treat_due);
		json_array_append_new(assets, o);
	}
	json_object_set_new(doc, "assets", assets);

	for (size_t k = 0; k < reg_n_specs; k++) {
		json_t *arr = NULL;
		for (size_t i = 0; i < c->n_records; i++) {
			if (strcmp(c->records[i].kind, reg_specs[k].kind))
				continue;
			json_t *o = json_loads(c->records[i].json, 0, NULL);
			json_t *withid = json_pack("{s:s}", "id", c->records[i].key);
			json_object_update(withid, o);
			json_decref(o);
			if (!arr)
				arr = json_array();
			json_array_append_new(arr, withid);
		}
		if (arr)
			json_object_set_new(doc, reg_specs[k].kind, arr);
	}
	if (c->policy_published != DATE_NONE || c->policy_where || c->n_policies || c->n_acks) {
		json_t *p = json_object();
		set_date(p, "published", c->policy_published);
		set_str(p, "where", c->policy_where);
		if (c->n_policies) {
			json_t *vs = json_array();
			for (size_t i = 0; i < c->n_policies; i++) {
				const m_policy *pv = &c->policies[i];
				json_t *o = json_pack("{s:i, s:s}", "version", pv->version, "body", pv->body);
				set_date(o, "created", pv->created);
				set_str(o, "author", pv->author);
				set_date(o, "approved", pv->approved);
				set_str(o, "approver", pv->approver);
				json_array_append_new(vs, o);
			}
			json_object_set_new(p, "versions", vs);
		}
		if (c->n_acks) {
			json_t *as = json_array();
			for (size_t i = 0; i < c->n_acks; i++) {
				json_t *o = json_pack("{s:s, s:i}", "person", c->acks[i].person, "version", c->acks[i].version);
				set_date(o, "date", c->acks[i].date);
				json_array_append_new(as, o);
			}
			json_object_set_new(p, "acknowledgements", as);
		}
		json_object_set_new(doc, "policy", p);
	}
	return doc;
}
