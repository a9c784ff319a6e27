/* html.c — the escaping writers and small request/response helpers. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "app/audit.h"
#include "web/web.h"

void html_escape(buf_t *b, const char *s)
{
	const char *start = s;
	for (; *s; s++) {
		const char *rep = NULL;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(b, start, (size_t)(s - start));
		buf_puts(b, rep);
		start = s + 1;
	}
	buf_add(b, start, (size_t)(s - start));
}

void hp(req_t *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *p = fmt;
	while (*p) {
		const char *pct = strchr(p, '%');
		if (!pct) {
			buf_puts(&r->out, p);
			break;
		}
		buf_add(&r->out, p, (size_t)(pct - p));
		p = pct + 1;
		char num[32];
		if (*p == 's') {
			const char *s = va_arg(ap, const char *);
			html_escape(&r->out, s ? s : "");
			p++;
		} else if (*p == 'd') {
			snprintf(num, sizeof num, "%d", va_arg(ap, int));
			buf_puts(&r->out, num);
			p++;
		} else if (*p == 'u') {
			snprintf(num, sizeof num, "%u", va_arg(ap, unsigned));
			buf_puts(&r->out, num);
			p++;
		} else if (p[0] == 'l' && p[1] == 'l' && p[2] == 'd') {
			snprintf(num, sizeof num, "%lld", va_arg(ap, long long));
			buf_puts(&r->out, num);
			p += 3;
		} else if (p[0] == 'z' && p[1] == 'u') {
			snprintf(num, sizeof num, "%zu", va_arg(ap, size_t));
			buf_puts(&r->out, num);
			p += 2;
		} else if (p[0] == '.' && p[1] == '1' && p[2] == 'f') {
			snprintf(num, sizeof num, "%.1f", va_arg(ap, double));
			buf_puts(&r->out, num);
			p += 3;
		} else if (*p == '%') {
			buf_putc(&r->out, '%');
			p++;
		} else {
			panic("hp: unsupported format at \"%s\"", p - 1);
		}
	}
	va_end(ap);
}

const char *url_arg(req_t *r, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(s);
	char *out = arena_alloc(&r->arena, n * 3 + 1), *o = out;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '.' || c == '~') {
			*o++ = (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

const char *T(const req_t *r, const char *ja, const char *en)
{
	return r->lang == LANG_EN ? en : ja;
}

const char *TN(const req_t *r, long long n, const char *ja, const char *one, const char *many)
{
	return r->lang == LANG_EN ? (n == 1 ? one : many) : ja;
}

const char *TX(const req_t *r, text_t t)
{
	return tx(t, r->lang);
}

const char *form(const req_t *r, const char *key)
{
	for (int i = 0; i < r->n_form; i++)
		if (strcmp(r->form_k[i], key) == 0)
			return r->form_v[i];
	return NULL;
}

int form_all(const req_t *r, const char *key, const char **out, int max)
{
	int n = 0;
	for (int i = 0; i < r->n_form && n < max; i++)
		if (strcmp(r->form_k[i], key) == 0)
			out[n++] = r->form_v[i];
	return n;
}

const char *param(const req_t *r, const char *key)
{
	for (int i = 0; i < r->n_params; i++)
		if (strcmp(r->param_k[i], key) == 0)
			return r->param_v[i];
	return NULL;
}

void redirect(req_t *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[1024];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	r->status = 303;
	r->location = arena_strdup(&r->arena, tmp);
	buf_reset(&r->out);
}

void send_json(req_t *r, int status, json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT);
	json_decref(v);
	buf_reset(&r->out);
	buf_puts(&r->out, s ? s : "null");
	free(s);
	r->status = status;
	r->ctype = "application/json; charset=utf-8";
}

/* fail_page, web_fail_errs: fail.c (the one funnel). */

static audit_who web_who(const req_t *r)
{
	audit_who w = {r->login[0] ? r->login : "-", r->account, r->ip};
	return w;
}

void web_audit(req_t *r, int64_t company, int64_t body, const char *action, const char *target, json_t *detail)
{
	errs_t e = ERRS_INIT;
	audit_who w = web_who(r);
	if (!audit_record(r->store, &w, company, body, action, target, detail, &e))
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "secstep: serve: audit: %s: %s\n", e.where[i], e.what[i]);
	errs_free(&e);
}

bool save_company(req_t *r)
{
	errs_t e = ERRS_INIT;
	audit_who w = web_who(r);
	bool ok = audit_save(r->store, r->cat, &w, r->co, &e);
	if (!ok)
		fail_db(r, &e);
	errs_free(&e);
	return ok;
}
