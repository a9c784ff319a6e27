/* task_recur.h — the recurrence of a company's tasks (migration 11), read
 * and written with the company snapshot by store_company_load/insert/save. */
#ifndef SECSTEP_TASK_RECUR_H
#define SECSTEP_TASK_RECUR_H

#include "base/errs.h"
#include "core/model.h"
#include "store/store.h"

/* Fills recur and last_done of c's tasks (all others: default, never). */
bool store_task_recur_load(store_t *s, m_company *c, errs_t *errs);
/* Replaces the company's rows with c's; inside the caller's transaction. */
bool store_task_recur_write(store_t *s, const m_company *c, errs_t *errs);

#endif
