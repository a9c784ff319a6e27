/* audit.h — writing the audit log from any face (web, API, CLI): who did
 * what to which company, with the fields' values before and after.  A
 * change to a company snapshot is compared with what is stored, so every
 * path that saves a company is logged the same way. */
#ifndef SECSTEP_APP_AUDIT_H
#define SECSTEP_APP_AUDIT_H

#include <jansson.h>
#include <stdint.h>

#include "catalog/catalog.h"
#include "core/model.h"
#include "store/account.h"

typedef struct {
	const char *actor;       /* the login, or "cli" */
	int64_t account;         /* 0 for the command line */
	const char *ip;          /* NULL for the command line */
} audit_who;

/* One entry; detail (may be NULL) is a JSON object, taken over. */
bool audit_record(store_t *s, const audit_who *w, int64_t company, int64_t body, const char *action,
		  const char *target, json_t *detail, errs_t *errs);
/* One entry per changed item between before and after (either may be
 * NULL), e.g. "task.update" task-1-1 {"changes": [{"field": "tasks[task-1-1].owner",
 * "before": null, "after": "p1"}]}. */
bool audit_company(store_t *s, const catalog *cat, const audit_who *w, int64_t company, const m_company *before,
		   const m_company *after, errs_t *errs);
/* Saves c (already stored) after logging what changed against the stored
 * copy, in one transaction. */
bool audit_save(store_t *s, const catalog *cat, const audit_who *w, m_company *c, errs_t *errs);

/* The entries as JSON, as `secstep audit --json` and the API print them:
 * [{"at", "actor", "action", "target", "company", "changes": [...], …}]. */
json_t *audit_json(const audit_row *rows, size_t n);

#endif
