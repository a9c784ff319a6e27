/* validate.h — the catalog's checks: unique ids, every reference resolves,
 * the counts and fixed ids the guidebook and CONTRACT.md have.  (Both
 * languages non-empty is checked while loading, in load.c.) */
#ifndef SECSTEP_CATALOG_VALIDATE_H
#define SECSTEP_CATALOG_VALIDATE_H

#include "catalog/catalog.h"

void catalog_validate(const catalog *c, errs_t *errs);

#endif
