/* xlsx.h — the tables as one XLSX workbook. */
#ifndef SECSTEP_XLSX_H
#define SECSTEP_XLSX_H

#include <stdbool.h>

#include "base/date.h"
#include "catalog/catalog.h"
#include "view/tables.h"

/* The workbook's document properties. */
typedef struct {
	const char *company;    /* the company's name: title and company */
	const char *subject;    /* "secstep の書き出し" / "secstep export" */
	date_t date;            /* created (today) */
	lang_t lang;
} xlsx_meta;

/* Writes path; false with a message in err on failure.  Cells are typed by
 * their table column (tables.h): numbers as numbers, dates as dates shown
 * YYYY-MM-DD, the rest as text (never as a formula).  Each sheet has a
 * frozen header row with an autofilter and columns as wide as their
 * content (a Japanese character counts two). */
bool xlsx_write(const table_t *tabs, size_t n, const xlsx_meta *meta, const char *path, char *err, size_t errlen);

#endif
