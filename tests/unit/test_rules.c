/* test_rules.c — the rules of CONTRACT.md, on snapshots built in memory. */
#include "testutil.h"

#include <string.h>

#include "base/util.h"
#include "core/rules.h"

static const catalog *cat;

static m_company *co_new(int employees)
{
	m_company *c = company_new();
	c->id = 1;
	c->name = "テスト";
	c->industry = "D";
	c->employees = employees;
	return c;
}

static m_person *add_person(m_company *c, const char *key, const char *tags, bool volunteer)
{
	m_person *p = arena_push(&c->arena, (void **)&c->people, &c->n_people, &c->cap_people, sizeof *p);
	p->key = key;
	p->name = key;
	p->volunteer = volunteer;
	if (tags) {
		p->experience = arena_alloc(&c->arena, 8 * sizeof *p->experience);
		char *copy = arena_strdup(&c->arena, tags), *save = NULL;
		for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save))
			p->experience[p->n_experience++] = t;
	}
	return p;
}

static void add_role(m_company *c, m_person *p, const char *role, role_time_t t)
{
	m_role *r = arena_push(&c->arena, (void **)&p->roles, &p->n_roles, &p->cap_roles, sizeof *r);
	*r = (m_role){role, t, 0};
}

static void add_exam(m_company *c, m_person *p, const char *exam, exam_status_t st)
{
	m_exam *e = arena_push(&c->arena, (void **)&p->exams, &p->n_exams, &p->cap_exams, sizeof *e);
	*e = (m_exam){exam, st, DATE_NONE};
}

/* Answers every checkpoint of STEPs 1..upto with a. */
static m_diagnosis *answer_steps(m_company *c, int upto, answer_t a)
{
	m_diagnosis *d = c->n_diagnoses ? &c->diagnoses[c->n_diagnoses - 1] : company_add_diagnosis(c, 20000);
	for (int i = 0; i < CAT_CHECKPOINTS; i++)
		if (cat->checkpoints[i].step <= upto)
			diag_set(c, d, cat->checkpoints[i].id, a);
	return d;
}

static void steps_from_answers(void **state)
{
	(void)state;
	m_company *c = co_new(30);
	status_t st;
	status_compute(cat, c, NULL, &st);
	assert_int_equal(st.current_step, 0);
	assert_int_equal(st.working_step, 1);
	assert_int_equal(st.n_unmet, 14);

	m_diagnosis *d = answer_steps(c, 1, ANS_YES);
	status_compute(cat, c, d, &st);
	assert_int_equal(st.current_step, 1);
	assert_int_equal(st.working_step, 2);
	assert_true(st.one_star);

	diag_set(c, d, "cp-1-2", ANS_NA);   /* na counts as met */
	status_compute(cat, c, d, &st);
	assert_int_equal(st.current_step, 1);

	diag_set(c, d, "cp-1-3", ANS_PARTIAL);
	answer_steps(c, 0, ANS_YES);
	for (int i = 3; i < 6; i++)
		diag_set(c, d, cat->checkpoints[i].id, ANS_YES);   /* STEP2 met, STEP1 not */
	status_compute(cat, c, d, &st);
	assert_int_equal(st.current_step, 0);
	assert_int_equal(st.working_step, 1);
	assert_false(st.one_star);
	assert_int_equal(st.n_unmet, 1 + 8);
	assert_string_equal(cat->checkpoints[st.unmet[0]].id, "cp-1-3");

	answer_steps(c, 4, ANS_YES);
	status_compute(cat, c, d, &st);
	assert_int_equal(st.current_step, 4);
	assert_int_equal(st.working_step, 4);   /* at most 4 */
	assert_int_equal(st.n_unmet, 0);
	company_free(c);
}

static void question_rollup(void **state)
{
	(void)state;
	answer_t yes[] = {ANS_YES, ANS_YES}, mix[] = {ANS_YES, ANS_NO}, nas[] = {ANS_NA, ANS_NA},
		 yna[] = {ANS_YES, ANS_NA}, unk[] = {ANS_YES, ANS_UNKNOWN}, no[] = {ANS_NO, ANS_NA},
		 miss[] = {ANS_YES, ANS_NONE}, ypu[] = {ANS_YES, ANS_PARTIAL, ANS_UNKNOWN}, nu[] = {ANS_NO, ANS_UNKNOWN};
	assert_int_equal(rollup(yes, 2), ANS_YES);
	assert_int_equal(rollup(mix, 2), ANS_PARTIAL);
	assert_int_equal(rollup(nas, 2), ANS_NA);
	assert_int_equal(rollup(yna, 2), ANS_YES);
	assert_int_equal(rollup(unk, 2), ANS_PARTIAL);   /* something is in place */
	assert_int_equal(rollup(ypu, 3), ANS_PARTIAL);
	assert_int_equal(rollup(nu, 2), ANS_UNKNOWN);
	assert_int_equal(rollup(no, 2), ANS_NO);
	assert_int_equal(rollup(miss, 2), ANS_NONE);

	m_company *c = co_new(10);
	m_diagnosis *d = company_add_diagnosis(c, 20000);
	const cat_checkpoint *cp = cat_checkpoint_find(cat, "cp-1-1");
	for (size_t q = 0; q < cp->n_questions; q++)
		diag_set(c, d, cp->questions[q].id, ANS_YES);
	assert_int_equal(checkpoint_answer(cat, d, cp), ANS_YES);
	diag_set(c, d, cp->questions[0].id, ANS_NO);
	assert_int_equal(checkpoint_answer(cat, d, cp), ANS_PARTIAL);
	diag_set(c, d, "cp-1-1", ANS_YES);   /* its own answer wins */
	assert_int_equal(checkpoint_answer(cat, d, cp), ANS_YES);
	company_free(c);
}

static void self_diagnosis_score(void **state)
{
	(void)state;
	m_company *c = co_new(10);
	m_diagnosis *d = company_add_diagnosis(c, 20000);
	status_t st;
	for (int i = 0; i < 24; i++)
		diag_set(c, d, cat->sd[i].id, ANS_YES);
	status_compute(cat, c, d, &st);
	assert_false(st.sd_complete);
	assert_null(st.band);
	diag_set(c, d, cat->sd[24].id, ANS_NA);
	status_compute(cat, c, d, &st);
	assert_true(st.sd_complete);
	assert_int_equal(st.sd_score, 100);
	assert_string_equal(st.band->id, "100");

	diag_set(c, d, "sd-03", ANS_PARTIAL);   /* 98 */
	diag_set(c, d, "sd-10", ANS_UNKNOWN);   /* 93 */
	diag_set(c, d, "sd-07", ANS_NO);        /* 89 */
	diag_set(c, d, "sd-02", ANS_UNKNOWN);   /* 84 */
	status_compute(cat, c, d, &st);
	assert_int_equal(st.sd_score, 84);
	assert_string_equal(st.band->id, "70-99");
	assert_int_equal(st.n_sd_unknown, 2);
	assert_string_equal(cat->sd[st.sd_unknown[0]].id, "sd-02");
	assert_string_equal(cat->sd[st.sd_unknown[1]].id, "sd-10");

	for (int i = 0; i < 25; i++)
		diag_set(c, d, cat->sd[i].id, ANS_UNKNOWN);
	status_compute(cat, c, d, &st);
	assert_int_equal(st.sd_score, -25);
	assert_string_equal(st.band->id, "0-49");
	for (int i = 0; i < 25; i++)
		diag_set(c, d, cat->sd[i].id, i < 13 ? ANS_YES : ANS_NO);   /* 52 */
	status_compute(cat, c, d, &st);
	assert_int_equal(st.sd_score, 52);
	assert_string_equal(st.band->id, "50-69");
	assert_false(st.two_star);
	c->policy_published = 20000;
	status_compute(cat, c, d, &st);
	assert_true(st.two_star);
	company_free(c);
}

static void staffing_needs(void **state)
{
	(void)state;
	m_company *c = co_new(100);
	staffing_t s;
	staffing_compute(c, 1, &s);
	assert_int_equal(s.needs[ST_OFFICER], 1);
	assert_int_equal(s.needs[ST_DEDICATED], 0);
	assert_true(s.is_short[ST_OFFICER]);
	m_person *a = add_person(c, "p1", NULL, false);
	add_role(c, a, "officer", TIME_CONCURRENT);
	staffing_compute(c, 1, &s);
	assert_false(s.any_short);
	staffing_compute(c, 2, &s);
	assert_int_equal(s.needs[ST_OFFICER], 2);
	assert_true(s.is_short[ST_OFFICER]);
	m_person *b = add_person(c, "p2", NULL, false);
	add_role(c, b, "officer", TIME_DEDICATED);
	staffing_compute(c, 3, &s);
	assert_int_equal(s.has[ST_OFFICER], 2);
	assert_int_equal(s.has[ST_DEDICATED], 1);
	assert_true(s.is_short[ST_LEAD]);
	assert_false(s.is_short[ST_CISO]);
	add_role(c, a, "security_lead", TIME_CONCURRENT);
	staffing_compute(c, 3, &s);
	assert_false(s.any_short);
	staffing_compute(c, 4, &s);
	assert_int_equal(s.needs[ST_CISO], 1);
	assert_true(s.is_short[ST_CISO]);
	company_free(c);
}

static void candidates_and_exams(void **state)
{
	(void)state;
	m_company *c = co_new(30);
	add_person(c, "p1", "general_affairs", false);        /* not adjacent */
	add_person(c, "p2", "web", false);
	add_person(c, "p3", "it_dept,pc_rollout", false);
	add_person(c, "p4", NULL, true);                       /* volunteer */
	add_person(c, "p5", "supervisor", false);
	plan_t *p = plan_compute(cat, c, 20000);
	assert_int_equal(p->step, 1);
	assert_int_equal(p->n_candidates, 4);
	assert_string_equal(p->candidates[0].person->key, "p4");   /* volunteers first */
	assert_string_equal(p->candidates[1].person->key, "p3");   /* then more tags */
	assert_string_equal(p->candidates[2].person->key, "p2");   /* then by id */
	assert_string_equal(p->candidates[3].person->key, "p5");
	assert_int_equal(p->n_exams, 0);
	plan_free(p);

	/* Appointing p2 fills STEP1's need: no candidates, an exam for p2. */
	add_role(c, company_person(c, "p2"), "officer", TIME_CONCURRENT);
	p = plan_compute(cat, c, 20000);
	assert_int_equal(p->n_candidates, 0);
	assert_int_equal(p->n_exams, 1);
	assert_string_equal(p->exams[0].exam->id, "ip");
	plan_free(p);
	add_exam(c, company_person(c, "p2"), "ip", EXAM_PASSED);
	p = plan_compute(cat, c, 20000);
	assert_int_equal(p->n_exams, 0);
	plan_free(p);
	company_free(c);
}

static bool has_measure(const plan_t *p, const char *id)
{
	for (size_t i = 0; i < p->n_measures; i++)
		if (str_eq(p->measures[i].measure->id, id))
			return true;
	return false;
}

static void measures_and_cases(void **state)
{
	(void)state;
	m_company *c = co_new(30);
	add_person(c, "p1", "web", false);
	plan_t *p = plan_compute(cat, c, 20000);
	assert_true(has_measure(p, "m-1-appoint-one"));
	assert_true(has_measure(p, "m-1-consult-vendor"));
	assert_true(has_measure(p, "m-1-consult-ipa"));
	assert_true(has_measure(p, "m-1-exam-ip"));
	assert_string_equal(p->cases[0].c->id, "case-a");   /* construction, 30, STEP1 */
	assert_true(p->knowledge_short);
	plan_free(p);

	/* STEP1 staffed: acquisition measures drop out. */
	add_role(c, &c->people[0], "officer", TIME_CONCURRENT);
	p = plan_compute(cat, c, 20000);
	assert_false(has_measure(p, "m-1-appoint-one"));
	assert_true(has_measure(p, "m-1-exam-ip"));
	plan_free(p);

	m_company *d = co_new(50);
	d->industry = "G";
	answer_steps(d, 3, ANS_YES);
	p = plan_compute(cat, d, 20000);
	assert_int_equal(p->step, 4);
	assert_string_equal(p->cases[0].c->id, "case-d");
	plan_free(p);
	company_free(d);
	company_free(c);
}

static void tasks_schedule_and_warnings(void **state)
{
	(void)state;
	m_company *c = co_new(10);
	m_person *a = add_person(c, "p1", NULL, false);
	add_role(c, a, "officer", TIME_CONCURRENT);
	for (int i = 0; i < 4; i++) {
		m_task *t = arena_push(&c->arena, (void **)&c->tasks, &c->n_tasks, &c->cap_tasks, sizeof *t);
		*t = (m_task){cat->tasks[i].id, "p1", i == 0 ? 19990 : DATE_NONE, i == 1 ? TASK_DONE : TASK_DOING, NULL};
	}
	plan_t *p = plan_compute(cat, c, 20000);
	assert_int_equal(p->n_tasks, 4);
	assert_true(p->tasks[0].overdue);
	assert_false(p->tasks[1].overdue);
	assert_int_equal(p->n_overdue, 1);
	assert_int_equal(p->n_done, 1);
	assert_int_equal(p->tasks[2].suggested_due, 20000 + cat->tasks[2].default_days);
	assert_non_null(p->single_owner);   /* one part-time person holds all four */
	plan_free(p);

	a->roles[0].time = TIME_DEDICATED;
	p = plan_compute(cat, c, 20000);
	assert_null(p->single_owner);
	plan_free(p);
	a->roles[0].time = TIME_CONCURRENT;
	add_person(c, "p2", NULL, false);
	c->tasks[3].owner = "p2";
	p = plan_compute(cat, c, 20000);
	assert_null(p->single_owner);
	plan_free(p);
	company_free(c);
}

int main(void)
{
	cat = catalog_builtin();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(steps_from_answers),
		cmocka_unit_test(question_rollup),
		cmocka_unit_test(self_diagnosis_score),
		cmocka_unit_test(staffing_needs),
		cmocka_unit_test(candidates_and_exams),
		cmocka_unit_test(measures_and_cases),
		cmocka_unit_test(tasks_schedule_and_warnings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
