/* tty.c — what the CLI writes to a terminal never carries control
 * characters from the data: a company name holding an escape sequence
 * would otherwise recolour, retitle or rewrite the user's terminal.  When
 * stdout or stderr is a terminal it is replaced by a stream that writes
 * every control character except newline and tab in caret notation (ESC
 * as "^[", DEL as "^?") and every C1 control (U+0080–U+009F) as "^[X".
 * Files and pipes get the bytes unchanged (JSON escapes them anyway; PDF,
 * iCalendar and backups must stay intact).
 *
 * And the end of every command checks that its output really got out: a
 * full disk or a closed pipe is "secstep: write: …" and exit status 1,
 * never a silent, cut file. */
#define _GNU_SOURCE   /* fopencookie */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "cli/cli.h"

typedef struct {
	int fd;
	bool lead_c2;      /* the last byte written was 0xC2 (a C1 may follow) */
} tty_sink;

static bool write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		p += w;
		n -= (size_t)w;
	}
	return true;
}

size_t tty_clean(char *out, const char *in, size_t n, bool *lead_c2)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (*lead_c2) {
			*lead_c2 = false;
			if (c >= 0x80 && c <= 0x9f) {   /* U+0080–U+009F */
				out[o++] = '^';
				out[o++] = '[';
				out[o++] = (char)(c - 0x40);
				continue;
			}
			out[o++] = (char)0xc2;
		}
		if (c == 0xc2) {
			*lead_c2 = true;
		} else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
			out[o++] = '^';
			out[o++] = c == 0x7f ? '?' : (char)(c + 0x40);
		} else {
			out[o++] = (char)c;
		}
	}
	return o;
}

static ssize_t sink_write(void *cookie, const char *buf, size_t size)
{
	tty_sink *s = cookie;
	char out[4096 * 3 + 1];
	size_t done = 0;
	while (done < size) {
		size_t n = size - done > 4096 ? 4096 : size - done;
		size_t o = tty_clean(out, buf + done, n, &s->lead_c2);
		if (!write_all(s->fd, out, o))
			return done ? (ssize_t)done : -1;
		done += n;
	}
	return (ssize_t)size;
}

static int sink_close(void *cookie)
{
	tty_sink *s = cookie;
	bool ok = true;
	if (s->lead_c2)
		ok = write_all(s->fd, "\xc2", 1);
	return ok ? 0 : EOF;
}

static tty_sink sinks[2];

static FILE *guarded(int fd, tty_sink *s, int mode)
{
	s->fd = fd;
	cookie_io_functions_t io = {NULL, sink_write, NULL, sink_close};
	FILE *f = fopencookie(s, "w", io);
	if (f)
		setvbuf(f, NULL, mode, 0);
	return f;
}

void tty_guard(void)
{
	FILE *f;
	if (isatty(1) && (f = guarded(1, &sinks[0], _IOLBF)))
		stdout = f;
	if (isatty(2) && (f = guarded(2, &sinks[1], _IOLBF)))
		stderr = f;
}

int tty_finish(const cli_t *cx, int rc)
{
	/* The stream's error flag stays set after a failed write, so a
	 * failure in the middle of a long output is caught here too. */
	int err = 0;
	if (fflush(stdout) != 0 || ferror(stdout))
		err = errno ? errno : EIO;
	if (fclose(stdout) != 0 && !err)
		err = errno ? errno : EIO;
	if (err) {
		fprintf(stderr, "secstep: write: %s: %s\n",
			cx->lang == LANG_EN ? "cannot write the output" : "出力を書き込めませんでした", strerror(err));
		rc = EXIT_FAIL;
	}
	if (fflush(stderr) != 0 || ferror(stderr))
		rc = EXIT_FAIL;
	return rc;
}
