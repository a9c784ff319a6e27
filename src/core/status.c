/* status.c — diagnosis result: current and working STEP, unmet checkpoints,
 * self-diagnosis score and band, staffing, SECURITY ACTION (CONTRACT.md). */
#include <string.h>

#include "base/util.h"
#include "core/registers.h"
#include "core/rules.h"

static const char *const staff_ids[ST__COUNT] = {"officer", "dedicated_officer",
						 "security_lead", "ciso"};

const char *staff_key_id(staff_key_t k) { return staff_ids[k]; }

int sd_points(answer_t a)
{
	switch (a) {
	case ANS_YES:
	case ANS_NA:
		return 4;
	case ANS_PARTIAL:
		return 2;
	case ANS_UNKNOWN:
		return -1;
	default:
		return 0;
	}
}

answer_t rollup(const answer_t *a, size_t n)
{
	bool all_na = true, all_yes = true, all_no = true, any_done = false;
	if (n == 0)
		return ANS_NONE;
	for (size_t i = 0; i < n; i++) {
		if (a[i] == ANS_NONE)
			return ANS_NONE;
		all_na &= a[i] == ANS_NA;
		all_yes &= a[i] == ANS_YES || a[i] == ANS_NA;
		all_no &= a[i] == ANS_NO || a[i] == ANS_NA;
		any_done |= a[i] == ANS_YES || a[i] == ANS_PARTIAL;
	}
	if (all_na)
		return ANS_NA;
	if (all_yes)
		return ANS_YES;
	if (all_no)
		return ANS_NO;
	/* something is in place: "partly", even when another answer is
	 * "don't know" (yes + partial + don't know is not "don't know") */
	if (any_done)
		return ANS_PARTIAL;
	return ANS_UNKNOWN;
}

answer_t checkpoint_answer(const catalog *cat, const m_diagnosis *d, const cat_checkpoint *cp)
{
	(void)cat;
	answer_t own = diag_answer(d, cp->id);
	if (own != ANS_NONE)
		return own;
	answer_t qa[8];
	size_t n = cp->n_questions < 8 ? cp->n_questions : 8;
	for (size_t i = 0; i < n; i++)
		qa[i] = diag_answer(d, cp->questions[i].id);
	return rollup(qa, n);
}

void staffing_compute(const m_company *co, int step, staffing_t *out)
{
	memset(out, 0, sizeof *out);
	out->step = step;
	out->needs[ST_OFFICER] = step <= 1 ? 1 : 2;
	if (step >= 3) {
		out->needs[ST_DEDICATED] = 1;
		out->needs[ST_LEAD] = 1;
	}
	if (step >= 4)
		out->needs[ST_CISO] = 1;
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *p = &co->people[i];
		const m_role *r;
		if (person_has_role(p, "officer", &r)) {
			out->has[ST_OFFICER]++;
			if (r->time == TIME_DEDICATED)
				out->has[ST_DEDICATED]++;
		}
		if (person_has_role(p, "security_lead", NULL))
			out->has[ST_LEAD]++;
		if (person_has_role(p, "ciso", NULL))
			out->has[ST_CISO]++;
	}
	for (int k = 0; k < ST__COUNT; k++) {
		out->is_short[k] = out->needs[k] > 0 && out->has[k] < out->needs[k];
		out->any_short |= out->is_short[k];
	}
}

static int part_index(const char *part)
{
	if (str_eq(part, "basic"))
		return 0;
	if (str_eq(part, "employee"))
		return 1;
	return 2;
}

void status_compute(const catalog *cat, const m_company *co, const m_diagnosis *d, status_t *st)
{
	memset(st, 0, sizeof *st);
	for (int i = 0; i < CAT_CHECKPOINTS; i++) {
		const cat_checkpoint *cp = &cat->checkpoints[i];
		st->cp[i] = d ? checkpoint_answer(cat, d, cp) : ANS_NONE;
		/* Evidence answers a checkpoint: an approved, published basic
		 * policy is cp-2-1 done. */
		/* Records are today's state: they answer the latest diagnosis
		 * only, never rewrite history. */
		bool latest = d == NULL || d == company_latest(co);
		if (latest && ((str_eq(cp->id, "cp-2-1") && company_policy_in_force(co)) ||
			       (str_eq(cp->id, "cp-3-3") && reg_evidence_suppliers(co)) ||
			       (str_eq(cp->id, "cp-3-4") && reg_evidence_incident(co)))) {
			st->cp[i] = ANS_YES;
			st->evidence[i] = true;
		}
		st->met[i] = st->cp[i] == ANS_YES || st->cp[i] == ANS_NA;
		if (!st->met[i])
			st->unmet[st->n_unmet++] = i;
	}
	st->current_step = 0;
	for (int s = 1; s <= CAT_STEPS; s++) {
		bool all = true;
		for (int i = 0; i < CAT_CHECKPOINTS; i++)
			if (cat->checkpoints[i].step == s && !st->met[i])
				all = false;
		if (!all)
			break;
		st->current_step = s;
	}
	st->working_step = st->current_step < 4 ? st->current_step + 1 : 4;

	int score = 0;
	for (int i = 0; i < CAT_SD_ITEMS; i++) {
		answer_t a = d ? diag_answer(d, cat->sd[i].id) : ANS_NONE;
		int part = part_index(cat->sd[i].part);
		if (a == ANS_NONE)
			continue;
		st->sd_answered++;
		score += sd_points(a);
		st->part_score[part] += sd_points(a);
		st->part_max[part] += 4;
		if (a == ANS_UNKNOWN)
			st->sd_unknown[st->n_sd_unknown++] = i;
	}
	st->sd_complete = st->sd_answered == CAT_SD_ITEMS;
	if (st->sd_complete) {
		st->sd_score = score;
		st->band = cat_band_for(cat, score);
	}
	staffing_compute(co, st->working_step, &st->staffing);
	st->one_star = true;
	for (int i = 0; i < CAT_CHECKPOINTS; i++)
		if (cat->checkpoints[i].step == 1 && !st->met[i])
			st->one_star = false;
	st->two_star = st->sd_complete && company_policy_in_force(co);
}
