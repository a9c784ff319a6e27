/* test_account.c — accounts and relations in the store: logins compared
 * without case, disabled accounts lose sessions and tokens, relations
 * (membership, support body) give the role the router checks, invitations
 * are spent once, the throttle locks a login after five failures and keys
 * it as compared, company ids and versions never go back (delete,
 * restore), the audit log keeps before and after; the password rules. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/audit.h"
#include "app/password.h"
#include "exchange/doc.h"
#include "store/account.h"
#include "store/store.h"

static char path[256];
static store_t *s;

static int setup(void **state)
{
	(void)state;
	test_db_new(path, sizeof path, "acct");
	errs_t e = ERRS_INIT;
	s = store_open(path, &e);
	errs_free(&e);
	return s ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	store_close(s);
	test_db_drop(path);
	return 0;
}

static int64_t account(const char *login, bool admin)
{
	errs_t e = ERRS_INIT;
	int64_t id = 0;
	bool taken = true;
	assert_true(store_account_create(s, login, login, "hash", admin, &id, &taken, &e));
	assert_false(taken);
	errs_free(&e);
	return id;
}

static int64_t company(const char *name)
{
	m_company *c = company_new();
	c->name = arena_strdup(&c->arena, name);
	c->industry = "E";
	c->employees = 10;
	errs_t e = ERRS_INIT;
	assert_true(store_company_insert(s, c, &e));
	int64_t id = c->id;
	company_free(c);
	errs_free(&e);
	return id;
}

static void logins_compare_without_case(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	account("Yamada@Example.jp", true);
	account_t a;
	assert_true(store_account_by_login(s, "yamada@example.JP", &a, &e));
	assert_string_equal(a.login, "Yamada@Example.jp");
	assert_true(a.admin);
	int64_t id;
	bool taken = false;
	assert_false(store_account_create(s, "YAMADA@EXAMPLE.JP", "x", "h", false, &id, &taken, &e));
	assert_true(taken);
	errs_free(&e);
	assert_int_equal(store_admin_count(s, &e), 1);
}

static void disabled_accounts_lose_sessions_and_tokens(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	int64_t id = account("leaver@example.jp", false);
	unsigned char sh[32] = {1}, th[32] = {2};
	assert_true(store_session_create(s, sh, id, "csrf", 100, "127.0.0.1", "test", &e));
	assert_true(store_token_add(s, id, th, "script", &e));
	session_row row;
	int64_t who = 0;
	assert_true(store_session_get(s, sh, &row, &e));
	assert_int_equal(row.account, id);
	assert_true(store_token_find(s, th, &who, &e));
	assert_true(store_account_set_disabled(s, id, true, &e));
	assert_false(store_session_get(s, sh, &row, &e));
	assert_false(store_token_find(s, th, &who, &e));
	assert_true(store_account_set_disabled(s, id, false, &e));
	assert_false(store_session_get(s, sh, &row, &e));   /* sessions stay ended */
	assert_true(store_token_find(s, th, &who, &e));     /* tokens work again */
	assert_int_equal(e.n, 0);
	errs_free(&e);
}

static void relations_give_roles(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	int64_t c1 = company("一社"), c2 = company("二社");
	int64_t owner = account("owner", false), adviser = account("adviser", false), admin = account("admin", true);
	assert_true(store_member_set(s, c1, owner, ROLE_OWNER, NULL, &e));
	int64_t body;
	assert_true(store_body_create(s, "商工会議所", &body, &e));
	assert_true(store_body_adviser_add(s, body, adviser, &e));
	relation_t r;
	assert_true(store_relation(s, c1, adviser, &r, &e));
	assert_true(r.exists);
	assert_int_equal(r.role, ROLE_NONE);   /* the body does not look after it yet */
	assert_true(store_body_company_add(s, body, c1, &e));
	assert_true(store_relation(s, c1, adviser, &r, &e));
	assert_int_equal(r.role, ROLE_ADVISER);
	assert_true(store_relation(s, c2, adviser, &r, &e));
	assert_int_equal(r.role, ROLE_NONE);
	assert_true(store_relation(s, c1, admin, &r, &e));
	assert_int_equal(r.role, ROLE_NONE);   /* the administrator has no relation */
	assert_true(store_relation(s, c1, owner, &r, &e));
	assert_int_equal(r.role, ROLE_OWNER);
	assert_true(store_relation(s, 999, owner, &r, &e));
	assert_false(r.exists);
	membership_t *ms;
	size_t n;
	assert_true(store_memberships(s, adviser, &ms, &n, &e));
	assert_int_equal(n, 1);
	assert_int_equal(ms[0].company_id, c1);
	assert_int_equal(ms[0].role, ROLE_ADVISER);
	assert_int_equal(ms[0].body_id, body);
	free(ms);
	bool found;
	assert_true(store_body_company_remove(s, body, c1, &found, &e));
	assert_true(found);
	assert_true(store_relation(s, c1, adviser, &r, &e));
	assert_int_equal(r.role, ROLE_NONE);
	assert_int_equal(store_owner_count(s, c1, &e), 1);
	assert_int_equal(e.n, 0);
	errs_free(&e);
}

static void invitations_are_spent_once(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	int64_t c = company("招待社"), a = account("a", false), b = account("b", false);
	invite_t inv;
	memset(&inv, 0, sizeof inv);
	inv.kind = INV_MEMBER;
	inv.company_id = c;
	inv.role = ROLE_OFFICER;
	inv.expires = 2000;
	unsigned char h[32] = {7};
	int64_t id;
	assert_true(store_invite_create(s, &inv, h, &id, &e));
	invite_t got;
	assert_true(store_invite_find(s, h, 1000, &got, &e));
	assert_int_equal(got.role, ROLE_OFFICER);
	assert_string_equal(got.company_name, "招待社");
	assert_false(store_invite_find(s, h, 2000, &got, &e));   /* expired */
	bool won = false;
	assert_true(store_invite_use(s, id, a, &won, &e));
	assert_true(won);
	assert_true(store_invite_use(s, id, b, &won, &e));
	assert_false(won);                                        /* the second request loses */
	assert_false(store_invite_find(s, h, 1000, &got, &e));
	assert_int_equal(e.n, 0);
	errs_free(&e);
}

static void throttle_locks_after_five(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	for (int i = 0; i < 4; i++) {
		assert_true(store_throttle_fail(s, "login:x@example.jp", 1000 + i, 5, 300, 300, &e));
		assert_int_equal(store_throttle_wait(s, "login:x@example.jp", 1000 + i, &e), 0);
	}
	assert_true(store_throttle_fail(s, "login:x@example.jp", 1004, 5, 300, 300, &e));
	assert_int_equal(store_throttle_wait(s, "login:x@example.jp", 1005, &e), 299);
	assert_int_equal(store_throttle_wait(s, "login:y@example.jp", 1005, &e), 0);
	assert_int_equal(store_throttle_wait(s, "login:x@example.jp", 1304, &e), 0);   /* over */
	/* failures far apart never add up to a lock */
	for (int i = 0; i < 10; i++)
		assert_true(store_throttle_fail(s, "login:z@example.jp", 5000 + i * 400, 5, 300, 300, &e));
	assert_int_equal(store_throttle_wait(s, "login:z@example.jp", 9000, &e), 0);
	assert_int_equal(e.n, 0);
	errs_free(&e);
}

static void ids_and_versions_never_go_back(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	int64_t a = company("甲"), b = company("乙");
	int64_t va = store_company_version(s, a, &e), vb = store_company_version(s, b, &e);
	assert_true(vb > va);
	char bak[80];
	snprintf(bak, sizeof bak, "/tmp/secstep-acct-%d.bak", (int)getpid());
	unlink(bak);
	assert_true(store_backup(s, bak, &e));
	assert_true(store_company_delete(s, b, &e));
	int64_t c = company("丙");
	assert_int_equal(c, b + 1);                    /* b's id is not reused */
	assert_true(store_company_version(s, c, &e) > vb);
	int64_t before = store_change_counter(s, &e);
	assert_true(store_restore(s, bak, &e));        /* b is back, c is gone */
	unlink(bak);
	assert_true(store_change_counter(s, &e) > before);
	/* every restored company has a version no cache has seen */
	assert_true(store_company_version(s, a, &e) > before);
	assert_true(store_company_version(s, b, &e) > before);
	assert_int_equal(store_company_version(s, c, &e), -1);
	assert_int_equal(company("丁"), c + 1);        /* nor is c's */
	assert_int_equal(e.n, 0);
	errs_free(&e);
}

static void audit_keeps_before_and_after(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	const catalog *cat = catalog_builtin();
	int64_t id = company("監査社");
	m_company *c = store_company_load(s, id, &e);
	assert_non_null(c);
	m_task *t = company_task_slot(c, "task-1-1");
	t->status = TASK_DOING;
	audit_who w = {"owner@example.jp", 0, "127.0.0.1"};
	assert_true(audit_save(s, cat, &w, c, &e));
	t->status = TASK_DONE;
	c->employees = 12;
	assert_true(audit_save(s, cat, &w, c, &e));
	company_free(c);
	arena_t ar = {0};
	audit_row *rows;
	size_t n;
	assert_true(store_audit_list(s, id, 0, 0, &ar, &rows, &n, &e));
	json_t *j = audit_json(rows, n);
	char *text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	assert_non_null(strstr(text, "\"action\":\"task.add\""));
	assert_non_null(strstr(text, "{\"after\":\"done\",\"before\":\"doing\",\"field\":\"tasks[task-1-1].status\"}"));
	assert_non_null(strstr(text, "{\"after\":12,\"before\":10,\"field\":\"company.employees\"}"));
	assert_non_null(strstr(text, "\"actor\":\"owner@example.jp\""));
	free(text);
	json_decref(j);
	free(rows);
	arena_free(&ar);
	assert_int_equal(e.n, 0);
	errs_free(&e);
}

static void stale_copies_are_refused(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	const catalog *cat = catalog_builtin();
	int64_t id = company("並行社");
	m_company *a = store_company_load(s, id, &e), *b = store_company_load(s, id, &e);
	audit_who w = {"cli", 0, NULL};
	a->employees = 20;
	assert_true(audit_save(s, cat, &w, a, &e));
	b->employees = 30;                       /* read before a was saved */
	assert_false(audit_save(s, cat, &w, b, &e));
	assert_non_null(strstr(e.what[0], "changed by someone else"));
	errs_free(&e);
	m_company *now = store_company_load(s, id, &e);
	assert_int_equal(now->employees, 20);    /* a's change is kept */
	company_free(a);
	company_free(b);
	company_free(now);
}

static void password_rules(void **state)
{
	(void)state;
	assert_non_null(password_problem("me", "short", LANG_EN));
	assert_non_null(password_problem("me", "１２３４５６７８９", LANG_EN));          /* 9 characters */
	assert_null(password_problem("me", "１２３４５６７８９０", LANG_EN));            /* 10, counted in characters */
	assert_non_null(password_problem("yamada@example.jp", "Yamada@Example.JP", LANG_EN));
	assert_non_null(password_problem("me", "Password123", LANG_EN));
	assert_non_null(password_problem("me", "aaaaaaaaaaaa", LANG_JA));
	assert_null(password_problem("me", "correct horse battery staple", LANG_JA));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(logins_compare_without_case, setup, teardown),
		cmocka_unit_test_setup_teardown(disabled_accounts_lose_sessions_and_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(relations_give_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(invitations_are_spent_once, setup, teardown),
		cmocka_unit_test_setup_teardown(throttle_locks_after_five, setup, teardown),
		cmocka_unit_test_setup_teardown(ids_and_versions_never_go_back, setup, teardown),
		cmocka_unit_test_setup_teardown(audit_keeps_before_and_after, setup, teardown),
		cmocka_unit_test_setup_teardown(stale_copies_are_refused, setup, teardown),
		cmocka_unit_test(password_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
