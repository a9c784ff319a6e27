/* bench_core.c — the core and scale benchmark (issues 3 and 15).
 *
 * Generates N companies (30–300 people each, or about PEOPLE each when
 * given, with roles, exams, learning, answers and tasks), imports them
 * through the store into a fresh database (a SQLite file, or an empty
 * PostgreSQL database given by URL) with their summaries, puts them all in
 * one support body's care, then loads each and computes its status and
 * plan.  Prints wall time for each phase, the per-company cost of status +
 * plan (with and without the load from the database), the body's portfolio
 * read from the summaries (a page of 50, and every company), peak RSS and
 * the database size.
 *
 *   bench_core [N=1000] [DB=/tmp/secstep-bench.db] [PEOPLE]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/summary.h"
#include "base/util.h"
#include "core/rules.h"
#include "store/account.h"
#include "store/db.h"
#include "store/store.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const tags[] = {"web", "it_dept", "supervisor", "pc_rollout", "disaster_prep",
				   "general_affairs", "accounting", "sales"};
static const char *const exams[] = {"ip", "sg", "fe", "au", "sc"};
static const char *const answers_pool[] = {"yes", "yes", "yes", "partial", "no", "unknown", "na"};

static m_company *generate(const catalog *cat, int idx, int people)
{
	m_company *c = company_new();
	arena_t *a = &c->arena;
	c->name = arena_printf(a, "ベンチ工業%d", idx);
	c->industry = arena_printf(a, "%c", 'A' + rnd(20));
	c->employees = people + (int)rnd(50);
	c->it_uses = arena_alloc(a, 2 * sizeof *c->it_uses);
	c->it_uses[0] = "orders";
	c->it_uses[1] = "email";
	c->n_it_uses = 2;
	for (int i = 0; i < people; i++) {
		m_person *p = arena_push(a, (void **)&c->people, &c->n_people, &c->cap_people, sizeof *p);
		p->key = arena_printf(a, "p%d", i + 1);
		p->name = arena_printf(a, "社員%d 山田", i + 1);
		p->department = i % 3 ? "製造部" : "総務部";
		p->position = "一般";
		p->volunteer = rnd(20) == 0;
		int nt = (int)rnd(3);
		p->experience = arena_alloc(a, 3 * sizeof *p->experience);
		for (int k = 0; k < nt; k++) {
			const char *t = tags[rnd(ARRAY_LEN(tags))];
			bool dup = false;
			for (size_t j = 0; j < p->n_experience; j++)
				dup |= str_eq(p->experience[j], t);
			if (!dup)
				p->experience[p->n_experience++] = t;
		}
		if (i < 3) {
			m_role *r = arena_push(a, (void **)&p->roles, &p->n_roles, &p->cap_roles, sizeof *r);
			*r = (m_role){"officer", i == 0 ? TIME_DEDICATED : TIME_CONCURRENT, 30};
		}
		if (rnd(4) == 0) {
			m_exam *e = arena_push(a, (void **)&p->exams, &p->n_exams, &p->cap_exams, sizeof *e);
			*e = (m_exam){exams[rnd(ARRAY_LEN(exams))], (exam_status_t)rnd(3), 20400 + (int)rnd(300)};
		}
		if (rnd(3) == 0) {
			m_learning *l = arena_push(a, (void **)&p->learning, &p->n_learning, &p->cap_learning, sizeof *l);
			*l = (m_learning){cat->resources[rnd((unsigned)cat->n_resources)].id, 20400 + (int)rnd(300), NULL};
		}
	}
	for (int h = 0; h < 3; h++) {
		m_diagnosis *d = company_add_diagnosis(c, 20300 + h * 60);
		for (int i = 0; i < CAT_CHECKPOINTS; i++)
			for (size_t q = 0; q < cat->checkpoints[i].n_questions; q++) {
				answer_t ans;
				answer_parse(answers_pool[rnd(ARRAY_LEN(answers_pool))], &ans);
				diag_set(c, d, cat->checkpoints[i].questions[q].id, ans);
			}
		for (int i = 0; i < CAT_SD_ITEMS; i++) {
			answer_t ans;
			answer_parse(answers_pool[rnd(ARRAY_LEN(answers_pool))], &ans);
			diag_set(c, d, cat->sd[i].id, ans);
		}
	}
	for (int i = 0; i < CAT_TASKS; i++) {
		m_task *t = arena_push(a, (void **)&c->tasks, &c->n_tasks, &c->cap_tasks, sizeof *t);
		*t = (m_task){cat->tasks[i].id, c->people[rnd((unsigned)people)].key, 20400 + (int)rnd(400),
			      (task_status_t)rnd(3), NULL};
	}
	return c;
}

static long peak_rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 1000;
	const char *path = argc > 2 ? argv[2] : "/tmp/secstep-bench.db";
	int avg = argc > 3 ? atoi(argv[3]) : 0;
	bool pg = !strncmp(path, "postgres", 8);
	char side[512];
	if (!pg) {
		unlink(path);
		snprintf(side, sizeof side, "%s-wal", path);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", path);
		unlink(side);
	}
	const catalog *cat = catalog_builtin();
	errs_t e = ERRS_INIT;
	store_t *s = store_open(path, &e);
	if (!s) {
		errs_print(&e, stderr);
		return 1;
	}
	int64_t *ids = calloc((size_t)n, sizeof *ids);
	long total_people = 0;
	int64_t big = 0;
	double t0 = now();
	int64_t body = 0;
	store_begin(s, &e);
	store_body_create(s, "ベンチ商工会議所", &body, &e);
	for (int i = 0; i < n; i++) {
		int people = i == 0 ? 300 : avg ? avg / 2 + (int)rnd((unsigned)avg) : 30 + (int)rnd(271);
		m_company *c = generate(cat, i, people);
		if (!store_company_insert(s, c, &e) || !summary_update(s, cat, c, &e) ||
		    !store_body_company_add(s, body, c->id, &e)) {
			errs_print(&e, stderr);
			return 1;
		}
		ids[i] = c->id;
		if (i == 0)
			big = c->id;
		total_people += people;
		company_free(c);
	}
	store_commit(s, &e);
	double t1 = now();

	int steps[5] = {0};
	for (int i = 0; i < n; i++) {
		m_company *c = store_company_load(s, ids[i], &e);
		plan_t *p = plan_compute(cat, c, 20500);
		steps[p->status.current_step]++;
		plan_free(p);
		company_free(c);
	}
	double t2 = now();

	/* The 300-person company: load + status + plan, and status + plan alone. */
	const int reps = 200;
	double t3 = now();
	for (int r = 0; r < reps; r++) {
		m_company *c = store_company_load(s, big, &e);
		status_t st;
		status_compute(cat, c, company_latest(c), &st);
		plan_t *p = plan_compute(cat, c, 20500);
		plan_free(p);
		company_free(c);
	}
	double t4 = now();
	m_company *c = store_company_load(s, big, &e);
	double t5 = now();
	for (int r = 0; r < reps * 10; r++) {
		status_t st;
		status_compute(cat, c, company_latest(c), &st);
		plan_t *p = plan_compute(cat, c, 20500);
		plan_free(p);
	}
	double t6 = now();
	company_free(c);

	/* The body's portfolio from the summaries: a page, and everything. */
	summary_query q = {NULL, -1, false, 0, 50};
	summary_row *rows;
	size_t nr, total;
	const int preps = 20;
	double t7 = now();
	for (int r = 0; r < preps; r++) {
		q.after_id = ids[rnd((unsigned)n)] - 1;
		summary_list(s, cat, body, 0, &q, 20500, &rows, &nr, &total, &e);
		free(rows);
	}
	double t8 = now();
	q.after_id = 0;
	q.limit = 0;
	summary_list(s, cat, body, 0, &q, 20500, &rows, &nr, &total, &e);
	double t9 = now();
	free(rows);
	summary_counts_t cnt;
	summary_counts(s, cat, body, 0, 20500, &cnt, &e);
	double t10 = now();
	if (e.n)
		errs_print(&e, stderr);
	double size_mib;
	if (pg) {
		size_mib = (double)db_int1(s, &e, 0, "SELECT pg_database_size(current_database())", "") / 1048576.0;
	} else {
		struct stat sb;
		stat(path, &sb);
		size_mib = sb.st_size / 1048576.0;
	}
	store_close(s);
	printf("companies:                 %d (%ld people, %.0f per company)\n", n, total_people,
	       (double)total_people / n);
	printf("import (one transaction):  %.2f s  (%.2f ms per company)\n", t1 - t0, (t1 - t0) * 1000 / n);
	printf("load+status+plan, all:     %.2f s  (%.3f ms per company)\n", t2 - t1, (t2 - t1) * 1000 / n);
	printf("300 people, load+status+plan: %.3f ms\n", (t4 - t3) * 1000 / reps);
	printf("300 people, status+plan only: %.4f ms\n", (t6 - t5) * 1000 / (reps * 10));
	printf("current STEP counts:       0:%d 1:%d 2:%d 3:%d 4:%d\n", steps[0], steps[1], steps[2], steps[3], steps[4]);
	printf("portfolio, a page of 50:   %.2f ms (of %zu companies)\n", (t8 - t7) * 1000 / preps, total);
	printf("portfolio, every company:  %.1f ms (%zu rows); figures %.1f ms\n", (t9 - t8) * 1000, nr, (t10 - t9) * 1000);
	printf("peak RSS:                  %.1f MiB\n", peak_rss_kb() / 1024.0);
	printf("database size:             %.1f MiB (%s)\n", size_mib, pg ? "PostgreSQL" : "SQLite");
	free(ids);
	errs_free(&e);
	return 0;
}
