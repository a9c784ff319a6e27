/* db_sqlite.c — the SQLite backend of the house database API.
 *
 * One connection per store (one per worker thread in the server).  WAL,
 * foreign keys, a busy timeout and synchronous=FULL are set on open.
 * Writers take BEGIN IMMEDIATE, so writers wait for each other; nested
 * writes are savepoints.  Statements are prepared once per connection and
 * cached by the address of their SQL text (always a string literal). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/schema.h"
#include "store/store_int.h"

#define STMT_CACHE 400

typedef struct {
	struct db_stmt base;
	sqlite3_stmt *st;
	int rc;                  /* last sqlite3_step() result */
} sq_stmt;

typedef struct {
	sqlite3 *db;
	struct {
		const char *sql;
		sq_stmt stmt;
	} cache[STMT_CACHE];
	size_t n_cache;
} sq_store;

static sqlite3 *conn(store_t *s)
{
	return ((sq_store *)s->impl)->db;
}

static void sq_error(store_t *s, errs_t *errs, const char *what)
{
	errs_add(errs, "database", "%s: %s", what, sqlite3_errmsg(conn(s)));
}

static db_stmt *sq_prepare(store_t *s, const char *sql, errs_t *errs)
{
	sq_store *q = s->impl;
	for (size_t i = 0; i < q->n_cache; i++)
		if (q->cache[i].sql == sql) {
			sq_stmt *st = &q->cache[i].stmt;
			sqlite3_reset(st->st);
			sqlite3_clear_bindings(st->st);
			st->rc = SQLITE_OK;
			return &st->base;
		}
	if (q->n_cache == STMT_CACHE)
		panic("statement cache full");
	sqlite3_stmt *raw;
	if (sqlite3_prepare_v2(q->db, sql, -1, &raw, NULL) != SQLITE_OK) {
		sq_error(s, errs, "prepare");
		return NULL;
	}
	q->cache[q->n_cache].sql = sql;
	sq_stmt *st = &q->cache[q->n_cache++].stmt;
	st->base.s = s;
	st->st = raw;
	st->rc = SQLITE_OK;
	return &st->base;
}

static void sq_bind_int(db_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(((sq_stmt *)st)->st, i, v);
}

static void sq_bind_text(db_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(((sq_stmt *)st)->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(((sq_stmt *)st)->st, i);
}

static void sq_bind_blob(db_stmt *st, int i, const void *p, size_t n)
{
	sqlite3_bind_blob(((sq_stmt *)st)->st, i, p, (int)n, SQLITE_TRANSIENT);
}

static bool sq_row(db_stmt *base)
{
	sq_stmt *st = (sq_stmt *)base;
	if (st->rc != SQLITE_OK && st->rc != SQLITE_ROW)
		return false;
	st->rc = sqlite3_step(st->st);
	return st->rc == SQLITE_ROW;
}

static bool sq_end(db_stmt *base, errs_t *errs)
{
	sq_stmt *st = (sq_stmt *)base;
	if (st->rc == SQLITE_OK)        /* never stepped: a write, run it */
		st->rc = sqlite3_step(st->st);
	bool ok = st->rc == SQLITE_ROW || st->rc == SQLITE_DONE;
	if (!ok) {
		base->s->constraint_failed = (st->rc & 0xff) == SQLITE_CONSTRAINT;
		sq_error(base->s, errs, "statement");
	}
	sqlite3_reset(st->st);
	sqlite3_clear_bindings(st->st);
	st->rc = SQLITE_OK;
	return ok;
}

static int64_t sq_col_int(db_stmt *st, int col)
{
	return sqlite3_column_int64(((sq_stmt *)st)->st, col);
}

static const char *sq_col_text(db_stmt *st, int col)
{
	return (const char *)sqlite3_column_text(((sq_stmt *)st)->st, col);
}

static const void *sq_col_blob(db_stmt *st, int col, size_t *len)
{
	const void *p = sqlite3_column_blob(((sq_stmt *)st)->st, col);
	*len = (size_t)sqlite3_column_bytes(((sq_stmt *)st)->st, col);
	return p;
}

static bool sq_readonly(db_stmt *st)
{
	return sqlite3_stmt_readonly(((sq_stmt *)st)->st) != 0;
}

static int64_t sq_changes(store_t *s)
{
	return sqlite3_changes64(conn(s));
}

static bool sq_exec_script(store_t *s, const char *sql, errs_t *errs)
{
	char *msg = NULL;
	if (sqlite3_exec(conn(s), sql, NULL, NULL, &msg) != SQLITE_OK) {
		errs_add(errs, "database", "%s", msg ? msg : sqlite3_errmsg(conn(s)));
		sqlite3_free(msg);
		return false;
	}
	return true;
}

static int sq_schema_version(store_t *s)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(conn(s), "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

static bool sq_set_schema_version(store_t *s, int v, errs_t *errs)
{
	char pragma[64];
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v);
	return sq_exec_script(s, pragma, errs);
}

static char *sq_migration(int n)
{
	return xstrdup(schema_migration(n));
}

static bool sq_lock_company(store_t *s, int64_t id, errs_t *errs)
{
	/* BEGIN IMMEDIATE has made this connection the only writer. */
	(void)s;
	(void)id;
	(void)errs;
	return true;
}

static void sq_close(store_t *s)
{
	sq_store *q = s->impl;
	if (q) {
		for (size_t i = 0; i < q->n_cache; i++)
			sqlite3_finalize(q->cache[i].stmt.st);
		sqlite3_close(q->db);
		free(q);
	}
	free(s);
}

static const db_ops sqlite_ops = {
	.kind = STORE_SQLITE,
	.name = "SQLite",
	.prepare = sq_prepare,
	.bind_int = sq_bind_int,
	.bind_text = sq_bind_text,
	.bind_blob = sq_bind_blob,
	.row = sq_row,
	.end = sq_end,
	.col_int = sq_col_int,
	.col_text = sq_col_text,
	.col_blob = sq_col_blob,
	.readonly = sq_readonly,
	.changes = sq_changes,
	.exec_script = sq_exec_script,
	.begin_write = "BEGIN IMMEDIATE",
	.begin_read = "BEGIN",
	.schema_version = sq_schema_version,
	.set_schema_version = sq_set_schema_version,
	.migration = sq_migration,
	.lock_company = sq_lock_company,
	.close = sq_close,
};

store_t *sqlite_store_open(const char *path, bool create, errs_t *errs)
{
	store_t *s = xcalloc(1, sizeof *s);
	sq_store *q = xcalloc(1, sizeof *q);
	s->ops = &sqlite_ops;
	s->impl = q;
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
	int rc = sqlite3_open_v2(path, &q->db, flags, NULL);
	if (rc != SQLITE_OK) {
		errs_add(errs, "database", "cannot open %s: %s", path,
			 !create && rc == SQLITE_CANTOPEN ? "no such database file"
			 : q->db ? sqlite3_errmsg(q->db) : "out of memory");
		store_close(s);
		return NULL;
	}
	sqlite3_busy_timeout(q->db, 5000);
	sqlite3_extended_result_codes(q->db, 1);
	/* A file that is not a database fails here with "file is not a database". */
	if (!sq_exec_script(s, "PRAGMA foreign_keys = ON; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", errs)) {
		store_close(s);
		return NULL;
	}
	return s;
}

/* ---- backup and restore: SQLite's online backup ---- */

/* Copies the whole database from src to dst: consistent even while other
 * connections write. */
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

bool sqlite_backup(store_t *s, const char *path, errs_t *errs)
{
	sqlite3 *dst;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		errs_add(errs, path, "cannot be created: %s", dst ? sqlite3_errmsg(dst) : "out of memory");
		sqlite3_close(dst);
		return false;
	}
	bool ok = copy_db(conn(s), dst, errs);
	/* The copy is one plain file: no WAL beside it. */
	if (ok && sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK)
		ok = false;
	sqlite3_close(dst);
	return ok;
}

bool sqlite_serialize(store_t *s, unsigned char **data, size_t *len, errs_t *errs)
{
	*data = NULL;
	*len = 0;
	sqlite3 *mem;
	if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		errs_add(errs, "backup", "out of memory");
		sqlite3_close(mem);
		return false;
	}
	bool ok = copy_db(conn(s), mem, errs);
	sqlite3_int64 n = 0;
	unsigned char *bytes = ok ? sqlite3_serialize(mem, "main", &n, 0) : NULL;
	if (ok && (!bytes || n < 100)) {
		errs_add(errs, "backup", "could not be serialised");
		ok = false;
	}
	if (ok) {
		/* One plain file: its header says "rollback journal" (1), not
		 * the source's WAL (2), as sqlite_backup's copy does. */
		bytes[18] = 1;
		bytes[19] = 1;
		*data = xmalloc((size_t)n);
		memcpy(*data, bytes, (size_t)n);
		*len = (size_t)n;
	}
	sqlite3_free(bytes);
	sqlite3_close(mem);
	return ok;
}

bool sqlite_file_check(const char *path, int *version, errs_t *errs)
{
	sqlite3 *src;
	if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		errs_add(errs, path, "cannot be opened");
		sqlite3_close(src);
		return false;
	}
	sqlite3_stmt *st;
	int companies = -1;
	bool intact = false;
	*version = -1;
	if (sqlite3_prepare_v2(src, "PRAGMA quick_check", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			intact = strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
		sqlite3_finalize(st);
	}
	if (intact && sqlite3_prepare_v2(src, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			*version = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (intact && sqlite3_prepare_v2(src, "SELECT count(*) FROM company", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			companies = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(src);
	if (!intact || *version < 1 || *version > schema_latest() || companies < 0) {
		errs_add(errs, path, "is not a secstep database (or it is damaged)");
		return false;
	}
	return true;
}

bool sqlite_restore(store_t *s, const char *path, errs_t *errs)
{
	int version;
	if (!sqlite_file_check(path, &version, errs))
		return false;
	sqlite3 *src;
	if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		errs_add(errs, path, "cannot be opened");
		sqlite3_close(src);
		return false;
	}
	/* The counters must not go back: a restored older copy would reuse
	 * company ids and versions that caches (in this process or others)
	 * still hold for other data. */
	int64_t ids = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'company_id'", "");
	int64_t change = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'change'", "");
	bool ok = copy_db(src, conn(s), errs);
	sqlite3_close(src);
	/* Bring an older copy up to date, then move the counters past both. */
	return ok && store_migrate(s, errs) && store_bump_counters(s, ids, change, errs);
}
