/* views.h — the JSON shapes of the rules' results (CONTRACT.md "Outputs"),
 * shared by the CLI (--json) and the web API. */
#ifndef SECSTEP_VIEWS_H
#define SECSTEP_VIEWS_H

#include <jansson.h>

#include "core/rules.h"

json_t *status_json(const catalog *cat, const m_company *co, const status_t *st);
json_t *plan_json(const catalog *cat, const m_company *co, const plan_t *p);
/* plan_json's "dedicated_officer": null, or who could become the dedicated
 * officer and the ways from outside (dedicated.c). */
json_t *dedicated_json(const plan_t *p);
/* Progress over time: one entry per kept diagnosis. */
json_t *history_json(const catalog *cat, const m_company *co);
/* A catalog Text as {"ja": …, "en": …}. */
json_t *text_json(text_t t);

#endif
