/* store_int.h — what the store's files share, whatever the backend: the
 * store handle, the operations each backend provides (db_sqlite.c,
 * db_pg.c), and small helpers.  Nothing outside src/store includes this. */
#ifndef SECSTEP_STORE_INT_H
#define SECSTEP_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/errs.h"
#include "store/account.h"
#include "store/db.h"
#include "store/store.h"

typedef enum { STORE_SQLITE, STORE_PG } store_kind_t;

/* A backend: the house API's operations for one kind of database. */
typedef struct db_ops {
	store_kind_t kind;
	const char *name;                    /* "SQLite", "PostgreSQL" */
	/* statements */
	db_stmt *(*prepare)(store_t *s, const char *sql, errs_t *errs);
	void (*bind_int)(db_stmt *st, int i, int64_t v);
	void (*bind_text)(db_stmt *st, int i, const char *v);   /* NULL binds NULL */
	void (*bind_blob)(db_stmt *st, int i, const void *p, size_t n);
	bool (*row)(db_stmt *st);
	bool (*end)(db_stmt *st, errs_t *errs);
	int64_t (*col_int)(db_stmt *st, int col);
	const char *(*col_text)(db_stmt *st, int col);
	const void *(*col_blob)(db_stmt *st, int col, size_t *len);
	int64_t (*changes)(store_t *s);
	/* statements without parameters, several at once (migrations) */
	bool (*exec_script)(store_t *s, const char *sql, errs_t *errs);
	/* whether a statement only reads (NULL: no read scopes here) */
	bool (*readonly)(db_stmt *st);
	/* transactions: the SQL that starts a write / a read transaction */
	const char *begin_write, *begin_read;
	/* the schema version stored in the database, -1 on error */
	int (*schema_version)(store_t *s);
	bool (*set_schema_version)(store_t *s, int v, errs_t *errs);
	/* migration n in this backend's dialect (caller frees) */
	char *(*migration)(int n);
	/* takes the company's row lock for the rest of the write
	 * transaction (writers to one company wait for each other) */
	bool (*lock_company)(store_t *s, int64_t id, errs_t *errs);
	void (*close)(store_t *s);
} db_ops;

/* The common head of every backend's statement. */
struct db_stmt {
	store_t *s;
};

struct store {
	const db_ops *ops;
	int depth;                 /* transaction nesting */
	bool scope;                /* store_read_scope is on */
	bool scope_open;           /* and its read transaction is open */
	bool constraint_failed;    /* the last failed statement broke a constraint */
	void *impl;                /* the backend's own state */
};

/* Fills a relation from a row's columns col.. (version, role, person key,
 * adviser through a body, newest change-log id): relation.c's one reading
 * of them. */
void relation_from_row(db_stmt *st, int col, relation_t *out);
/* The columns of a relation of account ACC to company COMP, for
 * relation_from_row, as a FROM clause's joins and select list. */
#define RELATION_COLS(ACC) \
	"c.version, m.role, m.person_key, " \
	"EXISTS (SELECT 1 FROM body_company bc JOIN body_adviser ba ON ba.body_id = bc.body_id " \
	"        WHERE bc.company_id = c.id AND ba.account_id = " ACC "), " \
	"(SELECT max(au.id) FROM audit au WHERE au.company_id = c.id) "
#define RELATION_JOIN(ACC) "LEFT JOIN membership m ON m.company_id = c.id AND m.account_id = " ACC " "

/* PostgreSQL: the database's clock in milliseconds; a watch
 * (watch_pg.c) that a writer must wait for — its lease runs and its
 * connection exists. */
#define PG_NOW_MS "(extract(epoch FROM now()) * 1000)::bigint"
#define PG_WATCH_LIVE \
	"w.lease_until > " PG_NOW_MS " AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = w.pid)"
#define STR_(x) #x
#define STR(x) STR_(x)

/* Opens a backend; NULL with errs filled on failure. */
store_t *sqlite_store_open(const char *path, bool create, errs_t *errs);
store_t *pg_store_open(const char *url, errs_t *errs);
/* Whether path names a PostgreSQL database (postgresql://, postgres://). */
bool store_is_pg_url(const char *path);

/* Applies pending migrations (each in its own transaction). */
bool store_migrate(store_t *s, errs_t *errs);

/* The SQLite backend's own backup and restore (online backup API). */
bool sqlite_backup(store_t *s, const char *path, errs_t *errs);
bool sqlite_restore(store_t *s, const char *path, errs_t *errs);
/* The whole database of an SQLite store as the bytes of one database file
 * (caller frees *data), made in memory. */
bool sqlite_serialize(store_t *s, unsigned char **data, size_t *len, errs_t *errs);
/* Checks that path is an intact secstep SQLite database; its schema
 * version in *version. */
bool sqlite_file_check(const char *path, int *version, errs_t *errs);

/* PostgreSQL: each identity column's sequence continues after the
 * largest id (after rows were copied in). */
bool pg_reset_identities(store_t *s, errs_t *errs);

/* Copies every table's rows (schema_tables order) from src to dst, whose
 * tables must be empty.  Both must be at the latest schema. */
bool store_copy_rows(store_t *src, store_t *dst, errs_t *errs);
/* Moves the counters (company ids, the change counter) past before_ids and
 * before_change, and gives every company a version no cache has seen. */
bool store_bump_counters(store_t *s, int64_t before_ids, int64_t before_change, errs_t *errs);

/* Copies src (NULL: "") into dst of n bytes, never cutting a character. */
void store_copy(char *dst, size_t n, const char *src);
/* The form of a login that is compared: ASCII letters in lower case (as
 * SQLite's NOCASE).  out must hold strlen(login) + 1 bytes. */
void store_login_key(const char *login, char *out);

#endif
