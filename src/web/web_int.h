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

typedef struct guard guard_t;

/* Sessions with their relation to one company, kept between requests on
 * PostgreSQL while the watch's epoch (store/watch.h) is unchanged, and
 * never longer than SESS_MAX_MS. */
#define SESS_CACHE 256
#define SESS_MAX_MS 10000
typedef struct {
	unsigned char hash[32];  /* the token's hash */
	int64_t company;
	uint64_t epoch;          /* 0: empty */
	int64_t loaded;          /* guard_now() when read */
	session_row sess;
	relation_t rel;
} sess_entry;

struct web_app {
	const catalog *cat;
	const char *db_path;
	bool access_log;
	guard_t *guard;          /* connection limits and deadlines (guard.h) */
	bool stopping;           /* under lock: the watchdog ends */
	pthread_cond_t stop_cond;
	pthread_mutex_t lock;
	char setup_token[33];
	/* at most HASH_MAX password hashes at once (Argon2id is memory-hard) */
	pthread_mutex_t hash_lock;
	pthread_cond_t hash_cond;
	int hashing;
	throttle_slot throttle[THROTTLE_SLOTS];
	struct store_watch *watch;    /* NULL on SQLite */
	pthread_mutex_t sess_lock;
	sess_entry sess[SESS_CACHE];
};

void parse_urlencoded(req_t *r, const char *s, size_t len);

/* Milliseconds of the monotonic clock (the guard's time). */
int64_t guard_now(void);

/* Log lines on stderr (fail.c), client text escaped as %XX: every byte
 * outside printable ASCII, '%', and spaces unless spaces is true. */
void log_escape(buf_t *b, const char *s, bool spaces);
void log_access(const char *ip, const char *method, const char *path, int status, size_t len, double ms);
void log_error(const req_t *r, int status, const char *what, const errs_t *cause);

/* Per worker thread: its store connection and a small cache of company
 * snapshots, each valid while the company's version is unchanged. */
#define SNAP_CACHE 8
#define FRAG_CACHE 8     /* made pieces of pages per snapshot (frag_emit) */
#define FRAG_KEY 112     /* name|lang|today|role|person */
typedef struct {
	char key[FRAG_KEY];
	char *bytes;
	size_t len;
} frag_t;
typedef struct {
	store_t *store;
	struct {
		int64_t id, version;
		m_company *co;
		unsigned used;
		frag_t frags[FRAG_CACHE];
		unsigned next_frag;   /* the one to replace when all are taken */
	} snap[SNAP_CACHE];
	unsigned tick;
} thread_ctx;

/* A read-only snapshot for GET handlers: borrowed from the thread's cache
 * (do not free or modify it).  NULL when there is no such company (errs
 * untouched) or on a database error (errs filled).  The cache is keyed by
 * id and version; versions come from the database's change counter, so no
 * snapshot outlives a save, a delete or a restore, whichever process made
 * it.  version -1: look it up. */
m_company *snapshot_borrow(req_t *r, int64_t id, int64_t version, errs_t *errs);
void auth_init(web_app *app);
/* A valid hash of nobody's password: unknown logins take as long. */
const char *dummy_hash(void);

#endif
