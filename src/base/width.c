/* width.c — see width.h.  The ranges are Unicode's East_Asian_Width W and
 * F (UAX #11) and the usual zero-width marks, merged into blocks. */
#include "base/width.h"

int cp_width(unsigned cp)
{
	if (cp == 0 || (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0x3099 || cp == 0x309A)
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x231A && cp <= 0x231B) || (cp >= 0x2329 && cp <= 0x232A) ||
	    (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	    (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xA960 && cp <= 0xA97F) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE10 && cp <= 0xFE19) ||
	    (cp >= 0xFE30 && cp <= 0xFE6F) || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	    (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

size_t str_width(const char *s)
{
	size_t w = 0;
	const unsigned char *p = (const unsigned char *)s;
	while (p && *p) {
		unsigned cp;
		int n;
		if (*p < 0x80)
			cp = *p, n = 1;
		else if ((*p & 0xE0) == 0xC0)
			cp = *p & 0x1F, n = 2;
		else if ((*p & 0xF0) == 0xE0)
			cp = *p & 0x0F, n = 3;
		else if ((*p & 0xF8) == 0xF0)
			cp = *p & 0x07, n = 4;
		else
			cp = 0xFFFD, n = 1;
		for (int i = 1; i < n; i++) {
			if ((p[i] & 0xC0) != 0x80) {
				cp = 0xFFFD;
				n = i;
				break;
			}
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		w += (size_t)cp_width(cp);
		p += n;
	}
	return w;
}

void fput_col(FILE *f, const char *s, size_t cols)
{
	fputs(s ? s : "", f);
	for (size_t w = str_width(s); w < cols; w++)
		fputc(' ', f);
}
