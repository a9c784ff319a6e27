/* task_recur.c — task recurrence rows (task_recur.h), through db.h. */
#include <string.h>

#include "base/util.h"
#include "core/recur.h"
#include "store/db.h"
#include "store/task_recur.h"

bool store_task_recur_load(store_t *s, m_company *c, errs_t *errs)
{
	for (size_t i = 0; i < c->n_tasks; i++) {
		c->tasks[i].recur = RECUR_DEFAULT;
		c->tasks[i].last_done = DATE_NONE;
	}
	db_stmt *st = db_q(s, errs, "SELECT task, recur, last_done FROM task_recur WHERE company_id = ?", "i", c->id);
	if (!st)
		return false;
	while (db_row(st)) {
		for (size_t i = 0; i < c->n_tasks; i++) {
			m_task *t = &c->tasks[i];
			if (!str_eq(t->task, db_str(st, 0)))
				continue;
			if (!db_null(st, 1))
				recur_parse(db_str(st, 1), &t->recur);
			if (!db_null(st, 2))
				date_parse(db_str(st, 2), &t->last_done);
		}
	}
	return db_end(st, errs);
}

bool store_task_recur_write(store_t *s, const m_company *c, errs_t *errs)
{
	if (!db_exec(s, errs, "DELETE FROM task_recur WHERE company_id = ?", "i", c->id))
		return false;
	for (size_t i = 0; i < c->n_tasks; i++) {
		const m_task *t = &c->tasks[i];
		date_t done = t->last_done > 0 ? t->last_done : DATE_NONE;
		if (t->recur == RECUR_DEFAULT && done == DATE_NONE)
			continue;
		if (!db_exec(s, errs, "INSERT INTO task_recur (company_id, task, recur, last_done) VALUES (?, ?, ?, ?)",
			     "ittD", c->id, t->task, recur_id(t->recur), done))
			return false;
	}
	return true;
}
