/* csv_read.c — reads CSV as Excel writes it: an optional UTF-8 BOM,
 * comma-separated, fields quoted with "" for a quote, CRLF or LF, newlines
 * inside quoted fields.  The leading apostrophe our writer puts before a
 * formula-like cell is taken off again. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "view/tables.h"

/* The writer (csv_cell) puts ' before a cell that starts with = + - @ tab
 * CR or ' itself; exactly that apostrophe comes off. */
static void unneutralise(char *s)
{
	if (s[0] == '\'' && s[1] && strchr("=+-@\t\r'", s[1]))
		memmove(s, s + 1, strlen(s));
}

bool csv_parse(const char *data, size_t len, arena_t *a, csv_rows *out)
{
	memset(out, 0, sizeof *out);
	size_t i = 0;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		i = 3;
	buf_t cell = BUF_INIT;
	const char **row = NULL;
	size_t n_row = 0, cap_row = 0;
	bool in_quotes = false, quoted = false, any = false;   /* quoted: this cell began with a quote */
	for (; i <= len; i++) {
		char c = i < len ? data[i] : '\n';
		if (in_quotes) {
			if (c == '"' && i + 1 < len && data[i + 1] == '"') {
				buf_putc(&cell, '"');
				i++;
			} else if (c == '"') {
				in_quotes = false;
			} else if (i == len) {
				buf_free(&cell);
				return false;   /* unterminated quote */
			} else {
				buf_putc(&cell, c);
			}
			continue;
		}
		if (c == '"' && cell.len == 0 && !quoted) {
			in_quotes = quoted = any = true;
			continue;
		}
		if (c == ',' || c == '\n' || c == '\r') {
			if (c == '\r' && i + 1 < len && data[i + 1] == '\n')
				i++;
			if (c == ',' || any || cell.len || n_row) {
				char *s = arena_strdup(a, buf_str(&cell));
				unneutralise(s);
				*(const char **)arena_push(a, (void **)&row, &n_row, &cap_row, sizeof *row) = s;
			}
			buf_reset(&cell);
			quoted = any = false;
			if (c != ',' && n_row) {
				csv_row *r = arena_push(a, (void **)&out->rows, &out->n, &out->cap, sizeof *r);
				r->cells = row;
				r->n = n_row;
				row = NULL;
				n_row = cap_row = 0;
			}
			if (c == ',')
				any = true;
			continue;
		}
		buf_putc(&cell, c);
		any = true;
	}
	buf_free(&cell);
	return true;
}
