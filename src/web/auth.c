/* auth.c — passwords (Argon2id), sessions (random tokens stored only as a
 * hash, idle and absolute expiry, a new token at every login), CSRF tokens
 * and login throttling. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "web/web_int.h"

#define HASH_MAX 2                   /* concurrent Argon2id computations */
#define PW_OPS 2
#define PW_MEM (19u * 1024u * 1024u) /* 19 MiB, t=2: OWASP's Argon2id floor */
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
	int rc = crypto_pwhash_str_alg(out, pw, strlen(pw), PW_OPS, PW_MEM, crypto_pwhash_ALG_ARGON2ID13);
	hash_leave();
	return rc == 0;
}

bool password_verify(const char *hash, const char *pw)
{
	hash_enter();
	int rc = crypto_pwhash_str_verify(hash, pw, strlen(pw));
	hash_leave();
	return rc == 0;
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

static void add_cookie(req_t *r, const char *cookie)
{
	if (r->n_set_cookie < (int)ARRAY_LEN(r->set_cookie))
		r->set_cookie[r->n_set_cookie++] = arena_strdup(&r->arena, cookie);
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
	bool ok = store_session_create(r->store, h, account, csrf_hex, now, &e);
	errs_free(&e);
	if (!ok)
		return false;
	char cookie[160];
	snprintf(cookie, sizeof cookie, "sid=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%d", tok_hex, SESSION_MAX);
	add_cookie(r, cookie);
	memcpy(r->sid_hash, h, sizeof h);
	r->has_session = true;
	r->account = account;
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
	add_cookie(r, "sid=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
}

void session_load(req_t *r)
{
	const char *sid = r->cookie_sid;
	if (!sid || strlen(sid) != 64)
		return;
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)sid, 64, NULL, 0);
	errs_t e = ERRS_INIT;
	int64_t account, created, last;
	char csrf[80];
	if (store_session_get(r->store, h, &account, csrf, &created, &last, r->account_name,
			      sizeof r->account_name, &e)) {
		int64_t now = unix_now();
		if (now - last > SESSION_IDLE || now - created > SESSION_MAX) {
			store_session_delete(r->store, h, &e);
			r->account_name[0] = '\0';
		} else {
			r->account = account;
			snprintf(r->csrf, sizeof r->csrf, "%s", csrf);
			memcpy(r->sid_hash, h, sizeof h);
			r->has_session = true;
			if (now - last > 60)   /* avoid a write on every request */
				store_session_touch(r->store, h, now, &e);
		}
	}
	errs_free(&e);
}

/* ---- throttling: a small fixed table, keyed by login and address ---- */

static throttle_slot *slot_for(web_app *app, const char *login, const char *ip, bool create)
{
	char key[160];
	snprintf(key, sizeof key, "%.100s|%.50s", login, ip);
	throttle_slot *free_slot = NULL, *oldest = &app->throttle[0];
	for (int i = 0; i < THROTTLE_SLOTS; i++) {
		throttle_slot *s = &app->throttle[i];
		if (strcmp(s->key, key) == 0)
			return s;
		if (!s->key[0] && !free_slot)
			free_slot = s;
		if (s->until < oldest->until)
			oldest = s;
	}
	if (!create)
		return NULL;
	throttle_slot *s = free_slot ? free_slot : oldest;
	memset(s, 0, sizeof *s);
	snprintf(s->key, sizeof s->key, "%s", key);
	return s;
}

bool throttle_allow(web_app *app, const char *login, const char *ip)
{
	pthread_mutex_lock(&app->lock);
	throttle_slot *s = slot_for(app, login, ip, false);
	bool ok = !s || s->until <= unix_now();
	pthread_mutex_unlock(&app->lock);
	return ok;
}

void throttle_fail(web_app *app, const char *login, const char *ip)
{
	pthread_mutex_lock(&app->lock);
	throttle_slot *s = slot_for(app, login, ip, true);
	if (++s->failures >= THROTTLE_FAILS) {
		s->until = unix_now() + THROTTLE_LOCK;
		s->failures = 0;
	}
	pthread_mutex_unlock(&app->lock);
}

void throttle_ok(web_app *app, const char *login, const char *ip)
{
	pthread_mutex_lock(&app->lock);
	throttle_slot *s = slot_for(app, login, ip, false);
	if (s)
		memset(s, 0, sizeof *s);
	pthread_mutex_unlock(&app->lock);
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
	if (store_token_find(r->store, h, &account, &e) && store_account_get(r->store, account, &a, &e)) {
		r->account = account;
		r->token_auth = true;
		snprintf(r->account_name, sizeof r->account_name, "%s", a.name);
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
