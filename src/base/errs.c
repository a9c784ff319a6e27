/* errs.c — see errs.h. */
#include "errs.h"
#include "buf.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void errs_add(errs_t *e, const char *where, const char *fmt, ...)
{
	e->total++;
	if (e->n >= ERRS_MAX)
		return;
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 8;
		e->where = xrealloc(e->where, e->cap * sizeof *e->where);
		e->what = xrealloc(e->what, e->cap * sizeof *e->what);
	}
	va_list ap;
	va_start(ap, fmt);
	char tmp[1024];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	utf8_trim_partial(tmp);
	char w[256];
	snprintf(w, sizeof w, "%s", where ? where : "");
	utf8_trim_partial(w);
	e->where[e->n] = xstrdup(w);
	e->what[e->n] = xstrdup(tmp);
	e->n++;
}

void errs_print(const errs_t *e, FILE *f)
{
	for (size_t i = 0; i < e->n; i++)
		fprintf(f, "secstep: %s: %s\n", e->where[i], e->what[i]);
	if (e->n >= ERRS_MAX)
		fprintf(f, "secstep: (more errors not shown)\n");
}

void errs_free(errs_t *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->where[i]);
		free(e->what[i]);
	}
	free(e->where);
	free(e->what);
	e->where = e->what = NULL;
	e->n = e->cap = e->total = 0;
}
