/* validate.c — the catalog's checks (catalog_check, catload.h). */
#include "catload.h"

#include <stdio.h>
#include <string.h>

#include "base/util.h"

static const char *const cp_ids[CAT_CHECKPOINTS] = {
	"cp-1-1", "cp-1-2", "cp-1-3", "cp-2-1", "cp-2-2", "cp-2-3", "cp-3-1",
	"cp-3-2", "cp-3-3", "cp-3-4", "cp-4-1", "cp-4-2", "cp-4-3", "cp-4-4"};
static const char *const exam_ids[] = {"ip", "sg", "fe", "ap", "au", "sc"};
static const int exam_levels[] = {1, 2, 2, 3, 4, 4};
static const char *const step_exams[CAT_STEPS] = {"ip", "sg", "au", "sc"};
static const char *const case_ids[] = {"case-a", "case-b", "case-c", "case-d"};
static const char *const glossary_ids[] = {
	"cloud-service", "information-asset", "vulnerability", "security-incident",
	"security-monitoring", "firmware", "ransomware", "risk-analysis", "ciso", "nw-device"};
static const char *const exp_ids[] = {"disaster_prep", "it_dept", "supervisor",
				      "pc_rollout", "web", "general_affairs"};
static const char *const adjacent_ids[] = {"disaster_prep", "it_dept", "supervisor",
					   "pc_rollout", "web"};
static const char *const role_ids[] = {"security_lead", "officer", "ciso",
				       "committee", "csirt", "educator"};
static const char *const part_ids[] = {"basic", "employee", "organization"};
static const int part_from[] = {1, 6, 19}, part_to[] = {5, 18, 25};
static const char *const band_ids[] = {"100", "70-99", "50-69", "0-49"};
static const char *const answer_ids[] = {"yes", "partial", "no", "unknown", "na"};

/* Reports ids that appear twice in one namespace. */
#define CHECK_UNIQUE(errs, what, arr, n, field)                                       \
	do {                                                                          \
		for (size_t i_ = 0; i_ < (n); i_++)                                   \
			for (size_t j_ = i_ + 1; j_ < (n); j_++)                      \
				if ((arr)[i_].field && str_eq((arr)[i_].field, (arr)[j_].field)) \
					errs_add((errs), (what), "duplicate id \"%s\"", (arr)[i_].field); \
	} while (0)

static bool tag_has(const cat_tag *t, size_t n, const char *id)
{
	return cat_tag_find(t, n, id) != NULL;
}

static void require_tags(errs_t *errs, const char *what, const cat_tag *t, size_t n,
			 const char *const *ids, size_t nids)
{
	for (size_t i = 0; i < nids; i++)
		if (!tag_has(t, n, ids[i]))
			errs_add(errs, what, "required id \"%s\" is missing", ids[i]);
}

static void check_steps(const catalog *c, errs_t *errs)
{
	char path[128];
	for (int i = 0; i < CAT_CHECKPOINTS; i++) {
		const cat_checkpoint *cp = &c->checkpoints[i];
		if (cp->step >= 1 && cp->step <= CAT_STEPS)
			snprintf(path, sizeof path, "steps[%d].checkpoints[%d]", cp->step - 1,
				 (int)(cp - c->steps[cp->step - 1].checkpoints));
		else   /* not listed under any STEP */
			snprintf(path, sizeof path, "checkpoint %d", i + 1);
		if (!str_eq(cp->id, cp_ids[i]))
			errs_add(errs, path, "expected id \"%s\", found \"%s\"", cp_ids[i],
				 cp->id ? cp->id : "(none)");
		if (cp->id && (cp->id[3] - '0') != cp->step)
			errs_add(errs, path, "\"%s\" is listed under STEP%d", cp->id, cp->step);
		if (cp->n_questions < 2 || cp->n_questions > 4)
			errs_add(errs, path, "\"%s\" must have 2-4 questions, has %zu",
				 cp->id ? cp->id : "?", cp->n_questions);
		for (size_t q = 0; q < cp->n_questions; q++) {
			const char *qid = cp->questions[q].id;
			if (!qid || strncmp(qid, cp->id ? cp->id : "", cp->id ? strlen(cp->id) : 0) != 0)
				errs_add(errs, path, "question id \"%s\" must start with \"%s\"",
					 qid ? qid : "?", cp->id ? cp->id : "?");
			for (size_t r = q + 1; r < cp->n_questions; r++)
				if (str_eq(qid, cp->questions[r].id))
					errs_add(errs, path, "duplicate question id \"%s\"", qid);
		}
		for (size_t k = 0; k < cp->n_sd; k++)
			if (!cat_sd_find(c, cp->sd[k]))
				errs_add(errs, path, "self_diagnosis refers to unknown item \"%s\"", cp->sd[k]);
	}
	for (int i = 0; i < CAT_TASKS; i++) {
		const cat_task *t = &c->tasks[i];
		char want[32];
		snprintf(want, sizeof want, "task-%d-%d", i / 4 + 1, i % 4 + 1);
		if (t->step >= 1 && t->step <= CAT_STEPS)
			snprintf(path, sizeof path, "steps[%d].tasks[%d]", t->step - 1,
				 (int)(t - c->steps[t->step - 1].tasks));
		else
			snprintf(path, sizeof path, "task %d", i + 1);
		if (!str_eq(t->id, want))
			errs_add(errs, path, "expected id \"%s\", found \"%s\"", want, t->id ? t->id : "(none)");
		if (t->step != i / 4 + 1)
			errs_add(errs, path, "\"%s\" is listed under STEP%d", want, t->step);
		if (t->n_checkpoints == 0)
			errs_add(errs, path, "\"%s\" serves no checkpoint", want);
		for (size_t k = 0; k < t->n_checkpoints; k++) {
			const cat_checkpoint *cp = cat_checkpoint_find(c, t->checkpoints[k]);
			if (!cp)
				errs_add(errs, path, "refers to unknown checkpoint \"%s\"", t->checkpoints[k]);
			else if (cp->step != t->step)
				errs_add(errs, path, "refers to checkpoint \"%s\" of another STEP",
					 t->checkpoints[k]);
		}
	}
	for (int s = 0; s < CAT_STEPS; s++) {
		snprintf(path, sizeof path, "steps[%d]", s);
		static const size_t want_cp[] = {3, 3, 4, 4};
		if (c->steps[s].n_checkpoints != want_cp[s])
			errs_add(errs, path, "STEP%d must have %zu checkpoints, has %zu", s + 1,
				 want_cp[s], c->steps[s].n_checkpoints);
		if (c->steps[s].n_tasks != 4)
			errs_add(errs, path, "STEP%d must have 4 tasks, has %zu", s + 1, c->steps[s].n_tasks);
		if (!str_eq(c->steps[s].exam, step_exams[s]))
			errs_add(errs, path, "STEP%d must recommend exam \"%s\"", s + 1, step_exams[s]);
		bool sides[2] = {false, false};
		for (size_t m = 0; m < c->steps[s].n_measures; m++)
			sides[c->steps[s].measures[m].side] = true;
		if (!sides[0] || !sides[1])
			errs_add(errs, path, "STEP%d needs measures for both sides (inside and outside)", s + 1);
	}
}

static void check_measures(const catalog *c, errs_t *errs)
{
	char path[160];
	CHECK_UNIQUE(errs, "steps[].measures", c->measures, c->n_measures, id);
	for (size_t i = 0; i < c->n_measures; i++) {
		const cat_measure *m = &c->measures[i];
		snprintf(path, sizeof path, "steps[%d].measures[%d]", m->step - 1,
			 (int)(m - c->steps[m->step - 1].measures));
		for (size_t k = 0; k < m->n_resources; k++)
			if (!cat_resource_find(c, m->resources[k]))
				errs_add(errs, path, "refers to unknown resource \"%s\"", m->resources[k]);
		for (size_t k = 0; k < m->n_audiences; k++)
			if (!tag_has(c->audiences, c->n_audiences, m->audiences[k]))
				errs_add(errs, path, "refers to unknown audience \"%s\"", m->audiences[k]);
		if (m->kind == KIND_EXAM && !m->exam)
			errs_add(errs, path, "an exam measure must name its exam");
		if (m->exam && !cat_exam_find(c, m->exam))
			errs_add(errs, path, "refers to unknown exam \"%s\"", m->exam);
		if (m->dedicated_alt) {
			if (!str_eq(m->dedicated_alt, "hire") && !str_eq(m->dedicated_alt, "outsource"))
				errs_add(errs, path, "dedicated_alternative must be \"hire\" or \"outsource\"");
			if (m->step < 3)
				errs_add(errs, path, "dedicated_alternative only on measures of STEP3 and 4 "
					 "(a dedicated officer is needed from STEP3)");
			if (str_eq(m->dedicated_alt, "outsource") && m->side != SIDE_OUTSIDE)
				errs_add(errs, path, "an outsourcing alternative must be on the outside side");
		}
		const cat_tag *kind = cat_tag_find(c->kinds, c->n_kinds, measure_kind_id(m->kind));
		if (kind && !(kind->sides & (1u << m->side)))
			errs_add(errs, path, "kind \"%s\" is not used on the %s side (measure_kinds.sides)",
				 measure_kind_id(m->kind), side_id(m->side));
		for (size_t k = 0; k < m->n_resources; k++) {
			const cat_resource *r = cat_resource_find(c, m->resources[k]);
			if (r && !r->steps[m->step - 1])
				errs_add(errs, path, "STEP%d measure refers to resource \"%s\", whose steps omit %d",
					 m->step, r->id, m->step);
		}
	}
	bool alt_hire = false, alt_out = false;
	for (size_t i = 0; i < c->n_measures; i++)
		if (c->measures[i].step == 3) {
			alt_hire |= str_eq(c->measures[i].dedicated_alt, "hire");
			alt_out |= str_eq(c->measures[i].dedicated_alt, "outsource");
		}
	if (!alt_hire || !alt_out)
		errs_add(errs, "steps[2].measures", "STEP3 needs a measure with dedicated_alternative \"hire\" and one "
			 "with \"outsource\" (the ways to fill the dedicated officer from outside)");
	CHECK_UNIQUE(errs, "resources", c->resources, c->n_resources, id);
	for (size_t i = 0; i < c->n_resources; i++) {
		const cat_resource *r = &c->resources[i];
		snprintf(path, sizeof path, "resources[%zu]", i);
		for (size_t k = 0; k < r->n_audiences; k++)
			if (!tag_has(c->audiences, c->n_audiences, r->audiences[k]))
				errs_add(errs, path, "refers to unknown audience \"%s\"", r->audiences[k]);
		if (r->url && *r->url && strncmp(r->url, "https://", 8) != 0)
			errs_add(errs, path, "url must start with https://");
	}
}

static void check_rest(const catalog *c, errs_t *errs)
{
	char path[160];
	CHECK_UNIQUE(errs, "exams", c->exams, c->n_exams, id);
	if (c->n_exams != ARRAY_LEN(exam_ids))
		errs_add(errs, "exams", "must list exactly %zu exams, found %zu", ARRAY_LEN(exam_ids), c->n_exams);
	for (size_t i = 0; i < ARRAY_LEN(exam_ids); i++) {
		const cat_exam *e = cat_exam_find(c, exam_ids[i]);
		if (!e)
			errs_add(errs, "exams", "required exam \"%s\" is missing", exam_ids[i]);
		else if (e->level != exam_levels[i])
			errs_add(errs, "exams", "exam \"%s\" must have IPA level %d (CONTRACT.md)", e->id,
				 exam_levels[i]);
	}

	CHECK_UNIQUE(errs, "cases", c->cases, c->n_cases, id);
	if (c->n_cases != ARRAY_LEN(case_ids))
		errs_add(errs, "cases", "must list exactly %zu cases, found %zu", ARRAY_LEN(case_ids), c->n_cases);
	for (size_t i = 0; i < ARRAY_LEN(case_ids); i++)
		if (!cat_case_find(c, case_ids[i]))
			errs_add(errs, "cases", "required case \"%s\" is missing", case_ids[i]);
	for (size_t i = 0; i < c->n_cases; i++) {
		const cat_case *k = &c->cases[i];
		snprintf(path, sizeof path, "cases[%zu]", i);
		if (!tag_has(c->industries, c->n_industries, k->industry))
			errs_add(errs, path, "refers to unknown industry \"%s\"", k->industry ? k->industry : "");
		for (size_t u = 0; u < k->n_it_uses; u++)
			if (!tag_has(c->it_uses, c->n_it_uses, k->it_uses[u]))
				errs_add(errs, path, "refers to unknown IT use \"%s\"", k->it_uses[u]);
		if (k->n_actions == 0)
			errs_add(errs, path, "lists no actions");
	}

	for (int i = 0; i < CAT_SD_ITEMS; i++) {
		char want[16];
		snprintf(want, sizeof want, "sd-%02d", i + 1);
		snprintf(path, sizeof path, "self_diagnosis[%d]", i);
		const cat_sd_item *it = &c->sd[i];
		if (!str_eq(it->id, want))
			errs_add(errs, path, "expected id \"%s\"", want);
		if (it->no != i + 1)
			errs_add(errs, path, "expected no %d", i + 1);
		for (size_t p = 0; p < ARRAY_LEN(part_ids); p++)
			if (i + 1 >= part_from[p] && i + 1 <= part_to[p] && !str_eq(it->part, part_ids[p]))
				errs_add(errs, path, "item %d belongs to part \"%s\"", i + 1, part_ids[p]);
	}
	if (c->n_sd_parts != ARRAY_LEN(part_ids))
		errs_add(errs, "self_diagnosis_parts", "must list exactly 3 parts");
	for (size_t p = 0; p < c->n_sd_parts && p < ARRAY_LEN(part_ids); p++)
		if (!str_eq(c->sd_parts[p].id, part_ids[p]) || c->sd_parts[p].from != part_from[p] ||
		    c->sd_parts[p].to != part_to[p])
			errs_add(errs, "self_diagnosis_parts", "part %zu must be \"%s\" (%d-%d)", p + 1,
				 part_ids[p], part_from[p], part_to[p]);
	if (c->n_sd_bands != ARRAY_LEN(band_ids))
		errs_add(errs, "self_diagnosis_bands", "must list exactly 4 bands");
	for (size_t b = 0; b < c->n_sd_bands && b < ARRAY_LEN(band_ids); b++)
		if (!str_eq(c->sd_bands[b].id, band_ids[b]))
			errs_add(errs, "self_diagnosis_bands", "band %zu must be \"%s\"", b + 1, band_ids[b]);
	for (int s = -25; s <= 100; s++)
		if (!cat_band_for(c, s))
			errs_add(errs, "self_diagnosis_bands", "score %d falls in no band", s);

	CHECK_UNIQUE(errs, "glossary", c->glossary, c->n_glossary, id);
	for (size_t i = 0; i < ARRAY_LEN(glossary_ids); i++) {
		const cat_term *t = NULL;
		for (size_t k = 0; k < c->n_glossary; k++)
			if (str_eq(c->glossary[k].id, glossary_ids[i]))
				t = &c->glossary[k];
		if (!t || !t->in_guidebook)
			errs_add(errs, "glossary", "guidebook term \"%s\" is missing", glossary_ids[i]);
	}

	struct { const char *what; const cat_tag *t; size_t n; } lists[] = {
		{"task_statuses", c->task_statuses, c->n_task_statuses},
		{"exam_statuses", c->exam_statuses, c->n_exam_statuses},
		{"role_times", c->role_times, c->n_role_times},
		{"industries", c->industries, c->n_industries},
		{"it_uses", c->it_uses, c->n_it_uses},
		{"audiences", c->audiences, c->n_audiences},
		{"answers", c->answers, c->n_answers},
		{"measure_kinds", c->kinds, c->n_kinds},
		{"security_roles", c->roles, c->n_roles},
		{"experience_tags", c->experience, c->n_experience},
		{"security_action", c->security_action, c->n_security_action},
	};
	for (size_t l = 0; l < ARRAY_LEN(lists); l++)
		CHECK_UNIQUE(errs, lists[l].what, lists[l].t, lists[l].n, id);
	for (char g = 'A'; g <= 'T'; g++) {
		char id[2] = {g, 0};
		if (!tag_has(c->industries, c->n_industries, id))
			errs_add(errs, "industries", "JSIC group \"%s\" is missing", id);
	}
	require_tags(errs, "experience_tags", c->experience, c->n_experience, exp_ids, ARRAY_LEN(exp_ids));
	for (size_t i = 0; i < c->n_experience; i++) {
		bool want = false;
		for (size_t k = 0; k < ARRAY_LEN(adjacent_ids); k++)
			want |= str_eq(c->experience[i].id, adjacent_ids[k]);
		if (c->experience[i].adjacent != want)
			errs_add(errs, "experience_tags", "\"%s\" must have adjacent %s",
				 c->experience[i].id, want ? "true" : "false");
	}
	require_tags(errs, "security_roles", c->roles, c->n_roles, role_ids, ARRAY_LEN(role_ids));
	require_tags(errs, "answers", c->answers, c->n_answers, answer_ids, ARRAY_LEN(answer_ids));
	for (int k = 0; k < KIND__COUNT; k++) {
		const char *id = measure_kind_id((measure_kind_t)k);
		require_tags(errs, "measure_kinds", c->kinds, c->n_kinds, &id, 1);
	}
	static const char *const sa_ids[] = {"one_star", "two_star"};
	require_tags(errs, "security_action", c->security_action, c->n_security_action,
		     sa_ids, ARRAY_LEN(sa_ids));
	static const char *const task_st[] = {"todo", "doing", "done"};
	static const char *const exam_st[] = {"planned", "studying", "passed"};
	static const char *const times[] = {"concurrent", "dedicated"};
	require_tags(errs, "task_statuses", c->task_statuses, c->n_task_statuses, task_st, ARRAY_LEN(task_st));
	require_tags(errs, "exam_statuses", c->exam_statuses, c->n_exam_statuses, exam_st, ARRAY_LEN(exam_st));
	require_tags(errs, "role_times", c->role_times, c->n_role_times, times, ARRAY_LEN(times));
}

static void check_guidebook(const catalog *c, errs_t *errs)
{
	const cat_guidebook *g = &c->guidebook;
	const char *p = g->published;
	if (!p || strlen(p) != 7 || p[4] != '-' || p[5] < '0' || p[5] > '1' || p[6] < '0' || p[6] > '9')
		errs_add(errs, "guidebook.published", "must be a month, YYYY-MM");
	if (g->url && strncmp(g->url, "https://", 8) != 0)
		errs_add(errs, "guidebook.contact.url", "must start with https://");
	if (g->email && !strchr(g->email, '@'))
		errs_add(errs, "guidebook.contact.email", "is not an e-mail address");
	if (g->n_how_to_use == 0)
		errs_add(errs, "guidebook.how_to_use", "lists no steps");
}

static void check_phases(const catalog *c, errs_t *errs)
{
	static const char *const ids[] = {"detect", "report", "recover"};
	char path[64];
	if (c->n_phases != ARRAY_LEN(ids))
		errs_add(errs, "incident_phases", "must list exactly %zu phases, found %zu", ARRAY_LEN(ids),
			 c->n_phases);
	for (size_t i = 0; i < c->n_phases; i++) {
		snprintf(path, sizeof path, "incident_phases[%zu]", i);
		if (i < ARRAY_LEN(ids) && !str_eq(c->phases[i].id, ids[i]))
			errs_add(errs, path, "expected id \"%s\"", ids[i]);
		if (c->phases[i].n_steps == 0)
			errs_add(errs, path, "lists no steps");
	}
}

void catalog_check(const catalog *c, errs_t *errs)
{
	check_steps(c, errs);
	check_measures(c, errs);
	check_rest(c, errs);
	check_phases(c, errs);
	check_guidebook(c, errs);
}
