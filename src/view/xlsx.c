/* xlsx.c — one XLSX workbook of the company's tables (libxlsxwriter); see
 * xlsx.h.  Text is written with write_string, which never makes a formula,
 * so nothing a user typed can run in Excel. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <xlsxwriter.h>

#include "base/width.h"
#include "view/tables.h"
#include "view/xlsx.h"

/* The widest line of s, in display columns. */
static size_t cell_width(const char *s)
{
	size_t w = 0;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		char line[1024];
		snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1), s);
		if (str_width(line) > w)
			w = str_width(line);
		s += len + (nl != NULL);
	}
	return w;
}

/* A whole number in decimal ("12", "-3"), and its value. */
static bool as_number(const char *s, double *out)
{
	char *end;
	if (!*s)
		return false;
	long v = strtol(s, &end, 10);
	if (*end)
		return false;
	*out = (double)v;
	return true;
}

static bool as_date(const char *s, lxw_datetime *dt)
{
	date_t d;
	if (!date_parse(s, &d))
		return false;
	*dt = (lxw_datetime){atoi(s), atoi(s + 5), atoi(s + 8), 0, 0, 0};
	return true;
}

bool xlsx_write(const table_t *tabs, size_t n, const xlsx_meta *meta, const char *path, char *err, size_t errlen)
{
	lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL, .use_zip64 = LXW_FALSE};
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		snprintf(err, errlen, "cannot create %s", path);
		return false;
	}
	char title[600], created[11];
	date_format(meta->date, created);
	snprintf(title, sizeof title, "%s — secstep", meta->company ? meta->company : "");
	struct tm tm = {0};
	tm.tm_year = atoi(created) - 1900, tm.tm_mon = atoi(created + 5) - 1, tm.tm_mday = atoi(created + 8);
	tm.tm_hour = 12;   /* noon: the same calendar day in every time zone Excel shows */
	lxw_doc_properties props = {0};
	props.title = title;
	props.subject = (char *)(uintptr_t)meta->subject;
	props.company = (char *)(uintptr_t)meta->company;
	props.author = "secstep";
	props.keywords = meta->lang == LANG_EN ? "security, IPA guidebook" : "セキュリティ, IPA ガイドブック";
	props.created = timegm(&tm);
	workbook_set_properties(wb, &props);

	lxw_format *head = workbook_add_format(wb);
	format_set_bold(head);
	format_set_bg_color(head, 0xE3F4F2);
	lxw_format *datef = workbook_add_format(wb);
	format_set_num_format(datef, "yyyy-mm-dd");
	format_set_align(datef, LXW_ALIGN_LEFT);
	lxw_format *wrapf = workbook_add_format(wb);
	format_set_text_wrap(wrapf);
	format_set_align(wrapf, LXW_ALIGN_VERTICAL_TOP);
	for (size_t i = 0; i < n; i++) {
		const table_t *t = &tabs[i];
		lxw_worksheet *ws = workbook_add_worksheet(wb, t->name);
		for (size_t c = 0; c < t->n_cols; c++) {
			char type = t->types ? t->types[c] : 's';
			size_t w = cell_width(t->head[c]);
			worksheet_write_string(ws, 0, (lxw_col_t)c, t->head[c], head);
			for (size_t r = 0; r < t->n_rows; r++) {
				const char *v = t->rows[r][c];
				lxw_row_t row = (lxw_row_t)(r + 1);
				double num;
				lxw_datetime dt;
				size_t cw = cell_width(v);
				if (!v[0])
					continue;
				if (type == 'n' && as_number(v, &num))
					worksheet_write_number(ws, row, (lxw_col_t)c, num, NULL);
				else if (type == 'd' && as_date(v, &dt))
					worksheet_write_datetime(ws, row, (lxw_col_t)c, &dt, datef);
				else
					worksheet_write_string(ws, row, (lxw_col_t)c, v, strchr(v, '\n') ? wrapf : NULL);
				if (cw > w)
					w = cw;
			}
			/* Excel's width unit is about one Latin character; a wide
			 * character counts two.  Room for the filter button, at
			 * most 60 (longer text wraps). */
			double width = (double)w + 3;
			worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width < 8 ? 8 : width > 60 ? 60 : width,
					     width > 60 ? wrapf : NULL);
		}
		worksheet_freeze_panes(ws, 1, 0);
		if (t->n_cols)
			worksheet_autofilter(ws, 0, 0, (lxw_row_t)t->n_rows, (lxw_col_t)(t->n_cols - 1));
	}
	lxw_error rc = workbook_close(wb);
	if (rc != LXW_NO_ERROR) {
		snprintf(err, errlen, "%s", lxw_strerror(rc));
		return false;
	}
	return true;
}
