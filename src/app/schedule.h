/* schedule.h — `serve` sends the weekly digests itself, without cron: each
 * company's digest goes out on its day and hour in Japan time (default
 * Monday 08:00 Asia/Tokyo; store/mail.h).  Several servers may share one
 * database: each week's run of a company is claimed in the database
 * (store_job_claim), so exactly one server runs it, and each mail is
 * claimed again before it is sent.  Mails the relay refused are tried
 * again on later checks, waiting longer each time. */
#ifndef SECSTEP_SCHEDULE_H
#define SECSTEP_SCHEDULE_H

#include <stdbool.h>
#include <stdio.h>

#include "catalog/catalog.h"
#include "store/mail.h"

/* Japan's date and hour now (UTC+9, no daylight saving).  SECSTEP_TODAY,
 * when set, replaces the date. */
void sched_now(date_t *date, int *hour);
/* Whether this week's send time has come on date at hour. */
bool sched_due(const digest_schedule *sc, date_t date, int hour);
/* The date of the next digest of a company whose schedule is sc, given
 * whether this week's has been sent. */
date_t sched_next(const digest_schedule *sc, date_t date, int hour, bool sent_this_week);

/* One check: runs every job that is due and not yet run this week, and
 * retries refused mails.  Lines for the operator go to log. */
void sched_check(store_t *s, const catalog *cat, FILE *log);

/* The background thread of `serve`: a check soon after start, then every
 * SECSTEP_SCHEDULE_SECONDS (default 60).  Does nothing when mail is not
 * configured (it says so once). */
void sched_start(const char *db_path, const catalog *cat);
void sched_stop(void);

#endif
