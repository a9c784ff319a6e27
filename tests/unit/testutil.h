/* testutil.h — shared bits of the cmocka unit tests: a fresh database per
 * test, a file, or a new PostgreSQL database when SECSTEP_TEST_DB names a
 * server (postgresql://USER@HOST:PORT/DB, the database to connect to for
 * creating others). */
#ifndef SECSTEP_TESTUTIL_H
#define SECSTEP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Runs one statement on the server of SECSTEP_TEST_DB; false on failure. */
static inline bool test_pg_exec(const char *sql)
{
	PGconn *c = PQconnectdb(getenv("SECSTEP_TEST_DB"));
	bool ok = PQstatus(c) == CONNECTION_OK;
	if (ok) {
		PGresult *r = PQexec(c, sql);
		ok = PQresultStatus(r) == PGRES_COMMAND_OK;
		if (!ok)
			fprintf(stderr, "test db: %s", PQerrorMessage(c));
		PQclear(r);
	} else {
		fprintf(stderr, "test db: %s", PQerrorMessage(c));
	}
	PQfinish(c);
	return ok;
}

/* Makes a new, empty database for a test and writes its path or URL into
 * out.  tag names it (letters, digits, _). */
static inline void test_db_new(char *out, size_t n, const char *tag)
{
	static int seq;
	const char *pg = getenv("SECSTEP_TEST_DB");
	if (pg && *pg) {
		char name[96], sql[256];
		snprintf(name, sizeof name, "u_%s_%d_%d", tag, (int)getpid(), seq++);
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", name);
		test_pg_exec(sql);
		snprintf(sql, sizeof sql, "CREATE DATABASE %s", name);
		if (!test_pg_exec(sql))
			abort();
		const char *slash = strrchr(pg, '/');
		snprintf(out, n, "%.*s/%s", (int)(slash - pg), pg, name);
	} else {
		snprintf(out, n, "/tmp/secstep-%s-%d-%d.db", tag, (int)getpid(), seq++);
		unlink(out);
	}
}

/* Removes what test_db_new made. */
static inline void test_db_drop(const char *path)
{
	if (!strncmp(path, "postgres", 8)) {
		char sql[256];
		snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s WITH (FORCE)", strrchr(path, '/') + 1);
		test_pg_exec(sql);
		return;
	}
	char p[300];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

/* Whether the tests run on PostgreSQL. */
static inline bool test_on_pg(void)
{
	const char *pg = getenv("SECSTEP_TEST_DB");
	return pg && *pg;
}

#endif
