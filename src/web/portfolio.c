/* portfolio.c — the facts of every company a support body looks after:
 * STEP reached and worked on, self-check score, overdue tasks, last
 * change.  Shared by the body's page, its CSV/XLSX export and the API. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/util.h"
#include "web/pages.h"

#define STALE_DAYS 90

/* Whether an ISO 8601 time ("2026-11-30T…" or "2026-11-30 …") is more than
 * days before today. */
static bool older_than(const char *iso, date_t today, int days)
{
	char d[11];
	date_t t;
	if (!iso || strlen(iso) < 10)
		return false;
	memcpy(d, iso, 10);
	d[10] = '\0';
	return date_parse(d, &t) && today - t > days;
}

bool portfolio_load(req_t *r, int64_t body, portfolio_row **out, size_t *n)
{
	errs_t e = ERRS_INIT;
	body_company_row *cs = NULL;
	size_t nc = 0;
	*out = NULL;
	*n = 0;
	if (!store_body_companies(r->store, body, &cs, &nc, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return false;
	}
	portfolio_row *rows = arena_alloc(&r->arena, (nc + 1) * sizeof *rows);
	size_t k = 0;
	for (size_t i = 0; i < nc; i++) {
		m_company *co = store_company_load(r->store, cs[i].id, &e);
		if (!co)
			continue;
		plan_t *p = plan_compute(r->cat, co, r->today);
		portfolio_row *x = &rows[k++];
		x->id = cs[i].id;
		x->name = arena_strdup(&r->arena, cs[i].name);
		x->industry = arena_strdup(&r->arena, cs[i].industry);
		x->employees = cs[i].employees;
		x->current_step = p->status.current_step;
		x->working_step = p->status.working_step;
		x->score = p->status.sd_complete ? p->status.sd_score : -1;
		x->overdue = (int)p->n_overdue;
		x->updated_at = arena_strdup(&r->arena, cs[i].updated_at);
		x->stale = older_than(cs[i].updated_at, r->today, STALE_DAYS);
		x->has_owner = store_owner_count(r->store, cs[i].id, &e) > 0;
		plan_free(p);
		company_free(co);
	}
	free(cs);
	if (e.n) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return false;
	}
	*out = rows;
	*n = k;
	return true;
}
