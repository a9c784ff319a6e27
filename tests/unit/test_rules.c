/* test_rules.c — the rules of CONTRACT.md, on snapshots built in memory. */
#include "testutil.h"

#include <stdio.h>
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

/* The exam exam_next() picks for a person holding exactly the given exam
 * records ("ip:passed,sg:studying") at a STEP; "" when none. */
static const char *ladder(const char *records, int step, const char **status)
{
	static char buf[8];
	m_company *c = co_new(10);
	m_person *p = add_person(c, "p1", NULL, false);
	add_role(c, p, "officer", TIME_CONCURRENT);
	char *copy = arena_strdup(&c->arena, records), *save = NULL;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(t, ':');
		assert_non_null(colon);
		*colon = '\0';
		exam_status_t st;
		assert_true(exam_status_parse(colon + 1, &st));
		add_exam(c, p, t, st);
	}
	const m_exam *rec = (const m_exam *)1;
	const cat_exam *e = exam_next(cat, p, step, &rec);
	if (status)
		*status = rec ? exam_status_id(rec->status) : "";
	if (e)
		assert_true(rec == NULL || str_eq(rec->exam, e->id));
	else
		assert_null(rec);
	snprintf(buf, sizeof buf, "%s", e ? e->id : "");
	company_free(c);
	return buf;
}

/* CONTRACT.md: "Exams for officers climb the guidebook's ladder one rung at
 * a time" — each sentence of the rule, then the edges. */
static void exam_ladder_contract(void **state)
{
	(void)state;
	const char *st;
	/* Nothing passed: the first rung, whatever the STEP (not au at STEP3). */
	for (int s = 1; s <= 4; s++)
		assert_string_equal(ladder("", s, &st), "ip");
	assert_string_equal(st, "");
	/* An IP holder climbs to sg; at STEP4 still sg, not sc. */
	assert_string_equal(ladder("ip:passed", 1, NULL), "");
	assert_string_equal(ladder("ip:passed", 2, NULL), "sg");
	assert_string_equal(ladder("ip:passed", 3, NULL), "sg");
	assert_string_equal(ladder("ip:passed", 4, NULL), "sg");
	/* An sc holder gets nothing, at any STEP. */
	for (int s = 1; s <= 4; s++)
		assert_string_equal(ladder("sc:passed", s, NULL), "");
	/* sg passed: ip below it is skipped; the next rung is au from STEP3. */
	assert_string_equal(ladder("sg:passed", 2, NULL), "");
	assert_string_equal(ladder("sg:passed", 3, NULL), "au");
	assert_string_equal(ladder("ip:passed,sg:passed", 4, NULL), "au");
	assert_string_equal(ladder("ip:passed,sg:passed,au:passed", 4, NULL), "");
	/* Keep going: a planned or studying rung is kept, with its record. */
	assert_string_equal(ladder("sg:passed,ap:passed,sc:studying", 4, &st), "sc");
	assert_string_equal(st, "studying");
	assert_string_equal(ladder("au:planned", 3, &st), "au");
	assert_string_equal(st, "planned");
	assert_string_equal(ladder("sg:studying", 2, &st), "sg");
	assert_string_equal(st, "studying");
	/* … the highest of several. */
	assert_string_equal(ladder("ip:planned,sg:studying", 2, &st), "sg");
	assert_string_equal(st, "studying");
	assert_string_equal(ladder("ip:studying,au:planned,sg:planned", 4, &st), "au");
	assert_string_equal(st, "planned");
}

static void exam_ladder_levels(void **state)
{
	(void)state;
	const char *st;
	/* fe counts as level 2 (like sg), ap as 3: by IPA level, not by name. */
	assert_string_equal(ladder("fe:passed", 1, NULL), "");
	assert_string_equal(ladder("fe:passed", 2, NULL), "");
	assert_string_equal(ladder("fe:passed", 3, NULL), "au");
	assert_string_equal(ladder("ap:passed", 2, NULL), "");
	assert_string_equal(ladder("ap:passed", 3, NULL), "au");
	assert_string_equal(ladder("ap:passed", 4, NULL), "au");
	/* au (level 4) passed: sc is level 4 too, not above — nothing more. */
	assert_string_equal(ladder("au:passed", 4, NULL), "");
	/* A rung beyond the working STEP is not kept: planned sc at STEP3. */
	assert_string_equal(ladder("sc:planned", 3, &st), "ip");
	assert_string_equal(st, "");
	assert_string_equal(ladder("ip:passed,sc:studying", 2, &st), "sg");
	/* Exams off the ladder are not kept either, and count only once passed. */
	assert_string_equal(ladder("fe:studying", 2, &st), "ip");
	assert_string_equal(st, "");
	assert_string_equal(ladder("ap:planned,ip:passed", 4, NULL), "sg");
	/* A passed rung is never recommended, even with a lower one open. */
	assert_string_equal(ladder("sg:passed,ip:planned", 2, &st), "ip");
	assert_string_equal(st, "planned");
	assert_string_equal(ladder("au:passed", 3, NULL), "");
	/* Out-of-range STEPs: 0 gives nothing, past 4 is STEP4. */
	assert_string_equal(ladder("", 0, NULL), "");
	assert_string_equal(ladder("ip:passed", 9, NULL), "sg");
}

static void exam_ladder_in_plan(void **state)
{
	(void)state;
	/* Company C's shape: STEP1-2 met, working on STEP3. */
	m_company *c = co_new(100);
	answer_steps(c, 2, ANS_YES);
	static const char *const keys[] = {"p10", "p2", "p3", "p4", "p5"};
	for (size_t i = 0; i < ARRAY_LEN(keys); i++)
		add_person(c, keys[i], NULL, false);   /* may move c->people */
	m_person *p10 = company_person(c, "p10"), *p2 = company_person(c, "p2"), *p3 = company_person(c, "p3"),
		 *lead = company_person(c, "p4"), *p5 = company_person(c, "p5");
	add_role(c, p10, "officer", TIME_CONCURRENT);
	add_exam(c, p10, "sg", EXAM_PASSED);
	add_role(c, p2, "officer", TIME_DEDICATED);
	add_exam(c, p2, "ip", EXAM_PASSED);
	add_role(c, p3, "officer", TIME_CONCURRENT);
	add_exam(c, p3, "sc", EXAM_PASSED);
	add_role(c, lead, "security_lead", TIME_CONCURRENT);   /* not an officer */
	add_exam(c, lead, "sg", EXAM_PLANNED);
	add_role(c, p5, "officer", TIME_CONCURRENT);
	add_exam(c, p5, "ip", EXAM_PASSED);
	add_exam(c, p5, "au", EXAM_STUDYING);
	plan_t *p = plan_compute(cat, c, 20000);
	assert_int_equal(p->step, 3);
	/* by person id in byte order; the sc holder and the lead are absent */
	assert_int_equal(p->n_exams, 3);
	assert_string_equal(p->exams[0].person->key, "p10");
	assert_string_equal(p->exams[0].exam->id, "au");
	assert_null(p->exams[0].record);
	assert_string_equal(p->exams[1].person->key, "p2");
	assert_string_equal(p->exams[1].exam->id, "sg");
	assert_string_equal(p->exams[2].person->key, "p5");
	assert_string_equal(p->exams[2].exam->id, "au");
	assert_non_null(p->exams[2].record);
	assert_int_equal(p->exams[2].record->status, EXAM_STUDYING);
	plan_free(p);
	company_free(c);
}

static void set_share(m_person *p, int share)
{
	p->roles[0].share = share;
}

/* From STEP3 without a dedicated officer: the concurrent officers, most
 * experienced first, and the catalog's hire and outsource measures. */
static void dedicated_officer_suggestions(void **state)
{
	(void)state;
	m_company *c = co_new(60);
	answer_steps(c, 2, ANS_YES);   /* working on STEP3 */
	static const char *const keys[] = {"p1", "p2", "p3", "p4", "p5", "p6"};
	for (size_t i = 0; i < ARRAY_LEN(keys); i++)
		add_person(c, keys[i], i == 3 ? "it_dept,web" : i == 2 ? "security_work" : NULL, false);
	m_person *p1 = company_person(c, "p1"), *p2 = company_person(c, "p2"), *p3 = company_person(c, "p3"),
		 *p4 = company_person(c, "p4"), *p5 = company_person(c, "p5"), *p6 = company_person(c, "p6");
	add_role(c, p1, "officer", TIME_CONCURRENT);   /* ip, 40 % */
	set_share(p1, 40);
	add_exam(c, p1, "ip", EXAM_PASSED);
	add_role(c, p2, "officer", TIME_CONCURRENT);   /* ap passed, sc studying: level 3 */
	set_share(p2, 10);
	add_exam(c, p2, "ap", EXAM_PASSED);
	add_exam(c, p2, "sc", EXAM_STUDYING);
	add_role(c, p3, "officer", TIME_CONCURRENT);   /* no exam, security work */
	add_role(c, p4, "officer", TIME_CONCURRENT);   /* no exam, 50 %, two adjacent tags */
	set_share(p4, 50);
	add_role(c, p5, "officer", TIME_CONCURRENT);   /* no exam, 50 %, none */
	set_share(p5, 50);
	add_role(c, p6, "security_lead", TIME_DEDICATED);   /* not an officer */
	add_exam(c, p6, "sc", EXAM_PASSED);
	plan_t *p = plan_compute(cat, c, 20000);
	assert_int_equal(p->step, 3);
	assert_true(p->dedicated_short);
	assert_int_equal(p->n_dedicated, 5);
	static const char *const order[] = {"p2", "p1", "p3", "p4", "p5"};
	for (size_t i = 0; i < ARRAY_LEN(order); i++)
		assert_string_equal(p->dedicated[i].person->key, order[i]);
	assert_string_equal(p->dedicated[0].passed->id, "ap");   /* studying sc does not count */
	assert_int_equal(p->dedicated[0].share, 10);
	assert_true(p->dedicated[2].security_work);
	assert_int_equal(p->dedicated[3].n_adjacent, 2);
	assert_null(p->dedicated[4].passed);
	/* STEP3: hire first, then outsource; all STEP3 measures */
	assert_true(p->n_dedicated_outside >= 2);
	assert_string_equal(p->dedicated_outside[0]->dedicated_alt, "hire");
	assert_string_equal(p->dedicated_outside[0]->id, "m-3-hire-mid-career");
	bool outsource = false;
	for (size_t i = 0; i < p->n_dedicated_outside; i++) {
		assert_int_equal(p->dedicated_outside[i]->step, 3);
		if (str_eq(p->dedicated_outside[i]->dedicated_alt, "outsource"))
			outsource = true;
		else
			assert_false(outsource);   /* no hire after an outsource */
	}
	assert_true(outsource);
	plan_free(p);

	/* STEP4: the STEP3 ways still count, and STEP4's own hire joins them. */
	answer_steps(c, 3, ANS_YES);
	p = plan_compute(cat, c, 20000);
	assert_int_equal(p->step, 4);
	assert_true(p->dedicated_short);
	bool new_grad = false, mid_career = false;
	for (size_t i = 0; i < p->n_dedicated_outside; i++) {
		new_grad |= str_eq(p->dedicated_outside[i]->id, "m-4-hire-new-grad");
		mid_career |= str_eq(p->dedicated_outside[i]->id, "m-3-hire-mid-career");
	}
	assert_true(new_grad && mid_career);
	plan_free(p);

	/* A dedicated officer: nothing to suggest. */
	p4->roles[0].time = TIME_DEDICATED;
	p = plan_compute(cat, c, 20000);
	assert_false(p->dedicated_short);
	assert_int_equal(p->n_dedicated, 0);
	assert_int_equal(p->n_dedicated_outside, 0);
	plan_free(p);
	company_free(c);

	/* STEP3 without any officer: nobody inside, the outside ways remain. */
	m_company *d = co_new(30);
	answer_steps(d, 2, ANS_YES);
	p = plan_compute(cat, d, 20000);
	assert_true(p->dedicated_short);
	assert_int_equal(p->n_dedicated, 0);
	assert_true(p->n_dedicated_outside >= 2);
	plan_free(p);
	/* Before STEP3 a dedicated officer is not needed. */
	m_company *e = co_new(30);
	answer_steps(e, 1, ANS_YES);
	m_person *o = add_person(e, "p1", NULL, false);
	add_role(e, o, "officer", TIME_CONCURRENT);
	p = plan_compute(cat, e, 20000);
	assert_int_equal(p->step, 2);
	assert_false(p->dedicated_short);
	assert_int_equal(p->n_dedicated, 0);
	plan_free(p);
	company_free(e);
	company_free(d);
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
		*t = (m_task){cat->tasks[i].id, "p1", i == 0 ? 19990 : DATE_NONE, i == 1 ? TASK_DONE : TASK_DOING, NULL, RECUR_DEFAULT, DATE_NONE};
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
		cmocka_unit_test(exam_ladder_contract),
		cmocka_unit_test(exam_ladder_levels),
		cmocka_unit_test(exam_ladder_in_plan),
		cmocka_unit_test(dedicated_officer_suggestions),
		cmocka_unit_test(measures_and_cases),
		cmocka_unit_test(tasks_schedule_and_warnings),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
