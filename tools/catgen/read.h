/* read.h — helpers of the catalog loader (load.c): read typed fields from
 * the JSON tree, recording every problem with its path.  Every string
 * returned points into the JSON tree, which the loaded catalog keeps. */
#ifndef SECSTEP_CATGEN_READ_H
#define SECSTEP_CATGEN_READ_H

#include <jansson.h>

#include "base/arena.h"
#include "base/errs.h"
#include "catalog/catalog.h"

typedef struct {
	arena_t *arena;
	errs_t *errs;
} lctx;

/* Each reader takes the object, the key and the object's path (for errors). */
text_t rd_text(lctx *L, json_t *obj, const char *key, const char *path);
text_t rd_text_at(lctx *L, json_t *v, const char *path);
const char *rd_str(lctx *L, json_t *obj, const char *key, const char *path, bool required);
int rd_int(lctx *L, json_t *obj, const char *key, const char *path, int lo, int hi, bool required);
bool rd_bool(lctx *L, json_t *obj, const char *key, const char *path);
const char *const *rd_strs(lctx *L, json_t *obj, const char *key, const char *path, size_t *n);
const text_t *rd_texts(lctx *L, json_t *obj, const char *key, const char *path, size_t *n);
/* The array at key (error when missing or not an array); NULL then. */
json_t *rd_array(lctx *L, json_t *obj, const char *key, const char *path);
char *sub(lctx *L, const char *path, const char *key);
char *idx(lctx *L, const char *path, size_t i);

#endif
