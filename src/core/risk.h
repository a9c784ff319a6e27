/* risk.h — asset-based risk analysis (CONTRACT.md "Risk analysis";
 * facts.md §5): importance from C/I/A and personal data, likelihood from
 * threat and vulnerability, risk value, band. */
#ifndef SECSTEP_RISK_H
#define SECSTEP_RISK_H

#include "core/model.h"

typedef enum { BAND_LOW, BAND_MEDIUM, BAND_HIGH } risk_band_t;

typedef struct {
	int high_from;     /* value >= high_from is high (default 6) */
	int medium_from;   /* value >= medium_from is medium (default 4) */
} risk_thresholds;

#define RISK_DEFAULTS ((risk_thresholds){6, 4})

/* max(c, i, a), or 3 when the asset holds personal data. */
int risk_importance(const m_asset *a);
/* max(1, threat + vulnerability - 3): the guidebook's conversion table. */
int risk_likelihood(const m_asset *a);
int risk_value(const m_asset *a);
risk_band_t risk_band(int value, risk_thresholds t);
const char *risk_band_id(risk_band_t b);
/* reduce (低減), avoid (回避), transfer (移転), accept (受容). */
bool risk_treatment_valid(const char *t);
/* Thresholds must satisfy 1 < medium_from <= high_from <= 9. */
bool risk_thresholds_valid(risk_thresholds t);

#endif
