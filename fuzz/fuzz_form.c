/* fuzz_form.c — the form and query decoder (parse_urlencoded in
 * src/web/server.c): any bytes as an x-www-form-urlencoded body.  Oracles:
 * at most MAX_FORM fields, every key non-empty, every key and value valid
 * UTF-8 without NUL, each no longer than the input. */
#include <string.h>

#include "base/util.h"
#include "fuzz.h"
#include "web/web_int.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static req_t r;
	memset(&r, 0, sizeof r);
	parse_urlencoded(&r, (const char *)data, size);
	FUZZ_CHECK(r.n_form >= 0 && r.n_form <= MAX_FORM, "%d fields", r.n_form);
	for (int i = 0; i < r.n_form; i++) {
		size_t kl = strlen(r.form_k[i]), vl = strlen(r.form_v[i]);
		FUZZ_CHECK(kl > 0 && kl <= size && vl <= size, "field %d: %zu/%zu of %zu", i, kl, vl, size);
		FUZZ_CHECK(utf8_valid(r.form_k[i], kl) && utf8_valid(r.form_v[i], vl), "field %d not UTF-8", i);
	}
	/* the same text once more gives the same fields */
	req_t *again = calloc(1, sizeof *again);
	parse_urlencoded(again, (const char *)data, size);
	FUZZ_CHECK(again->n_form == r.n_form, "%d then %d fields", r.n_form, again->n_form);
	for (int i = 0; i < r.n_form; i++)
		FUZZ_CHECK(!strcmp(again->form_k[i], r.form_k[i]) && !strcmp(again->form_v[i], r.form_v[i]), "field %d differs", i);
	arena_free(&again->arena);
	free(again);
	arena_free(&r.arena);
	return 0;
}
