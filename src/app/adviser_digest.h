/* adviser_digest.h — the advisers' weekly digest: per support body, the
 * companies it looks after that changed in the last 7 days, fell behind
 * (a task overdue, or no change for 90 days) or moved up a STEP (the
 * current STEP now against the diagnosis of a week ago).  Sent to each
 * adviser whose login is an e-mail address, Monday 08:00 Japan time, at
 * most once per adviser and ISO week. */
#ifndef SECSTEP_ADVISER_DIGEST_H
#define SECSTEP_ADVISER_DIGEST_H

#include <jansson.h>
#include <stdio.h>

#include "app/mail.h"
#include "catalog/catalog.h"
#include "store/store.h"

#define ADVISER_STALE_DAYS 90

/* {"body", "name", "companies": [{"id", "name", "current_step", "changes",
 * "overdue", "stale", "moved_up"}], "to": [logins]} — only companies with
 * something to say.  NULL when there is no such body (errs untouched). */
json_t *adviser_digest_json(store_t *s, const catalog *cat, int64_t body, date_t today, errs_t *errs);
/* Sends the body's digest to each adviser (claimed per adviser and week).
 * Counts go to *sent and *failed. */
bool adviser_digest_send(store_t *s, const catalog *cat, const mail_cfg *cfg, int64_t body, date_t today, lang_t lang,
			 int *sent, int *failed, FILE *log, errs_t *errs);
/* The schedule's part: every body's digest once a week, Monday from 08:00. */
void adviser_digest_check(store_t *s, const catalog *cat, const mail_cfg *cfg, date_t date, int hour, FILE *log);

#endif
