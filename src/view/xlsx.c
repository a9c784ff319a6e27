/* xlsx.c — one XLSX workbook of the company's tables (libxlsxwriter).
 * Cells are written as strings: write_string never makes a formula, so
 * nothing a user typed can run in Excel. */
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "view/tables.h"
#include "view/xlsx.h"

bool xlsx_write(const table_t *tabs, size_t n, const char *path, char *err, size_t errlen)
{
	lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		snprintf(err, errlen, "cannot create %s", path);
		return false;
	}
	lxw_format *bold = workbook_add_format(wb);
	format_set_bold(bold);
	format_set_bg_color(bold, 0xE3F4F2);
	for (size_t i = 0; i < n; i++) {
		const table_t *t = &tabs[i];
		lxw_worksheet *ws = workbook_add_worksheet(wb, t->name);
		for (size_t c = 0; c < t->n_cols; c++) {
			worksheet_write_string(ws, 0, (lxw_col_t)c, t->head[c], bold);
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, 16, NULL);
		}
		for (size_t r = 0; r < t->n_rows; r++)
			for (size_t c = 0; c < t->n_cols; c++)
				if (t->rows[r][c][0])
					worksheet_write_string(ws, (lxw_row_t)(r + 1), (lxw_col_t)c, t->rows[r][c], NULL);
		worksheet_freeze_panes(ws, 1, 0);
	}
	lxw_error rc = workbook_close(wb);
	if (rc != LXW_NO_ERROR) {
		snprintf(err, errlen, "%s", lxw_strerror(rc));
		return false;
	}
	return true;
}
