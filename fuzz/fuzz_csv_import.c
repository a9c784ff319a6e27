/* fuzz_csv_import.c — the CSV register import: the first byte picks the
 * register, the rest is the CSV file, read the way `secstep register
 * import` reads it (csv_parse, columns by field name or label, every row
 * through reg_check).  Oracles: the cells written back with csv_cell read
 * as the same cells; a company holding every accepted row exports to a
 * document that imports again. */
#include <jansson.h>
#include <string.h>

#include "base/buf.h"
#include "base/util.h"
#include "core/registers.h"
#include "exchange/doc.h"
#include "fuzz.h"
#include "view/tables.h"

static const catalog *cat;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	cat = catalog_builtin();
	return 0;
}

static void same_after_rewrite(const csv_rows *rows)
{
	buf_t b = BUF_INIT;
	for (size_t r = 0; r < rows->n; r++) {
		for (size_t c = 0; c < rows->rows[r].n; c++) {
			if (c)
				buf_putc(&b, ',');
			csv_cell(&b, rows->rows[r].cells[c]);
		}
		buf_puts(&b, "\r\n");
	}
	arena_t ar = {0};
	csv_rows again;
	FUZZ_CHECK(csv_parse(b.p ? b.p : "", b.len, &ar, &again), "rewritten CSV does not parse");
	/* a row of one empty cell is written as an empty line */
	size_t k = 0;
	for (size_t r = 0; r < rows->n; r++) {
		if (rows->rows[r].n == 1 && !*rows->rows[r].cells[0])
			continue;
		FUZZ_CHECK(k < again.n, "row %zu lost", r);
		FUZZ_CHECK(again.rows[k].n == rows->rows[r].n, "row %zu: %zu cells, then %zu", r, rows->rows[r].n, again.rows[k].n);
		for (size_t c = 0; c < rows->rows[r].n; c++)
			FUZZ_CHECK(!strcmp(again.rows[k].cells[c], rows->rows[r].cells[c]), "row %zu cell %zu: \"%s\" then \"%s\"", r, c,
				   rows->rows[r].cells[c], again.rows[k].cells[c]);
		k++;
	}
	arena_free(&ar);
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	const reg_spec *sp = &reg_specs[data[0] % reg_n_specs];
	const char *csv = (const char *)data + 1;
	size_t len = size - 1;
	if (!utf8_valid(csv, len))
		return 0;   /* refused before parsing */
	arena_t ar = {0};
	csv_rows rows;
	if (!csv_parse(csv, len, &ar, &rows) || rows.n == 0) {
		arena_free(&ar);
		return 0;
	}
	same_after_rewrite(&rows);
	const field_spec **cols = arena_alloc(&ar, (rows.rows[0].n + 1) * sizeof *cols);
	for (size_t c = 0; c < rows.rows[0].n; c++)
		cols[c] = reg_column(sp, rows.rows[0].cells[c]);
	m_company *co = company_new();
	co->id = 1;
	co->name = "CSV";
	co->industry = "E";
	co->employees = 5;
	m_person *p = arena_push(&co->arena, (void **)&co->people, &co->n_people, &co->cap_people, sizeof *p);
	p->key = "p1";
	p->name = "担当";
	errs_t e = ERRS_INIT;
	for (size_t r = 1; r < rows.n; r++) {
		json_t *in = json_object();
		for (size_t c = 0; c < rows.rows[r].n && c < rows.rows[0].n; c++)
			if (cols[c] && *rows.rows[r].cells[c])
				json_object_set_new(in, cols[c]->name, reg_cell_json(cols[c], rows.rows[r].cells[c]));
		size_t before = errs_count(&e);
		json_t *ok = reg_check(cat, co, sp, in, "row", LANG_EN, &e);
		FUZZ_CHECK(ok ? errs_count(&e) == before : errs_count(&e) > before, "row %zu: accepted %d with %zu new errors", r, ok != NULL,
			   errs_count(&e) - before);
		if (ok)
			reg_add(co, sp, ok);
		json_decref(ok);
		json_decref(in);
	}
	json_t *doc = doc_export(cat, co);
	char *text = json_dumps(doc, JSON_COMPACT);
	json_decref(doc);
	errs_free(&e);
	m_company *back = doc_import(cat, text, strlen(text), date_from_ymd(2026, 11, 25), LANG_EN, &e);
	FUZZ_CHECK(back != NULL, "the registers do not import again: %s: %s", e.n ? e.where[0] : "?", e.n ? e.what[0] : "?");
	FUZZ_CHECK(back->n_records == co->n_records, "%zu records, then %zu", co->n_records, back->n_records);
	free(text);
	company_free(back);
	company_free(co);
	errs_free(&e);
	arena_free(&ar);
	return 0;
}
