/* server.h — starting the web application. */
#ifndef SECSTEP_SERVER_H
#define SECSTEP_SERVER_H

#include <stdbool.h>

#include "catalog/catalog.h"

typedef struct {
	const char *db_path;
	char host[64];
	int port;
	int threads;
	bool quiet;              /* no access log */
	lang_t lang;             /* console messages */
} web_config;

/* Runs until SIGINT or SIGTERM.  Returns the exit status. */
int web_serve(const web_config *cfg);

#endif
