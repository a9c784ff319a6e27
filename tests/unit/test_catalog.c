/* test_catalog.c — the built-in catalog (the tables tools/catgen compiled
 * in) is complete and agrees with its JSON form; the generator's checks
 * reject a broken catalog (duplicate id, dangling reference, missing
 * language, wrong counts, inconsistent kinds) and name the place. */
#include "testutil.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "catalog/catalog.h"
#include "catload.h"

/* A private copy of the built-in catalog, one parsed document per
 * top-level key (as if each were its own file), to break. */
typedef struct {
	json_t *docs[32];
	char *names[32];
	char *text[32];
	catload_file files[33];
	size_t n;
} fixture;

static void fixture_load(fixture *f)
{
	memset(f, 0, sizeof *f);
	const char *key;
	json_t *v;
	json_object_foreach(catalog_json(), key, v) {
		assert_true(f->n < 32);
		f->docs[f->n] = json_object();
		json_object_set_new(f->docs[f->n], key, json_deep_copy(v));
		f->names[f->n] = xstrdup(key);
		f->files[f->n].name = f->names[f->n];
		f->n++;
	}
}

/* The document holding top-level key. */
static json_t *doc(fixture *f, const char *key)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->names[i], key) == 0)
			return f->docs[i];
	fail_msg("no catalog key %s", key);
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
	catload *c = catload_read(f->files, &e);
	*loaded = c != NULL;
	catload_free(c);
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
		free(f->names[i]);
	}
}

static json_t *checkpoint(fixture *f, int step, int n)
{
	json_t *steps = json_object_get(doc(f, "steps"), "steps");
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

/* The compiled tables hold the same data as the JSON form (the one
 * `catalog --json` prints), item by item. */
static void tables_match_json(void **state)
{
	(void)state;
	const catalog *c = catalog_builtin();
	json_t *j = catalog_json();
	assert_ptr_equal(j, catalog_json());   /* parsed once */
	json_t *steps = json_object_get(j, "steps");
	assert_int_equal(json_array_size(steps), CAT_STEPS);
	size_t nm = 0;
	for (int s = 0; s < CAT_STEPS; s++) {
		json_t *st = json_array_get(steps, (size_t)s);
		const cat_step *cs = &c->steps[s];
		assert_string_equal(cs->title.ja, json_string_value(json_object_get(json_object_get(st, "title"), "ja")));
		assert_string_equal(cs->learning.en,
				    json_string_value(json_object_get(json_object_get(st, "learning"), "en")));
		json_t *ms = json_object_get(st, "measures");
		assert_int_equal(cs->n_measures, json_array_size(ms));
		for (size_t m = 0; m < cs->n_measures; m++) {
			json_t *jm = json_array_get(ms, m);
			assert_string_equal(cs->measures[m].id, json_string_value(json_object_get(jm, "id")));
			assert_string_equal(side_id(cs->measures[m].side), json_string_value(json_object_get(jm, "side")));
			assert_string_equal(measure_kind_id(cs->measures[m].kind),
					    json_string_value(json_object_get(jm, "kind")));
			assert_int_equal(cs->measures[m].n_resources, json_array_size(json_object_get(jm, "resources")));
			assert_ptr_equal(&cs->measures[m], cat_measure_find(c, cs->measures[m].id));
		}
		nm += cs->n_measures;
		json_t *cps = json_object_get(st, "checkpoints");
		for (size_t k = 0; k < cs->n_checkpoints; k++) {
			json_t *q = json_object_get(json_array_get(cps, k), "questions");
			assert_int_equal(cs->checkpoints[k].n_questions, json_array_size(q));
			for (size_t i = 0; i < cs->checkpoints[k].n_questions; i++)
				assert_string_equal(cs->checkpoints[k].questions[i].help.en,
						    json_string_value(json_object_get(json_object_get(json_array_get(q, i), "help"), "en")));
		}
	}
	assert_int_equal(c->n_measures, nm);
	static const char *const arrays[] = {"resources", "exams", "cases", "glossary"};
	const size_t counts[] = {c->n_resources, c->n_exams, c->n_cases, c->n_glossary};
	for (size_t i = 0; i < ARRAY_LEN(arrays); i++)
		assert_int_equal(counts[i], json_array_size(json_object_get(j, arrays[i])));
	json_t *cases = json_object_get(j, "cases");
	for (size_t i = 0; i < c->n_cases; i++) {
		json_t *acts = json_object_get(json_array_get(cases, i), "actions");
		assert_int_equal(c->cases[i].n_actions, json_array_size(acts));
		assert_string_equal(c->cases[i].actions[c->cases[i].n_actions - 1].ja,
				    json_string_value(json_object_get(json_array_get(acts, c->cases[i].n_actions - 1), "ja")));
	}
	/* strings with quotes, backslashes or question marks survive C escaping */
	for (size_t i = 0; i < c->n_glossary; i++)
		assert_string_equal(c->glossary[i].definition.en,
				    json_string_value(json_object_get(json_object_get(
					    json_array_get(json_object_get(j, "glossary"), i), "definition"), "en")));
}

static void phases_and_labels(void **state)
{
	(void)state;
	const catalog *c = catalog_builtin();
	assert_int_equal(c->n_phases, 3);
	assert_string_equal(c->phases[0].id, "detect");
	assert_string_equal(c->phases[2].id, "recover");
	for (size_t i = 0; i < c->n_phases; i++)
		assert_true(c->phases[i].n_steps >= 1 && *c->phases[i].steps[0].en);
	assert_string_equal(cat_label(c->task_statuses, c->n_task_statuses, "doing", LANG_EN), "Doing");
	assert_string_equal(cat_label(c->task_statuses, c->n_task_statuses, "todo", LANG_JA), "未着手");
	assert_string_equal(cat_label(c->exam_statuses, c->n_exam_statuses, "studying", LANG_JA), "勉強中");
	assert_string_equal(cat_label(c->role_times, c->n_role_times, "dedicated", LANG_JA), "専任");
	assert_string_equal(cat_label(c->role_times, c->n_role_times, "weekly", LANG_EN), "weekly");
	const cat_tag *community = cat_tag_find(c->kinds, c->n_kinds, "community");
	assert_non_null(community);
	assert_int_equal(community->sides, (1u << SIDE_INSIDE) | (1u << SIDE_OUTSIDE));
	assert_int_equal(cat_tag_find(c->kinds, c->n_kinds, "acquire")->sides, 1u << SIDE_INSIDE);
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
	json_t *res = json_object_get(doc(&f, "resources"), "resources");
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
	json_t *steps = json_object_get(doc(&f, "steps"), "steps");
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
	json_t *sd = json_object_get(doc(&f, "self_diagnosis"), "self_diagnosis");
	json_array_remove(sd, 24);
	bool ok;
	char *errs = fixture_errors(&f, &ok);
	assert_false(ok);
	assert_non_null(strstr(errs, "must list exactly 25 items"));
	free(errs);
	fixture_free(&f);

	fixture_load(&f);
	json_t *cases = json_object_get(doc(&f, "cases"), "cases");
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

/* A measure whose kind is not used on its side; a measure naming a
 * resource the catalog files under other STEPs. */
static void rejects_inconsistent_kinds_and_steps(void **state)
{
	(void)state;
	fixture f;
	fixture_load(&f);
	json_t *steps = json_object_get(doc(&f, "steps"), "steps");
	json_t *ms = json_object_get(json_array_get(steps, 0), "measures");
	json_t *dev = NULL;
	size_t i;
	json_t *m;
	json_array_foreach(ms, i, m)
		if (!dev && strcmp(json_string_value(json_object_get(m, "kind")), "develop") == 0)
			dev = m;
	assert_non_null(dev);
	json_object_set_new(dev, "side", json_string("outside"));
	json_t *m4 = json_array_get(json_object_get(json_array_get(steps, 3), "measures"), 0);
	json_object_set_new(m4, "resources", json_pack("[s]", "res-manabi-dx"));   /* STEP1-2 only */
	bool ok;
	char *errs = fixture_errors(&f, &ok);
	assert_false(ok);
	assert_non_null(strstr(errs, "kind \"develop\" is not used on the outside side"));
	assert_non_null(strstr(errs, "STEP4 measure refers to resource \"res-manabi-dx\", whose steps omit 4"));
	free(errs);
	fixture_free(&f);
}

static void rejects_contract_breaks(void **state)
{
	(void)state;
	fixture f;
	fixture_load(&f);
	json_t *exams = json_object_get(doc(&f, "exams"), "exams");
	json_object_set_new(json_array_get(exams, 0), "level", json_integer(2));   /* ip */
	json_array_remove(json_object_get(doc(&f, "task_statuses"), "task_statuses"), 2);
	json_array_remove(json_object_get(doc(&f, "incident_phases"), "incident_phases"), 1);
	bool ok;
	char *errs = fixture_errors(&f, &ok);
	assert_false(ok);
	assert_non_null(strstr(errs, "exam \"ip\" must have IPA level 1"));
	assert_non_null(strstr(errs, "task_statuses: required id \"done\" is missing"));
	assert_non_null(strstr(errs, "incident_phases: must list exactly 3 phases, found 2"));
	free(errs);
	fixture_free(&f);
}

static void rejects_bad_json(void **state)
{
	(void)state;
	catload_file files[] = {{"steps.json", "{\"steps\": [", 11},
				{"dup.json", "{\"a\": 1, \"a\": 2}", 16},
				{"latin1.json", "{\"a\": \"\xe9\"}", 10},
				{NULL, NULL, 0}};
	errs_t e = ERRS_INIT;
	assert_null(catload_read(files, &e));
	assert_int_equal(e.n, 3);
	assert_string_equal(e.where[0], "steps.json");
	assert_string_equal(e.where[1], "dup.json");
	assert_string_equal(e.where[2], "latin1.json");
	assert_string_equal(e.what[2], "is not valid UTF-8");
	errs_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(builtin_loads),
		cmocka_unit_test(tables_match_json),
		cmocka_unit_test(phases_and_labels),
		cmocka_unit_test(intact_fixture_loads),
		cmocka_unit_test(rejects_duplicate_id),
		cmocka_unit_test(rejects_dangling_reference),
		cmocka_unit_test(rejects_missing_language),
		cmocka_unit_test(rejects_wrong_counts),
		cmocka_unit_test(rejects_renamed_checkpoint),
		cmocka_unit_test(rejects_inconsistent_kinds_and_steps),
		cmocka_unit_test(rejects_contract_breaks),
		cmocka_unit_test(rejects_bad_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
