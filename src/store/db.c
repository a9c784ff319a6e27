/* db.c — the house database API (db.h) over whichever backend the store
 * was opened with, and what every backend shares: opening by path or URL,
 * transactions (nested ones as savepoints), migrations, one-liners. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "store/db.h"
#include "store/schema.h"
#include "store/store_int.h"

/* ---- statements ---- */

static void scope_close(store_t *s)
{
	if (!s->scope_open)
		return;
	errs_t ignore = ERRS_INIT;
	if (!s->ops->exec_script(s, "COMMIT", &ignore))
		s->ops->exec_script(s, "ROLLBACK", &ignore);   /* never left open */
	errs_free(&ignore);
	s->scope_open = false;
}

db_stmt *db_prepare(store_t *s, errs_t *errs, const char *sql)
{
	db_stmt *st = s->ops->prepare(s, sql, errs);
	if (!st || !s->scope || s->depth)
		return st;
	if (!s->ops->readonly(st)) {
		scope_close(s);   /* a write runs on the latest data, on its own */
	} else if (!s->scope_open) {
		errs_t ignore = ERRS_INIT;
		s->scope_open = s->ops->exec_script(s, s->ops->begin_read, &ignore);
		errs_free(&ignore);
	}
	return st;
}

void store_read_scope(store_t *s)
{
	if (s && s->ops->readonly)
		s->scope = true;
}

void store_read_scope_end(store_t *s)
{
	if (!s)
		return;
	scope_close(s);
	s->scope = false;
}

void db_bind_int(db_stmt *st, int i, int64_t v)
{
	st->s->ops->bind_int(st, i, v);
}

void db_bind_text(db_stmt *st, int i, const char *v)
{
	st->s->ops->bind_text(st, i, v);
}

void db_bind_blob(db_stmt *st, int i, const void *p, size_t n)
{
	st->s->ops->bind_blob(st, i, p, n);
}

void db_bind_date(db_stmt *st, int i, date_t d)
{
	if (d == DATE_NONE) {
		db_bind_text(st, i, NULL);
	} else {
		char buf[11];
		date_format(d, buf);
		db_bind_text(st, i, buf);
	}
}

static void bind_all(db_stmt *st, const char *types, va_list ap)
{
	for (int i = 0; types && types[i]; i++) {
		int n = i + 1;
		switch (types[i]) {
		case 'i':
			db_bind_int(st, n, va_arg(ap, int64_t));
			break;
		case 'd':
			db_bind_int(st, n, va_arg(ap, int));
			break;
		case 't':
			db_bind_text(st, n, va_arg(ap, const char *));
			break;
		case 'b': {
			const void *p = va_arg(ap, const void *);
			size_t len = va_arg(ap, size_t);
			db_bind_blob(st, n, p, len);
			break;
		}
		case 'D':
			db_bind_date(st, n, va_arg(ap, date_t));
			break;
		default:
			panic("db: unknown bind type '%c'", types[i]);
		}
	}
}

static db_stmt *vquery(store_t *s, errs_t *errs, const char *sql, const char *types, va_list ap)
{
	db_stmt *st = db_prepare(s, errs, sql);
	if (st)
		bind_all(st, types, ap);
	return st;
}

db_stmt *db_q(store_t *s, errs_t *errs, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	db_stmt *st = vquery(s, errs, sql, types, ap);
	va_end(ap);
	return st;
}

bool db_row(db_stmt *st)
{
	return st->s->ops->row(st);
}

bool db_end(db_stmt *st, errs_t *errs)
{
	return st->s->ops->end(st, errs);
}

bool db_run(db_stmt *st, errs_t *errs)
{
	while (db_row(st))
		;
	return db_end(st, errs);
}

int64_t db_int(db_stmt *st, int col)
{
	return st->s->ops->col_int(st, col);
}

const char *db_text(db_stmt *st, int col)
{
	return st->s->ops->col_text(st, col);
}

const char *db_str(db_stmt *st, int col)
{
	const char *t = db_text(st, col);
	return t ? t : "";
}

bool db_null(db_stmt *st, int col)
{
	return db_text(st, col) == NULL;
}

const void *db_blob(db_stmt *st, int col, size_t *len)
{
	return st->s->ops->col_blob(st, col, len);
}

char *db_dup(db_stmt *st, int col)
{
	const char *t = db_text(st, col);
	return t ? xstrdup(t) : NULL;
}

date_t db_date(db_stmt *st, int col)
{
	date_t d = DATE_NONE;
	const char *t = db_text(st, col);
	if (t && !date_parse(t, &d))
		d = DATE_NONE;
	return d;
}

bool db_exec(store_t *s, errs_t *errs, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	db_stmt *st = vquery(s, errs, sql, types, ap);
	va_end(ap);
	return st && db_run(st, errs);
}

int64_t db_int1(store_t *s, errs_t *errs, int64_t dflt, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	db_stmt *st = vquery(s, errs, sql, types, ap);
	va_end(ap);
	if (!st)
		return dflt;
	int64_t v = db_row(st) && !db_null(st, 0) ? db_int(st, 0) : dflt;
	return db_end(st, errs) ? v : dflt;
}

char *db_text1(store_t *s, errs_t *errs, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	db_stmt *st = vquery(s, errs, sql, types, ap);
	va_end(ap);
	if (!st)
		return NULL;
	char *v = db_row(st) ? db_dup(st, 0) : NULL;
	if (!db_end(st, errs)) {
		free(v);
		return NULL;
	}
	return v;
}

int64_t db_changes(store_t *s)
{
	return s->ops->changes(s);
}

bool db_constraint_failed(store_t *s)
{
	return s->constraint_failed;
}

void db_now_iso(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

const char *db_backend(store_t *s)
{
	return s->ops->name;
}

/* ---- transactions ---- */

bool store_begin(store_t *s, errs_t *errs)
{
	scope_close(s);
	const char *sql = s->depth == 0 ? s->ops->begin_write : "SAVEPOINT w";
	if (!s->ops->exec_script(s, sql, errs))
		return false;
	s->depth++;
	return true;
}

bool store_commit(store_t *s, errs_t *errs)
{
	if (s->depth <= 0)
		panic("store_commit outside a transaction");
	if (--s->depth == 0) {
		if (s->ops->exec_script(s, "COMMIT", errs))
			return true;
		errs_t ignore = ERRS_INIT;   /* a failed COMMIT may leave it open */
		s->ops->exec_script(s, "ROLLBACK", &ignore);
		errs_free(&ignore);
		return false;
	}
	return s->ops->exec_script(s, "RELEASE SAVEPOINT w", errs);
}

void store_rollback(store_t *s)
{
	if (s->depth <= 0)
		panic("store_rollback outside a transaction");
	errs_t ignore = ERRS_INIT;
	if (--s->depth == 0) {
		s->ops->exec_script(s, "ROLLBACK", &ignore);
	} else {
		s->ops->exec_script(s, "ROLLBACK TO SAVEPOINT w", &ignore);
		s->ops->exec_script(s, "RELEASE SAVEPOINT w", &ignore);
	}
	errs_free(&ignore);
}

bool store_begin_read(store_t *s, errs_t *errs)
{
	scope_close(s);
	if (s->depth == 0 && !s->ops->exec_script(s, s->ops->begin_read, errs))
		return false;
	s->depth++;
	return true;
}

void store_end_read(store_t *s)
{
	errs_t ignore = ERRS_INIT;
	if (--s->depth == 0)
		s->ops->exec_script(s, "COMMIT", &ignore);
	errs_free(&ignore);
}

bool store_company_lock(store_t *s, int64_t id, errs_t *errs)
{
	return s->ops->lock_company(s, id, errs);
}

/* ---- opening, migrations ---- */

bool store_is_pg_url(const char *path)
{
	return path && (!strncmp(path, "postgresql://", 13) || !strncmp(path, "postgres://", 11));
}

int store_schema_version(store_t *s)
{
	return s->ops->schema_version(s);
}

bool store_migrate(store_t *s, errs_t *errs)
{
	int have = store_schema_version(s);
	if (have < 0) {
		errs_add(errs, "database", "cannot read the schema version");
		return false;
	}
	if (have > schema_latest()) {
		errs_add(errs, "database", "was written by a newer secstep (schema %d, this one knows %d)", have,
			 schema_latest());
		return false;
	}
	for (int n = have + 1; n <= schema_latest(); n++) {
		char *sql = s->ops->migration(n);
		bool ok = store_begin(s, errs);
		if (ok && (!s->ops->exec_script(s, sql, errs) || !s->ops->set_schema_version(s, n, errs))) {
			errs_add(errs, "database", "migration %d failed", n);
			store_rollback(s);
			ok = false;
		}
		free(sql);
		if (!ok || !store_commit(s, errs))
			return false;
	}
	return true;
}

store_t *store_open(const char *path, errs_t *errs)
{
	store_t *s = store_is_pg_url(path) ? pg_store_open(path, errs) : sqlite_store_open(path, true, errs);
	if (s && !store_migrate(s, errs)) {
		store_close(s);
		return NULL;
	}
	return s;
}

store_t *store_open_existing(const char *path, errs_t *errs)
{
	store_t *s = store_is_pg_url(path) ? pg_store_open(path, errs) : sqlite_store_open(path, false, errs);
	if (s && !store_migrate(s, errs)) {
		store_close(s);
		return NULL;
	}
	return s;
}

void store_close(store_t *s)
{
	if (s)
		s->ops->close(s);
}
