/* schedule.c — the digest schedule in `serve` (schedule.h). */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/adviser_digest.h"
#include "app/audit.h"
#include "app/digest.h"
#include "app/schedule.h"
#include "base/util.h"

void sched_now(date_t *date, int *hour)
{
	time_t now = time(NULL) + 9 * 3600;
	struct tm tm;
	gmtime_r(&now, &tm);
	*hour = tm.tm_hour;
	*date = date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	const char *env = getenv("SECSTEP_TODAY");
	date_t d;
	if (env && *env && date_parse(env, &d))
		*date = d;
}

bool sched_due(const digest_schedule *sc, date_t date, int hour)
{
	int wd = date_weekday(date);
	return wd > sc->day || (wd == sc->day && hour >= sc->hour);
}

date_t sched_next(const digest_schedule *sc, date_t date, int hour, bool sent_this_week)
{
	date_t this_week = date - (date_weekday(date) - 1) + (sc->day - 1);
	if (sent_this_week)
		return this_week + 7;
	if (!sched_due(sc, date, hour))
		return this_week;
	return date;   /* due now: at the next check */
}

static const audit_who sched_who = {"schedule", 0, NULL};

static void run_company(store_t *s, const catalog *cat, const mail_cfg *cfg, int64_t id, date_t date, const char *week,
			FILE *log)
{
	errs_t e = ERRS_INIT;
	m_company *co = store_company_load(s, id, &e);
	digest_schedule sc;
	if (co && store_schedule_get(s, id, &sc, &e)) {
		digest_counts c = {0, 0, 0};
		digest_send_company(s, cat, cfg, co, date, !strcmp(sc.lang, "en") ? LANG_EN : LANG_JA, &c, log, &e);
		if (c.sent || c.failed) {
			audit_record(s, &sched_who, id, 0, "digest.send", week,
				     json_pack("{s:i, s:i}", "sent", c.sent, "failed", c.failed), &e);
			fprintf(log, "secstep: serve: digests of company %lld for %s: %d sent, %d not sent\n", (long long)id, week,
				c.sent, c.failed);
		}
	}
	for (size_t i = 0; i < e.n; i++)
		fprintf(log, "secstep: serve: digests of company %lld: %s: %s\n", (long long)id, e.where[i], e.what[i]);
	company_free(co);
	errs_free(&e);
}

void sched_check(store_t *s, const catalog *cat, FILE *log)
{
	mail_cfg cfg;
	errs_t e = ERRS_INIT;
	if (!mail_cfg_load(&cfg, &e)) {
		errs_free(&e);
		return;
	}
	date_t date;
	int hour;
	sched_now(&date, &hour);
	char week[9];
	date_iso_week(date, week);
	store_company_row *rows = NULL;
	size_t n = 0;
	if (!store_company_list(s, &rows, &n, &e)) {
		for (size_t i = 0; i < e.n; i++)
			fprintf(log, "secstep: serve: digest schedule: %s: %s\n", e.where[i], e.what[i]);
		errs_free(&e);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		digest_schedule sc;
		if (!store_schedule_get(s, rows[i].id, &sc, &e) || !sched_due(&sc, date, hour))
			continue;
		char job[40];
		snprintf(job, sizeof job, "company:%lld", (long long)rows[i].id);
		if (store_job_claim(s, job, week, &e))
			run_company(s, cat, &cfg, rows[i].id, date, week, log);
	}
	free(rows);
	/* Refused mails of this week: tried again after 2, 4, 8 … minutes. */
	int64_t *retry = NULL;
	size_t nr = 0;
	if (store_mail_retry_due(s, week, time(NULL), &retry, &nr, &e))
		for (size_t i = 0; i < nr; i++)
			run_company(s, cat, &cfg, retry[i], date, week, log);
	free(retry);
	adviser_digest_check(s, cat, &cfg, date, hour, log);
	for (size_t i = 0; i < e.n; i++)
		fprintf(log, "secstep: serve: digest schedule: %s: %s\n", e.where[i], e.what[i]);
	errs_free(&e);
}

static struct {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	bool running, stop;
	const char *db_path;
	const catalog *cat;
} sched = {.lock = PTHREAD_MUTEX_INITIALIZER, .cond = PTHREAD_COND_INITIALIZER};

static void *sched_main(void *arg)
{
	(void)arg;
	const char *iv = getenv("SECSTEP_SCHEDULE_SECONDS");
	long every = iv && atol(iv) > 0 ? atol(iv) : 60;
	long wait = 1;
	bool first = true;
	pthread_mutex_lock(&sched.lock);
	while (!sched.stop) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += wait;
		while (!sched.stop && pthread_cond_timedwait(&sched.cond, &sched.lock, &ts) == 0)
			;
		if (sched.stop)
			break;
		pthread_mutex_unlock(&sched.lock);
		errs_t e = ERRS_INIT;
		store_t *s = store_open(sched.db_path, &e);
		if (s) {
			sched_check(s, sched.cat, stderr);
			store_close(s);
		} else {
			for (size_t i = 0; i < e.n; i++)
				fprintf(stderr, "secstep: serve: digest schedule: %s: %s\n", e.where[i], e.what[i]);
		}
		errs_free(&e);
		if (first)
			fprintf(stderr, "secstep: serve: digest schedule checked\n");
		first = false;
		wait = every;
		pthread_mutex_lock(&sched.lock);
	}
	pthread_mutex_unlock(&sched.lock);
	return NULL;
}

void sched_start(const char *db_path, const catalog *cat)
{
	if (!mail_configured()) {
		fprintf(stderr, "secstep: serve: mail is not set up (SECSTEP_SMTP_URL): weekly digests are not sent\n");
		return;
	}
	mail_cfg cfg;
	errs_t e = ERRS_INIT;
	if (!mail_cfg_load(&cfg, &e)) {
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "secstep: serve: %s: %s — weekly digests are not sent\n", e.where[i], e.what[i]);
		errs_free(&e);
		return;
	}
	sched.db_path = db_path;
	sched.cat = cat;
	sched.stop = false;
	if (pthread_create(&sched.thread, NULL, sched_main, NULL) == 0)
		sched.running = true;
}

void sched_stop(void)
{
	if (!sched.running)
		return;
	pthread_mutex_lock(&sched.lock);
	sched.stop = true;
	pthread_cond_broadcast(&sched.cond);
	pthread_mutex_unlock(&sched.lock);
	pthread_join(sched.thread, NULL);
	sched.running = false;
}
