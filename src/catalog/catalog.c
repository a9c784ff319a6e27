/* catalog.c — the built-in catalog: the constant tables tools/catgen
 * generated from the catalog/ JSON files (build/gen/catalog_data.c), and the same
 * data as one JSON document for `catalog --json` and the API, parsed only
 * when asked for.  See catalog.h. */
#include "catalog/catalog.h"

#include <jansson.h>
#include <pthread.h>
#include <stdlib.h>

#include "base/util.h"

const catalog *catalog_builtin(void)
{
	return &catalog_data;
}

static json_t *doc;
static pthread_once_t doc_once = PTHREAD_ONCE_INIT;

static void doc_free(void)
{
	json_decref(doc);
	doc = NULL;
}

static void doc_parse(void)
{
	json_error_t err;
	doc = json_loadb(catalog_data.json, catalog_data.json_len, 0, &err);
	if (!doc)   /* the generator wrote it from parsed JSON: a build bug */
		panic("the built-in catalog's JSON does not parse: line %d: %s", err.line, err.text);
	atexit(doc_free);
}

json_t *catalog_json(void)
{
	pthread_once(&doc_once, doc_parse);
	return doc;
}
