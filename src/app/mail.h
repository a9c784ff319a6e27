/* mail.h — sending mail through the relay the operator names, with
 * libcurl (SMTP, STARTTLS, AUTH; no SMTP client of our own).
 *
 *   SECSTEP_SMTP_URL   smtp://HOST:PORT or smtps://HOST:PORT, with an
 *                      optional user:password@ (URL-encoded)
 *   SECSTEP_MAIL_FROM  the sender: "addr@example.jp" or "Name <addr@…>"
 *   SECSTEP_BASE_URL   where links in mails point (default
 *                      http://127.0.0.1:8080)
 *   SECSTEP_SMTP_TLS   "try" (default: STARTTLS when the relay offers it;
 *                      required when a password is given to a relay that
 *                      is not on this machine) or "require"
 *   SECSTEP_MAIL_TRIES tries per mail (default 3), SECSTEP_MAIL_BACKOFF_MS
 *                      the first wait between tries (default 2000; it
 *                      doubles each time)
 *
 * A mail is UTF-8: the subject in RFC 2047 encoded words, a plain-text
 * part and a simple HTML part (multipart/alternative, base64), and for
 * mails one can unsubscribe from, List-Unsubscribe and
 * List-Unsubscribe-Post (RFC 8058) headers. */
#ifndef SECSTEP_APP_MAIL_H
#define SECSTEP_APP_MAIL_H

#include <stdbool.h>

#include "base/buf.h"
#include "base/errs.h"
#include "store/store.h"

typedef struct {
	char url[1024];
	char from[512];          /* the From: header as given */
	char from_addr[256];     /* the address alone (the envelope sender) */
	char base_url[512];      /* no trailing slash */
	bool require_tls;
	int tries;
	int backoff_ms;
} mail_cfg;

/* Whether SECSTEP_SMTP_URL is set (mail is meant to be sent). */
bool mail_configured(void);
/* Reads and checks the environment.  false with errs naming the variable. */
bool mail_cfg_load(mail_cfg *cfg, errs_t *errs);
/* The base URL for links, also when mail is not configured. */
void mail_base_url(char out[512]);

typedef struct {
	const char *to;          /* one address */
	const char *subject;     /* UTF-8 */
	const char *text;        /* the plain-text part, UTF-8, \n line ends */
	const char *html;        /* the HTML part (already escaped), or NULL */
	const char *unsubscribe; /* an https/http URL, or NULL */
} mail_msg;

/* Whether s is an address we will write into a header: printable ASCII
 * without spaces, quotes or angle brackets, one "@" with text on each
 * side. */
bool mail_addr_ok(const char *s);
/* Appends the RFC 2047 form of a header value (encoded words of at most
 * 75 characters, folded) — plain when it is short printable ASCII. */
void mail_encode_header(buf_t *out, const char *value, size_t used);
/* Appends HTML-escaped text. */
void mail_html_escape(buf_t *out, const char *s);
/* The whole message (headers and body, CRLF line ends). */
void mail_compose(const mail_cfg *cfg, const mail_msg *m, buf_t *out);
/* Sends one message, trying cfg->tries times with doubling waits.  false
 * with the last error in err (relay's answer or libcurl's message). */
bool mail_send(const mail_cfg *cfg, const mail_msg *m, char err[256]);

/* Makes an unsubscribe link for addr and kind ("digest", "adviser"):
 * stores the token's hash and writes the URL into out. */
bool mail_unsubscribe_link(store_t *s, const char *base_url, const char *addr, const char *kind, char out[640],
			   errs_t *errs);
/* The hex hash under which a token is stored. */
void mail_token_hash(const char *token, char out[65]);

#endif
