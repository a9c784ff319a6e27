/* test_base.c — dates, UTF-8, buffers, arenas. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/date.h"
#include "base/util.h"

static void date_round_trip(void **state)
{
	(void)state;
	date_t d;
	char out[11];
	assert_true(date_parse("2026-11-25", &d));
	date_format(d, out);
	assert_string_equal(out, "2026-11-25");
	assert_true(date_parse("2024-02-29", &d));   /* leap year */
	date_format(d + 1, out);
	assert_string_equal(out, "2024-03-01");
	assert_true(date_parse("2026-12-31", &d));
	date_format(d + 1, out);
	assert_string_equal(out, "2027-01-01");
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
}

static void date_rejects(void **state)
{
	(void)state;
	date_t d = 7;
	const char *bad[] = {"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-01",
			     "26-01-01", "2026/01/01", "2026-01-01x", "", "abcd-ef-gh", "1899-12-31",
			     "2100-02-29"};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		assert_false(date_parse(bad[i], &d));
		assert_int_equal(d, 7);   /* unchanged on failure */
	}
	assert_false(date_parse(NULL, &d));
}

static void date_today_env(void **state)
{
	(void)state;
	date_t d;
	setenv("SECSTEP_TODAY", "2030-01-02", 1);
	assert_true(date_parse("2030-01-02", &d));
	assert_int_equal(date_today(), d);
	setenv("SECSTEP_TODAY", "2030-02-30", 1);
	assert_int_equal(date_today(), DATE_NONE);
	unsetenv("SECSTEP_TODAY");
	assert_int_not_equal(date_today(), DATE_NONE);
}

static void utf8_checks(void **state)
{
	(void)state;
	assert_true(utf8_valid("abc", 3));
	assert_true(utf8_valid("日本語", strlen("日本語")));
	assert_int_equal(utf8_len("日本語abc"), 6);
	assert_false(utf8_valid("\xff", 1));
	assert_false(utf8_valid("\xc0\xaf", 2));          /* overlong '/' */
	assert_false(utf8_valid("\xed\xa0\x80", 3));      /* surrogate */
	assert_false(utf8_valid("\xe6\x97", 2));          /* truncated */
	assert_false(utf8_valid("a\0b", 3));              /* NUL */
	assert_false(utf8_valid("\xf4\x90\x80\x80", 4));  /* > U+10FFFF */
}

static void buf_grows(void **state)
{
	(void)state;
	buf_t b = BUF_INIT;
	assert_string_equal(buf_str(&b), "");
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i);
	assert_true(b.len > 3000);
	assert_int_equal(strncmp(b.p, "0,1,2,", 6), 0);
	buf_reset(&b);
	buf_puts(&b, "x");
	assert_string_equal(buf_str(&b), "x");
	char *s = buf_detach(&b);
	assert_string_equal(s, "x");
	assert_null(b.p);
	free(s);
}

static void arena_push_grows(void **state)
{
	(void)state;
	arena_t a = {0};
	int *arr = NULL;
	size_t n = 0, cap = 0;
	for (int i = 0; i < 10000; i++)
		*(int *)arena_push(&a, (void **)&arr, &n, &cap, sizeof *arr) = i;
	assert_int_equal(n, 10000);
	for (int i = 0; i < 10000; i++)
		assert_int_equal(arr[i], i);
	assert_string_equal(arena_printf(&a, "%s-%d", "x", 5), "x-5");
	assert_null(arena_strdup(&a, NULL));
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(date_round_trip), cmocka_unit_test(date_rejects),
		cmocka_unit_test(date_today_env),  cmocka_unit_test(utf8_checks),
		cmocka_unit_test(buf_grows),       cmocka_unit_test(arena_push_grows),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
