/* buf.h — one growable byte buffer, always NUL-terminated.  Used for every
 * piece of output (responses are built whole in memory, then sent). */
#ifndef SECSTEP_BUF_H
#define SECSTEP_BUF_H

#include <stddef.h>

typedef struct buf {
	char *p;      /* data, NUL-terminated; NULL until first write */
	size_t len;   /* bytes used, not counting the NUL */
	size_t cap;
} buf_t;

#define BUF_INIT {NULL, 0, 0}

void buf_add(buf_t *b, const void *data, size_t n);
void buf_puts(buf_t *b, const char *s);
void buf_putc(buf_t *b, char c);
void buf_printf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_reset(buf_t *b);            /* keeps the memory */
void buf_free(buf_t *b);
const char *buf_str(const buf_t *b);  /* "" when empty */
char *buf_detach(buf_t *b);           /* caller frees; b is reset */

#endif
