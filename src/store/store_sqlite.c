/* store_sqlite.c — the SQLite backend of store.h.
 *
 * One connection per store_t (one per worker thread in the server).  WAL,
 * foreign keys, a busy timeout and synchronous=FULL are set on open.  Writers
 * take BEGIN IMMEDIATE; nested writes use savepoints.  Statements are
 * prepared once per connection and cached by their SQL text's address (the
 * SQL is always a string literal). */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/sqlite_int.h"
#include "store/db.h"

void db_error(store_t *s, errs_t *errs, const char *what)
{
	errs_add(errs, "database", "%s: %s", what, sqlite3_errmsg(s->db));
}

/* Returns a reset statement for sql (a string literal), or NULL. */
sqlite3_stmt *q(store_t *s, const char *sql, errs_t *errs)
{
	for (size_t i = 0; i < s->n_cache; i++)
		if (s->cache[i].sql == sql) {
			sqlite3_reset(s->cache[i].st);
			sqlite3_clear_bindings(s->cache[i].st);
			return s->cache[i].st;
		}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_error(s, errs, "prepare");
		return NULL;
	}
	if (s->n_cache < STMT_CACHE) {
		s->cache[s->n_cache].sql = sql;
		s->cache[s->n_cache].st = st;
		s->n_cache++;
	} else {
		panic("statement cache full");
	}
	return st;
}

void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void bind_date(sqlite3_stmt *st, int i, date_t d)
{
	if (d == DATE_NONE) {
		sqlite3_bind_null(st, i);
	} else {
		char buf[11];
		date_format(d, buf);
		sqlite3_bind_text(st, i, buf, 10, SQLITE_TRANSIENT);
	}
}

static bool exec(store_t *s, const char *sql, errs_t *errs)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		errs_add(errs, "database", "%s", msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return false;
	}
	return true;
}

/* Runs a statement that returns no rows. */
bool run(store_t *s, sqlite3_stmt *st, errs_t *errs)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		s->last_rc = rc;
		db_error(s, errs, "write");
		return false;
	}
	return true;
}

bool store_begin(store_t *s, errs_t *errs)
{
	if (s->depth++ == 0)
		return exec(s, "BEGIN IMMEDIATE", errs) || (s->depth--, false);
	return exec(s, "SAVEPOINT w", errs) || (s->depth--, false);
}

bool store_commit(store_t *s, errs_t *errs)
{
	if (--s->depth == 0) {
		if (exec(s, "COMMIT", errs))
			return true;
		errs_t ignore = ERRS_INIT;   /* a failed COMMIT leaves it open */
		exec(s, "ROLLBACK", &ignore);
		errs_free(&ignore);
		return false;
	}
	return exec(s, "RELEASE w", errs);
}

void store_rollback(store_t *s)
{
	errs_t ignore = ERRS_INIT;
	if (--s->depth == 0) {
		exec(s, "ROLLBACK", &ignore);
	} else {
		exec(s, "ROLLBACK TO w", &ignore);
		exec(s, "RELEASE w", &ignore);
	}
	errs_free(&ignore);
}

static bool migrate(store_t *s, errs_t *errs)
{
	int have = store_schema_version(s);
	if (have > schema_latest()) {
		errs_add(errs, "database", "was written by a newer secstep (schema %d, this one knows %d)",
			 have, schema_latest());
		return false;
	}
	for (int n = have + 1; n <= schema_latest(); n++) {
		char pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", n);
		if (!store_begin(s, errs))
			return false;
		if (!exec(s, schema_migration(n), errs) || !exec(s, pragma, errs)) {
			store_rollback(s);
			return false;
		}
		if (!store_commit(s, errs))
			return false;
	}
	return true;
}

store_t *store_open(const char *path, errs_t *errs)
{
	store_t *s = xcalloc(1, sizeof *s);
	int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				 SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		errs_add(errs, "database", "cannot open %s: %s", path,
			 s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return NULL;
	}
	sqlite3_busy_timeout(s->db, 5000);
	sqlite3_extended_result_codes(s->db, 1);
	/* A file that is not a database fails here with "file is not a database". */
	if (!exec(s, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL;"
		     "PRAGMA synchronous = FULL;", errs) ||
	    !migrate(s, errs)) {
		store_close(s);
		return NULL;
	}
	return s;
}

void store_close(store_t *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_cache; i++)
		sqlite3_finalize(s->cache[i].st);
	sqlite3_close(s->db);
	free(s);
}

int store_schema_version(store_t *s)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

bool store_company_list(store_t *s, store_company_row **rows, size_t *n, errs_t *errs)
{
	*rows = NULL;
	*n = 0;
	sqlite3_stmt *st = q(s, "SELECT id, name, industry, employees FROM company ORDER BY id", errs);
	if (!st)
		return false;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*rows = xgrow(*rows, *n, &cap, sizeof **rows);
		store_company_row *r = &(*rows)[(*n)++];
		r->id = sqlite3_column_int64(st, 0);
		snprintf(r->name, sizeof r->name, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(r->industry, sizeof r->industry, "%s", (const char *)sqlite3_column_text(st, 2));
		r->employees = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(s, errs, "read");
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
	if (store_counter_next(s, "change", errs) < 0 ||
	    !db_exec(s, errs, "DELETE FROM company WHERE id = ?", "i", id)) {
		store_rollback(s);
		return false;
	}
	return store_commit(s, errs);
}


bool store_begin_read(store_t *s, errs_t *errs)
{
	if (s->depth++ == 0)
		return exec(s, "BEGIN", errs) || (s->depth--, false);
	return true;
}

void store_end_read(store_t *s)
{
	errs_t ignore = ERRS_INIT;
	if (--s->depth == 0)
		exec(s, "COMMIT", &ignore);
	errs_free(&ignore);
}

/* Copies the whole database from src to dst with SQLite's online backup:
 * consistent even while other connections write. */
static bool copy_db(sqlite3 *src, sqlite3 *dst, errs_t *errs)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		errs_add(errs, "backup", "%s", sqlite3_errmsg(dst));
		return false;
	}
	int rc;
	do {
		rc = sqlite3_backup_step(b, 256);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(20);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		errs_add(errs, "backup", "%s", sqlite3_errstr(rc));
		return false;
	}
	return true;
}

bool store_backup(store_t *s, const char *path, errs_t *errs)
{
	sqlite3 *dst;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		errs_add(errs, path, "cannot be created: %s", dst ? sqlite3_errmsg(dst) : "out of memory");
		sqlite3_close(dst);
		return false;
	}
	bool ok = copy_db(s->db, dst, errs);
	/* The copy is one plain file: no WAL beside it. */
	if (ok && sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		ok = false;
	sqlite3_close(dst);
	return ok;
}

bool store_backup_mem(store_t *s, unsigned char **data, size_t *len, errs_t *errs)
{
	*data = NULL;
	*len = 0;
	sqlite3 *dst;
	if (sqlite3_open_v2(":memory:", &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		errs_add(errs, "backup", "out of memory");
		sqlite3_close(dst);
		return false;
	}
	bool ok = copy_db(s->db, dst, errs);
	sqlite3_int64 n = 0;
	unsigned char *bytes = ok ? sqlite3_serialize(dst, "main", &n, 0) : NULL;
	if (ok && (!bytes || n < 100)) {
		errs_add(errs, "backup", "could not be serialised");
		ok = false;
	}
	if (ok) {
		/* The copy is one plain file: its header says "rollback
		 * journal" (1), not the source's WAL (2), like store_backup's. */
		bytes[18] = 1;
		bytes[19] = 1;
		*data = xmalloc((size_t)n);
		memcpy(*data, bytes, (size_t)n);
		*len = (size_t)n;
	}
	sqlite3_free(bytes);
	sqlite3_close(dst);
	return ok;
}

bool store_restore(store_t *s, const char *path, errs_t *errs)
{
	sqlite3 *src;
	if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		errs_add(errs, path, "cannot be opened");
		sqlite3_close(src);
		return false;
	}
	/* It must be a secstep database: readable, intact, our schema. */
	sqlite3_stmt *st;
	int version = -1, companies = -1;
	bool intact = false;
	if (sqlite3_prepare_v2(src, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			intact = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
		sqlite3_finalize(st);
	}
	if (intact && sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (intact && sqlite3_prepare_v2(src, "SELECT count(*) FROM company", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			companies = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (!intact || version < 1 || version > schema_latest() || companies < 0) {
		errs_add(errs, path, "is not a secstep database (or it is damaged)");
		sqlite3_close(src);
		return false;
	}
	/* The counters must not go back: a restored older copy would reuse
	 * company ids and versions that caches (in this process or others)
	 * still hold for other data. */
	int64_t ids = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'company_id'", "");
	int64_t change = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'change'", "");
	bool ok = copy_db(src, s->db, errs);
	sqlite3_close(src);
	/* Bring an older copy up to date, then move the counters past both. */
	if (!ok || !migrate(s, errs) || !store_begin(s, errs))
		return false;
	int64_t rchange = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'change'", "");
	int64_t rids = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'company_id'", "");
	int64_t rmax = db_int1(s, errs, 0, "SELECT coalesce(max(id), 0) FROM company", "");
	change = (change > rchange ? change : rchange) + 1;
	ids = ids > rids ? ids : rids;
	ids = ids > rmax ? ids : rmax;
	if (errs->n || !db_exec(s, errs, "UPDATE meta SET value = ? WHERE key = 'change'", "i", change) ||
	    !db_exec(s, errs, "UPDATE meta SET value = ? WHERE key = 'company_id'", "i", ids) ||
	    !db_exec(s, errs, "UPDATE company SET version = ?", "i", change)) {
		store_rollback(s);
		return false;
	}
	return store_commit(s, errs);
}

int64_t store_change_counter(store_t *s, errs_t *errs)
{
	return db_int1(s, errs, -1, "SELECT value FROM meta WHERE key = 'change'", "");
}
