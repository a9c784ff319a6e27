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

void route_request(req_t *r)
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
		fail_page(r, path_known ? 405 : 404, "ページが見つかりません。", "Page not found.");
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

	if (r->api && r->hdr_auth && !strncmp(r->hdr_auth, "Bearer ", 7))
		token_load(r, r->hdr_auth + 7);
	else
		session_load(r);
	if (rt->access != ACC_PUBLIC && !r->account) {
		if (r->api) {
			fail_page(r, 401, "ログインが必要です。", "Sign in first.");
		} else {
			const char *next = strcmp(r->method, "GET") ? "/" : r->path;
			redirect(r, "/login?next=%s", url_arg(r, next));
		}
		return;
	}
	if (rt->access == ACC_ADMIN && r->account != 1) {
		fail_page(r, 403, "この操作はこのサーバーの管理者（最初に作られたアカウント）だけができます。",
			  "Only this install's administrator (the first account) can do this.");
		return;
	}
	if (is_write && !(rt->flags & RF_NO_CSRF) && !r->token_auth && !csrf_ok(r)) {
		fail_page(r, 403, "送信を確認できませんでした（CSRF トークンがありません）。ページを開き直してから、もう一度送信してください。",
			  "The form could not be verified (missing CSRF token). Reload the page and send it again.");
		return;
	}
	if (rt->flags & RF_COMPANY) {
		const char *cid = param(r, "company");
		char *end;
		long long id = cid ? strtoll(cid, &end, 10) : 0;
		if (!cid || *end || id <= 0) {
			fail_page(r, 404, "ページが見つかりません。", "Page not found.");
			return;
		}
		errs_t e = ERRS_INIT;
		r->role = store_member_role(r->store, id, r->account, r->person_key, sizeof r->person_key, &e);
		if (e.n) {   /* a database error is not "no such company" */
			fail_db(r, &e);
			errs_free(&e);
			return;
		}
		/* The install's administrator (the first account) may open every
		 * company, e.g. ones imported from the command line. */
		if (r->role == ROLE_NONE && r->account == 1 && store_company_version(r->store, id, &e) >= 0)
			r->role = ROLE_OWNER;
		if (r->role == ROLE_NONE) {
			/* Not assigned: answer as if the company did not exist. */
			fail_page(r, 404, "この会社は見つからないか、あなたの担当ではありません。",
				  "This company does not exist or is not assigned to you.");
			return;
		}
		if (!role_allows(rt->access, r->role)) {
			if (r->role == ROLE_EMPLOYEE && !is_write && !r->api)
				redirect(r, "/c/%lld/me", id);
			else
				fail_page(r, 403, "この操作の権限がありません。", "You do not have permission for this.");
			return;
		}
		r->company_id = id;
		if (!is_write) {
			r->co = snapshot_borrow(r, id, &e);
			r->co_borrowed = true;
		} else {
			/* A write reads and saves the company inside one write
			 * transaction: two writers never lose each other's change. */
			if (!store_begin(r->store, &e)) {
				fail_db(r, &e);
				errs_free(&e);
				return;
			}
			r->co = store_company_load(r->store, id, &e);
		}
		if (!r->co) {
			if (is_write)
				store_rollback(r->store);
			if (e.n)
				fail_db(r, &e);
			else
				fail_page(r, 404, "この会社は見つかりません。", "This company does not exist.");
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
				fail_db(r, &ce);
			errs_free(&ce);
		}
		return;
	}
	rt->fn(r);
}
