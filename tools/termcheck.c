/* termcheck.c — checks English text against the project's term list
 * (docs/terms.tsv): one English term per concept, no banned variants, and
 * no Japanese left bare in English text.
 *
 *   termcheck TERMS.tsv --json FILE...    every string under an "en" key
 *   termcheck TERMS.tsv --lines FILE...   every line of plain text files
 *                                         (one English string per line;
 *                                         "-" reads stdin)
 *
 * The two modes can be mixed (each option applies to the files after it).
 * A finding is printed as "FILE: WHERE: WHAT", WHERE being the JSON path
 * (and the id of the innermost item) or the line number; the exit status
 * is 1 when there is any finding, 2 when the list or a file cannot be read.
 *
 * Rules:
 *  - a banned variant of a term (the "avoid" column of the list) found as a
 *    whole word or phrase, in any letter case;
 *  - Japanese script (kana, kanji, full-width forms and punctuation) outside
 *    ASCII parentheses: a Japanese name may follow its English rendering
 *    as a gloss, "chamber of commerce (商工会議所)", never stand alone —
 *    except the strings the list allows (kind "allow"). */
#include <ctype.h>
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
	char *avoid;     /* lower-case phrase */
	char *ja, *use;  /* the concept and the term to use instead */
} ban_t;

static ban_t *bans;
static size_t n_bans;
static char **allowed;   /* Japanese strings allowed as they are */
static size_t n_allowed;
static int findings;

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		perror("termcheck");
		exit(2);
	}
	return p;
}

static char *xstrdup(const char *s)
{
	char *d = xrealloc(NULL, strlen(s) + 1);
	return strcpy(d, s);
}

/* Reads the term list: tab-separated KIND JA USE AVOID NOTE, '#' comments.
 * AVOID is a list separated by '|'. */
static void load_terms(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "termcheck: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	char line[4096];
	int no = 0;
	while (fgets(line, sizeof line, f)) {
		no++;
		line[strcspn(line, "\r\n")] = '\0';
		if (!*line || *line == '#')
			continue;
		char *col[5] = {0};
		char *p = line;
		for (int i = 0; i < 5 && p; i++) {
			col[i] = p;
			p = strchr(p, '\t');
			if (p)
				*p++ = '\0';
		}
		if (!col[1] || !col[2]) {
			fprintf(stderr, "termcheck: %s:%d: needs at least KIND, JA and USE\n", path, no);
			exit(2);
		}
		if (strcmp(col[0], "allow") == 0) {
			allowed = xrealloc(allowed, (n_allowed + 1) * sizeof *allowed);
			allowed[n_allowed++] = xstrdup(col[1]);
			continue;
		}
		if (strcmp(col[0], "term") != 0 && strcmp(col[0], "name") != 0) {
			fprintf(stderr, "termcheck: %s:%d: kind must be term, name or allow\n", path, no);
			exit(2);
		}
		for (char *a = col[3] ? strtok(col[3], "|") : NULL; a; a = strtok(NULL, "|")) {
			while (*a == ' ')
				a++;
			if (!*a)
				continue;
			bans = xrealloc(bans, (n_bans + 1) * sizeof *bans);
			ban_t *b = &bans[n_bans++];
			b->avoid = xstrdup(a);
			for (char *c = b->avoid; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			b->ja = xstrdup(col[1]);
			b->use = xstrdup(col[2]);
		}
	}
	fclose(f);
}

static bool is_word(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Whether s[at…] starts the phrase (lower case) as a whole word. */
static bool phrase_at(const char *s, size_t at, const char *phrase)
{
	size_t n = strlen(phrase);
	for (size_t i = 0; i < n; i++)
		if (tolower((unsigned char)s[at + i]) != (unsigned char)phrase[i])
			return false;
	if (at > 0 && is_word((unsigned char)s[at - 1]) && is_word((unsigned char)phrase[0]))
		return false;
	return !(is_word((unsigned char)s[at + n]) && is_word((unsigned char)phrase[n - 1]));
}

/* The code point at s (UTF-8, assumed valid), its length in *len. */
static unsigned cp_at(const unsigned char *s, int *len)
{
	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	if ((s[0] & 0xE0) == 0xC0 && s[1]) {
		*len = 2;
		return (unsigned)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
	}
	if ((s[0] & 0xF0) == 0xE0 && s[1] && s[2]) {
		*len = 3;
		return (unsigned)(s[0] & 0x0F) << 12 | (unsigned)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
	}
	if ((s[0] & 0xF8) == 0xF0 && s[1] && s[2] && s[3]) {
		*len = 4;
		return (unsigned)(s[0] & 0x07) << 18 | (unsigned)(s[1] & 0x3F) << 12 |
		       (unsigned)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	}
	*len = 1;
	return s[0];
}

static bool japanese(unsigned c)
{
	return (c >= 0x3000 && c <= 0x30FF) ||   /* CJK punctuation, kana */
	       (c >= 0x31F0 && c <= 0x31FF) ||   /* katakana extensions */
	       (c >= 0x3400 && c <= 0x4DBF) ||   /* CJK extension A */
	       (c >= 0x4E00 && c <= 0x9FFF) ||   /* CJK unified ideographs */
	       (c >= 0xF900 && c <= 0xFAFF) ||   /* CJK compatibility */
	       (c >= 0xFF00 && c <= 0xFFEF);     /* full-width forms */
}

static void report(const char *file, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void report(const char *file, const char *where, const char *fmt, ...)
{
	va_list ap;
	printf("%s: %s: ", file, where);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	findings++;
}

/* The length of the allowed string that starts at s, or 0. */
static size_t allowed_at(const char *s)
{
	for (size_t k = 0; k < n_allowed; k++)
		if (strncmp(s, allowed[k], strlen(allowed[k])) == 0)
			return strlen(allowed[k]);
	return 0;
}

/* Checks one English string. */
static void check_text(const char *file, const char *where, const char *s)
{
	for (size_t i = 0; s[i]; i++) {
		size_t skip = allowed_at(s + i);
		if (skip) {   /* an allowed proper name: neither rule applies */
			i += skip - 1;
			continue;
		}
		for (size_t k = 0; k < n_bans; k++)
			if (phrase_at(s, i, bans[k].avoid)) {
				char found[256];
				snprintf(found, sizeof found, "%.*s", (int)strlen(bans[k].avoid), s + i);
				report(file, where, "\"%s\" is not our term (%s: write \"%s\")", found, bans[k].ja,
				       bans[k].use);
			}
	}
	int depth = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t skip = allowed_at((const char *)p);
		if (skip) {
			p += skip;
			continue;
		}
		int len;
		unsigned c = cp_at(p, &len);
		if (c == '(')
			depth++;
		else if (c == ')' && depth > 0)
			depth--;
		else if (depth == 0 && japanese(c)) {
			/* show the run of Japanese that starts here */
			const unsigned char *q = p;
			int l;
			while (*q && (japanese(cp_at(q, &l)) || *q == ' '))
				q += l;
			const unsigned char *end = q;
			while (end > p && end[-1] == ' ')
				end--;
			char run[256];
			snprintf(run, sizeof run, "%.*s", (int)(end - p), (const char *)p);
			report(file, where, "Japanese \"%s\" outside parentheses (write the English name, then the "
			       "Japanese in parentheses if it helps)", run);
			p = q;
			continue;
		}
		p += len;
	}
}

/* Walks a JSON value; path is the value's path, item the innermost id. */
static void walk(const char *file, json_t *v, const char *path, const char *item, bool in_en)
{
	char sub[1024], where[1200];
	if (json_is_string(v) && in_en) {
		snprintf(where, sizeof where, "%s%s%s%s", path, *item ? " (" : "", item, *item ? ")" : "");
		check_text(file, where, json_string_value(v));
		return;
	}
	if (json_is_object(v)) {
		char id[128];
		json_t *idv = json_object_get(v, "id");
		if (json_is_string(idv))
			snprintf(id, sizeof id, "%s", json_string_value(idv));
		else if (json_is_integer(idv))
			snprintf(id, sizeof id, "STEP%lld", (long long)json_integer_value(idv));
		else
			snprintf(id, sizeof id, "%s", item);
		const char *key;
		json_t *x;
		json_object_foreach(v, key, x) {
			snprintf(sub, sizeof sub, "%s%s%s", path, *path ? "." : "", key);
			walk(file, x, sub, id, strcmp(key, "en") == 0);
		}
	} else if (json_is_array(v)) {
		size_t i;
		json_t *x;
		json_array_foreach(v, i, x) {
			snprintf(sub, sizeof sub, "%s[%zu]", path, i);
			walk(file, x, sub, item, in_en);
		}
	}
}

static void check_json(const char *file)
{
	json_error_t err;
	json_t *doc = json_load_file(file, JSON_REJECT_DUPLICATES, &err);
	if (!doc) {
		fprintf(stderr, "termcheck: %s: line %d: %s\n", file, err.line, err.text);
		exit(2);
	}
	walk(file, doc, "", "", false);
	json_decref(doc);
}

static void check_lines(const char *file)
{
	FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
	if (!f) {
		fprintf(stderr, "termcheck: %s: %s\n", file, strerror(errno));
		exit(2);
	}
	char *line = NULL;
	size_t cap = 0;
	long no = 0;
	while (getline(&line, &cap, f) >= 0) {
		no++;
		line[strcspn(line, "\r\n")] = '\0';
		char where[32];
		snprintf(where, sizeof where, "line %ld", no);
		check_text(file, where, line);
	}
	free(line);
	if (f != stdin)
		fclose(f);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: termcheck TERMS.tsv [--json FILE...] [--lines FILE...]\n");
		return 2;
	}
	load_terms(argv[1]);
	bool json = true;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = true;
		else if (strcmp(argv[i], "--lines") == 0)
			json = false;
		else if (json)
			check_json(argv[i]);
		else
			check_lines(argv[i]);
	}
	for (size_t k = 0; k < n_bans; k++) {
		free(bans[k].avoid);
		free(bans[k].ja);
		free(bans[k].use);
	}
	free(bans);
	for (size_t k = 0; k < n_allowed; k++)
		free(allowed[k]);
	free(allowed);
	if (fflush(stdout) != 0) {
		perror("termcheck");
		return 2;
	}
	return findings ? 1 : 0;
}
