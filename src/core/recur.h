/* recur.h — recurring work.  Much of the guidebook's work comes back:
 * the basic policy is reviewed every year, incident drills are repeated
 * every year, a backup is restored as a test every quarter, the self-check
 * is run again every quarter and learning is renewed every year
 * (shared/domain/facts.md).  A task may recur monthly, quarterly or
 * yearly; completing a recurring task records the day and opens the next
 * round with its due date.  Pure functions: today is passed in. */
#ifndef SECSTEP_RECUR_H
#define SECSTEP_RECUR_H

#include <stdbool.h>

#include "catalog/catalog.h"
#include "core/model.h"

/* "none", "monthly", "quarterly", "yearly"; NULL for RECUR_DEFAULT. */
const char *recur_id(recur_t r);
/* Parses one of the ids above (not the default).  false on anything else. */
bool recur_parse(const char *s, recur_t *out);
/* The label in lang: 毎月 / Monthly … */
const char *recur_label(recur_t r, lang_t lang);
/* Months between two rounds (0 for none). */
int recur_months(recur_t r);
/* The guidebook's default for a catalog task (RECUR_NONE when it is
 * one-off work). */
recur_t recur_default(const char *task_id);
/* What applies to the task: its own choice, else the default. */
recur_t recur_effective(const m_task *t);
/* The next round's due date after completing on today: the old due date
 * (today when there was none) moved on by whole periods until it is after
 * today, so a schedule keeps its day and a late round does not pile up. */
date_t recur_next_due(date_t due, date_t today, recur_t r);
/* Sets the task's status as a person does.  When a recurring task becomes
 * done, the round is recorded (last_done = today) and the next one opens:
 * to do, due on recur_next_due().  Returns true when a next round opened. */
bool task_set_status(m_task *t, task_status_t st, date_t today);

/* Records in the registers complete rounds of the recurring work they
 * prove: a drill recorded (drills.date) is a round of task-3-4, a restore
 * test (systems.restore_tested) of task-4-4, a supplier checked
 * (suppliers.checked_on) of task-3-3.  For each of those tasks that
 * recurs, when the latest such date up to today is newer than the task's
 * last_done, the round is recorded: last_done = that date, to do, due one
 * period later (for suppliers, the earliest next_review when one is set).
 * Call after registers change, before saving.  Returns true when a task
 * changed. */
bool recur_from_records(m_company *co, date_t today);

/* Days after which the self-diagnosis should be taken again. */
#define REDIAGNOSE_DAYS 90
/* Whether the latest diagnosis is older than REDIAGNOSE_DAYS (false when
 * there is none: the first diagnosis is asked for elsewhere). */
bool recur_rediagnose_due(const m_company *co, date_t today);

#endif
