/* risk.c — see risk.h. */
#include <string.h>

#include "core/risk.h"

static int max3(int a, int b, int c)
{
	int m = a > b ? a : b;
	return m > c ? m : c;
}

int risk_importance(const m_asset *a)
{
	return a->personal ? 3 : max3(a->c, a->i, a->a);
}

int risk_likelihood(const m_asset *a)
{
	int l = a->threat + a->vulnerability - 3;
	return l < 1 ? 1 : l;
}

int risk_value(const m_asset *a)
{
	return risk_importance(a) * risk_likelihood(a);
}

risk_band_t risk_band(int value, risk_thresholds t)
{
	if (value >= t.high_from)
		return BAND_HIGH;
	if (value >= t.medium_from)
		return BAND_MEDIUM;
	return BAND_LOW;
}

const char *risk_band_id(risk_band_t b)
{
	static const char *const ids[] = {"low", "medium", "high"};
	return ids[b];
}

bool risk_thresholds_valid(risk_thresholds t)
{
	return t.medium_from > 1 && t.medium_from <= t.high_from && t.high_from <= 9;
}

bool risk_treatment_valid(const char *t)
{
	static const char *const ids[] = {"reduce", "avoid", "transfer", "accept"};
	for (size_t i = 0; t && i < sizeof ids / sizeof ids[0]; i++)
		if (!strcmp(ids[i], t))
			return true;
	return false;
}
