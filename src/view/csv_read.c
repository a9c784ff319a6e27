/* csv_read.c — reads CSV as Excel writes it: an optional UTF-8 BOM,
 * comma-separated, fields quoted with "" for a quote, CRLF or LF, newlines
 * inside quoted fields.  The leading apostrophe our writer puts before a
 * formula-like cell is taken off again (see csv_cell).  CP932 input, the
 * encoding of Excel's default Japanese CSV, is converted with iconv. */
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "view/tables.h"

/* Takes off the apostrophe csv_cell put before a guarded value. */
static void unneutralise(char *s)
{
	if (s[0] == '\'' && s[1] && (strchr(CSV_GUARD, s[1]) || s[1] == '\''))
		memmove(s, s + 1, strlen(s));
}

char *csv_to_utf8(const char *data, size_t len, size_t *out_len, bool *converted)
{
	*converted = false;
	if (utf8_valid(data, len)) {
		char *s = xmalloc(len + 1);
		memcpy(s, data, len);
		s[len] = '\0';
		*out_len = len;
		return s;
	}
	iconv_t cd = iconv_open("UTF-8", "CP932");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 3 + 1, left_in = len, left_out = cap - 1;
	char *out = xmalloc(cap), *in = (char *)(uintptr_t)data, *o = out;
	size_t r = iconv(cd, &in, &left_in, &o, &left_out);
	iconv_close(cd);
	if (r == (size_t)-1 || left_in) {
		free(out);
		return NULL;
	}
	*o = '\0';
	*out_len = (size_t)(o - out);
	if (!utf8_valid(out, *out_len)) {
		free(out);
		return NULL;
	}
	*converted = true;
	return out;
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
