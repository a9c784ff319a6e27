/* fuzz.h — shared bits of the libFuzzer targets (fuzz/README.md).  Each
 * target defines LLVMFuzzerTestOneInput; FUZZ_CHECK aborts (a finding)
 * when an oracle does not hold. */
#ifndef SECSTEP_FUZZ_H
#define SECSTEP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

#define FUZZ_CHECK(cond, ...)                                                   \
	do {                                                                    \
		if (!(cond)) {                                                  \
			fprintf(stderr, "fuzz oracle failed: %s (%s:%d): ", #cond, __FILE__, __LINE__); \
			fprintf(stderr, __VA_ARGS__);                           \
			fputc('\n', stderr);                                    \
			abort();                                                \
		}                                                               \
	} while (0)

#endif
