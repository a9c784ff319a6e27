/* summary.h — what lists and portfolios show of a company, kept in the
 * table company_summary when the company is saved, so a list of thousands
 * of companies reads one table instead of computing each company. */
#ifndef SECSTEP_APP_SUMMARY_H
#define SECSTEP_APP_SUMMARY_H

#include <stdint.h>

#include "catalog/catalog.h"
#include "core/model.h"
#include "store/store.h"

/* Computes c's summary and stores it (with c->version).  false with errs
 * filled on a database error. */
bool summary_update(store_t *s, const catalog *cat, const m_company *c, errs_t *errs);

/* One row of a summary list. */
typedef struct {
	int64_t id;
	char name[COMPANY_NAME_BYTES];
	char industry[4];
	int employees;
	int current_step, working_step;
	int score;               /* -1 until the self-check is complete */
	int unmet;
	int officers, officers_needed;
	int overdue;             /* the working STEP's open tasks due before today */
	char updated_at[24];     /* the company's last change (ISO 8601) */
	char step_since[24];     /* when it reached its current STEP */
	bool stale;              /* no change for 90 days */
	bool has_owner;
} summary_row;

/* Filters and a page of a list (zero: no filter, everything). */
typedef struct {
	const char *industry;    /* NULL: any */
	int step;                /* -1: any */
	bool stale_only;
	int64_t after_id;        /* page: ids above this */
	int limit;               /* page size; 0: no limit */
} summary_query;

/* The companies a support body looks after (body > 0) or that an account
 * has a relation to (account > 0), ids ascending, filtered and paged.
 * Summaries older than their company are computed again on the way.
 * *total counts every match (all pages).  Caller frees *out. */
bool summary_list(store_t *s, const catalog *cat, int64_t body, int64_t account, const summary_query *q, date_t today,
		  summary_row **out, size_t *n, size_t *total, errs_t *errs);

/* Counts over the whole list (no filter): companies per current STEP, with
 * an overdue task, with no change for 90 days. */
typedef struct {
	int total;
	int steps[5];
	int with_overdue;
	int stale;
	int by_industry[26];     /* by JSIC major group, 'A' at 0 */
} summary_counts_t;
bool summary_counts(store_t *s, const catalog *cat, int64_t body, int64_t account, date_t today, summary_counts_t *out,
		    errs_t *errs);

#endif
