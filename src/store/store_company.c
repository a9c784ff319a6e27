/* store_company.c — company snapshots in the database, on either backend.
 *
 * The child tables (a company's IT uses, tasks, assets, policy versions and
 * acknowledgements, register records; a person's experience, roles, exams
 * and learning) are described once in a table of specs — the SQL, and for
 * each column its type and where it lives in the model — and read and
 * written by one loop each.  People and diagnoses, whose rows others point
 * to, are done by hand.  A save replaces every row of the company inside
 * one transaction, so a failed save leaves it exactly as it was. */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/db.h"
#include "store/store_int.h"

/* ---- the child tables ---- */

enum { F_TEXT, F_INT, F_BOOL, F_DATE, F_ROLE_TIME, F_EXAM_STATUS, F_TASK_STATUS };

typedef struct {
	int type;
	size_t off;              /* in one element */
} col_spec;

typedef struct {
	const char *select;      /* [person_id,] the columns, of one company, in order */
	const char *insert;      /* company_id, [person_id,] [pos,] the columns */
	const char *del;         /* every row of one company */
	const col_spec *cols;
	int ncols;
	size_t size;             /* one element */
	size_t arr, n, cap;      /* the list in the company (or in the person) */
	bool person;             /* a list of each person */
	bool pos;                /* rows keep their position */
} child_spec;

#define COLS(a) a, (int)ARRAY_LEN(a)
#define LIST(type, field) offsetof(type, field), offsetof(type, n_##field), offsetof(type, cap_##field)

static const col_spec it_use_cols[] = {{F_TEXT, 0}};
static const col_spec task_cols[] = {
	{F_TEXT, offsetof(m_task, task)}, {F_TEXT, offsetof(m_task, owner)}, {F_DATE, offsetof(m_task, due)},
	{F_TASK_STATUS, offsetof(m_task, status)}, {F_TEXT, offsetof(m_task, note)},
};
static const col_spec asset_cols[] = {
	{F_TEXT, offsetof(m_asset, key)}, {F_TEXT, offsetof(m_asset, name)}, {F_TEXT, offsetof(m_asset, business)},
	{F_TEXT, offsetof(m_asset, department)}, {F_TEXT, offsetof(m_asset, medium)}, {F_TEXT, offsetof(m_asset, owner)},
	{F_TEXT, offsetof(m_asset, notes)}, {F_INT, offsetof(m_asset, c)}, {F_INT, offsetof(m_asset, i)},
	{F_INT, offsetof(m_asset, a)}, {F_BOOL, offsetof(m_asset, personal)}, {F_INT, offsetof(m_asset, threat)},
	{F_INT, offsetof(m_asset, vulnerability)}, {F_TEXT, offsetof(m_asset, treatment)},
	{F_TEXT, offsetof(m_asset, action)}, {F_TEXT, offsetof(m_asset, treat_owner)}, {F_DATE, offsetof(m_asset, treat_due)},
};
static const col_spec policy_cols[] = {
	{F_INT, offsetof(m_policy, version)}, {F_TEXT, offsetof(m_policy, body)}, {F_DATE, offsetof(m_policy, created)},
	{F_TEXT, offsetof(m_policy, author)}, {F_DATE, offsetof(m_policy, approved)}, {F_TEXT, offsetof(m_policy, approver)},
};
static const col_spec ack_cols[] = {
	{F_TEXT, offsetof(m_ack, person)}, {F_INT, offsetof(m_ack, version)}, {F_DATE, offsetof(m_ack, date)},
};
static const col_spec record_cols[] = {
	{F_TEXT, offsetof(m_record, kind)}, {F_TEXT, offsetof(m_record, key)}, {F_TEXT, offsetof(m_record, json)},
};
static const col_spec experience_cols[] = {{F_TEXT, 0}};
static const col_spec role_cols[] = {
	{F_TEXT, offsetof(m_role, role)}, {F_ROLE_TIME, offsetof(m_role, time)}, {F_INT, offsetof(m_role, share)},
};
static const col_spec exam_cols[] = {
	{F_TEXT, offsetof(m_exam, exam)}, {F_EXAM_STATUS, offsetof(m_exam, status)}, {F_DATE, offsetof(m_exam, date)},
};
static const col_spec learning_cols[] = {
	{F_TEXT, offsetof(m_learning, resource)}, {F_DATE, offsetof(m_learning, date)}, {F_TEXT, offsetof(m_learning, note)},
};

static const child_spec company_children[] = {
	{"SELECT it_use FROM company_it_use WHERE company_id = ? ORDER BY pos",
	 "INSERT INTO company_it_use (company_id, pos, it_use) VALUES (?, ?, ?)",
	 "DELETE FROM company_it_use WHERE company_id = ?", COLS(it_use_cols), sizeof(const char *),
	 LIST(m_company, it_uses), false, true},
	{"SELECT task, owner, due, status, note FROM task WHERE company_id = ? ORDER BY pos",
	 "INSERT INTO task (company_id, pos, task, owner, due, status, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
	 "DELETE FROM task WHERE company_id = ?", COLS(task_cols), sizeof(m_task), LIST(m_company, tasks), false, true},
	{"SELECT key, name, business, department, medium, owner, notes, c, i, a, personal, threat, vulnerability, "
	 "treatment, action, treat_owner, treat_due FROM asset WHERE company_id = ? ORDER BY pos",
	 "INSERT INTO asset (company_id, pos, key, name, business, department, medium, owner, notes, c, i, a, personal, "
	 "threat, vulnerability, treatment, action, treat_owner, treat_due) "
	 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	 "DELETE FROM asset WHERE company_id = ?", COLS(asset_cols), sizeof(m_asset), LIST(m_company, assets), false, true},
	{"SELECT version, body, created, author, approved, approver FROM policy_version WHERE company_id = ? ORDER BY version",
	 "INSERT INTO policy_version (company_id, version, body, created, author, approved, approver) VALUES (?, ?, ?, ?, ?, ?, ?)",
	 "DELETE FROM policy_version WHERE company_id = ?", COLS(policy_cols), sizeof(m_policy), LIST(m_company, policies),
	 false, false},
	{"SELECT person_key, version, date FROM policy_ack WHERE company_id = ? ORDER BY version, person_key",
	 "INSERT INTO policy_ack (company_id, person_key, version, date) VALUES (?, ?, ?, ?)",
	 "DELETE FROM policy_ack WHERE company_id = ?", COLS(ack_cols), sizeof(m_ack), LIST(m_company, acks), false, false},
	{"SELECT kind, key, data FROM record WHERE company_id = ? ORDER BY pos",
	 "INSERT INTO record (company_id, pos, kind, key, data) VALUES (?, ?, ?, ?, ?)",
	 "DELETE FROM record WHERE company_id = ?", COLS(record_cols), sizeof(m_record), LIST(m_company, records), false, true},
};

static const child_spec person_children[] = {
	{"SELECT person_id, tag FROM person_experience WHERE company_id = ? ORDER BY person_id, pos",
	 "INSERT INTO person_experience (company_id, person_id, pos, tag) VALUES (?, ?, ?, ?)",
	 "DELETE FROM person_experience WHERE company_id = ?", COLS(experience_cols), sizeof(const char *),
	 LIST(m_person, experience), true, true},
	{"SELECT person_id, role, time, share FROM person_role WHERE company_id = ? ORDER BY person_id, pos",
	 "INSERT INTO person_role (company_id, person_id, pos, role, time, share) VALUES (?, ?, ?, ?, ?, ?)",
	 "DELETE FROM person_role WHERE company_id = ?", COLS(role_cols), sizeof(m_role), LIST(m_person, roles), true, true},
	{"SELECT person_id, exam, status, date FROM person_exam WHERE company_id = ? ORDER BY person_id, pos",
	 "INSERT INTO person_exam (company_id, person_id, pos, exam, status, date) VALUES (?, ?, ?, ?, ?, ?)",
	 "DELETE FROM person_exam WHERE company_id = ?", COLS(exam_cols), sizeof(m_exam), LIST(m_person, exams), true, true},
	{"SELECT person_id, resource, date, note FROM person_learning WHERE company_id = ? ORDER BY person_id, pos",
	 "INSERT INTO person_learning (company_id, person_id, pos, resource, date, note) VALUES (?, ?, ?, ?, ?, ?)",
	 "DELETE FROM person_learning WHERE company_id = ?", COLS(learning_cols), sizeof(m_learning),
	 LIST(m_person, learning), true, true},
};

typedef const char *cstr;
typedef const unsigned char *cbytes;
#define AT(base, off, type) ((type *)(void *)((unsigned char *)(base) + (off)))
#define CAT(base, off, type) ((const type *)(const void *)((const unsigned char *)(base) + (off)))

/* Reads column k of the row into the element's field. */
static void read_col(db_stmt *st, int k, const col_spec *c, void *el, arena_t *a)
{
	switch (c->type) {
	case F_TEXT:
		*AT(el, c->off, cstr) = db_text(st, k) ? arena_strdup(a, db_text(st, k)) : NULL;
		break;
	case F_INT:
		*AT(el, c->off, int) = (int)db_int(st, k);
		break;
	case F_BOOL:
		*AT(el, c->off, bool) = db_int(st, k) != 0;
		break;
	case F_DATE:
		*AT(el, c->off, date_t) = db_date(st, k);
		break;
	case F_ROLE_TIME:
		role_time_parse(db_text(st, k), AT(el, c->off, role_time_t));
		break;
	case F_EXAM_STATUS:
		exam_status_parse(db_text(st, k), AT(el, c->off, exam_status_t));
		break;
	case F_TASK_STATUS:
		task_status_parse(db_text(st, k), AT(el, c->off, task_status_t));
		break;
	}
}

static void bind_col(db_stmt *st, int i, const col_spec *c, const void *el)
{
	switch (c->type) {
	case F_TEXT:
		db_bind_text(st, i, *CAT(el, c->off, cstr));
		break;
	case F_INT:
		db_bind_int(st, i, *CAT(el, c->off, int));
		break;
	case F_BOOL:
		db_bind_int(st, i, *CAT(el, c->off, bool));
		break;
	case F_DATE:
		db_bind_date(st, i, *CAT(el, c->off, date_t));
		break;
	case F_ROLE_TIME:
		db_bind_text(st, i, role_time_id(*CAT(el, c->off, role_time_t)));
		break;
	case F_EXAM_STATUS:
		db_bind_text(st, i, exam_status_id(*CAT(el, c->off, exam_status_t)));
		break;
	case F_TASK_STATUS:
		db_bind_text(st, i, task_status_id(*CAT(el, c->off, task_status_t)));
		break;
	}
}

/* ---- reading ---- */

typedef struct {
	int64_t rowid;
	size_t index;
} rowmap;

static int rowmap_cmp(const void *x, const void *y)
{
	const rowmap *a = x, *b = y;
	return (a->rowid > b->rowid) - (a->rowid < b->rowid);
}

/* Reads one child table into the company (or its people, found through
 * map by their row id). */
static bool load_children(store_t *s, m_company *c, const child_spec *sp, const rowmap *map, errs_t *errs)
{
	db_stmt *st = db_q(s, errs, sp->select, "i", c->id);
	if (!st)
		return false;
	int first = sp->person ? 1 : 0;
	while (db_row(st)) {
		void *owner = c;
		if (sp->person) {
			rowmap key = {db_int(st, 0), 0};
			const rowmap *r = bsearch(&key, map, c->n_people, sizeof *map, rowmap_cmp);
			if (!r)
				continue;
			owner = &c->people[r->index];
		}
		void *el = arena_push(&c->arena, AT(owner, sp->arr, void *), AT(owner, sp->n, size_t), AT(owner, sp->cap, size_t),
				      sp->size);
		for (int k = 0; k < sp->ncols; k++)
			read_col(st, first + k, &sp->cols[k], el, &c->arena);
	}
	return db_end(st, errs);
}

static bool load_people(store_t *s, m_company *c, errs_t *errs)
{
	arena_t *a = &c->arena;
	db_stmt *st = db_q(s, errs, "SELECT id, key, name, department, position, email, phone, notes, volunteer "
				    "FROM person WHERE company_id = ? ORDER BY pos", "i", c->id);
	if (!st)
		return false;
	while (db_row(st)) {
		m_person *p = arena_push(a, (void **)&c->people, &c->n_people, &c->cap_people, sizeof *p);
		p->rowid = db_int(st, 0);
		p->key = arena_strdup(a, db_text(st, 1));
		p->name = arena_strdup(a, db_text(st, 2));
		p->department = arena_strdup(a, db_text(st, 3));
		p->position = arena_strdup(a, db_text(st, 4));
		p->email = arena_strdup(a, db_text(st, 5));
		p->phone = arena_strdup(a, db_text(st, 6));
		p->notes = arena_strdup(a, db_text(st, 7));
		p->volunteer = db_int(st, 8) != 0;
	}
	if (!db_end(st, errs))
		return false;
	rowmap *map = xmalloc((c->n_people + 1) * sizeof *map);
	for (size_t i = 0; i < c->n_people; i++)
		map[i] = (rowmap){c->people[i].rowid, i};
	qsort(map, c->n_people, sizeof *map, rowmap_cmp);
	bool ok = true;
	for (size_t k = 0; ok && k < ARRAY_LEN(person_children); k++)
		ok = load_children(s, c, &person_children[k], map, errs);
	free(map);
	return ok;
}

static bool load_diagnoses(store_t *s, m_company *c, errs_t *errs)
{
	db_stmt *st = db_q(s, errs, "SELECT d.id, d.taken_on, x.item, x.answer FROM diagnosis d "
				    "LEFT JOIN diagnosis_answer x ON x.diagnosis_id = d.id "
				    "WHERE d.company_id = ? ORDER BY d.pos, x.item", "i", c->id);
	if (!st)
		return false;
	int64_t cur = -1;
	m_diagnosis *d = NULL;
	while (db_row(st)) {
		int64_t did = db_int(st, 0);
		if (did != cur) {
			d = company_add_diagnosis(c, db_date(st, 1));
			cur = did;
		}
		answer_t ans;
		if (!db_null(st, 2) && answer_parse(db_text(st, 3), &ans))
			diag_set(c, d, db_text(st, 2), ans);
	}
	return db_end(st, errs);
}

m_company *store_company_load(store_t *s, int64_t id, errs_t *errs)
{
	/* One read transaction so the snapshot is consistent. */
	if (!store_begin_read(s, errs))
		return NULL;
	m_company *c = NULL;
	db_stmt *st = db_q(s, errs, "SELECT name, industry, employees, notes, policy_published, policy_where, version "
				    "FROM company WHERE id = ?", "i", id);
	if (st && db_row(st)) {
		c = company_new();
		c->id = id;
		c->name = arena_strdup(&c->arena, db_text(st, 0));
		c->industry = arena_strdup(&c->arena, db_text(st, 1));
		c->employees = (int)db_int(st, 2);
		c->notes = arena_strdup(&c->arena, db_text(st, 3));
		c->policy_published = db_date(st, 4);
		c->policy_where = arena_strdup(&c->arena, db_text(st, 5));
		c->version = db_int(st, 6);
	}
	if (st && !db_end(st, errs)) {
		company_free(c);
		c = NULL;
	}
	bool ok = c && load_people(s, c, errs) && load_diagnoses(s, c, errs);
	for (size_t k = 0; ok && k < ARRAY_LEN(company_children); k++)
		ok = load_children(s, c, &company_children[k], NULL, errs);
	if (c && !ok) {
		company_free(c);
		c = NULL;
	}
	store_end_read(s);
	return c;
}

/* ---- writing ---- */

/* Writes one child table's rows of the company (or of one person). */
static bool insert_list(store_t *s, const m_company *c, const void *owner, int64_t person, const child_spec *sp,
			errs_t *errs)
{
	size_t n = *CAT(owner, sp->n, size_t);
	cbytes arr = *CAT(owner, sp->arr, cbytes);
	for (size_t i = 0; i < n; i++) {
		db_stmt *st = db_prepare(s, errs, sp->insert);
		if (!st)
			return false;
		int b = 1;
		db_bind_int(st, b++, c->id);
		if (sp->person)
			db_bind_int(st, b++, person);
		if (sp->pos)
			db_bind_int(st, b++, (int64_t)i);
		for (int k = 0; k < sp->ncols; k++)
			bind_col(st, b++, &sp->cols[k], arr + i * sp->size);
		if (!db_run(st, errs))
			return false;
	}
	return true;
}

static bool insert_children(store_t *s, const m_company *c, errs_t *errs)
{
	for (size_t i = 0; i < c->n_people; i++) {
		const m_person *p = &c->people[i];
		int64_t pid = db_int1(s, errs, -1,
				      "INSERT INTO person (company_id, key, pos, name, department, position, email, phone, notes, "
				      "volunteer) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
				      "itittttttd", c->id, p->key, (int64_t)i, p->name, p->department, p->position, p->email,
				      p->phone, p->notes, p->volunteer ? 1 : 0);
		if (pid < 0)
			return false;
		for (size_t k = 0; k < ARRAY_LEN(person_children); k++)
			if (!insert_list(s, c, p, pid, &person_children[k], errs))
				return false;
	}
	for (size_t k = 0; k < ARRAY_LEN(company_children); k++)
		if (!insert_list(s, c, c, 0, &company_children[k], errs))
			return false;
	for (size_t i = 0; i < c->n_diagnoses; i++) {
		const m_diagnosis *d = &c->diagnoses[i];
		int64_t did = db_int1(s, errs, -1, "INSERT INTO diagnosis (company_id, pos, taken_on) VALUES (?, ?, ?) RETURNING id",
				      "iiD", c->id, (int64_t)i, d->date);
		if (did < 0)
			return false;
		for (size_t k = 0; k < d->n; k++)
			if (!db_exec(s, errs, "INSERT INTO diagnosis_answer (company_id, diagnosis_id, item, answer) VALUES (?, ?, ?, ?)",
				     "iitt", c->id, did, d->items[k], answer_id(d->answers[k])))
				return false;
	}
	return true;
}

int64_t store_counter_next(store_t *s, const char *key, errs_t *errs)
{
	return db_int1(s, errs, -1, "UPDATE meta SET value = value + 1 WHERE key = ? RETURNING value", "t", key);
}

int64_t store_change_counter(store_t *s, errs_t *errs)
{
	return db_int1(s, errs, -1, "SELECT value FROM meta WHERE key = 'change'", "");
}

bool store_company_insert(store_t *s, m_company *c, errs_t *errs)
{
	if (!store_begin(s, errs))
		return false;
	char now[21];
	db_now_iso(now);
	int64_t id = store_counter_next(s, "company_id", errs), version = store_counter_next(s, "change", errs);
	bool ok = id > 0 && version > 0 &&
		  db_exec(s, errs,
			  "INSERT INTO company (id, name, industry, employees, notes, policy_published, policy_where, version, "
			  "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
			  "ittdtDtitt", id, c->name, c->industry, c->employees, c->notes, c->policy_published, c->policy_where,
			  version, now, now);
	if (ok) {
		c->id = id;
		c->version = version;
		ok = insert_children(s, c, errs);
	}
	if (!ok) {
		store_rollback(s);
		return false;
	}
	return store_commit(s, errs);
}

static const char *const child_deletes[] = {
	"DELETE FROM person WHERE company_id = ?",
	"DELETE FROM diagnosis_answer WHERE company_id = ?",
	"DELETE FROM diagnosis WHERE company_id = ?",
};

bool store_company_save(store_t *s, m_company *c, errs_t *errs)
{
	if (!store_begin(s, errs))
		return false;
	char now[21];
	db_now_iso(now);
	int64_t version = store_counter_next(s, "change", errs);
	bool ok = version > 0 &&
		  db_exec(s, errs,
			  "UPDATE company SET name = ?, industry = ?, employees = ?, notes = ?, policy_published = ?, "
			  "policy_where = ?, updated_at = ?, version = ? WHERE id = ?",
			  "ttdtDttii", c->name, c->industry, c->employees, c->notes, c->policy_published, c->policy_where, now,
			  version, c->id);
	if (ok && db_changes(s) != 1) {
		errs_add(errs, "company", "no company with id %lld", (long long)c->id);
		ok = false;
	}
	for (size_t k = 0; ok && k < ARRAY_LEN(person_children); k++)
		ok = db_exec(s, errs, person_children[k].del, "i", c->id);
	for (size_t k = 0; ok && k < ARRAY_LEN(company_children); k++)
		ok = db_exec(s, errs, company_children[k].del, "i", c->id);
	for (size_t k = 0; ok && k < ARRAY_LEN(child_deletes); k++)
		ok = db_exec(s, errs, child_deletes[k], "i", c->id);
	if (ok)
		ok = insert_children(s, c, errs);
	if (!ok) {
		store_rollback(s);
		return false;
	}
	if (!store_commit(s, errs))
		return false;
	c->version = version;
	return true;
}

int64_t store_company_version(store_t *s, int64_t id, errs_t *errs)
{
	return db_int1(s, errs, -1, "SELECT version FROM company WHERE id = ?", "i", id);
}

bool store_company_list(store_t *s, store_company_row **rows, size_t *n, errs_t *errs)
{
	*rows = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs, "SELECT id, name, industry, employees FROM company ORDER BY id", "");
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*rows = xgrow(*rows, *n, &cap, sizeof **rows);
		store_company_row *r = &(*rows)[(*n)++];
		r->id = db_int(st, 0);
		store_copy(r->name, sizeof r->name, db_str(st, 1));
		store_copy(r->industry, sizeof r->industry, db_str(st, 2));
		r->employees = (int)db_int(st, 3);
	}
	if (!db_end(st, errs)) {
		free(*rows);
		*rows = NULL;
		*n = 0;
		return false;
	}
	return true;
}

bool store_company_delete(store_t *s, int64_t id, errs_t *errs)
{
	if (!store_begin(s, errs))
		return false;
	/* The change counter moves on: caches keyed by it see the delete. */
	if (store_counter_next(s, "change", errs) < 0 || !db_exec(s, errs, "DELETE FROM company WHERE id = ?", "i", id)) {
		store_rollback(s);
		return false;
	}
	return store_commit(s, errs);
}
