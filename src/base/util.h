/* util.h — allocation that never returns NULL, fatal errors, small string
 * helpers.  Allocation failure is a bug-class event here: we print and abort
 * rather than threading NULL checks through every caller. */
#ifndef SECSTEP_UTIL_H
#define SECSTEP_UTIL_H

#include <stddef.h>
#include <stdbool.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* Makes room in a heap array of n elements (size sz, capacity *cap) for
 * one more, doubling as needed; returns the (possibly moved) array. */
void *xgrow(void *arr, size_t n, size_t *cap, size_t sz);
char *xstrndup(const char *s, size_t n);

/* Prints "secstep: panic: MSG" and aborts.  For bugs, not for user input. */
_Noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

bool str_eq(const char *a, const char *b);   /* NULL-safe equality */
bool str_empty(const char *s);               /* NULL or "" */

/* Returns true when s (length n) is valid UTF-8 with no NUL bytes and no
 * overlong forms or surrogates. */
bool utf8_valid(const char *s, size_t n);
/* Cuts a trailing incomplete UTF-8 sequence (left by truncation). */
void utf8_trim_partial(char *s);
/* The first control character in s (C0, DEL or a C1 control U+0080–
 * U+009F), or NULL when there is none.  With multiline, tab, newline and
 * carriage return are text.  Text fields refuse what this finds: such
 * characters rewrite terminals, forge log lines and break CSV readers. */
const char *text_control(const char *s, bool multiline);
/* Number of code points in a valid UTF-8 string. */
size_t utf8_len(const char *s);

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif
