/* account.h — web accounts, their company memberships, sessions and the
 * consultation log: the store functions the web face needs besides company
 * snapshots.  Bound parameters only, like the rest of the store. */
#ifndef SECSTEP_ACCOUNT_H
#define SECSTEP_ACCOUNT_H

#include <stdint.h>

#include "store/store.h"

typedef enum { ROLE_NONE = 0, ROLE_EMPLOYEE, ROLE_ADVISER, ROLE_OFFICER, ROLE_OWNER } member_role_t;
const char *member_role_id(member_role_t r);
bool member_role_parse(const char *s, member_role_t *out);

typedef struct {
	int64_t id;
	char login[128];
	char name[256];
	char pw_hash[192];
} account_t;

int store_account_count(store_t *s, errs_t *errs);        /* -1 on error */
bool store_account_create(store_t *s, const char *login, const char *name, const char *pw_hash,
			  int64_t *id, errs_t *errs);
/* false when absent (errs untouched) or on error (errs filled). */
bool store_account_by_login(store_t *s, const char *login, account_t *out, errs_t *errs);
bool store_account_get(store_t *s, int64_t id, account_t *out, errs_t *errs);

typedef struct {
	int64_t company_id;
	member_role_t role;
	char person_key[40];
	char company_name[256];
} membership_t;

/* The account's role in a company (ROLE_NONE when none). */
member_role_t store_member_role(store_t *s, int64_t company, int64_t account, char *person_key,
				size_t keylen, errs_t *errs);
bool store_member_set(store_t *s, int64_t company, int64_t account, member_role_t role,
		      const char *person_key, errs_t *errs);
bool store_member_remove(store_t *s, int64_t company, int64_t account, errs_t *errs);
/* Companies of an account.  Caller frees *out. */
bool store_memberships(store_t *s, int64_t account, membership_t **out, size_t *n, errs_t *errs);
typedef struct {
	int64_t account_id;
	char login[128], name[256];
	member_role_t role;
	char person_key[40];
} member_row;
bool store_members(store_t *s, int64_t company, member_row **out, size_t *n, errs_t *errs);

/* Sessions: the token is never stored, only its hash. */
bool store_session_create(store_t *s, const unsigned char hash[32], int64_t account, const char *csrf,
			  int64_t now, errs_t *errs);
/* Finds a session and its account's name; false when absent. */
bool store_session_get(store_t *s, const unsigned char hash[32], int64_t *account, char csrf[80],
		       int64_t *created, int64_t *last_seen, char *name, size_t name_len, errs_t *errs);
bool store_session_touch(store_t *s, const unsigned char hash[32], int64_t now, errs_t *errs);
bool store_session_delete(store_t *s, const unsigned char hash[32], errs_t *errs);
bool store_session_purge(store_t *s, int64_t older_than, errs_t *errs);

typedef struct {
	int64_t id;
	char date[11];
	char partner[256];
	char topic[512];
	char notes[4096];
	char author[256];
} consult_row;
bool store_consult_add(store_t *s, int64_t company, const char *date, const char *partner,
		       const char *topic, const char *notes, const char *author, errs_t *errs);
bool store_consult_list(store_t *s, int64_t company, consult_row **out, size_t *n, errs_t *errs);
/* Changes one entry of the company's log; *found is false when the
 * company has no entry id. */
bool store_consult_update(store_t *s, int64_t company, int64_t id, const char *date, const char *partner,
			  const char *topic, const char *notes, bool *found, errs_t *errs);

/* Calendar feeds: secret links to a company's (or one person's) dates. */
typedef struct {
	int64_t id;
	char person_key[40];
	char label[256];
	char created_at[32];
} feed_row;
bool store_feed_add(store_t *s, int64_t company, const unsigned char hash[32], const char *person_key,
		    const char *label, errs_t *errs);
/* Finds a feed by the hash of its secret; false when there is none. */
bool store_feed_find(store_t *s, const unsigned char hash[32], int64_t *company, char *person_key,
		     size_t keylen, errs_t *errs);
bool store_feed_list(store_t *s, int64_t company, feed_row **out, size_t *n, errs_t *errs);
bool store_feed_revoke(store_t *s, int64_t company, int64_t id, errs_t *errs);

/* API tokens of an account (for scripts: Authorization: Bearer TOKEN). */
bool store_token_add(store_t *s, int64_t account, const unsigned char hash[32], const char *label, errs_t *errs);
/* The account of a token; false when there is none. */
bool store_token_find(store_t *s, const unsigned char hash[32], int64_t *account, errs_t *errs);
bool store_token_list(store_t *s, int64_t account, feed_row **out, size_t *n, errs_t *errs);  /* id, label, created_at */
bool store_token_revoke(store_t *s, int64_t account, int64_t id, errs_t *errs);

#endif
