/* account.c — accounts, sessions, API tokens and sign-in throttling
 * (account.h), over the house database API. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/account.h"
#include "store/db.h"
#include "store/store_int.h"

static const char *const role_ids[] = {NULL, "employee", "adviser", "officer", "owner"};

const char *member_role_id(member_role_t r)
{
	return r > ROLE_NONE && r <= ROLE_OWNER ? role_ids[r] : NULL;
}

bool member_role_parse(const char *s, member_role_t *out)
{
	for (int i = 1; s && i < (int)ARRAY_LEN(role_ids); i++)
		if (strcmp(role_ids[i], s) == 0) {
			*out = (member_role_t)i;
			return true;
		}
	return false;
}

void store_copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
	utf8_trim_partial(dst);
}

void store_login_key(const char *login, char *out)
{
	size_t i = 0;
	for (; login[i]; i++)
		out[i] = (char)(login[i] >= 'A' && login[i] <= 'Z' ? login[i] + 32 : login[i]);
	out[i] = '\0';
}

/* ---- accounts ---- */

#define ACCOUNT_COLS "id, login, name, pw_hash, admin, disabled, created_at, coalesce(last_login, '')"

static void account_read(db_stmt *st, account_t *a)
{
	memset(a, 0, sizeof *a);
	a->id = db_int(st, 0);
	store_copy(a->login, sizeof a->login, db_str(st, 1));
	store_copy(a->name, sizeof a->name, db_str(st, 2));
	store_copy(a->pw_hash, sizeof a->pw_hash, db_str(st, 3));
	a->admin = db_int(st, 4) != 0;
	a->disabled = db_int(st, 5) != 0;
	store_copy(a->created_at, sizeof a->created_at, db_str(st, 6));
	store_copy(a->last_login, sizeof a->last_login, db_str(st, 7));
}

int store_account_count(store_t *s, errs_t *errs)
{
	return (int)db_int1(s, errs, -1, "SELECT count(*) FROM account", "");
}

int store_admin_count(store_t *s, errs_t *errs)
{
	return (int)db_int1(s, errs, -1, "SELECT count(*) FROM account WHERE admin = 1 AND disabled = 0", "");
}

bool store_account_create(store_t *s, const char *login, const char *name, const char *pw_hash, bool admin,
			  int64_t *id, bool *taken, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	char *key = xmalloc(strlen(login) + 1);
	store_login_key(login, key);
	*taken = false;
	*id = db_int1(s, errs, -1,
		      "INSERT INTO account (login, login_key, name, pw_hash, admin, created_at) "
		      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
		      "ttttdt", login, key, name, pw_hash, admin ? 1 : 0, now);
	free(key);
	if (*id < 0) {
		*taken = db_constraint_failed(s);
		return false;
	}
	return true;
}

static bool account_one(db_stmt *st, account_t *out, errs_t *errs)
{
	if (!st)
		return false;
	bool found = db_row(st);
	if (found)
		account_read(st, out);
	return db_end(st, errs) && found;
}

bool store_account_by_login(store_t *s, const char *login, account_t *out, errs_t *errs)
{
	char *key = xmalloc(strlen(login) + 1);
	store_login_key(login, key);
	bool found = account_one(db_q(s, errs, "SELECT " ACCOUNT_COLS " FROM account WHERE login_key = ?", "t", key),
				 out, errs);
	free(key);
	return found;
}

bool store_account_get(store_t *s, int64_t id, account_t *out, errs_t *errs)
{
	return account_one(db_q(s, errs, "SELECT " ACCOUNT_COLS " FROM account WHERE id = ?", "i", id), out, errs);
}

bool store_account_list(store_t *s, account_t **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs, "SELECT " ACCOUNT_COLS " FROM account ORDER BY id", "");
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		account_read(st, &(*out)[(*n)++]);
	}
	return db_end(st, errs);
}

bool store_account_set_password(store_t *s, int64_t id, const char *pw_hash, errs_t *errs)
{
	return db_exec(s, errs, "UPDATE account SET pw_hash = ? WHERE id = ?", "ti", pw_hash, id);
}

bool store_account_set_name(store_t *s, int64_t id, const char *name, errs_t *errs)
{
	return db_exec(s, errs, "UPDATE account SET name = ? WHERE id = ?", "ti", name, id);
}

bool store_account_set_admin(store_t *s, int64_t id, bool admin, errs_t *errs)
{
	return db_exec(s, errs, "UPDATE account SET admin = ? WHERE id = ?", "di", admin ? 1 : 0, id);
}

bool store_account_set_disabled(store_t *s, int64_t id, bool disabled, errs_t *errs)
{
	if (!store_begin(s, errs))
		return false;
	bool ok = db_exec(s, errs, "UPDATE account SET disabled = ? WHERE id = ?", "di", disabled ? 1 : 0, id) &&
		  (!disabled || db_exec(s, errs, "DELETE FROM session WHERE account_id = ?", "i", id));
	if (!ok) {
		store_rollback(s);
		return false;
	}
	return store_commit(s, errs);
}

bool store_account_touch_login(store_t *s, int64_t id, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	return db_exec(s, errs, "UPDATE account SET last_login = ? WHERE id = ?", "ti", now, id);
}

/* ---- sessions ---- */

bool store_session_create(store_t *s, const unsigned char hash[32], int64_t account, const char *csrf,
			  int64_t now, const char *ip, const char *agent, errs_t *errs)
{
	return db_exec(s, errs,
		       "INSERT INTO session (token_hash, account_id, csrf, created_at, last_seen, ip, agent) "
		       "VALUES (?, ?, ?, ?, ?, ?, ?)",
		       "bitiitt", hash, (size_t)32, account, csrf, now, now, ip, agent);
}

/* A session and its account from columns 0-7 (id, account, csrf, created,
 * last seen, name, login, admin). */
static void session_from_row(db_stmt *st, session_row *out)
{
	memset(out, 0, sizeof *out);
	out->id = db_int(st, 0);
	out->account = db_int(st, 1);
	store_copy(out->csrf, sizeof out->csrf, db_str(st, 2));
	out->created = db_int(st, 3);
	out->last_seen = db_int(st, 4);
	store_copy(out->name, sizeof out->name, db_str(st, 5));
	store_copy(out->login, sizeof out->login, db_str(st, 6));
	out->admin = db_int(st, 7) != 0;
}

bool store_session_get(store_t *s, const unsigned char hash[32], session_row *out, errs_t *errs)
{
	db_stmt *st = db_q(s, errs,
			   "SELECT s.id, s.account_id, s.csrf, s.created_at, s.last_seen, a.name, a.login, a.admin "
			   "FROM session s JOIN account a ON a.id = s.account_id "
			   "WHERE s.token_hash = ? AND a.disabled = 0",
			   "b", hash, (size_t)32);
	if (!st)
		return false;
	bool found = db_row(st);
	if (found)
		session_from_row(st, out);
	return db_end(st, errs) && found;
}

bool store_session_relation(store_t *s, const unsigned char hash[32], int64_t company, session_row *sess, relation_t *rel,
			    errs_t *errs)
{
	/* the company joined on its id: NULLs when there is none */
	db_stmt *st = db_q(s, errs,
			   "SELECT s.id, s.account_id, s.csrf, s.created_at, s.last_seen, a.name, a.login, a.admin, "
			   RELATION_COLS("s.account_id")
			   "FROM session s JOIN account a ON a.id = s.account_id "
			   "LEFT JOIN company c ON c.id = ? " RELATION_JOIN("s.account_id")
			   "WHERE s.token_hash = ? AND a.disabled = 0",
			   "ib", company, hash, (size_t)32);
	if (!st)
		return false;
	bool found = db_row(st);
	if (found) {
		session_from_row(st, sess);
		relation_from_row(st, 8, rel);
	}
	return db_end(st, errs) && found;
}

bool store_session_touch(store_t *s, const unsigned char hash[32], int64_t now, errs_t *errs)
{
	return db_exec(s, errs, "UPDATE session SET last_seen = ? WHERE token_hash = ?", "ib", now, hash, (size_t)32);
}

bool store_session_delete(store_t *s, const unsigned char hash[32], errs_t *errs)
{
	return db_exec(s, errs, "DELETE FROM session WHERE token_hash = ?", "b", hash, (size_t)32);
}

bool store_session_purge(store_t *s, int64_t older_than, errs_t *errs)
{
	return db_exec(s, errs, "DELETE FROM session WHERE last_seen < ?", "i", older_than);
}

bool store_session_list(store_t *s, int64_t account, const unsigned char *current, session_row **out,
			size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	static const unsigned char none[32];
	db_stmt *st = db_q(s, errs,
			   "SELECT id, created_at, last_seen, coalesce(ip, ''), coalesce(agent, ''), "
			   "CASE WHEN token_hash = ? THEN 1 ELSE 0 END "
			   "FROM session WHERE account_id = ? ORDER BY last_seen DESC, id DESC",
			   "bi", current ? current : none, (size_t)32, account);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		session_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = db_int(st, 0);
		r->account = account;
		r->created = db_int(st, 1);
		r->last_seen = db_int(st, 2);
		store_copy(r->ip, sizeof r->ip, db_str(st, 3));
		store_copy(r->agent, sizeof r->agent, db_str(st, 4));
		r->current = db_int(st, 5) != 0;
	}
	return db_end(st, errs);
}

bool store_session_end(store_t *s, int64_t account, int64_t id, bool *found, errs_t *errs)
{
	bool ok = db_exec(s, errs, "DELETE FROM session WHERE account_id = ? AND id = ?", "ii", account, id);
	*found = ok && db_changes(s) > 0;
	return ok;
}

bool store_session_end_others(store_t *s, int64_t account, const unsigned char *keep, errs_t *errs)
{
	static const unsigned char none[32];
	return db_exec(s, errs, "DELETE FROM session WHERE account_id = ? AND token_hash <> ?", "ib", account,
		       keep ? keep : none, (size_t)32);
}

/* ---- API tokens ---- */

bool store_token_add(store_t *s, int64_t account, const unsigned char hash[32], const char *label, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	return db_exec(s, errs, "INSERT INTO api_token (account_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)",
		       "ibtt", account, hash, (size_t)32, label, now);
}

bool store_token_find(store_t *s, const unsigned char hash[32], int64_t *account, errs_t *errs)
{
	*account = db_int1(s, errs, 0,
			   "SELECT t.account_id FROM api_token t JOIN account a ON a.id = t.account_id "
			   "WHERE t.token_hash = ? AND a.disabled = 0",
			   "b", hash, (size_t)32);
	return *account > 0;
}

bool store_token_list(store_t *s, int64_t account, token_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs, "SELECT id, label, created_at FROM api_token WHERE account_id = ? ORDER BY id", "i",
			   account);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		token_row *t = &(*out)[(*n)++];
		t->id = db_int(st, 0);
		store_copy(t->label, sizeof t->label, db_str(st, 1));
		store_copy(t->created_at, sizeof t->created_at, db_str(st, 2));
	}
	return db_end(st, errs);
}

bool store_token_revoke(store_t *s, int64_t account, int64_t id, bool *found, errs_t *errs)
{
	bool ok = db_exec(s, errs, "DELETE FROM api_token WHERE account_id = ? AND id = ?", "ii", account, id);
	*found = ok && db_changes(s) > 0;
	return ok;
}

/* ---- throttling ---- */

int64_t store_throttle_wait(store_t *s, const char *key, int64_t now, errs_t *errs)
{
	int64_t until = db_int1(s, errs, 0, "SELECT locked_until FROM throttle WHERE key = ?", "t", key);
	if (errs->n)
		return -1;
	return until > now ? until - now : 0;
}

bool store_throttle_fail(store_t *s, const char *key, int64_t now, int limit, int64_t window, int64_t lock,
			 errs_t *errs)
{
	if (!store_begin(s, errs))
		return false;
	/* Old entries go first (by their last failure), so the table stays
	 * small whatever is tried; a failure long after the last one starts
	 * the count again. */
	bool ok = db_exec(s, errs, "DELETE FROM throttle WHERE last_fail < ? AND locked_until < ?", "ii",
			  now - window, now) &&
		  db_exec(s, errs,
			  "INSERT INTO throttle (key, failures, last_fail, locked_until) VALUES (?, 1, ?, 0) "
			  "ON CONFLICT (key) DO UPDATE SET failures = throttle.failures + 1, last_fail = excluded.last_fail",
			  "ti", key, now) &&
		  db_exec(s, errs,
			  "UPDATE throttle SET locked_until = ?, failures = 0 WHERE key = ? AND failures >= ?", "itd",
			  now + lock, key, limit);
	if (!ok) {
		store_rollback(s);
		return false;
	}
	return store_commit(s, errs);
}

bool store_throttle_clear(store_t *s, const char *key, errs_t *errs)
{
	return db_exec(s, errs, "DELETE FROM throttle WHERE key = ?", "t", key);
}
