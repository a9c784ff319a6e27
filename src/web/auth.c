/* auth.c — passwords (Argon2id), sessions (random tokens stored only as a
 * hash, idle and absolute expiry, a new token at every login), CSRF tokens
 * and login throttling. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app/password.h"
#include "base/util.h"
#include "store/store_int.h"
#include "store/watch.h"
#include "web/web_int.h"

#define HASH_MAX 2                   /* concurrent Argon2id computations */
#define SESSION_IDLE (8 * 3600)      /* seconds without a request */
#define SESSION_MAX (7 * 24 * 3600)  /* seconds since login */
#define THROTTLE_FAILS 5
#define THROTTLE_LOCK 300            /* seconds */

static web_app *hash_app;   /* set by the first caller; one app per process */

static void hash_enter(void)
{
	pthread_mutex_lock(&hash_app->hash_lock);
	while (hash_app->hashing >= HASH_MAX)
		pthread_cond_wait(&hash_app->hash_cond, &hash_app->hash_lock);
	hash_app->hashing++;
	pthread_mutex_unlock(&hash_app->hash_lock);
}

static void hash_leave(void)
{
	pthread_mutex_lock(&hash_app->hash_lock);
	hash_app->hashing--;
	pthread_cond_signal(&hash_app->hash_cond);
	pthread_mutex_unlock(&hash_app->hash_lock);
}

void auth_init(web_app *app)
{
	hash_app = app;
}

bool password_hash(const char *pw, char out[192])
{
	hash_enter();
	bool ok = password_hash_str(pw, out);
	hash_leave();
	return ok;
}

bool password_verify(const char *hash, const char *pw)
{
	hash_enter();
	bool ok = password_check_str(hash, pw);
	hash_leave();
	return ok;
}

static char dummy[192];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy(void)
{
	if (!password_hash("secstep-no-such-account", dummy))
		panic("cannot compute a password hash");
}

const char *dummy_hash(void)
{
	pthread_once(&dummy_once, make_dummy);
	return dummy;
}

static int64_t unix_now(void)
{
	return (int64_t)time(NULL);
}

void check_new_password(req_t *r, errs_t *e, const char *label, const char *login, const char *pw)
{
	const char *why = password_problem(login, pw, r->lang);
	if (why)
		errs_add(e, label, "%s", why);
}

static void add_cookie(req_t *r, const char *cookie)
{
	if (r->n_set_cookie < (int)ARRAY_LEN(r->set_cookie))
		r->set_cookie[r->n_set_cookie++] = arena_strdup(&r->arena, cookie);
}

/* The browser, shortened, for the list of one's sessions. */
static const char *agent_of(req_t *r)
{
	if (!r->hdr_agent || !utf8_valid(r->hdr_agent, strlen(r->hdr_agent)))
		return NULL;
	char *a = arena_strndup(&r->arena, r->hdr_agent, 150);
	utf8_trim_partial(a);
	for (char *p = a; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return a;
}

bool session_start(req_t *r, int64_t account)
{
	errs_t e = ERRS_INIT;
	if (r->has_session)
		store_session_delete(r->store, r->sid_hash, &e);   /* rotation */
	unsigned char tok[32], csrf[24];
	char tok_hex[65], csrf_hex[49];
	randombytes_buf(tok, sizeof tok);
	randombytes_buf(csrf, sizeof csrf);
	sodium_bin2hex(tok_hex, sizeof tok_hex, tok, sizeof tok);
	sodium_bin2hex(csrf_hex, sizeof csrf_hex, csrf, sizeof csrf);
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)tok_hex, 64, NULL, 0);
	int64_t now = unix_now();
	store_session_purge(r->store, now - SESSION_IDLE, &e);
	account_t a;
	bool ok = store_session_create(r->store, h, account, csrf_hex, now, r->ip, agent_of(r), &e) &&
		  store_account_get(r->store, account, &a, &e) && store_account_touch_login(r->store, account, &e);
	if (!ok) {
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "secstep: serve: session: %s: %s\n", e.where[i], e.what[i]);
		errs_free(&e);
		return false;
	}
	errs_free(&e);
	char cookie[160];
	snprintf(cookie, sizeof cookie, "sid=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d", tok_hex, SESSION_MAX);
	add_cookie(r, cookie);
	memcpy(r->sid_hash, h, sizeof h);
	r->has_session = true;
	r->account = account;
	r->admin = a.admin;
	snprintf(r->login, sizeof r->login, "%s", a.login);
	snprintf(r->account_name, sizeof r->account_name, "%s", a.name);
	snprintf(r->csrf, sizeof r->csrf, "%s", csrf_hex);
	sodium_memzero(tok_hex, sizeof tok_hex);
	return true;
}

void session_end(req_t *r)
{
	errs_t e = ERRS_INIT;
	if (r->has_session)
		store_session_delete(r->store, r->sid_hash, &e);
	errs_free(&e);
	r->has_session = false;
	r->account = 0;
	r->admin = false;
	add_cookie(r, "sid=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

/* ---- sessions kept between requests (PostgreSQL; web_int.h) ---- */

static sess_entry *sess_slot(web_app *app, const unsigned char hash[32], int64_t company)
{
	unsigned k = ((unsigned)hash[0] | (unsigned)hash[1] << 8) ^ (unsigned)company * 2654435761u;
	return &app->sess[k % SESS_CACHE];
}

/* The session and relation kept for (hash, company) in epoch; false when
 * there is none, it is of another epoch, or it is too old. */
static bool sess_get(web_app *app, const unsigned char hash[32], int64_t company, uint64_t epoch, session_row *sess,
		     relation_t *rel)
{
	bool hit = false;
	pthread_mutex_lock(&app->sess_lock);
	sess_entry *e = sess_slot(app, hash, company);
	if (e->epoch == epoch && e->company == company && !memcmp(e->hash, hash, 32) &&
	    guard_now() - e->loaded < SESS_MAX_MS) {
		*sess = e->sess;
		*rel = e->rel;
		hit = true;
	}
	pthread_mutex_unlock(&app->sess_lock);
	return hit;
}

/* Keeps what was read in epoch (read before the data was). */
static void sess_put(web_app *app, const unsigned char hash[32], int64_t company, uint64_t epoch, int64_t loaded,
		     const session_row *sess, const relation_t *rel)
{
	pthread_mutex_lock(&app->sess_lock);
	sess_entry *e = sess_slot(app, hash, company);
	memcpy(e->hash, hash, 32);
	e->company = company;
	e->epoch = epoch;
	e->loaded = loaded;
	e->sess = *sess;
	e->rel = *rel;
	pthread_mutex_unlock(&app->sess_lock);
}

void session_load(req_t *r)
{
	const char *sid = r->cookie_sid;
	if (!sid || strlen(sid) != 64)
		return;
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)sid, 64, NULL, 0);
	errs_t e = ERRS_INIT;
	session_row s;
	/* on a company's page, the relation to it in the same read — or, on
	 * PostgreSQL, as kept since no write anywhere (store/watch.h) */
	uint64_t epoch = r->want_company > 0 ? store_watch_epoch(r->app->watch) : 0;
	int64_t loaded = guard_now();
	bool found;
	if (epoch && sess_get(r->app, h, r->want_company, epoch, &s, &r->rel)) {
		found = true;
	} else if (r->want_company > 0) {
		found = store_session_relation(r->store, h, r->want_company, &s, &r->rel, &e);
		if (found && epoch)
			sess_put(r->app, h, r->want_company, epoch, loaded, &s, &r->rel);
	} else {
		found = store_session_get(r->store, h, &s, &e);
	}
	if (found) {
		int64_t now = unix_now();
		if (now - s.last_seen > SESSION_IDLE || now - s.created > SESSION_MAX) {
			store_session_delete(r->store, h, &e);
		} else {
			r->account = s.account;
			r->admin = s.admin;
			snprintf(r->account_name, sizeof r->account_name, "%s", s.name);
			snprintf(r->login, sizeof r->login, "%s", s.login);
			snprintf(r->csrf, sizeof r->csrf, "%s", s.csrf);
			memcpy(r->sid_hash, h, sizeof h);
			r->has_session = true;
			r->rel_known = r->want_company > 0;
			if (now - s.last_seen > 60)   /* avoid a write on every request */
				store_session_touch(r->store, h, now, &e);
		}
	}
	for (size_t i = 0; i < e.n; i++)
		fprintf(stderr, "secstep: serve: session: %s: %s\n", e.where[i], e.what[i]);
	errs_free(&e);
}

/* ---- throttling: in the database, by login and by address ---- */

#define ADDR_FAILS 30                /* failures from one address in the window */

static char *throttle_key(req_t *r, const char *kind, const char *value)
{
	char *k = arena_printf(&r->arena, "%s:%.200s", kind, value ? value : "");
	if (!strcmp(kind, "login"))
		store_login_key(k, k);
	utf8_trim_partial(k);
	return k;
}

bool throttle_allow(req_t *r, const char *login)
{
	errs_t e = ERRS_INIT;
	int64_t now = unix_now();
	bool ok = store_throttle_wait(r->store, throttle_key(r, "login", login), now, &e) == 0 &&
		  store_throttle_wait(r->store, throttle_key(r, "addr", r->ip), now, &e) == 0;
	errs_free(&e);
	return ok;
}

void throttle_fail(req_t *r, const char *login)
{
	errs_t e = ERRS_INIT;
	int64_t now = unix_now();
	store_throttle_fail(r->store, throttle_key(r, "login", login), now, THROTTLE_FAILS, THROTTLE_LOCK, THROTTLE_LOCK,
			    &e);
	store_throttle_fail(r->store, throttle_key(r, "addr", r->ip), now, ADDR_FAILS, THROTTLE_LOCK, THROTTLE_LOCK, &e);
	for (size_t i = 0; i < e.n; i++)
		fprintf(stderr, "secstep: serve: throttle: %s: %s\n", e.where[i], e.what[i]);
	errs_free(&e);
}

void throttle_ok(req_t *r, const char *login)
{
	errs_t e = ERRS_INIT;
	store_throttle_clear(r->store, throttle_key(r, "login", login), &e);
	errs_free(&e);
}

void token_load(req_t *r, const char *token)
{
	size_t n = strlen(token);
	if (n != 64)
		return;
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, n, NULL, 0);
	errs_t e = ERRS_INIT;
	int64_t account;
	account_t a;
	if (store_token_find(r->store, h, &account, &e) && store_account_get(r->store, account, &a, &e) && !a.disabled) {
		r->account = account;
		r->token_auth = true;
		r->admin = a.admin;
		snprintf(r->account_name, sizeof r->account_name, "%s", a.name);
		snprintf(r->login, sizeof r->login, "%s", a.login);
	}
	errs_free(&e);
}

bool token_create(req_t *r, const char *label, char out[65])
{
	unsigned char tok[32], h[32];
	randombytes_buf(tok, sizeof tok);
	sodium_bin2hex(out, 65, tok, sizeof tok);
	crypto_generichash(h, sizeof h, (const unsigned char *)out, 64, NULL, 0);
	errs_t e = ERRS_INIT;
	bool ok = store_token_add(r->store, r->account, h, label, &e);
	errs_free(&e);
	return ok;
}
