/* mail.h — what the mail module keeps in the database (migration 11):
 * every mail sent or being sent, so that nothing is sent twice (also after
 * a restart, and from several servers on one database); unsubscribe links
 * and opt-outs; each company's digest schedule; weekly job claims.
 * Times are UTC ISO 8601 text from db_now_iso(). */
#ifndef SECSTEP_STORE_MAIL_H
#define SECSTEP_STORE_MAIL_H

#include <stdbool.h>
#include <stdint.h>

#include "base/errs.h"
#include "store/store.h"

/* Claims the mail named key ("digest:c1:p1:2026-W48") for sending: true
 * when this caller may send it now — it was never claimed, or its last
 * try failed.  False when it was sent, or another process is sending it
 * (or on error, errs filled).  *attempts: tries made before this one. */
bool store_mail_claim(store_t *s, const char *key, const char *kind, int64_t company, int64_t body, const char *person,
		      const char *rcpt, const char *week, int *attempts, errs_t *errs);
/* Records the outcome of a claimed mail: sent (with the audit id it
 * covered), or failed with the relay's error. */
bool store_mail_sent(store_t *s, const char *key, int64_t audit_upto, errs_t *errs);
bool store_mail_failed(store_t *s, const char *key, int attempts, const char *error, errs_t *errs);
/* Whether key was sent already. */
bool store_mail_was_sent(store_t *s, const char *key, errs_t *errs);
/* The audit id that the person's last digest covered (0: none yet). */
int64_t store_mail_last_upto(store_t *s, int64_t company, const char *person, errs_t *errs);
/* The newest audit id of a company (0: none). */
int64_t store_audit_last_id(store_t *s, int64_t company, errs_t *errs);

/* Mails that failed (newest first, at most limit): key, rcpt, error. */
typedef struct {
	char key[160];
	char rcpt[256];
	char at[24];
	int attempts;
	char error[256];
} mail_failure;
bool store_mail_failures(store_t *s, size_t limit, mail_failure **out, size_t *n, errs_t *errs);

/* Unsubscribe links: a token (stored as its hash, hex) names an address
 * and a kind of mail ("digest", "adviser"). */
bool store_mail_token_add(store_t *s, const char *hash_hex, const char *addr, const char *kind, errs_t *errs);
/* Fills addr and kind; false when there is no such token (errs untouched). */
bool store_mail_token_find(store_t *s, const char *hash_hex, char addr[256], char kind[16], errs_t *errs);
bool store_mail_optout(store_t *s, const char *addr, const char *kind, errs_t *errs);
bool store_mail_opted_out(store_t *s, const char *addr, const char *kind, errs_t *errs);

/* A company's digest schedule: ISO weekday (1 Monday … 7 Sunday) and hour
 * in Japan time, and the language of its mails.  Defaults: Monday, 8,
 * "ja". */
typedef struct {
	int day, hour;
	char lang[3];
} digest_schedule;
bool store_schedule_get(store_t *s, int64_t company, digest_schedule *out, errs_t *errs);
bool store_schedule_set(store_t *s, int64_t company, const digest_schedule *sc, errs_t *errs);

/* Claims a weekly job ("company:1", "body:2") for week: true for exactly
 * one caller per job and week, however many processes ask. */
bool store_job_claim(store_t *s, const char *job, const char *week, errs_t *errs);
/* The week a job last ran ("" when never). */
bool store_job_week(store_t *s, const char *job, char week[16], errs_t *errs);



/* Companies with digests of week that the relay refused and whose wait
 * is over (60 s × 2^tries so far, at most 15 tries).  Caller frees *ids. */
bool store_mail_retry_due(store_t *s, const char *week, int64_t now, int64_t **ids, size_t *n, errs_t *errs);
/* Audit entries of a company since a UTC day ("2026-11-18"). */
int64_t store_audit_count_since(store_t *s, int64_t company, const char *day, errs_t *errs);

#endif
