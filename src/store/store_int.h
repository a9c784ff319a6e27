/* store_int.h — helpers shared by the store's files, whatever the backend. */
#ifndef SECSTEP_STORE_INT_H
#define SECSTEP_STORE_INT_H

#include <stddef.h>

/* Copies src (NULL: "") into dst of n bytes, never cutting a character. */
void store_copy(char *dst, size_t n, const char *src);
/* The form of a login that is compared: ASCII letters in lower case (as
 * SQLite's NOCASE).  out must hold strlen(login) + 1 bytes. */
void store_login_key(const char *login, char *out);

#endif
