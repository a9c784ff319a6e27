/* recur.c — recurring work (recur.h). */
#include <string.h>

#include "base/util.h"
#include "core/recur.h"
#include "core/registers.h"

static const char *const ids[] = {NULL, "none", "monthly", "quarterly", "yearly"};

const char *recur_id(recur_t r)
{
	return (unsigned)r < ARRAY_LEN(ids) ? ids[r] : NULL;
}

bool recur_parse(const char *s, recur_t *out)
{
	for (size_t i = 1; s && i < ARRAY_LEN(ids); i++)
		if (!strcmp(s, ids[i])) {
			*out = (recur_t)i;
			return true;
		}
	return false;
}

const char *recur_label(recur_t r, lang_t lang)
{
	bool en = lang == LANG_EN;
	switch (r) {
	case RECUR_MONTHLY: return en ? "Monthly" : "毎月";
	case RECUR_QUARTERLY: return en ? "Every quarter" : "3か月ごと";
	case RECUR_YEARLY: return en ? "Every year" : "毎年";
	default: return en ? "Once" : "1回だけ";
	}
}

int recur_months(recur_t r)
{
	return r == RECUR_MONTHLY ? 1 : r == RECUR_QUARTERLY ? 3 : r == RECUR_YEARLY ? 12 : 0;
}

/* The defaults, from the guidebook's periodic work (facts.md): reviewing
 * the basic policy and the measures and suppliers yearly, checking the
 * state of measures (the self-check) quarterly, incident procedures
 * exercised by a yearly drill, the recovery set-up by a quarterly restore
 * test, and the IT knowledge renewed yearly. */
static const struct {
	const char *task;
	recur_t recur;
} defaults[] = {
	{"task-1-4", RECUR_YEARLY},     /* learning renewed */
	{"task-2-1", RECUR_YEARLY},     /* basic policy reviewed */
	{"task-2-2", RECUR_QUARTERLY},  /* self-check run again */
	{"task-2-4", RECUR_YEARLY},     /* learning renewed */
	{"task-3-2", RECUR_YEARLY},     /* measures reviewed */
	{"task-3-3", RECUR_YEARLY},     /* suppliers reviewed */
	{"task-3-4", RECUR_YEARLY},     /* incident drill */
	{"task-4-4", RECUR_QUARTERLY},  /* backup restore test */
};

recur_t recur_default(const char *task_id)
{
	for (size_t i = 0; task_id && i < ARRAY_LEN(defaults); i++)
		if (!strcmp(defaults[i].task, task_id))
			return defaults[i].recur;
	return RECUR_NONE;
}

recur_t recur_effective(const m_task *t)
{
	return t->recur != RECUR_DEFAULT ? t->recur : recur_default(t->task);
}

date_t recur_next_due(date_t due, date_t today, recur_t r)
{
	int months = recur_months(r);
	if (!months)
		return due;
	date_t base = due != DATE_NONE ? due : today;
	/* Count from the original day each time, so 01-31 stays at month ends. */
	int k = 1;
	date_t next = date_add_months(base, months);
	while (next <= today && k < 12 * 1000)
		next = date_add_months(base, months * ++k);
	return next;
}

bool task_set_status(m_task *t, task_status_t st, date_t today)
{
	recur_t r = recur_effective(t);
	if (st == TASK_DONE && t->status != TASK_DONE && recur_months(r)) {
		t->last_done = today;
		t->due = recur_next_due(t->due, today, r);
		t->status = TASK_TODO;
		return true;
	}
	t->status = st;
	return false;
}

/* The latest date in the field over the kind's records, up to today, and
 * the earliest date of another field (DATE_NONE when none). */
static date_t latest_of(const m_company *co, const char *kind, const char *field, date_t today, const char *first_field,
			date_t *first)
{
	arena_t a = {0};
	const m_record **recs = NULL;
	size_t n = reg_records(co, kind, &recs, &a);
	date_t latest = DATE_NONE;
	*first = DATE_NONE;
	for (size_t i = 0; i < n; i++) {
		date_t d;
		const char *v = reg_value(recs[i], field, &a);
		if (v && date_parse(v, &d) && d <= today && (latest == DATE_NONE || d > latest))
			latest = d;
		v = first_field ? reg_value(recs[i], first_field, &a) : NULL;
		if (v && date_parse(v, &d) && (*first == DATE_NONE || d < *first))
			*first = d;
	}
	arena_free(&a);
	return latest;
}

bool recur_from_records(m_company *co, date_t today)
{
	static const struct {
		const char *kind, *field, *task, *next_field;
	} proofs[] = {
		{"drills", "date", "task-3-4", NULL},
		{"systems", "restore_tested", "task-4-4", NULL},
		{"suppliers", "checked_on", "task-3-3", "next_review"},
	};
	bool changed = false;
	for (size_t i = 0; i < ARRAY_LEN(proofs); i++) {
		date_t first;
		date_t latest = latest_of(co, proofs[i].kind, proofs[i].field, today, proofs[i].next_field, &first);
		if (latest == DATE_NONE)
			continue;
		const m_task *cur = company_task(co, proofs[i].task);
		m_task probe = {.task = proofs[i].task, .recur = cur ? cur->recur : RECUR_DEFAULT};
		recur_t r = recur_effective(&probe);
		if (!recur_months(r) || (cur && cur->last_done > 0 && cur->last_done != DATE_NONE && cur->last_done >= latest))
			continue;
		m_task *t = company_task_slot(co, proofs[i].task);
		t->last_done = latest;
		t->status = TASK_TODO;
		t->due = first != DATE_NONE && first > latest ? first : date_add_months(latest, recur_months(r));
		changed = true;
	}
	return changed;
}

bool recur_rediagnose_due(const m_company *co, date_t today)
{
	const m_diagnosis *d = company_latest(co);
	return d && d->date != DATE_NONE && today - d->date > REDIAGNOSE_DAYS;
}
