/* digest.h — the weekly digest (CONTRACT.md, "Reminders"): for each
 * person with an e-mail address who owns a task that is overdue or due
 * within 14 days of today, a mail naming the company and those tasks by
 * title, with their exams coming up, what changed in the company since
 * their last digest (the audit log), the company's next three actions and,
 * when the last diagnosis is older than 90 days, a request to take it
 * again.  At most one digest per person and ISO week. */
#ifndef SECSTEP_DIGEST_H
#define SECSTEP_DIGEST_H

#include <jansson.h>
#include <stdio.h>

#include "app/mail.h"
#include "catalog/catalog.h"
#include "core/model.h"
#include "store/account.h"
#include "store/store.h"

#define DIGEST_DAYS 14        /* "due soon": today … today + 14 */
#define DIGEST_EXAM_DAYS 60   /* exams shown when within this many days */

typedef struct {
	const m_person *person;
	const m_task *overdue[CAT_TASKS];
	size_t n_overdue;
	const m_task *due_soon[CAT_TASKS];
	size_t n_due_soon;
	const m_exam *exams[32];
	size_t n_exams;
	const cat_task *next[3];  /* the company's next open tasks */
	date_t next_due[3];
	size_t n_next;
	bool rediagnose;
	audit_row *changes;       /* since the last digest (in the arena passed) */
	size_t n_changes, cap_changes;
} digest_t;

/* The digests of one company, in person order (caller frees *out).
 * With s, opted-out addresses are left out and changes are read from the
 * audit log into ar; without, changes stay empty. */
size_t digest_build(const catalog *cat, const m_company *co, date_t today, store_t *s, arena_t *ar, digest_t **out);
/* The preview object: {"company", "person", "to", "overdue", "due_soon",
 * "exams", "changes", "next", "rediagnose"}. */
json_t *digest_json(const m_company *co, const digest_t *d, date_t today);
/* The mail's subject, plain text and HTML in lang (caller frees each). */
void digest_render(const catalog *cat, const m_company *co, const digest_t *d, date_t today, lang_t lang,
		   const char *base_url, const char *unsubscribe, char **subject, char **text, char **html);

typedef struct {
	int sent, skipped, failed;
} digest_counts;

/* Sends one company's digests for the ISO week of today: each is claimed
 * in the database first, so it is sent at most once per person and week
 * whatever the number of runs or servers; relay errors are retried
 * (cfg->tries) and then recorded and reported on log. */
bool digest_send_company(store_t *s, const catalog *cat, const mail_cfg *cfg, const m_company *co, date_t today,
			 lang_t lang, digest_counts *counts, FILE *log, errs_t *errs);

#endif
