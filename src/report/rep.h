/* rep.h — what the two documents share inside the report layer: the
 * renderers themselves and the labels they print (answers, statuses,
 * dates, people), all in the document's language. */
#ifndef SECSTEP_REP_H
#define SECSTEP_REP_H

#include "core/rules.h"
#include "report/pdoc.h"

/* Everything a renderer reads. */
typedef struct {
	const catalog *cat;
	const m_company *co;
	date_t today;
	plan_t *plan;              /* of the working STEP; includes the status */
} rep_in;

void rep_management(pdoc *d, const rep_in *in);
void rep_brief(pdoc *d, const rep_in *in);
void rep_policy(pdoc *d, const rep_in *in);     /* sheets.c */
void rep_contacts(pdoc *d, const rep_in *in);   /* sheets.c: one page */

/* Labels.  Strings are the catalog's, static, or in d's arena. */
const char *lb_answer(const pdoc *d, const catalog *cat, answer_t a);
const char *lb_staff(const pdoc *d, staff_key_t k);
const char *lb_task_status(const pdoc *d, task_status_t s);
const char *lb_exam_status(const pdoc *d, exam_status_t s);
const char *lb_date(pdoc *d, date_t t);        /* "2026-11-25", "—" when none */
const char *lb_date_long(pdoc *d, date_t t);   /* "2026年11月25日" / "25 November 2026" */
const char *lb_industry(const pdoc *d, const catalog *cat, const m_company *co);
const char *lb_it_uses(pdoc *d, const catalog *cat, const m_company *co);   /* joined */
const char *lb_person(const m_company *co, const char *key);
const char *lb_role(const pdoc *d, const catalog *cat, const char *role);
const char *lb_exam(const pdoc *d, const catalog *cat, const char *exam);
/* 「s」 / “s”; （s） / " (s)"; STEP3「title」 / STEP3 “title”. */
const char *lb_q(pdoc *d, const char *s);
const char *lb_paren(pdoc *d, const char *s);
const char *lb_step(pdoc *d, const catalog *cat, int step);
/* List separator: "、" in Japanese, ", " in English. */
const char *lb_sep(const pdoc *d);
/* The title block's line of facts: date, industry, size, latest diagnosis. */
const char *lb_meta(pdoc *d, const rep_in *in);

#endif
