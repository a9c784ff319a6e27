/* json_scan.h — names the field path of duplicate keys and oversized
 * numbers before the JSON parser runs (it would only give a position). */
#ifndef SECSTEP_JSON_SCAN_H
#define SECSTEP_JSON_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/errs.h"

/* Adds one error per problem found ("company.name: is given more than
 * once"; in English when en, else Japanese); returns how many. */
size_t json_scan(const char *text, size_t len, bool en, errs_t *errs);

#endif
