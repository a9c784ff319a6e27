/* test_recur.c — recurring work, ISO weeks, and the mail encodings a user
 * sees: when the next round of a task is due, which week a digest belongs
 * to, and subjects in RFC 2047 encoded words. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "app/mail.h"
#include "base/date.h"
#include "core/recur.h"
#include "core/registers.h"

static date_t D(const char *s)
{
	date_t d = DATE_NONE;
	assert_true(date_parse(s, &d));
	return d;
}

static void next_due(void **state)
{
	(void)state;
	char out[11];
	/* a quarterly task done before its due date: three months after it */
	date_format(recur_next_due(D("2026-12-31"), D("2026-12-20"), RECUR_QUARTERLY), out);
	assert_string_equal(out, "2027-03-31");
	/* month ends are kept: 01-31 + 1 month is 02-28 */
	date_format(recur_next_due(D("2027-01-31"), D("2027-01-30"), RECUR_MONTHLY), out);
	assert_string_equal(out, "2027-02-28");
	/* long overdue: moved on by whole periods until after today */
	date_format(recur_next_due(D("2025-01-15"), D("2026-11-25"), RECUR_YEARLY), out);
	assert_string_equal(out, "2027-01-15");
	/* no due date: one period after today */
	date_format(recur_next_due(DATE_NONE, D("2026-11-25"), RECUR_MONTHLY), out);
	assert_string_equal(out, "2026-12-25");
}

static void completing(void **state)
{
	(void)state;
	m_task t = {"task-2-1", "p1", D("2026-11-30"), TASK_DOING, NULL, RECUR_DEFAULT, DATE_NONE};
	assert_int_equal(recur_effective(&t), RECUR_YEARLY);   /* the policy review, by default */
	assert_true(task_set_status(&t, TASK_DONE, D("2026-11-25")));
	assert_int_equal(t.status, TASK_TODO);
	assert_int_equal(t.due, D("2027-11-30"));
	assert_int_equal(t.last_done, D("2026-11-25"));
	m_task once = {"task-1-1", "p1", D("2026-11-30"), TASK_DOING, NULL, RECUR_DEFAULT, DATE_NONE};
	assert_false(task_set_status(&once, TASK_DONE, D("2026-11-25")));
	assert_int_equal(once.status, TASK_DONE);
	m_task chosen = {"task-2-1", "p1", D("2026-11-30"), TASK_TODO, NULL, RECUR_NONE, DATE_NONE};
	assert_false(task_set_status(&chosen, TASK_DONE, D("2026-11-25")));   /* "once" overrides the default */
	recur_t r;
	assert_true(recur_parse("quarterly", &r) && r == RECUR_QUARTERLY);
	assert_false(recur_parse("weekly", &r));
}

static void add_record(m_company *co, const char *kind, const char *json)
{
	json_t *o = json_loads(json, 0, NULL);
	assert_non_null(o);
	reg_add(co, reg_find(kind), o);
	json_decref(o);
}

/* A drill, a restore test or a supplier check recorded in the registers
 * completes a round of the recurring task it proves; the next is due one
 * period after the record (a supplier's next review when one is set).  A
 * planned drill in the future does not count; an older record changes
 * nothing; a task set to "once" is left alone. */
static void records_complete_rounds(void **state)
{
	(void)state;
	m_company *co = company_new();
	date_t today = D("2026-11-25");
	assert_false(recur_from_records(co, today));   /* no records: nothing */
	add_record(co, "drills", "{\"date\":\"2026-11-20\",\"scenario\":\"ランサムウェア\"}");
	add_record(co, "drills", "{\"date\":\"2027-02-01\",\"scenario\":\"予定\"}");
	add_record(co, "systems", "{\"name\":\"会計\",\"restore_tested\":\"2026-10-01\"}");
	add_record(co, "suppliers", "{\"name\":\"クラウド\",\"checked_on\":\"2026-06-01\",\"next_review\":\"2027-05-31\"}");
	assert_true(recur_from_records(co, today));
	const m_task *drill = company_task(co, "task-3-4");
	assert_non_null(drill);
	assert_int_equal(drill->last_done, D("2026-11-20"));
	assert_int_equal(drill->due, D("2027-11-20"));
	assert_int_equal(drill->status, TASK_TODO);
	const m_task *restore = company_task(co, "task-4-4");
	assert_int_equal(restore->last_done, D("2026-10-01"));
	assert_int_equal(restore->due, D("2027-01-01"));   /* quarterly */
	const m_task *sup = company_task(co, "task-3-3");
	assert_int_equal(sup->due, D("2027-05-31"));       /* the supplier's next review */
	/* run again: the same records are not a new round */
	assert_false(recur_from_records(co, today));
	/* an older drill added later changes nothing */
	add_record(co, "drills", "{\"date\":\"2025-11-01\",\"scenario\":\"古い\"}");
	assert_false(recur_from_records(co, today));
	/* the owner chose "once" for the restore test: left alone */
	company_task_slot(co, "task-4-4")->recur = RECUR_NONE;
	add_record(co, "systems", "{\"name\":\"受注\",\"restore_tested\":\"2026-11-24\"}");
	assert_false(recur_from_records(co, today));
	assert_int_equal(company_task(co, "task-4-4")->last_done, D("2026-10-01"));
	company_free(co);
}

static void iso_weeks(void **state)
{
	(void)state;
	char w[9];
	date_iso_week(D("2026-11-25"), w);
	assert_string_equal(w, "2026-W48");
	date_iso_week(D("2026-11-29"), w);   /* Sunday: the same week */
	assert_string_equal(w, "2026-W48");
	date_iso_week(D("2026-11-30"), w);
	assert_string_equal(w, "2026-W49");
	date_iso_week(D("2027-01-01"), w);   /* a Friday: the last week of 2026 */
	assert_string_equal(w, "2026-W53");
	date_iso_week(D("2024-12-30"), w);   /* a Monday: the first week of 2025 */
	assert_string_equal(w, "2025-W01");
	assert_int_equal(date_weekday(D("2026-11-23")), 1);
}

static void subjects(void **state)
{
	(void)state;
	buf_t b = BUF_INIT;
	mail_encode_header(&b, "Weekly digest", 9);
	assert_string_equal(buf_str(&b), "Weekly digest");
	buf_reset(&b);
	const char *ja = "【secstep】山田製作所：期限切れ 1件・2週間以内 1件";
	mail_encode_header(&b, ja, 9);
	/* words of at most 75 characters that decode back to the subject */
	buf_t dec = BUF_INIT;
	char *copy = strdup(buf_str(&b));
	for (char *w = strtok(copy, "\r\n "); w; w = strtok(NULL, "\r\n ")) {
		size_t n = strlen(w);
		assert_true(n <= 75);
		assert_memory_equal(w, "=?UTF-8?B?", 10);
		assert_string_equal(w + n - 2, "?=");
		unsigned char raw[64];
		size_t len;
		assert_int_equal(sodium_base642bin(raw, sizeof raw, w + 10, n - 12, NULL, &len, NULL, sodium_base64_VARIANT_ORIGINAL), 0);
		buf_add(&dec, raw, len);
	}
	assert_string_equal(buf_str(&dec), ja);
	free(copy);
	buf_free(&dec);
	buf_free(&b);
	assert_true(mail_addr_ok("taro@example.jp"));
	assert_false(mail_addr_ok("taro@example.jp\r\nBcc: x@evil.test"));
	assert_false(mail_addr_ok("taro example.jp"));
	assert_false(mail_addr_ok("<taro@example.jp>"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(next_due),
		cmocka_unit_test(completing),
		cmocka_unit_test(records_complete_rounds),
		cmocka_unit_test(iso_weeks),
		cmocka_unit_test(subjects),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
