/* relation.c — how accounts reach companies (account.h): memberships,
 * support bodies with their advisers and the companies they look after,
 * and invitations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "store/account.h"
#include "store/db.h"
#include "store/store_int.h"

/* ---- relations ---- */

void relation_from_row(db_stmt *st, int col, relation_t *out)
{
	memset(out, 0, sizeof *out);
	out->version = -1;
	if (db_null(st, col))   /* no such company */
		return;
	out->exists = true;
	out->version = db_int(st, col);
	member_role_t r = ROLE_NONE;
	if (member_role_parse(db_text(st, col + 1), &r) && r != ROLE_ADVISER) {
		out->role = r;
		store_copy(out->person_key, sizeof out->person_key, db_str(st, col + 2));
	}
	if (db_int(st, col + 3) && out->role < ROLE_ADVISER) {
		out->role = ROLE_ADVISER;
		out->person_key[0] = '\0';
	}
	out->audit_last = db_null(st, col + 4) ? 0 : db_int(st, col + 4);
}

bool store_relation(store_t *s, int64_t company, int64_t account, relation_t *out, errs_t *errs)
{
	memset(out, 0, sizeof *out);
	out->version = -1;
	db_stmt *st = db_q(s, errs, "SELECT " RELATION_COLS("?") "FROM company c " RELATION_JOIN("?") "WHERE c.id = ?", "iii",
			   account, account, company);
	if (!st)
		return false;
	if (db_row(st))
		relation_from_row(st, 0, out);
	return db_end(st, errs);
}

bool store_memberships(store_t *s, int64_t account, membership_t **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	/* Memberships and the companies of the account's bodies, in id order;
	 * a company reached both ways appears once, with the stronger. */
	db_stmt *st = db_q(s, errs,
			   "SELECT c.id, c.name, m.role, m.person_key, "
			   "  (SELECT min(bc.body_id) FROM body_company bc JOIN body_adviser ba ON ba.body_id = bc.body_id "
			   "   WHERE bc.company_id = c.id AND ba.account_id = ?) "
			   "FROM company c LEFT JOIN membership m ON m.company_id = c.id AND m.account_id = ? "
			   "WHERE m.account_id IS NOT NULL OR EXISTS (SELECT 1 FROM body_company bc "
			   "  JOIN body_adviser ba ON ba.body_id = bc.body_id WHERE bc.company_id = c.id AND ba.account_id = ?) "
			   "ORDER BY c.id",
			   "iii", account, account, account);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		membership_t *m = &(*out)[(*n)++];
		memset(m, 0, sizeof *m);
		m->company_id = db_int(st, 0);
		store_copy(m->company_name, sizeof m->company_name, db_str(st, 1));
		member_role_t r = ROLE_NONE;
		if (member_role_parse(db_text(st, 2), &r) && r != ROLE_ADVISER) {
			m->role = r;
			store_copy(m->person_key, sizeof m->person_key, db_str(st, 3));
		}
		if (!db_null(st, 4) && m->role < ROLE_ADVISER) {
			m->role = ROLE_ADVISER;
			m->body_id = db_int(st, 4);
			m->person_key[0] = '\0';
		}
	}
	return db_end(st, errs);
}

bool store_member_set(store_t *s, int64_t company, int64_t account, member_role_t role,
		      const char *person_key, errs_t *errs)
{
	if (role != ROLE_OWNER && role != ROLE_OFFICER && role != ROLE_EMPLOYEE)
		panic("store_member_set: role %d is not a membership", (int)role);
	return db_exec(s, errs,
		       "INSERT INTO membership (company_id, account_id, role, person_key) VALUES (?, ?, ?, ?) "
		       "ON CONFLICT (company_id, account_id) DO UPDATE SET role = excluded.role, "
		       "person_key = excluded.person_key",
		       "iitt", company, account, member_role_id(role), person_key && *person_key ? person_key : NULL);
}

bool store_member_remove(store_t *s, int64_t company, int64_t account, errs_t *errs)
{
	return db_exec(s, errs, "DELETE FROM membership WHERE company_id = ? AND account_id = ?", "ii", company,
		       account);
}

int store_owner_count(store_t *s, int64_t company, errs_t *errs)
{
	return (int)db_int1(s, errs, -1,
			    "SELECT count(*) FROM membership m JOIN account a ON a.id = m.account_id "
			    "WHERE m.company_id = ? AND m.role = 'owner'",
			    "i", company);
}

bool store_members(store_t *s, int64_t company, member_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs,
			   "SELECT a.id, a.login, a.name, m.role, m.person_key, a.disabled, a.admin, "
			   "  (SELECT count(*) FROM membership o WHERE o.account_id = a.id AND o.company_id <> m.company_id) + "
			   "  (SELECT count(*) FROM body_adviser ba WHERE ba.account_id = a.id) "
			   "FROM membership m JOIN account a ON a.id = m.account_id "
			   "WHERE m.company_id = ? AND m.role <> 'adviser' ORDER BY a.id",
			   "i", company);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		member_row *m = &(*out)[(*n)++];
		memset(m, 0, sizeof *m);
		m->account_id = db_int(st, 0);
		store_copy(m->login, sizeof m->login, db_str(st, 1));
		store_copy(m->name, sizeof m->name, db_str(st, 2));
		member_role_parse(db_text(st, 3), &m->role);
		store_copy(m->person_key, sizeof m->person_key, db_str(st, 4));
		m->disabled = db_int(st, 5) != 0;
		m->admin = db_int(st, 6) != 0;
		m->others = (int)db_int(st, 7);
	}
	return db_end(st, errs);
}

/* ---- support bodies ---- */

#define BODY_COLS "b.id, b.name, b.created_at, " \
	"(SELECT count(*) FROM body_adviser x WHERE x.body_id = b.id), " \
	"(SELECT count(*) FROM body_company y WHERE y.body_id = b.id)"

static void body_read(db_stmt *st, body_row *b)
{
	memset(b, 0, sizeof *b);
	b->id = db_int(st, 0);
	store_copy(b->name, sizeof b->name, db_str(st, 1));
	store_copy(b->created_at, sizeof b->created_at, db_str(st, 2));
	b->advisers = (int)db_int(st, 3);
	b->companies = (int)db_int(st, 4);
}

static bool body_rows(db_stmt *st, body_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		body_read(st, &(*out)[(*n)++]);
	}
	return db_end(st, errs);
}

bool store_body_create(store_t *s, const char *name, int64_t *id, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	*id = db_int1(s, errs, -1, "INSERT INTO body (name, created_at) VALUES (?, ?) RETURNING id", "tt", name, now);
	return *id > 0;
}

bool store_body_get(store_t *s, int64_t id, body_row *out, errs_t *errs)
{
	db_stmt *st = db_q(s, errs, "SELECT " BODY_COLS " FROM body b WHERE b.id = ?", "i", id);
	if (!st)
		return false;
	bool found = db_row(st);
	if (found)
		body_read(st, out);
	return db_end(st, errs) && found;
}

bool store_body_list(store_t *s, body_row **out, size_t *n, errs_t *errs)
{
	return body_rows(db_q(s, errs, "SELECT " BODY_COLS " FROM body b ORDER BY b.id", ""), out, n, errs);
}

bool store_bodies_of(store_t *s, int64_t account, body_row **out, size_t *n, errs_t *errs)
{
	return body_rows(db_q(s, errs,
			      "SELECT " BODY_COLS " FROM body b JOIN body_adviser ba ON ba.body_id = b.id "
			      "WHERE ba.account_id = ? ORDER BY b.id",
			      "i", account),
			 out, n, errs);
}

bool store_company_bodies(store_t *s, int64_t company, body_row **out, size_t *n, errs_t *errs)
{
	return body_rows(db_q(s, errs,
			      "SELECT " BODY_COLS " FROM body b JOIN body_company bc ON bc.body_id = b.id "
			      "WHERE bc.company_id = ? ORDER BY b.id",
			      "i", company),
			 out, n, errs);
}

bool store_body_is_adviser(store_t *s, int64_t body, int64_t account, errs_t *errs)
{
	return db_int1(s, errs, 0,
		       "SELECT 1 FROM body_adviser ba JOIN account a ON a.id = ba.account_id "
		       "WHERE ba.body_id = ? AND ba.account_id = ? AND a.disabled = 0",
		       "ii", body, account) == 1;
}

bool store_body_adviser_add(store_t *s, int64_t body, int64_t account, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	return db_exec(s, errs,
		       "INSERT INTO body_adviser (body_id, account_id, since) VALUES (?, ?, ?) "
		       "ON CONFLICT (body_id, account_id) DO NOTHING",
		       "iit", body, account, now);
}

bool store_body_adviser_remove(store_t *s, int64_t body, int64_t account, bool *found, errs_t *errs)
{
	bool ok = db_exec(s, errs, "DELETE FROM body_adviser WHERE body_id = ? AND account_id = ?", "ii", body, account);
	*found = ok && db_changes(s) > 0;
	return ok;
}

bool store_body_advisers(store_t *s, int64_t body, member_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs,
			   "SELECT a.id, a.login, a.name, a.disabled FROM body_adviser ba JOIN account a ON a.id = ba.account_id "
			   "WHERE ba.body_id = ? ORDER BY a.id",
			   "i", body);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		member_row *m = &(*out)[(*n)++];
		memset(m, 0, sizeof *m);
		m->account_id = db_int(st, 0);
		store_copy(m->login, sizeof m->login, db_str(st, 1));
		store_copy(m->name, sizeof m->name, db_str(st, 2));
		m->role = ROLE_ADVISER;
		m->disabled = db_int(st, 3) != 0;
	}
	return db_end(st, errs);
}

bool store_body_company_add(store_t *s, int64_t body, int64_t company, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	return db_exec(s, errs,
		       "INSERT INTO body_company (body_id, company_id, since) VALUES (?, ?, ?) "
		       "ON CONFLICT (body_id, company_id) DO NOTHING",
		       "iit", body, company, now);
}

bool store_body_company_remove(store_t *s, int64_t body, int64_t company, bool *found, errs_t *errs)
{
	bool ok = db_exec(s, errs, "DELETE FROM body_company WHERE body_id = ? AND company_id = ?", "ii", body, company);
	*found = ok && db_changes(s) > 0;
	return ok;
}

bool store_body_companies(store_t *s, int64_t body, body_company_row **out, size_t *n, errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs,
			   "SELECT c.id, c.name, c.industry, c.employees, bc.since, c.updated_at "
			   "FROM body_company bc JOIN company c ON c.id = bc.company_id WHERE bc.body_id = ? ORDER BY c.id",
			   "i", body);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		body_company_row *c = &(*out)[(*n)++];
		memset(c, 0, sizeof *c);
		c->id = db_int(st, 0);
		store_copy(c->name, sizeof c->name, db_str(st, 1));
		store_copy(c->industry, sizeof c->industry, db_str(st, 2));
		c->employees = (int)db_int(st, 3);
		store_copy(c->since, sizeof c->since, db_str(st, 4));
		store_copy(c->updated_at, sizeof c->updated_at, db_str(st, 5));
	}
	return db_end(st, errs);
}

/* ---- invitations ---- */

static const char *const kind_ids[] = {"member", "adviser", "client", "reset"};

const char *invite_kind_id(invite_kind_t k)
{
	return kind_ids[k];
}

bool store_invite_create(store_t *s, const invite_t *inv, const unsigned char hash[32], int64_t *id, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	*id = db_int1(s, errs, -1,
		      "INSERT INTO invitation (token_hash, kind, company_id, body_id, account_id, role, person_key, note, "
		      "created_by, created_at, expires) VALUES (?, ?, nullif(?, 0), nullif(?, 0), nullif(?, 0), ?, ?, ?, "
		      "nullif(?, 0), ?, ?) RETURNING id",
		      "btiiitttiti", hash, (size_t)32, kind_ids[inv->kind], inv->company_id, inv->body_id,
		      inv->account_id, member_role_id(inv->role), inv->person_key[0] ? inv->person_key : NULL,
		      inv->note[0] ? inv->note : NULL, inv->created_by, now, inv->expires);
	return *id > 0;
}

#define INVITE_COLS "i.id, i.kind, coalesce(i.company_id, 0), coalesce(i.body_id, 0), coalesce(i.account_id, 0), " \
	"i.role, i.person_key, i.note, coalesce(i.created_by, 0), i.created_at, i.expires, " \
	"c.name, b.name, cb.name, t.login"
#define INVITE_FROM "FROM invitation i LEFT JOIN company c ON c.id = i.company_id " \
	"LEFT JOIN body b ON b.id = i.body_id LEFT JOIN account cb ON cb.id = i.created_by " \
	"LEFT JOIN account t ON t.id = i.account_id "

static void invite_read(db_stmt *st, invite_t *v)
{
	memset(v, 0, sizeof *v);
	v->id = db_int(st, 0);
	for (int k = 0; k < (int)ARRAY_LEN(kind_ids); k++)
		if (str_eq(kind_ids[k], db_text(st, 1)))
			v->kind = (invite_kind_t)k;
	v->company_id = db_int(st, 2);
	v->body_id = db_int(st, 3);
	v->account_id = db_int(st, 4);
	member_role_parse(db_text(st, 5), &v->role);
	store_copy(v->person_key, sizeof v->person_key, db_str(st, 6));
	store_copy(v->note, sizeof v->note, db_str(st, 7));
	v->created_by = db_int(st, 8);
	store_copy(v->created_at, sizeof v->created_at, db_str(st, 9));
	v->expires = db_int(st, 10);
	store_copy(v->company_name, sizeof v->company_name, db_str(st, 11));
	store_copy(v->body_name, sizeof v->body_name, db_str(st, 12));
	store_copy(v->by_name, sizeof v->by_name, db_str(st, 13));
	store_copy(v->account_login, sizeof v->account_login, db_str(st, 14));
}

bool store_invite_find(store_t *s, const unsigned char hash[32], int64_t now, invite_t *out, errs_t *errs)
{
	db_stmt *st = db_q(s, errs,
			   "SELECT " INVITE_COLS " " INVITE_FROM
			   "WHERE i.token_hash = ? AND i.used_at IS NULL AND i.revoked = 0 AND i.expires > ?",
			   "bi", hash, (size_t)32, now);
	if (!st)
		return false;
	bool found = db_row(st);
	if (found)
		invite_read(st, out);
	return db_end(st, errs) && found;
}

bool store_invite_use(store_t *s, int64_t id, int64_t account, bool *won, errs_t *errs)
{
	char now[21];
	db_now_iso(now);
	bool ok = db_exec(s, errs,
			  "UPDATE invitation SET used_at = ?, used_by = ? WHERE id = ? AND used_at IS NULL AND revoked = 0",
			  "tii", now, account, id);
	*won = ok && db_changes(s) == 1;
	return ok;
}

bool store_invite_pending(store_t *s, int64_t company, int64_t body, int64_t now, invite_t **out, size_t *n,
			  errs_t *errs)
{
	*out = NULL;
	*n = 0;
	db_stmt *st = db_q(s, errs,
			   "SELECT " INVITE_COLS " " INVITE_FROM
			   "WHERE i.used_at IS NULL AND i.revoked = 0 AND i.expires > ? AND i.kind <> 'reset' "
			   "AND ((? > 0 AND i.company_id = ? AND i.kind = 'member') OR (? > 0 AND i.body_id = ?)) "
			   "ORDER BY i.id",
			   "iiiii", now, company, company, body, body);
	if (!st)
		return false;
	size_t cap = 0;
	while (db_row(st)) {
		*out = xgrow(*out, *n, &cap, sizeof **out);
		invite_read(st, &(*out)[(*n)++]);
	}
	return db_end(st, errs);
}

bool store_invite_revoke(store_t *s, int64_t id, int64_t company, int64_t body, bool *found, errs_t *errs)
{
	bool ok = db_exec(s, errs,
			  "UPDATE invitation SET revoked = 1 WHERE id = ? AND used_at IS NULL AND revoked = 0 "
			  "AND ((? > 0 AND company_id = ?) OR (? > 0 AND body_id = ?))",
			  "iiiii", id, company, company, body, body);
	*found = ok && db_changes(s) > 0;
	return ok;
}
