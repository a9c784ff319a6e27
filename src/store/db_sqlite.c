/* db_sqlite.c — the house database API (db.h) over SQLite.  Statements are
 * the store's cached ones (q() in store_sqlite.c), so preparing the same
 * SQL twice costs nothing. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "store/db.h"
#include "store/sqlite_int.h"

/* The db.h handle of a cached statement. */
static db_stmt *handle(store_t *s, sqlite3_stmt *st)
{
	for (size_t i = 0; i < s->n_cache; i++)
		if (s->cache[i].st == st) {
			s->dbs[i].s = s;
			s->dbs[i].st = st;
			s->dbs[i].rc = SQLITE_OK;
			return &s->dbs[i];
		}
	panic("statement not in the cache");
}

static void bind_all(sqlite3_stmt *st, const char *types, va_list ap)
{
	for (int i = 0; types && types[i]; i++) {
		int n = i + 1;
		switch (types[i]) {
		case 'i':
			sqlite3_bind_int64(st, n, va_arg(ap, int64_t));
			break;
		case 'd':
			sqlite3_bind_int(st, n, va_arg(ap, int));
			break;
		case 't':
			bind_text(st, n, va_arg(ap, const char *));
			break;
		case 'b': {
			const void *p = va_arg(ap, const void *);
			size_t len = va_arg(ap, size_t);
			sqlite3_bind_blob(st, n, p, (int)len, SQLITE_TRANSIENT);
			break;
		}
		case 'D':
			bind_date(st, n, va_arg(ap, date_t));
			break;
		default:
			panic("db: unknown bind type '%c'", types[i]);
		}
	}
}

static db_stmt *vquery(store_t *s, errs_t *errs, const char *sql, const char *types, va_list ap)
{
	sqlite3_stmt *st = q(s, sql, errs);
	if (!st)
		return NULL;
	bind_all(st, types, ap);
	return handle(s, st);
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
	if (st->rc != SQLITE_OK && st->rc != SQLITE_ROW)
		return false;
	st->rc = sqlite3_step(st->st);
	return st->rc == SQLITE_ROW;
}

bool db_end(db_stmt *st, errs_t *errs)
{
	bool ok = st->rc == SQLITE_OK || st->rc == SQLITE_ROW || st->rc == SQLITE_DONE;
	if (!ok) {
		st->s->last_rc = st->rc;
		db_error(st->s, errs, "database");
	}
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
	st->rc = SQLITE_OK;
	return ok;
}

int64_t db_int(db_stmt *st, int col)
{
	return sqlite3_column_int64(st->st, col);
}

const char *db_text(db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(st->st, col);
}

const char *db_str(db_stmt *st, int col)
{
	const char *t = db_text(st, col);
	return t ? t : "";
}

bool db_null(db_stmt *st, int col)
{
	return sqlite3_column_type(st->st, col) == SQLITE_NULL;
}

const void *db_blob(db_stmt *st, int col, size_t *len)
{
	const void *p = sqlite3_column_blob(st->st, col);
	*len = (size_t)sqlite3_column_bytes(st->st, col);
	return p;
}

char *db_dup(db_stmt *st, int col)
{
	const char *t = db_text(st, col);
	return t ? xstrdup(t) : NULL;
}

bool db_exec(store_t *s, errs_t *errs, const char *sql, const char *types, ...)
{
	va_list ap;
	va_start(ap, types);
	db_stmt *st = vquery(s, errs, sql, types, ap);
	va_end(ap);
	if (!st)
		return false;
	while (db_row(st))
		;
	return db_end(st, errs);
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
	return sqlite3_changes64(s->db);
}

bool db_constraint_failed(store_t *s)
{
	return (s->last_rc & 0xff) == SQLITE_CONSTRAINT;
}

void db_now_iso(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
