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
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>

#include "app/schedule.h"
#include "base/util.h"
#include "report/report.h"
#include "web/guard.h"
#include "web/server.h"
#include "store/watch.h"
#include "web/web_int.h"

/* The limits, as docs/web.md states them. */
#define MAX_BODY (4u * 1024u * 1024u)     /* signed-in API clients */
#define MAX_FORM_BODY (256u * 1024u)      /* everything else */
#define MAX_CONNS 512                     /* at once, hard */
#define SOFT_CONNS 448                    /* from here on, idle connections make room */
#define PER_IP_CONNS 128                  /* per client address */
#define HEAD_MS 10000                     /* a request head within 10 s */
#define BODY_MS 60000                     /* its body within 60 s more */
#define IDLE_TIMEOUT 30                   /* seconds without a byte either way */

static pthread_key_t store_key;

static void frags_clear(thread_ctx *t, int slot)
{
	for (int k = 0; k < FRAG_CACHE; k++) {
		free(t->snap[slot].frags[k].bytes);
		t->snap[slot].frags[k] = (frag_t){0};
	}
	t->snap[slot].next_frag = 0;
}

static void close_thread(void *p)
{
	thread_ctx *t = p;
	if (!t)
		return;
	for (int i = 0; i < SNAP_CACHE; i++) {
		company_free(t->snap[i].co);
		frags_clear(t, i);
	}
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

m_company *snapshot_borrow(req_t *r, int64_t id, int64_t v, errs_t *e)
{
	thread_ctx *t = r->thread;
	if (v < 0)
		v = store_company_version(r->store, id, e);
	if (v < 0)
		return NULL;
	int victim = 0;
	for (int i = 0; i < SNAP_CACHE; i++) {
		if (t->snap[i].co && t->snap[i].id == id) {
			if (t->snap[i].version == v) {
				t->snap[i].used = ++t->tick;
				r->snap_slot = i;
				return t->snap[i].co;
			}
			victim = i;
			break;
		}
		if (t->snap[i].used < t->snap[victim].used)
			victim = i;
	}
	m_company *co = store_company_load(r->store, id, e);
	if (co) {
		company_free(t->snap[victim].co);
		frags_clear(t, victim);
		t->snap[victim].id = id;
		t->snap[victim].version = v;
		t->snap[victim].co = co;
		t->snap[victim].used = ++t->tick;
		r->snap_slot = victim;
	}
	return co;
}

/* The key of a piece: its name and everything besides the snapshot it may
 * depend on. */
static bool frag_key(const req_t *r, const char *name, char key[FRAG_KEY])
{
	const thread_ctx *t = r->thread;
	if (!r->co_borrowed || !r->co || !t || r->snap_slot < 0 || r->snap_slot >= SNAP_CACHE ||
	    t->snap[r->snap_slot].co != r->co)
		return false;
	int n = snprintf(key, FRAG_KEY, "%s|%d|%d|%d|%s", name, (int)r->lang, (int)r->today, (int)r->role, r->person_key);
	return n > 0 && n < FRAG_KEY;
}

bool frag_emit(req_t *r, const char *name, size_t *mark)
{
	*mark = r->out.len;
	char key[FRAG_KEY];
	if (!frag_key(r, name, key))
		return false;
	thread_ctx *t = r->thread;
	for (int k = 0; k < FRAG_CACHE; k++) {
		const frag_t *f = &t->snap[r->snap_slot].frags[k];
		if (f->bytes && !strcmp(f->key, key)) {
			buf_add(&r->out, f->bytes, f->len);
			return true;
		}
	}
	return false;
}

void frag_keep(req_t *r, const char *name, size_t mark)
{
	char key[FRAG_KEY];
	if (!frag_key(r, name, key) || mark > r->out.len)
		return;
	thread_ctx *t = r->thread;
	unsigned k = t->snap[r->snap_slot].next_frag++ % FRAG_CACHE;
	frag_t *f = &t->snap[r->snap_slot].frags[k];
	free(f->bytes);
	f->len = r->out.len - mark;
	f->bytes = xmalloc(f->len + 1);
	memcpy(f->bytes, r->out.p + mark, f->len);
	f->bytes[f->len] = 0;
	snprintf(f->key, sizeof f->key, "%s", key);
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

/* The client's address as text. */
static void client_ip(struct MHD_Connection *c, char ip[INET6_ADDRSTRLEN])
{
	snprintf(ip, INET6_ADDRSTRLEN, "?");
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, ip, INET6_ADDRSTRLEN);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, ip, INET6_ADDRSTRLEN);
	}
}

/* A request as the handlers see it, from the connection's headers. */
static void req_init(req_t *r, web_app *app, struct MHD_Connection *c, const char *url, const char *method,
		     const char *ip)
{
	memset(r, 0, sizeof *r);
	r->app = app;
	r->cat = app->cat;
	r->method = strcmp(method, "HEAD") == 0 ? "GET" : method;
	r->path = url;
	r->ip = ip;
	r->today = date_today();
	r->status = 200;
	r->ctype = "text/html; charset=utf-8";
	r->body = "";
	r->cookie_sid = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "sid");
	r->cookie_lang = MHD_lookup_connection_value(c, MHD_COOKIE_KIND, "lang");
	r->hdr_csrf = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-CSRF-Token");
	r->hdr_auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Authorization");
	r->hdr_ctype = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	r->hdr_origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	r->hdr_host = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host");
	r->hdr_fetch_site = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Sec-Fetch-Site");
	r->hdr_agent = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "User-Agent");
	thread_ctx *tc = thread_get(app);
	r->thread = tc;
	r->store = tc->store;
}

/* Queues r's response, logs it and frees r. */
static enum MHD_Result respond(struct MHD_Connection *c, web_app *app, req_t *r, const char *method, double started)
{
	const char *inm = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "If-None-Match");
	if (r->etag && inm && strcmp(inm, r->etag) == 0) {
		r->status = 304;
		buf_reset(&r->out);
	}
	size_t len = r->out.len;
	char *data = buf_detach(&r->out);
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (r->status != 304)
		MHD_add_response_header(resp, "Content-Type", r->ctype);
	add_security_headers(resp, r);
	if (r->location)
		MHD_add_response_header(resp, "Location", r->location);
	if (r->etag)
		MHD_add_response_header(resp, "ETag", r->etag);
	if (r->disposition)
		MHD_add_response_header(resp, "Content-Disposition", r->disposition);
	if (r->allow)
		MHD_add_response_header(resp, "Allow", r->allow);
	for (int i = 0; i < r->n_set_cookie; i++)
		MHD_add_response_header(resp, "Set-Cookie", r->set_cookie[i]);
	enum MHD_Result ret = MHD_queue_response(c, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	if (app->access_log)
		log_access(r->ip, method, r->path, r->status, len, now_ms() - started);
	if (!r->co_borrowed)
		company_free(r->co);
	arena_free(&r->arena);
	return ret;
}

/* Whether the request comes from a signed-in API client: a valid API
 * token, or a valid session (not merely some "sid" cookie). */
static bool api_client_known(req_t *r)
{
	if (!r->store)
		return false;
	if (r->hdr_auth && !strncmp(r->hdr_auth, "Bearer ", 7))
		token_load(r, r->hdr_auth + 7);
	else
		session_load(r);
	return r->account != 0;
}

/* The body limit of a request, decided once its head is in: MAX_FORM_BODY,
 * or MAX_BODY for /api/ requests of a signed-in client.  The session or
 * token is looked up only when the body may be larger than forms get. */
static size_t body_limit(web_app *app, struct MHD_Connection *c, const char *url, const char *method, const char *ip,
			 uint64_t declared, bool sized)
{
	if (strncmp(url, "/api/", 5) != 0 || (sized && declared <= MAX_FORM_BODY))
		return MAX_FORM_BODY;
	req_t r;
	req_init(&r, app, c, url, method, ip);
	bool known = api_client_known(&r);
	arena_free(&r.arena);
	return known ? MAX_BODY : MAX_FORM_BODY;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_size,
				  void **con_cls)
{
	(void)version;
	web_app *app = cls;
	conn_state *cs = *con_cls;
	char ip[INET6_ADDRSTRLEN];
	if (!cs) {
		/* First call: the head is in.  Never answer here (it would
		 * force Connection: close) unless the body is refused anyway. */
		guard_head(app->guard, c, guard_now());
		cs = xcalloc(1, sizeof *cs);
		cs->started = now_ms();
		*con_cls = cs;
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
		char *end = NULL;
		unsigned long long declared = cl ? strtoull(cl, &end, 10) : 0;
		bool sized = cl && end != cl && !*end;
		bool chunked = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Transfer-Encoding") != NULL;
		if (!sized && !chunked)
			return MHD_YES;   /* no body */
		client_ip(c, ip);
		cs->limit = body_limit(app, c, url, method, ip, declared, sized);
		if (sized && declared > cs->limit) {
			/* Too large is refused before a byte of it is read. */
			req_t r;
			req_init(&r, app, c, url, method, ip);
			r.api = !strncmp(url, "/api/", 5);
			fail_page(&r, 413, "送信された内容が大きすぎます。", "The request is too large.");
			return respond(c, app, &r, method, cs->started);
		}
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

	guard_busy(app->guard, c);
	client_ip(c, ip);
	req_t r;
	req_init(&r, app, c, url, method, ip);
	r.body = buf_str(&cs->body);
	r.body_len = cs->body.len;
	/* The query string: libmicrohttpd gives it decoded, as GET arguments. */
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect_query, &r);
	if (cs->too_big) {
		r.api = !strncmp(url, "/api/", 5);
		fail_page(&r, 413, "送信された内容が大きすぎます。", "The request is too large.");
	} else if (!r.store) {
		fail_page(&r, 503, "データベースを開けません。", "The database cannot be opened.");
	} else {
		route_request(&r);
	}
	return respond(c, app, &r, method, cs->started);
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	web_app *app = cls;
	(void)toe;
	conn_state *cs = *con_cls;
	if (cs) {
		buf_free(&cs->body);
		free(cs);
		*con_cls = NULL;
	}
	/* kept alive: the next request head has its deadline from now */
	guard_idle(app->guard, c, guard_now());
}

/* ---- connection limits (guard.h) ---- */

int64_t guard_now(void)
{
	return (int64_t)now_ms();
}

static void cut_fd(int fd)
{
	shutdown(fd, SHUT_RDWR);
}

static bool fd_unread(int fd)
{
	int n = 0;
	return ioctl(fd, FIONREAD, &n) == 0 && n > 0;
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			  enum MHD_ConnectionNotificationCode toe)
{
	web_app *app = cls;
	(void)socket_context;
	if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
		guard_close(app->guard, c);
		return;
	}
	const union MHD_ConnectionInfo *fdi = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	char ip[INET6_ADDRSTRLEN];
	client_ip(c, ip);
	if (fdi && !guard_open(app->guard, c, fdi->connect_fd, ip, guard_now())) {
		/* Every connection of this address (or of the server) is in
		 * the middle of a request: say so, and hang up. */
		static const char busy[] = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
					   "Retry-After: 5\r\nConnection: close\r\nContent-Length: 32\r\n\r\n"
					   "too many connections; try again\n";
		ssize_t w = send(fdi->connect_fd, busy, sizeof busy - 1, MSG_DONTWAIT | MSG_NOSIGNAL);
		(void)w;
		cut_fd(fdi->connect_fd);
	}
}

/* Cuts connections past their deadlines, four times a second. */
static void *watchdog(void *p)
{
	web_app *app = p;
	pthread_mutex_lock(&app->lock);
	while (!app->stopping) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 250 * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&app->stop_cond, &app->lock, &ts);
		if (app->stopping)
			break;
		pthread_mutex_unlock(&app->lock);
		guard_sweep(app->guard, guard_now());
		pthread_mutex_lock(&app->lock);
	}
	pthread_mutex_unlock(&app->lock);
	return NULL;
}

static void stop_watchdog(web_app *app, pthread_t dog)
{
	pthread_mutex_lock(&app->lock);
	app->stopping = true;
	pthread_cond_signal(&app->stop_cond);
	pthread_mutex_unlock(&app->lock);
	pthread_join(dog, NULL);
	guard_free(app->guard);
	app->guard = NULL;
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
	pthread_mutex_init(&app.sess_lock, NULL);
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

	/* Per-address limits and deadlines are the guard's (guard.h), so
	 * slow clients cannot hold every slot; libmicrohttpd keeps the hard
	 * limit and the idle timeout. */
	/* other processes' writes, on PostgreSQL (store/watch.h) */
	app.watch = store_watch_start(cfg->db_path);

	guard_config gc = {MAX_CONNS, SOFT_CONNS, PER_IP_CONNS, HEAD_MS, BODY_MS, cut_fd, fd_unread};
	app.guard = guard_new(&gc);
	pthread_cond_init(&app.stop_cond, NULL);
	pthread_t dog;
	if (pthread_create(&dog, NULL, watchdog, &app) != 0) {
		fprintf(stderr, "secstep: serve: cannot start a thread\n");
		store_watch_stop(app.watch);
		return 1;
	}
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)cfg->port, NULL, NULL,
		on_request, &app,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)cfg->threads,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)MAX_CONNS,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)IDLE_TIMEOUT,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, &app,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, &app,
		MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "secstep: serve: cannot listen on %s:%d (in use, or not allowed)\n", cfg->host, cfg->port);
		stop_watchdog(&app, dog);
		store_watch_stop(app.watch);
		return 1;
	}
	printf("secstep: %s http://%s:%d/\n", cfg->lang == LANG_EN ? "serving on" : "起動しました", cfg->host, cfg->port);
	if (app.setup_token[0])
		printf("secstep: %s\n  http://%s:%d/setup?token=%s\n",
		       cfg->lang == LANG_EN ? "first run — open this link to create the first owner account:"
					    : "初回の起動です。次のリンクを開いて、最初の経営者アカウントを作ってください:",
		       cfg->host, cfg->port, app.setup_token);
	fflush(stdout);
	sched_start(cfg->db_path, app.cat);   /* weekly digests, when mail is set up */

	int sig = 0;
	sigwait(&set, &sig);
	fprintf(stderr, "secstep: serve: stopping (signal %d)\n", sig);
	sched_stop();
	MHD_stop_daemon(d);
	stop_watchdog(&app, dog);
	store_watch_stop(app.watch);
	/* No worker renders any more: drop cairo's and fontconfig's caches,
	 * so a leak checker at exit sees only real leaks. */
	report_shutdown();
	/* The pool threads are gone; close the main thread's context, if any. */
	close_thread(pthread_getspecific(store_key));
	pthread_setspecific(store_key, NULL);
	return 0;
}
