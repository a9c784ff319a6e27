/* json_scan.c — a structural pre-scan of JSON text that names the field
 * path of the problems the parser would only give a line and column for:
 * a key given twice in one object, and an integer too large for any field.
 * It stops quietly at anything malformed; the real parser reports that. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "exchange/json_scan.h"

#define DEPTH 64
#define KEYS 256

typedef struct {
	bool is_obj;
	size_t index;                 /* arrays: current element */
	char *key;                    /* objects: current key */
	char *keys[KEYS];             /* objects: keys seen (first KEYS) */
	size_t n_keys;
} frame;

typedef struct {
	const char *s;
	size_t len, pos;
	frame st[DEPTH];
	int depth;
	errs_t *errs;
	size_t found;
	bool en;                      /* messages in English (else Japanese) */
} scan;

static void path_of(const scan *x, char *out, size_t n)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < x->depth && used < n; i++) {
		const frame *f = &x->st[i];
		if (f->is_obj && f->key)
			used += (size_t)snprintf(out + used, n - used, "%s%s", used ? "." : "", f->key);
		else if (!f->is_obj)
			used += (size_t)snprintf(out + used, n - used, "[%zu]", f->index);
	}
	if (!out[0])
		snprintf(out, n, "document");
}

static void ws(scan *x)
{
	while (x->pos < x->len && strchr(" \t\r\n", x->s[x->pos]))
		x->pos++;
}

/* Reads a string token (the raw text between quotes; escapes kept, which
 * is enough to compare keys as written).  NULL when malformed. */
static char *str_tok(scan *x)
{
	if (x->pos >= x->len || x->s[x->pos] != '"')
		return NULL;
	size_t start = ++x->pos;
	while (x->pos < x->len && x->s[x->pos] != '"') {
		if (x->s[x->pos] == '\\')
			x->pos++;
		x->pos++;
	}
	if (x->pos >= x->len)
		return NULL;
	char *k = xstrndup(x->s + start, x->pos - start);
	x->pos++;
	return k;
}

static void pop_frame(scan *x)
{
	frame *f = &x->st[--x->depth];
	for (size_t i = 0; i < f->n_keys; i++)
		free(f->keys[i]);
	free(f->key);
}

static bool value(scan *x);

static bool number(scan *x)
{
	size_t start = x->pos, digits = 0;
	bool integer = true;
	if (x->s[x->pos] == '-')
		x->pos++;
	while (x->pos < x->len && strchr("0123456789.eE+-", x->s[x->pos])) {
		if (x->s[x->pos] >= '0' && x->s[x->pos] <= '9')
			digits++;
		else
			integer = false;
		x->pos++;
	}
	if (x->pos == start)
		return false;
	if (integer && digits > 15 && x->found < ERRS_MAX) {
		char p[256];
		path_of(x, p, sizeof p);
		errs_add(x->errs, p, "%s", x->en ? "the number is far too large" : "数が大きすぎます");
		x->found++;
	}
	return true;
}

static bool value(scan *x)
{
	ws(x);
	if (x->pos >= x->len)
		return false;
	char c = x->s[x->pos];
	if (c == '{' || c == '[') {
		if (x->depth >= DEPTH)
			return false;
		frame *f = &x->st[x->depth++];
		memset(f, 0, sizeof *f);
		f->is_obj = c == '{';
		x->pos++;
		ws(x);
		if (x->pos < x->len && x->s[x->pos] == (f->is_obj ? '}' : ']')) {
			x->pos++;
			pop_frame(x);
			return true;
		}
		for (;;) {
			ws(x);
			if (f->is_obj) {
				char *k = str_tok(x);
				if (!k)
					return false;
				free(f->key);
				f->key = k;
				bool dup = false;
				for (size_t i = 0; i < f->n_keys; i++)
					dup |= strcmp(f->keys[i], k) == 0;
				if (dup && x->found < ERRS_MAX) {
					char p[256];
					path_of(x, p, sizeof p);
					errs_add(x->errs, p, "%s", x->en ? "is given more than once" : "二度以上あります");
					x->found++;
				} else if (!dup && f->n_keys < KEYS) {
					f->keys[f->n_keys++] = xstrdup(k);
				}
				ws(x);
				if (x->pos >= x->len || x->s[x->pos] != ':')
					return false;
				x->pos++;
			}
			if (!value(x))
				return false;
			ws(x);
			if (x->pos >= x->len)
				return false;
			if (x->s[x->pos] == ',') {
				x->pos++;
				if (!f->is_obj)
					f->index++;
				continue;
			}
			if (x->s[x->pos] == (f->is_obj ? '}' : ']')) {
				x->pos++;
				pop_frame(x);
				return true;
			}
			return false;
		}
	}
	if (c == '"') {
		char *s = str_tok(x);
		free(s);
		return s != NULL;
	}
	if (c == '-' || (c >= '0' && c <= '9'))
		return number(x);
	for (const char *lit = "true\0false\0null\0"; *lit; lit += strlen(lit) + 1)
		if (x->len - x->pos >= strlen(lit) && strncmp(x->s + x->pos, lit, strlen(lit)) == 0) {
			x->pos += strlen(lit);
			return true;
		}
	return false;
}

size_t json_scan(const char *text, size_t len, bool en, errs_t *errs)
{
	scan x;
	memset(&x, 0, sizeof x);
	x.en = en;
	x.s = text;
	x.len = len;
	x.errs = errs;
	value(&x);
	while (x.depth > 0)
		pop_frame(&x);
	return x.found;
}
