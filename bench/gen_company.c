/* gen_company.c — prints a valid secstep-company/1 document for the web
 * benchmark (bench/web.sh).  Links nothing but libc.
 *
 *   gen_company [PEOPLE=300] [SEED=1]
 *
 * The document has PEOPLE people with departments, experience tags,
 * volunteers, security roles (a security lead and one dedicated officer),
 * exams and learning records; a current diagnosis (every checkpoint
 * question and all 25 self-diagnosis items answered; STEP1 and STEP2 met,
 * so the company works on STEP3, is one officer short and the plan ranks
 * transfer candidates) and two earlier ones in "history"; owners, due dates and status for the 16 tasks;
 * a few assets and a basic policy.  The same arguments give the same
 * document.  The ids used are the catalog's at the time of writing
 * (docs/company-document.md §12); `secstep import` refuses the document if
 * one of them goes away. */
#include <stdio.h>
#include <stdlib.h>

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

static unsigned long long rng = 88172645463325252ull;

/* xorshift64: deterministic, good enough for made-up data. */
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const tags[] = {"web", "it_dept", "supervisor", "pc_rollout", "disaster_prep",
				   "general_affairs", "accounting", "sales", "it_skills"};
static const char *const exams[] = {"ip", "sg", "fe", "ap", "au", "sc"};
static const char *const exam_status[] = {"planned", "studying", "passed"};
static const char *const answers[] = {"yes", "yes", "yes", "partial", "no", "unknown", "na"};
static const char *const task_status[] = {"todo", "doing", "done"};
static const char *const depts[] = {"製造部", "営業部", "総務部", "経理課", "工務部", "情報システム課"};
static const char *const positions[] = {"一般", "主任", "係長", "課長", "部長"};
static const char *const family[] = {"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村"};
static const char *const resources[] = {
	"res-ipa-basics", "res-ipa-ransomware", "res-ipa-email-fraud", "res-ipa-password",
	"res-ipa-awareness-video", "res-ipa-for-all-staff", "res-ipa-for-new-staff", "res-point-learning",
	"res-nco-handbook", "res-manabi-dx", "res-self-diagnosis", "res-sme-guideline",
};
/* Checkpoints per STEP: 3, 3, 4, 4 (cp-1-1 … cp-4-4), three questions each. */
static const int cps_per_step[] = {3, 3, 4, 4};

/* A date in 2025-2027 as YYYY-MM-DD (days 1-28: always a real date). */
static void date(char out[11], int year_from)
{
	snprintf(out, 11, "%04d-%02u-%02u", year_from + (int)rnd(2), 1 + rnd(12), 1 + rnd(28));
}

/* The questions of every checkpoint; with settled, STEP1 and STEP2 are met
 * (yes or na), so the working STEP is 3. */
static void answer_map(const char *indent, int settled)
{
	int first = 1;
	printf("{");
	for (int s = 0; s < 4; s++)
		for (int c = 1; c <= cps_per_step[s]; c++)
			for (int q = 1; q <= 3; q++) {
				const char *a = settled && s < 2 ? (rnd(4) ? "yes" : "na") : answers[rnd(LEN(answers))];
				printf("%s\n%s  \"cp-%d-%d-q%d\": \"%s\"", first ? "" : ",", indent, s + 1, c, q, a);
				first = 0;
			}
	printf("\n%s}", indent);
}

static void sd_map(const char *indent)
{
	printf("{");
	for (int i = 1; i <= 25; i++)
		printf("%s\n%s  \"sd-%02d\": \"%s\"", i > 1 ? "," : "", indent, i, answers[rnd(LEN(answers))]);
	printf("\n%s}", indent);
}

static void person(int i, int people)
{
	char d[11];
	printf("    {\"id\": \"p%d\", \"name\": \"%s %d\", \"department\": \"%s\", \"position\": \"%s\",\n", i,
	       family[rnd(LEN(family))], i, depts[rnd(LEN(depts))], i == 1 ? "代表取締役" : positions[rnd(LEN(positions))]);
	/* experience: up to three distinct tags */
	int used[LEN(tags)] = {0}, n = (int)rnd(4);
	printf("     \"experience\": [");
	for (int k = 0, w = 0; k < n; k++) {
		unsigned t = rnd(LEN(tags));
		if (used[t])
			continue;
		used[t] = 1;
		printf("%s\"%s\"", w++ ? ", " : "", tags[t]);
	}
	printf("], \"volunteer\": %s,\n", rnd(20) == 0 ? "true" : "false");
	/* roles: p1 security lead, p2 dedicated officer: one officer short of
	 * STEP3's two, so the plan ranks the transfer candidates among all */
	printf("     \"roles\": [");
	if (i == 1)
		printf("{\"role\": \"security_lead\"}");
	else if (i == 2)
		printf("{\"role\": \"officer\", \"time\": \"dedicated\", \"share\": 100}");
	else if (rnd(30) == 0)
		printf("{\"role\": \"committee\"}");
	printf("],\n");
	/* exams: at most one record per exam */
	printf("     \"exams\": [");
	if (rnd(4) == 0 || i <= 4) {
		unsigned a = rnd(LEN(exams)), b = (a + 1 + rnd(LEN(exams) - 1)) % LEN(exams);
		date(d, 2025);
		printf("{\"exam\": \"%s\", \"status\": \"%s\", \"date\": \"%s\"}", exams[a],
		       exam_status[rnd(LEN(exam_status))], d);
		if (rnd(2)) {
			date(d, 2026);
			printf(", {\"exam\": \"%s\", \"status\": \"planned\", \"date\": \"%s\"}", exams[b], d);
		}
	}
	printf("],\n");
	/* learning: 0-2 records */
	printf("     \"learning\": [");
	for (int k = 0, m = (int)rnd(3); k < m; k++) {
		date(d, 2025);
		printf("%s{\"resource\": \"%s\", \"date\": \"%s\"}", k ? ", " : "", resources[rnd(LEN(resources))], d);
	}
	printf("]}%s\n", i < people ? "," : "");
}

int main(int argc, char **argv)
{
	int people = argc > 1 ? atoi(argv[1]) : 300;
	if (argc > 2)
		rng += (unsigned long long)strtoull(argv[2], NULL, 10) * 0x9E3779B97F4A7C15ull;
	if (people < 1 || people > 100000) {
		fprintf(stderr, "gen_company: PEOPLE must be 1-100000\n");
		return 2;
	}
	printf("{\n  \"format\": \"secstep-company/1\",\n");
	printf("  \"company\": {\"name\": \"ベンチ精機株式会社\", \"industry\": \"E\", \"employees\": %d,\n"
	       "              \"it_uses\": [\"orders\", \"production\", \"email\", \"cloud\", \"website\"],\n"
	       "              \"notes\": \"bench/gen_company.c が作った架空の会社\"},\n",
	       people + 20);
	printf("  \"people\": [\n");
	for (int i = 1; i <= people; i++)
		person(i, people);
	printf("  ],\n");
	printf("  \"history\": [\n");
	static const char *const hdates[] = {"2025-10-01", "2026-01-15"};
	for (int h = 0; h < 2; h++) {
		printf("    {\"date\": \"%s\",\n     \"questions\": ", hdates[h]);
		answer_map("     ", 0);
		printf(",\n     \"self_diagnosis\": ");
		sd_map("     ");
		printf("}%s\n", h ? "" : ",");
	}
	printf("  ],\n  \"diagnosed_on\": \"2026-04-01\",\n  \"questions\": ");
	answer_map("  ", 1);
	printf(",\n  \"self_diagnosis\": ");
	sd_map("  ");
	printf(",\n  \"tasks\": [\n");
	for (int s = 1, n = 0; s <= 4; s++)
		for (int t = 1; t <= 4; t++, n++) {
			char d[11];
			date(d, 2026);
			printf("    {\"id\": \"task-%d-%d\", \"owner\": \"p%u\", \"due\": \"%s\", \"status\": \"%s\"}%s\n", s, t,
			       1 + rnd((unsigned)people), d, task_status[rnd(LEN(task_status))], n < 15 ? "," : "");
		}
	printf("  ],\n  \"assets\": [\n");
	for (int a = 1; a <= 5; a++)
		printf("    {\"id\": \"a%d\", \"name\": \"資産%d\", \"c\": %u, \"i\": %u, \"a\": %u, \"personal\": %s, "
		       "\"threat\": %u, \"vulnerability\": %u}%s\n",
		       a, a, 1 + rnd(3), 1 + rnd(3), 1 + rnd(3), rnd(2) ? "true" : "false", 1 + rnd(3), 1 + rnd(3),
		       a < 5 ? "," : "");
	printf("  ],\n  \"policy\": {\"published\": \"2026-02-01\", \"where\": \"社内ポータル\"}\n}\n");
	return ferror(stdout) ? 1 : 0;
}
