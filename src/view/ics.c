/* ics.c — see ics.h.  Lines end in CRLF and are folded at 75 octets
 * without splitting a UTF-8 character; text values are escaped. */
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

static void event(buf_t *out, const char *uid, date_t when, date_t today, const char *summary, const char *desc)
{
	char d[11], dt[16], stamp[20];
	date_format(when, d);
	snprintf(dt, sizeof dt, "%.4s%.2s%.2s", d, d + 5, d + 8);
	date_format(today, d);
	snprintf(stamp, sizeof stamp, "%.4s%.2s%.2sT000000Z", d, d + 5, d + 8);
	date_format(when + 1, d);
	char end[16];
	snprintf(end, sizeof end, "%.4s%.2s%.2s", d, d + 5, d + 8);
	buf_puts(out, "BEGIN:VEVENT\r\n");
	line(out, "UID", uid, false);
	line(out, "DTSTAMP", stamp, false);
	line(out, "DTSTART;VALUE=DATE", dt, false);
	line(out, "DTEND;VALUE=DATE", end, false);
	line(out, "SUMMARY", summary, true);
	if (desc && *desc)
		line(out, "DESCRIPTION", desc, true);
	buf_puts(out, "END:VEVENT\r\n");
}

void ics_write(const catalog *cat, const m_company *co, const char *person, lang_t lang, date_t today, buf_t *out)
{
	bool en = lang == LANG_EN;
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
		event(out, uid, t->due, today, summary, tx(ct->summary, lang));
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
			event(out, uid, e->date, today, summary, tx(ce->format, lang));
		}
	}
	for (size_t i = 0; i < co->n_assets; i++) {
		const m_asset *x = &co->assets[i];
		if (x->treat_due == DATE_NONE || (person && !str_eq(x->treat_owner, person)))
			continue;
		snprintf(uid, sizeof uid, "risk-%s-c%lld@secstep", x->key, (long long)co->id);
		snprintf(summary, sizeof summary, "%s%s", en ? "Risk treatment: " : "リスク対応: ", x->name);
		event(out, uid, x->treat_due, today, summary, x->action ? x->action : "");
	}
	buf_puts(out, "END:VCALENDAR\r\n");
}
