/* server.c — `secstep serve`: libmicrohttpd with a thread pool, limits on
 * connections, per-IP connections, request size and time; one SQLite
 * connection per worker thread; security headers on every response; an
 * access log on stderr; graceful stop on SIGINT/SIGTERM. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "web/server.h"
#include "web/web_int.h"

#define MAX_BODY (4u * 1024u * 1024u)
#define MAX_FORM_BODY (256u * 1024u)

static pthread_key_t store_key;

static void close_thread(void *p)
{
	thread_ctx *t = p;
	if (!t)
		return;
	for (int i = 0; i < SNAP_CACHE; i++)
		company_free(t->snap[i].co);
	store_close(t->store);
	free(t);
}

/* This thread's context, with its store opened on first use. */
static thread_ctx *thread_get(web_app *app)
{
	thread_ctx *t = pthread_getspecific(store_key);
	if (!t) {
		t = xcalloc(1, sizeof *t);
		pthread_setspecific(store_key, t);
	}
	if (!t->store) {
		errs_t e = ERRS_INIT;
		t->store = store_open(app->db_path, &e);
		if (!t->store)
			errs_print(&e, stderr);
		errs_free(&e);
	}
	return t;
}

m_company *snapshot_borrow(req_t *r, int64_t id, int64_t v)
{
	thread_ctx *t = r->thread;
	errs_t e = ERRS_INIT;
	if (v < 0)
		v = store_company_version(r->store, id, &e);
	m_company *co = NULL;
	if (v >= 0) {
		int victim = 0;
		for (int i = 0; i < SNAP_CACHE; i++) {
			if (t->snap[i].co && t->snap[i].id == id) {
				if (t->snap[i].version == v) {
					t->snap[i].used = ++t->tick;
					errs_free(&e);
					return t->snap[i].co;
				}
				victim = i;
				break;
			}
			if (t->snap[i].used < t->snap[victim].used)
				victim = i;
		}
		co = store_company_load(r->store, id, &e);
		if (co) {
			company_free(t->snap[victim].co);
			t->snap[victim].id = id;
			t->snap[victim].version = v;
			t->snap[victim].co = co;
			t->snap[victim].used = ++t->tick;
		}
	}
	errs_free(&e);
	return co;
}

const char *app_setup_token(web_app *app)
{
	pthread_mutex_lock(&app->lock);
	const char *t = app->setup_token[0] ? app->setup_token : NULL;
	pthread_mutex_unlock(&app->lock);
	return t;
}

bool app_setup_take(web_app *app, const char *given)
{
	pthread_mutex_lock(&app->lock);
	size_t n = strlen(app->setup_token);
	bool ok = n && given && strlen(given) == n && sodium_memcmp(given, app->setup_token, n) == 0;
	if (ok)
		sodium_memzero(app->setup_token, sizeof app->setup_token);
	pthread_mutex_unlock(&app->lock);
	return ok;
}

void app_setup_restore(web_app *app, const char *token)
{
	pthread_mutex_lock(&app->lock);
	if (!app->setup_token[0])
		snprintf(app->setup_token, sizeof app->setup_token, "%s", token);
	pthread_mutex_unlock(&app->lock);
}

typedef struct {
	buf_t body;
	bool too_big;
	size_t limit;
	double started;
} conn_state;

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes one x-www-form-urlencoded component into the arena. */
static char *url_decode(arena_t *a, const char *s, size_t n)
{
	char *out = arena_alloc(a, n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			*o++ = ' ';
		} else if (s[i] == '%' && i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
			*o++ = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
			i += 2;
		} else {
			*o++ = s[i];
		}
	}
	*o = '\0';
	return out;
}

/* Parses "a=1&b=2" into the request's form fields.  Fields that are not
 * valid UTF-8 are dropped (and reported as missing by the handlers). */
void parse_urlencoded(req_t *r, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len && r->n_form < MAX_FORM) {
		size_t j = i;
		while (j < len && s[j] != '&')
			j++;
		const char *eq = memchr(s + i, '=', j - i);
		size_t klen = eq ? (size_t)(eq - (s + i)) : j - i;
		char *k = url_decode(&r->arena, s + i, klen);
		char *v = eq ? url_decode(&r->arena, eq + 1, (size_t)(s + j - eq - 1)) : arena_strdup(&r->arena, "");
		if (*k && utf8_valid(k, strlen(k)) && utf8_valid(v, strlen(v))) {
			r->form_k[r->n_form] = k;
			r->form_v[r->n_form++] = v;
		}
		i = j + 1;
	}
}

static enum MHD_Result collect_query(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	req_t *r = cls;
	if (r->n_query < MAX_QUERY && key && utf8_valid(key, strlen(key)) &&
	    (!value || utf8_valid(value, strlen(value)))) {
		r->query_k[r->n_query] = arena_strdup(&r->arena, key);
		r->query_v[r->n_query++] = arena_strdup(&r->arena, value ? value : "");
	}
	return MHD_YES;
}

static void add_security_headers(struct MHD_Response *resp, const req_t *r)
{
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				"form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	MHD_add_response_header(resp, "Cross-Origin-Opener-Policy", "same-origin");
	MHD_add_response_header(resp, "Cache-Control", r->cache ? r->cache : "no-store");
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_size,
				  void **con_cls)
{
	(void)version;
	web_app *app = cls;
	conn_state *cs = *con_cls;
	if (!cs) {
		/* First call: headers only.  Never answer here (it would force
		 * Connection: close); just set up the body buffer. */
		cs = xcalloc(1, sizeof *cs);
		cs->started = now_ms();
		/* Bodies: forms are small; only a signed-in API client may send
		 * large JSON.  Too large is refused before it is buffered. */
		cs->limit = strncmp(url, "/api/", 5) == 0 && MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "sid")
				    ? MAX_BODY : MAX_FORM_BODY;
		*con_cls = cs;
		return MHD_YES;
	}
	if (*upload_size) {
		if (cs->body.len + *upload_size > cs->limit)
			cs->too_big = true;
		else
			buf_add(&cs->body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}

	req_t r;
	memset(&r, 0, sizeof r);
	r.app = app;
	r.cat = app->cat;
	r.method = strcmp(method, "HEAD") == 0 ? "GET" : method;
	r.path = url;
	r.today = date_today();
	r.status = 200;
	r.ctype = "text/html; charset=utf-8";
	r.body = buf_str(&cs->body);
	r.body_len = cs->body.len;
	r.cookie_sid = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "sid");
	r.cookie_lang = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "lang");
	r.hdr_csrf = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
	r.hdr_auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
	r.hdr_ctype = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	r.hdr_origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	r.hdr_host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	r.hdr_fetch_site = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site");
	r.hdr_agent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "User-Agent");
	const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char ip[INET6_ADDRSTRLEN] = "?";
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, ip, sizeof ip);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, ip, sizeof ip);
	}
	r.ip = ip;
	/* The query string: libmicrohttpd gives it decoded, as GET arguments. */
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_query, &r);

	thread_ctx *tc = thread_get(app);
	r.thread = tc;
	r.store = tc->store;
	if (cs->too_big) {
		r.lang = LANG_JA;
		fail_page(&r, 413, "送信された内容が大きすぎます。", "The request is too large.");
	} else if (!r.store) {
		fail_page(&r, 503, "データベースを開けません。", "The database cannot be opened.");
	} else {
		route_request(&r);
	}
	if (r.etag && inm && strcmp(inm, r.etag) == 0) {
		r.status = 304;
		buf_reset(&r.out);
	}

	size_t len = r.out.len;
	char *data = buf_detach(&r.out);
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (r.status != 304)
		MHD_add_response_header(resp, "Content-Type", r.ctype);
	add_security_headers(resp, &r);
	if (r.location)
		MHD_add_response_header(resp, "Location", r.location);
	if (r.etag)
		MHD_add_response_header(resp, "ETag", r.etag);
	if (r.disposition)
		MHD_add_response_header(resp, "Content-Disposition", r.disposition);
	if (r.allow)
		MHD_add_response_header(resp, "Allow", r.allow);
	for (int i = 0; i < r.n_set_cookie; i++)
		MHD_add_response_header(resp, "Set-Cookie", r.set_cookie[i]);
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)r.status, resp);
	MHD_destroy_response(resp);
	if (app->access_log)
		fprintf(stderr, "%s %s %s %d %zu %.1fms\n", ip, method, url, r.status, len, now_ms() - cs->started);
	if (!r.co_borrowed)
		company_free(r.co);
	arena_free(&r.arena);
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	(void)toe;
	conn_state *cs = *con_cls;
	if (cs) {
		buf_free(&cs->body);
		free(cs);
		*con_cls = NULL;
	}
}

int web_serve(const web_config *cfg)
{
	if (sodium_init() < 0) {
		fprintf(stderr, "secstep: serve: libsodium failed to start\n");
		return 1;
	}
	web_app app;
	memset(&app, 0, sizeof app);
	app.cat = catalog_builtin();
	app.db_path = cfg->db_path;
	app.access_log = !cfg->quiet;
	pthread_mutex_init(&app.lock, NULL);
	pthread_mutex_init(&app.hash_lock, NULL);
	pthread_cond_init(&app.hash_cond, NULL);
	pthread_key_create(&store_key, close_thread);
	auth_init(&app);

	/* Open the database once here: migrations run before any request, and
	 * a bad file is reported before the server claims to be up. */
	errs_t e = ERRS_INIT;
	store_t *s = store_open(cfg->db_path, &e);
	if (!s) {
		for (size_t i = 0; i < e.n; i++)
			fprintf(stderr, "secstep: serve: %s: %s\n", e.where[i], e.what[i]);
		errs_free(&e);
		return 1;
	}
	int accounts = store_account_count(s, &e);
	store_close(s);
	if (accounts == 0) {
		unsigned char raw[16];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2hex(app.setup_token, sizeof app.setup_token, raw, sizeof raw);
	}

	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)cfg->port);
	if (inet_pton(AF_INET, cfg->host, &addr.sin_addr) != 1) {
		fprintf(stderr, "secstep: serve: --listen: \"%s\" is not an IPv4 address\n", cfg->host);
		return 2;
	}

	/* Block the stop signals in every thread; the main thread waits for them. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)cfg->port, NULL, NULL,
		on_request, &app,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)256,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "secstep: serve: cannot listen on %s:%d (in use, or not allowed)\n", cfg->host, cfg->port);
		return 1;
	}
	printf("secstep: %s http://%s:%d/\n", cfg->lang == LANG_EN ? "serving on" : "起動しました", cfg->host, cfg->port);
	if (app.setup_token[0])
		printf("secstep: %s\n  http://%s:%d/setup?token=%s\n",
		       cfg->lang == LANG_EN ? "first run — open this link to create the first owner account:"
					    : "初回の起動です。次のリンクを開いて、最初の経営者アカウントを作ってください:",
		       cfg->host, cfg->port, app.setup_token);
	fflush(stdout);

	int sig = 0;
	sigwait(&set, &sig);
	fprintf(stderr, "secstep: serve: stopping (signal %d)\n", sig);
	MHD_stop_daemon(d);
	/* The pool threads are gone; close the main thread's context, if any. */
	close_thread(pthread_getspecific(store_key));
	pthread_setspecific(store_key, NULL);
	return 0;
}
