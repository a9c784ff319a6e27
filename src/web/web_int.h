/* web_int.h — internals shared by the web face's files. */
#ifndef SECSTEP_WEB_INT_H
#define SECSTEP_WEB_INT_H

#include <pthread.h>

#include "web/web.h"

#define THROTTLE_SLOTS 256

typedef struct {
	char key[160];           /* login + "|" + ip */
	int failures;
	int64_t until;           /* locked out until (unix seconds) */
} throttle_slot;

struct web_app {
	const catalog *cat;
	const char *db_path;
	bool access_log;
	pthread_mutex_t lock;
	char setup_token[33];
	/* at most HASH_MAX password hashes at once (Argon2id is memory-hard) */
	pthread_mutex_t hash_lock;
	pthread_cond_t hash_cond;
	int hashing;
	throttle_slot throttle[THROTTLE_SLOTS];
};

void parse_urlencoded(req_t *r, const char *s, size_t len);

/* Per worker thread: its store connection and a small cache of company
 * snapshots, each valid while the company's version is unchanged. */
#define SNAP_CACHE 8
typedef struct {
	store_t *store;
	struct {
		int64_t id, version;
		m_company *co;
		unsigned used;
	} snap[SNAP_CACHE];
	unsigned tick;
} thread_ctx;

/* A read-only snapshot for GET handlers: borrowed from the thread's cache
 * (do not free or modify it).  NULL when there is no such company.  The
 * cache is keyed by id and version; versions come from the database's
 * change counter, so no snapshot outlives a save, a delete or a restore,
 * whichever process made it. */
m_company *snapshot_borrow(req_t *r, int64_t id, int64_t version);   /* version -1: look it up */
void auth_init(web_app *app);
/* A valid hash of nobody's password: unknown logins take as long. */
const char *dummy_hash(void);

#endif
