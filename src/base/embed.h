/* embed.h — files compiled into the binary by tools/embed.c. */
#ifndef SECSTEP_EMBED_H
#define SECSTEP_EMBED_H

#include <stddef.h>

struct embedded_file {
	const char *name;   /* base name, e.g. "steps.json"; NULL ends a table */
	const char *data;   /* NUL-terminated */
	size_t len;
};

/* Returns the entry named name in table, or NULL. */
const struct embedded_file *embedded_find(const struct embedded_file *table, const char *name);

#endif
