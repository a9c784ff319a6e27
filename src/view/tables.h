/* tables.h — the company's registers as plain tables (a header row and
 * rows of strings), shared by the CSV and XLSX writers. */
#ifndef SECSTEP_TABLES_H
#define SECSTEP_TABLES_H

#include "base/arena.h"
#include "base/buf.h"
#include "catalog/catalog.h"
#include "core/model.h"

typedef struct {
	const char *name;          /* file / sheet name: "people" */
	const char **head;         /* column titles */
	size_t n_cols;
	const char ***rows;        /* rows[i][col] */
	size_t n_rows, cap_rows;
	const char *types;         /* a letter per column: 's' text, 'n' whole number, 'd' date YYYY-MM-DD */
} table_t;

/* Builds every table of a company: people, roles, exams, learning, tasks,
 * assets (with computed risks).  Strings live in arena.  Returns the
 * count; *out is an arena array. */
size_t tables_build(const catalog *cat, const m_company *co, lang_t lang, date_t today, arena_t *arena,
		    table_t **out);

/* CSV for Excel: UTF-8 with BOM, CRLF, quoted as needed, and a cell that
 * starts like a formula (= + - @ tab CR) prefixed with ' so Excel shows it
 * as text; csv_parse takes the ' off again, every value comes back as it
 * was (csv_needs_guard). */
#define CSV_GUARD "=+-@\t\r"
bool csv_needs_guard(const char *v);
void csv_write(const table_t *t, buf_t *out);
/* One cell, neutralised and quoted (exposed for tests). */
void csv_cell(buf_t *out, const char *s);

/* Parsed CSV: rows of cells (arena strings). */
typedef struct {
	const char **cells;
	size_t n;
} csv_row;
typedef struct {
	csv_row *rows;
	size_t n, cap;
} csv_rows;
/* Parses CSV text (UTF-8, an optional BOM); false on an unterminated
 * quoted field. */
bool csv_parse(const char *data, size_t len, arena_t *a, csv_rows *out);
/* CSV bytes as UTF-8: the data itself when it is UTF-8, else converted
 * from CP932 (Shift_JIS as Windows and Excel write it; *converted set).
 * NULL when it is neither.  Caller frees. */
char *csv_to_utf8(const char *data, size_t len, size_t *out_len, bool *converted);

#endif
