/* plan.c — the company's own plan for its working STEP: tasks with owners
 * and dates, the talent measures that fit it, transfer candidates, exams,
 * learning per audience and the closest case study.  See rules.h. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/rules.h"

static const char *const why_ids[WHY__COUNT] = {
	"staffing_short", "candidates", "no_candidates", "people_to_train",
	"after_appointment", "knowledge_short", "small_company", "step"};

const char *why_id(int bit) { return bit >= 0 && bit < WHY__COUNT ? why_ids[bit] : ""; }

int person_key_cmp(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

static bool is_adjacent(const catalog *cat, const char *tag)
{
	const cat_tag *t = cat_tag_find(cat->experience, cat->n_experience, tag);
	return t && t->adjacent;
}

/* Transfer candidates (CONTRACT.md): not yet an officer, and an adjacent
 * experience tag or a volunteer.  Volunteers first, then more matching tags,
 * then person id. */
static int cand_cmp(const void *x, const void *y)
{
	const plan_candidate *a = x, *b = y;
	if (a->person->volunteer != b->person->volunteer)
		return a->person->volunteer ? -1 : 1;
	if (a->score != b->score)
		return b->score - a->score;
	return person_key_cmp(a->person->key, b->person->key);
}

static void find_candidates(const catalog *cat, const m_company *co, plan_t *p)
{
	p->candidates = arena_alloc(&p->arena, (co->n_people + 1) * sizeof *p->candidates);
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *ps = &co->people[i];
		if (person_has_role(ps, "officer", NULL))
			continue;
		plan_candidate c = {ps, {0}, 0, 0, NULL};
		for (size_t k = 0; k < ps->n_experience && c.n_because < 7; k++)
			if (is_adjacent(cat, ps->experience[k]))
				c.because[c.n_because++] = ps->experience[k];
		c.score = (int)c.n_because;
		if (ps->volunteer)
			c.because[c.n_because++] = "volunteer";
		if (c.n_because) {
			c.exam = exam_next(cat, ps, p->step, NULL);
			p->candidates[p->n_candidates++] = c;
		}
	}
	qsort(p->candidates, p->n_candidates, sizeof *p->candidates, cand_cmp);
}

static int exam_cmp(const void *x, const void *y)
{
	const plan_exam *a = x, *b = y;
	return person_key_cmp(a->person->key, b->person->key);
}

/* The person's record of an exam, or NULL. */
static const m_exam *exam_record(const m_person *ps, const char *exam)
{
	for (size_t k = 0; k < ps->n_exams; k++)
		if (str_eq(ps->exams[k].exam, exam))
			return &ps->exams[k];
	return NULL;
}

const cat_exam *exam_next(const catalog *cat, const m_person *ps, int step, const m_exam **record)
{
	if (record)
		*record = NULL;
	if (step < 1)
		return NULL;
	if (step > CAT_STEPS)
		step = CAT_STEPS;
	int passed_level = 0;
	for (size_t k = 0; k < ps->n_exams; k++) {
		const cat_exam *e = cat_exam_find(cat, ps->exams[k].exam);
		if (e && ps->exams[k].status == EXAM_PASSED && e->level > passed_level)
			passed_level = e->level;
	}
	/* The ladder's rungs of STEP1…step not passed yet, in ladder order. */
	const cat_exam *open[CAT_STEPS];
	int n = 0;
	for (int s = 0; s < step; s++) {
		const cat_exam *e = cat_exam_find(cat, cat->steps[s].exam);
		if (e && !person_passed(ps, e->id))
			open[n++] = e;
	}
	/* Keep going with one already planned or being studied: the highest. */
	for (int i = n - 1; i >= 0; i--) {
		const m_exam *r = exam_record(ps, open[i]->id);
		if (r && (r->status == EXAM_PLANNED || r->status == EXAM_STUDYING)) {
			if (record)
				*record = r;
			return open[i];
		}
	}
	/* Otherwise the first rung above what they have shown already. */
	for (int i = 0; i < n; i++)
		if (open[i]->level > passed_level)
			return open[i];
	return NULL;
}

static void find_exams(const catalog *cat, const m_company *co, plan_t *p)
{
	p->exams = arena_alloc(&p->arena, (co->n_people + 1) * sizeof *p->exams);
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *ps = &co->people[i];
		if (!person_has_role(ps, "officer", NULL))
			continue;
		plan_exam e = {ps, NULL, NULL};
		e.exam = exam_next(cat, ps, p->step, &e.record);
		if (e.exam)
			p->exams[p->n_exams++] = e;
	}
	qsort(p->exams, p->n_exams, sizeof *p->exams, exam_cmp);
}

static int inside_cmp(const void *x, const void *y)
{
	const plan_inside *a = x, *b = y;
	int la = a->passed ? a->passed->level : 0, lb = b->passed ? b->passed->level : 0;
	if (la != lb)
		return lb - la;
	if (a->security_work != b->security_work)
		return a->security_work ? -1 : 1;
	if (a->share != b->share)
		return b->share - a->share;
	if (a->n_adjacent != b->n_adjacent)
		return a->n_adjacent > b->n_adjacent ? -1 : 1;
	return person_key_cmp(a->person->key, b->person->key);
}

/* STEP3+ without a dedicated officer: the concurrent officers who could
 * take the role, and the ways to fill it from outside (rules.h). */
static void find_dedicated(const catalog *cat, const m_company *co, plan_t *p)
{
	if (p->step < 3 || !p->status.staffing.is_short[ST_DEDICATED])
		return;
	p->dedicated_short = true;
	p->dedicated = arena_alloc(&p->arena, (co->n_people + 1) * sizeof *p->dedicated);
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *ps = &co->people[i];
		const m_role *role;
		if (!person_has_role(ps, "officer", &role) || role->time != TIME_CONCURRENT)
			continue;
		plan_inside in = {ps, NULL, role->share, false, 0};
		for (size_t k = 0; k < ps->n_exams; k++) {
			const cat_exam *e = cat_exam_find(cat, ps->exams[k].exam);
			if (e && ps->exams[k].status == EXAM_PASSED && (!in.passed || e->level > in.passed->level))
				in.passed = e;
		}
		for (size_t k = 0; k < ps->n_experience; k++) {
			in.security_work |= str_eq(ps->experience[k], "security_work");
			in.n_adjacent += is_adjacent(cat, ps->experience[k]);
		}
		p->dedicated[p->n_dedicated++] = in;
	}
	qsort(p->dedicated, p->n_dedicated, sizeof *p->dedicated, inside_cmp);
	static const char *const routes[] = {"hire", "outsource"};
	for (size_t r = 0; r < ARRAY_LEN(routes); r++)
		for (size_t i = 0; i < cat->n_measures; i++) {
			const cat_measure *m = &cat->measures[i];
			if (str_eq(m->dedicated_alt, routes[r]) && m->step >= 3 && m->step <= p->step &&
			    p->n_dedicated_outside < ARRAY_LEN(p->dedicated_outside))
				p->dedicated_outside[p->n_dedicated_outside++] = m;
		}
}

/* Whether someone already holds the knowledge the STEP's exam stands for:
 * passed that exam or one of a higher level. */
static bool has_knowledge(const catalog *cat, const m_company *co, int step)
{
	const cat_exam *want = cat_exam_find(cat, cat->steps[step - 1].exam);
	for (size_t i = 0; want && i < co->n_people; i++) {
		const m_person *ps = &co->people[i];
		for (size_t k = 0; k < ps->n_exams; k++) {
			const cat_exam *e = cat_exam_find(cat, ps->exams[k].exam);
			if (ps->exams[k].status == EXAM_PASSED && e && e->level >= want->level)
				return true;
		}
		for (size_t k = 0; k < ps->n_experience; k++)
			if (str_eq(ps->experience[k], "security_work"))
				return true;
	}
	return false;
}

static void choose_measures(const m_company *co, plan_t *p)
{
	const cat_step *st = p->cstep;
	bool officers = p->status.staffing.has[ST_OFFICER] > 0;
	bool adjacent = p->has_adjacent;
	bool small = co->employees < 20;
	p->inside_capacity = officers || adjacent;
	p->measures = arena_alloc(&p->arena, (st->n_measures + 1) * sizeof *p->measures);
	for (size_t i = 0; i < st->n_measures; i++) {
		const cat_measure *m = &st->measures[i];
		unsigned why = 0;
		int prio = 1;
		switch (m->kind) {
		case KIND_ACQUIRE:
			if (!p->status.staffing.any_short)
				continue;
			why = WHY_SHORT | (adjacent ? WHY_CANDIDATES : WHY_NO_CANDIDATES);
			break;
		case KIND_DEVELOP:
		case KIND_EXAM:
			why = p->inside_capacity ? WHY_TO_TRAIN : WHY_AFTER_APPOINT;
			if (!p->inside_capacity || !officers)
				prio = 2;
			break;
		case KIND_COMMUNITY:
			why = officers ? WHY_STEP : WHY_AFTER_APPOINT;
			prio = 2;
			break;
		case KIND_CONSULT:
			if (p->knowledge_short)
				why |= WHY_KNOWLEDGE;
			if (small)
				why |= WHY_SMALL;
			if (!p->inside_capacity)
				why |= WHY_NO_CANDIDATES;
			if (!why)
				why = WHY_STEP, prio = 2;
			break;
		case KIND_EXPERT:
		case KIND_SERVICE:
			if (p->knowledge_short)
				why |= WHY_KNOWLEDGE;
			if (p->status.staffing.any_short)
				why |= WHY_SHORT;
			if (small)
				why |= WHY_SMALL;
			if (!why)
				why = WHY_STEP;
			prio = why == WHY_STEP ? 2 : 1;
			break;
		default:
			why = WHY_STEP;
		}
		p->measures[p->n_measures++] = (plan_measure){m, why, prio};
	}
}

static bool has_str(const char *const *arr, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(arr[i], s))
			return true;
	return false;
}

/* Learning per audience: the STEP's develop measures, and their resources,
 * grouped by whom they are for (a measure naming no audience is for the
 * officers). */
static void group_learning(const catalog *cat, plan_t *p)
{
	p->learning = arena_alloc(&p->arena, (cat->n_audiences + 1) * sizeof *p->learning);
	for (size_t a = 0; a < cat->n_audiences; a++) {
		const cat_tag *aud = &cat->audiences[a];
		plan_learning L;
		memset(&L, 0, sizeof L);
		L.audience = aud;
		for (size_t i = 0; i < p->cstep->n_measures; i++) {
			const cat_measure *m = &p->cstep->measures[i];
			if (m->kind != KIND_DEVELOP && m->kind != KIND_EXAM)
				continue;
			bool for_aud = m->n_audiences ? has_str(m->audiences, m->n_audiences, aud->id)
						      : str_eq(aud->id, "officer");
			if (!for_aud || L.n_measures >= ARRAY_LEN(L.measures))
				continue;
			L.measures[L.n_measures++] = m;
			for (size_t r = 0; r < m->n_resources; r++) {
				const cat_resource *res = cat_resource_find(cat, m->resources[r]);
				/* a resource made for other audiences stays with them */
				if (res && res->n_audiences && !has_str(res->audiences, res->n_audiences, aud->id))
					continue;
				bool dup = false;
				for (size_t k = 0; k < L.n_resources; k++)
					dup |= L.resources[k] == res;
				if (res && !dup && L.n_resources < ARRAY_LEN(L.resources))
					L.resources[L.n_resources++] = res;
			}
		}
		if (L.n_measures)
			p->learning[p->n_learning++] = L;
	}
}

static int case_cmp(const void *x, const void *y)
{
	const plan_case *a = x, *b = y;
	if (a->score != b->score)
		return b->score - a->score;
	return strcmp(a->c->id, b->c->id);
}

/* Closest case study: same working STEP counts most, then industry, then
 * size (within a factor of two), then shared IT uses. */
static void rank_cases(const catalog *cat, const m_company *co, plan_t *p)
{
	for (size_t i = 0; i < cat->n_cases && i < ARRAY_LEN(p->cases); i++) {
		const cat_case *k = &cat->cases[i];
		plan_case pc = {k, 0, {0}, 0};
		int dstep = abs(k->step - p->step);
		pc.score += 40 - 15 * dstep;
		if (dstep == 0)
			pc.because[pc.n_because++] = "step";
		if (str_eq(k->industry, co->industry)) {
			pc.score += 25;
			pc.because[pc.n_because++] = "industry";
		}
		if (co->employees > 0) {
			double r = fabs(log((double)co->employees / k->employees));
			int s = (int)lround(20.0 * (1.0 - r / log(10.0)));
			pc.score += s > 0 ? s : 0;
			if (r <= log(2.0))
				pc.because[pc.n_because++] = "size";
		}
		int shared = 0;
		for (size_t u = 0; u < k->n_it_uses; u++)
			shared += has_str(co->it_uses, co->n_it_uses, k->it_uses[u]);
		pc.score += 5 * shared;
		if (shared)
			pc.because[pc.n_because++] = "it_uses";
		p->cases[p->n_cases++] = pc;
	}
	qsort(p->cases, p->n_cases, sizeof *p->cases, case_cmp);
}

static void plan_tasks(const m_company *co, plan_t *p)
{
	const cat_step *st = p->cstep;
	const char *owner = NULL;
	size_t owned = 0;
	bool many = false;
	for (size_t i = 0; i < st->n_tasks && i < 4; i++) {
		const cat_task *t = &st->tasks[i];
		const m_task *mt = company_task(co, t->id);
		plan_task pt = {t, NULL, DATE_NONE, p->today + t->default_days, TASK_TODO, false};
		if (mt) {
			pt.owner = mt->owner;
			pt.due = mt->due;
			pt.status = mt->status;
		}
		pt.overdue = pt.due != DATE_NONE && pt.due < p->today && pt.status != TASK_DONE;
		p->n_overdue += pt.overdue;
		p->n_done += pt.status == TASK_DONE;
		if (pt.owner) {
			if (owner && !str_eq(owner, pt.owner))
				many = true;
			owner = pt.owner;
			owned++;
		}
		p->tasks[p->n_tasks++] = pt;
	}
	if (owner && !many && owned == p->n_tasks && p->n_tasks > 1) {
		const m_person *ps = company_person(co, owner);
		bool dedicated = false;
		for (size_t r = 0; ps && r < ps->n_roles; r++)
			dedicated |= ps->roles[r].time == TIME_DEDICATED;
		if (ps && !dedicated)
			p->single_owner = ps;
	}
}

plan_t *plan_compute(const catalog *cat, const m_company *co, date_t today)
{
	plan_t *p = xcalloc(1, sizeof *p);
	p->today = today;
	status_compute(cat, co, company_latest(co), &p->status);
	p->step = p->status.working_step;
	p->cstep = &cat->steps[p->step - 1];
	p->knowledge_short = !has_knowledge(cat, co, p->step);
	plan_tasks(co, p);
	find_candidates(cat, co, p);
	p->has_adjacent = p->n_candidates > 0;
	if (!p->status.staffing.is_short[ST_OFFICER])
		p->n_candidates = 0;   /* CONTRACT.md: only when officers are short */
	find_exams(cat, co, p);
	find_dedicated(cat, co, p);
	choose_measures(co, p);
	group_learning(cat, p);
	rank_cases(cat, co, p);
	return p;
}

void plan_free(plan_t *p)
{
	if (!p)
		return;
	arena_free(&p->arena);
	free(p);
}
