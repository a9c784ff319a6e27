/* fuzz_request.c — whole requests through the router: method, path, query,
 * cookies (session and language), the Authorization and X-CSRF-Token
 * headers and a form body, all from the input.  The input is split at
 * '\n' into: method, path, sid cookie, lang cookie, Authorization,
 * X-CSRF-Token, Content-Type, then the body; a field "S" stands for the
 * valid session (or token, or CSRF token) so the fuzzer reaches signed-in
 * pages.  Oracles (fuzz_web.h): never a 500, redirects stay on this site,
 * API answers are JSON. */
#include "fuzz_web.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_web_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	const char *f[8] = {0};
	char *p = copy;
	for (int i = 0; i < 7; i++) {
		char *nl = memchr(p, '\n', (size_t)(copy + size - p));
		f[i] = p;
		if (!nl) {
			p = copy + size;
			break;
		}
		*nl = '\0';
		p = nl + 1;
	}
	f[7] = p;
	size_t body_len = (size_t)(copy + size - p);
	const char *method = f[0] && !strcmp(f[0], "P") ? "POST" : "GET";
	const char *path = f[1] && f[1][0] == '/' ? f[1] : "/";
	/* the query string, as libmicrohttpd hands it over: decoded pairs */
	char *q = strchr((char *)(uintptr_t)path, '?');
	req_t *r = calloc(1, sizeof *r);
	fuzz_req(r, method, path);
	if (q) {
		*q = '\0';
		parse_urlencoded(r, q + 1, strlen(q + 1));
		for (int i = 0; i < r->n_form && r->n_query < MAX_QUERY; i++) {
			r->query_k[r->n_query] = r->form_k[i];
			r->query_v[r->n_query++] = r->form_v[i];
		}
		r->n_form = 0;
	}
	r->cookie_sid = f[2] && !strcmp(f[2], "S") ? FUZZ_SID : f[2];
	r->cookie_lang = f[3];
	r->hdr_auth = f[4] && !strcmp(f[4], "S") ? "Bearer " FUZZ_TOKEN : f[4];
	r->hdr_csrf = f[5] && !strcmp(f[5], "S") ? FUZZ_CSRF : f[5];
	r->hdr_ctype = f[6];
	r->body = f[7];
	r->body_len = body_len;
	/* PDFs are left out: one takes a tenth of a second under the
	 * sanitizers, and fontconfig's one-time caches read as leaks per
	 * input.  Their input is the company, not the request. */
	size_t pl = strlen(r->path);
	if (pl >= 4 && !strcmp(r->path + pl - 4, ".pdf"))
		arena_free(&r->arena);
	else
		fuzz_route(r);
	free(r);
	free(copy);
	return 0;
}
