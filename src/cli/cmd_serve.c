/* cmd_serve.c — `secstep serve [--listen HOST:PORT]`: the web application. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "web/server.h"

static int cmd_serve(cli_t *cx, args_t *a)
{
	web_config cfg;
	memset(&cfg, 0, sizeof cfg);
	cfg.db_path = cx->db_path;
	cfg.lang = cx->lang;
	snprintf(cfg.host, sizeof cfg.host, "127.0.0.1");
	cfg.port = 8080;
	/* One worker per core: more only adds contention (bench/web.sh:
	 * p99 13 ms with 4 threads on 2 cores, 8 ms with 2). */
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	cfg.threads = cores < 2 ? 2 : cores > 16 ? 16 : (int)cores;
	cfg.quiet = flag(a, "quiet");
	const char *listen = opt(a, "listen");
	if (listen) {
		const char *colon = strrchr(listen, ':');
		char *end;
		long port = colon ? strtol(colon + 1, &end, 10) : -1;
		if (!colon || colon == listen || (size_t)(colon - listen) >= sizeof cfg.host || *end || port < 1 || port > 65535) {
			cli_error(cx, "--listen: %s \"%s\"", tr(cx, "HOST:PORT の形で指定します（例 127.0.0.1:8080）。指定値:",
								"must be HOST:PORT (e.g. 127.0.0.1:8080); got"), listen);
			return EXIT_USAGE;
		}
		memcpy(cfg.host, listen, (size_t)(colon - listen));
		cfg.host[colon - listen] = '\0';
		cfg.port = (int)port;
	}
	const char *th = opt(a, "threads");
	if (th) {
		char *end;
		long n = strtol(th, &end, 10);
		if (*end || n < 1 || n > 64) {
			cli_error(cx, "--threads: %s", tr(cx, "1〜64 の整数です", "must be 1-64"));
			return EXIT_USAGE;
		}
		cfg.threads = (int)n;
	}
	return web_serve(&cfg);
}

const cli_cmd serve_cmds[] = {
	{"serve", NULL, cmd_serve, "listen= threads= quiet", 0, 0, "[--listen HOST:PORT] [--threads N] [--quiet]",
	 "ウェブアプリを起動（既定 127.0.0.1:8080）", "run the web application (default 127.0.0.1:8080)",
	 {NULL, NULL,
	  "--listen HOST:PORT\t待ち受けるアドレス（既定 127.0.0.1:8080）\n--threads N\t同時に処理するスレッドの数（1〜64）\n--quiet\tアクセスの記録を出さない",
	  "--listen HOST:PORT\tthe address to listen on (default 127.0.0.1:8080)\n--threads N\tworker threads (1-64)\n--quiet\tno access log",
	  "secstep serve\nsecstep --db /srv/secstep.db serve --listen 0.0.0.0:8080"}},
	HA_END,
};

