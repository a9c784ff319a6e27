/* watch_pg.c — the watch of watch.h on PostgreSQL: one thread, one
 * connection that LISTENs on secstep_change, a row in secstep_watch with
 * the highest notification taken in and the lease. */
#include <errno.h>
#include <libpq-fe.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"
#include "store/store_int.h"
#include "store/watch.h"

struct store_watch {
	char *url;
	pthread_t thread;
	int wake[2];                   /* a byte here ends the thread */
	atomic_bool stop;
	atomic_uint_fast64_t epoch;    /* counted up on every notification */
	atomic_int_fast64_t valid_until;   /* monotonic ms; 0: not registered */
	/* the thread's own */
	PGconn *conn;
	int64_t id;                    /* our row in secstep_watch */
	int64_t acked;                 /* the highest notification recorded */
};

static int64_t mono_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

uint64_t store_watch_epoch(store_watch *w)
{
	if (!w)
		return 0;
	uint64_t e = atomic_load(&w->epoch);
	int64_t until = atomic_load(&w->valid_until);
	return until > mono_ms() ? e : 0;
}

/* Everything kept so far is stale from here on. */
static void bump(store_watch *w)
{
	atomic_fetch_add(&w->epoch, 1);
}

static void lapse(store_watch *w)
{
	atomic_store(&w->valid_until, 0);
	bump(w);
}

/* Runs sql with at most one parameter; the first value of the first row in
 * out (when given); false when it failed or gave no row where one was
 * wanted. */
static bool run(store_watch *w, const char *sql, const char *param, char *out, size_t n)
{
	const char *values[1] = {param};
	PGresult *r = PQexecParams(w->conn, sql, param ? 1 : 0, NULL, values, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(r);
	bool ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
	if (ok && out) {
		ok = PQntuples(r) == 1;
		if (ok)
			snprintf(out, n, "%s", PQgetvalue(r, 0, 0));
	}
	if (!ok && st != PGRES_TUPLES_OK)
		fprintf(stderr, "secstep: serve: watch: %s", PQerrorMessage(w->conn));
	PQclear(r);
	return ok;
}

static void drop(store_watch *w)
{
	lapse(w);
	if (w->conn)
		PQfinish(w->conn);
	w->conn = NULL;
	w->id = 0;
}

/* Takes in the notifications that arrived: the epoch counts up first, then
 * the highest one is recorded (writers wait for that record). */
static bool take_in(store_watch *w)
{
	for (;;) {
		int64_t high = 0;
		bool any = false;
		PGnotify *n;
		while ((n = PQnotifies(w->conn))) {
			any = true;
			int64_t v = strtoll(n->extra, NULL, 10);
			if (v > high)
				high = v;
			PQfreemem(n);
		}
		if (!any)
			return true;
		bump(w);
		if (high > w->acked) {
			char v[24], id[24];
			snprintf(v, sizeof v, "%lld", (long long)high);
			snprintf(id, sizeof id, "%lld", (long long)w->id);
			const char *values[2] = {v, id};
			PGresult *r = PQexecParams(w->conn, "UPDATE secstep_watch SET seen = greatest(seen, $1::bigint) WHERE id = $2::bigint",
						   2, NULL, values, NULL, NULL, 0);
			bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
			PQclear(r);
			if (!ok)
				return false;
			w->acked = high;
		}
	}
}

/* Connects, listens, registers: the lease runs from here. */
static bool attach(store_watch *w)
{
	w->conn = PQconnectdb(w->url);
	if (PQstatus(w->conn) != CONNECTION_OK) {
		fprintf(stderr, "secstep: serve: watch: %s", PQerrorMessage(w->conn));
		drop(w);
		return false;
	}
	char id[24];
	int64_t sent = mono_ms();
	if (!run(w, "LISTEN secstep_change", NULL, NULL, 0) ||
	    !run(w, "DELETE FROM secstep_watch WHERE lease_until < " PG_NOW_MS " - 60000", NULL, NULL, 0) ||
	    !run(w, "INSERT INTO secstep_watch (pid, seen, lease_until) "
		    "VALUES (pg_backend_pid(), 0, " PG_NOW_MS " + " STR(WATCH_LEASE_MS) ") RETURNING id",
		 NULL, id, sizeof id)) {
		drop(w);
		return false;
	}
	w->id = strtoll(id, NULL, 10);
	w->acked = 0;
	bump(w);   /* listening now: what was kept before may miss a write */
	atomic_store(&w->valid_until, sent + WATCH_LEASE_MS - WATCH_MARGIN_MS);
	return true;
}

/* Renews the lease; when it had run out in the database's eyes (writers
 * stopped waiting for us), everything kept is stale. */
static bool renew(store_watch *w)
{
	char id[24], was[8];
	snprintf(id, sizeof id, "%lld", (long long)w->id);
	int64_t sent = mono_ms();
	if (!run(w,
		 "UPDATE secstep_watch w SET lease_until = " PG_NOW_MS " + " STR(WATCH_LEASE_MS) ", pid = pg_backend_pid() "
		 "FROM (SELECT lease_until AS old FROM secstep_watch WHERE id = $1::bigint) o "
		 "WHERE w.id = $1::bigint RETURNING o.old > " PG_NOW_MS,
		 id, was, sizeof was))
		return false;   /* also when our row was removed: register again */
	if (strcmp(was, "t"))
		bump(w);
	atomic_store(&w->valid_until, sent + WATCH_LEASE_MS - WATCH_MARGIN_MS);
	return true;
}

static void *watch_main(void *arg)
{
	store_watch *w = arg;
	int64_t next_renew = 0;
	while (!atomic_load(&w->stop)) {
		if (!w->conn) {
			if (!attach(w)) {
				struct pollfd p = {.fd = w->wake[0], .events = POLLIN};
				poll(&p, 1, 1000);
				continue;
			}
			if (!take_in(w)) {   /* what came with the answers so far */
				drop(w);
				continue;
			}
			next_renew = mono_ms() + WATCH_RENEW_MS;
		}
		int64_t now = mono_ms();
		if (now >= next_renew) {
			if (!renew(w) || !take_in(w)) {
				drop(w);
				continue;
			}
			next_renew = now + WATCH_RENEW_MS;
			continue;
		}
		struct pollfd p[2] = {{.fd = PQsocket(w->conn), .events = POLLIN}, {.fd = w->wake[0], .events = POLLIN}};
		int k = poll(p, 2, (int)(next_renew - now));
		if (k < 0 && errno != EINTR) {
			drop(w);
			continue;
		}
		if (p[0].revents) {
			if (!PQconsumeInput(w->conn) || PQstatus(w->conn) != CONNECTION_OK || !take_in(w)) {
				fprintf(stderr, "secstep: serve: watch: connection lost: %s", PQerrorMessage(w->conn));
				drop(w);
			}
		}
	}
	if (w->conn) {
		char id[24];
		snprintf(id, sizeof id, "%lld", (long long)w->id);
		run(w, "DELETE FROM secstep_watch WHERE id = $1::bigint", id, NULL, 0);
	}
	drop(w);
	return NULL;
}

store_watch *store_watch_start(const char *path)
{
	if (!path || !store_is_pg_url(path))
		return NULL;
	store_watch *w = xcalloc(1, sizeof *w);
	w->url = xstrdup(path);
	atomic_init(&w->stop, false);
	atomic_init(&w->epoch, 1);
	atomic_init(&w->valid_until, 0);
	if (pipe(w->wake) != 0)
		panic("watch: pipe: %s", strerror(errno));
	if (pthread_create(&w->thread, NULL, watch_main, w) != 0)
		panic("watch: thread: %s", strerror(errno));
	return w;
}

void store_watch_stop(store_watch *w)
{
	if (!w)
		return;
	atomic_store(&w->stop, true);
	char c = 1;
	ssize_t ignored = write(w->wake[1], &c, 1);
	(void)ignored;
	pthread_join(w->thread, NULL);
	close(w->wake[0]);
	close(w->wake[1]);
	free(w->url);
	free(w);
}
