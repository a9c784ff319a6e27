/* store_company.c — reading and writing company snapshots (SQLite). */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/db.h"
#include "store/sqlite_int.h"

/* ---- reading ---- */

static const char *col_text(arena_t *a, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? arena_strdup(a, (const char *)t) : NULL;
}

static date_t col_date(sqlite3_stmt *st, int i)
{
	date_t d = DATE_NONE;
	const unsigned char *t = sqlite3_column_text(st, i);
	if (t)
		date_parse((const char *)t, &d);
	return d;
}

typedef struct {
	int64_t rowid;
	size_t index;
} rowmap;

static int rowmap_cmp(const void *x, const void *y)
{
	const rowmap *a = x, *b = y;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

static m_person *person_by_rowid(m_company *c, rowmap *map, int64_t rowid)
{
	rowmap key = {rowid, 0};
	rowmap *r = bsearch(&key, map, c->n_people, sizeof *map, rowmap_cmp);
	return r ? &c->people[r->index] : NULL;
}

static bool step_done(store_t *s, sqlite3_stmt *st, int rc, errs_t *errs)
{
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(s, errs, "read");
		return false;
	}
	return true;
}

static bool load_people(store_t *s, m_company *c, errs_t *errs)
{
	arena_t *a = &c->arena;
	sqlite3_stmt *st = q(s, "SELECT id, key, name, department, position, email, phone, notes, "
			       "volunteer FROM person WHERE company_id = ? ORDER BY pos", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, c->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m_person *p = arena_push(a, (void **)&c->people, &c->n_people, &c->cap_people, sizeof *p);
		p->rowid = sqlite3_column_int64(st, 0);
		p->key = col_text(a, st, 1);
		p->name = col_text(a, st, 2);
		p->department = col_text(a, st, 3);
		p->position = col_text(a, st, 4);
		p->email = col_text(a, st, 5);
		p->phone = col_text(a, st, 6);
		p->notes = col_text(a, st, 7);
		p->volunteer = sqlite3_column_int(st, 8) != 0;
	}
	if (!step_done(s, st, rc, errs))
		return false;

	rowmap *map = xmalloc((c->n_people + 1) * sizeof *map);
	for (size_t i = 0; i < c->n_people; i++)
		map[i] = (rowmap){c->people[i].rowid, i};
	qsort(map, c->n_people, sizeof *map, rowmap_cmp);
	bool ok = false;

	/* experience: count first, then fill, to keep arrays compact */
	st = q(s, "SELECT person_id, tag FROM person_experience WHERE company_id = ? "
		  "ORDER BY person_id, pos", errs);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, c->id);
	{
		m_person *cur = NULL;
		size_t cap = 0;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			m_person *p = person_by_rowid(c, map, sqlite3_column_int64(st, 0));
			if (!p)
				continue;
			if (p != cur) {
				cur = p;
				cap = 0;
			}
			if (p->n_experience == cap) {
				size_t ncap = cap ? cap * 2 : 4;
				const char **arr = arena_alloc(a, ncap * sizeof *arr);
				if (p->n_experience)
					memcpy(arr, p->experience, p->n_experience * sizeof *arr);
				p->experience = arr;
				cap = ncap;
			}
			p->experience[p->n_experience++] = col_text(a, st, 1);
		}
		if (!step_done(s, st, rc, errs))
			goto out;
	}

	st = q(s, "SELECT person_id, role, time, share FROM person_role WHERE company_id = ? "
		  "ORDER BY person_id, pos", errs);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m_person *p = person_by_rowid(c, map, sqlite3_column_int64(st, 0));
		if (!p)
			continue;
		m_role *r = arena_push(a, (void **)&p->roles, &p->n_roles, &p->cap_roles, sizeof *r);
		r->role = col_text(a, st, 1);
		role_time_parse((const char *)sqlite3_column_text(st, 2), &r->time);
		r->share = sqlite3_column_int(st, 3);
	}
	if (!step_done(s, st, rc, errs))
		goto out;

	st = q(s, "SELECT person_id, exam, status, date FROM person_exam WHERE company_id = ? "
		  "ORDER BY person_id, pos", errs);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m_person *p = person_by_rowid(c, map, sqlite3_column_int64(st, 0));
		if (!p)
			continue;
		m_exam *e = arena_push(a, (void **)&p->exams, &p->n_exams, &p->cap_exams, sizeof *e);
		e->exam = col_text(a, st, 1);
		exam_status_parse((const char *)sqlite3_column_text(st, 2), &e->status);
		e->date = col_date(st, 3);
	}
	if (!step_done(s, st, rc, errs))
		goto out;

	st = q(s, "SELECT person_id, resource, date, note FROM person_learning WHERE company_id = ? "
		  "ORDER BY person_id, pos", errs);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m_person *p = person_by_rowid(c, map, sqlite3_column_int64(st, 0));
		if (!p)
			continue;
		m_learning *l = arena_push(a, (void **)&p->learning, &p->n_learning,
					   &p->cap_learning, sizeof *l);
		l->resource = col_text(a, st, 1);
		l->date = col_date(st, 2);
		l->note = col_text(a, st, 3);
	}
	ok = step_done(s, st, rc, errs);
out:
	free(map);
	return ok;
}

static bool load_rest(store_t *s, m_company *c, errs_t *errs)
{
	arena_t *a = &c->arena;
	int rc;
	sqlite3_stmt *st = q(s, "SELECT it_use FROM company_it_use WHERE company_id = ? ORDER BY pos", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, c->id);
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char **slot = arena_push(a, (void **)&c->it_uses, &c->n_it_uses, &cap, sizeof *slot);
		*slot = col_text(a, st, 0);
	}
	if (!step_done(s, st, rc, errs))
		return false;

	st = q(s, "SELECT task, owner, due, status, note FROM task WHERE company_id = ? ORDER BY pos", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m_task *t = arena_push(a, (void **)&c->tasks, &c->n_tasks, &c->cap_tasks, sizeof *t);
		t->task = col_text(a, st, 0);
		t->owner = col_text(a, st, 1);
		t->due = col_date(st, 2);
		task_status_parse((const char *)sqlite3_column_text(st, 3), &t->status);
		t->note = col_text(a, st, 4);
	}
	if (!step_done(s, st, rc, errs))
		return false;

	st = q(s, "SELECT key, name, business, department, medium, owner, notes, c, i, a, personal, "
		  "threat, vulnerability, treatment, action, treat_owner, treat_due FROM asset "
		  "WHERE company_id = ? ORDER BY pos", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m_asset *x = arena_push(a, (void **)&c->assets, &c->n_assets, &c->cap_assets, sizeof *x);
		x->key = col_text(a, st, 0);
		x->name = col_text(a, st, 1);
		x->business = col_text(a, st, 2);
		x->department = col_text(a, st, 3);
		x->medium = col_text(a, st, 4);
		x->owner = col_text(a, st, 5);
		x->notes = col_text(a, st, 6);
		x->c = sqlite3_column_int(st, 7);
		x->i = sqlite3_column_int(st, 8);
		x->a = sqlite3_column_int(st, 9);
		x->personal = sqlite3_column_int(st, 10) != 0;
		x->threat = sqlite3_column_int(st, 11);
		x->vulnerability = sqlite3_column_int(st, 12);
		x->treatment = col_text(a, st, 13);
		x->action = col_text(a, st, 14);
		x->treat_owner = col_text(a, st, 15);
		x->treat_due = col_date(st, 16);
	}
	if (!step_done(s, st, rc, errs))
		return false;

	st = q(s, "SELECT version, body, created, author, approved, approver FROM policy_version "
		  "WHERE company_id = ? ORDER BY version", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m_policy *pv = arena_push(a, (void **)&c->policies, &c->n_policies, &c->cap_policies, sizeof *pv);
		pv->version = sqlite3_column_int(st, 0);
		pv->body = col_text(a, st, 1);
		pv->created = col_date(st, 2);
		pv->author = col_text(a, st, 3);
		pv->approved = col_date(st, 4);
		pv->approver = col_text(a, st, 5);
	}
	if (!step_done(s, st, rc, errs))
		return false;
	st = q(s, "SELECT person_key, version, date FROM policy_ack WHERE company_id = ? ORDER BY version, person_key", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m_ack *k = arena_push(a, (void **)&c->acks, &c->n_acks, &c->cap_acks, sizeof *k);
		k->person = col_text(a, st, 0);
		k->version = sqlite3_column_int(st, 1);
		k->date = col_date(st, 2);
	}
	if (!step_done(s, st, rc, errs))
		return false;

	st = q(s, "SELECT kind, key, data FROM record WHERE company_id = ? ORDER BY pos", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m_record *rr = arena_push(a, (void **)&c->records, &c->n_records, &c->cap_records, sizeof *rr);
		rr->kind = col_text(a, st, 0);
		rr->key = col_text(a, st, 1);
		rr->json = col_text(a, st, 2);
	}
	if (!step_done(s, st, rc, errs))
		return false;

	st = q(s, "SELECT d.id, d.taken_on, x.item, x.answer FROM diagnosis d "
		  "LEFT JOIN diagnosis_answer x ON x.diagnosis_id = d.id "
		  "WHERE d.company_id = ? ORDER BY d.pos, x.item", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, c->id);
	int64_t cur = -1;
	m_diagnosis *d = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t did = sqlite3_column_int64(st, 0);
		if (did != cur) {
			d = company_add_diagnosis(c, col_date(st, 1));
			cur = did;
		}
		answer_t ans;
		if (sqlite3_column_type(st, 2) != SQLITE_NULL &&
		    answer_parse((const char *)sqlite3_column_text(st, 3), &ans))
			diag_set(c, d, (const char *)sqlite3_column_text(st, 2), ans);
	}
	return step_done(s, st, rc, errs);
}

m_company *store_company_load(store_t *s, int64_t id, errs_t *errs)
{
	/* One read transaction so the snapshot is consistent. */
	if (!store_begin_read(s, errs))
		return NULL;
	m_company *c = NULL;
	sqlite3_stmt *st = q(s, "SELECT name, industry, employees, notes, policy_published, policy_where "
			       "FROM company WHERE id = ?", errs);
	if (!st)
		goto out;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		step_done(s, st, rc, errs);
		goto out;
	}
	c = company_new();
	c->id = id;
	c->name = col_text(&c->arena, st, 0);
	c->industry = col_text(&c->arena, st, 1);
	c->employees = sqlite3_column_int(st, 2);
	c->notes = col_text(&c->arena, st, 3);
	c->policy_published = col_date(st, 4);
	c->policy_where = col_text(&c->arena, st, 5);
	sqlite3_reset(st);
	if (!load_people(s, c, errs) || !load_rest(s, c, errs)) {
		company_free(c);
		c = NULL;
	}
out:
	store_end_read(s);
	return c;
}

/* ---- writing ---- */

static bool insert_children(store_t *s, const m_company *c, errs_t *errs)
{
	sqlite3_stmt *st;
	for (size_t i = 0; i < c->n_it_uses; i++) {
		if (!(st = q(s, "INSERT INTO company_it_use (company_id, pos, it_use) VALUES (?, ?, ?)", errs)))
			return false;
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, (int)i);
		bind_text(st, 3, c->it_uses[i]);
		if (!run(s, st, errs))
			return false;
	}
	for (size_t i = 0; i < c->n_people; i++) {
		const m_person *p = &c->people[i];
		if (!(st = q(s, "INSERT INTO person (company_id, key, pos, name, department, position, "
				"email, phone, notes, volunteer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", errs)))
			return false;
		sqlite3_bind_int64(st, 1, c->id);
		bind_text(st, 2, p->key);
		sqlite3_bind_int(st, 3, (int)i);
		bind_text(st, 4, p->name);
		bind_text(st, 5, p->department);
		bind_text(st, 6, p->position);
		bind_text(st, 7, p->email);
		bind_text(st, 8, p->phone);
		bind_text(st, 9, p->notes);
		sqlite3_bind_int(st, 10, p->volunteer);
		if (!run(s, st, errs))
			return false;
		int64_t pid = sqlite3_last_insert_rowid(s->db);
		for (size_t k = 0; k < p->n_experience; k++) {
			if (!(st = q(s, "INSERT INTO person_experience (company_id, person_id, pos, tag) "
					"VALUES (?, ?, ?, ?)", errs)))
				return false;
			sqlite3_bind_int64(st, 1, c->id);
			sqlite3_bind_int64(st, 2, pid);
			sqlite3_bind_int(st, 3, (int)k);
			bind_text(st, 4, p->experience[k]);
			if (!run(s, st, errs))
				return false;
		}
		for (size_t k = 0; k < p->n_roles; k++) {
			if (!(st = q(s, "INSERT INTO person_role (company_id, person_id, pos, role, time, share) "
					"VALUES (?, ?, ?, ?, ?, ?)", errs)))
				return false;
			sqlite3_bind_int64(st, 1, c->id);
			sqlite3_bind_int64(st, 2, pid);
			sqlite3_bind_int(st, 3, (int)k);
			bind_text(st, 4, p->roles[k].role);
			bind_text(st, 5, role_time_id(p->roles[k].time));
			sqlite3_bind_int(st, 6, p->roles[k].share);
			if (!run(s, st, errs))
				return false;
		}
		for (size_t k = 0; k < p->n_exams; k++) {
			if (!(st = q(s, "INSERT INTO person_exam (company_id, person_id, pos, exam, status, date) "
					"VALUES (?, ?, ?, ?, ?, ?)", errs)))
				return false;
			sqlite3_bind_int64(st, 1, c->id);
			sqlite3_bind_int64(st, 2, pid);
			sqlite3_bind_int(st, 3, (int)k);
			bind_text(st, 4, p->exams[k].exam);
			bind_text(st, 5, exam_status_id(p->exams[k].status));
			bind_date(st, 6, p->exams[k].date);
			if (!run(s, st, errs))
				return false;
		}
		for (size_t k = 0; k < p->n_learning; k++) {
			if (!(st = q(s, "INSERT INTO person_learning (company_id, person_id, pos, resource, date, "
					"note) VALUES (?, ?, ?, ?, ?, ?)", errs)))
				return false;
			sqlite3_bind_int64(st, 1, c->id);
			sqlite3_bind_int64(st, 2, pid);
			sqlite3_bind_int(st, 3, (int)k);
			bind_text(st, 4, p->learning[k].resource);
			bind_date(st, 5, p->learning[k].date);
			bind_text(st, 6, p->learning[k].note);
			if (!run(s, st, errs))
				return false;
		}
	}
	for (size_t i = 0; i < c->n_tasks; i++) {
		const m_task *t = &c->tasks[i];
		if (!(st = q(s, "INSERT INTO task (company_id, task, pos, owner, due, status, note) "
				"VALUES (?, ?, ?, ?, ?, ?, ?)", errs)))
			return false;
		sqlite3_bind_int64(st, 1, c->id);
		bind_text(st, 2, t->task);
		sqlite3_bind_int(st, 3, (int)i);
		bind_text(st, 4, t->owner);
		bind_date(st, 5, t->due);
		bind_text(st, 6, task_status_id(t->status));
		bind_text(st, 7, t->note);
		if (!run(s, st, errs))
			return false;
	}
	for (size_t i = 0; i < c->n_assets; i++) {
		const m_asset *x = &c->assets[i];
		if (!(st = q(s, "INSERT INTO asset (company_id, key, pos, name, business, department, medium, "
				"owner, notes, c, i, a, personal, threat, vulnerability, treatment, action, treat_owner, "
				"treat_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", errs)))
			return false;
		sqlite3_bind_int64(st, 1, c->id);
		bind_text(st, 2, x->key);
		sqlite3_bind_int(st, 3, (int)i);
		bind_text(st, 4, x->name);
		bind_text(st, 5, x->business);
		bind_text(st, 6, x->department);
		bind_text(st, 7, x->medium);
		bind_text(st, 8, x->owner);
		bind_text(st, 9, x->notes);
		sqlite3_bind_int(st, 10, x->c);
		sqlite3_bind_int(st, 11, x->i);
		sqlite3_bind_int(st, 12, x->a);
		sqlite3_bind_int(st, 13, x->personal);
		sqlite3_bind_int(st, 14, x->threat);
		sqlite3_bind_int(st, 15, x->vulnerability);
		bind_text(st, 16, x->treatment);
		bind_text(st, 17, x->action);
		bind_text(st, 18, x->treat_owner);
		bind_date(st, 19, x->treat_due);
		if (!run(s, st, errs))
			return false;
	}
	for (size_t i = 0; i < c->n_policies; i++) {
		const m_policy *pv = &c->policies[i];
		if (!(st = q(s, "INSERT INTO policy_version (company_id, version, body, created, author, approved, approver) "
				"VALUES (?, ?, ?, ?, ?, ?, ?)", errs)))
			return false;
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, pv->version);
		bind_text(st, 3, pv->body);
		bind_date(st, 4, pv->created);
		bind_text(st, 5, pv->author);
		bind_date(st, 6, pv->approved);
		bind_text(st, 7, pv->approver);
		if (!run(s, st, errs))
			return false;
	}
	for (size_t i = 0; i < c->n_records; i++) {
		if (!(st = q(s, "INSERT INTO record (company_id, kind, key, pos, data) VALUES (?, ?, ?, ?, ?)", errs)))
			return false;
		sqlite3_bind_int64(st, 1, c->id);
		bind_text(st, 2, c->records[i].kind);
		bind_text(st, 3, c->records[i].key);
		sqlite3_bind_int(st, 4, (int)i);
		bind_text(st, 5, c->records[i].json);
		if (!run(s, st, errs))
			return false;
	}
	for (size_t i = 0; i < c->n_acks; i++) {
		if (!(st = q(s, "INSERT INTO policy_ack (company_id, person_key, version, date) VALUES (?, ?, ?, ?)", errs)))
			return false;
		sqlite3_bind_int64(st, 1, c->id);
		bind_text(st, 2, c->acks[i].person);
		sqlite3_bind_int(st, 3, c->acks[i].version);
		bind_date(st, 4, c->acks[i].date);
		if (!run(s, st, errs))
			return false;
	}
	for (size_t i = 0; i < c->n_diagnoses; i++) {
		const m_diagnosis *d = &c->diagnoses[i];
		if (!(st = q(s, "INSERT INTO diagnosis (company_id, pos, taken_on) VALUES (?, ?, ?)", errs)))
			return false;
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, (int)i);
		bind_date(st, 3, d->date);
		if (!run(s, st, errs))
			return false;
		int64_t did = sqlite3_last_insert_rowid(s->db);
		for (size_t k = 0; k < d->n; k++) {
			if (!(st = q(s, "INSERT INTO diagnosis_answer (company_id, diagnosis_id, item, answer) "
					"VALUES (?, ?, ?, ?)", errs)))
				return false;
			sqlite3_bind_int64(st, 1, c->id);
			sqlite3_bind_int64(st, 2, did);
			bind_text(st, 3, d->items[k]);
			bind_text(st, 4, answer_id(d->answers[k]));
			if (!run(s, st, errs))
				return false;
		}
	}
	return true;
}

static void bind_company(sqlite3_stmt *st, const m_company *c)
{
	bind_text(st, 1, c->name);
	bind_text(st, 2, c->industry);
	sqlite3_bind_int(st, 3, c->employees);
	bind_text(st, 4, c->notes);
	bind_date(st, 5, c->policy_published);
	bind_text(st, 6, c->policy_where);
}

/* The next value of a database-wide counter ("company_id", "change"):
 * counters never go back, so ids and versions are never reused.  -1 on
 * error. */
int64_t store_counter_next(store_t *s, const char *key, errs_t *errs)
{
	return db_int1(s, errs, -1, "UPDATE meta SET value = value + 1 WHERE key = ? RETURNING value", "t", key);
}

bool store_company_insert(store_t *s, m_company *c, errs_t *errs)
{
	if (!store_begin(s, errs))
		return false;
	int64_t id = store_counter_next(s, "company_id", errs), version = store_counter_next(s, "change", errs);
	if (id < 0 || version < 0)
		goto fail;
	sqlite3_stmt *st = q(s, "INSERT INTO company (name, industry, employees, notes, policy_published, "
			       "policy_where, id, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", errs);
	if (!st)
		goto fail;
	bind_company(st, c);
	sqlite3_bind_int64(st, 7, id);
	sqlite3_bind_int64(st, 8, version);
	char now[21];
	db_now_iso(now);
	bind_text(st, 9, now);
	bind_text(st, 10, now);
	if (!run(s, st, errs))
		goto fail;
	c->id = id;
	if (!insert_children(s, c, errs))
		goto fail;
	return store_commit(s, errs);
fail:
	store_rollback(s);
	return false;
}

static const char *const child_deletes[] = {
	"DELETE FROM company_it_use WHERE company_id = ?",
	"DELETE FROM person_experience WHERE company_id = ?",
	"DELETE FROM person_role WHERE company_id = ?",
	"DELETE FROM person_exam WHERE company_id = ?",
	"DELETE FROM person_learning WHERE company_id = ?",
	"DELETE FROM person WHERE company_id = ?",
	"DELETE FROM task WHERE company_id = ?",
	"DELETE FROM asset WHERE company_id = ?",
	"DELETE FROM diagnosis_answer WHERE company_id = ?",
	"DELETE FROM diagnosis WHERE company_id = ?",
	"DELETE FROM policy_version WHERE company_id = ?",
	"DELETE FROM policy_ack WHERE company_id = ?",
	"DELETE FROM record WHERE company_id = ?",
};

bool store_company_save(store_t *s, const m_company *c, errs_t *errs)
{
	if (!store_begin(s, errs))
		return false;
	int64_t version = store_counter_next(s, "change", errs);
	if (version < 0)
		goto fail;
	char now[21];
	db_now_iso(now);
	sqlite3_stmt *st = q(s, "UPDATE company SET name = ?, industry = ?, employees = ?, notes = ?, "
			       "policy_published = ?, policy_where = ?, updated_at = ?, "
			       "version = ? WHERE id = ?", errs);
	if (!st)
		goto fail;
	bind_company(st, c);
	bind_text(st, 7, now);
	sqlite3_bind_int64(st, 8, version);
	sqlite3_bind_int64(st, 9, c->id);
	if (!run(s, st, errs))
		goto fail;
	if (sqlite3_changes(s->db) != 1) {
		errs_add(errs, "company", "no company with id %lld", (long long)c->id);
		goto fail;
	}
	for (size_t i = 0; i < ARRAY_LEN(child_deletes); i++) {
		if (!(st = q(s, child_deletes[i], errs)))
			goto fail;
		sqlite3_bind_int64(st, 1, c->id);
		if (!run(s, st, errs))
			goto fail;
	}
	if (!insert_children(s, c, errs))
		goto fail;
	return store_commit(s, errs);
fail:
	store_rollback(s);
	return false;
}

int64_t store_company_version(store_t *s, int64_t id, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "SELECT version FROM company WHERE id = ?", errs);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	step_done(s, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, errs);
	return v;
}
