/* account.h — who may sign in and what they may reach: accounts (with the
 * install administrator as a stored flag), sessions, API tokens, sign-in
 * throttling, memberships, support bodies (支援機関) and their advisers,
 * invitations, the audit log, the consultation log and calendar feeds.
 * Everything the web face needs besides company snapshots.  Bound
 * parameters only; every function works on both backends (db.h).
 *
 * Text fields are sized for the limits the faces enforce (in characters,
 * four bytes each at most), so a value that passed validation is never
 * cut inside a character.  Longer text (notes) lives in an arena the
 * caller passes. */
#ifndef SECSTEP_ACCOUNT_H
#define SECSTEP_ACCOUNT_H

#include <stdint.h>

#include "base/arena.h"
#include "store/store.h"

#define ACCOUNT_TEXT_MAX 100                  /* characters: login, name */
#define ACCOUNT_TEXT_BYTES (ACCOUNT_TEXT_MAX * 4 + 1)

/* A relation to a company, weakest first.  ROLE_ADVISER comes through a
 * support body, never from a membership. */
typedef enum { ROLE_NONE = 0, ROLE_EMPLOYEE, ROLE_ADVISER, ROLE_OFFICER, ROLE_OWNER } member_role_t;
const char *member_role_id(member_role_t r);      /* "owner" …; NULL for ROLE_NONE */
bool member_role_parse(const char *s, member_role_t *out);

/* ---- accounts ---- */

typedef struct {
	int64_t id;
	char login[ACCOUNT_TEXT_BYTES];
	char name[ACCOUNT_TEXT_BYTES];
	char pw_hash[192];
	bool admin, disabled;
	char created_at[24];
	char last_login[24];     /* "" when never */
} account_t;

int store_account_count(store_t *s, errs_t *errs);        /* -1 on error */
/* Creates an account.  false with errs filled on error; *taken set when the
 * login is already used (compared without case). */
bool store_account_create(store_t *s, const char *login, const char *name, const char *pw_hash, bool admin,
			  int64_t *id, bool *taken, errs_t *errs);
/* false when absent (errs untouched) or on error (errs filled). */
bool store_account_by_login(store_t *s, const char *login, account_t *out, errs_t *errs);
bool store_account_get(store_t *s, int64_t id, account_t *out, errs_t *errs);
/* Every account, by id.  Caller frees *out. */
bool store_account_list(store_t *s, account_t **out, size_t *n, errs_t *errs);
bool store_account_set_password(store_t *s, int64_t id, const char *pw_hash, errs_t *errs);
bool store_account_set_name(store_t *s, int64_t id, const char *name, errs_t *errs);
bool store_account_set_admin(store_t *s, int64_t id, bool admin, errs_t *errs);
/* Disabling also ends every session of the account; its API tokens are
 * refused while it is disabled. */
bool store_account_set_disabled(store_t *s, int64_t id, bool disabled, errs_t *errs);
bool store_account_touch_login(store_t *s, int64_t id, errs_t *errs);
int store_admin_count(store_t *s, errs_t *errs);          /* enabled administrators */

/* ---- sessions: only a hash of the token is stored ---- */

typedef struct {
	int64_t id;
	int64_t account;
	char csrf[80];
	int64_t created, last_seen;   /* unix seconds */
	char ip[48];
	char agent[160];
	/* the account's, filled by store_session_get */
	char name[ACCOUNT_TEXT_BYTES];
	char login[ACCOUNT_TEXT_BYTES];
	bool admin;
	bool current;                 /* store_session_list: the caller's own */
} session_row;

bool store_session_create(store_t *s, const unsigned char hash[32], int64_t account, const char *csrf,
			  int64_t now, const char *ip, const char *agent, errs_t *errs);
/* The session with that token hash, when its account is enabled; false
 * when there is none. */
bool store_session_get(store_t *s, const unsigned char hash[32], session_row *out, errs_t *errs);
bool store_session_touch(store_t *s, const unsigned char hash[32], int64_t now, errs_t *errs);
bool store_session_delete(store_t *s, const unsigned char hash[32], errs_t *errs);
bool store_session_purge(store_t *s, int64_t older_than, errs_t *errs);
/* An account's sessions, newest first; current marks the one whose hash is
 * given (may be NULL).  Caller frees *out. */
bool store_session_list(store_t *s, int64_t account, const unsigned char *current, session_row **out,
			size_t *n, errs_t *errs);
/* Ends one session of the account; *found tells whether there was one. */
bool store_session_end(store_t *s, int64_t account, int64_t id, bool *found, errs_t *errs);
/* Ends every session of the account except the one with hash keep (NULL:
 * all of them). */
bool store_session_end_others(store_t *s, int64_t account, const unsigned char *keep, errs_t *errs);

/* ---- API tokens (for scripts: Authorization: Bearer TOKEN) ---- */

typedef struct {
	int64_t id;
	char label[ACCOUNT_TEXT_BYTES];
	char created_at[24];
} token_row;

bool store_token_add(store_t *s, int64_t account, const unsigned char hash[32], const char *label, errs_t *errs);
/* The enabled account of a token; false when there is none. */
bool store_token_find(store_t *s, const unsigned char hash[32], int64_t *account, errs_t *errs);
bool store_token_list(store_t *s, int64_t account, token_row **out, size_t *n, errs_t *errs);
/* *found: whether the account had such a token. */
bool store_token_revoke(store_t *s, int64_t account, int64_t id, bool *found, errs_t *errs);

/* ---- sign-in throttling, shared by every server process ---- */

/* Seconds until key ("login:…" or "addr:…") may try again; 0 when it may
 * now, -1 on error. */
int64_t store_throttle_wait(store_t *s, const char *key, int64_t now, errs_t *errs);
/* Counts a failure; after limit failures within window seconds of each
 * other, key is locked for lock seconds. */
bool store_throttle_fail(store_t *s, const char *key, int64_t now, int limit, int64_t window, int64_t lock,
			 errs_t *errs);
bool store_throttle_clear(store_t *s, const char *key, errs_t *errs);

/* ---- relations to companies ---- */

typedef struct {
	bool exists;             /* the company exists */
	member_role_t role;      /* the strongest relation */
	char person_key[40];     /* a membership's person record */
	int64_t version;         /* the company's version (snapshot caches) */
	int64_t audit_last;      /* its newest change-log entry's id (0: none) */
} relation_t;

/* The account's relation to a company and the company's version, in one
 * read.  false on a database error (errs filled). */
bool store_relation(store_t *s, int64_t company, int64_t account, relation_t *out, errs_t *errs);
/* store_session_get and store_relation for the session's account in one
 * read (one round trip to a database server): true when the session was
 * found, then *rel is filled as store_relation fills it. */
bool store_session_relation(store_t *s, const unsigned char hash[32], int64_t company, session_row *sess, relation_t *rel,
			    errs_t *errs);

typedef struct {
	int64_t company_id;
	member_role_t role;
	char person_key[40];
	char company_name[COMPANY_NAME_BYTES];
	int64_t body_id;         /* for ROLE_ADVISER: through which body */
} membership_t;

/* Every company the account has a relation to, ids ascending, one row per
 * company with its strongest relation.  Caller frees *out. */
bool store_memberships(store_t *s, int64_t account, membership_t **out, size_t *n, errs_t *errs);

bool store_member_set(store_t *s, int64_t company, int64_t account, member_role_t role,
		      const char *person_key, errs_t *errs);
bool store_member_remove(store_t *s, int64_t company, int64_t account, errs_t *errs);
int store_owner_count(store_t *s, int64_t company, errs_t *errs);      /* -1 on error */

typedef struct {
	int64_t account_id;
	char login[ACCOUNT_TEXT_BYTES], name[ACCOUNT_TEXT_BYTES];
	member_role_t role;
	char person_key[40];
	bool disabled;
	int others;              /* the account's relations elsewhere (other companies, bodies) */
	bool admin;
} member_row;
bool store_members(store_t *s, int64_t company, member_row **out, size_t *n, errs_t *errs);

/* ---- support bodies ---- */

typedef struct {
	int64_t id;
	char name[ACCOUNT_TEXT_BYTES * 2];
	int advisers, companies;
	char created_at[24];
} body_row;

bool store_body_create(store_t *s, const char *name, int64_t *id, errs_t *errs);
bool store_body_get(store_t *s, int64_t id, body_row *out, errs_t *errs);   /* false: none */
bool store_body_list(store_t *s, body_row **out, size_t *n, errs_t *errs);
/* The bodies an account advises for. */
bool store_bodies_of(store_t *s, int64_t account, body_row **out, size_t *n, errs_t *errs);
bool store_body_is_adviser(store_t *s, int64_t body, int64_t account, errs_t *errs);
bool store_body_adviser_add(store_t *s, int64_t body, int64_t account, errs_t *errs);
bool store_body_adviser_remove(store_t *s, int64_t body, int64_t account, bool *found, errs_t *errs);
/* The advisers of a body (id, login, name, disabled). */
bool store_body_advisers(store_t *s, int64_t body, member_row **out, size_t *n, errs_t *errs);
bool store_body_company_add(store_t *s, int64_t body, int64_t company, errs_t *errs);
bool store_body_company_remove(store_t *s, int64_t body, int64_t company, bool *found, errs_t *errs);
/* The bodies that look after a company. */
bool store_company_bodies(store_t *s, int64_t company, body_row **out, size_t *n, errs_t *errs);

/* A company a body looks after, with the facts a portfolio lists. */
typedef struct {
	int64_t id;
	char name[COMPANY_NAME_BYTES];
	char industry[4];
	int employees;
	char since[24];          /* looked after since */
	char updated_at[24];     /* last change */
} body_company_row;
bool store_body_companies(store_t *s, int64_t body, body_company_row **out, size_t *n, errs_t *errs);

/* ---- invitations: one-time links, only a hash of the secret kept ---- */

typedef enum { INV_MEMBER = 0, INV_ADVISER, INV_CLIENT, INV_RESET } invite_kind_t;
const char *invite_kind_id(invite_kind_t k);

typedef struct {
	int64_t id;
	invite_kind_t kind;
	int64_t company_id;      /* INV_MEMBER; INV_CLIENT when made for one */
	int64_t body_id;         /* INV_ADVISER, INV_CLIENT */
	int64_t account_id;      /* INV_RESET: whose password */
	member_role_t role;      /* INV_MEMBER */
	char person_key[40];
	char note[ACCOUNT_TEXT_BYTES];     /* whom it is for, as the sender wrote */
	int64_t created_by;
	char created_at[24];
	int64_t expires;         /* unix seconds */
	/* filled by store_invite_find / lists */
	char company_name[COMPANY_NAME_BYTES];
	char body_name[ACCOUNT_TEXT_BYTES * 2];
	char by_name[ACCOUNT_TEXT_BYTES];
	char account_login[ACCOUNT_TEXT_BYTES];
} invite_t;

bool store_invite_create(store_t *s, const invite_t *inv, const unsigned char hash[32], int64_t *id, errs_t *errs);
/* A usable invitation (not used, not revoked, not expired at now); false
 * when there is none. */
bool store_invite_find(store_t *s, const unsigned char hash[32], int64_t now, invite_t *out, errs_t *errs);
/* Marks it used by account, once: *won is false when another request used
 * it first (or it was revoked meanwhile). */
bool store_invite_use(store_t *s, int64_t id, int64_t account, bool *won, errs_t *errs);
/* Pending invitations of a company (company > 0) or a body (body > 0). */
bool store_invite_pending(store_t *s, int64_t company, int64_t body, int64_t now, invite_t **out, size_t *n,
			  errs_t *errs);
bool store_invite_revoke(store_t *s, int64_t id, int64_t company, int64_t body, bool *found, errs_t *errs);

/* ---- the audit log ---- */

typedef struct {
	int64_t id;
	char at[24];             /* UTC ISO 8601 */
	const char *actor;       /* login, or "cli" */
	int64_t account_id;      /* 0: none */
	int64_t company_id;      /* 0: none */
	int64_t body_id;         /* 0: none */
	const char *action;      /* "task.update", "member.add", "signin", … */
	const char *target;      /* "task-1-1", a login, … (may be NULL) */
	const char *detail;      /* JSON object text: {"changes": [...], …} (may be NULL) */
	const char *ip;          /* may be NULL */
} audit_row;

/* Records one entry; at is filled with the current time when empty. */
bool store_audit_add(store_t *s, const audit_row *a, errs_t *errs);
/* Entries oldest first: of one company (company > 0) or of the whole
 * install (company == 0), after id after_id, at most limit (0: all).
 * Strings live in ar. */
bool store_audit_list(store_t *s, int64_t company, int64_t after_id, size_t limit, arena_t *ar, audit_row **out,
		      size_t *n, errs_t *errs);

/* ---- the consultation log and advice ---- */

typedef struct {
	int64_t id;
	const char *date, *partner, *topic, *notes, *author;   /* in the arena */
	bool advice;             /* written by an adviser of a support body */
} consult_row;
bool store_consult_add(store_t *s, int64_t company, const char *date, const char *partner, const char *topic,
		       const char *notes, const char *author, bool advice, errs_t *errs);
/* Newest first; strings live in ar.  Caller frees *out. */
bool store_consult_list(store_t *s, int64_t company, arena_t *ar, consult_row **out, size_t *n, errs_t *errs);
/* Changes one entry of the company's log; *found is false when the
 * company has no entry id. */
bool store_consult_update(store_t *s, int64_t company, int64_t id, const char *date, const char *partner,
			  const char *topic, const char *notes, bool *found, errs_t *errs);

/* ---- calendar feeds: secret links to a company's (or a person's) dates ---- */

typedef struct {
	int64_t id;
	char person_key[40];
	char label[ACCOUNT_TEXT_BYTES];
	char created_at[32];
} feed_row;
bool store_feed_add(store_t *s, int64_t company, const unsigned char hash[32], const char *person_key,
		    const char *label, errs_t *errs);
bool store_feed_find(store_t *s, const unsigned char hash[32], int64_t *company, char *person_key,
		     size_t keylen, errs_t *errs);
bool store_feed_list(store_t *s, int64_t company, feed_row **out, size_t *n, errs_t *errs);
bool store_feed_revoke(store_t *s, int64_t company, int64_t id, bool *found, errs_t *errs);

#endif
