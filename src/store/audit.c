/* audit.c — the audit log, the consultation log and calendar feeds
 * (account.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/account.h"
#include "store/db.h"
#include "store/store_int.h"

/* ---- audit ---- */

bool store_audit_add(store_t *s, const audit_row *a, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	return db_exec(s, errs,
		       "INSERT INTO audit (at, actor, account_id, company_id, body_id, action, target, detail, ip) "
		       "VALUES (?, ?, nullif(?, 0), nullif(?, 0), nullif(?, 0), ?, ?, ?, ?)",
		       "ttiiittt" "t", a->at[0] ? a->at : now, a->actor ? a->actor : "-", a->account_id, a->company_id,
		       a->body_id, a->action, a->target, a->detail, a->ip);
}

bool store_audit_list(store_t *s, int64_t company, int64_t after_id, size_t limit, arena_t *ar, audit_row **out,
		      size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs,
			   "SELECT id, at, actor, coalesce(account_id, 0), coalesce(company_id, 0), coalesce(body_id, 0), "
			   "action, target, detail, ip FROM audit "
			   "WHERE (? = 0 OR company_id = ?) AND id > ? ORDER BY id LIMIT ?",
			   "iiii", company, company, after_id, limit ? (int64_t)limit : (int64_t)INT64_MAX);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		audit_row *a = &(*out)[(*n)++];
		memset(a, 0, sizeof *a);
		a->id = db_int(st, 0);
		store_copy(a->at, sizeof a->at, db_str(st, 1));
		a->actor = arena_strdup(ar, db_str(st, 2));
		a->account_id = db_int(st, 3);
		a->company_id = db_int(st, 4);
		a->body_id = db_int(st, 5);
		a->action = arena_strdup(ar, db_str(st, 6));
		a->target = db_text(st, 7) ? arena_strdup(ar, db_text(st, 7)) : NULL;
		a->detail = db_text(st, 8) ? arena_strdup(ar, db_text(st, 8)) : NULL;
		a->ip = db_text(st, 9) ? arena_strdup(ar, db_text(st, 9)) : NULL;
	}
	return db_end(st, errs);
}

/* ---- consultations ---- */

bool store_consult_add(store_t *s, int64_t company, const char *date, const char *partner, const char *topic,
		       const char *notes, const char *author, bool advice, errs_t *errs)
{
	return db_exec(s, errs,
		       "INSERT INTO consultation (company_id, date, partner, topic, notes, author, advice) "
		       "VALUES (?, ?, ?, ?, ?, ?, ?)",
		       "itttttd", company, date, partner, topic, notes, author, advice ? 1 : 0);
}

bool store_consult_update(store_t *s, int64_t company, int64_t id, const char *date, const char *partner,
			  const char *topic, const char *notes, bool *found, errs_t *errs)
{
	*found = false;
	if (!db_exec(s, errs, "UPDATE consultation SET date = ?, partner = ?, topic = ?, notes = ? WHERE company_id = ? AND id = ?",
		     "ttttii", date, partner, topic, notes, company, id))
		return false;
	*found = db_changes(s) > 0;
	return true;
}

bool store_consult_list(store_t *s, int64_t company, arena_t *ar, consult_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs,
			   "SELECT id, date, partner, topic, notes, author, advice FROM consultation "
			   "WHERE company_id = ? ORDER BY date DESC, id DESC",
			   "i", company);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		consult_row *c = &(*out)[(*n)++];
		c->id = db_int(st, 0);
		c->date = arena_strdup(ar, db_str(st, 1));
		c->partner = arena_strdup(ar, db_str(st, 2));
		c->topic = arena_strdup(ar, db_str(st, 3));
		c->notes = arena_strdup(ar, db_str(st, 4));
		c->author = arena_strdup(ar, db_str(st, 5));
		c->advice = db_int(st, 6) != 0;
	}
	return db_end(st, errs);
}

/* ---- calendar feeds ---- */

bool store_feed_add(store_t *s, int64_t company, const unsigned char hash[32], const char *person_key,
		    const char *label, errs_t *errs)
{
	return db_exec(s, errs, "INSERT INTO calendar_feed (company_id, token_hash, person_key, label) VALUES (?, ?, ?, ?)",
		       "ibtt", company, hash, (size_t)32, person_key && *person_key ? person_key : NULL, label);
}

bool store_feed_find(store_t *s, const unsigned char hash[32], int64_t *company, char *person_key,
		     size_t keylen, errs_t *errs)
{
	db_stmt *st = db_q(s, errs, "SELECT company_id, person_key FROM calendar_feed WHERE token_hash = ?", "b", hash,
			   (size_t)32);
	if (!st)
		return false;
	bool found = db_row(st);
	if (found) {
		*company = db_int(st, 0);
		store_copy(person_key, keylen, db_str(st, 1));
	}
	return db_end(st, errs) && found;
}

bool store_feed_list(store_t *s, int64_t company, feed_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs,
			   "SELECT id, person_key, label, created_at FROM calendar_feed WHERE company_id = ? ORDER BY id",
			   "i", company);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		feed_row *f = &(*out)[(*n)++];
		memset(f, 0, sizeof *f);
		f->id = db_int(st, 0);
		store_copy(f->person_key, sizeof f->person_key, db_str(st, 1));
		store_copy(f->label, sizeof f->label, db_str(st, 2));
		store_copy(f->created_at, sizeof f->created_at, db_str(st, 3));
	}
	return db_end(st, errs);
}

bool store_feed_revoke(store_t *s, int64_t company, int64_t id, bool *found, errs_t *errs)
{
	bool ok = db_exec(s, errs, "DELETE FROM calendar_feed WHERE company_id = ? AND id = ?", "ii", company, id);
	*found = ok && db_changes(s) > 0;
	return ok;
}
