/* doc.h — the company document "secstep-company/1" (CONTRACT.md): strict
 * import (every field checked, every error with its field path, nothing
 * kept on error) and lossless export. */
#ifndef SECSTEP_DOC_H
#define SECSTEP_DOC_H

#include "base/errs.h"
#include "catalog/catalog.h"
#include "core/model.h"

#define DOC_FORMAT "secstep-company/1"
#define DOC_MAX_BYTES (64u * 1024u * 1024u)

/* Limits that keep one document from exhausting the store. */
#define DOC_MAX_NAME 200        /* code points: names, departments, … */
#define DOC_MAX_NOTE 4000       /* code points: notes */
#define DOC_MAX_PEOPLE 100000
#define DOC_MAX_LIST 1000       /* exams, roles, learning per person; assets … */

/* Parses and validates a document.  today dates the diagnosis when the
 * document gives no "diagnosed_on".  Returns NULL (errs filled, paths like
 * "people[2].exams[0].date", the same in both languages; the messages in
 * lang) on any problem. */
m_company *doc_import(const catalog *cat, const char *data, size_t len, date_t today, lang_t lang, errs_t *errs);

/* The document of a company, as a new jansson object. */
json_t *doc_export(const catalog *cat, const m_company *c);

/* What changed from before to after (either may be NULL: a new or a
 * removed company), one call of fn per changed item of the document:
 * stem "company", "person", "task", "asset", "register", "policy" or
 * "diagnosis"; verb "add", "update" or "remove"; target the item ("p3",
 * "task-1-1", "suppliers/s1", …); changes a JSON array of
 * {"field", "before", "after"} (borrowed). */
typedef void (*doc_change_fn)(void *ctx, const char *stem, const char *verb, const char *target, json_t *changes);
void doc_changes(const catalog *cat, const m_company *before, const m_company *after, doc_change_fn fn, void *ctx);

/* Shared validators for other faces (CLI flags, web forms). */
bool valid_person_key(const char *s);
/* Text of at most max_cp code points, valid UTF-8, no control
 * characters (util.h text_control); long text may hold newlines and tabs. */
bool valid_short_text(const char *s, size_t max_cp);
bool valid_long_text(const char *s, size_t max_cp);

#endif
