/* testutil.h — shared bits of the cmocka unit tests. */
#ifndef SECSTEP_TESTUTIL_H
#define SECSTEP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
