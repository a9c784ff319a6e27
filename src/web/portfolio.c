/* portfolio.c — the companies of a support body (or of an account) as the
 * pages and the API list them: read from the summaries kept at each save
 * (app/summary.h), filtered by the query's industry, step and stale. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "web/pages.h"

bool portfolio_load(req_t *r, int64_t body, int64_t account, int limit, summary_row **out, size_t *n, size_t *total)
{
	summary_query q = {NULL, -1, false, 0, limit};
	const char *ind = qarg(r, "industry"), *step = qarg(r, "step"), *after = qarg(r, "after");
	if (ind && *ind && cat_tag_find(r->cat->industries, r->cat->n_industries, ind))
		q.industry = ind;
	if (step && *step >= '0' && *step <= '4' && !step[1])
		q.step = *step - '0';
	q.stale_only = qarg(r, "stale") != NULL;
	if (after)
		q.after_id = strtoll(after, NULL, 10);
	errs_t e = ERRS_INIT;
	bool ok = summary_list(r->store, r->cat, body, account, &q, r->today, out, n, total, &e);
	if (!ok)
		web_fail_errs(r, 500, &e);
	errs_free(&e);
	return ok;
}
