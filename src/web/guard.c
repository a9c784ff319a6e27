/* guard.c — connection states, deadlines and per-address limits
 * (guard.h).  A fixed table scanned linearly: a few hundred entries,
 * touched a handful of times per request. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "web/guard.h"

typedef enum { G_FREE = 0, G_WAIT, G_BODY, G_BUSY, G_CUT } gstate_t;

typedef struct {
	const void *conn;
	int fd;
	gstate_t state;
	int64_t since;        /* when the state began (the oldest WAIT goes first) */
	int64_t deadline;     /* WAIT and BODY */
	char ip[48];
} gentry;

struct guard {
	guard_config cfg;
	pthread_mutex_t lock;
	gentry *e;
};

guard_t *guard_new(const guard_config *cfg)
{
	guard_t *g = xcalloc(1, sizeof *g);
	g->cfg = *cfg;
	g->e = xcalloc((size_t)cfg->max_conns, sizeof *g->e);
	pthread_mutex_init(&g->lock, NULL);
	return g;
}

void guard_free(guard_t *g)
{
	if (!g)
		return;
	pthread_mutex_destroy(&g->lock);
	free(g->e);
	free(g);
}

static gentry *find(guard_t *g, const void *conn)
{
	for (int i = 0; i < g->cfg.max_conns; i++)
		if (g->e[i].state != G_FREE && g->e[i].conn == conn)
			return &g->e[i];
	return NULL;
}

static void cut(guard_t *g, gentry *x)
{
	x->state = G_CUT;
	g->cfg.cut(x->fd);
}

static int count(const guard_t *g, const char *ip)
{
	int n = 0;
	for (int i = 0; i < g->cfg.max_conns; i++) {
		const gentry *x = &g->e[i];
		if (x->state != G_FREE && x->state != G_CUT && (!ip || !strcmp(x->ip, ip)))
			n++;
	}
	return n;
}

/* The WAIT connection (of ip, or of anyone) waiting the longest, or NULL. */
static gentry *oldest_waiting(guard_t *g, const char *ip)
{
	gentry *best = NULL;
	for (int i = 0; i < g->cfg.max_conns; i++) {
		gentry *x = &g->e[i];
		if (x->state == G_WAIT && (!ip || !strcmp(x->ip, ip)) && (!best || x->since < best->since) &&
		    !(g->cfg.unread && g->cfg.unread(x->fd)))
			best = x;
	}
	return best;
}

bool guard_open(guard_t *g, const void *conn, int fd, const char *ip, int64_t now)
{
	pthread_mutex_lock(&g->lock);
	gentry *slot = NULL;
	for (int i = 0; i < g->cfg.max_conns && !slot; i++)
		if (g->e[i].state == G_FREE)
			slot = &g->e[i];
	bool room = slot != NULL;
	if (room && count(g, ip) >= g->cfg.per_ip) {
		gentry *victim = oldest_waiting(g, ip);
		if (victim)
			cut(g, victim);
		else
			room = false;
	}
	if (room && count(g, NULL) >= g->cfg.soft_conns) {
		gentry *victim = oldest_waiting(g, NULL);
		if (victim)
			cut(g, victim);
		else
			room = false;
	}
	if (slot) {
		/* a refused connection stays in the table, not counted,
		 * until it closes */
		slot->conn = conn;
		slot->fd = fd;
		slot->since = now;
		slot->deadline = now + g->cfg.head_ms;
		snprintf(slot->ip, sizeof slot->ip, "%s", ip);
		slot->state = room ? G_WAIT : G_CUT;
	}
	pthread_mutex_unlock(&g->lock);
	return room;
}

static void set_state(guard_t *g, const void *conn, gstate_t st, int64_t now, int64_t within)
{
	pthread_mutex_lock(&g->lock);
	gentry *x = find(g, conn);
	if (x && x->state != G_CUT) {
		x->state = st;
		x->since = now;
		x->deadline = now + within;
	}
	pthread_mutex_unlock(&g->lock);
}

void guard_head(guard_t *g, const void *conn, int64_t now)
{
	set_state(g, conn, G_BODY, now, g->cfg.body_ms);
}

void guard_busy(guard_t *g, const void *conn)
{
	set_state(g, conn, G_BUSY, 0, 0);
}

void guard_idle(guard_t *g, const void *conn, int64_t now)
{
	set_state(g, conn, G_WAIT, now, g->cfg.head_ms);
}

void guard_close(guard_t *g, const void *conn)
{
	pthread_mutex_lock(&g->lock);
	gentry *x = find(g, conn);
	if (x)
		memset(x, 0, sizeof *x);
	pthread_mutex_unlock(&g->lock);
}

int guard_sweep(guard_t *g, int64_t now)
{
	int n = 0;
	pthread_mutex_lock(&g->lock);
	for (int i = 0; i < g->cfg.max_conns; i++) {
		gentry *x = &g->e[i];
		if ((x->state == G_WAIT || x->state == G_BODY) && now >= x->deadline &&
		    !(g->cfg.unread && g->cfg.unread(x->fd))) {
			cut(g, x);
			n++;
		}
	}
	pthread_mutex_unlock(&g->lock);
	return n;
}

int guard_count(guard_t *g, const char *ip)
{
	pthread_mutex_lock(&g->lock);
	int n = count(g, ip);
	pthread_mutex_unlock(&g->lock);
	return n;
}
