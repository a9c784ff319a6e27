/* bench_report.c — the report benchmark of issue 6.
 *
 * Reads a company document (bench/gen_company's 300-person company), builds
 * the snapshot in memory, and renders the management report N times into
 * memory (no disk), each render from scratch: its own font map, layout,
 * charts, PDF with font subsets.  Prints the milliseconds per report, the
 * first render apart (it pays fontconfig's start-up), the page count and
 * the PDF size.  Also times the brief, the policy and the contact sheet.
 *
 *   bench_report DOC.json [N=20]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "report/report.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static bool count_sink(void *closure, const unsigned char *data, size_t len)
{
	(void)data;
	*(size_t *)closure += len;
	return true;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 20, n = 0, got;
	char *buf = xmalloc(cap);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = xrealloc(buf, cap *= 2);
	}
	fclose(f);
	*len = n;
	return buf;
}

static double render(const catalog *cat, const m_company *co, report_kind_t kind, int *pages, size_t *bytes)
{
	errs_t e = ERRS_INIT;
	*bytes = 0;
	double t0 = now();
	if (!report_render(cat, co, kind, LANG_JA, date_from_ymd(2026, 11, 25), count_sink, bytes, pages, &e)) {
		errs_print(&e, stderr);
		exit(1);
	}
	return now() - t0;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_report DOC.json [N=20]\n");
		return 2;
	}
	int n = argc > 2 ? atoi(argv[2]) : 20;
	if (n < 1)
		n = 1;
	size_t len;
	char *data = slurp(argv[1], &len);
	if (!data) {
		perror(argv[1]);
		return 1;
	}
	const catalog *cat = catalog_builtin();
	errs_t e = ERRS_INIT;
	m_company *co = doc_import(cat, data, len, date_from_ymd(2026, 11, 25), LANG_EN, &e);
	free(data);
	if (!co) {
		errs_print(&e, stderr);
		return 1;
	}
	int pages;
	size_t bytes;
	double first = render(cat, co, REPORT_MANAGEMENT, &pages, &bytes);
	double total = 0, best = 1e9;
	for (int i = 0; i < n; i++) {
		double t = render(cat, co, REPORT_MANAGEMENT, &pages, &bytes);
		total += t;
		if (t < best)
			best = t;
	}
	printf("company:                   %s (%zu people)\n", co->name, co->n_people);
	printf("management report:         %d pages, %.0f KiB\n", pages, bytes / 1024.0);
	printf("first render (cold fonts): %.1f ms\n", first * 1000);
	printf("management report, %d×:    %.1f ms per report (best %.1f ms)\n", n, total * 1000 / n, best * 1000);
	/* the other three documents: time, pages and size */
	static const report_kind_t others[] = {REPORT_BRIEF, REPORT_POLICY, REPORT_CONTACTS};
	for (size_t k = 0; k < sizeof others / sizeof others[0]; k++) {
		double ktotal = 0;
		for (int i = 0; i < n; i++)
			ktotal += render(cat, co, others[k], &pages, &bytes);
		printf("%-26s %.1f ms each, %d×  (%d page%s, %.0f KiB)\n", report_kind_name(others[k], LANG_EN), ktotal * 1000 / n, n,
		       pages, pages == 1 ? "" : "s", bytes / 1024.0);
	}
	company_free(co);
	report_shutdown();
	return 0;
}
