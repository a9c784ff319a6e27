/* fuzz_catalog.c — the catalog loader and its validation (catalog_load):
 * the first byte picks one of the built-in catalog files, the rest
 * replaces that file; the others stay as built in, so the input meets a
 * whole catalog.  Oracles: a refused catalog says why; an accepted one
 * has every STEP, checkpoint and task the contract fixes.
 * (Issue 13 turns the catalog into generated C tables; when the run-time
 * loader goes, this target goes with it or moves to the generator.) */
#include <string.h>

#include "base/embed.h"
#include "catalog/catalog.h"
#include "fuzz.h"

extern const struct embedded_file catalog_files[];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t n = 0;
	while (catalog_files[n].name)
		n++;
	struct embedded_file *files = calloc(n + 1, sizeof *files);
	memcpy(files, catalog_files, n * sizeof *files);
	char *text = malloc(size);
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	size_t which = data[0] % n;
	files[which].data = text;
	files[which].len = size - 1;
	errs_t e = ERRS_INIT;
	catalog *c = catalog_load(files, &e);
	if (!c) {
		FUZZ_CHECK(e.n > 0, "refused without a reason");
	} else {
		FUZZ_CHECK(e.n == 0, "accepted with %zu problems", e.n);
		FUZZ_CHECK(cat_checkpoint_find(c, "cp-1-1") && cat_checkpoint_find(c, "cp-4-4"), "checkpoints missing");
		FUZZ_CHECK(cat_task_find(c, "task-1-1") && cat_task_find(c, "task-4-4"), "tasks missing");
		catalog_free(c);
	}
	errs_free(&e);
	free(text);
	free(files);
	return 0;
}
