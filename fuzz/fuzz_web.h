/* fuzz_web.h — a web application on an in-memory database for the fuzz
 * targets that drive route_request (fuzz_api_body, fuzz_request): one
 * account with a session and an API token, owning company 1 (people p1 and
 * p2).  Each input runs inside a transaction that is rolled back, so every
 * input starts from the same database. */
#ifndef SECSTEP_FUZZ_WEB_H
#define SECSTEP_FUZZ_WEB_H

#include <sodium.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "fuzz.h"
#include "web/web_int.h"

/* 64 hex characters each: the session cookie and the API token. */
#define FUZZ_SID "5e55105e55105e55105e55105e55105e55105e55105e55105e55105e55105e55"
#define FUZZ_TOKEN "70ce470ce470ce470ce470ce470ce470ce470ce470ce470ce470ce470ce470ce"
#define FUZZ_CSRF "c5af0c5af0c5af0c5af0c5af0c5af0c5af0c5af0c5af0c5a"

static web_app fuzz_app;
static thread_ctx fuzz_thread;

static void fuzz_hash(const char *tok, unsigned char h[32])
{
	crypto_generichash(h, 32, (const unsigned char *)tok, 64, NULL, 0);
}

static void fuzz_web_init(void)
{
	if (sodium_init() < 0)
		abort();
	const catalog *cat = catalog_builtin();
	fuzz_app.cat = cat;
	fuzz_app.db_path = ":memory:";
	pthread_mutex_init(&fuzz_app.lock, NULL);
	pthread_mutex_init(&fuzz_app.hash_lock, NULL);
	pthread_cond_init(&fuzz_app.hash_cond, NULL);
	auth_init(&fuzz_app);
	errs_t e = ERRS_INIT;
	store_t *s = store_open(":memory:", &e);
	FUZZ_CHECK(s != NULL, "in-memory store");
	fuzz_thread.store = s;
	int64_t account = 0;
	static const char doc[] =
		"{\"format\":\"secstep-company/1\",\"company\":{\"name\":\"ファズ株式会社\",\"industry\":\"E\",\"employees\":12},"
		"\"people\":[{\"id\":\"p1\",\"name\":\"担当\",\"roles\":[{\"role\":\"officer\",\"time\":\"concurrent\"}]},"
		"{\"id\":\"p2\",\"name\":\"社員\"}],\"checkpoints\":{\"cp-1-1\":\"yes\"},"
		"\"tasks\":[{\"id\":\"task-1-1\",\"owner\":\"p1\",\"status\":\"doing\"}]}";
	m_company *co = doc_import(cat, doc, strlen(doc), date_from_ymd(2026, 11, 25), LANG_EN, &e);
	FUZZ_CHECK(co != NULL, "seed company");
	unsigned char h[32];
	FUZZ_CHECK(store_company_insert(s, co, &e) && co->id == 1, "company insert");
	bool taken = false;
	FUZZ_CHECK(store_account_create(s, "owner@example.jp", "経営者", "$argon2id$unused", false, &account, &taken, &e), "account");
	FUZZ_CHECK(store_member_set(s, co->id, account, ROLE_OWNER, NULL, &e), "membership");
	fuzz_hash(FUZZ_SID, h);
	FUZZ_CHECK(store_session_create(s, h, account, FUZZ_CSRF, (int64_t)time(NULL), "192.0.2.1", "fuzz", &e), "session");
	fuzz_hash(FUZZ_TOKEN, h);
	FUZZ_CHECK(store_token_add(s, account, h, "fuzz", &e), "token");
	company_free(co);
	errs_free(&e);
}

/* A request as server.c builds it, with no headers set. */
static void fuzz_req(req_t *r, const char *method, const char *path)
{
	memset(r, 0, sizeof *r);
	r->app = &fuzz_app;
	r->cat = fuzz_app.cat;
	r->store = fuzz_thread.store;
	r->thread = &fuzz_thread;
	r->method = method;
	r->path = path;
	r->today = date_from_ymd(2026, 11, 25);
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
	r->body = "";
}

/* Runs r through the router inside a transaction that is rolled back;
 * checks what every answer must be, and frees r's memory. */
static void fuzz_route(req_t *r)
{
	errs_t e = ERRS_INIT;
	FUZZ_CHECK(store_begin(r->store, &e), "begin");
	route_request(r);
	store_rollback(r->store);
	errs_free(&e);
	FUZZ_CHECK(r->status >= 200 && r->status <= 599, "status %d", r->status);
	FUZZ_CHECK(r->status != 500, "500 for %s %s", r->method, r->path);
	if (r->status == 303)
		FUZZ_CHECK(r->location && r->location[0] == '/' && r->location[1] != '/', "redirect off-site: %s",
			   r->location ? r->location : "(none)");
	if (r->api || !strncmp(r->ctype, "application/json", 16)) {
		json_error_t jerr;
		json_t *v = json_loadb(r->out.p ? r->out.p : "", r->out.len, 0, &jerr);
		FUZZ_CHECK(v != NULL, "API answer is not JSON: %.200s", r->out.p ? r->out.p : "");
		json_decref(v);
	}
	if (!r->co_borrowed)
		company_free(r->co);
	buf_free(&r->out);
	arena_free(&r->arena);
}

#endif
