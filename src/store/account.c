/* account.c — SQLite implementation of account.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/account.h"
#include "store/sqlite_int.h"

static const char *const role_ids[] = {NULL, "employee", "adviser", "officer", "owner"};

const char *member_role_id(member_role_t r) { return role_ids[r]; }

bool member_role_parse(const char *s, member_role_t *out)
{
	for (int i = 1; s && i < (int)ARRAY_LEN(role_ids); i++)
		if (strcmp(role_ids[i], s) == 0) {
			*out = (member_role_t)i;
			return true;
		}
	return false;
}

static void copy_col(char *dst, size_t n, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(dst, n, "%s", t ? (const char *)t : "");
}

static bool finish(store_t *s, sqlite3_stmt *st, int rc, errs_t *errs)
{
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_error(s, errs, "read");
		return false;
	}
	return true;
}

int store_account_count(store_t *s, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "SELECT count(*) FROM account", errs);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	finish(s, st, rc, errs);
	return n;
}

bool store_account_create(store_t *s, const char *login, const char *name, const char *pw_hash,
			  int64_t *id, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "INSERT INTO account (login, name, pw_hash) VALUES (?, ?, ?)", errs);
	if (!st)
		return false;
	bind_text(st, 1, login);
	bind_text(st, 2, name);
	bind_text(st, 3, pw_hash);
	if (!run(s, st, errs))
		return false;
	*id = sqlite3_last_insert_rowid(s->db);
	return true;
}

static bool account_row(store_t *s, sqlite3_stmt *st, account_t *out, errs_t *errs)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(st, 0);
		copy_col(out->login, sizeof out->login, st, 1);
		copy_col(out->name, sizeof out->name, st, 2);
		copy_col(out->pw_hash, sizeof out->pw_hash, st, 3);
	}
	finish(s, st, rc, errs);
	return rc == SQLITE_ROW;
}

bool store_account_by_login(store_t *s, const char *login, account_t *out, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "SELECT id, login, name, pw_hash FROM account WHERE login = ?", errs);
	if (!st)
		return false;
	bind_text(st, 1, login);
	return account_row(s, st, out, errs);
}

bool store_account_get(store_t *s, int64_t id, account_t *out, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "SELECT id, login, name, pw_hash FROM account WHERE id = ?", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, id);
	return account_row(s, st, out, errs);
}

member_role_t store_member_role(store_t *s, int64_t company, int64_t account, char *person_key,
				size_t keylen, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "SELECT role, person_key FROM membership WHERE company_id = ? AND account_id = ?", errs);
	if (!st)
		return ROLE_NONE;
	sqlite3_bind_int64(st, 1, company);
	sqlite3_bind_int64(st, 2, account);
	member_role_t r = ROLE_NONE;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		member_role_parse((const char *)sqlite3_column_text(st, 0), &r);
		if (person_key)
			copy_col(person_key, keylen, st, 1);
	}
	finish(s, st, rc, errs);
	return r;
}

bool store_member_set(store_t *s, int64_t company, int64_t account, member_role_t role,
		      const char *person_key, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "INSERT INTO membership (company_id, account_id, role, person_key) VALUES (?, ?, ?, ?) "
			       "ON CONFLICT (company_id, account_id) DO UPDATE SET role = excluded.role, "
			       "person_key = excluded.person_key", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, company);
	sqlite3_bind_int64(st, 2, account);
	bind_text(st, 3, member_role_id(role));
	bind_text(st, 4, person_key && *person_key ? person_key : NULL);
	return run(s, st, errs);
}

bool store_member_remove(store_t *s, int64_t company, int64_t account, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "DELETE FROM membership WHERE company_id = ? AND account_id = ?", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, company);
	sqlite3_bind_int64(st, 2, account);
	return run(s, st, errs);
}

bool store_memberships(store_t *s, int64_t account, membership_t **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = q(s, "SELECT m.company_id, m.role, m.person_key, c.name FROM membership m "
			       "JOIN company c ON c.id = m.company_id WHERE m.account_id = ? ORDER BY c.id", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, account);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		membership_t *m = &(*out)[(*n)++];
		m->company_id = sqlite3_column_int64(st, 0);
		m->role = ROLE_NONE;
		member_role_parse((const char *)sqlite3_column_text(st, 1), &m->role);
		copy_col(m->person_key, sizeof m->person_key, st, 2);
		copy_col(m->company_name, sizeof m->company_name, st, 3);
	}
	return finish(s, st, rc, errs);
}

bool store_members(store_t *s, int64_t company, member_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = q(s, "SELECT a.id, a.login, a.name, m.role, m.person_key FROM membership m "
			       "JOIN account a ON a.id = m.account_id WHERE m.company_id = ? ORDER BY a.id", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, company);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		member_row *m = &(*out)[(*n)++];
		m->account_id = sqlite3_column_int64(st, 0);
		copy_col(m->login, sizeof m->login, st, 1);
		copy_col(m->name, sizeof m->name, st, 2);
		m->role = ROLE_NONE;
		member_role_parse((const char *)sqlite3_column_text(st, 3), &m->role);
		copy_col(m->person_key, sizeof m->person_key, st, 4);
	}
	return finish(s, st, rc, errs);
}

bool store_session_create(store_t *s, const unsigned char hash[32], int64_t account, const char *csrf,
			  int64_t now, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "INSERT INTO session (token_hash, account_id, csrf, created_at, last_seen) "
			       "VALUES (?, ?, ?, ?, ?)", errs);
	if (!st)
		return false;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, account);
	bind_text(st, 3, csrf);
	sqlite3_bind_int64(st, 4, now);
	sqlite3_bind_int64(st, 5, now);
	return run(s, st, errs);
}

bool store_session_get(store_t *s, const unsigned char hash[32], int64_t *account, char csrf[80],
		       int64_t *created, int64_t *last_seen, char *name, size_t name_len, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "SELECT s.account_id, s.csrf, s.created_at, s.last_seen, a.name FROM session s "
			       "JOIN account a ON a.id = s.account_id WHERE s.token_hash = ?", errs);
	if (!st)
		return false;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*account = sqlite3_column_int64(st, 0);
		copy_col(csrf, 80, st, 1);
		*created = sqlite3_column_int64(st, 2);
		*last_seen = sqlite3_column_int64(st, 3);
		copy_col(name, name_len, st, 4);
	}
	finish(s, st, rc, errs);
	return rc == SQLITE_ROW;
}

bool store_session_touch(store_t *s, const unsigned char hash[32], int64_t now, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "UPDATE session SET last_seen = ? WHERE token_hash = ?", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_blob(st, 2, hash, 32, SQLITE_TRANSIENT);
	return run(s, st, errs);
}

bool store_session_delete(store_t *s, const unsigned char hash[32], errs_t *errs)
{
	sqlite3_stmt *st = q(s, "DELETE FROM session WHERE token_hash = ?", errs);
	if (!st)
		return false;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_TRANSIENT);
	return run(s, st, errs);
}

bool store_session_purge(store_t *s, int64_t older_than, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "DELETE FROM session WHERE last_seen < ?", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, older_than);
	return run(s, st, errs);
}

bool store_consult_add(store_t *s, int64_t company, const char *date, const char *partner,
		       const char *topic, const char *notes, const char *author, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "INSERT INTO consultation (company_id, date, partner, topic, notes, author) "
			       "VALUES (?, ?, ?, ?, ?, ?)", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, company);
	bind_text(st, 2, date);
	bind_text(st, 3, partner);
	bind_text(st, 4, topic);
	bind_text(st, 5, notes);
	bind_text(st, 6, author);
	return run(s, st, errs);
}

bool store_consult_update(store_t *s, int64_t company, int64_t id, const char *date, const char *partner,
			  const char *topic, const char *notes, bool *found, errs_t *errs)
{
	*found = false;
	sqlite3_stmt *st = q(s, "UPDATE consultation SET date = ?, partner = ?, topic = ?, notes = ? "
			       "WHERE company_id = ? AND id = ?", errs);
	if (!st)
		return false;
	bind_text(st, 1, date);
	bind_text(st, 2, partner);
	bind_text(st, 3, topic);
	bind_text(st, 4, notes);
	sqlite3_bind_int64(st, 5, company);
	sqlite3_bind_int64(st, 6, id);
	if (!run(s, st, errs))
		return false;
	*found = sqlite3_changes(s->db) > 0;
	return true;
}

bool store_consult_list(store_t *s, int64_t company, consult_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = q(s, "SELECT id, date, partner, topic, notes, author FROM consultation "
			       "WHERE company_id = ? ORDER BY date DESC, id DESC", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, company);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		consult_row *c = &(*out)[(*n)++];
		c->id = sqlite3_column_int64(st, 0);
		copy_col(c->date, sizeof c->date, st, 1);
		copy_col(c->partner, sizeof c->partner, st, 2);
		copy_col(c->topic, sizeof c->topic, st, 3);
		copy_col(c->notes, sizeof c->notes, st, 4);
		copy_col(c->author, sizeof c->author, st, 5);
	}
	return finish(s, st, rc, errs);
}

bool store_feed_add(store_t *s, int64_t company, const unsigned char hash[32], const char *person_key,
		    const char *label, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "INSERT INTO calendar_feed (company_id, token_hash, person_key, label) VALUES (?, ?, ?, ?)", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, company);
	sqlite3_bind_blob(st, 2, hash, 32, SQLITE_TRANSIENT);
	bind_text(st, 3, person_key && *person_key ? person_key : NULL);
	bind_text(st, 4, label);
	return run(s, st, errs);
}

bool store_feed_find(store_t *s, const unsigned char hash[32], int64_t *company, char *person_key,
		     size_t keylen, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "SELECT company_id, person_key FROM calendar_feed WHERE token_hash = ?", errs);
	if (!st)
		return false;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*company = sqlite3_column_int64(st, 0);
		copy_col(person_key, keylen, st, 1);
	}
	finish(s, st, rc, errs);
	return rc == SQLITE_ROW;
}

bool store_feed_list(store_t *s, int64_t company, feed_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = q(s, "SELECT id, person_key, label, created_at FROM calendar_feed WHERE company_id = ? ORDER BY id", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, company);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		feed_row *f = &(*out)[(*n)++];
		f->id = sqlite3_column_int64(st, 0);
		copy_col(f->person_key, sizeof f->person_key, st, 1);
		copy_col(f->label, sizeof f->label, st, 2);
		copy_col(f->created_at, sizeof f->created_at, st, 3);
	}
	return finish(s, st, rc, errs);
}

bool store_feed_revoke(store_t *s, int64_t company, int64_t id, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "DELETE FROM calendar_feed WHERE company_id = ? AND id = ?", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, company);
	sqlite3_bind_int64(st, 2, id);
	return run(s, st, errs);
}

bool store_token_add(store_t *s, int64_t account, const unsigned char hash[32], const char *label, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "INSERT INTO api_token (account_id, token_hash, label) VALUES (?, ?, ?)", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_blob(st, 2, hash, 32, SQLITE_TRANSIENT);
	bind_text(st, 3, label);
	return run(s, st, errs);
}

bool store_token_find(store_t *s, const unsigned char hash[32], int64_t *account, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "SELECT account_id FROM api_token WHERE token_hash = ?", errs);
	if (!st)
		return false;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*account = sqlite3_column_int64(st, 0);
	finish(s, st, rc, errs);
	return rc == SQLITE_ROW;
}

bool store_token_list(store_t *s, int64_t account, feed_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = q(s, "SELECT id, label, created_at FROM api_token WHERE account_id = ? ORDER BY id", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, account);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		feed_row *f = &(*out)[(*n)++];
		memset(f, 0, sizeof *f);
		f->id = sqlite3_column_int64(st, 0);
		copy_col(f->label, sizeof f->label, st, 1);
		copy_col(f->created_at, sizeof f->created_at, st, 2);
	}
	return finish(s, st, rc, errs);
}

bool store_token_revoke(store_t *s, int64_t account, int64_t id, errs_t *errs)
{
	sqlite3_stmt *st = q(s, "DELETE FROM api_token WHERE account_id = ? AND id = ?", errs);
	if (!st)
		return false;
	sqlite3_bind_int64(st, 1, account);
	sqlite3_bind_int64(st, 2, id);
	return run(s, st, errs);
}
