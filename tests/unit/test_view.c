/* test_view.c — the text writers a user meets outside secstep: display
 * widths of plain-text columns, the CSV round trip through the formula
 * guard, CP932 input, and the iCalendar's empty-calendar component and
 * per-record SEQUENCE. */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "catalog/catalog.h"
#include "core/model.h"
#include "view/ics.h"
#include "view/tables.h"

static void widths(void **state)
{
	(void)state;
	assert_int_equal(str_width("abc"), 3);
	assert_int_equal(str_width("業種"), 4);             /* ideographs: two columns each */
	assert_int_equal(str_width("ｱｲ"), 2);               /* half-width katakana: one */
	assert_int_equal(str_width("ＡＢ"), 4);             /* full-width Latin: two */
	assert_int_equal(str_width("カ\xe3\x82\x99"), 2);   /* a combining voiced mark: none */
	assert_int_equal(str_width("\xff"), 1);             /* an invalid byte still takes a column */
	assert_int_equal(str_width(""), 0);
}

/* csv_cell then csv_parse gives the value back, whatever it starts with. */
static void csv_round_trip(void **state)
{
	(void)state;
	static const char *const values[] = {"=SUM(A1)", "+81 3", "-5", "@x", "\ttab", "\rcr", "'=quoted", "''=two",
					     "'''x", "'", "''", "'plain", "plain", "a,b", "say \"hi\"", "line\nbreak", "", "-"};
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		buf_t b = BUF_INIT;
		csv_cell(&b, values[i]);
		buf_puts(&b, ",end\r\n");
		arena_t ar = {0};
		csv_rows rows;
		assert_true(csv_parse(b.p, b.len, &ar, &rows));
		assert_int_equal(rows.n, 1);
		assert_int_equal(rows.rows[0].n, 2);
		assert_string_equal(rows.rows[0].cells[0], values[i]);
		/* a formula-like value never starts the cell as Excel reads it */
		if (values[i][0] && strchr("=+-@\t\r", values[i][0]))
			assert_true(strstr(b.p, "\"'") == b.p);
		arena_free(&ar);
		buf_free(&b);
	}
}

static void csv_cp932(void **state)
{
	(void)state;
	/* "名前" in CP932 (Shift_JIS): 96 BC 91 4F */
	const char sjis[] = "name\r\n\x96\xbc\x91\x4f\r\n";
	size_t n;
	bool conv;
	char *u = csv_to_utf8(sjis, sizeof sjis - 1, &n, &conv);
	assert_non_null(u);
	assert_true(conv);
	assert_string_equal(u, "name\r\n名前\r\n");
	free(u);
	u = csv_to_utf8("plain,é\r\n", 10, &n, &conv);   /* UTF-8 stays as it is */
	assert_non_null(u);
	assert_false(conv);
	free(u);
	assert_null(csv_to_utf8("\x80\xff\xfe", 3, &n, &conv));   /* neither */
}

static void ics_empty_and_sequence(void **state)
{
	(void)state;
	const catalog *cat = catalog_builtin();
	m_company *co = company_new();
	co->id = 7;
	co->name = "テスト";
	buf_t b = BUF_INIT;
	ics_write(cat, co, NULL, LANG_JA, date_from_ymd(2026, 11, 25), NULL, 0, &b);
	assert_non_null(strstr(b.p, "BEGIN:VJOURNAL\r\n"));
	assert_null(strstr(b.p, "BEGIN:VEVENT"));
	buf_free(&b);

	m_task *t = arena_push(&co->arena, (void **)&co->tasks, &co->n_tasks, &co->cap_tasks, sizeof *t);
	*t = (m_task){cat->tasks[0].id, NULL, date_from_ymd(2026, 12, 1), TASK_TODO, NULL, RECUR_NONE, DATE_NONE};
	audit_row rows[3] = {{.at = "2026-11-01T10:00:00Z", .target = cat->tasks[0].id},
			     {.at = "2026-11-20T08:30:05Z", .target = cat->tasks[0].id},
			     {.at = "2026-11-21T00:00:00Z", .target = "p9"}};
	arena_t ar = {0};
	ics_rev *revs;
	size_t n = ics_revs(rows, 3, &ar, &revs);
	assert_int_equal(n, 2);
	buf_t c = BUF_INIT;
	ics_write(cat, co, NULL, LANG_EN, date_from_ymd(2026, 11, 25), revs, n, &c);
	assert_non_null(strstr(c.p, "SEQUENCE:2\r\n"));
	assert_non_null(strstr(c.p, "LAST-MODIFIED:20261120T083005Z\r\n"));
	assert_null(strstr(c.p, "VJOURNAL"));
	buf_free(&c);
	arena_free(&ar);
	company_free(co);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(widths),
		cmocka_unit_test(csv_round_trip),
		cmocka_unit_test(csv_cp932),
		cmocka_unit_test(ics_empty_and_sequence),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
