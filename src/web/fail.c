/* fail.c — the one funnel for the web face's errors, and the server's log
 * lines.  Every error answer goes through fail_errs(): the user gets a page
 * (or, for the API, {"error": …}) in their language; the operator gets a
 * line on stderr for every error that is the server's fault (5xx) or has a
 * cause (a database message, say), with the request it belongs to.  What a
 * client sent is never written raw to the log: bytes outside printable
 * ASCII (and, in the fields of the access log, spaces) are written as %XX, so a decoded "%0a" in a path cannot forge a
 * log line and an escape sequence cannot reach the operator's terminal. */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "web/web_int.h"

void log_escape(buf_t *b, const char *s, bool spaces)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		if ((*p > ' ' || (spaces && *p == ' ')) && *p < 0x7f && *p != '%') {
			buf_putc(b, (char)*p);
		} else {
			buf_putc(b, '%');
			buf_putc(b, hex[*p >> 4]);
			buf_putc(b, hex[*p & 15]);
		}
	}
}

/* One line, written with a single call so lines of several threads do not
 * interleave. */
static void log_line(buf_t *b)
{
	buf_putc(b, '\n');
	fwrite(b->p, 1, b->len, stderr);
	fflush(stderr);
}

void log_access(const char *ip, const char *method, const char *path, int status, size_t len, double ms)
{
	buf_t b = BUF_INIT;
	log_escape(&b, ip, false);
	buf_putc(&b, ' ');
	log_escape(&b, method, false);
	buf_putc(&b, ' ');
	log_escape(&b, path, false);
	char tail[64];
	snprintf(tail, sizeof tail, " %d %zu %.1fms", status, len, ms);
	buf_puts(&b, tail);
	log_line(&b);
	buf_free(&b);
}

void log_error(const req_t *r, int status, const char *what, const errs_t *cause)
{
	buf_t b = BUF_INIT;
	char head[48];
	snprintf(head, sizeof head, "secstep: serve: %d ", status);
	buf_puts(&b, head);
	log_escape(&b, r->method, false);
	buf_putc(&b, ' ');
	log_escape(&b, r->path, false);
	buf_puts(&b, ": ");
	buf_puts(&b, what);
	for (size_t i = 0; cause && i < cause->n; i++) {
		buf_puts(&b, "; ");
		log_escape(&b, cause->where[i], true);
		buf_puts(&b, ": ");
		log_escape(&b, cause->what[i], true);
	}
	log_line(&b);
	buf_free(&b);
}

void fail_errs(req_t *r, int status, const errs_t *cause, const char *ja, const char *en)
{
	if (status >= 500 || (cause && cause->n))
		log_error(r, status, en, cause);
	if (r->api) {
		send_json(r, status, json_pack("{s:s}", "error", en));
		return;
	}
	buf_reset(&r->out);
	r->status = status;
	r->location = NULL;
	page_begin(r, T(r, "エラー", "Error"), NAV_NONE);
	hp(r, "<section class=\"card\"><h1>%s</h1><p>%s</p><p><a href=\"/\">%s</a></p></section>",
	   T(r, "ご覧いただけません", "This page cannot be shown"), T(r, ja, en), T(r, "トップへ戻る", "Back to the start"));
	page_end(r);
	r->status = status;
}

void fail_page(req_t *r, int status, const char *ja, const char *en)
{
	fail_errs(r, status, NULL, ja, en);
}

/* SQLite's words for a database another writer holds (after the busy
 * timeout): the client may simply try again. */
static bool is_busy(const errs_t *e)
{
	for (size_t i = 0; i < e->n; i++)
		if (strstr(e->what[i], "locked") || strstr(e->what[i], "busy"))
			return true;
	return false;
}

void web_fail_errs(req_t *r, int status, const errs_t *cause)
{
	if (status == 503)
		fail_errs(r, 503, cause, "いま混み合っているか、データベースが使えません。少し待ってからもう一度お試しください。",
			  "The server is busy or its database is unavailable. Please try again in a moment.");
	else
		fail_errs(r, status, cause, "処理できませんでした。もう一度お試しください。", "This could not be done. Please try again.");
}

void fail_db(req_t *r, const errs_t *cause)
{
	web_fail_errs(r, cause && is_busy(cause) ? 503 : 500, cause);
}
