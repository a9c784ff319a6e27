/* pages_common.c — small pieces several pages use. */
#include <string.h>

#include "base/util.h"
#include "web/pages.h"

const char *answer_name(const req_t *r, answer_t a)
{
	if (a == ANS_NONE)
		return T(r, "未回答", "not answered");
	const cat_tag *t = cat_tag_find(r->cat->answers, r->cat->n_answers, answer_id(a));
	return t ? TX(r, t->name) : answer_id(a);
}

const char *role_name(const req_t *r, const char *role)
{
	const cat_tag *t = cat_tag_find(r->cat->roles, r->cat->n_roles, role);
	return t ? TX(r, t->name) : role;
}

const char *exp_name(const req_t *r, const char *tag)
{
	const cat_tag *t = cat_tag_find(r->cat->experience, r->cat->n_experience, tag);
	return t ? TX(r, t->name) : tag;
}

/* The catalog's one table of each enum's labels (reference.json). */
const char *status_name(const req_t *r, task_status_t s)
{
	return cat_label(r->cat->task_statuses, r->cat->n_task_statuses, task_status_id(s), r->lang);
}

const char *exam_status_name(const req_t *r, exam_status_t s)
{
	return cat_label(r->cat->exam_statuses, r->cat->n_exam_statuses, exam_status_id(s), r->lang);
}

const char *date_str(req_t *r, date_t d)
{
	if (d == DATE_NONE)
		return "";
	char *s = arena_alloc(&r->arena, 11);
	date_format(d, s);
	return s;
}

void people_options(req_t *r, const char *selected, bool allow_none)
{
	if (allow_none)
		hp(r, "<option value=\"\">%s</option>", T(r, "（未定）", "(nobody yet)"));
	for (size_t i = 0; i < r->co->n_people; i++) {
		const m_person *p = &r->co->people[i];
		hp(r, "<option value=\"%s\"%s>%s</option>", p->key, str_eq(selected, p->key) ? " selected" : "", p->name);
	}
}

void answer_radios(req_t *r, const char *name, answer_t cur, bool with_na)
{
	static const answer_t order[] = {ANS_YES, ANS_PARTIAL, ANS_NO, ANS_UNKNOWN, ANS_NA};
	HL(r, "<div class=\"answers\">");
	for (size_t i = 0; i < ARRAY_LEN(order); i++) {
		if (order[i] == ANS_NA && !with_na)
			continue;
		hp(r, "<label><input type=\"radio\" name=\"%s\" value=\"%s\"%s> %s</label>", name, answer_id(order[i]),
		   cur == order[i] ? " checked" : "", answer_name(r, order[i]));
	}
	HL(r, "</div>");
}

int apply_posted_answers(req_t *r, bool checkpoints, bool selfcheck)
{
	m_company *co = r->co;
	m_diagnosis *d = company_diagnosis_on(co, r->today);
	int n = 0;
	for (int i = 0; checkpoints && i < CAT_CHECKPOINTS; i++) {
		const cat_checkpoint *cp = &r->cat->checkpoints[i];
		bool any = false;
		for (size_t q = 0; q < cp->n_questions; q++) {
			answer_t a;
			const char *v = form(r, cp->questions[q].id);
			if (v && answer_parse(v, &a)) {
				diag_set(co, d, cp->questions[q].id, a);
				/* one answer serves the self-check item that asks the same */
				const char *twin = sd_twin_of_question(cp->questions[q].id);
				if (twin)
					diag_set(co, d, twin, a);
				any = true;
				n++;
			}
		}
		if (any)   /* the questions decide the checkpoint again */
			diag_set(co, d, cp->id, ANS_NONE);
	}
	for (int i = 0; selfcheck && i < CAT_SD_ITEMS; i++) {
		answer_t a;
		const char *v = form(r, r->cat->sd[i].id);
		if (v && answer_parse(v, &a)) {
			diag_set(co, d, r->cat->sd[i].id, a);
			n++;
		}
	}
	return n;
}

bool can_write(const req_t *r)
{
	return r->role == ROLE_OWNER || r->role == ROLE_OFFICER;
}

void confirm_form(req_t *r, const char *action, const char *label, const char *warning, const char *button,
		  const char *name, const char *value)
{
	hp(r, "<details class=\"confirm\"><summary>%s</summary><div class=\"confirm-box\"><p>%s</p>"
	      "<form method=\"post\" action=\"%s\">", label, warning, action);
	csrf_field(r);
	if (name)
		hp(r, "<input type=\"hidden\" name=\"%s\" value=\"%s\">", name, value);
	hp(r, "<button type=\"submit\" class=\"danger\">%s</button></form></div></details>", button);
}
