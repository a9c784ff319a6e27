/* fuzz_catalog.c — the build-time catalog reader and its checks
 * (tools/catgen: catload_read, catalog_check), which turn the catalog JSON files
 * into the tables compiled into secstep.  The built-in catalog is split
 * into one file per top-level key; the first byte of the input picks one
 * file and the rest replaces it, so the input always meets a whole
 * catalog.  Oracles: a refused catalog says why; an accepted one has
 * every STEP checkpoint and task the contract fixes. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "catalog/catalog.h"
#include "catload.h"
#include "fuzz.h"

static catload_file files[40];
static size_t n_files;

static void split_builtin(void)
{
	const char *key;
	json_t *v;
	json_object_foreach(catalog_json(), key, v) {
		if (n_files + 1 >= sizeof files / sizeof files[0])
			break;
		json_t *doc = json_object();
		json_object_set_new(doc, key, json_deep_copy(v));
		char *text = json_dumps(doc, 0);
		json_decref(doc);
		files[n_files++] = (catload_file){strdup(key), text, strlen(text)};
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!n_files)
		split_builtin();
	if (size < 1 || !n_files)
		return 0;
	catload_file mine[sizeof files / sizeof files[0]];
	memcpy(mine, files, sizeof files);
	size_t which = data[0] % n_files;
	mine[which].data = (const char *)data + 1;
	mine[which].len = size - 1;
	errs_t e = ERRS_INIT;
	catload *c = catload_read(mine, &e);
	if (!c) {
		FUZZ_CHECK(e.n > 0, "refused without a reason");
	} else {
		FUZZ_CHECK(e.n == 0, "accepted with %zu problems", e.n);
		FUZZ_CHECK(cat_checkpoint_find(&c->cat, "cp-1-1") && cat_checkpoint_find(&c->cat, "cp-4-4"), "checkpoints missing");
		FUZZ_CHECK(cat_task_find(&c->cat, "task-1-1") && cat_task_find(&c->cat, "task-4-4"), "tasks missing");
		catload_free(c);
	}
	errs_free(&e);
	return 0;
}
