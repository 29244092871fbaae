# asyncc -- top-level build.
#   make            build the compiler at build/asyncc (installs deps if missing)
#   make deps       install Debian packages and fetch the Python grammar
#   make check      build everything and run the test suite (a few minutes)
#   make check-full the same with the full sample matrix and more fuzzing
#   make install PREFIX=/usr/local
#   make bench      run the benchmark suite (installs the peers it compares with)

VERSION   := 0.1.0
PREFIX    ?= /usr/local
CC        ?= cc
ifeq ($(origin CC),default)
CC        := cc
endif
PYTHON    ?= python3
TS_PYTHON_VERSION := 0.23.6

B         := build
GRAMMAR   := $(B)/grammar/package
WARN      := -std=c99 -Wall -Wextra -Werror
CFLAGS    ?= -O2 -g
TS_CFLAGS := $(shell pkg-config --cflags tree-sitter 2>/dev/null)
TS_LIBS   := $(shell pkg-config --libs tree-sitter 2>/dev/null || echo -ltree-sitter)

TRANSPILER_SRC := $(sort $(wildcard transpiler/*.c))
TRANSPILER_OBJ := $(TRANSPILER_SRC:transpiler/%.c=$(B)/obj/%.o)
RUNTIME_SRC    := $(sort $(wildcard runtime/rt_*.c))
RUNTIME_HDR    := $(wildcard runtime/*.h)
TEMPLATES      := $(sort $(wildcard templates/*.c.in templates/*.h.in))

.PHONY: format all deps check check-full check-build test-unit test-runtime \
        test-samples test-errors test-fuzz fuzz fuzz-smoke install clean bench bench-smoke
all: $(B)/asyncc

# ---- dependencies --------------------------------------------------------
DEB_PKGS := libtree-sitter-dev libcmocka-dev pkg-config clang gdb
# `make bench` only: the CPython to compare against (Debian's optimised build)
# and the peers a user would try instead (bench/run.py says which are missing)
BENCH_DEB_PKGS := python3 python3-dev python3-setuptools python3-uvloop pypy3 cython3 \
                  python3-mypy valgrind
BENCH_PYTHON   ?= /usr/bin/python3

deps: $(B)/.debs $(GRAMMAR)/src/parser.c

$(B)/.bench-debs: DEB_PKGS := $(BENCH_DEB_PKGS)
$(B)/.debs $(B)/.bench-debs:
	@mkdir -p $(B)
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@touch $@

$(GRAMMAR)/src/parser.c:
	@mkdir -p $(B)/grammar
	cd $(B)/grammar && npm pack --silent tree-sitter-python@$(TS_PYTHON_VERSION) >/dev/null && \
	  tar xzf tree-sitter-python-$(TS_PYTHON_VERSION).tgz
	@test -f $@

# ---- the compiler --------------------------------------------------------
$(B)/obj/%.o: transpiler/%.c transpiler/*.h $(B)/templates.h $(B)/.debs $(GRAMMAR)/src/parser.c
	@mkdir -p $(dir $@)
	$(CC) $(WARN) $(CFLAGS) $(TS_CFLAGS) -I$(B) -Itranspiler \
	  -DASYNCC_VERSION='"$(VERSION)"' -c $< -o $@

$(B)/obj/grammar_parser.o: $(GRAMMAR)/src/parser.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -w -I$(GRAMMAR)/src -c $< -o $@
$(B)/obj/grammar_scanner.o: $(GRAMMAR)/src/parser.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -w -I$(GRAMMAR)/src -c $(GRAMMAR)/src/scanner.c -o $@

# templates/ are embedded in the binary so that an
# installed asyncc needs no source tree.
$(B)/templates.h: tools/embed.sh $(TEMPLATES)
	@mkdir -p $(B)
	sh tools/embed.sh $(TEMPLATES) > $@.tmp && mv $@.tmp $@

$(B)/asyncc: $(TRANSPILER_OBJ) $(B)/obj/grammar_parser.o $(B)/obj/grammar_scanner.o
	$(CC) $(CFLAGS) -o $@ $^ $(TS_LIBS) -lm

# ---- the runtime as a static library (install, samples/Makefile) ---------
RUNTIME_OBJ := $(RUNTIME_SRC:runtime/%.c=$(B)/rtobj/%.o)
$(B)/rtobj/%.o: runtime/%.c $(RUNTIME_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O2 -g -Iruntime -c $< -o $@
$(B)/libasyncc.a: $(RUNTIME_OBJ)
	rm -f $@ && ar rcs $@ $^

# ---- tests ---------------------------------------------------------------
UNIT_TESTS    := $(patsubst tests/unit/%.c,$(B)/tests/%,$(wildcard tests/unit/test_*.c))
RUNTIME_TESTS := $(patsubst tests/runtime/%.c,$(B)/tests/%,$(wildcard tests/runtime/test_*.c))
SAN := -fsanitize=address,undefined -fno-omit-frame-pointer

# unit tests link every compiler object except main.o
$(B)/tests/test_%: tests/unit/test_%.c $(filter-out $(B)/obj/main.o,$(TRANSPILER_OBJ)) \
                   $(B)/obj/grammar_parser.o $(B)/obj/grammar_scanner.o
	@mkdir -p $(dir $@)
	$(CC) -std=c99 -Wall -Wextra -O1 -g $(TS_CFLAGS) -I$(B) -Itranspiler $^ -o $@ $(TS_LIBS) -lcmocka -lm

# runtime tests are built with the sanitizers, independent of the compiler,
# against one sanitized copy of the runtime (compiled once, not per test)
RUNTIME_SAN_OBJ := $(RUNTIME_SRC:runtime/%.c=$(B)/obj-san/%.o)
$(B)/obj-san/%.o: runtime/%.c $(RUNTIME_HDR)
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O1 -g $(SAN) -Iruntime -c $< -o $@
$(B)/libasyncc-san.a: $(RUNTIME_SAN_OBJ)
	rm -f $@ && ar rcs $@ $^
$(B)/tests/test_%: tests/runtime/test_%.c $(wildcard tests/runtime/*.h) $(B)/libasyncc-san.a $(B)/.debs
	@mkdir -p $(dir $@)
	$(CC) $(WARN) -O1 -g $(SAN) -Iruntime $< $(B)/libasyncc-san.a -o $@ -lcmocka -lm

test-unit: $(UNIT_TESTS)
	@sh tests/run_each.sh $(UNIT_TESTS)
test-runtime: $(RUNTIME_TESTS)
	@sh tests/run_each.sh $(RUNTIME_TESTS)
test-samples: $(B)/asyncc
	@$(PYTHON) tests/run_samples.py
# the error tests also run the compiler built with the sanitizers (gcc 12
# reports a bogus "null format string" under -fsanitize=undefined)
$(B)/asyncc-asan: $(TRANSPILER_SRC) transpiler/*.h $(B)/templates.h $(B)/obj/grammar_parser.o $(B)/obj/grammar_scanner.o
	$(CC) $(WARN) -Wno-format-truncation -O1 -g $(SAN) $(TS_CFLAGS) -I$(B) -Itranspiler -DASYNCC_VERSION='"$(VERSION)"' \
	  $(TRANSPILER_SRC) $(B)/obj/grammar_parser.o $(B)/obj/grammar_scanner.o -o $@ $(TS_LIBS) -lm
test-errors: $(B)/asyncc $(B)/asyncc-asan
	@$(PYTHON) tests/run_errors.py
test-fuzz: $(B)/asyncc
	@$(PYTHON) tests/fuzz/difftest.py --count 500 --seed 1

# libFuzzer over the whole compiler in process (tests/fuzz/fuzz_compile.c):
# `make fuzz FUZZ_SECONDS=1800` for a long run (processes of FUZZ_SLICE
# seconds, tests/fuzz/long_run.sh: the compiler never frees; any crash,
# timeout or out-of-memory stops the run; new inputs go to
# build/fuzz/corpus, seeded from the samples); `make fuzz-smoke` is the
# `make check` step: every committed input once (tests/fuzz/regress holds
# what earlier runs found), then FUZZ_SMOKE_SECONDS of fuzzing from a fresh
# corpus; any crash, sanitizer report or timeout fails it.  Every accepted
# input's C must stay linear in its size; FUZZ_CC_CHECK=cc (make fuzz) and
# FUZZ_SMOKE_CC=cc (make fuzz-smoke's pass over the committed inputs) also
# compile it with -Wall -Wextra -Werror.
FUZZ_SECONDS ?= 60
FUZZ_SLICE ?= 60
FUZZ_CC ?= clang
$(B)/fuzz_compile: tests/fuzz/fuzz_compile.c $(TRANSPILER_SRC) transpiler/*.h $(B)/templates.h $(B)/obj/grammar_parser.o $(B)/obj/grammar_scanner.o
	$(FUZZ_CC) $(WARN) -O1 -g -fsanitize=fuzzer,address,undefined -fno-omit-frame-pointer $(TS_CFLAGS) -I$(B) -Itranspiler \
	  -DASYNCC_VERSION='"$(VERSION)"' $(filter-out transpiler/main.c,$(TRANSPILER_SRC)) tests/fuzz/fuzz_compile.c \
	  $(B)/obj/grammar_parser.o $(B)/obj/grammar_scanner.o -o $@ $(TS_LIBS) -lm
FUZZ_FLAGS = -close_fd_mask=2 -rss_limit_mb=4096 -timeout=10 -max_len=65536 -dict=tests/fuzz/python.dict
fuzz: $(B)/fuzz_compile
	@mkdir -p $(B)/fuzz/corpus $(B)/fuzz/crashes
	@for d in samples tests/errors tests/fuzz/regress; do for f in $$d/*.py; do \
	  cp -n "$$f" "$(B)/fuzz/corpus/$$(echo $$d | tr / _)_$${f##*/}"; done; done
	FUZZ_CC=$(FUZZ_CC_CHECK) sh tests/fuzz/long_run.sh $(B)/fuzz_compile $(FUZZ_SECONDS) $(FUZZ_SLICE) $(FUZZ_FLAGS) \
	  -artifact_prefix=$(B)/fuzz/crashes/ $(B)/fuzz/corpus
FUZZ_SMOKE_SECONDS ?= 30
fuzz-smoke: $(B)/fuzz_compile
	@rm -rf $(B)/fuzz/smoke && mkdir -p $(B)/fuzz/smoke/corpus $(B)/fuzz/smoke/crashes
	@for d in samples tests/errors tests/fuzz/regress; do for f in $$d/*.py; do \
	  cp "$$f" "$(B)/fuzz/smoke/corpus/$$(echo $$d | tr / _)_$${f##*/}"; done; done
	ASAN_OPTIONS=detect_leaks=0 FUZZ_CC=$(FUZZ_SMOKE_CC) $(B)/fuzz_compile -runs=0 $(FUZZ_FLAGS) \
	  -artifact_prefix=$(B)/fuzz/smoke/crashes/ $(B)/fuzz/smoke/corpus
	ASAN_OPTIONS=detect_leaks=0 $(B)/fuzz_compile -seed=1 -max_total_time=$(FUZZ_SMOKE_SECONDS) $(FUZZ_FLAGS) \
	  -artifact_prefix=$(B)/fuzz/smoke/crashes/ $(B)/fuzz/smoke/corpus
	@echo "fuzz-smoke: no crash in $(FUZZ_SMOKE_SECONDS) s (crashing inputs would be in $(B)/fuzz/smoke/crashes)"

# everything the test steps use, built once before they run in parallel
check-build: all $(UNIT_TESTS) $(RUNTIME_TESTS) $(B)/asyncc-asan $(B)/libasyncc.a
check:
	@sh tests/check.sh
check-full:
	@sh tests/check.sh --full

# ---- install -------------------------------------------------------------
# bin/asyncc, include/asyncc/*.h, lib/libasyncc.a, lib/pkgconfig/asyncc.pc,
# share/asyncc/runtime (what `asyncc build` compiles), share/man/man1/asyncc.1,
# share/asyncc/python/asyncc (the module that runs programs under CPython)
install: $(B)/asyncc $(B)/libasyncc.a
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include/asyncc \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/asyncc/runtime \
	  $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/asyncc/python/asyncc
	install -m 644 python/asyncc/*.py $(DESTDIR)$(PREFIX)/share/asyncc/python/asyncc/
	install -m 755 $(B)/asyncc $(DESTDIR)$(PREFIX)/bin/asyncc
	install -m 644 runtime/asyncc.h runtime/asyncc_rt.h runtime/asyncc_lib.h runtime/asyncc_types.h $(DESTDIR)$(PREFIX)/include/asyncc/
	install -m 644 $(B)/libasyncc.a $(DESTDIR)$(PREFIX)/lib/libasyncc.a
	install -m 644 runtime/*.h runtime/rt_*.c $(DESTDIR)$(PREFIX)/share/asyncc/runtime/
	install -m 644 docs/asyncc.1 $(DESTDIR)$(PREFIX)/share/man/man1/asyncc.1
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' tools/asyncc.pc.in \
	  > $(DESTDIR)$(PREFIX)/lib/pkgconfig/asyncc.pc

bench: all $(B)/.bench-debs
	@$(PYTHON) bench/run.py --python $(BENCH_PYTHON)
bench-smoke: all
	@$(PYTHON) bench/run.py --smoke

# one style for both trees (.clang-format); generated test data is left alone
FORMAT_SRC = $(filter-out %sched_fuzz.h %sched_expected.h %sync_fuzz.h, \
  $(wildcard transpiler/*.[ch] runtime/*.[ch] tests/unit/*.c tests/runtime/*.[ch] tests/two_modules/*.c \
             samples/host/*.c bench/baseline/*.[ch]))
format:
	clang-format -i $(FORMAT_SRC)

clean:
	rm -rf $(B)/obj $(B)/tests $(B)/asyncc $(B)/templates.h $(B)/cache
