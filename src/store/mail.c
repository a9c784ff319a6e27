/* mail.c — mail records (mail.h), through the house database API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "store/db.h"
#include "store/mail.h"
#include "store/store_int.h"

bool store_mail_claim(store_t *s, const char *key, const char *kind, int64_t company, int64_t body, const char *person,
		      const char *rcpt, const char *week, int *attempts, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	/* A row comes back only when it was inserted, or taken over from a
	 * failed try: one caller wins, whatever the number of processes. */
	int64_t a = db_int1(s, errs, -1,
			    "INSERT INTO mail_sent (key, kind, company_id, body_id, person_key, rcpt, week, state, attempts, "
			    "claimed_at) VALUES (?, ?, nullif(?, 0), nullif(?, 0), ?, ?, ?, 'sending', 0, ?) "
			    "ON CONFLICT (key) DO UPDATE SET state = 'sending', claimed_at = excluded.claimed_at, "
			    "rcpt = excluded.rcpt WHERE mail_sent.state = 'failed' RETURNING attempts",
			    "ttiitttt", key, kind, company, body, person, rcpt, week, now);
	if (attempts)
		*attempts = a < 0 ? 0 : (int)a;
	return a >= 0;
}

bool store_mail_sent(store_t *s, const char *key, int64_t audit_upto, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	return db_exec(s, errs,
		       "UPDATE mail_sent SET state = 'sent', sent_at = ?, audit_upto = ?, attempts = attempts + 1, "
		       "error = NULL WHERE key = ?",
		       "tit", now, audit_upto, key);
}

bool store_mail_failed(store_t *s, const char *key, int attempts, const char *error, errs_t *errs)
{
	return db_exec(s, errs, "UPDATE mail_sent SET state = 'failed', attempts = attempts + ?, error = ? WHERE key = ?",
		       "dtt", attempts, error, key);
}

bool store_mail_was_sent(store_t *s, const char *key, errs_t *errs)
{
	return db_int1(s, errs, 0, "SELECT 1 FROM mail_sent WHERE key = ? AND state = 'sent'", "t", key) == 1;
}

int64_t store_mail_last_upto(store_t *s, int64_t company, const char *person, errs_t *errs)
{
	return db_int1(s, errs, 0,
		       "SELECT coalesce(max(audit_upto), 0) FROM mail_sent WHERE company_id = ? AND person_key = ? "
		       "AND kind = 'digest' AND state = 'sent'",
		       "it", company, person);
}

int64_t store_audit_last_id(store_t *s, int64_t company, errs_t *errs)
{
	return db_int1(s, errs, 0, "SELECT coalesce(max(id), 0) FROM audit WHERE company_id = ?", "i", company);
}

bool store_mail_failures(store_t *s, size_t limit, mail_failure **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs,
			   "SELECT key, rcpt, claimed_at, attempts, coalesce(error, '') FROM mail_sent WHERE state = 'failed' "
			   "ORDER BY claimed_at DESC, key LIMIT ?",
			   "i", (int64_t)limit);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		mail_failure *f = &(*out)[(*n)++];
		store_copy(f->key, sizeof f->key, db_str(st, 0));
		store_copy(f->rcpt, sizeof f->rcpt, db_str(st, 1));
		store_copy(f->at, sizeof f->at, db_str(st, 2));
		f->attempts = (int)db_int(st, 3);
		store_copy(f->error, sizeof f->error, db_str(st, 4));
	}
	return db_end(st, errs);
}

bool store_mail_token_add(store_t *s, const char *hash_hex, const char *addr, const char *kind, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	return db_exec(s, errs, "INSERT INTO mail_token (token_hash, addr, kind, created_at) VALUES (?, ?, ?, ?)", "tttt",
		       hash_hex, addr, kind, now);
}

bool store_mail_token_find(store_t *s, const char *hash_hex, char addr[256], char kind[16], errs_t *errs)
{
	db_stmt *st = db_q(s, errs, "SELECT addr, kind FROM mail_token WHERE token_hash = ?", "t", hash_hex);
	if (!st)
		return false;
	bool found = false;
	if (db_row(st)) {
		store_copy(addr, 256, db_str(st, 0));
		store_copy(kind, 16, db_str(st, 1));
		found = true;
	}
	return db_end(st, errs) && found;
}

/* Addresses are compared in lower case. */
static void addr_key(const char *addr, char out[256])
{
	store_copy(out, 256, addr);
	for (char *p = out; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
}

bool store_mail_optout(store_t *s, const char *addr, const char *kind, errs_t *errs)
{
	char now[21], k[256];
	db_now_iso(now);
	addr_key(addr, k);
	return db_exec(s, errs, "INSERT INTO mail_optout (addr, kind, at) VALUES (?, ?, ?) ON CONFLICT (addr, kind) DO NOTHING",
		       "ttt", k, kind, now);
}

bool store_mail_opted_out(store_t *s, const char *addr, const char *kind, errs_t *errs)
{
	char k[256];
	addr_key(addr, k);
	return db_int1(s, errs, 0, "SELECT 1 FROM mail_optout WHERE addr = ? AND kind = ?", "tt", k, kind) == 1;
}

bool store_schedule_get(store_t *s, int64_t company, digest_schedule *out, errs_t *errs)
{
	out->day = 1;
	out->hour = 8;
	memcpy(out->lang, "ja", 3);
	db_stmt *st = db_q(s, errs, "SELECT day, hour, lang FROM digest_schedule WHERE company_id = ?", "i", company);
	if (!st)
		return false;
	if (db_row(st)) {
		out->day = (int)db_int(st, 0);
		out->hour = (int)db_int(st, 1);
		memcpy(out->lang, !strcmp(db_str(st, 2), "en") ? "en" : "ja", 3);
	}
	return db_end(st, errs);
}

bool store_schedule_set(store_t *s, int64_t company, const digest_schedule *sc, errs_t *errs)
{
	return db_exec(s, errs,
		       "INSERT INTO digest_schedule (company_id, day, hour, lang) VALUES (?, ?, ?, ?) "
		       "ON CONFLICT (company_id) DO UPDATE SET day = excluded.day, hour = excluded.hour, lang = excluded.lang",
		       "iddt", company, sc->day, sc->hour, sc->lang);
}

bool store_job_claim(store_t *s, const char *job, const char *week, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	return db_int1(s, errs, 0,
		       "INSERT INTO mail_job (job, week, claimed_at) VALUES (?, ?, ?) "
		       "ON CONFLICT (job) DO UPDATE SET week = excluded.week, claimed_at = excluded.claimed_at "
		       "WHERE mail_job.week <> excluded.week RETURNING 1",
		       "ttt", job, week, now) == 1;
}

bool store_job_week(store_t *s, const char *job, char week[16], errs_t *errs)
{
	week[0] = '\0';
	char *w = db_text1(s, errs, "SELECT week FROM mail_job WHERE job = ?", "t", job);
	if (w)
		store_copy(week, 16, w);
	free(w);
	return !errs->n;
}

bool store_mail_retry_due(store_t *s, const char *week, int64_t now, int64_t **ids, size_t *n, errs_t *errs)
{
	*ids = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs,
			   "SELECT company_id, attempts, claimed_at FROM mail_sent WHERE kind = 'digest' AND week = ? "
			   "AND state = 'failed' AND attempts < 15 ORDER BY company_id",
			   "t", week);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		int64_t company = db_int(st, 0);
		int attempts = (int)db_int(st, 1);
		struct tm tm;
		memset(&tm, 0, sizeof tm);
		const char *at = db_str(st, 2);
		if (sscanf(at, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
			continue;
		tm.tm_year -= 1900;
		tm.tm_mon -= 1;
		int64_t when = (int64_t)timegm(&tm) + ((int64_t)60 << (attempts < 12 ? attempts : 12));
		if (when > now || (*n && (*ids)[*n - 1] == company))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*ids = xrealloc(*ids, cap * sizeof **ids);
		}
		(*ids)[(*n)++] = company;
	}
	return db_end(st, errs);
}

int64_t store_audit_count_since(store_t *s, int64_t company, const char *day, errs_t *errs)
{
	return db_int1(s, errs, 0, "SELECT count(*) FROM audit WHERE company_id = ? AND at >= ? AND action NOT LIKE 'digest.%'",
		       "it", company, day);
}
