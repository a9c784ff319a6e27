/* xlsx.h — the tables as one XLSX workbook. */
#ifndef SECSTEP_XLSX_H
#define SECSTEP_XLSX_H

#include <stdbool.h>

#include "view/tables.h"

/* Writes path; false with a message in err on failure. */
bool xlsx_write(const table_t *tabs, size_t n, const char *path, char *err, size_t errlen);

#endif
