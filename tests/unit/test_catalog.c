/* test_catalog.c — the built-in catalog loads; the validator rejects a
 * broken one (duplicate id, dangling reference, missing language, wrong
 * counts) and names the place. */
#include "testutil.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "catalog/catalog.h"

/* A private copy of the built-in files, as parsed JSON, to break. */
typedef struct {
	json_t *docs[16];
	char *text[16];
	struct embedded_file files[17];
	size_t n;
} fixture;

static void fixture_load(fixture *f)
{
	memset(f, 0, sizeof *f);
	for (const struct embedded_file *e = catalog_files; e->name; e++) {
		f->docs[f->n] = json_loadb(e->data, e->len, 0, NULL);
		assert_non_null(f->docs[f->n]);
		f->files[f->n].name = e->name;
		f->n++;
	}
}

static json_t *doc(fixture *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->files[i].name, name) == 0)
			return f->docs[i];
	fail_msg("no catalog file %s", name);
	return NULL;
}

/* Loads the (possibly broken) fixture; returns the errors joined. */
static char *fixture_errors(fixture *f, bool *loaded)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->text[i]);
		f->text[i] = json_dumps(f->docs[i], 0);
		f->files[i].data = f->text[i];
		f->files[i].len = strlen(f->text[i]);
	}
	errs_t e = ERRS_INIT;
	catalog *c = catalog_load(f->files, &e);
	*loaded = c != NULL;
	catalog_free(c);
	size_t cap = 1;
	for (size_t i = 0; i < e.n; i++)
		cap += strlen(e.where[i]) + strlen(e.what[i]) + 4;
	char *all = xcalloc(1, cap);
	for (size_t i = 0; i < e.n; i++) {
		strcat(all, e.where[i]);
		strcat(all, ": ");
		strcat(all, e.what[i]);
		strcat(all, "\n");
	}
	errs_free(&e);
	return all;
}

static void fixture_free(fixture *f)
{
	for (size_t i = 0; i < f->n; i++) {
		json_decref(f->docs[i]);
		free(f->text[i]);
	}
}

static json_t *checkpoint(fixture *f, int step, int n)
{
	json_t *steps = json_object_get(doc(f, "steps.json"), "steps");
	return json_array_get(json_object_get(json_array_get(steps, (size_t)step - 1), "checkpoints"), (size_t)n);
}

static void builtin_loads(void **state)
{
	(void)state;
	const catalog *c = catalog_builtin();
	assert_int_equal(c->steps[0].n_checkpoints, 3);
	assert_int_equal(c->steps[3].n_checkpoints, 4);
	assert_string_equal(c->checkpoints[13].id, "cp-4-4");
	assert_string_equal(c->tasks[15].id, "task-4-4");
	assert_int_equal(c->n_exams, 6);
	assert_int_equal(c->n_cases, 4);
	assert_true(c->n_glossary >= 10);
	assert_non_null(cat_measure_find(c, "m-1-consult-ipa"));
	assert_non_null(cat_term_find(c, "ransomware"));
	assert_string_equal(cat_band_for(c, 100)->id, "100");
	assert_string_equal(cat_band_for(c, 99)->id, "70-99");
	assert_string_equal(cat_band_for(c, 50)->id, "50-69");
	assert_string_equal(cat_band_for(c, -25)->id, "0-49");
}

static void intact_fixture_loads(void **state)
{
	(void)state;
	fixture f;
	fixture_load(&f);
	bool ok;
	char *errs = fixture_errors(&f, &ok);
	assert_string_equal(errs, "");
	assert_true(ok);
	free(errs);
	fixture_free(&f);
}

static void rejects_duplicate_id(void **state)
{
	(void)state;
	fixture f;
	fixture_load(&f);
	json_t *res = json_object_get(doc(&f, "resources.json"), "resources");
	json_object_set(json_array_get(res, 1), "id", json_object_get(json_array_get(res, 0), "id"));
	bool ok;
	char *errs = fixture_errors(&f, &ok);
	assert_false(ok);
	assert_non_null(strstr(errs, "duplicate id"));
	free(errs);
	fixture_free(&f);
}

static void rejects_dangling_reference(void **state)
{
	(void)state;
	fixture f;
	fixture_load(&f);
	json_t *steps = json_object_get(doc(&f, "steps.json"), "steps");
	json_t *m = json_array_get(json_object_get(json_array_get(steps, 0), "measures"), 0);
	json_object_set_new(m, "resources", json_pack("[s]", "res-does-not-exist"));
	json_t *t = json_array_get(json_object_get(json_array_get(steps, 1), "tasks"), 0);
	json_object_set_new(t, "checkpoints", json_pack("[s]", "cp-9-9"));
	bool ok;
	char *errs = fixture_errors(&f, &ok);
	assert_false(ok);
	assert_non_null(strstr(errs, "unknown resource \"res-does-not-exist\""));
	assert_non_null(strstr(errs, "unknown checkpoint \"cp-9-9\""));
	free(errs);
	fixture_free(&f);
}

static void rejects_missing_language(void **state)
{
	(void)state;
	fixture f;
	fixture_load(&f);
	json_object_del(json_object_get(checkpoint(&f, 2, 1), "title"), "en");
	json_object_set_new(json_object_get(checkpoint(&f, 1, 0), "summary"), "ja", json_string("  "));
	bool ok;
	char *errs = fixture_errors(&f, &ok);
	assert_false(ok);
	assert_non_null(strstr(errs, "steps[1].checkpoints[1].title.en: missing language"));
	assert_non_null(strstr(errs, "steps[0].checkpoints[0].summary.ja: empty text"));
	free(errs);
	fixture_free(&f);
}

static void rejects_wrong_counts(void **state)
{
	(void)state;
	fixture f;
	fixture_load(&f);
	json_t *sd = json_object_get(doc(&f, "self_diagnosis.json"), "self_diagnosis");
	json_array_remove(sd, 24);
	bool ok;
	char *errs = fixture_errors(&f, &ok);
	assert_false(ok);
	assert_non_null(strstr(errs, "must list exactly 25 items"));
	free(errs);
	fixture_free(&f);

	fixture_load(&f);
	json_t *cases = json_object_get(doc(&f, "cases.json"), "cases");
	json_array_remove(cases, 3);
	errs = fixture_errors(&f, &ok);
	assert_false(ok);
	assert_non_null(strstr(errs, "required case \"case-d\" is missing"));
	free(errs);
	fixture_free(&f);
}

static void rejects_renamed_checkpoint(void **state)
{
	(void)state;
	fixture f;
	fixture_load(&f);
	json_object_set_new(checkpoint(&f, 3, 0), "id", json_string("cp-3-9"));
	bool ok;
	char *errs = fixture_errors(&f, &ok);
	assert_false(ok);
	assert_non_null(strstr(errs, "expected id \"cp-3-1\""));
	free(errs);
	fixture_free(&f);
}

static void rejects_bad_json(void **state)
{
	(void)state;
	struct embedded_file files[] = {{"steps.json", "{\"steps\": [", 11},
					{"dup.json", "{\"a\": 1, \"a\": 2}", 16},
					{NULL, NULL, 0}};
	errs_t e = ERRS_INIT;
	assert_null(catalog_load(files, &e));
	assert_int_equal(e.n, 2);
	assert_string_equal(e.where[0], "steps.json");
	assert_string_equal(e.where[1], "dup.json");
	errs_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_loads),
		cmocka_unit_test(intact_fixture_loads),
		cmocka_unit_test(rejects_duplicate_id),
		cmocka_unit_test(rejects_dangling_reference),
		cmocka_unit_test(rejects_missing_language),
		cmocka_unit_test(rejects_wrong_counts),
		cmocka_unit_test(rejects_renamed_checkpoint),
		cmocka_unit_test(rejects_bad_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
