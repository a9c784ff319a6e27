/* arena.h — a region allocator: many small allocations, one free.  Company
 * snapshots and per-request data live in an arena so their owners never free
 * piece by piece. */
#ifndef SECSTEP_ARENA_H
#define SECSTEP_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct {
	arena_block *head;
} arena_t;

void *arena_alloc(arena_t *a, size_t n);            /* zeroed, 16-aligned */
char *arena_strdup(arena_t *a, const char *s);      /* NULL stays NULL */
char *arena_strndup(arena_t *a, const char *s, size_t n);
char *arena_printf(arena_t *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void arena_free(arena_t *a);

/* Grows *arr (elements of size sz) to hold at least *n + 1 elements in the
 * arena and returns a pointer to the new, zeroed element; increments *n. */
void *arena_push(arena_t *a, void **arr, size_t *n, size_t *cap, size_t sz);

#endif
