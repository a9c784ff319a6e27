/* watch.h — a server's watch on every write to its database, so that it
 * may keep what it read between requests and still never answer with data
 * older than a write that was acknowledged before the request came.
 *
 * On PostgreSQL several `serve` processes share one database.  Each one
 * runs a watch: a thread with its own connection that LISTENs for the
 * notification every write sends (db_pg.c), counts an epoch up on each,
 * and records in the table secstep_watch the highest notification it has
 * taken in.  A process that writes waits, after its COMMIT and before it
 * answers, until every live watch has taken in a notification sent after
 * that COMMIT.  So a cache entry tagged with the epoch read before it was
 * loaded, and used only while the epoch is unchanged, holds every write
 * acknowledged before its use.
 *
 * A watch is live while its lease (renewed every second, WATCH_LEASE_MS
 * long) runs and its connection exists; a process whose lease has run out
 * or whose connection is gone keeps nothing (epoch 0) until it has
 * registered again, so a stopped or cut-off process never holds up writers
 * for longer than the lease, nor answers from what it kept.
 *
 * On SQLite there is nothing to watch: store_watch_start returns NULL, and
 * NULL's epoch is 0 (keep nothing). */
#ifndef SECSTEP_WATCH_H
#define SECSTEP_WATCH_H

#include <stdint.h>

#define WATCH_LEASE_MS 5000      /* how long a registration holds */
#define WATCH_RENEW_MS 1000      /* renewed this often */
#define WATCH_MARGIN_MS 1500     /* used locally for this much less */

typedef struct store_watch store_watch;

/* Starts the watch for the database at path: NULL for a SQLite file.  The
 * watch connects (and reconnects) in its own thread; until it has, its
 * epoch is 0. */
store_watch *store_watch_start(const char *path);
/* The epoch now: an entry tagged with it before its data was read is good
 * while the epoch stays the same.  0: keep nothing now. */
uint64_t store_watch_epoch(store_watch *w);
/* Stops the thread and removes the registration (NULL is fine). */
void store_watch_stop(store_watch *w);

#endif
