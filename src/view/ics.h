/* ics.h — an iCalendar (RFC 5545) feed of a company's dates: task due
 * dates, exam dates, risk treatment dates; for one person or everyone. */
#ifndef SECSTEP_ICS_H
#define SECSTEP_ICS_H

#include "base/arena.h"
#include "base/buf.h"
#include "catalog/catalog.h"
#include "core/model.h"
#include "store/account.h"

/* How often a record changed, and when it last did: an event's SEQUENCE
 * and LAST-MODIFIED, so a calendar that imported it before takes the new
 * version.  target is the record as the audit log names it ("task-1-1",
 * a person's key for their exams, an asset's key). */
typedef struct {
	const char *target;
	int changes;
	char last[24];            /* UTC ISO 8601, "2026-11-30T09:15:00Z" */
} ics_rev;

/* The revisions of every record of a company from its audit log (oldest
 * first, as store_audit_list gives it).  Strings live in ar; returns the
 * count. */
size_t ics_revs(const audit_row *rows, size_t n, arena_t *ar, ics_rev **out);

/* person: a person key, or NULL for the whole company.  today dates the
 * DTSTAMP of every event (deterministic under SECSTEP_TODAY).  revs (may
 * be NULL) give SEQUENCE and LAST-MODIFIED; a record never changed since
 * it was imported has SEQUENCE 0 and no LAST-MODIFIED.  A calendar with no
 * dates still holds one component, as RFC 5545 requires: a VJOURNAL that
 * says so (calendar programs do not show journals as appointments). */
void ics_write(const catalog *cat, const m_company *co, const char *person, lang_t lang, date_t today,
	       const ics_rev *revs, size_t n_revs, buf_t *out);

#endif
