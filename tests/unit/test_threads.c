/* test_threads.c — code that worker threads of the web server run at the
 * same time keeps no shared mutable state: several threads render the
 * management report (its risk table sorts the asset register) of different
 * companies at once, and each gets its own, correct result. */
#include "testutil.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/util.h"
#include "report/report.h"

#define THREADS 4
#define ROUNDS 3

static const catalog *cat;

/* A company whose asset register has n assets with mixed risk values. */
static m_company *company_with_assets(size_t n, int seed)
{
	m_company *c = company_new();
	c->id = seed + 1;
	c->name = "並行テスト";
	c->industry = "E";
	c->employees = 20;
	for (size_t i = 0; i < n; i++) {
		m_asset *a = arena_push(&c->arena, (void **)&c->assets, &c->n_assets, &c->cap_assets, sizeof *a);
		a->key = arena_printf(&c->arena, "a%zu", i + 1);
		a->name = arena_printf(&c->arena, "資産%zu", i + 1);
		a->c = 1 + (int)((i * 7 + (size_t)seed) % 3);
		a->i = 1 + (int)((i * 5) % 3);
		a->a = 1;
		a->threat = 1 + (int)((i * 3 + (size_t)seed) % 3);
		a->vulnerability = 1 + (int)(i % 3);
	}
	return c;
}

typedef struct {
	m_company *co;
	int ok;
	size_t bytes;
} job_t;

static bool count_sink(void *closure, const unsigned char *data, size_t len)
{
	(void)data;
	*(size_t *)closure += len;
	return true;
}

static void *render_job(void *p)
{
	job_t *j = p;
	for (int round = 0; round < ROUNDS; round++) {
		errs_t e = ERRS_INIT;
		size_t bytes = 0;
		int pages = 0;
		if (report_render(cat, j->co, REPORT_MANAGEMENT, LANG_JA, date_from_ymd(2026, 11, 25), count_sink, &bytes,
				  &pages, &e) && pages > 0 && bytes > 1000)
			j->ok++;
		j->bytes = bytes;
		errs_free(&e);
	}
	return NULL;
}

/* Before the fix, the risk table's comparator read the assets through a
 * file-scope pointer that another thread reset to NULL or to another
 * company's (shorter) register: the process crashed. */
static void reports_render_in_parallel(void **state)
{
	(void)state;
	job_t jobs[THREADS];
	pthread_t th[THREADS];
	for (int t = 0; t < THREADS; t++) {
		/* different sizes: a comparator reading another company's
		 * register would run past its end */
		jobs[t] = (job_t){company_with_assets(20000u * (size_t)(t + 1), t), 0, 0};
		assert_int_equal(pthread_create(&th[t], NULL, render_job, &jobs[t]), 0);
	}
	for (int t = 0; t < THREADS; t++) {
		pthread_join(th[t], NULL);
		assert_int_equal(jobs[t].ok, ROUNDS);
		company_free(jobs[t].co);
	}
}

int main(void)
{
	cat = catalog_builtin();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reports_render_in_parallel),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	report_shutdown();
	return rc;
}
