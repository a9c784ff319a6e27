/* ics.h — an iCalendar (RFC 5545) feed of a company's dates: task due
 * dates, exam dates; for one person or everyone. */
#ifndef SECSTEP_ICS_H
#define SECSTEP_ICS_H

#include "base/buf.h"
#include "catalog/catalog.h"
#include "core/model.h"

/* person: a person key, or NULL for the whole company.  today dates the
 * DTSTAMP of every event (deterministic under SECSTEP_TODAY). */
void ics_write(const catalog *cat, const m_company *co, const char *person, lang_t lang, date_t today, buf_t *out);

#endif
