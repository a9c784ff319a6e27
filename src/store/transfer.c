/* transfer.c — backup and restore with one portable file: a secstep SQLite
 * database.  From SQLite it is SQLite's online backup; from PostgreSQL the
 * rows of every table are copied into a new SQLite file.  A restore into
 * SQLite copies the file in; into PostgreSQL it brings the file to the
 * latest schema and copies its rows in, replacing everything, in one
 * transaction.  So a growing install moves from SQLite to PostgreSQL with
 * `secstep backup FILE` and `secstep --db postgresql://… restore FILE`. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/util.h"
#include "store/schema.h"
#include "store/store_int.h"

/* The SQL of a table copy, made once and kept for the process's life (the
 * statement cache knows statements by the address of their SQL). */
typedef struct {
	const char *table;
	char *select, *insert, *del;
	int ncols;
	bool blob[64];
} copy_sql;

static copy_sql copies[64];
static size_t n_copies;
static pthread_mutex_t copies_lock = PTHREAD_MUTEX_INITIALIZER;

/* The columns of a table as the SQLite side declares them. */
static const copy_sql *copy_for(store_t *sq, const char *table, errs_t *errs)
{
	pthread_mutex_lock(&copies_lock);
	for (size_t i = 0; i < n_copies; i++)
		if (!strcmp(copies[i].table, table)) {
			pthread_mutex_unlock(&copies_lock);
			return &copies[i];
		}
	copy_sql c;
	memset(&c, 0, sizeof c);
	c.table = table;
	buf_t cols = BUF_INIT, marks = BUF_INIT;
	db_stmt *st = db_q(sq, errs, "SELECT name, upper(type) FROM pragma_table_info(?) ORDER BY cid", "t", table);
	while (st && db_row(st) && c.ncols < 64) {
		if (c.ncols) {
			buf_puts(&cols, ", ");
			buf_puts(&marks, ", ");
		}
		buf_puts(&cols, db_str(st, 0));
		buf_puts(&marks, "?");
		c.blob[c.ncols++] = strstr(db_str(st, 1), "BLOB") != NULL;
	}
	bool ok = st && db_end(st, errs) && c.ncols > 0;
	const copy_sql *out = NULL;
	if (ok && n_copies < ARRAY_LEN(copies)) {
		buf_t b = BUF_INIT;
		buf_printf(&b, "SELECT %s FROM %s", buf_str(&cols), table);
		c.select = buf_detach(&b);
		buf_printf(&b, "INSERT INTO %s (%s) VALUES (%s)", table, buf_str(&cols), buf_str(&marks));
		c.insert = buf_detach(&b);
		buf_printf(&b, "DELETE FROM %s", table);
		c.del = buf_detach(&b);
		copies[n_copies] = c;
		out = &copies[n_copies++];
	} else if (ok) {
		errs_add(errs, "database", "too many tables to copy");
	} else if (!errs->n) {
		errs_add(errs, "database", "no table %s", table);
	}
	buf_free(&cols);
	buf_free(&marks);
	pthread_mutex_unlock(&copies_lock);
	return out;
}

bool store_copy_rows(store_t *src, store_t *dst, errs_t *errs)
{
	store_t *sq = src->ops->kind == STORE_SQLITE ? src : dst;
	for (int t = 0; schema_tables[t]; t++) {
		const copy_sql *c = copy_for(sq, schema_tables[t], errs);
		if (!c)
			return false;
		db_stmt *in = db_prepare(src, errs, c->select);
		if (!in)
			return false;
		while (db_row(in)) {
			db_stmt *out = db_prepare(dst, errs, c->insert);
			if (!out)
				break;
			for (int k = 0; k < c->ncols; k++) {
				if (db_null(in, k)) {
					db_bind_text(out, k + 1, NULL);
				} else if (c->blob[k]) {
					size_t n;
					const void *p = db_blob(in, k, &n);
					db_bind_blob(out, k + 1, p, n);
				} else {
					db_bind_text(out, k + 1, db_text(in, k));
				}
			}
			if (!db_run(out, errs))
				break;
		}
		if (!db_end(in, errs) || errs->n)
			return false;
	}
	return true;
}

bool store_bump_counters(store_t *s, int64_t before_ids, int64_t before_change, errs_t *errs)
{
	if (!store_begin(s, errs))
		return false;
	int64_t change = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'change'", "");
	int64_t ids = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'company_id'", "");
	int64_t max_id = db_int1(s, errs, 0, "SELECT coalesce(max(id), 0) FROM company", "");
	change = (change > before_change ? change : before_change) + 1;
	ids = ids > before_ids ? ids : before_ids;
	ids = ids > max_id ? ids : max_id;
	if (errs->n || !db_exec(s, errs, "UPDATE meta SET value = ? WHERE key = 'change'", "i", change) ||
	    !db_exec(s, errs, "UPDATE meta SET value = ? WHERE key = 'company_id'", "i", ids) ||
	    !db_exec(s, errs, "UPDATE company SET version = ?", "i", change)) {
		store_rollback(s);
		return false;
	}
	return store_commit(s, errs);
}

/* Empties every table of a (new) SQLite store, children first: migrations
 * leave a few rows (the counters). */
static bool clear_rows(store_t *sq, errs_t *errs)
{
	int n = 0;
	while (schema_tables[n])
		n++;
	for (int t = n - 1; t >= 0; t--) {
		const copy_sql *c = copy_for(sq, schema_tables[t], errs);
		if (!c || !db_exec(sq, errs, c->del, ""))
			return false;
	}
	return true;
}

/* Copies every row of the PostgreSQL store s into the new SQLite store dst. */
static bool pg_fill(store_t *s, store_t *dst, errs_t *errs)
{
	bool ok = store_migrate(dst, errs) && store_begin_read(s, errs);
	if (ok) {
		ok = store_begin(dst, errs);
		if (ok && clear_rows(dst, errs) && store_copy_rows(s, dst, errs))
			ok = store_commit(dst, errs);
		else if (ok) {
			store_rollback(dst);
			ok = false;
		}
		store_end_read(s);
	}
	return ok;
}

/* A new SQLite file at path holding every row of the PostgreSQL store s. */
static bool pg_backup(store_t *s, const char *path, errs_t *errs)
{
	unlink(path);
	store_t *dst = sqlite_store_open(path, true, errs);
	if (!dst)
		return false;
	bool ok = pg_fill(s, dst, errs);
	/* One plain file, no WAL beside it. */
	if (ok)
		ok = dst->ops->exec_script(dst, "PRAGMA journal_mode = DELETE", errs);
	store_close(dst);
	if (!ok)
		unlink(path);
	return ok;
}

static bool pg_restore(store_t *s, const char *path, errs_t *errs)
{
	int version;
	if (!sqlite_file_check(path, &version, errs))
		return false;
	/* A private copy brought to the latest schema (the file is left as it
	 * was). */
	char tmp[256];
	const char *dir = getenv("TMPDIR");
	snprintf(tmp, sizeof tmp, "%s/secstep-restore-%d.db", dir && *dir ? dir : "/tmp", (int)getpid());
	unlink(tmp);
	store_t *src = sqlite_store_open(tmp, true, errs);
	bool ok = src && store_migrate(src, errs) && sqlite_restore(src, path, errs);
	if (ok) {
		int64_t ids = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'company_id'", "");
		int64_t change = db_int1(s, errs, 0, "SELECT value FROM meta WHERE key = 'change'", "");
		buf_t all = BUF_INIT;
		buf_puts(&all, "TRUNCATE ");
		for (int t = 0; schema_tables[t]; t++)
			buf_printf(&all, "%s%s", t ? ", " : "", schema_tables[t]);
		buf_puts(&all, " RESTART IDENTITY CASCADE");
		ok = store_begin(s, errs);
		if (ok) {
			ok = s->ops->exec_script(s, buf_str(&all), errs) && store_copy_rows(src, s, errs) &&
			     pg_reset_identities(s, errs);
			if (ok)
				ok = store_commit(s, errs);
			else
				store_rollback(s);
		}
		buf_free(&all);
		ok = ok && store_bump_counters(s, ids, change, errs);
	}
	store_close(src);
	unlink(tmp);
	char side[300];
	snprintf(side, sizeof side, "%s-wal", tmp);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", tmp);
	unlink(side);
	return ok;
}

bool store_backup(store_t *s, const char *path, errs_t *errs)
{
	return s->ops->kind == STORE_SQLITE ? sqlite_backup(s, path, errs) : pg_backup(s, path, errs);
}

bool store_backup_mem(store_t *s, unsigned char **data, size_t *len, errs_t *errs)
{
	*data = NULL;
	*len = 0;
	if (s->ops->kind == STORE_SQLITE)
		return sqlite_serialize(s, data, len, errs);
	store_t *dst = sqlite_store_open(":memory:", true, errs);
	if (!dst)
		return false;
	bool ok = pg_fill(s, dst, errs) && sqlite_serialize(dst, data, len, errs);
	store_close(dst);
	return ok;
}

bool store_restore(store_t *s, const char *path, errs_t *errs)
{
	return s->ops->kind == STORE_SQLITE ? sqlite_restore(s, path, errs) : pg_restore(s, path, errs);
}
