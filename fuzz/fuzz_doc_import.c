/* fuzz_doc_import.c — the company document import (doc_import), with the
 * round trip as the oracle: whatever import accepts, export gives a
 * document that import accepts again, and exporting that gives the same
 * document, byte for byte.  Anything import refuses must come with at
 * least one error naming where. */
#include <jansson.h>
#include <string.h>

#include "exchange/doc.h"
#include "fuzz.h"

static const catalog *cat;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cat = catalog_builtin();
	return 0;
}

static char *export_text(const m_company *co)
{
	json_t *doc = doc_export(cat, co);
	char *s = json_dumps(doc, JSON_INDENT(1) | JSON_SORT_KEYS);
	json_decref(doc);
	FUZZ_CHECK(s != NULL, "export cannot be written");
	return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	date_t today = date_from_ymd(2026, 11, 25);
	errs_t e = ERRS_INIT;
	m_company *co = doc_import(cat, (const char *)data, size, today, LANG_EN, &e);
	if (!co) {
		FUZZ_CHECK(e.n > 0, "refused without an error");
		for (size_t i = 0; i < e.n; i++)
			FUZZ_CHECK(e.where[i] && e.what[i] && *e.what[i], "error %zu is empty", i);
		errs_free(&e);
		return 0;
	}
	FUZZ_CHECK(e.n == 0, "accepted with %zu errors (first: %s: %s)", e.n, e.where[0], e.what[0]);
	char *a = export_text(co);
	company_free(co);
	m_company *co2 = doc_import(cat, a, strlen(a), today, LANG_EN, &e);
	FUZZ_CHECK(co2 != NULL, "its own export is refused: %s: %s\n%s", e.n ? e.where[0] : "?", e.n ? e.what[0] : "?", a);
	char *b = export_text(co2);
	FUZZ_CHECK(strcmp(a, b) == 0, "export -> import -> export differs\n--- first\n%s\n--- second\n%s", a, b);
	free(a);
	free(b);
	company_free(co2);
	errs_free(&e);
	return 0;
}
