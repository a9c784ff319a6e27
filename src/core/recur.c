/* recur.c — recurring work (recur.h). */
#include <string.h>

#include "base/util.h"
#include "core/recur.h"

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

bool recur_rediagnose_due(const m_company *co, date_t today)
{
	const m_diagnosis *d = company_latest(co);
	return d && d->date != DATE_NONE && today - d->date > REDIAGNOSE_DAYS;
}
