/* width.h — how many terminal columns a UTF-8 text takes (East Asian
 * width: ideographs, kana and full-width forms take two), so that plain
 * text output lines up in columns whatever the language. */
#ifndef SECSTEP_WIDTH_H
#define SECSTEP_WIDTH_H

#include <stddef.h>
#include <stdio.h>

/* Columns of one code point: 2 for East Asian Wide and Fullwidth, 0 for
 * combining marks and zero-width characters, else 1. */
int cp_width(unsigned cp);
/* Columns of a UTF-8 string (invalid bytes count 1 each). */
size_t str_width(const char *s);
/* Writes s, then spaces up to `cols` columns (nothing is cut when s is
 * wider).  The columnar twin of printf("%-*s"). */
void fput_col(FILE *f, const char *s, size_t cols);

#endif
