/* password.c — password rules and hashing (app/password.h). */
#include <sodium.h>
#include <string.h>
#include <strings.h>

#include "app/password.h"
#include "base/util.h"

#define PW_OPS 2
#define PW_MEM (19u * 1024u * 1024u)

/* Passwords too common to protect anything. */
static const char *const common[] = {
	"1234567890", "12345678910", "0123456789", "0987654321", "1qaz2wsx3edc", "abcdefghij", "password12",
	"password123", "password1234", "passw0rd12", "p@ssw0rd12", "qwertyuiop", "qwerty1234", "qwerty12345",
	"asdfghjkl;", "iloveyou12", "1q2w3e4r5t", "zaq12wsxcde", "administrator", "letmein123", "welcome123",
	"secstep123", "secstep1234", "changeme123", "abc1234567", "test123456", "sunshine12", "baseball123",
	"princess12", "football12", "dragon1234", "monkey1234", "nihongo123", "sakura12345", "tokyo12345",
	"security123", "password!!", "password01",
};

const char *password_problem(const char *login, const char *pw, lang_t lang)
{
	bool en = lang == LANG_EN;
	if (!pw || !utf8_valid(pw, strlen(pw)) || utf8_len(pw) < PASSWORD_MIN || strlen(pw) > PASSWORD_MAX_BYTES)
		return en ? "use at least 10 characters (a long phrase is safest)"
			  : "10文字以上にしてください（長い文章のようなものが安全です）";
	if (login && *login && strcasecmp(pw, login) == 0)
		return en ? "must not be the same as the login ID" : "ログインIDと同じものは使えません";
	bool same = true;
	for (const char *p = pw + 1; *p; p++)
		same &= *p == *pw;
	for (size_t i = 0; !same && i < ARRAY_LEN(common); i++)
		same = strcasecmp(pw, common[i]) == 0;
	if (same)
		return en ? "is too common and easy to guess; choose another"
			  : "よく使われていて推測されやすいものです。別のものにしてください";
	return NULL;
}

bool password_hash_str(const char *pw, char out[192])
{
	return crypto_pwhash_str_alg(out, pw, strlen(pw), PW_OPS, PW_MEM, crypto_pwhash_ALG_ARGON2ID13) == 0;
}

bool password_check_str(const char *hash, const char *pw)
{
	return crypto_pwhash_str_verify(hash, pw, strlen(pw)) == 0;
}
