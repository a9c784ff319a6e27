/* gloss.c — glossary terms linked where they appear: text from the catalog
 * is written escaped, with each glossary term (its plain form, without the
 * bracketed gloss) wrapped in a link to its definition on the reference
 * page, the definition as a tooltip.  Longest match first. */
#include <ctype.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/util.h"
#include "web/web.h"

typedef struct {
	char *word;
	size_t len;
	const cat_term *term;
} gword;

static gword *words[2];
static size_t n_words[2];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* The plain form: "CISO（最高…）" → "CISO", "CISO (Chief …)" → "CISO". */
static char *plain(const char *t)
{
	const char *cut = strstr(t, "（");
	const char *p = strstr(t, " (");
	if (!cut || (p && p < cut))
		cut = p;
	size_t n = cut ? (size_t)(cut - t) : strlen(t);
	return xstrndup(t, n);
}

static int by_len(const void *a, const void *b)
{
	const gword *x = a, *y = b;
	return (x->len < y->len) - (x->len > y->len);
}

static void build(void)
{
	/* The web face always serves the built-in catalog (server.c). */
	const catalog *gcat = catalog_builtin();
	for (int l = 0; l < 2; l++) {
		words[l] = xcalloc(gcat->n_glossary + 1, sizeof **words);
		for (size_t i = 0; i < gcat->n_glossary; i++) {
			char *w = plain(tx(gcat->glossary[i].term, (lang_t)l));
			if (utf8_len(w) < 2 || (l == LANG_EN && strlen(w) < 3)) {
				free(w);
				continue;
			}
			words[l][n_words[l]++] = (gword){w, strlen(w), &gcat->glossary[i]};
		}
		qsort(words[l], n_words[l], sizeof **words, by_len);
	}
}

static void free_words(void)
{
	for (int l = 0; l < 2; l++) {
		for (size_t i = 0; i < n_words[l]; i++)
			free(words[l][i].word);
		free(words[l]);
	}
}

static void build_once(void)
{
	build();
	atexit(free_words);
}

/* The code point of the UTF-8 character starting at p. */
static unsigned cp_at(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	if (u[0] < 0x80)
		return u[0];
	if ((u[0] & 0xE0) == 0xC0)
		return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
	if ((u[0] & 0xF0) == 0xE0)
		return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
	return 0;
}

static bool katakana(unsigned c)
{
	return (c >= 0x30A0 && c <= 0x30FF) || c == 0x30FC;
}

/* A katakana term inside a longer katakana word (ポート in サポート) is
 * not the term. */
static bool inside_word(const char *text, const char *s, size_t len)
{
	if (!katakana(cp_at(s)))
		return false;
	if (s > text) {
		const char *p = s - 1;   /* back to the lead byte of the character before */
		while (p > text && (((unsigned char)*p) & 0xC0) == 0x80)
			p--;
		if (katakana(cp_at(p)))
			return true;
	}
	return s[len] && katakana(cp_at(s + len));
}

void hp_gloss(req_t *r, const char *text)
{
	pthread_once(&once, build_once);
	int l = r->lang == LANG_EN ? 1 : 0;
	const char *s = text, *start = text;
	while (*s) {
		const gword *hit = NULL;
		for (size_t i = 0; i < n_words[l] && !hit; i++)
			if (l == 1 ? !strncasecmp(s, words[l][i].word, words[l][i].len) : !strncmp(s, words[l][i].word, words[l][i].len))
				hit = &words[l][i];
		/* English: whole words only */
		if (hit && l == 1 && ((s > text && (isalnum((unsigned char)s[-1]))) || isalnum((unsigned char)s[hit->len])))
			hit = NULL;
		if (hit && l == 0 && inside_word(text, s, hit->len))
			hit = NULL;
		if (!hit) {
			s++;
			continue;
		}
		char *before = xstrndup(start, (size_t)(s - start));
		hp(r, "%s", before);
		free(before);
		char *w = xstrndup(s, hit->len);
		hp(r, "<a class=\"term\" href=\"/c/%lld/reference#term-%s\" title=\"%s\">%s</a>", (long long)r->company_id, hit->term->id,
		   TX(r, hit->term->definition), w);
		free(w);
		s += hit->len;
		start = s;
	}
	hp(r, "%s", start);
}
