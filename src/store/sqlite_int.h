/* sqlite_int.h — internals shared by the SQLite backend's files. */
#ifndef SECSTEP_SQLITE_INT_H
#define SECSTEP_SQLITE_INT_H

#include <sqlite3.h>

#include "store/store.h"

#define STMT_CACHE 400

/* A statement of the house API (db.h): the SQLite statement and how its
 * last step ended. */
struct db_stmt {
	store_t *s;
	sqlite3_stmt *st;
	int rc;                        /* last sqlite3_step() result */
};

struct store {
	sqlite3 *db;
	int depth;                     /* transaction nesting */
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} cache[STMT_CACHE];
	size_t n_cache;
	struct db_stmt dbs[STMT_CACHE];   /* db.h handles, parallel to cache[] */
	int last_rc;                   /* result of the last failed step */
};

void db_error(store_t *s, errs_t *errs, const char *what);
/* A reset, cached statement for sql (a string literal), or NULL. */
sqlite3_stmt *q(store_t *s, const char *sql, errs_t *errs);
void bind_text(sqlite3_stmt *st, int i, const char *v);
void bind_date(sqlite3_stmt *st, int i, date_t d);
/* Steps a statement that returns no rows; false (errs filled) on error. */
bool run(store_t *s, sqlite3_stmt *st, errs_t *errs);

/* A read transaction (a consistent snapshot); no-op inside a write. */
bool store_begin_read(store_t *s, errs_t *errs);
void store_end_read(store_t *s);

#endif
