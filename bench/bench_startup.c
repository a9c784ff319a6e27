/* bench_startup.c — how long one run of a command takes, start-up included.
 *
 *   bench_startup N LABEL PROGRAM [ARG...]
 *
 * Runs PROGRAM N times (stdout and stderr to /dev/null, the environment
 * passed on), timing each run from fork to exit with the monotonic clock,
 * and prints one line: the label, the number of runs, the mean, median and
 * minimum wall time, and the mean CPU time (user + system, from the
 * child's rusage: less disturbed by other load on the machine), in ms.  A run that fails stops the
 * benchmark (exit 1), so a figure is never printed for a broken command.
 * Links nothing but libc. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int dbl_cmp(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

/* Runs argv once; returns its wall time in ms (and its CPU time in *cpu),
 * or -1 when it failed. */
static double run_once(char **argv, double *cpu)
{
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		if (devnull >= 0) {
			dup2(devnull, 1);
			dup2(devnull, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	int st;
	struct rusage ru;
	if (wait4(pid, &st, 0, &ru) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	double wall = now_ms() - t0;
	*cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return wall;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: bench_startup N LABEL PROGRAM [ARG...]\n");
		return 2;
	}
	int n = atoi(argv[1]);
	if (n < 1) {
		fprintf(stderr, "bench_startup: N must be at least 1\n");
		return 2;
	}
	double *t = malloc((size_t)n * sizeof *t);
	if (!t)
		return 1;
	double sum = 0, cpu_sum = 0;
	for (int i = 0; i < n; i++) {
		double cpu = 0;
		t[i] = run_once(argv + 3, &cpu);
		cpu_sum += cpu;
		if (t[i] < 0) {
			fprintf(stderr, "bench_startup: %s: run %d failed\n", argv[2], i + 1);
			free(t);
			return 1;
		}
		sum += t[i];
	}
	qsort(t, (size_t)n, sizeof *t, dbl_cmp);
	double median = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
	printf("%-26s %4d runs  wall mean %6.2f  median %6.2f  min %6.2f ms   cpu mean %6.2f ms\n", argv[2], n,
	       sum / n, median, t[0], cpu_sum / n);
	free(t);
	return 0;
}
