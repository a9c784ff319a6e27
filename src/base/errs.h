/* errs.h — a list of input errors, each "WHERE: WHAT".  Validators collect
 * every problem instead of stopping at the first, so a user sees them all;
 * faces print them as "secstep: WHERE: WHAT" (CONTRACT.md). */
#ifndef SECSTEP_ERRS_H
#define SECSTEP_ERRS_H

#include <stddef.h>
#include <stdio.h>

typedef struct {
	char **where;
	char **what;
	size_t n, cap;
	size_t total;   /* every error added, kept or not */
} errs_t;

#define ERRS_INIT {NULL, NULL, 0, 0, 0}
#define ERRS_MAX 200   /* stop keeping the text after this many */

void errs_add(errs_t *e, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* How many errors were added, counting those past ERRS_MAX whose text was
 * not kept.  A validator compares this before and after, never n: once the
 * list is full n stops growing, and a bad value would look good. */
static inline size_t errs_count(const errs_t *e)
{
	return e->total;
}
void errs_print(const errs_t *e, FILE *f);   /* "secstep: WHERE: WHAT\n" */
void errs_free(errs_t *e);

#endif
