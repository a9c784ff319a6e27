/* test_risk.c — the risk computation for every combination of C/I/A,
 * personal data, threat and vulnerability, against the guidebook's tables
 * written out here (not the closed form the code uses). */
#include "testutil.h"

#include "core/risk.h"

/* 被害発生可能性: rows threat 1..3, columns vulnerability 1..3 (facts.md §5.5). */
static const int likelihood_table[4][4] = {
	{0, 0, 0, 0},
	{0, 1, 1, 1},   /* threat 1 */
	{0, 1, 1, 2},   /* threat 2: vulnerability 1, 2, 3 */
	{0, 1, 2, 3},   /* threat 3 */
};

static void every_combination(void **state)
{
	(void)state;
	int seen_values[10] = {0};
	for (int c = 1; c <= 3; c++)
		for (int i = 1; i <= 3; i++)
			for (int a = 1; a <= 3; a++)
				for (int personal = 0; personal <= 1; personal++)
					for (int t = 1; t <= 3; t++)
						for (int v = 1; v <= 3; v++) {
							m_asset x = {0};
							x.c = c, x.i = i, x.a = a, x.personal = personal;
							x.threat = t, x.vulnerability = v;
							int imp = personal ? 3 : (c > i ? (c > a ? c : a) : (i > a ? i : a));
							int lik = likelihood_table[t][v];
							assert_int_equal(risk_importance(&x), imp);
							assert_int_equal(risk_likelihood(&x), lik);
							assert_int_equal(risk_value(&x), imp * lik);
							seen_values[imp * lik] = 1;
							risk_band_t want = imp * lik >= 6 ? BAND_HIGH : imp * lik == 4 ? BAND_MEDIUM : BAND_LOW;
							assert_int_equal(risk_band(risk_value(&x), RISK_DEFAULTS), want);
						}
	/* only 1, 2, 3, 4, 6, 9 are possible (5, 7, 8 never) */
	int want_seen[10] = {0, 1, 1, 1, 1, 0, 1, 0, 0, 1};
	for (int k = 0; k < 10; k++)
		assert_int_equal(seen_values[k], want_seen[k]);
}

static void thresholds(void **state)
{
	(void)state;
	risk_thresholds tokyo = {6, 3};   /* Tokyo's matrix counts 3 as medium */
	assert_true(risk_thresholds_valid(tokyo));
	assert_int_equal(risk_band(3, tokyo), BAND_MEDIUM);
	assert_int_equal(risk_band(3, RISK_DEFAULTS), BAND_LOW);
	assert_int_equal(risk_band(9, RISK_DEFAULTS), BAND_HIGH);
	assert_string_equal(risk_band_id(BAND_MEDIUM), "medium");
	assert_false(risk_thresholds_valid((risk_thresholds){4, 6}));
	assert_false(risk_thresholds_valid((risk_thresholds){10, 4}));
	assert_false(risk_thresholds_valid((risk_thresholds){6, 1}));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_combination),
		cmocka_unit_test(thresholds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
