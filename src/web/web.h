/* web.h — the web face: one request type, one route table, writers that
 * escape by default.  Handlers read r->co (already loaded and access-checked
 * by the router) and write the whole response into r->out; nothing is sent
 * until the handler returns, so an error can still replace the page. */
#ifndef SECSTEP_WEB_H
#define SECSTEP_WEB_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/errs.h"
#include "catalog/catalog.h"
#include "core/model.h"
#include "store/account.h"
#include "store/store.h"

typedef struct web_app web_app;

/* What a route demands.  Checked once, in router.c, before the handler. */
typedef enum {
	ACC_PUBLIC,     /* anyone, no session needed */
	ACC_USER,       /* any signed-in account */
	ACC_MEMBER,     /* any member of the company in the path (employees too) */
	ACC_READ,       /* owner, officer or adviser of that company */
	ACC_WRITE,      /* owner or officer */
	ACC_OWNER,      /* owner only */
	ACC_ADVISER,    /* an adviser of a support body that looks after the company */
	ACC_ADMIN,      /* an install administrator (a stored flag on the account) */
	ACC_BODY,       /* an adviser of the support body in the path (:body) */
} access_t;

enum {
	RF_API = 1 << 0,        /* JSON in and out; errors as JSON */
	RF_COMPANY = 1 << 1,    /* path has :company; load it */
	RF_NO_CSRF = 1 << 2,    /* a POST that needs no CSRF token (login, setup, a
				 * one-time link whose secret is in the path) */
	RF_AUDIT = 1 << 3,      /* a download recorded in the audit log when it is
				 * served ("export" of :file, or "backup") */
};

typedef struct req req_t;
typedef void (*handler_fn)(req_t *r);

typedef struct {
	const char *method;     /* "GET" or "POST" (API also "PATCH") */
	const char *pattern;    /* "/c/:company/plan", segments ":name" capture */
	access_t access;
	unsigned flags;
	handler_fn fn;
} route_t;

#define MAX_FORM 256
#define MAX_PARAMS 4
#define MAX_QUERY 32

struct req {
	web_app *app;
	store_t *store;          /* this thread's connection */
	const catalog *cat;
	arena_t arena;           /* everything per request */
	const char *method, *path;
	const char *ip;
	/* request body and parsed fields (form or query) */
	const char *body;
	size_t body_len;
	const char *form_k[MAX_FORM], *form_v[MAX_FORM];
	int n_form;
	const char *query_k[MAX_QUERY], *query_v[MAX_QUERY];
	int n_query;
	const char *param_k[MAX_PARAMS], *param_v[MAX_PARAMS];
	int n_params;
	const char *cookie_sid, *cookie_lang, *hdr_csrf, *hdr_ctype;
	const char *hdr_origin, *hdr_host, *hdr_fetch_site, *hdr_agent;
	lang_t lang;
	date_t today;
	/* who */
	int64_t account;         /* 0 when anonymous */
	char account_name[ACCOUNT_TEXT_BYTES];
	char login[ACCOUNT_TEXT_BYTES];
	bool admin;              /* an install administrator */
	char csrf[80];
	unsigned char sid_hash[32];
	bool has_session;
	bool token_auth;         /* signed in by an API token, not a cookie */
	const char *hdr_auth;    /* Authorization header */
	/* the company in the path */
	int64_t company_id;
	m_company *co;
	bool co_borrowed;        /* r->co belongs to the thread's cache */
	int snap_slot;           /* and is in this slot of it */
	int64_t want_company;    /* session_load reads the relation to it too */
	bool rel_known;          /* and did: rel */
	relation_t rel;
	void *thread;            /* thread_ctx (web_int.h) */
	member_role_t role;
	char person_key[40];     /* employee ↔ person link */
	int64_t body_id;         /* the support body in the path (ACC_BODY) */
	/* response */
	int status;
	buf_t out;
	const char *ctype;
	const char *location;
	const char *set_cookie[3];
	int n_set_cookie;
	const char *cache;       /* Cache-Control; default no-store */
	const char *etag;
	const char *disposition; /* Content-Disposition (downloads) */
	const char *allow;       /* Allow (405) */
	bool api;
};

/* ---- writers: escape by default ---- */

/* hp(): printf into the response where every %s is HTML-escaped (safe in
 * text and in double-quoted attributes).  Numbers print as numbers. */
void hp(req_t *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Catalog text, escaped, with glossary terms linked to their definitions
 * (only on company pages: the links go to /c/ID/reference). */
void hp_gloss(req_t *r, const char *text);
/* Literal markup only: the argument must be a string literal. */
#define HL(r, lit) buf_add(&(r)->out, "" lit "", sizeof(lit) - 1)
void html_escape(buf_t *b, const char *s);
/* A value for a URL query (percent-encoded). */
const char *url_arg(req_t *r, const char *s);

/* The text for the request's language. */
const char *T(const req_t *r, const char *ja, const char *en);
/* The same for a count n: English in the singular when n is 1. */
const char *TN(const req_t *r, long long n, const char *ja, const char *one, const char *many);
const char *TX(const req_t *r, text_t t);

/* ---- request fields ---- */

const char *form(const req_t *r, const char *key);          /* NULL when absent */
int form_all(const req_t *r, const char *key, const char **out, int max);
const char *param(const req_t *r, const char *key);         /* path parameter */
const char *qarg(const req_t *r, const char *key);          /* query string */

/* ---- responses ---- */

void redirect(req_t *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void send_json(req_t *r, int status, json_t *v);   /* takes the reference */
/* Error answers (fail.c): a page, or {"error": …} for the API.  Every one
 * that is the server's fault (5xx) or has a cause is logged with the
 * request and the cause.  fail_db: a database error — 503 when the
 * database is busy, 500 otherwise, never a "not found". */
void fail_page(req_t *r, int status, const char *ja, const char *en);
void fail_errs(req_t *r, int status, const errs_t *cause, const char *ja, const char *en);
/* The same with the plain wording for status (503: busy or unavailable;
 * otherwise "this could not be done"). */
void web_fail_errs(req_t *r, int status, const errs_t *e);
void fail_db(req_t *r, const errs_t *cause);
/* Saves r->co (the change is written to the audit log); on error shows a
 * failure page and returns false. */
bool save_company(req_t *r);
/* Writes one audit entry as the signed-in account (company: r->company_id
 * when 0 is not wanted, pass it explicitly).  detail (may be NULL) is
 * taken over.  Failures are logged, never shown. */
void web_audit(req_t *r, int64_t company, int64_t body, const char *action, const char *target, json_t *detail);

/* ---- made pieces of pages (server.c) ----
 * A piece of a GET page or answer that depends only on the company's
 * snapshot (its version), the language, today's date and the viewer's role
 * and person is made once per worker thread and version, then copied:
 *
 *     size_t mark;
 *     if (!frag_emit(r, "dash.a", &mark)) {
 *             ...write the piece with hp()...
 *             frag_keep(r, "dash.a", mark);
 *     }
 *
 * frag_emit appends the kept piece and returns true, or returns false and
 * sets mark to where the piece will start.  Nothing that changes without a
 * new version (the audit log, sessions, a CSRF token, the query string)
 * may go into a piece.  Outside a company GET both do nothing. */
bool frag_emit(req_t *r, const char *name, size_t *mark);
void frag_keep(req_t *r, const char *name, size_t mark);

/* ---- page frame (layout.c) ---- */

typedef enum {
	NAV_NONE, NAV_DASH, NAV_PLAN, NAV_PEOPLE, NAV_LEARN, NAV_DIAG, NAV_HELP, NAV_REF, NAV_MEMBERS, NAV_EXPORT, NAV_POLICY, NAV_REG, NAV_AUDIT, NAV_ADVICE
} nav_t;
void page_begin(req_t *r, const char *title, nav_t nav);
void page_end(req_t *r);
/* A hidden CSRF field for forms. */
void csrf_field(req_t *r);
/* Shows collected input errors as a list (role=alert). */
void show_errors(req_t *r, const errs_t *e);
void flash(req_t *r, const char *ja, const char *en);   /* a success notice */

/* ---- auth.c ---- */

bool password_hash(const char *pw, char out[192]);
bool password_verify(const char *hash, const char *pw);
/* Starts a new session for account (rotation: a fresh token every login). */
bool session_start(req_t *r, int64_t account);
/* Password rules for a new password: problems go to e under label. */
void check_new_password(req_t *r, errs_t *e, const char *label, const char *login, const char *pw);
void session_end(req_t *r);
/* API tokens: token_load signs the request in from "Bearer TOKEN";
 * token_create makes one for the signed-in account (out: 64 hex). */
void token_load(req_t *r, const char *token);
bool token_create(req_t *r, const char *label, char out[65]);
/* Loads the session from the cookie; sets r->account.  Expired sessions
 * are deleted. */
void session_load(req_t *r);
/* Sign-in throttling, kept in the database (every server process sees
 * it): by the login as compared (case folded) and, separately and more
 * leniently, by the address.  throttle_allow: false when either is locked
 * out now. */
bool throttle_allow(req_t *r, const char *login);
void throttle_fail(req_t *r, const char *login);
void throttle_ok(req_t *r, const char *login);

/* ---- the app (server.c) ---- */

const char *app_setup_token(web_app *app);    /* NULL once an account exists */
/* Spends the setup token given, once: true for exactly one caller with
 * the right token.  app_setup_restore gives it back when that caller
 * could not finish (its account was not created). */
bool app_setup_take(web_app *app, const char *given);
void app_setup_restore(web_app *app, const char *token);

/* ---- routes (router.c) and handlers (pages_*.c, api.c) ---- */

void route_request(req_t *r);
extern const route_t routes[];

/* Charts (svg.c), written into the response. */
void svg_step_gauge(req_t *r, int current, int working);
void svg_progress(req_t *r, int done, int total, const char *label);
void svg_history(req_t *r, const m_company *co);
void svg_staffing(req_t *r, const int *has, const int *needs, int n, const char *const *labels);

#endif
