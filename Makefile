# secstep — build with make + pkg-config.
#   make            build/secstep
#   make check      every test, in the normal build and under ASan+UBSan;
#                   ends with "N passed, N failed"
#   make san        build-san/secstep (AddressSanitizer + UBSan)
#   make tsan       build-tsan/secstep (ThreadSanitizer)
#   make fuzz       the fuzz targets (clang libFuzzer + ASan/UBSan), each run
#                   for FUZZ_SECONDS (30) on its corpus; make fuzz-long: 600
#   make bench      the benchmarks in bench/
#   make install    the binary and the man page (en, ja) under PREFIX
#                   (default /usr/local; DESTDIR for staging)
# Your own CFLAGS replace the optimisation and debug flags only
# (make CFLAGS=-O0 builds; the project's flags are always added).

CC      ?= cc
PKGS    := sqlite3 libpq jansson libsodium libmicrohttpd cairo pangocairo xlsxwriter libcurl
BUILD   ?= build
SAN     ?=

WARN    := -Wall -Wextra -Werror -Wstrict-prototypes -Wmissing-prototypes -Wshadow \
           -Wformat=2 -Wvla -Wpointer-arith -Wcast-qual -Wundef
CFLAGS  ?= -O2 -g
# _FORTIFY_SOURCE needs an optimising build.
FORTIFY := $(if $(filter-out -O0,$(filter -O%,$(CFLAGS))),-D_FORTIFY_SOURCE=2)
override CFLAGS += -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE $(WARN) -Isrc -I$(BUILD)/gen \
           $(shell pkg-config --cflags $(PKGS)) -fstack-protector-strong $(FORTIFY)
LDLIBS  += $(shell pkg-config --libs $(PKGS)) -lm -lpthread
ifeq ($(SAN),1)
override CFLAGS := $(filter-out -O% -D_FORTIFY_SOURCE=2,$(CFLAGS)) -O1 -fsanitize=address,undefined \
           -fno-omit-frame-pointer -fno-sanitize-recover=all
override LDFLAGS += -fsanitize=address,undefined
endif
ifeq ($(TSAN),1)
override CFLAGS := $(filter-out -O% -D_FORTIFY_SOURCE=2,$(CFLAGS)) -O1 -fsanitize=thread -fno-omit-frame-pointer
override LDFLAGS += -fsanitize=thread
endif

CATALOG_DIR ?= catalog
CATALOG := $(sort $(wildcard $(CATALOG_DIR)/*.json))
LIB_SRC := $(wildcard src/base/*.c src/app/*.c src/catalog/*.c src/core/*.c src/store/*.c src/exchange/*.c src/view/*.c src/web/*.c src/report/*.c)
CLI_SRC := $(wildcard src/cli/*.c)
GEN_SRC := $(BUILD)/gen/catalog_data.c
WEB_ASSETS := $(sort $(wildcard web/static/*))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/catalog_data.o $(BUILD)/gen/web_data.o
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

PREFIX  ?= /usr/local
MANPAGES := $(BUILD)/secstep.1 $(BUILD)/secstep.ja.1

.PHONY: all check check-one san tsan fuzz fuzz-long fuzz-build clean bench bench-scale install
# A recipe that fails leaves no target behind (the generators also write
# through a temporary file and rename it only when complete).
.DELETE_ON_ERROR:
all: $(BUILD)/secstep $(BUILD)/routes.ok $(MANPAGES) $(BUILD)/tools/termcheck

# Every route says who may use it (src/web/routes.expect); the build stops
# when one does not.
$(BUILD)/routes.ok: src/web/routes.c src/web/routes.expect tools/routecheck.sh
	@mkdir -p $(dir $@)
	@sh tools/routecheck.sh src/web/routes.c src/web/routes.expect
	@touch $@

# The man page is made by the binary from the help texts beside each
# command (src/cli/help.c), so it says what --help says.
$(BUILD)/secstep.1: $(BUILD)/secstep
	@$(BUILD)/secstep --lang en help --man >$@.tmp && mv $@.tmp $@
$(BUILD)/secstep.ja.1: $(BUILD)/secstep
	@$(BUILD)/secstep --lang ja help --man >$@.tmp && mv $@.tmp $@

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/ja/man1
	install -m 755 $(BUILD)/secstep $(DESTDIR)$(PREFIX)/bin/secstep
	install -m 644 $(BUILD)/secstep.1 $(DESTDIR)$(PREFIX)/share/man/man1/secstep.1
	install -m 644 $(BUILD)/secstep.ja.1 $(DESTDIR)$(PREFIX)/share/man/ja/man1/secstep.1

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -Wall -Wextra -Werror -Isrc -o $@ $<

# The catalog generator: validates catalog/*.json (a broken catalog fails
# the build, naming the item) and writes them as typed C tables.  Its
# loader and checks (CATGEN_LIB) are also linked into test_catalog.
CATGEN_LIB := tools/catgen/load.c tools/catgen/read.c tools/catgen/validate.c
CATGEN_SRC := tools/catgen/catgen.c $(CATGEN_LIB) src/catalog/find.c \
              src/base/arena.c src/base/buf.c src/base/errs.c src/base/util.c
CATGEN_HDR := $(wildcard tools/catgen/*.h) src/catalog/catalog.h $(wildcard src/base/*.h)
$(BUILD)/tools/catgen: $(CATGEN_SRC) $(CATGEN_HDR)
	@mkdir -p $(dir $@)
	@echo "  TOOL    $@"
	@$(CC) -std=c11 -O1 -g $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Isrc -Itools/catgen \
		$(shell pkg-config --cflags jansson) -o $@ $(CATGEN_SRC) $(shell pkg-config --libs jansson)

# The English term checker (docs/terms.md): tests/cli/t0003-terms.sh.
$(BUILD)/tools/termcheck: tools/termcheck.c
	@mkdir -p $(dir $@)
	@echo "  TOOL    $@"
	@$(CC) -std=c11 -O1 -g $(WARN) -D_POSIX_C_SOURCE=200809L $(shell pkg-config --cflags jansson) -o $@ $< \
		$(shell pkg-config --libs jansson)

$(GEN_SRC): $(CATALOG) $(BUILD)/tools/catgen
	@mkdir -p $(dir $@)
	@echo "  GEN     $@"
	@$(BUILD)/tools/catgen $@ $(CATALOG)

$(BUILD)/gen/web_data.c: $(WEB_ASSETS) $(BUILD)/tools/embed
	@mkdir -p $(dir $@)
	@$(BUILD)/tools/embed $@ web_files $(WEB_ASSETS)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	@$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	@echo "  CC      $<"
	@$(CC) $(filter-out -Werror,$(CFLAGS)) -c -o $@ $<

$(BUILD)/libsecstep.a: $(LIB_OBJ)
	@rm -f $@
	@ar rcs $@ $^

$(BUILD)/secstep: $(CLI_OBJ) $(BUILD)/libsecstep.a
	@echo "  LINK    $@"
	@$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libsecstep.a tests/unit/testutil.h
	@mkdir -p $(dir $@)
	@echo "  TEST    $@"
	@$(CC) $(CFLAGS) $(shell pkg-config --cflags cmocka) $(LDFLAGS) -Itests/unit -o $@ $< $(TEST_EXTRA) \
		$(BUILD)/libsecstep.a $(LDLIBS) $(shell pkg-config --libs cmocka)

# The catalog's checks run in the unit test too, on broken copies.
$(BUILD)/tests/test_catalog: $(CATGEN_LIB) $(CATGEN_HDR)
$(BUILD)/tests/test_catalog: TEST_EXTRA = -Itools/catgen $(CATGEN_LIB)

# One suite in one build directory.
check-one: $(BUILD)/secstep $(UNIT_BIN)
	@sh tests/run.sh $(BUILD)

san:
	$(MAKE) BUILD=build-san SAN=1 all

tsan:
	$(MAKE) BUILD=build-tsan TSAN=1 all build-tsan/tests/test_threads build-tsan/tests/test_watch

# Every test, twice: the normal build, then under the sanitizers; then the
# concurrency tests under ThreadSanitizer and each fuzz target briefly.
check:
	@$(MAKE) -s --no-print-directory BUILD=build all $(patsubst build-san/%,build/%,$(UNIT_BIN:$(BUILD)/%=build/%))
	@$(MAKE) -s --no-print-directory BUILD=build-san SAN=1 all $(UNIT_SRC:tests/unit/%.c=build-san/tests/%)
	@$(MAKE) -s --no-print-directory BUILD=build-tsan TSAN=1 all build-tsan/tests/test_threads build-tsan/tests/test_watch
	@$(MAKE) -s --no-print-directory fuzz-build
	@sh tests/run.sh build build-san build@pg --tsan build-tsan --fuzz build-fuzz

# ---- fuzzing: clang libFuzzer with ASan + UBSan (fuzz/README.md) ----
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZ_FLAGS   := -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer

fuzz-build:
	@# clang warns about things gcc does not: shown, not fatal here (gcc's build is -Werror)
	@$(MAKE) -s --no-print-directory BUILD=build-fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_FLAGS)" \
		WARN="$(filter-out -Werror,$(WARN))" LDFLAGS="-fsanitize=address,undefined" build-fuzz/libsecstep.a
	@$(MAKE) -s --no-print-directory $(FUZZ_TARGETS:%=build-fuzz/fuzz/%)

build-fuzz/fuzz/%: fuzz/fuzz_%.c $(wildcard fuzz/*.h) build-fuzz/libsecstep.a
	@mkdir -p $(dir $@)
	@echo "  FUZZ    $@"
	@$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
		-Isrc -Ifuzz $(FUZZ_EXTRA) $(shell pkg-config --cflags $(PKGS)) -o $@ $< build-fuzz/libsecstep.a $(LDLIBS)

# The catalog target fuzzes the build-time reader (tools/catgen).
build-fuzz/fuzz/catalog: $(CATGEN_LIB) $(CATGEN_HDR)
build-fuzz/fuzz/catalog: FUZZ_EXTRA = -Itools/catgen $(CATGEN_LIB)

# Each target on a copy of its seed corpus for FUZZ_SECONDS; prints execs,
# coverage and corpus size (sh fuzz/run.sh).
fuzz: fuzz-build
	@sh fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_TARGETS)

fuzz-long: fuzz-build
	@sh fuzz/run.sh build-fuzz 600 $(FUZZ_TARGETS)

$(BUILD)/bench/%: bench/%.c $(BUILD)/libsecstep.a
	@mkdir -p $(dir $@)
	@echo "  BENCH   $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libsecstep.a $(LDLIBS)

# The web benchmark's document generator and the start-up timer link
# nothing but libc.
$(BUILD)/bench/gen_company $(BUILD)/bench/bench_startup: $(BUILD)/bench/%: bench/%.c
	@mkdir -p $(dir $@)
	@echo "  BENCH   $@"
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $<

bench: all $(BUILD)/bench/bench_core $(BUILD)/bench/bench_report $(BUILD)/bench/gen_company $(BUILD)/bench/bench_startup
	sh bench/run.sh $(BUILD)

# SQLite and PostgreSQL side by side at 10,000 companies (bench/scale.sh).
bench-scale: all $(BUILD)/bench/bench_core $(BUILD)/bench/gen_company
	sh bench/scale.sh $(BUILD)

clean:
	rm -rf build build-san build-tsan build-fuzz

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
