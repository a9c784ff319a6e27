/* guard.h — the web server's connection limits that slow clients cannot
 * exhaust.  Every connection is in the table from accept to close, with a
 * state and a deadline:
 *
 *   WAIT  waiting for a request head (a new connection, or a kept-alive one
 *         after its last response): the head must arrive by the deadline
 *   BODY  the head is in, the body is arriving: it must be complete by the
 *         deadline
 *   BUSY  the request is being answered or the response sent (no deadline
 *         here; the server's idle timeout applies)
 *
 * A connection past its deadline is cut (the cut callback shuts its socket
 * down; the server then closes it as if the client had hung up) — unless
 * bytes it sent are still waiting to be read: a busy server is not a slow
 * client.  When an
 * address already holds per_ip connections, or the server holds soft_conns,
 * a new connection makes room by cutting the oldest WAIT connection (of that
 * address, or of any): a client that opens connections and sends nothing
 * only ever pushes out its own idle ones.  Only when every connection that
 * counts is BODY or BUSY is the new one refused.
 *
 * Times are milliseconds of a monotonic clock, passed in (tests set them).
 * Every function is safe to call from any thread. */
#ifndef SECSTEP_GUARD_H
#define SECSTEP_GUARD_H

#include <stdbool.h>
#include <stdint.h>

typedef struct guard guard_t;

typedef struct {
	int max_conns;        /* table size: the server's hard connection limit */
	int soft_conns;       /* from this many on, make room (see above) */
	int per_ip;           /* connections per client address */
	int64_t head_ms;      /* WAIT deadline */
	int64_t body_ms;      /* BODY deadline */
	void (*cut)(int fd);  /* ends a connection from outside its thread */
	/* Whether the client has sent bytes the server has not read yet (its
	 * worker thread is busy): then the client is not the slow one, and a
	 * deadline waits until the server has caught up.  May be NULL. */
	bool (*unread)(int fd);
} guard_config;

guard_t *guard_new(const guard_config *cfg);
void guard_free(guard_t *g);

/* A new connection (conn: any pointer that names it until guard_close).
 * Returns false when it is refused: the caller answers 503 and ends it. */
bool guard_open(guard_t *g, const void *conn, int fd, const char *ip, int64_t now);
void guard_head(guard_t *g, const void *conn, int64_t now);   /* WAIT → BODY */
void guard_busy(guard_t *g, const void *conn);                /* → BUSY */
void guard_idle(guard_t *g, const void *conn, int64_t now);   /* → WAIT */
void guard_close(guard_t *g, const void *conn);
/* Cuts every connection past its deadline; returns how many. */
int guard_sweep(guard_t *g, int64_t now);
/* Connections that count (not cut) from ip, or from anyone when ip is NULL. */
int guard_count(guard_t *g, const char *ip);

#endif
