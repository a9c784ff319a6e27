/* views.c — see views.h. */
#include "core/recur.h"
#include "view/views.h"

#include "base/util.h"

json_t *text_json(text_t t)
{
	return json_pack("{s:s, s:s}", "ja", t.ja ? t.ja : "", "en", t.en ? t.en : "");
}

static json_t *date_or_null(date_t d)
{
	if (d == DATE_NONE)
		return json_null();
	char buf[11];
	date_format(d, buf);
	return json_string(buf);
}

static json_t *answer_or_null(answer_t a)
{
	return a == ANS_NONE ? json_null() : json_string(answer_id(a));
}

static json_t *staffing_json(const staffing_t *s)
{
	json_t *needs = json_object(), *has = json_object(), *shrt = json_array();
	for (int k = 0; k < ST__COUNT; k++) {
		if (!s->needs[k])
			continue;
		json_object_set_new(needs, staff_key_id((staff_key_t)k), json_integer(s->needs[k]));
		json_object_set_new(has, staff_key_id((staff_key_t)k), json_integer(s->has[k]));
		if (s->is_short[k])
			json_array_append_new(shrt, json_string(staff_key_id((staff_key_t)k)));
	}
	return json_pack("{s:i, s:o, s:o, s:o}", "step", s->step, "needs", needs, "has", has,
			 "short", shrt);
}

static json_t *security_action_json(const status_t *st)
{
	return json_pack("{s:b, s:b}", "one_star", st->one_star, "two_star", st->two_star);
}

json_t *status_json(const catalog *cat, const m_company *co, const status_t *st)
{
	json_t *unmet = json_array(), *unknown = json_array(), *cps = json_array();
	for (size_t i = 0; i < st->n_unmet; i++)
		json_array_append_new(unmet, json_string(cat->checkpoints[st->unmet[i]].id));
	for (size_t i = 0; i < st->n_sd_unknown; i++)
		json_array_append_new(unknown, json_string(cat->sd[st->sd_unknown[i]].id));
	for (int i = 0; i < CAT_CHECKPOINTS; i++)
		json_array_append_new(cps, json_pack("{s:s, s:i, s:o, s:b, s:b}", "id", cat->checkpoints[i].id,
						     "step", cat->checkpoints[i].step, "answer",
						     answer_or_null(st->cp[i]), "met", st->met[i], "evidence", st->evidence[i]));
	json_t *sd = json_pack("{s:o, s:o, s:o, s:i}",
			       "score", st->sd_complete ? json_integer(st->sd_score) : json_null(),
			       "band", st->band ? json_string(st->band->id) : json_null(),
			       "unknown", unknown, "answered", (int)st->sd_answered);
	const m_diagnosis *d = company_latest(co);
	return json_pack("{s:I, s:i, s:i, s:o, s:o, s:o, s:o, s:o, s:o}",
			 "company", (json_int_t)co->id, "current_step", st->current_step,
			 "working_step", st->working_step, "unmet", unmet, "self_diagnosis", sd,
			 "staffing", staffing_json(&st->staffing),
			 "security_action", security_action_json(st), "checkpoints", cps,
			 "diagnosed_on", date_or_null(d ? d->date : DATE_NONE));
}

static json_t *why_json(unsigned why)
{
	json_t *a = json_array();
	for (int b = 0; b < WHY__COUNT; b++)
		if (why & (1u << b))
			json_array_append_new(a, json_string(why_id(b)));
	return a;
}

static json_t *strs_json(const char *const *v, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(v[i]));
	return a;
}

json_t *plan_json(const catalog *cat, const m_company *co, const plan_t *p)
{
	json_t *cps = json_array();
	for (size_t i = 0; i < p->cstep->n_checkpoints; i++) {
		const cat_checkpoint *cp = &p->cstep->checkpoints[i];
		json_array_append_new(cps, json_pack("{s:s, s:b, s:o}", "id", cp->id, "met",
						     p->status.met[cp->index], "answer",
						     answer_or_null(p->status.cp[cp->index])));
	}
	json_t *tasks = json_array();
	for (size_t i = 0; i < p->n_tasks; i++) {
		const plan_task *t = &p->tasks[i];
		const m_task *mt = company_task(co, t->task->id);
		json_t *tj = json_pack("{s:s, s:o, s:o, s:s, s:o, s:b, s:o}",
						       "id", t->task->id,
						       "owner", t->owner ? json_string(t->owner) : json_null(),
						       "due", date_or_null(t->due),
						       "status", task_status_id(t->status),
						       "suggested_due", date_or_null(t->suggested_due),
						       "overdue", t->overdue,
						       "note", mt && mt->note ? json_string(mt->note) : json_null());
		recur_t rr = mt ? recur_effective(mt) : recur_default(t->task->id);
		json_object_set_new(tj, "recur", json_string(recur_id(rr)));
		json_object_set_new(tj, "last_done", date_or_null(mt && mt->last_done > 0 ? mt->last_done : DATE_NONE));
		json_array_append_new(tasks, tj);
	}
	json_t *measures = json_array();
	for (size_t i = 0; i < p->n_measures; i++) {
		const plan_measure *m = &p->measures[i];
		json_array_append_new(measures, json_pack("{s:s, s:s, s:s, s:i, s:o}",
							  "id", m->measure->id,
							  "side", side_id(m->measure->side),
							  "kind", measure_kind_id(m->measure->kind),
							  "priority", m->priority,
							  "because", why_json(m->why)));
	}
	json_t *cands = json_array();
	for (size_t i = 0; i < p->n_candidates; i++)
		json_array_append_new(cands, json_pack("{s:s, s:o, s:o}",
						       "person", p->candidates[i].person->key,
						       "because", strs_json(p->candidates[i].because,
									    p->candidates[i].n_because),
						       "exam_after_appointment", p->candidates[i].exam
							       ? json_string(p->candidates[i].exam->id) : json_null()));
	json_t *exams = json_array();
	for (size_t i = 0; i < p->n_exams; i++) {
		const plan_exam *e = &p->exams[i];
		json_t *o = json_pack("{s:s, s:s}", "person", e->person->key, "exam", e->exam->id);
		if (e->record)
			json_object_set_new(o, "status", json_string(exam_status_id(e->record->status)));
		json_array_append_new(exams, o);
	}
	json_t *learning = json_array();
	for (size_t i = 0; i < p->n_learning; i++) {
		const plan_learning *l = &p->learning[i];
		json_t *ms = json_array(), *rs = json_array();
		for (size_t k = 0; k < l->n_measures; k++)
			json_array_append_new(ms, json_string(l->measures[k]->id));
		for (size_t k = 0; k < l->n_resources; k++)
			json_array_append_new(rs, json_string(l->resources[k]->id));
		json_array_append_new(learning, json_pack("{s:s, s:o, s:o}", "audience", l->audience->id,
							  "measures", ms, "resources", rs));
	}
	json_t *cases = json_array();
	for (size_t i = 0; i < p->n_cases; i++)
		json_array_append_new(cases, json_pack("{s:s, s:i, s:o}", "id", p->cases[i].c->id,
						       "score", p->cases[i].score, "because",
						       strs_json(p->cases[i].because, p->cases[i].n_because)));
	json_t *warnings = json_array();
	if (p->single_owner)
		json_array_append_new(warnings, json_pack("{s:s, s:s}", "id", "single_part_time_owner",
							  "person", p->single_owner->key));
	if (p->n_overdue) {
		json_t *ids = json_array();
		for (size_t i = 0; i < p->n_tasks; i++)
			if (p->tasks[i].overdue)
				json_array_append_new(ids, json_string(p->tasks[i].task->id));
		json_array_append_new(warnings, json_pack("{s:s, s:o}", "id", "overdue", "tasks", ids));
	}
	json_t *treat = json_array();
	for (size_t i = 0; i < co->n_assets; i++) {
		const m_asset *x = &co->assets[i];
		if (!x->treatment)
			continue;
		json_array_append_new(treat, json_pack("{s:s, s:s, s:o, s:o, s:o, s:b}", "asset", x->key, "treatment", x->treatment,
						       "owner", x->treat_owner ? json_string(x->treat_owner) : json_null(),
						       "due", date_or_null(x->treat_due),
						       "action", x->action ? json_string(x->action) : json_null(),
						       "overdue", x->treat_due != DATE_NONE && x->treat_due < p->today));
	}
	char today[11];
	date_format(p->today, today);
	(void)cat;
	return json_pack("{s:I, s:i, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o}",
			 "company", (json_int_t)co->id, "step", p->step, "today", today, "risk_treatments", treat,
			 "checkpoints", cps, "tasks", tasks, "measures", measures,
			 "candidates", cands, "exams", exams, "learning", learning,
			 "closest_case", p->n_cases ? json_string(p->cases[0].c->id) : json_null(),
			 "cases", cases, "warnings", warnings,
			 "staffing", staffing_json(&p->status.staffing),
			 "security_action", security_action_json(&p->status),
			 "dedicated_officer", dedicated_json(p));
}

json_t *history_json(const catalog *cat, const m_company *co)
{
	json_t *a = json_array();
	for (size_t i = 0; i < co->n_diagnoses; i++) {
		status_t st;
		status_compute(cat, co, &co->diagnoses[i], &st);
		json_array_append_new(a, json_pack("{s:o, s:i, s:i, s:o, s:i}",
						   "date", date_or_null(co->diagnoses[i].date),
						   "current_step", st.current_step,
						   "unmet", (int)st.n_unmet,
						   "self_diagnosis_score",
						   st.sd_complete ? json_integer(st.sd_score) : json_null(),
						   "self_diagnosis_answered", (int)st.sd_answered));
	}
	return a;
}
