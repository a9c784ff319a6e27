/* test_watch.c — the servers' watch on writes (store/watch.h), on
 * PostgreSQL: a writer does not return before every live watch has taken
 * in its write, and a watch's epoch changes with every write acknowledged.
 * On SQLite there is no watch (and nothing is kept between requests). */
#include "testutil.h"

#include <libpq-fe.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/db.h"
#include "store/store.h"
#include "store/watch.h"

static char path[256];

static int setup(void **state)
{
	(void)state;
	test_db_new(path, sizeof path, "watch");
	errs_t e = ERRS_INIT;
	store_t *s = store_open(path, &e);   /* the tables */
	assert_non_null(s);
	store_close(s);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	test_db_drop(path);
	return 0;
}

static void pause_ms(int ms)
{
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
}

/* One write through a store of its own: a transaction, or a statement on
 * its own (each commits and tells the watches in its own way). */
static bool one_write(bool transaction)
{
	errs_t e = ERRS_INIT;
	store_t *s = store_open(path, &e);
	bool ok = s != NULL;
	if (ok && transaction)
		ok = store_begin(s, &e);
	if (ok)
		ok = db_exec(s, &e, "UPDATE secstep_schema SET version = version", "");
	if (ok && transaction)
		ok = store_commit(s, &e);
	if (!ok)
		errs_print(&e, stderr);
	errs_free(&e);
	store_close(s);
	return ok;
}

static atomic_bool acked, acked_before_return, wrote;

static void *writer(void *arg)
{
	bool ok = one_write(arg != NULL);
	atomic_store(&acked_before_return, atomic_load(&acked));
	atomic_store(&wrote, ok);
	return NULL;
}

/* A slow watch, by hand: it listens, registers, takes its time over the
 * writer's numbered notification; the writer must still be waiting. */
static void writer_waits(bool transaction)
{
	PGconn *c = PQconnectdb(path);
	assert_int_equal(PQstatus(c), CONNECTION_OK);
	PQclear(PQexec(c, "LISTEN secstep_change"));
	PGresult *r = PQexec(c, "INSERT INTO secstep_watch (pid, seen, lease_until) VALUES "
				"(pg_backend_pid(), 0, (extract(epoch FROM now()) * 1000)::bigint + 60000) RETURNING id");
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	char id[24];
	snprintf(id, sizeof id, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);

	atomic_store(&acked, false);
	atomic_store(&acked_before_return, false);
	atomic_store(&wrote, false);
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, writer, transaction ? path : NULL), 0);
	long long number = 0;
	while (!number) {   /* the numbered one; the COMMIT's own is empty */
		struct pollfd p = {.fd = PQsocket(c), .events = POLLIN};
		assert_true(poll(&p, 1, 30000) == 1);
		assert_true(PQconsumeInput(c));
		PGnotify *n;
		while ((n = PQnotifies(c))) {
			if (n->extra[0])
				number = atoll(n->extra);
			PQfreemem(n);
		}
	}
	pause_ms(300);   /* a slow watch: the writer has not returned */
	atomic_store(&acked, true);
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE secstep_watch SET seen = %lld WHERE id = %s", number, id);
	PQclear(PQexec(c, sql));
	pthread_join(t, NULL);
	assert_true(atomic_load(&wrote));
	assert_true(atomic_load(&acked_before_return));
	snprintf(sql, sizeof sql, "DELETE FROM secstep_watch WHERE id = %s", id);
	PQclear(PQexec(c, sql));
	PQfinish(c);
}

static void no_watch_on_sqlite(void **state)
{
	(void)state;
	assert_null(store_watch_start(path));   /* nothing to watch */
	assert_int_equal(store_watch_epoch(NULL), 0);
}

static void a_write_waits_for_every_watch(void **state)
{
	(void)state;
	writer_waits(true);    /* a transaction */
	writer_waits(false);   /* a statement on its own */
}

static void the_epoch_moves_with_every_write(void **state)
{
	(void)state;
	store_watch *w = store_watch_start(path);
	assert_non_null(w);
	for (int i = 0; i < 1000 && !store_watch_epoch(w); i++)
		pause_ms(10);   /* connected and registered */
	uint64_t e1 = store_watch_epoch(w);
	assert_true(e1 != 0);
	assert_true(one_write(true));
	uint64_t e2 = store_watch_epoch(w);
	assert_true(e2 != 0 && e2 != e1);   /* at once: the writer waited for it */
	assert_true(one_write(false));
	uint64_t e3 = store_watch_epoch(w);
	assert_true(e3 != 0 && e3 != e2);
	store_watch_stop(w);
	/* its registration is gone: no writer waits for it */
	errs_t e = ERRS_INIT;
	store_t *s = store_open(path, &e);
	assert_non_null(s);
	assert_int_equal(db_int1(s, &e, -1, "SELECT count(*) FROM secstep_watch", ""), 0);
	store_close(s);
	errs_free(&e);
}

int main(void)
{
	const struct CMUnitTest sqlite[] = {
		cmocka_unit_test_setup_teardown(no_watch_on_sqlite, setup, teardown),
	};
	if (!test_on_pg())
		return cmocka_run_group_tests(sqlite, NULL, NULL);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(a_write_waits_for_every_watch, setup, teardown),
		cmocka_unit_test_setup_teardown(the_epoch_moves_with_every_write, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
