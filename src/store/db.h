/* db.h — the house database API of the store: prepare, bind, step, read a
 * column, one-liners for the common cases, and one error path.  Fossil's
 * db.c is the model.  SQL is always a string literal with "?" placeholders
 * (the backend rewrites them where it needs another style); every value is
 * a bound parameter, never text pasted into SQL.
 *
 * Binding is described by a small type string, one letter per "?":
 *   'i' int64_t    'd' int    't' const char * (NULL binds NULL)
 *   'b' const void *, size_t (a blob)    'D' date_t (DATE_NONE binds NULL)
 * Pass exactly those C types: the arguments are read with va_arg.
 *
 * A statement belongs to its store and is cached by the address of its SQL
 * text; it is valid until the next db_q() of the same SQL or db_end().
 * Text read from a row is valid until the next db_row() on that statement. */
#ifndef SECSTEP_DB_H
#define SECSTEP_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/date.h"
#include "base/errs.h"
#include "store/store.h"

typedef struct db_stmt db_stmt;

/* Prepares (or reuses) sql and binds the arguments.  NULL with errs
 * filled when it cannot be prepared. */
db_stmt *db_q(store_t *s, errs_t *errs, const char *sql, const char *types, ...);

/* The same in steps, for statements whose values come from a table of
 * columns: prepare, bind each "?" (counted from 1), then db_row() or
 * db_run(). */
db_stmt *db_prepare(store_t *s, errs_t *errs, const char *sql);
void db_bind_int(db_stmt *st, int i, int64_t v);
void db_bind_text(db_stmt *st, int i, const char *v);      /* NULL binds NULL */
void db_bind_blob(db_stmt *st, int i, const void *p, size_t n);
void db_bind_date(db_stmt *st, int i, date_t d);           /* DATE_NONE binds NULL */
/* Runs a statement to its end and finishes with it. */
bool db_run(db_stmt *st, errs_t *errs);
/* Steps to the next row: true while there is one.  An error ends the rows
 * and is reported by db_end(). */
bool db_row(db_stmt *st);
/* Finishes with the statement: false (errs filled) when stepping failed. */
bool db_end(db_stmt *st, errs_t *errs);

/* Columns of the current row, counted from 0. */
int64_t db_int(db_stmt *st, int col);
const char *db_text(db_stmt *st, int col);     /* NULL for SQL NULL */
const char *db_str(db_stmt *st, int col);      /* "" for SQL NULL */
bool db_null(db_stmt *st, int col);
const void *db_blob(db_stmt *st, int col, size_t *len);
/* A heap copy of a text column (NULL for SQL NULL); caller frees. */
char *db_dup(db_stmt *st, int col);
/* A date column (DATE_NONE for NULL or a value that is not a date). */
date_t db_date(db_stmt *st, int col);

/* Runs a statement and drops any rows.  false with errs filled on error. */
bool db_exec(store_t *s, errs_t *errs, const char *sql, const char *types, ...);
/* The first column of the first row as an integer; dflt when there is no
 * row (errs untouched) or on error (errs filled). */
int64_t db_int1(store_t *s, errs_t *errs, int64_t dflt, const char *sql, const char *types, ...);
/* The first column of the first row as a heap string (caller frees); NULL
 * when there is no row or it is NULL (errs untouched) or on error. */
char *db_text1(store_t *s, errs_t *errs, const char *sql, const char *types, ...);
/* Rows changed by the last write statement on this store. */
int64_t db_changes(store_t *s);
/* Whether the last failed statement broke a UNIQUE or other constraint
 * (e.g. a login that is taken), as opposed to a database failure. */
bool db_constraint_failed(store_t *s);

/* The current time in UTC as ISO 8601 ("2026-11-30T16:01:06Z"). */
void db_now_iso(char out[21]);
/* The backend's name, "SQLite" or "PostgreSQL". */
const char *db_backend(store_t *s);

#endif
