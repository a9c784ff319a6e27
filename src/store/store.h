/* store.h — the one narrow store API.  Every value is a bound parameter;
 * every write is one transaction.  Two backends sit behind it, SQLite
 * (db_sqlite.c, a file path) and PostgreSQL (db_pg.c, a postgresql:// URL);
 * the rest of the program does not know which one it talks to.  SQL is
 * written once, with "?" placeholders, through the house database API
 * (db.h).
 *
 * Companies are read and written as whole snapshots (core/model.h): a write
 * replaces the company's rows inside one transaction, so a failed write
 * leaves the saved company exactly as it was. */
#ifndef SECSTEP_STORE_H
#define SECSTEP_STORE_H

#include <stdint.h>

#include "base/errs.h"
#include "core/model.h"

typedef struct store store_t;

/* Opens (creating when absent) the database at path — a file, or a
 * PostgreSQL URL (postgresql://USER@HOST:PORT/DBNAME) — and applies pending
 * migrations.  Returns NULL with a message in errs on failure. */
store_t *store_open(const char *path, errs_t *errs);
/* The same, but a database file that does not exist is an error (for
 * commands that only read). */
store_t *store_open_existing(const char *path, errs_t *errs);
void store_close(store_t *s);
int store_schema_version(store_t *s);

/* A company name: at most 200 characters (DOC_MAX_NAME) of 4 bytes. */
#define COMPANY_NAME_BYTES (200 * 4 + 1)

typedef struct {
	int64_t id;
	char name[COMPANY_NAME_BYTES];
	char industry[4];
	int employees;
} store_company_row;

/* Lists every company (id order).  Caller frees *rows. */
bool store_company_list(store_t *s, store_company_row **rows, size_t *n, errs_t *errs);
/* Reads one company; NULL when there is none with that id (errs untouched)
 * or on a database error (errs filled). */
m_company *store_company_load(store_t *s, int64_t id, errs_t *errs);
/* Inserts a new company from a snapshot; sets c->id.  All or nothing. */
bool store_company_insert(store_t *s, m_company *c, errs_t *errs);
/* Replaces the saved company c->id with the snapshot.  All or nothing;
 * c->version becomes the new version. */
bool store_company_save(store_t *s, m_company *c, errs_t *errs);
/* The company's version: bumped by every save (-1 when there is none).
 * A cached snapshot with the same version is current. */
int64_t store_company_version(store_t *s, int64_t id, errs_t *errs);
/* The next value of a database-wide counter: "company_id" (ids are never
 * reused) or "change" (moves on with every save and delete; a company's
 * version is the counter's value at its last save).  -1 on error. */
int64_t store_counter_next(store_t *s, const char *key, errs_t *errs);
/* The change counter's current value (-1 on error): when it has not moved,
 * nothing in the database has. */
int64_t store_change_counter(store_t *s, errs_t *errs);
/* Deletes a company and everything that belongs to it. */
bool store_company_delete(store_t *s, int64_t id, errs_t *errs);

/* A consistent copy of the whole database, taken while it is in use. */
bool store_backup(store_t *s, const char *path, errs_t *errs);
/* The same copy, in memory: *data (caller frees) holds the bytes of a
 * database file.  Nothing is written to disk. */
bool store_backup_mem(store_t *s, unsigned char **data, size_t *len, errs_t *errs);
/* Replaces the whole database with the copy at path, after checking that
 * it is an intact secstep database (refused otherwise, nothing changed). */
bool store_restore(store_t *s, const char *path, errs_t *errs);

/* A write transaction (nested ones are savepoints): writers wait for each
 * other (SQLite: one writer at a time; PostgreSQL: per company, with
 * store_company_lock). */
bool store_begin(store_t *s, errs_t *errs);
bool store_commit(store_t *s, errs_t *errs);
void store_rollback(store_t *s);
/* A read transaction (a consistent snapshot); nothing inside a write. */
bool store_begin_read(store_t *s, errs_t *errs);
void store_end_read(store_t *s);
/* A request's reads in one read transaction: from store_read_scope on,
 * the first read opens a read transaction that the following reads share,
 * until store_read_scope_end, a statement that writes, or a transaction
 * begun explicitly (each of which ends it first, so a write never runs in
 * a stale snapshot).  SQLite only, where each statement outside a
 * transaction takes and drops the database's read lock (system calls);
 * PostgreSQL runs each statement on its own, as before. */
void store_read_scope(store_t *s);
void store_read_scope_end(store_t *s);
/* Inside a write transaction: holds the company for this transaction, so
 * that a read-modify-write of it is not interleaved with another's. */
bool store_company_lock(store_t *s, int64_t id, errs_t *errs);

#endif
