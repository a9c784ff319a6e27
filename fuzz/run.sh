#!/bin/sh
# fuzz/run.sh BUILD SECONDS TARGET... — runs each libFuzzer target of
# BUILD/fuzz for SECONDS on a scratch copy of its seed corpus
# (fuzz/corpus/TARGET), and prints one TAP line per target with what it
# did: "ok - fuzz: NAME: E execs in S s, cov C, features F, corpus N".  A
# crash, leak, timeout or failed oracle is "not ok", with the input saved
# under BUILD/fuzz/findings/ and the report's first lines.  Set
# FUZZ_KEEP=DIR to keep the grown corpora (fuzz-long does).  Set
# FUZZ_SEED=N to start libFuzzer's random choices from N: `make check` does,
# so a check run is repeatable and a finding can be had again; `make fuzz`
# and `make fuzz-long` leave it unset and look somewhere new each time.
top=$(cd "$(dirname "$0")/.." && pwd)
build=$1
secs=$2
shift 2
findings="$top/$build/fuzz/findings"
mkdir -p "$findings"
rc=0
for t in "$@"; do
	bin="$top/$build/fuzz/$t"
	if [ ! -x "$bin" ]; then
		echo "not ok - fuzz: $t: $bin is not built (make fuzz-build)"
		rc=1
		continue
	fi
	work=$(mktemp -d)
	mkdir "$work/corpus"
	[ -d "$top/fuzz/corpus/$t" ] && cp "$top/fuzz/corpus/$t"/* "$work/corpus/" 2>/dev/null
	[ -n "${FUZZ_KEEP:-}" ] && [ -d "$FUZZ_KEEP/$t" ] && cp "$FUZZ_KEEP/$t"/* "$work/corpus/" 2>/dev/null
	# -timeout: one input over 10 s is a finding; -rss_limit_mb: so is 2 GB
	(cd "$work" && ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1" \
		"$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
		${FUZZ_SEED:+-seed="$FUZZ_SEED"} -print_final_stats=1 -artifact_prefix="$findings/$t-" corpus >"$work/log" 2>&1)
	status=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
	line=$(grep -E '^#[0-9]+' "$work/log" | grep -E 'cov: ' | tail -1)
	cov=$(echo "$line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$line" | sed -n 's/.* corp: \([0-9]*\).*/\1/p')
	if [ "$status" -eq 0 ]; then
		echo "ok - fuzz: $t: ${execs:-?} execs in $secs s, cov ${cov:-?}, features ${ft:-?}, corpus ${corp:-?}"
	else
		echo "not ok - fuzz: $t: exit $status after ${execs:-?} execs (input in $findings)"
		grep -E 'ERROR|oracle|SUMMARY|panic|runtime error' "$work/log" | head -8 | sed 's/^/#   /'
		rc=1
	fi
	if [ -n "${FUZZ_KEEP:-}" ]; then
		mkdir -p "$FUZZ_KEEP/$t"
		cp "$work/corpus"/* "$FUZZ_KEEP/$t/" 2>/dev/null
	fi
	rm -rf "$work"
done
exit $rc
