/* policy.h — the basic policy (情報セキュリティ基本方針) drafted from the
 * company's own data, along the section structure of IPA's sample
 * (facts.md §9), in the project's own words. */
#ifndef SECSTEP_POLICY_H
#define SECSTEP_POLICY_H

#include "base/buf.h"
#include "catalog/catalog.h"
#include "core/model.h"

/* Writes a first draft: preamble, the five sections (management's
 * responsibility, internal structure, employees' efforts, compliance,
 * handling violations and incidents) and the footer with date, company and
 * the representative (the person holding security_lead, else left blank). */
void policy_draft(const catalog *cat, const m_company *co, lang_t lang, date_t today, buf_t *out);

#endif
