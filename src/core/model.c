/* model.c — see model.h. */
#include "core/model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/registers.h"

static const char *const answer_ids[] = {NULL, "yes", "partial", "no", "unknown", "na"};
static const char *const time_ids[] = {"concurrent", "dedicated"};
static const char *const exam_ids[] = {"planned", "studying", "passed"};
static const char *const task_ids[] = {"todo", "doing", "done"};

static bool parse_in(const char *const *ids, int from, int n, const char *s, int *out)
{
	for (int i = from; s && i < n; i++)
		if (strcmp(ids[i], s) == 0) {
			*out = i;
			return true;
		}
	return false;
}

const char *answer_id(answer_t a) { return answer_ids[a]; }
const char *role_time_id(role_time_t t) { return time_ids[t]; }
const char *exam_status_id(exam_status_t s) { return exam_ids[s]; }
const char *task_status_id(task_status_t s) { return task_ids[s]; }

#define PARSER(name, type, ids, from)                                        \
	bool name(const char *s, type *out)                                  \
	{                                                                    \
		int v;                                                       \
		if (!parse_in(ids, from, (int)ARRAY_LEN(ids), s, &v))        \
			return false;                                        \
		*out = (type)v;                                              \
		return true;                                                 \
	}

PARSER(answer_parse, answer_t, answer_ids, 1)
PARSER(role_time_parse, role_time_t, time_ids, 0)
PARSER(exam_status_parse, exam_status_t, exam_ids, 0)
PARSER(task_status_parse, task_status_t, task_ids, 0)

m_company *company_new(void)
{
	m_company *c = xcalloc(1, sizeof *c);
	c->policy_published = DATE_NONE;
	return c;
}

void company_free(m_company *c)
{
	if (!c)
		return;
	arena_free(&c->arena);
	free(c);
}

m_person *company_person(const m_company *c, const char *key)
{
	for (size_t i = 0; key && i < c->n_people; i++)
		if (str_eq(c->people[i].key, key))
			return &c->people[i];
	return NULL;
}

const m_task *company_task(const m_company *c, const char *task_id)
{
	for (size_t i = 0; i < c->n_tasks; i++)
		if (str_eq(c->tasks[i].task, task_id))
			return &c->tasks[i];
	return NULL;
}

const m_diagnosis *company_latest(const m_company *c)
{
	return c->n_diagnoses ? &c->diagnoses[c->n_diagnoses - 1] : NULL;
}

/* Items are kept sorted by id, so lookups are a binary search: status and
 * plan look up every checkpoint, question and self-check item. */
static size_t diag_find(const m_diagnosis *d, const char *item, bool *found)
{
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(d->items[mid], item);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

answer_t diag_answer(const m_diagnosis *d, const char *item)
{
	bool found;
	if (!d || !item)
		return ANS_NONE;
	size_t i = diag_find(d, item, &found);
	return found ? d->answers[i] : ANS_NONE;
}

void diag_set(m_company *c, m_diagnosis *d, const char *item, answer_t a)
{
	bool found;
	size_t i = diag_find(d, item, &found);
	if (found) {
		if (a == ANS_NONE) {
			memmove(&d->items[i], &d->items[i + 1], (d->n - i - 1) * sizeof *d->items);
			memmove(&d->answers[i], &d->answers[i + 1], (d->n - i - 1) * sizeof *d->answers);
			d->n--;
		} else {
			d->answers[i] = a;
		}
		return;
	}
	if (a == ANS_NONE)
		return;
	if (d->n == d->cap) {
		size_t ncap = d->cap ? d->cap * 2 : 64;
		const char **items = arena_alloc(&c->arena, ncap * sizeof *items);
		answer_t *answers = arena_alloc(&c->arena, ncap * sizeof *answers);
		if (d->n) {
			memcpy(items, d->items, d->n * sizeof *items);
			memcpy(answers, d->answers, d->n * sizeof *answers);
		}
		d->items = items;
		d->answers = answers;
		d->cap = ncap;
	}
	memmove(&d->items[i + 1], &d->items[i], (d->n - i) * sizeof *d->items);
	memmove(&d->answers[i + 1], &d->answers[i], (d->n - i) * sizeof *d->answers);
	d->items[i] = arena_strdup(&c->arena, item);
	d->answers[i] = a;
	d->n++;
}

m_diagnosis *company_add_diagnosis(m_company *c, date_t date)
{
	m_diagnosis *d = arena_push(&c->arena, (void **)&c->diagnoses, &c->n_diagnoses,
				    &c->cap_diagnoses, sizeof *d);
	d->date = date;
	return d;
}

bool person_has_role(const m_person *p, const char *role, const m_role **out)
{
	for (size_t i = 0; i < p->n_roles; i++)
		if (str_eq(p->roles[i].role, role)) {
			if (out)
				*out = &p->roles[i];
			return true;
		}
	return false;
}

bool person_passed(const m_person *p, const char *exam)
{
	for (size_t i = 0; i < p->n_exams; i++)
		if (str_eq(p->exams[i].exam, exam) && p->exams[i].status == EXAM_PASSED)
			return true;
	return false;
}

m_diagnosis *company_diagnosis_on(m_company *c, date_t date)
{
	/* Same day (or a latest dated after it, e.g. imported): update it, so
	 * the history stays in date order. */
	if (c->n_diagnoses && c->diagnoses[c->n_diagnoses - 1].date >= date)
		return &c->diagnoses[c->n_diagnoses - 1];
	size_t prev = c->n_diagnoses;
	m_diagnosis *d = company_add_diagnosis(c, date);
	if (prev) {
		const m_diagnosis *old = &c->diagnoses[prev - 1];
		for (size_t i = 0; i < old->n; i++)
			diag_set(c, d, old->items[i], old->answers[i]);
	}
	return d;
}

void company_remove_person(m_company *c, const char *key)
{
	m_person *p = company_person(c, key);
	if (!p)
		return;
	char *k = arena_strdup(&c->arena, key);
	size_t i = (size_t)(p - c->people);
	memmove(&c->people[i], &c->people[i + 1], (c->n_people - i - 1) * sizeof *c->people);
	c->n_people--;
	for (size_t t = 0; t < c->n_tasks; t++)
		if (str_eq(c->tasks[t].owner, k))
			c->tasks[t].owner = NULL;
	size_t w = 0;
	for (size_t a = 0; a < c->n_acks; a++)
		if (!str_eq(c->acks[a].person, k))
			c->acks[w++] = c->acks[a];
	c->n_acks = w;
	for (size_t a = 0; a < c->n_assets; a++)
		if (str_eq(c->assets[a].treat_owner, k))
			c->assets[a].treat_owner = NULL;
	reg_forget_person(c, k);
}

const m_policy *company_policy(const m_company *c)
{
	return c->n_policies ? &c->policies[c->n_policies - 1] : NULL;
}

bool company_policy_in_force(const m_company *c)
{
	/* Published, and — when secstep holds its text — the latest version
	 * approved (an unapproved new draft is not in force yet). */
	const m_policy *p = company_policy(c);
	return c->policy_published != DATE_NONE && (!p || p->approved != DATE_NONE);
}

const char *company_next_person_key(m_company *c)
{
	for (int n = 1;; n++) {
		char key[16];
		snprintf(key, sizeof key, "p%d", n);
		if (!company_person(c, key))
			return arena_strdup(&c->arena, key);
	}
}

m_task *company_task_slot(m_company *c, const char *task_id)
{
	for (size_t i = 0; i < c->n_tasks; i++)
		if (str_eq(c->tasks[i].task, task_id))
			return &c->tasks[i];
	m_task *t = arena_push(&c->arena, (void **)&c->tasks, &c->n_tasks, &c->cap_tasks, sizeof *t);
	*t = (m_task){task_id, NULL, DATE_NONE, TASK_TODO, NULL, RECUR_DEFAULT, DATE_NONE};
	return t;
}

void company_ack(m_company *c, const char *person, int version, date_t date)
{
	for (size_t i = 0; i < c->n_acks; i++)
		if (str_eq(c->acks[i].person, person) && c->acks[i].version == version)
			return;
	m_ack *k = arena_push(&c->arena, (void **)&c->acks, &c->n_acks, &c->cap_acks, sizeof *k);
	*k = (m_ack){person, version, date};
}

void person_set_exam(m_company *c, m_person *p, const char *exam, exam_status_t status, date_t date)
{
	m_exam *rec = NULL;
	for (size_t i = 0; i < p->n_exams; i++)
		if (str_eq(p->exams[i].exam, exam))
			rec = &p->exams[i];
	if (!rec)
		rec = arena_push(&c->arena, (void **)&p->exams, &p->n_exams, &p->cap_exams, sizeof *rec);
	*rec = (m_exam){exam, status, date};
}
