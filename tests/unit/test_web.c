/* test_web.c — the web face's primitives, without a socket: the escaping
 * writer hp(), the form decoder, url_arg, route matching and the method
 * check (through route_request on an in-memory database), the safe "next"
 * of the sign-in, login throttling, session expiry, the per-thread
 * snapshot cache, and the connection guard's deadlines and limits. */
#include "testutil.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/guard.h"
#include "web/web_int.h"

static web_app app;
static thread_ctx tctx;
static int64_t account;
static char pw_hash[192];

#define SID "5e55105e55105e55105e55105e55105e55105e55105e55105e55105e55105e55"

static void hash64(const char *tok, unsigned char h[32])
{
	crypto_generichash(h, 32, (const unsigned char *)tok, 64, NULL, 0);
}

static int setup(void **state)
{
	(void)state;
	if (sodium_init() < 0)
		return -1;
	app.cat = catalog_builtin();
	app.db_path = ":memory:";
	pthread_mutex_init(&app.lock, NULL);
	pthread_mutex_init(&app.hash_lock, NULL);
	pthread_cond_init(&app.hash_cond, NULL);
	auth_init(&app);
	errs_t e = ERRS_INIT;
	bool taken = false;
	tctx.store = store_open(":memory:", &e);
	if (!tctx.store)
		return -1;
	static const char doc[] = "{\"format\":\"secstep-company/1\",\"company\":{\"name\":\"ウェブ\",\"industry\":\"E\",\"employees\":9},"
				  "\"people\":[{\"id\":\"p1\",\"name\":\"担当\"}]}";
	m_company *co = doc_import(app.cat, doc, strlen(doc), date_from_ymd(2026, 11, 25), LANG_EN, &e);
	if (!co || !store_company_insert(tctx.store, co, &e) || !password_hash("correct horse battery", pw_hash) ||
	    !store_account_create(tctx.store, "owner@example.jp", "経営者", pw_hash, false, &account, &taken, &e) ||
	    !store_member_set(tctx.store, co->id, account, ROLE_OWNER, NULL, &e))
		return -1;
	company_free(co);
	unsigned char h[32];
	hash64(SID, h);
	if (!store_session_create(tctx.store, h, account, "c5af", (int64_t)time(NULL), "192.0.2.1", "test", &e))
		return -1;
	errs_free(&e);
	return 0;
}

static void req(req_t *r, const char *method, const char *path)
{
	memset(r, 0, sizeof *r);
	r->app = &app;
	r->cat = app.cat;
	r->store = tctx.store;
	r->thread = &tctx;
	r->method = method;
	r->path = path;
	r->ip = "192.0.2.1";
	r->today = date_from_ymd(2026, 11, 25);
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
	r->body = "";
}

static void req_done(req_t *r)
{
	if (!r->co_borrowed)
		company_free(r->co);
	buf_free(&r->out);
	arena_free(&r->arena);
}

/* ---- hp ---- */

static void hp_escapes_every_string(void **state)
{
	(void)state;
	req_t r;
	req(&r, "GET", "/");
	const char *none = getenv("SECSTEP_TEST_NOT_SET_EVER");   /* NULL, unknown to the compiler */
	hp(&r, "<a title=\"%s\">%s</a>%d %lld %zu %s%%", "\"'<>&", "<script>", -3, (long long)1 << 40, (size_t)7, none);
	assert_string_equal(buf_str(&r.out), "<a title=\"&quot;&#39;&lt;&gt;&amp;\">&lt;script&gt;</a>-3 1099511627776 7 %");
	req_done(&r);
}

/* ---- the form decoder ---- */

static void form_decoding(void **state)
{
	(void)state;
	req_t r;
	req(&r, "POST", "/");
	const char body[] = "a=1&b=%E3%81%82&c=x+y%2Bz&d=%zz%4&e&=nokey&f=%FF&g=%00x&b=2";
	parse_urlencoded(&r, body, strlen(body));
	assert_string_equal(form(&r, "a"), "1");
	assert_string_equal(form(&r, "b"), "あ");
	assert_string_equal(form(&r, "c"), "x y+z");
	assert_string_equal(form(&r, "d"), "%zz%4");   /* bad escapes stay as they are */
	assert_string_equal(form(&r, "e"), "");
	assert_null(form(&r, "f"));                    /* not UTF-8: dropped */
	assert_null(form(&r, ""));                     /* no key: dropped */
	const char *all[4];
	assert_int_equal(form_all(&r, "b", all, 4), 2);
	assert_string_equal(all[1], "2");
	/* %00 ends the value at the NUL: the rest is never seen */
	assert_string_equal(form(&r, "g"), "");
	req_done(&r);
}

static void form_field_limit(void **state)
{
	(void)state;
	req_t *r = calloc(1, sizeof *r);
	req(r, "POST", "/");
	buf_t b = BUF_INIT;
	for (int i = 0; i < MAX_FORM + 50; i++) {
		char f[32];
		snprintf(f, sizeof f, "%sk%d=v", i ? "&" : "", i);
		buf_puts(&b, f);
	}
	parse_urlencoded(r, b.p, b.len);
	assert_int_equal(r->n_form, MAX_FORM);
	buf_free(&b);
	req_done(r);
	free(r);
}

static void url_arg_encodes(void **state)
{
	(void)state;
	req_t r;
	req(&r, "GET", "/");
	assert_string_equal(url_arg(&r, "/c/1?x=a b&y=あ"), "%2Fc%2F1%3Fx%3Da%20b%26y%3D%E3%81%82");
	assert_string_equal(url_arg(&r, "safe-_.~AZaz09"), "safe-_.~AZaz09");
	req_done(&r);
}

/* ---- routes ---- */

static int status_of(const char *method, const char *path, bool signed_in, const char **location)
{
	req_t r;
	req(&r, method, path);
	if (signed_in)
		r.cookie_sid = SID;
	errs_t e = ERRS_INIT;
	store_begin(r.store, &e);
	route_request(&r);
	store_rollback(r.store);
	errs_free(&e);
	int st = r.status;
	static char loc[256];
	snprintf(loc, sizeof loc, "%s", r.location ? r.location : "");
	if (location)
		*location = loc;
	req_done(&r);
	return st;
}

static void route_matching(void **state)
{
	(void)state;
	const char *loc;
	assert_int_equal(status_of("GET", "/c/1", true, NULL), 200);
	assert_int_equal(status_of("GET", "/c/1/people/p1", true, NULL), 200);
	assert_int_equal(status_of("GET", "/c/1/people/p1/extra", true, NULL), 404);
	assert_int_equal(status_of("GET", "/c//people", true, NULL), 404);
	assert_int_equal(status_of("GET", "/c/abc", true, NULL), 404);
	assert_int_equal(status_of("GET", "/c/1/", true, NULL), 404);
	assert_int_equal(status_of("GET", "/c/2", true, NULL), 404);          /* no such company */
	assert_int_equal(status_of("POST", "/c/1/plan", true, NULL), 405);    /* a page, not a form */
	assert_int_equal(status_of("GET", "/static/app.css", false, NULL), 200);
	assert_int_equal(status_of("GET", "/static/../secstep.db", false, NULL), 404);
	assert_int_equal(status_of("GET", "/healthz", false, NULL), 200);
	/* pages need a session: to the sign-in, back here afterwards */
	assert_int_equal(status_of("GET", "/c/1/plan", false, &loc), 303);
	assert_string_equal(loc, "/login?next=%2Fc%2F1%2Fplan");
	assert_int_equal(status_of("GET", "/api/v1/companies/1", false, NULL), 401);
	/* a state change without the CSRF token */
	assert_int_equal(status_of("POST", "/c/1/people", true, NULL), 403);
}

/* ---- the sign-in's "next" ---- */

static const char *login_next(const char *next)
{
	req_t r;
	req(&r, "POST", "/login");
	char body[512];
	snprintf(body, sizeof body, "login=owner%%40example.jp&password=correct+horse+battery&next=%s", next);
	r.body = body;
	r.body_len = strlen(body);
	route_request(&r);
	static char loc[256];
	snprintf(loc, sizeof loc, "%d %s", r.status, r.location ? r.location : "");
	req_done(&r);
	return loc;
}

static void safe_next(void **state)
{
	(void)state;
	assert_string_equal(login_next("%2Fc%2F1%2Fplan"), "303 /c/1/plan");
	assert_string_equal(login_next("%2F%2Fevil.example%2F"), "303 /");          /* another host */
	assert_string_equal(login_next("https%3A%2F%2Fevil.example%2F"), "303 /");
	assert_string_equal(login_next("%2F%5Cevil.example"), "303 /");             /* /\ is // to browsers */
	assert_string_equal(login_next("%2Fx%0D%0ASet-Cookie%3A+a%3Db"), "303 /");  /* header injection */
	assert_string_equal(login_next(""), "303 /");
}

/* ---- throttling ---- */

static bool allowed(const char *login, const char *ip)
{
	req_t r;
	req(&r, "POST", "/login");
	r.ip = ip;
	bool ok = throttle_allow(&r, login);
	req_done(&r);
	return ok;
}

static void failed(const char *login, const char *ip)
{
	req_t r;
	req(&r, "POST", "/login");
	r.ip = ip;
	throttle_fail(&r, login);
	req_done(&r);
}

static void throttle_locks_and_unlocks(void **state)
{
	(void)state;
	for (int i = 0; i < 4; i++) {
		failed("mallory", "198.51.100.7");
		assert_true(allowed("mallory", "198.51.100.7"));
	}
	failed("Mallory", "198.51.100.8");   /* the fifth, as compared: case folded */
	assert_false(allowed("mallory", "198.51.100.7"));
	assert_false(allowed("MALLORY", "203.0.113.1"));   /* the login, from anywhere */
	assert_true(allowed("alice", "198.51.100.7"));     /* another login from the address */
	req_t r;
	req(&r, "POST", "/login");
	throttle_ok(&r, "mallory");
	req_done(&r);
	assert_true(allowed("mallory", "198.51.100.7"));
}

/* ---- sessions ---- */

static bool signed_in_with(const char *sid)
{
	req_t r;
	req(&r, "GET", "/");
	r.cookie_sid = sid;
	session_load(&r);
	bool in = r.account != 0;
	req_done(&r);
	return in;
}

static void session_expiry(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	int64_t now = (int64_t)time(NULL);
	unsigned char h[32];
	const char *idle = "1d1e1d1e1d1e1d1e1d1e1d1e1d1e1d1e1d1e1d1e1d1e1d1e1d1e1d1e1d1e1d1e";
	const char *old = "01d001d001d001d001d001d001d001d001d001d001d001d001d001d001d001d0";
	hash64(idle, h);
	assert_true(store_session_create(tctx.store, h, account, "x", now - 9 * 3600, "192.0.2.1", "t", &e));
	hash64(old, h);
	assert_true(store_session_create(tctx.store, h, account, "x", now - 8 * 24 * 3600, "192.0.2.1", "t", &e));
	assert_true(store_session_touch(tctx.store, h, now, &e));   /* busy, but a week old */
	assert_true(signed_in_with(SID));
	assert_false(signed_in_with(idle));   /* 9 hours idle (limit 8) */
	assert_false(signed_in_with(old));    /* 8 days since sign-in (limit 7) */
	assert_false(signed_in_with("short"));
	/* expired sessions are deleted */
	session_row row;
	hash64(idle, h);
	assert_false(store_session_get(tctx.store, h, &row, &e));
	hash64(SID, h);
	assert_true(store_session_get(tctx.store, h, &row, &e));
	errs_free(&e);
}

/* ---- the snapshot cache ---- */

static void snapshot_cache(void **state)
{
	(void)state;
	req_t r;
	req(&r, "GET", "/c/1");
	errs_t e = ERRS_INIT;
	m_company *a = snapshot_borrow(&r, 1, -1, &e);
	m_company *b = snapshot_borrow(&r, 1, -1, &e);
	assert_non_null(a);
	assert_ptr_equal(a, b);   /* unchanged: the same snapshot */
	m_company *co = store_company_load(tctx.store, 1, &e);
	co->name = "改名";
	assert_true(store_company_save(tctx.store, co, &e));
	company_free(co);
	m_company *c = snapshot_borrow(&r, 1, -1, &e);
	assert_non_null(c);
	assert_string_equal(c->name, "改名");   /* a save is seen at once */
	assert_null(snapshot_borrow(&r, 99, -1, &e));
	assert_int_equal(e.n, 0);               /* not there is not an error */
	errs_free(&e);
	req_done(&r);
}

/* ---- the connection guard ---- */

static int cut_fds[64], n_cut;
static bool unread_fd7;

static void cut(int fd)
{
	cut_fds[n_cut++] = fd;
}

static bool unread(int fd)
{
	return fd == 7 && unread_fd7;
}

static guard_t *new_guard(void)
{
	n_cut = 0;
	guard_config gc = {16, 12, 4, 10000, 60000, cut, unread};
	return guard_new(&gc);
}

static void guard_deadlines(void **state)
{
	(void)state;
	guard_t *g = new_guard();
	int c1, c2, c3;
	assert_true(guard_open(g, &c1, 1, "a", 0));
	assert_true(guard_open(g, &c2, 2, "a", 0));
	assert_true(guard_open(g, &c3, 3, "a", 0));
	guard_head(g, &c2, 5000);      /* head in time, body running */
	guard_head(g, &c3, 1000);
	guard_busy(g, &c3);            /* being answered: no deadline */
	assert_int_equal(guard_sweep(g, 9999), 0);
	assert_int_equal(guard_sweep(g, 10000), 1);   /* c1 sent no head in 10 s */
	assert_int_equal(cut_fds[0], 1);
	assert_int_equal(guard_sweep(g, 64999), 0);
	assert_int_equal(guard_sweep(g, 65000), 1);   /* c2's body took 60 s */
	assert_int_equal(cut_fds[1], 2);
	assert_int_equal(guard_sweep(g, 10000000), 0); /* c3 is busy */
	guard_idle(g, &c3, 10000000);                   /* kept alive: a new head deadline */
	assert_int_equal(guard_sweep(g, 10009999), 0);
	assert_int_equal(guard_sweep(g, 10010000), 1);
	guard_close(g, &c1);
	guard_close(g, &c2);
	guard_close(g, &c3);
	assert_int_equal(guard_count(g, NULL), 0);
	guard_free(g);
}

static void guard_busy_server_is_not_a_slow_client(void **state)
{
	(void)state;
	guard_t *g = new_guard();
	int c7;
	assert_true(guard_open(g, &c7, 7, "a", 0));
	unread_fd7 = true;   /* its head is there, unread: the worker is busy */
	assert_int_equal(guard_sweep(g, 20000), 0);
	unread_fd7 = false;
	assert_int_equal(guard_sweep(g, 20250), 1);
	guard_free(g);
}

static void guard_per_address(void **state)
{
	(void)state;
	guard_t *g = new_guard();
	int c[8];
	for (int i = 0; i < 4; i++)
		assert_true(guard_open(g, &c[i], 10 + i, "slow", i));
	assert_int_equal(guard_count(g, "slow"), 4);
	/* a fifth from the same address pushes out the oldest waiting one */
	assert_true(guard_open(g, &c[4], 14, "slow", 10));
	assert_int_equal(n_cut, 1);
	assert_int_equal(cut_fds[0], 10);
	assert_int_equal(guard_count(g, "slow"), 4);
	/* when all four are in the middle of a request, a fifth is refused */
	for (int i = 1; i <= 4; i++) {
		guard_head(g, &c[i], 20);
		guard_busy(g, &c[i]);
	}
	assert_false(guard_open(g, &c[5], 15, "slow", 30));
	assert_int_equal(n_cut, 1);   /* the caller hangs up on it */
	/* other addresses are not affected */
	assert_true(guard_open(g, &c[6], 16, "other", 30));
	guard_free(g);
}

static void guard_whole_server(void **state)
{
	(void)state;
	guard_t *g = new_guard();
	int c[16];
	const char *ips[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"};
	for (int i = 0; i < 12; i++)
		assert_true(guard_open(g, &c[i], 100 + i, ips[i], i));
	guard_head(g, &c[0], 50);   /* the oldest is busy with a request */
	guard_busy(g, &c[0]);
	/* the server is at its soft limit: the oldest waiting one makes room */
	assert_true(guard_open(g, &c[12], 112, "m", 100));
	assert_int_equal(n_cut, 1);
	assert_int_equal(cut_fds[0], 101);
	guard_free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hp_escapes_every_string),
		cmocka_unit_test(form_decoding),
		cmocka_unit_test(form_field_limit),
		cmocka_unit_test(url_arg_encodes),
		cmocka_unit_test(route_matching),
		cmocka_unit_test(safe_next),
		cmocka_unit_test(throttle_locks_and_unlocks),
		cmocka_unit_test(session_expiry),
		cmocka_unit_test(snapshot_cache),
		cmocka_unit_test(guard_deadlines),
		cmocka_unit_test(guard_busy_server_is_not_a_slow_client),
		cmocka_unit_test(guard_per_address),
		cmocka_unit_test(guard_whole_server),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
