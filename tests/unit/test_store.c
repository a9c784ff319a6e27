/* test_store.c — the SQLite store: migrations, snapshot round trip, a
 * failed write leaves the saved company as it was, many companies apart. */
#include "testutil.h"

#include <jansson.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exchange/doc.h"
#include "store/db.h"
#include "store/schema.h"
#include "store/store.h"

static const catalog *cat;
static char path[256];

static const char *doc_text =
	"{\"format\":\"secstep-company/1\",\"company\":{\"name\":\"試験工業\",\"industry\":\"E\",\"employees\":12,"
	"\"it_uses\":[\"orders\",\"production\"]},"
	"\"people\":[{\"id\":\"p1\",\"name\":\"山田\",\"experience\":[\"web\",\"it_dept\"],\"volunteer\":true,"
	"\"roles\":[{\"role\":\"officer\",\"time\":\"dedicated\",\"share\":50}],"
	"\"exams\":[{\"exam\":\"sg\",\"status\":\"studying\",\"date\":\"2026-12-01\"}],"
	"\"learning\":[{\"resource\":\"res-manabi-dx\",\"date\":\"2026-10-01\",\"note\":\"基礎\"}]},"
	"{\"id\":\"p2\",\"name\":\"佐藤\"}],"
	"\"history\":[{\"date\":\"2026-01-10\",\"checkpoints\":{\"cp-1-1\":\"no\"}}],"
	"\"diagnosed_on\":\"2026-11-01\",\"checkpoints\":{\"cp-1-1\":\"yes\"},\"questions\":{\"cp-1-2-q1\":\"partial\"},"
	"\"self_diagnosis\":{\"sd-01\":\"unknown\"},"
	"\"tasks\":[{\"id\":\"task-1-1\",\"owner\":\"p1\",\"due\":\"2026-12-31\",\"status\":\"doing\"}],"
	"\"assets\":[{\"id\":\"a1\",\"name\":\"顧客台帳\",\"c\":3,\"i\":2,\"a\":2,\"personal\":true,\"threat\":2,\"vulnerability\":3}],"
	"\"policy\":{\"published\":\"2026-09-01\",\"where\":\"website\"}}";

static int setup(void **state)
{
	(void)state;
	test_db_new(path, sizeof path, "store");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	test_db_drop(path);
	return 0;
}

static m_company *parse(void)
{
	errs_t e = ERRS_INIT;
	m_company *c = doc_import(cat, doc_text, strlen(doc_text), 20000, LANG_EN, &e);
	if (!c)
		errs_print(&e, stderr);
	errs_free(&e);
	assert_non_null(c);
	return c;
}

static void migrations_apply_once(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	store_t *s = store_open(path, &e);
	assert_non_null(s);
	assert_int_equal(store_schema_version(s), schema_latest());
	store_close(s);
	s = store_open(path, &e);   /* reopening does not re-run them */
	assert_non_null(s);
	assert_int_equal(e.n, 0);
	store_close(s);
}

/* backup and restore between SQLite and PostgreSQL copy the tables that
 * schema_tables names: a table a migration creates and the list forgets
 * would be lost on the way.  Checked on a new SQLite file whatever the
 * backend under test (the migrations are the same). */
static void every_table_is_copied(void **state)
{
	(void)state;
	char file[] = "/tmp/secstep-tables-XXXXXX";
	int fd = mkstemp(file);
	assert_true(fd >= 0);
	close(fd);
	unlink(file);
	errs_t e = ERRS_INIT;
	store_t *s = store_open(file, &e);
	assert_non_null(s);
	store_close(s);
	sqlite3 *db = NULL;
	assert_int_equal(sqlite3_open_v2(file, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
					    -1, &st, NULL), SQLITE_OK);
	int tables = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		bool listed = false;
		for (int t = 0; schema_tables[t]; t++)
			listed |= strcmp(schema_tables[t], name) == 0;
		if (!listed)
			fail_msg("table %s is not in schema_tables (backup and restore would drop it)", name);
		tables++;
	}
	sqlite3_finalize(st);
	sqlite3_close(db);
	int listed = 0;
	while (schema_tables[listed])
		listed++;
	assert_int_equal(tables, listed);
	unlink(file);
}

static void snapshot_round_trip(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	store_t *s = store_open(path, &e);
	m_company *c = parse();
	assert_true(store_company_insert(s, c, &e));
	assert_true(c->id > 0);
	m_company *back = store_company_load(s, c->id, &e);
	assert_non_null(back);
	json_t *j1 = doc_export(cat, c), *j2 = doc_export(cat, back);
	assert_true(json_equal(j1, j2));
	assert_int_equal(back->n_diagnoses, 2);
	json_decref(j1);
	json_decref(j2);
	assert_null(store_company_load(s, 9999, &e));
	assert_int_equal(e.n, 0);
	company_free(back);
	company_free(c);
	store_close(s);
}

static void failed_save_changes_nothing(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	store_t *s = store_open(path, &e);
	m_company *c = parse();
	assert_true(store_company_insert(s, c, &e));
	json_t *before = doc_export(cat, c);
	/* A value the schema refuses, past the validator: the save must fail
	 * as a whole, after it already deleted and rewrote other rows. */
	c->name = "変更後";
	c->assets[0].c = 7;
	assert_false(store_company_save(s, c, &e));
	assert_true(e.n > 0);
	m_company *back = store_company_load(s, c->id, &e);
	json_t *after = doc_export(cat, back);
	assert_true(json_equal(before, after));
	json_decref(before);
	json_decref(after);
	company_free(back);
	company_free(c);
	errs_free(&e);
	store_close(s);
}

static void companies_are_apart(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	store_t *s = store_open(path, &e);
	m_company *a = parse(), *b = parse();
	assert_true(store_company_insert(s, a, &e));
	assert_true(store_company_insert(s, b, &e));
	b->n_people = 1;
	b->n_tasks = 0;
	assert_true(store_company_save(s, b, &e));
	m_company *a2 = store_company_load(s, a->id, &e);
	assert_int_equal(a2->n_people, 2);
	assert_int_equal(a2->n_tasks, 1);
	assert_true(store_company_delete(s, b->id, &e));
	assert_null(store_company_load(s, b->id, &e));
	store_company_row *rows;
	size_t n;
	assert_true(store_company_list(s, &rows, &n, &e));
	bool found = false;
	for (size_t i = 0; i < n; i++)
		found |= rows[i].id == a->id;
	assert_true(found);
	free(rows);
	company_free(a);
	company_free(a2);
	company_free(b);
	store_close(s);
}

static size_t company_count(store_t *s)
{
	errs_t e = ERRS_INIT;
	store_company_row *rows;
	size_t n = 0;
	assert_true(store_company_list(s, &rows, &n, &e));
	free(rows);
	return n;
}

/* A request's reads share one read transaction (store_read_scope); a write
 * in the middle of them still runs on the latest data and is seen by the
 * reads after it, whatever another connection committed meanwhile. */
static void read_scope_then_write(void **state)
{
	(void)state;
	errs_t e = ERRS_INIT;
	store_t *a = store_open(path, &e), *b = store_open(path, &e);
	assert_non_null(a);
	assert_non_null(b);
	m_company *c1 = parse(), *c2 = parse(), *c3 = parse(), *c4 = parse();
	assert_true(store_company_insert(b, c1, &e));
	store_read_scope(a);
	assert_int_equal(company_count(a), 1);
	assert_true(store_company_insert(b, c2, &e));   /* another writer, meanwhile */
	bool sqlite = !strcmp(db_backend(a), "SQLite");
	/* SQLite: the scope reads one snapshot; PostgreSQL: each its own */
	assert_int_equal(company_count(a), sqlite ? 1 : 2);
	assert_true(store_company_insert(a, c3, &e));   /* not refused as stale */
	assert_int_equal(company_count(a), 3);
	assert_true(store_company_insert(b, c4, &e));   /* a's open scope does not block b */
	store_read_scope_end(a);
	assert_int_equal(company_count(a), 4);
	assert_true(store_begin(a, &e));   /* no transaction left open */
	assert_true(store_commit(a, &e));
	company_free(c1);
	company_free(c2);
	company_free(c3);
	company_free(c4);
	store_close(a);
	store_close(b);
}

static void not_a_database(void **state)
{
	(void)state;
	char file[64];
	snprintf(file, sizeof file, "/tmp/secstep-notdb-%d.db", (int)getpid());
	FILE *f = fopen(file, "w");
	fputs("this is not a database, just some text that is long enough to look like a header....\n", f);
	fclose(f);
	errs_t e = ERRS_INIT;
	assert_null(store_open(file, &e));
	assert_true(e.n > 0);
	errs_free(&e);
	unlink(file);
	/* nor is a server that does not answer */
	assert_null(store_open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", &e));
	assert_true(e.n > 0);
	errs_free(&e);
}

int main(void)
{
	cat = catalog_builtin();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(migrations_apply_once, setup, teardown),
		cmocka_unit_test(every_table_is_copied),
		cmocka_unit_test_setup_teardown(snapshot_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(failed_save_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(companies_are_apart, setup, teardown),
		cmocka_unit_test_setup_teardown(read_scope_then_write, setup, teardown),
		cmocka_unit_test_setup_teardown(not_a_database, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
