/* date.h — calendar dates as days since 1970-01-01 (proleptic Gregorian).
 * "Today" is always an input: date_today() reads SECSTEP_TODAY first, so
 * tests and plans are deterministic. */
#ifndef SECSTEP_DATE_H
#define SECSTEP_DATE_H

#include <stdbool.h>

typedef int date_t;   /* days since 1970-01-01; DATE_NONE when absent */
#define DATE_NONE (-2147483647 - 1)

/* Parses exactly "YYYY-MM-DD" (years 1900–2999, a real calendar day).
 * Returns false on anything else and leaves *out unchanged. */
bool date_parse(const char *s, date_t *out);
/* Writes "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format(date_t d, char out[11]);
date_t date_from_ymd(int y, int m, int d);
/* SECSTEP_TODAY when set and valid, else the local clock's date.  When
 * SECSTEP_TODAY is set but invalid, returns DATE_NONE (callers report it). */
date_t date_today(void);
/* dt moved by months, the day kept or clamped to the month's last day
 * (01-31 + 1 month = 02-28 or 02-29). */
date_t date_add_months(date_t dt, int months);
/* ISO weekday: 1 Monday … 7 Sunday. */
int date_weekday(date_t dt);
/* The ISO 8601 week of dt: "2026-W48" (the year is the week's Thursday's). */
void date_iso_week(date_t dt, char out[9]);

#endif
