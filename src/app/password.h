/* password.h — the password rules and hashing shared by the web and the
 * command line: at least 10 characters, not the login, not a common one;
 * Argon2id (libsodium) at OWASP's floor (t=2, 19 MiB). */
#ifndef SECSTEP_APP_PASSWORD_H
#define SECSTEP_APP_PASSWORD_H

#include <stdbool.h>

#include "base/date.h"
#include "catalog/catalog.h"

#define PASSWORD_MIN 10          /* characters */
#define PASSWORD_MAX_BYTES 200

/* What is wrong with pw as a new password for login (in lang), or NULL. */
const char *password_problem(const char *login, const char *pw, lang_t lang);
/* Hashes pw into out (a libsodium string); false when it cannot. */
bool password_hash_str(const char *pw, char out[192]);
bool password_check_str(const char *hash, const char *pw);

#endif
