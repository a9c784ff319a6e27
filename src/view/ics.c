/* ics.c — see ics.h.  Lines end in CRLF and are folded at 75 octets
 * without splitting a UTF-8 character; text values are escaped.  Every event
 * carries SEQUENCE and LAST-MODIFIED from its record's changes (the audit
 * log), so a calendar that subscribed to the feed updates it. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "core/recur.h"
#include "view/ics.h"

/* Appends one content line, escaped (when text) and folded. */
static void line(buf_t *out, const char *name, const char *value, bool text)
{
	buf_t l = BUF_INIT;
	buf_puts(&l, name);
	buf_putc(&l, ':');
	for (const char *p = value; *p; p++) {
		if (text && (*p == '\\' || *p == ';' || *p == ','))
			buf_putc(&l, '\\');
		if (text && *p == '\n') {
			buf_puts(&l, "\\n");
			continue;
		}
		if (*p == '\r')
			continue;
		buf_putc(&l, *p);
	}
	size_t used = 0;
	const char *s = buf_str(&l);
	while (s[0]) {
		size_t n = strlen(s), room = used ? 74 : 75;
		if (n <= room) {
			buf_puts(out, s);
			break;
		}
		size_t cut = room;
		while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
			cut--;
		buf_add(out, s, cut);
		buf_puts(out, "\r\n ");
		s += cut;
		used = 1;
	}
	buf_puts(out, "\r\n");
	buf_free(&l);
}

/* "2026-11-30T09:15:00Z" → "20261130T091500Z" (false when not that shape). */
static bool ics_utc(const char *iso, char out[17])
{
	if (strlen(iso) < 19 || iso[4] != '-' || iso[10] != 'T')
		return false;
	snprintf(out, 17, "%.4s%.2s%.2sT%.2s%.2s%.2sZ", iso, iso + 5, iso + 8, iso + 11, iso + 14, iso + 17);
	return true;
}

static const ics_rev *rev_of(const ics_rev *revs, size_t n, const char *target)
{
	for (size_t i = 0; target && i < n; i++)
		if (!strcmp(revs[i].target, target))
			return &revs[i];
	return NULL;
}

static void event(buf_t *out, const char *uid, date_t when, date_t today, const ics_rev *rev, const char *summary,
		  const char *desc)
{
	char d[11], dt[16], stamp[20];
	date_format(when, d);
	snprintf(dt, sizeof dt, "%.4s%.2s%.2s", d, d + 5, d + 8);
	date_format(today, d);
	snprintf(stamp, sizeof stamp, "%.4s%.2s%.2sT000000Z", d, d + 5, d + 8);
	date_format(when + 1, d);
	char end[16], seq[24], mod[17];
	snprintf(end, sizeof end, "%.4s%.2s%.2s", d, d + 5, d + 8);
	snprintf(seq, sizeof seq, "%d", rev ? rev->changes : 0);
	buf_puts(out, "BEGIN:VEVENT\r\n");
	line(out, "UID", uid, false);
	line(out, "DTSTAMP", stamp, false);
	line(out, "SEQUENCE", seq, false);
	if (rev && ics_utc(rev->last, mod))
		line(out, "LAST-MODIFIED", mod, false);
	line(out, "DTSTART;VALUE=DATE", dt, false);
	line(out, "DTEND;VALUE=DATE", end, false);
	line(out, "SUMMARY", summary, true);
	if (desc && *desc)
		line(out, "DESCRIPTION", desc, true);
	line(out, "TRANSP", "TRANSPARENT", false);   /* a due date does not make the day busy */
	buf_puts(out, "END:VEVENT\r\n");
}

size_t ics_revs(const audit_row *rows, size_t n, arena_t *ar, ics_rev **out)
{
	ics_rev *v = NULL;
	size_t k = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].target || !*rows[i].target)
			continue;
		ics_rev *r = (ics_rev *)(uintptr_t)rev_of(v, k, rows[i].target);
		if (!r) {
			r = arena_push(ar, (void **)&v, &k, &cap, sizeof *r);
			memset(r, 0, sizeof *r);
			r->target = arena_strdup(ar, rows[i].target);
		}
		r->changes++;
		if (strcmp(rows[i].at, r->last) > 0)
			snprintf(r->last, sizeof r->last, "%s", rows[i].at);
	}
	*out = v;
	return k;
}

void ics_write(const catalog *cat, const m_company *co, const char *person, lang_t lang, date_t today,
	       const ics_rev *revs, size_t n_revs, buf_t *out)
{
	bool en = lang == LANG_EN;
	size_t events = 0;
	buf_puts(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//secstep//secstep//JA\r\nCALSCALE:GREGORIAN\r\n");
	char name[512];
	snprintf(name, sizeof name, "%s — secstep", co->name);
	line(out, "X-WR-CALNAME", name, true);
	char uid[160], summary[600];
	for (size_t i = 0; i < co->n_tasks; i++) {
		const m_task *t = &co->tasks[i];
		const cat_task *ct = cat_task_find(cat, t->task);
		if (!ct || t->due == DATE_NONE || t->status == TASK_DONE || (person && !str_eq(t->owner, person)))
			continue;
		const m_person *o = company_person(co, t->owner);
		snprintf(uid, sizeof uid, "%s-c%lld@secstep", t->task, (long long)co->id);
		recur_t rr = recur_effective(t);
		snprintf(summary, sizeof summary, "%s%s%s%s%s%s%s", en ? "Due: " : "期限: ", tx(ct->title, lang),
			 o ? " — " : "", o ? o->name : "", recur_months(rr) ? " (" : "",
			 recur_months(rr) ? recur_label(rr, lang) : "", recur_months(rr) ? ")" : "");
		event(out, uid, t->due, today, rev_of(revs, n_revs, t->task), summary, tx(ct->summary, lang));
		events++;
	}
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *p = &co->people[i];
		if (person && !str_eq(p->key, person))
			continue;
		for (size_t k = 0; k < p->n_exams; k++) {
			const m_exam *e = &p->exams[k];
			const cat_exam *ce = cat_exam_find(cat, e->exam);
			if (!ce || e->date == DATE_NONE || e->status == EXAM_PASSED)
				continue;
			snprintf(uid, sizeof uid, "exam-%s-%s-c%lld@secstep", e->exam, p->key, (long long)co->id);
			snprintf(summary, sizeof summary, "%s%s — %s", en ? "Exam: " : "試験: ", tx(ce->name, lang), p->name);
			event(out, uid, e->date, today, rev_of(revs, n_revs, p->key), summary, tx(ce->format, lang));
			events++;
		}
	}
	for (size_t i = 0; i < co->n_assets; i++) {
		const m_asset *x = &co->assets[i];
		if (x->treat_due == DATE_NONE || (person && !str_eq(x->treat_owner, person)))
			continue;
		snprintf(uid, sizeof uid, "risk-%s-c%lld@secstep", x->key, (long long)co->id);
		snprintf(summary, sizeof summary, "%s%s", en ? "Risk treatment: " : "リスク対応: ", x->name);
		event(out, uid, x->treat_due, today, rev_of(revs, n_revs, x->key), summary, x->action ? x->action : "");
		events++;
	}
	if (!events) {
		/* RFC 5545 (3.6): a calendar holds at least one component. */
		char d[11], stamp[20];
		date_format(today, d);
		snprintf(stamp, sizeof stamp, "%.4s%.2s%.2sT000000Z", d, d + 5, d + 8);
		snprintf(uid, sizeof uid, "empty-c%lld%s%s@secstep", (long long)co->id, person ? "-" : "", person ? person : "");
		buf_puts(out, "BEGIN:VJOURNAL\r\n");
		line(out, "UID", uid, false);
		line(out, "DTSTAMP", stamp, false);
		line(out, "SUMMARY", en ? "No dates yet" : "まだ予定はありません", true);
		line(out, "DESCRIPTION", en ? "Due dates, exam dates and risk treatment dates appear here once they are set in secstep."
					    : "secstep でタスクの期限・試験日・リスク対応の期限を決めると、ここに出ます。", true);
		buf_puts(out, "END:VJOURNAL\r\n");
	}
	buf_puts(out, "END:VCALENDAR\r\n");
}
