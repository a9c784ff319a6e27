/* db_pg.c — the PostgreSQL backend of the house database API (libpq).
 *
 * One connection per store (one per worker thread).  Statements are
 * prepared once per connection (named s0, s1, …), cached by the address of
 * their SQL text, with "?" rewritten to $1, $2, …; values go as text, blobs
 * as binary; results come back as text.  Migrations are the SQLite ones
 * translated (types, the current time); the schema version lives in the
 * table secstep_schema.  Writers to one company wait for each other on its
 * row (SELECT … FOR UPDATE); a snapshot is read in one REPEATABLE READ
 * transaction, so it is consistent like SQLite's.
 *
 * Every write tells the servers' watches (watch.h): a transaction that
 * wrote sends NOTIFY secstep_change with its COMMIT, and after any write
 * has committed, one more notification numbered from secstep_sync is sent
 * and the writer waits until every live watch has recorded it (sync). */
#include <time.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/util.h"
#include "store/schema.h"
#include "store/store_int.h"
#include "store/watch.h"

#define STMT_CACHE 400
#define MAX_PARAMS 32
#define MIGRATION_LOCK 7270011   /* advisory lock: one process migrates at a time */

typedef struct {
	struct db_stmt base;
	char name[12];
	int nparams;
	char *values[MAX_PARAMS];
	int lengths[MAX_PARAMS];
	int formats[MAX_PARAMS];
	PGresult *res;
	bool executed, failed;
	int row, nrows;
	unsigned char *blob;     /* the last unescaped bytea */
} pg_stmt;

typedef struct {
	PGconn *conn;
	struct {
		const char *sql;
		pg_stmt stmt;
	} cache[STMT_CACHE];
	size_t n_cache;
	int64_t changes;         /* rows changed by the last command */
	bool wrote;              /* the open transaction has written */
	bool syncing;            /* in sync(): its statements do not sync */
} pg_store;

static void sync(store_t *s);

/* Whether a command's status (PQcmdStatus) says it changed rows. */
static bool wrote_rows(const char *status)
{
	static const char *const writes[] = {"INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "TRUNCATE"};
	for (size_t i = 0; i < sizeof writes / sizeof *writes; i++)
		if (!strncmp(status, writes[i], strlen(writes[i])))
			return true;
	return false;
}

static PGconn *conn(store_t *s)
{
	return ((pg_store *)s->impl)->conn;
}

/* "?" → "$n" outside quoted strings; *n the number of parameters. */
static char *placeholders(const char *sql, int *n)
{
	buf_t b = BUF_INIT;
	*n = 0;
	char quote = 0;
	for (const char *p = sql; *p; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
			buf_putc(&b, *p);
		} else if (*p == '\'' || *p == '"') {
			quote = *p;
			buf_putc(&b, *p);
		} else if (*p == '?') {
			buf_printf(&b, "$%d", ++*n);
		} else {
			buf_putc(&b, *p);
		}
	}
	return buf_detach(&b);
}

static void clear_params(pg_stmt *st)
{
	for (int i = 0; i < MAX_PARAMS; i++) {
		free(st->values[i]);
		st->values[i] = NULL;
		st->lengths[i] = 0;
		st->formats[i] = 0;
	}
	if (st->res)
		PQclear(st->res);
	st->res = NULL;
	PQfreemem(st->blob);
	st->blob = NULL;
	st->executed = st->failed = false;
	st->row = -1;
	st->nrows = 0;
}

static db_stmt *pg_prepare(store_t *s, const char *sql, errs_t *errs)
{
	pg_store *q = s->impl;
	for (size_t i = 0; i < q->n_cache; i++)
		if (q->cache[i].sql == sql) {
			clear_params(&q->cache[i].stmt);
			return &q->cache[i].stmt.base;
		}
	if (q->n_cache == STMT_CACHE)
		panic("statement cache full");
	int n;
	char *text = placeholders(sql, &n);
	if (n > MAX_PARAMS)
		panic("db_pg: too many parameters in %s", sql);
	pg_stmt *st = &q->cache[q->n_cache].stmt;
	memset(st, 0, sizeof *st);
	snprintf(st->name, sizeof st->name, "s%zu", q->n_cache);
	PGresult *r = PQprepare(q->conn, st->name, text, n, NULL);
	free(text);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		errs_add(errs, "database", "prepare: %s", PQerrorMessage(q->conn));
		PQclear(r);
		return NULL;
	}
	PQclear(r);
	q->cache[q->n_cache++].sql = sql;
	st->base.s = s;
	st->nparams = n;
	st->row = -1;
	return &st->base;
}

static void set_param(db_stmt *base, int i, char *v, int len, int format)
{
	pg_stmt *st = (pg_stmt *)base;
	if (i < 1 || i > st->nparams)
		panic("db_pg: parameter %d of %d", i, st->nparams);
	free(st->values[i - 1]);
	st->values[i - 1] = v;
	st->lengths[i - 1] = len;
	st->formats[i - 1] = format;
}

static void pg_bind_int(db_stmt *st, int i, int64_t v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%lld", (long long)v);
	set_param(st, i, xstrdup(buf), 0, 0);
}

static void pg_bind_text(db_stmt *st, int i, const char *v)
{
	set_param(st, i, v ? xstrdup(v) : NULL, 0, 0);
}

static void pg_bind_blob(db_stmt *st, int i, const void *p, size_t n)
{
	char *copy = xmalloc(n + 1);
	memcpy(copy, p, n);
	set_param(st, i, copy, (int)n, 1);
}

/* Runs the statement (once), keeping its result. */
static void execute(pg_stmt *st)
{
	if (st->executed)
		return;
	st->executed = true;
	pg_store *q = st->base.s->impl;
	st->res = PQexecPrepared(q->conn, st->name, st->nparams, (const char *const *)st->values, st->lengths,
				 st->formats, 0);
	ExecStatusType status = PQresultStatus(st->res);
	if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK) {
		st->nrows = PQntuples(st->res);
		const char *t = PQcmdTuples(st->res);
		q->changes = t && *t ? strtoll(t, NULL, 10) : 0;
		if (q->changes > 0 && wrote_rows(PQcmdStatus(st->res))) {
			q->wrote = true;
			if (st->base.s->depth == 0)
				sync(st->base.s);   /* it committed on its own */
		}
	} else {
		st->failed = true;
		const char *state = PQresultErrorField(st->res, PG_DIAG_SQLSTATE);
		st->base.s->constraint_failed = state && !strncmp(state, "23", 2);
	}
}

static bool pg_row(db_stmt *base)
{
	pg_stmt *st = (pg_stmt *)base;
	execute(st);
	if (st->failed || st->row + 1 >= st->nrows)
		return false;
	st->row++;
	PQfreemem(st->blob);
	st->blob = NULL;
	return true;
}

static bool pg_end(db_stmt *base, errs_t *errs)
{
	pg_stmt *st = (pg_stmt *)base;
	execute(st);
	bool ok = !st->failed;
	if (!ok)
		errs_add(errs, "database", "statement: %s", st->res ? PQresultErrorMessage(st->res) : "no result");
	clear_params(st);
	return ok;
}

static const char *pg_col_text(db_stmt *base, int col)
{
	pg_stmt *st = (pg_stmt *)base;
	if (st->row < 0 || st->row >= st->nrows || PQgetisnull(st->res, st->row, col))
		return NULL;
	return PQgetvalue(st->res, st->row, col);
}

static int64_t pg_col_int(db_stmt *base, int col)
{
	const char *t = pg_col_text(base, col);
	if (!t)
		return 0;
	if (!strcmp(t, "t"))
		return 1;
	if (!strcmp(t, "f"))
		return 0;
	return strtoll(t, NULL, 10);
}

static const void *pg_col_blob(db_stmt *base, int col, size_t *len)
{
	pg_stmt *st = (pg_stmt *)base;
	const char *t = pg_col_text(base, col);
	*len = 0;
	if (!t)
		return NULL;
	PQfreemem(st->blob);
	st->blob = PQunescapeBytea((const unsigned char *)t, len);
	return st->blob;
}

static int64_t pg_changes(store_t *s)
{
	return ((pg_store *)s->impl)->changes;
}

/* Whether a script may change data (then it counts as a write):
 * transaction control, settings and locks do not. */
static bool script_writes(const char *sql)
{
	static const char *const reads[] = {"BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "SET ",
					    "SELECT pg_advisory", "SELECT setval", "CREATE TABLE IF NOT EXISTS secstep_schema"};
	for (size_t i = 0; i < sizeof reads / sizeof *reads; i++)
		if (!strncmp(sql, reads[i], strlen(reads[i])))
			return false;
	return true;
}

static bool pg_exec_script(store_t *s, const char *sql, errs_t *errs)
{
	pg_store *q = s->impl;
	bool commit = !strcmp(sql, "COMMIT");
	bool notify = commit && q->wrote;
	PGresult *r = PQexec(conn(s), notify ? "NOTIFY secstep_change; COMMIT" : sql);
	ExecStatusType status = PQresultStatus(r);
	bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
	if (!ok) {
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		s->constraint_failed = state && !strncmp(state, "23", 2);
		errs_add(errs, "database", "%s", PQresultErrorMessage(r));
	}
	PQclear(r);
	if (commit || !strcmp(sql, "ROLLBACK")) {
		if (ok && notify)
			sync(s);
		q->wrote = false;
	} else if (ok && script_writes(sql)) {
		q->wrote = true;
		if (s->depth == 0)
			sync(s);
	}
	return ok;
}

static int64_t mono_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* After a write committed: one more notification, numbered after the
 * COMMIT, and a wait until every live watch has recorded it — then every
 * server has counted its epoch up since the write (watch.h).  A watch that
 * stopped answering holds the writer for at most its lease. */
static void sync(store_t *s)
{
	pg_store *q = s->impl;
	q->wrote = false;
	if (q->syncing)
		return;
	q->syncing = true;
	int64_t changes = q->changes;   /* the write's, for db_changes */
	errs_t e = ERRS_INIT;
	int64_t number = 0, waiting = 0;
	db_stmt *st = db_q(s, &e,
			   "WITH n AS (SELECT nextval('secstep_sync') AS v) "
			   "SELECT n.v, pg_notify('secstep_change', n.v::text), "
			   "(SELECT count(*) FROM secstep_watch w WHERE " PG_WATCH_LIVE ") FROM n",
			   "");
	if (st && db_row(st)) {
		number = db_int(st, 0);
		waiting = db_int(st, 2);
	}
	bool ok = st && db_end(st, &e);
	int64_t deadline = mono_us() + (WATCH_LEASE_MS + 1000) * 1000, pause = 200;
	while (ok && waiting > 0 && mono_us() < deadline) {
		struct timespec ts = {0, pause * 1000};
		nanosleep(&ts, NULL);
		pause = pause * 2 > 20000 ? 20000 : pause * 2;
		waiting = db_int1(s, &e, 0, "SELECT count(*) FROM secstep_watch w WHERE w.seen < ? AND " PG_WATCH_LIVE, "i",
				  number);
		ok = !e.n;
	}
	if (e.n || waiting > 0)
		fprintf(stderr, "secstep: database: a write was saved, but the other servers could not be told at once: %s\n",
			e.n ? e.what[0] : "no answer");
	errs_free(&e);
	q->changes = changes;
	q->syncing = false;
}

static int pg_schema_version(store_t *s)
{
	PGresult *r = PQexec(conn(s), "SELECT version FROM secstep_schema");
	int v = PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1 ? atoi(PQgetvalue(r, 0, 0)) : -1;
	PQclear(r);
	return v;
}

static bool pg_set_schema_version(store_t *s, int v, errs_t *errs)
{
	char sql[64];
	snprintf(sql, sizeof sql, "UPDATE secstep_schema SET version = %d", v);
	return pg_exec_script(s, sql, errs);
}

/* Replaces every occurrence of from in *text by to. */
static void replace_all(buf_t *text, const char *from, const char *to)
{
	buf_t out = BUF_INIT;
	const char *p = buf_str(text), *hit;
	size_t n = strlen(from);
	while ((hit = strstr(p, from))) {
		buf_add(&out, p, (size_t)(hit - p));
		buf_puts(&out, to);
		p = hit + n;
	}
	buf_puts(&out, p);
	buf_reset(text);
	buf_puts(text, buf_str(&out));
	buf_free(&out);
}

/* Migration n in PostgreSQL's dialect: 64-bit integers, identity keys,
 * bytea, no NOCASE collation (logins are compared by login_key), the time
 * as text like SQLite's datetime('now'). */
static char *pg_migration(int n)
{
	buf_t b = BUF_INIT;
	buf_puts(&b, schema_migration(n));
	replace_all(&b, "INTEGER PRIMARY KEY AUTOINCREMENT", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
	replace_all(&b, "INTEGER PRIMARY KEY", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
	replace_all(&b, "INTEGER", "BIGINT");
	replace_all(&b, "BLOB", "BYTEA");
	replace_all(&b, " COLLATE NOCASE", "");
	replace_all(&b, "datetime('now')", "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')");
	return buf_detach(&b);
}

static bool pg_lock_company(store_t *s, int64_t id, errs_t *errs)
{
	return db_exec(s, errs, "SELECT 1 FROM company WHERE id = ? FOR UPDATE", "i", id);
}

static void pg_close(store_t *s)
{
	pg_store *q = s->impl;
	if (q) {
		for (size_t i = 0; i < q->n_cache; i++)
			clear_params(&q->cache[i].stmt);
		PQfinish(q->conn);
		free(q);
	}
	free(s);
}

static const db_ops pg_ops = {
	.kind = STORE_PG,
	.name = "PostgreSQL",
	.prepare = pg_prepare,
	.bind_int = pg_bind_int,
	.bind_text = pg_bind_text,
	.bind_blob = pg_bind_blob,
	.row = pg_row,
	.end = pg_end,
	.col_int = pg_col_int,
	.col_text = pg_col_text,
	.col_blob = pg_col_blob,
	.changes = pg_changes,
	.exec_script = pg_exec_script,
	.begin_write = "BEGIN",
	.begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ",
	.schema_version = pg_schema_version,
	.set_schema_version = pg_set_schema_version,
	.migration = pg_migration,
	.lock_company = pg_lock_company,
	.close = pg_close,
};

/* Notices ("table exists, skipping") are not for the user. */
static void quiet(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

store_t *pg_store_open(const char *url, errs_t *errs)
{
	store_t *s = xcalloc(1, sizeof *s);
	pg_store *q = xcalloc(1, sizeof *q);
	s->ops = &pg_ops;
	s->impl = q;
	q->conn = PQconnectdb(url);
	if (PQstatus(q->conn) != CONNECTION_OK) {
		/* the message names the host and the reason, never the password */
		errs_add(errs, "database", "cannot connect to PostgreSQL: %s", PQerrorMessage(q->conn));
		store_close(s);
		return NULL;
	}
	PQsetNoticeProcessor(q->conn, quiet, NULL);
	char lock[96];
	snprintf(lock, sizeof lock, "SELECT pg_advisory_lock(%d)", MIGRATION_LOCK);
	bool ok = pg_exec_script(s, "SET client_encoding = 'UTF8'", errs) && pg_exec_script(s, lock, errs) &&
		  pg_exec_script(s, "CREATE TABLE IF NOT EXISTS secstep_schema (version INTEGER NOT NULL);"
				    "INSERT INTO secstep_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM secstep_schema);"
				    /* the servers' watches (watch.h) */
				    "CREATE TABLE IF NOT EXISTS secstep_watch (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
				    "pid INTEGER NOT NULL, seen BIGINT NOT NULL DEFAULT 0, lease_until BIGINT NOT NULL);"
				    "CREATE SEQUENCE IF NOT EXISTS secstep_sync",
				    errs) &&
		  store_migrate(s, errs);
	snprintf(lock, sizeof lock, "SELECT pg_advisory_unlock(%d)", MIGRATION_LOCK);
	errs_t ignore = ERRS_INIT;
	pg_exec_script(s, lock, &ignore);
	errs_free(&ignore);
	if (!ok) {
		store_close(s);
		return NULL;
	}
	return s;
}

bool pg_reset_identities(store_t *s, errs_t *errs)
{
	/* After rows were copied in with their ids, each identity column's
	 * sequence continues after the largest id. */
	db_stmt *st = db_q(s, errs,
			   "SELECT table_name FROM information_schema.columns "
			   "WHERE table_schema = current_schema() AND is_identity = 'YES' AND column_name = 'id'", "");
	if (!st)
		return false;
	char *names[64];
	int n = 0;
	while (db_row(st) && n < 64)
		names[n++] = db_dup(st, 0);
	bool ok = db_end(st, errs);
	for (int i = 0; i < n; i++) {
		char sql[256];
		snprintf(sql, sizeof sql,
			 "SELECT setval(pg_get_serial_sequence('%s', 'id'), coalesce((SELECT max(id) FROM %s), 0) + 1, false)",
			 names[i], names[i]);
		if (ok)
			ok = pg_exec_script(s, sql, errs);
		free(names[i]);
	}
	return ok;
}
