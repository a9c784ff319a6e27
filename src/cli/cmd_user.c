/* cmd_user.c — accounts and their rights from the command line, for
 * operators and scripts (CONTRACT.md, "Accounts, support bodies and
 * audit"): user, member, token, body and audit.  Every change is written
 * to the audit log with the actor "cli". */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "app/audit.h"
#include "app/password.h"
#include "base/util.h"
#include "cli/cli.h"
#include "exchange/doc.h"

/* Reads one line from stdin (the echo off when it is a terminal), without
 * its line end.  false at end of input. */
static bool read_secret(cli_t *cx, char *buf, size_t len)
{
	struct termios old, quiet;
	bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
	if (tty) {
		fprintf(stderr, "%s", tr(cx, "パスワード（10文字以上）: ", "Password (10 characters or more): "));
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	bool ok = fgets(buf, (int)len, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (ok)
		buf[strcspn(buf, "\r\n")] = '\0';
	return ok;
}

/* The account with that login, or false after printing an error. */
static bool find_account(cli_t *cx, const char *login, account_t *a)
{
	errs_t e = ERRS_INIT;
	bool found = cli_store_existing(cx) && store_account_by_login(cx->store, login, a, &e);
	if (e.n)
		cli_errors(cx, &e);
	else if (!found && cx->store)
		cli_error(cx, "%s \"%s\"", tr(cx, "そのログインIDのアカウントはありません:", "no account with the login"), login);
	errs_free(&e);
	return found;
}

static bool check_login(cli_t *cx, const char *login, const char *name)
{
	bool ok = true;
	if (!login || strlen(login) < 3 || !valid_short_text(login, ACCOUNT_TEXT_MAX) || strpbrk(login, " \t\r\n")) {
		cli_error(cx, "LOGIN: %s", tr(cx, "3〜100文字、空白なしにしてください", "use 3-100 characters without spaces"));
		ok = false;
	}
	if (!name || !*name || !valid_short_text(name, ACCOUNT_TEXT_MAX)) {
		cli_error(cx, "--name: %s", tr(cx, "1〜100文字の名前が必要です", "a name of 1-100 characters is required"));
		ok = false;
	}
	return ok;
}

static int cmd_user_add(cli_t *cx, args_t *a)
{
	const char *login = a->pos[0], *name = opt(a, "name");
	if (!check_login(cx, login, name))
		return EXIT_FAIL;
	char pw[512];
	if (!read_secret(cx, pw, sizeof pw)) {
		cli_error(cx, "%s", tr(cx, "パスワードを標準入力から1行で渡してください", "give the password as one line on standard input"));
		return EXIT_FAIL;
	}
	const char *why = password_problem(login, pw, cx->lang);
	if (why) {
		cli_error(cx, "%s: %s", tr(cx, "パスワード", "password"), why);
		sodium_memzero(pw, sizeof pw);
		return EXIT_FAIL;
	}
	char hash[192];
	bool hashed = password_hash_str(pw, hash);
	sodium_memzero(pw, sizeof pw);
	if (!hashed || !cli_store(cx)) {
		if (!hashed)
			cli_error(cx, "%s", tr(cx, "パスワードを処理できません", "cannot hash the password"));
		return EXIT_FAIL;
	}
	errs_t e = ERRS_INIT;
	int64_t id = 0;
	bool taken = false, admin = flag(a, "admin");
	bool ok = store_account_create(cx->store, login, name, hash, admin, &id, &taken, &e);
	if (ok) {
		cli_audit(cx, 0, 0, "account.create", login, admin ? json_pack("{s:b}", "admin", 1) : NULL);
		if (cx->json)
			print_json(json_pack("{s:I}", "user", (json_int_t)id));
		else
			printf("%s %s (ID %lld)\n", tr(cx, "アカウントを作りました:", "Account created:"), login, (long long)id);
	} else if (taken) {
		cli_error(cx, "\"%s\" %s", login, tr(cx, "はすでに使われています", "is already taken"));
	} else {
		cli_errors(cx, &e);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

static int cmd_user_list(cli_t *cx, args_t *a)
{
	(void)a;
	if (!cli_store_existing(cx))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	account_t *as = NULL;
	size_t n = 0;
	if (!store_account_list(cx->store, &as, &n, &e)) {
		cli_errors(cx, &e);
		errs_free(&e);
		return EXIT_FAIL;
	}
	if (cx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:s, s:s, s:b, s:b}", "login", as[i].login, "name", as[i].name, "admin",
							     as[i].admin, "disabled", as[i].disabled));
		print_json(arr);
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%s\t%s%s%s\n", as[i].login, as[i].name, as[i].admin ? tr(cx, "\t管理者", "\tadministrator") : "",
			       as[i].disabled ? tr(cx, "\t停止中", "\tdisabled") : "");
		if (!n)
			printf("%s\n", tr(cx, "アカウントはまだありません。", "No accounts yet."));
	}
	free(as);
	errs_free(&e);
	return EXIT_OK;
}

static int set_disabled(cli_t *cx, args_t *a, bool disabled)
{
	account_t acc;
	if (!find_account(cx, a->pos[0], &acc))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	bool ok = store_account_set_disabled(cx->store, acc.id, disabled, &e);
	if (ok) {
		cli_audit(cx, 0, 0, disabled ? "account.disable" : "account.enable", acc.login, NULL);
		if (!cx->json)
			printf("%s %s\n", disabled ? tr(cx, "停止しました:", "Disabled:") : tr(cx, "使えるようにしました:", "Enabled:"), acc.login);
	} else {
		cli_errors(cx, &e);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

static int cmd_user_disable(cli_t *cx, args_t *a)
{
	return set_disabled(cx, a, true);
}

static int cmd_user_enable(cli_t *cx, args_t *a)
{
	return set_disabled(cx, a, false);
}

static int cmd_user_password(cli_t *cx, args_t *a)
{
	account_t acc;
	if (!find_account(cx, a->pos[0], &acc))
		return EXIT_FAIL;
	char pw[512];
	if (!read_secret(cx, pw, sizeof pw)) {
		cli_error(cx, "%s", tr(cx, "パスワードを標準入力から1行で渡してください", "give the password as one line on standard input"));
		return EXIT_FAIL;
	}
	const char *why = password_problem(acc.login, pw, cx->lang);
	char hash[192];
	bool ok = !why && password_hash_str(pw, hash);
	sodium_memzero(pw, sizeof pw);
	if (!ok) {
		cli_error(cx, "%s: %s", tr(cx, "パスワード", "password"), why ? why : "hash");
		return EXIT_FAIL;
	}
	errs_t e = ERRS_INIT;
	ok = store_begin(cx->store, &e) && store_account_set_password(cx->store, acc.id, hash, &e) &&
	     store_session_end_others(cx->store, acc.id, NULL, &e) && store_commit(cx->store, &e);
	if (ok) {
		cli_audit(cx, 0, 0, "password.reset", acc.login, NULL);
		if (!cx->json)
			printf("%s %s\n", tr(cx, "パスワードを変えました（ログイン中の画面はすべて終わりました）:",
					     "Password changed (every session ended):"), acc.login);
	} else {
		cli_errors(cx, &e);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

static int cmd_token_add(cli_t *cx, args_t *a)
{
	account_t acc;
	if (!find_account(cx, a->pos[0], &acc))
		return EXIT_FAIL;
	const char *label = opt(a, "label") ? opt(a, "label") : "cli";
	if (!*label || !valid_short_text(label, ACCOUNT_TEXT_MAX)) {
		cli_error(cx, "--label: %s", tr(cx, "1〜100文字にしてください", "use 1-100 characters"));
		return EXIT_FAIL;
	}
	if (sodium_init() < 0)
		return EXIT_FAIL;
	unsigned char raw[32], h[32];
	char tok[65];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(tok, sizeof tok, raw, sizeof raw);
	crypto_generichash(h, sizeof h, (const unsigned char *)tok, 64, NULL, 0);
	errs_t e = ERRS_INIT;
	bool ok = store_token_add(cx->store, acc.id, h, label, &e);
	if (ok) {
		cli_audit(cx, 0, 0, "token.create", label, json_pack("{s:s}", "account", acc.login));
		printf("%s\n", tok);
	} else {
		cli_errors(cx, &e);
	}
	sodium_memzero(tok, sizeof tok);
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

/* ---- member ---- */

static bool company_exists(cli_t *cx, const char *arg, int64_t *id)
{
	m_company *co = cli_company(cx, arg);
	if (!co)
		return false;
	*id = co->id;
	company_free(co);
	return true;
}

static int cmd_member_add(cli_t *cx, args_t *a)
{
	int64_t cid;
	account_t acc;
	member_role_t role;
	const char *rv = opt(a, "role"), *person = opt(a, "person");
	if (!rv || !member_role_parse(rv, &role) || role == ROLE_ADVISER) {
		cli_error(cx, "--role: %s", tr(cx, "owner、officer、employee のどれかです", "must be owner, officer or employee"));
		return EXIT_USAGE;
	}
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	cid = co->id;
	bool person_ok = !person || company_person(co, person);
	company_free(co);
	if (!person_ok) {
		cli_error(cx, "--person: %s \"%s\"", tr(cx, "その人は登録されていません:", "no such person"), person);
		return EXIT_FAIL;
	}
	if (!find_account(cx, a->pos[1], &acc))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	relation_t rel;
	bool ok = store_begin(cx->store, &e) && store_relation(cx->store, cid, acc.id, &rel, &e);
	if (ok && rel.role == ROLE_OWNER && role != ROLE_OWNER && store_owner_count(cx->store, cid, &e) <= 1) {
		store_rollback(cx->store);
		cli_error(cx, "%s", tr(cx, "この会社のただ一人の経営者の役割は変えられません", "the company's only owner cannot take another role"));
		errs_free(&e);
		return EXIT_FAIL;
	}
	if (ok)
		ok = store_member_set(cx->store, cid, acc.id, role, person, &e) &&
		     audit_record(cx->store, &cli_who, cid, 0, rel.role >= ROLE_EMPLOYEE && rel.role != ROLE_ADVISER ? "member.role" : "member.add",
				  acc.login, json_pack("{s:s, s:s?}", "role", member_role_id(role), "person", person), &e) &&
		     store_commit(cx->store, &e);
	if (!ok) {
		if (cx->store)
			store_rollback(cx->store);
		cli_errors(cx, &e);
	} else if (!cx->json) {
		printf("%s %s → %lld (%s)\n", tr(cx, "メンバーにしました:", "Member set:"), acc.login, (long long)cid, member_role_id(role));
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

static int cmd_member_remove(cli_t *cx, args_t *a)
{
	int64_t cid;
	account_t acc;
	if (!company_exists(cx, a->pos[0], &cid) || !find_account(cx, a->pos[1], &acc))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	relation_t rel;
	if (!store_relation(cx->store, cid, acc.id, &rel, &e) || rel.role == ROLE_NONE || rel.role == ROLE_ADVISER) {
		if (e.n)
			cli_errors(cx, &e);
		else
			cli_error(cx, "%s %s", acc.login, tr(cx, "はこの会社のメンバーではありません", "is not a member of this company"));
		errs_free(&e);
		return EXIT_FAIL;
	}
	if (rel.role == ROLE_OWNER && store_owner_count(cx->store, cid, &e) <= 1) {
		cli_error(cx, "%s", tr(cx, "会社のただ一人の経営者は外せません。先にほかの人を経営者にしてください",
				       "the company's last owner cannot be removed; make someone else owner first"));
		errs_free(&e);
		return EXIT_FAIL;
	}
	bool ok = store_member_remove(cx->store, cid, acc.id, &e);
	if (ok) {
		cli_audit(cx, cid, 0, "member.remove", acc.login, json_pack("{s:s}", "role", member_role_id(rel.role)));
		if (!cx->json)
			printf("%s %s\n", tr(cx, "メンバーから外しました:", "Removed:"), acc.login);
	} else {
		cli_errors(cx, &e);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

static int cmd_member_list(cli_t *cx, args_t *a)
{
	int64_t cid;
	if (!company_exists(cx, a->pos[0], &cid))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	member_row *rows = NULL;
	size_t n = 0;
	body_row *bs = NULL;
	size_t nb = 0;
	if (!store_members(cx->store, cid, &rows, &n, &e) || !store_company_bodies(cx->store, cid, &bs, &nb, &e)) {
		cli_errors(cx, &e);
		errs_free(&e);
		free(rows);
		return EXIT_FAIL;
	}
	if (cx->json) {
		json_t *ms = json_array(), *bo = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(ms, json_pack("{s:s, s:s, s:s, s:s?}", "login", rows[i].login, "name", rows[i].name, "role",
							    member_role_id(rows[i].role), "person", rows[i].person_key[0] ? rows[i].person_key : NULL));
		for (size_t i = 0; i < nb; i++)
			json_array_append_new(bo, json_pack("{s:I, s:s}", "id", (json_int_t)bs[i].id, "name", bs[i].name));
		print_json(json_pack("{s:o, s:o}", "members", ms, "bodies", bo));
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%s\t%s\t%s%s%s\n", rows[i].login, rows[i].name, member_role_id(rows[i].role), rows[i].person_key[0] ? "\t" : "",
			       rows[i].person_key);
		for (size_t i = 0; i < nb; i++)
			printf("%s %lld\t%s\n", tr(cx, "支援機関", "body"), (long long)bs[i].id, bs[i].name);
	}
	free(rows);
	free(bs);
	errs_free(&e);
	return EXIT_OK;
}

/* The full link for a path, with SECSTEP_BASE_URL when it is set. */
static void print_link(const char *path)
{
	const char *base = getenv("SECSTEP_BASE_URL");
	if (base && *base) {
		size_t n = strlen(base);
		printf("%.*s%s\n", (int)(base[n - 1] == '/' ? n - 1 : n), base, path);
	} else {
		printf("%s\n", path);
	}
}

static int cmd_member_invite(cli_t *cx, args_t *a)
{
	member_role_t role;
	const char *rv = opt(a, "role"), *person = opt(a, "person"), *note = opt(a, "name");
	if (!rv || !member_role_parse(rv, &role) || role == ROLE_ADVISER) {
		cli_error(cx, "--role: %s", tr(cx, "owner、officer、employee のどれかです", "must be owner, officer or employee"));
		return EXIT_USAGE;
	}
	if (note && (!*note || !valid_short_text(note, ACCOUNT_TEXT_MAX))) {
		cli_error(cx, "--name: %s", tr(cx, "1〜100文字にしてください", "use 1-100 characters"));
		return EXIT_FAIL;
	}
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	bool person_ok = !person || company_person(co, person);
	invite_t inv;
	memset(&inv, 0, sizeof inv);
	inv.kind = INV_MEMBER;
	inv.role = role;
	inv.company_id = co->id;
	snprintf(inv.person_key, sizeof inv.person_key, "%s", person ? person : "");
	snprintf(inv.note, sizeof inv.note, "%s", note ? note : co->name);
	utf8_trim_partial(inv.note);
	company_free(co);
	if (!person_ok) {
		cli_error(cx, "--person: %s \"%s\"", tr(cx, "その人は登録されていません:", "no such person"), person);
		return EXIT_FAIL;
	}
	if (sodium_init() < 0)
		return EXIT_FAIL;
	unsigned char raw[24], h[32];
	char hex[49];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
	crypto_generichash(h, sizeof h, (const unsigned char *)hex, strlen(hex), NULL, 0);
	inv.expires = (int64_t)time(NULL) + 7 * 86400;
	errs_t e = ERRS_INIT;
	int64_t id;
	bool ok = store_invite_create(cx->store, &inv, h, &id, &e);
	if (ok) {
		cli_audit(cx, inv.company_id, 0, "invite.create", inv.note, json_pack("{s:s}", "role", member_role_id(role)));
		char path[80];
		snprintf(path, sizeof path, "/invite/%s", hex);
		if (cx->json) {
			print_json(json_pack("{s:s}", "link", path));
		} else {
			fprintf(stderr, "%s\n", tr(cx, "招待のリンク（7日間、一度だけ使えます。サーバーのアドレスの後ろに付けて開きます）:",
						    "Invitation link (works once, for 7 days; append it to the server's address):"));
			print_link(path);
		}
	} else {
		cli_errors(cx, &e);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

/* ---- body ---- */

static bool parse_id(cli_t *cx, const char *what, const char *arg, int64_t *id)
{
	char *end;
	errno = 0;
	long long v = strtoll(arg, &end, 10);
	if (errno || *end || end == arg || v <= 0) {
		cli_error(cx, "%s: %s \"%s\"", what, tr(cx, "正の整数で指定してください:", "must be a positive integer:"), arg);
		return false;
	}
	*id = v;
	return true;
}

static bool find_body(cli_t *cx, const char *arg, body_row *b)
{
	int64_t id;
	if (!parse_id(cx, "BODY", arg, &id) || !cli_store_existing(cx))
		return false;
	errs_t e = ERRS_INIT;
	bool found = store_body_get(cx->store, id, b, &e);
	if (e.n)
		cli_errors(cx, &e);
	else if (!found)
		cli_error(cx, "%s %lld", tr(cx, "支援機関が見つかりません: ID", "no support body with ID"), (long long)id);
	errs_free(&e);
	return found;
}

static int cmd_body_add(cli_t *cx, args_t *a)
{
	const char *name = a->pos[0];
	if (!*name || !valid_short_text(name, DOC_MAX_NAME)) {
		cli_error(cx, "NAME: %s", tr(cx, "1〜200文字にしてください", "use 1-200 characters"));
		return EXIT_FAIL;
	}
	if (!cli_store(cx))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	int64_t id = 0;
	bool ok = store_body_create(cx->store, name, &id, &e);
	if (ok) {
		cli_audit(cx, 0, id, "body.create", name, NULL);
		if (cx->json)
			print_json(json_pack("{s:I}", "body", (json_int_t)id));
		else
			printf("%s %lld (%s)\n", tr(cx, "支援機関を作りました: ID", "Support body created: ID"), (long long)id, name);
	} else {
		cli_errors(cx, &e);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

static int cmd_body_list(cli_t *cx, args_t *a)
{
	(void)a;
	if (!cli_store_existing(cx))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	body_row *bs = NULL;
	size_t n = 0;
	if (!store_body_list(cx->store, &bs, &n, &e)) {
		cli_errors(cx, &e);
		errs_free(&e);
		return EXIT_FAIL;
	}
	if (cx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, json_pack("{s:I, s:s, s:i, s:i}", "id", (json_int_t)bs[i].id, "name", bs[i].name, "advisers",
							     bs[i].advisers, "companies", bs[i].companies));
		print_json(arr);
	} else {
		for (size_t i = 0; i < n; i++)
			printf("%lld\t%s\t%s %d\t%s %d\n", (long long)bs[i].id, bs[i].name, tr(cx, "支援者", "advisers"), bs[i].advisers,
			       tr(cx, "支援先", "companies"), bs[i].companies);
		if (!n)
			printf("%s\n", tr(cx, "支援機関はまだありません。", "No support bodies yet."));
	}
	free(bs);
	errs_free(&e);
	return EXIT_OK;
}

/* body adviser add|remove BODY LOGIN */
static int cmd_body_adviser(cli_t *cx, args_t *a)
{
	bool add = !strcmp(a->pos[0], "add");
	if (!add && strcmp(a->pos[0], "remove")) {
		cli_error(cx, "%s \"%s\"", tr(cx, "add か remove を指定してください:", "expected add or remove, got"), a->pos[0]);
		return EXIT_USAGE;
	}
	body_row b;
	account_t acc;
	if (!find_body(cx, a->pos[1], &b) || !find_account(cx, a->pos[2], &acc))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	bool found = true;
	bool ok = add ? store_body_adviser_add(cx->store, b.id, acc.id, &e) : store_body_adviser_remove(cx->store, b.id, acc.id, &found, &e);
	if (ok && !found) {
		cli_error(cx, "%s %s", acc.login, tr(cx, "はこの支援機関の支援者ではありません", "is not an adviser of this body"));
		ok = false;
	} else if (ok) {
		cli_audit(cx, 0, b.id, add ? "adviser.add" : "adviser.remove", acc.login, NULL);
		if (!cx->json)
			printf("%s %s (%s)\n", add ? tr(cx, "支援者にしました:", "Adviser added:") : tr(cx, "支援者から外しました:", "Adviser removed:"),
			       acc.login, b.name);
	} else {
		cli_errors(cx, &e);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

/* body company add|remove BODY COMPANY */
static int cmd_body_company(cli_t *cx, args_t *a)
{
	bool add = !strcmp(a->pos[0], "add");
	if (!add && strcmp(a->pos[0], "remove")) {
		cli_error(cx, "%s \"%s\"", tr(cx, "add か remove を指定してください:", "expected add or remove, got"), a->pos[0]);
		return EXIT_USAGE;
	}
	body_row b;
	int64_t cid;
	if (!find_body(cx, a->pos[1], &b) || !company_exists(cx, a->pos[2], &cid))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	bool found = true;
	bool ok = add ? store_body_company_add(cx->store, b.id, cid, &e) : store_body_company_remove(cx->store, b.id, cid, &found, &e);
	if (ok && !found) {
		cli_error(cx, "%s", tr(cx, "この支援機関はこの会社を支援していません", "this body does not look after this company"));
		ok = false;
	} else if (ok) {
		cli_audit(cx, cid, b.id, add ? "body.add" : "body.end", b.name, NULL);
		if (!cx->json)
			printf("%s %lld (%s)\n", add ? tr(cx, "支援先にしました: 会社", "Now looked after: company") : tr(cx, "支援を終えました: 会社", "Support ended: company"),
			       (long long)cid, b.name);
	} else {
		cli_errors(cx, &e);
	}
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

/* ---- audit ---- */

static int cmd_audit(cli_t *cx, args_t *a)
{
	int64_t cid = 0;
	if (a->n_pos && !company_exists(cx, a->pos[0], &cid))
		return EXIT_FAIL;
	if (!a->n_pos && !cli_store_existing(cx))
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	arena_t ar = {0};
	audit_row *rows = NULL;
	size_t n = 0;
	if (!store_audit_list(cx->store, cid, 0, 0, &ar, &rows, &n, &e)) {
		cli_errors(cx, &e);
		errs_free(&e);
		arena_free(&ar);
		return EXIT_FAIL;
	}
	if (cx->json) {
		print_json(audit_json(rows, n));
	} else {
		for (size_t i = 0; i < n; i++) {
			printf("%s\t%s\t%s", rows[i].at, rows[i].actor, rows[i].action);
			if (!cid && rows[i].company_id)
				printf("\t#%lld", (long long)rows[i].company_id);
			printf("\t%s\n", rows[i].target ? rows[i].target : "");
		}
		if (!n)
			printf("%s\n", tr(cx, "記録はまだありません。", "Nothing recorded yet."));
	}
	free(rows);
	arena_free(&ar);
	errs_free(&e);
	return EXIT_OK;
}

const cli_cmd user_cmds[] = {
	{"user", "add", cmd_user_add, "name= admin", 1, 1, "LOGIN --name NAME [--admin]  (password: one line on stdin)",
	 "ウェブのアカウントを作る（パスワードは標準入力の1行、10文字以上）", "create a web account (password: one line on stdin, 10+ characters)",
	 {"LOGIN\tアカウントのログイン名", "LOGIN\tthe account's login", "--name NAME\t表示する名前\n--admin\tインストールの管理者にする", "--name NAME\tthe name shown\n--admin\tmake it an administrator of the install",
	  "echo 'a long secret phrase' | secstep user add hanako --name 山田花子"}},
	{"user", "list", cmd_user_list, "", 0, 0, "", "アカウントの一覧", "list the accounts",
	 {NULL, NULL, NULL, NULL, "secstep user list\nsecstep user list --json"}},
	{"user", "disable", cmd_user_disable, "", 1, 1, "LOGIN", "アカウントを停止（ログイン中の画面と API トークンもすぐ止まる）",
	 "disable an account (its sessions and API tokens stop at once)",
	 {"LOGIN\tアカウントのログイン名", "LOGIN\tthe account's login", NULL, NULL, "secstep user disable hanako"}},
	{"user", "enable", cmd_user_enable, "", 1, 1, "LOGIN", "停止したアカウントを使えるようにする", "enable a disabled account",
	 {"LOGIN\tアカウントのログイン名", "LOGIN\tthe account's login", NULL, NULL, "secstep user enable hanako"}},
	{"user", "password", cmd_user_password, "", 1, 1, "LOGIN  (new password: one line on stdin)",
	 "パスワードを設定し直す（ログイン中の画面はすべて終わる）", "set a new password (ends every session)",
	 {"LOGIN\tアカウントのログイン名", "LOGIN\tthe account's login", NULL, NULL, "echo 'another long phrase' | secstep user password hanako"}},
	{"token", "add", cmd_token_add, "label=", 1, 1, "LOGIN [--label TEXT]", "API トークンを作り、それだけを1行で出力",
	 "make an API token and print it alone on one line",
	 {"LOGIN\tアカウントのログイン名", "LOGIN\tthe account's login", "--label TEXT\tトークンの用途のメモ", "--label TEXT\twhat the token is for", "secstep token add hanako --label 会計システム連携"}},
	HA_END,
};

const cli_cmd member_cmds[] = {
	{"member", "add", cmd_member_add, "role= person=", 2, 2, "COMPANY LOGIN --role owner|officer|employee [--person PID]",
	 "アカウントを会社のメンバーにする（役割を変えるときも）", "give an account a role in a company (or change it)",
	 {"COMPANY\t会社の番号（secstep company list）" "\n" "LOGIN\tアカウントのログイン名", "COMPANY\tthe company's number (see secstep company list)" "\n" "LOGIN\tthe account's login",
	  "--role R\towner（経営者）officer（担当者）employee（従業員）\n--person PID\t従業員のときは、その人の記録（p1 など）",
	  "--role R\towner, officer or employee\n--person PID\tfor an employee, their person record (p1 …)",
	  "secstep member add 1 hanako --role officer"}},
	{"member", "remove", cmd_member_remove, "", 2, 2, "COMPANY LOGIN", "会社のメンバーから外す（ただ一人の経営者は外せない）",
	 "take an account's role away (never the last owner)",
	 {"COMPANY\t会社の番号（secstep company list）" "\n" "LOGIN\tアカウントのログイン名", "COMPANY\tthe company's number (see secstep company list)" "\n" "LOGIN\tthe account's login", NULL, NULL, "secstep member remove 1 hanako"}},
	{"member", "list", cmd_member_list, "", 1, 1, "COMPANY", "会社のメンバーと支援機関の一覧", "a company's members and support bodies",
	 {"COMPANY\t会社の番号（secstep company list）", "COMPANY\tthe company's number (see secstep company list)", NULL, NULL, "secstep member list 1"}},
	{"member", "invite", cmd_member_invite, "role= person= name=", 1, 1, "COMPANY --role ROLE [--person PID] [--name NAME]",
	 "招待のリンクを作る（7日間、一度だけ）", "make an invitation link (works once, for 7 days)",
	 {"COMPANY\t会社の番号（secstep company list）", "COMPANY\tthe company's number (see secstep company list)", "--role R\towner（経営者）officer（担当者）employee（従業員）\n--person PID\t従業員の人の記録（p1 など）\n--name NAME\t招く人の名前",
	  "--role R\towner, officer or employee\n--person PID\tan employee's person record (p1 …)\n--name NAME\tthe name of the person invited",
	  "secstep member invite 1 --role employee --person p3"}},
	HA_END,
};

const cli_cmd body_cmds[] = {
	{"body", "add", cmd_body_add, "", 1, 1, "NAME", "支援機関（商工会議所・ITベンダー・専門家など）を作る",
	 "create a support body (chamber of commerce, IT vendor, consultancy)",
	 {"NAME\t支援機関の名前", "NAME\tthe body's name", NULL, NULL, "secstep body add 〇〇商工会議所"}},
	{"body", "list", cmd_body_list, "", 0, 0, "", "支援機関の一覧", "list the support bodies",
	 {NULL, NULL, NULL, NULL, "secstep body list"}},
	{"body", "adviser", cmd_body_adviser, "", 3, 3, "add|remove BODY LOGIN", "支援機関の支援者を加える・外す",
	 "add or remove an adviser of a body",
	 {"add|remove\t加える・外す\nBODY\t支援機関の番号（secstep body list）\n" "LOGIN\tアカウントのログイン名", "add|remove\tadd or remove\nBODY\tthe body's number (see secstep body list)\n" "LOGIN\tthe account's login",
	  NULL, NULL, "secstep body adviser add 1 hanako"}},
	{"body", "company", cmd_body_company, "", 3, 3, "add|remove BODY COMPANY", "支援機関が会社を支援する・やめる",
	 "a body starts or stops looking after a company",
	 {"add|remove\t支援を始める・やめる\nBODY\t支援機関の番号（secstep body list）\n" "COMPANY\t会社の番号（secstep company list）", "add|remove\tstart or stop\nBODY\tthe body's number (see secstep body list)\n" "COMPANY\tthe company's number (see secstep company list)",
	  NULL, NULL, "secstep body company add 1 2"}},
	HA_END,
};

const cli_cmd audit_cmds[] = {
	{"audit", NULL, cmd_audit, "", 0, 1, "[COMPANY]", "変更履歴（古い順）。会社を省くとサーバー全体", "the change log, oldest first (all of it without COMPANY)",
	 {"COMPANY\t会社の番号（省くとインストール全体）", "COMPANY\tthe company's number (none: the whole install)", NULL, NULL, "secstep audit 1\nsecstep audit 1 --json"}},
	HA_END,
};
