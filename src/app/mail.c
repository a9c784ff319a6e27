/* mail.c — composing and sending mail (mail.h). */
#include <curl/curl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app/mail.h"
#include "base/util.h"
#include "store/mail.h"
#include "store/store_int.h"

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_start(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

bool mail_configured(void)
{
	const char *u = getenv("SECSTEP_SMTP_URL");
	return u && *u;
}

void mail_base_url(char out[512])
{
	const char *b = getenv("SECSTEP_BASE_URL");
	store_copy(out, 512, b && *b ? b : "http://127.0.0.1:8080");
	size_t n = strlen(out);
	while (n && out[n - 1] == '/')
		out[--n] = '\0';
}

bool mail_addr_ok(const char *s)
{
	if (!s || !*s || strlen(s) > 254)
		return false;
	const char *at = strchr(s, '@');
	if (!at || at == s || !at[1] || strchr(at + 1, '@'))
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p >= 127 || strchr("<>()[]\\,;:\"", *p))
			return false;
	return true;
}

static int env_int(const char *name, int dflt, int lo, int hi)
{
	const char *v = getenv(name);
	if (!v || !*v)
		return dflt;
	char *end;
	long n = strtol(v, &end, 10);
	return *end || n < lo || n > hi ? -1 : (int)n;
}

/* Whether the URL's host is this machine (a local relay). */
static bool host_local(const char *url)
{
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	const char *at = strchr(h, '@'), *slash = strchr(h, '/');
	if (at && (!slash || at < slash))
		h = at + 1;
	return !strncmp(h, "127.", 4) || !strncmp(h, "localhost", 9) || !strncmp(h, "[::1]", 5);
}

bool mail_cfg_load(mail_cfg *cfg, errs_t *errs)
{
	memset(cfg, 0, sizeof *cfg);
	const char *url = getenv("SECSTEP_SMTP_URL"), *from = getenv("SECSTEP_MAIL_FROM");
	size_t before = errs_count(errs);
	if (!url || !*url)
		errs_add(errs, "SECSTEP_SMTP_URL", "is not set (smtp://HOST:PORT or smtps://HOST:PORT)");
	else if ((strncmp(url, "smtp://", 7) && strncmp(url, "smtps://", 8)) || strlen(url) >= sizeof cfg->url ||
		 strpbrk(url, " \r\n"))
		errs_add(errs, "SECSTEP_SMTP_URL", "must be smtp://HOST:PORT or smtps://HOST:PORT (with an optional user:password@)");
	else
		store_copy(cfg->url, sizeof cfg->url, url);
	if (!from || !*from) {
		errs_add(errs, "SECSTEP_MAIL_FROM", "is not set (the sender's address)");
	} else {
		const char *lt = strchr(from, '<'), *gt = lt ? strchr(lt, '>') : NULL;
		char addr[256] = "";
		if (lt && gt && (size_t)(gt - lt - 1) < sizeof addr) {
			memcpy(addr, lt + 1, (size_t)(gt - lt - 1));
			addr[gt - lt - 1] = '\0';
		} else if (!lt) {
			store_copy(addr, sizeof addr, from);
		}
		if (!mail_addr_ok(addr) || strpbrk(from, "\r\n") || strlen(from) >= sizeof cfg->from)
			errs_add(errs, "SECSTEP_MAIL_FROM", "must be an address (dev@example.jp) or Name <dev@example.jp>");
		else {
			store_copy(cfg->from, sizeof cfg->from, from);
			store_copy(cfg->from_addr, sizeof cfg->from_addr, addr);
		}
	}
	const char *tls = getenv("SECSTEP_SMTP_TLS");
	if (tls && *tls && strcmp(tls, "try") && strcmp(tls, "require"))
		errs_add(errs, "SECSTEP_SMTP_TLS", "must be try or require");
	/* A password is never sent in the clear to another machine. */
	bool has_user = url && strchr(url, '@') && strchr(url, '@') < (strchr(url + 8, '/') ? strchr(url + 8, '/') : url + strlen(url));
	cfg->require_tls = (tls && !strcmp(tls, "require")) || (has_user && url && !strncmp(url, "smtp://", 7) && !host_local(url));
	cfg->tries = env_int("SECSTEP_MAIL_TRIES", 3, 1, 10);
	if (cfg->tries < 0)
		errs_add(errs, "SECSTEP_MAIL_TRIES", "must be a whole number from 1 to 10");
	cfg->backoff_ms = env_int("SECSTEP_MAIL_BACKOFF_MS", 2000, 0, 600000);
	if (cfg->backoff_ms < 0)
		errs_add(errs, "SECSTEP_MAIL_BACKOFF_MS", "must be a whole number of milliseconds up to 600000");
	mail_base_url(cfg->base_url);
	return errs_count(errs) == before;
}

static void b64(buf_t *out, const unsigned char *p, size_t n)
{
	size_t len = sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL);
	char *tmp = xmalloc(len);
	sodium_bin2base64(tmp, len, p, n, sodium_base64_VARIANT_ORIGINAL);
	buf_puts(out, tmp);
	free(tmp);
}

void mail_encode_header(buf_t *out, const char *value, size_t used)
{
	size_t n = strlen(value);
	bool plain = n + used <= 76;
	for (size_t i = 0; plain && i < n; i++)
		if ((unsigned char)value[i] < ' ' || (unsigned char)value[i] >= 127 || (value[i] == '=' && value[i + 1] == '?'))
			plain = false;
	if (plain) {
		buf_puts(out, value);
		return;
	}
	/* Encoded words of at most 75 characters: "=?UTF-8?B?" + 60 base64
	 * characters (45 bytes) + "?=", never splitting a character. */
	size_t i = 0;
	bool first = true;
	while (i < n) {
		size_t take = n - i < 45 ? n - i : 45;
		while (take < n - i && take > 0 && ((unsigned char)value[i + take] & 0xC0) == 0x80)
			take--;
		if (!first)
			buf_puts(out, "\r\n ");
		buf_puts(out, "=?UTF-8?B?");
		b64(out, (const unsigned char *)value + i, take);
		buf_puts(out, "?=");
		i += take;
		first = false;
	}
}

void mail_html_escape(buf_t *out, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '<': buf_puts(out, "&lt;"); break;
		case '>': buf_puts(out, "&gt;"); break;
		case '&': buf_puts(out, "&amp;"); break;
		case '"': buf_puts(out, "&quot;"); break;
		case '\'': buf_puts(out, "&#39;"); break;
		default: buf_putc(out, *s);
		}
}

/* A body part: base64 in lines of 76. */
static void part(buf_t *out, const char *boundary, const char *type, const char *body)
{
	buf_printf(out, "--%s\r\nContent-Type: %s; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n", boundary, type);
	/* Line ends of the text become CRLF before encoding. */
	buf_t crlf = BUF_INIT;
	for (const char *p = body; *p; p++) {
		if (*p == '\n' && (p == body || p[-1] != '\r'))
			buf_putc(&crlf, '\r');
		buf_putc(&crlf, *p);
	}
	buf_t enc = BUF_INIT;
	b64(&enc, (const unsigned char *)buf_str(&crlf), crlf.len);
	for (size_t i = 0; i < enc.len; i += 76) {
		buf_add(out, enc.p + i, enc.len - i < 76 ? enc.len - i : 76);
		buf_puts(out, "\r\n");
	}
	buf_free(&enc);
	buf_free(&crlf);
}

void mail_compose(const mail_cfg *cfg, const mail_msg *m, buf_t *out)
{
	unsigned char rnd[12];
	char hex[25], boundary[48];
	randombytes_buf(rnd, sizeof rnd);
	sodium_bin2hex(hex, sizeof hex, rnd, sizeof rnd);
	snprintf(boundary, sizeof boundary, "=_secstep_%s", hex);
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	char date[64];
	static const char *const wd[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char *const mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	snprintf(date, sizeof date, "%s, %02d %s %04d %02d:%02d:%02d +0000", wd[tm.tm_wday], tm.tm_mday, mo[tm.tm_mon],
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
	const char *domain = strchr(cfg->from_addr, '@');
	buf_printf(out, "Date: %s\r\n", date);
	/* A display name outside ASCII is encoded; the address stays as is. */
	const char *lt = strchr(cfg->from, '<');
	if (lt && lt > cfg->from) {
		char name[512];
		size_t nl = (size_t)(lt - cfg->from);
		memcpy(name, cfg->from, nl);
		while (nl && name[nl - 1] == ' ')
			nl--;
		name[nl] = '\0';
		buf_puts(out, "From: ");
		mail_encode_header(out, name, 6);
		buf_printf(out, " <%s>\r\n", cfg->from_addr);
	} else {
		buf_printf(out, "From: <%s>\r\n", cfg->from_addr);
	}
	buf_printf(out, "To: <%s>\r\n", m->to);
	buf_puts(out, "Subject: ");
	mail_encode_header(out, m->subject, 9);
	buf_puts(out, "\r\n");
	buf_printf(out, "Message-ID: <%s.%lld@%s>\r\n", hex, (long long)now, domain ? domain + 1 : "secstep.invalid");
	buf_puts(out, "MIME-Version: 1.0\r\n");
	if (m->unsubscribe) {
		buf_printf(out, "List-Unsubscribe: <%s>\r\n", m->unsubscribe);
		buf_puts(out, "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n");
	}
	buf_puts(out, "Auto-Submitted: auto-generated\r\n");
	if (m->html) {
		buf_printf(out, "Content-Type: multipart/alternative; boundary=\"%s\"\r\n\r\n", boundary);
		part(out, boundary, "text/plain", m->text);
		part(out, boundary, "text/html", m->html);
		buf_printf(out, "--%s--\r\n", boundary);
	} else {
		buf_t one = BUF_INIT;
		part(&one, boundary, "text/plain", m->text);
		/* drop the boundary line: a single part is the whole body */
		const char *body = strstr(buf_str(&one), "\r\n") + 2;
		buf_puts(out, body);
		buf_free(&one);
	}
}

typedef struct {
	const char *p;
	size_t left;
} reader;

static size_t read_cb(char *dst, size_t size, size_t n, void *arg)
{
	reader *r = arg;
	size_t want = size * n;
	if (want > r->left)
		want = r->left;
	memcpy(dst, r->p, want);
	r->p += want;
	r->left -= want;
	return want;
}

static bool send_once(const mail_cfg *cfg, const char *to, const buf_t *msg, char err[256])
{
	CURL *c = curl_easy_init();
	if (!c) {
		snprintf(err, 256, "libcurl could not start");
		return false;
	}
	char errbuf[CURL_ERROR_SIZE] = "", from[300], rcpt_s[300];
	snprintf(from, sizeof from, "<%s>", cfg->from_addr);
	snprintf(rcpt_s, sizeof rcpt_s, "<%s>", to);
	struct curl_slist *rcpt = curl_slist_append(NULL, rcpt_s);
	reader rd = {buf_str(msg), msg->len};
	curl_easy_setopt(c, CURLOPT_URL, cfg->url);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &rd);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_USE_SSL, cfg->require_tls ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	CURLcode rc = curl_easy_perform(c);
	bool ok = rc == CURLE_OK;
	if (!ok) {
		long code = 0;
		curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
		if (code)
			snprintf(err, 256, "relay answered %ld: %.200s", code, *errbuf ? errbuf : curl_easy_strerror(rc));
		else
			snprintf(err, 256, "%s", *errbuf ? errbuf : curl_easy_strerror(rc));
	}
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	return ok;
}

bool mail_send(const mail_cfg *cfg, const mail_msg *m, char err[256])
{
	pthread_once(&curl_once, curl_start);
	err[0] = '\0';
	if (!mail_addr_ok(m->to)) {
		snprintf(err, 256, "not a usable address: %.200s", m->to ? m->to : "");
		return false;
	}
	buf_t msg = BUF_INIT;
	mail_compose(cfg, m, &msg);
	bool ok = false;
	long wait = cfg->backoff_ms;
	for (int t = 1; t <= cfg->tries && !ok; t++) {
		ok = send_once(cfg, m->to, &msg, err);
		if (!ok) {
			fprintf(stderr, "secstep: mail: to %s, try %d of %d: %s\n", m->to, t, cfg->tries, err);
			if (t < cfg->tries && wait > 0) {
				struct timespec ts = {wait / 1000, (wait % 1000) * 1000000L};
				nanosleep(&ts, NULL);
				wait *= 2;
			}
		}
	}
	buf_free(&msg);
	return ok;
}

void mail_token_hash(const char *token, char out[65])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, 65, h, sizeof h);
}

bool mail_unsubscribe_link(store_t *s, const char *base_url, const char *addr, const char *kind, char out[640],
			   errs_t *errs)
{
	unsigned char raw[24];
	char tok[49], hash[65];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(tok, sizeof tok, raw, sizeof raw);
	mail_token_hash(tok, hash);
	if (!store_mail_token_add(s, hash, addr, kind, errs))
		return false;
	snprintf(out, 640, "%s/unsubscribe/%s", base_url, tok);
	return true;
}
