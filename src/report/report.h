/* report.h — PDF documents made from one company snapshot: the management
 * report (2–3 pages for the owner) and the one-page consultation brief (what
 * the guidebook says to bring when asking for outside help).
 *
 * Pure with respect to the store: callers load the company, pass today's
 * date and the language, and get bytes (through a write callback) or a file.
 * Text is set with pango (BIZ UDPGothic, see pdoc.h; Japanese line breaking) on a
 * cairo PDF surface; cairo embeds subsets of the fonts used. */
#ifndef SECSTEP_REPORT_H
#define SECSTEP_REPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/errs.h"
#include "catalog/catalog.h"
#include "core/model.h"

typedef enum { REPORT_MANAGEMENT, REPORT_BRIEF, REPORT_POLICY, REPORT_CONTACTS } report_kind_t;

/* "management" / "brief" / "policy" / "contacts" → kind; false otherwise. */
bool report_kind_parse(const char *s, report_kind_t *out);
const char *report_kind_id(report_kind_t k);
/* The document's name in lang ("経営者向け報告書", "Consultation brief"). */
const char *report_kind_name(report_kind_t k, lang_t lang);

/* Receives the PDF bytes as they are produced; returns false to stop
 * (the render then fails). */
typedef bool (*report_sink)(void *closure, const unsigned char *data, size_t len);

/* Renders the document into sink.  *pages (may be NULL) gets the page
 * count.  Returns false with a message in errs when cairo or the sink
 * fails. */
bool report_render(const catalog *cat, const m_company *co, report_kind_t kind, lang_t lang,
		   date_t today, report_sink sink, void *closure, int *pages, errs_t *errs);

/* Renders into PATH.tmp, then renames it to path, so a reader never sees a
 * half-written file; on any failure the temporary file is removed and path
 * is untouched.  Errors go to errs as ("PATH", "what"). */
bool report_write_file(const catalog *cat, const m_company *co, report_kind_t kind, lang_t lang,
		       date_t today, const char *path, int *pages, errs_t *errs);

/* In the sanitizer builds, drops fontconfig's process-wide configuration, so a leak checker
 * at exit sees only real leaks.  Call once, at the very end, when no other
 * thread renders (the CLI does; a server need not). */
void report_shutdown(void);

#endif
