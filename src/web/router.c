/* router.c — the one place where every request is checked: method, route,
 * session, the account's role in the company of the path, and the CSRF
 * token of every state change.  Handlers run only after all of it. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "web/web_int.h"

extern const struct embedded_file web_files[];

const char *qarg(const req_t *r, const char *key)
{
	for (int i = 0; i < r->n_query; i++)
		if (strcmp(r->query_k[i], key) == 0)
			return r->query_v[i];
	return NULL;
}

/* Matches path against pattern, capturing ":name" segments. */
static bool match(req_t *r, const char *pattern, const char *path)
{
	r->n_params = 0;
	const char *p = pattern, *s = path;
	while (*p && *s) {
		if (*p != '/' || *s != '/')
			return false;
		p++;
		s++;
		const char *pe = strchr(p, '/'), *se = strchr(s, '/');
		size_t pl = pe ? (size_t)(pe - p) : strlen(p), sl = se ? (size_t)(se - s) : strlen(s);
		if (*p == ':') {
			if (sl == 0 || r->n_params >= MAX_PARAMS)
				return false;
			r->param_k[r->n_params] = arena_strndup(&r->arena, p + 1, pl - 1);
			r->param_v[r->n_params++] = arena_strndup(&r->arena, s, sl);
		} else if (pl != sl || strncmp(p, s, pl) != 0) {
			return false;
		}
		p += pl;
		s += sl;
	}
	return *p == '\0' && *s == '\0';
}

static void static_file(req_t *r)
{
	const char *name = param(r, "file");
	const struct embedded_file *f = name ? embedded_find(web_files, name) : NULL;
	if (!f) {
		r->status = 404;
		r->ctype = "text/plain; charset=utf-8";
		buf_puts(&r->out, "not found\n");
		return;
	}
	const char *dot = strrchr(name, '.');
	r->ctype = !dot ? "application/octet-stream"
		 : !strcmp(dot, ".css") ? "text/css; charset=utf-8"
		 : !strcmp(dot, ".js") ? "text/javascript; charset=utf-8"
		 : !strcmp(dot, ".svg") ? "image/svg+xml"
		 : "application/octet-stream";
	unsigned char h[8];
	crypto_generichash(h, sizeof h, (const unsigned char *)f->data, f->len, NULL, 0);
	char hex[17];
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	r->etag = arena_printf(&r->arena, "\"%s\"", hex);
	r->cache = "public, max-age=86400";
	buf_add(&r->out, f->data, f->len);
}

static void healthz(req_t *r)
{
	errs_t e = ERRS_INIT;
	int n = store_account_count(r->store, &e);
	errs_free(&e);
	r->ctype = "text/plain; charset=utf-8";
	r->status = n >= 0 ? 200 : 503;
	buf_puts(&r->out, n >= 0 ? "ok\n" : "database unavailable\n");
}

static bool role_allows(access_t need, member_role_t role)
{
	switch (need) {
	case ACC_MEMBER:
		return role != ROLE_NONE;
	case ACC_READ:
		return role == ROLE_OWNER || role == ROLE_OFFICER || role == ROLE_ADVISER;
	case ACC_WRITE:
		return role == ROLE_OWNER || role == ROLE_OFFICER;
	case ACC_OWNER:
		return role == ROLE_OWNER;
	case ACC_ADVISER:
		return role == ROLE_ADVISER;
	default:
		return true;
	}
}

static void set_lang(req_t *r)
{
	const char *q = qarg(r, "lang");
	r->lang = LANG_JA;
	if (q && (!strcmp(q, "en") || !strcmp(q, "ja"))) {
		r->lang = !strcmp(q, "en") ? LANG_EN : LANG_JA;
		const char *c = r->lang == LANG_EN ? "lang=en; Path=/; SameSite=Lax; Max-Age=31536000"
						   : "lang=ja; Path=/; SameSite=Lax; Max-Age=31536000";
		r->set_cookie[r->n_set_cookie++] = c;
	} else if (r->cookie_lang && !strcmp(r->cookie_lang, "en")) {
		r->lang = LANG_EN;
	}
}

static bool csrf_ok(const req_t *r)
{
	const char *given = r->hdr_csrf;
	if (!given) {
		/* The form token comes from the body only, never the query. */
		for (int i = 0; i < r->n_form; i++)
			if (!strcmp(r->form_k[i], "csrf"))
				given = r->form_v[i];
	}
	size_t n = strlen(r->csrf);
	return given && n && strlen(given) == n && sodium_memcmp(given, r->csrf, n) == 0;
}

/* A state change sent by a browser must come from our own pages: when the
 * browser names the origin (Origin, Sec-Fetch-Site), it must be this
 * site.  Requests without those headers (scripts) rely on the CSRF token. */
static bool origin_ok(const req_t *r)
{
	if (r->hdr_fetch_site && strcmp(r->hdr_fetch_site, "same-origin") && strcmp(r->hdr_fetch_site, "none"))
		return false;
	if (!r->hdr_origin)
		return true;
	if (!r->hdr_host || !strcmp(r->hdr_origin, "null"))
		return false;
	const char *o = r->hdr_origin;
	if (!strncmp(o, "http://", 7))
		o += 7;
	else if (!strncmp(o, "https://", 8))
		o += 8;
	else
		return false;
	return strcmp(o, r->hdr_host) == 0;
}

/* A positive integer path parameter, or 0. */
static int64_t id_param(const req_t *r, const char *name)
{
	const char *v = param(r, name);
	char *end;
	long long id = v && *v >= '1' && *v <= '9' ? strtoll(v, &end, 10) : 0;
	return id > 0 && !*end ? id : 0;
}

/* The methods a path answers to, for 405's Allow header. */
static const char *allowed_methods(req_t *r)
{
	bool get = false, post = false;
	for (const route_t *x = routes; x->pattern; x++) {
		if (!match(r, x->pattern, r->path))
			continue;
		get |= !strcmp(x->method, "GET");
		post |= !strcmp(x->method, "POST");
	}
	return get && post ? "GET, HEAD, POST" : get ? "GET, HEAD" : "POST";
}

static void not_found_company(req_t *r)
{
	/* No relation and no company look the same: nothing is given away. */
	fail_page(r, 404, "この会社は見つからないか、あなたの担当ではありません。",
		  "This company does not exist or is not assigned to you.");
}

/* Checks the company in the path against the account's relation to it and
 * runs the handler: a GET on a snapshot from the thread's cache, a write
 * inside one transaction. */
static void company_route(req_t *r, const route_t *rt, bool is_write)
{
	int64_t id = id_param(r, "company");
	if (!id) {
		fail_page(r, 404, "ページが見つかりません。", "Page not found.");
		return;
	}
	errs_t e = ERRS_INIT;
	relation_t rel = r->rel;   /* read with the session, when it was */
	if (!(r->rel_known && id == r->want_company) && !store_relation(r->store, id, r->account, &rel, &e)) {
		web_fail_errs(r, 503, &e);
		errs_free(&e);
		return;
	}
	r->rel = rel;
	r->role = rel.role;
	snprintf(r->person_key, sizeof r->person_key, "%s", rel.person_key);
	if (!rel.exists || r->role == ROLE_NONE) {
		not_found_company(r);
		return;
	}
	if (!role_allows(rt->access, r->role)) {
		if (r->role == ROLE_EMPLOYEE && !is_write && !r->api)
			redirect(r, "/c/%lld/me", (long long)id);
		else
			fail_page(r, 403, "この操作の権限がありません。", "You do not have permission for this.");
		return;
	}
	r->company_id = id;
	if (!is_write) {
		r->co = snapshot_borrow(r, id, rel.version, &e);
		r->co_borrowed = true;
	} else {
		/* A write reads and saves the company inside one write
		 * transaction: two writers never lose each other's change. */
		if (!store_begin(r->store, &e)) {
			web_fail_errs(r, 503, &e);
			errs_free(&e);
			return;
		}
		if (!store_company_lock(r->store, id, &e)) {
			store_rollback(r->store);
			web_fail_errs(r, 503, &e);
			errs_free(&e);
			return;
		}
		r->co = store_company_load(r->store, id, &e);
	}
	if (!r->co) {
		if (is_write)
			store_rollback(r->store);
		if (e.n)
			web_fail_errs(r, 500, &e);
		else
			not_found_company(r);
		errs_free(&e);
		return;
	}
	errs_free(&e);
	rt->fn(r);
	if (is_write) {
		errs_t ce = ERRS_INIT;
		if (r->status >= 400)
			store_rollback(r->store);
		else if (!store_commit(r->store, &ce))
			web_fail_errs(r, 500, &ce);
		errs_free(&ce);
	}
}

static void route(req_t *r)
{
	set_lang(r);
	if (!strcmp(r->path, "/healthz") && !strcmp(r->method, "GET")) {
		healthz(r);
		return;
	}
	if (!strncmp(r->path, "/static/", 8) && !strcmp(r->method, "GET")) {
		r->n_params = 1;
		r->param_k[0] = "file";
		r->param_v[0] = r->path + 8;
		static_file(r);
		return;
	}
	const route_t *rt = NULL;
	bool path_known = false;
	for (const route_t *x = routes; x->pattern; x++) {
		if (!match(r, x->pattern, r->path))
			continue;
		path_known = true;
		if (!strcmp(x->method, r->method)) {
			rt = x;
			break;
		}
	}
	if (!rt) {
		r->api = !strncmp(r->path, "/api/", 5);
		if (path_known) {
			r->allow = allowed_methods(r);
			fail_page(r, 405, "このページは、その方法では開けません。", "This page does not accept that method.");
		} else {
			fail_page(r, 404, "ページが見つかりません。", "Page not found.");
		}
		return;
	}
	r->api = (rt->flags & RF_API) != 0;

	bool is_write = strcmp(r->method, "GET") != 0;
	if (is_write) {
		if (r->api && r->body_len) {
			if (!r->hdr_ctype || strncmp(r->hdr_ctype, "application/json", 16) != 0) {
				fail_page(r, 415, "JSON で送ってください。", "Send JSON (Content-Type: application/json).");
				return;
			}
		} else if (!r->api) {
			parse_urlencoded(r, r->body, r->body_len);
		}
	}

	if (r->api && r->hdr_auth && !strncmp(r->hdr_auth, "Bearer ", 7)) {
		token_load(r, r->hdr_auth + 7);
	} else {
		if (rt->flags & RF_COMPANY)
			r->want_company = id_param(r, "company");
		session_load(r);
	}
	if (rt->access != ACC_PUBLIC && !r->account) {
		if (r->api) {
			fail_page(r, 401, "ログインが必要です。", "Sign in first.");
		} else {
			const char *next = strcmp(r->method, "GET") ? "/" : r->path;
			redirect(r, "/login?next=%s", url_arg(r, next));
		}
		return;
	}
	if (is_write && !r->token_auth && !origin_ok(r)) {
		fail_page(r, 403, "ほかのサイトからの送信は受け付けません。", "Requests from other sites are refused.");
		return;
	}
	if (is_write && !(rt->flags & RF_NO_CSRF) && !r->token_auth && !csrf_ok(r)) {
		fail_page(r, 403, "送信を確認できませんでした（CSRF トークンがありません）。ページを開き直してから、もう一度送信してください。",
			  "The form could not be verified (missing CSRF token). Reload the page and send it again.");
		return;
	}
	if (rt->access == ACC_ADMIN && !r->admin) {
		fail_page(r, 403, "この操作はこのサーバーの管理者だけができます。",
			  "Only an administrator of this install can do this.");
		return;
	}
	if (rt->access == ACC_BODY) {
		errs_t e = ERRS_INIT;
		int64_t body = id_param(r, "body");
		bool ok = body && store_body_is_adviser(r->store, body, r->account, &e);
		if (e.n) {
			web_fail_errs(r, 503, &e);
			errs_free(&e);
			return;
		}
		if (!ok) {
			fail_page(r, 404, "この支援機関は見つからないか、あなたは所属していません。",
				  "This support body does not exist or you are not one of its advisers.");
			return;
		}
		r->body_id = body;
	}
	if (rt->flags & RF_COMPANY)
		company_route(r, rt, is_write);
	else
		rt->fn(r);
	if ((rt->flags & RF_AUDIT) && r->status < 400)
		web_audit(r, r->company_id, r->body_id, param(r, "file") ? "export" : "backup",
			  param(r, "file") ? param(r, "file") : "database", NULL);
}

/* The request's reads (session, relation, version, what the page reads)
 * share one read transaction on SQLite; a write ends it first
 * (store_read_scope). */
void route_request(req_t *r)
{
	store_read_scope(r->store);
	route(r);
	store_read_scope_end(r->store);
}
