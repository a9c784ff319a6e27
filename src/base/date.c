/* date.c — see date.h.  Day counting after Howard Hinnant's civil-date
 * algorithm (public description), written here from the formula. */
#include "date.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

date_t date_from_ymd(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void ymd_from_days(date_t z, int *y, int *m, int *d)
{
	z += 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = yoe + era * 400;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp + (mp < 10 ? 3 : -9);
	*y = yy + (*m <= 2);
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

bool date_parse(const char *s, date_t *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

void date_format(date_t dt, char out[11])
{
	int y, m, d;
	ymd_from_days(dt, &y, &m, &d);
	out[0] = (char)('0' + (y / 1000) % 10);
	out[1] = (char)('0' + (y / 100) % 10);
	out[2] = (char)('0' + (y / 10) % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

date_t date_today(void)
{
	const char *env = getenv("SECSTEP_TODAY");
	if (env && *env) {
		date_t d;
		return date_parse(env, &d) ? d : DATE_NONE;
	}
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

date_t date_add_months(date_t dt, int months)
{
	int y, m, d;
	ymd_from_days(dt, &y, &m, &d);
	int idx = y * 12 + (m - 1) + months;
	y = idx / 12;
	m = idx % 12 + 1;
	int last = days_in_month(y, m);
	return date_from_ymd(y, m, d > last ? last : d);
}

int date_weekday(date_t dt)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (dt % 7 + 7 + 3) % 7;   /* 0 = Monday */
	return w + 1;
}

void date_iso_week(date_t dt, char out[9])
{
	/* The ISO week's year is the year of its Thursday. */
	date_t thu = dt - (date_weekday(dt) - 1) + 3;
	int y, m, d;
	ymd_from_days(thu, &y, &m, &d);
	int week = (thu - date_from_ymd(y, 1, 1)) / 7 + 1;
	out[0] = (char)('0' + (y / 1000) % 10);
	out[1] = (char)('0' + (y / 100) % 10);
	out[2] = (char)('0' + (y / 10) % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = 'W';
	out[6] = (char)('0' + week / 10);
	out[7] = (char)('0' + week % 10);
	out[8] = '\0';
}
