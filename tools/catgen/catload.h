/* catload.h — the build-time side of the catalog: reads the JSON files of
 * catalog/ into the typed tables of catalog/catalog.h and checks them.
 * Used by the generator (tools/catgen/catgen.c), which then writes the
 * tables out as C, and by the unit tests of the checks; never linked into
 * secstep itself, which parses no JSON at start-up. */
#ifndef SECSTEP_CATLOAD_H
#define SECSTEP_CATLOAD_H

#include <stddef.h>

#include "base/errs.h"
#include "catalog/catalog.h"

/* One input file: its name (for messages) and its bytes. */
typedef struct {
	const char *name;   /* NULL ends a table */
	const char *data;
	size_t len;
} catload_file;

/* A catalog read from files; owns every string its tables point to. */
typedef struct {
	catalog cat;
	json_t *root;              /* the files' top-level keys merged, in file order */
	void *mem;                 /* owned allocations (an arena) */
} catload;

/* Parses (strict JSON, duplicate keys rejected, UTF-8 checked), merges the
 * files' top-level keys, reads the typed tables and runs every check of
 * catalog_check.  Returns NULL and fills errs with every problem found
 * (each "PATH: WHAT", PATH a JSON path such as steps[1].tasks[0].title.en,
 * or the file name for a file that does not parse). */
catload *catload_read(const catload_file *files, errs_t *errs);
void catload_free(catload *c);

/* The checks of a loaded catalog: unique ids, every reference resolves,
 * the counts and fixed ids of the guidebook and CONTRACT.md.  (Both
 * languages non-empty is checked while reading.) */
void catalog_check(const catalog *c, errs_t *errs);

#endif
