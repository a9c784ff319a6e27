#!/bin/sh
# t0110 — every example command in docs/user-guide.md runs: the sh blocks
# and the examples in the reference tables (`secstep …` in a table row),
# in the order the guide shows them, each part against its own database
# with the sample company documents at hand.  A command exits 0 ("ok -
# user-guide: COMMAND"), else its stderr is shown.  secstep serve is started
# and stopped after answering /healthz; --interactive reads "y" answers.
. "$TOP/tests/cli/lib.sh"
GUIDE="$TOP/docs/user-guide.md"
cp -r "$TOP/samples" samples
for f in a b c; do cp "samples/company-$f.json" "$f.json"; done

# The guide as one script per part: sh blocks as they are (make and PATH
# lines dropped), table examples one per line.
awk -v out="$WORK/part" '
	/^# 第1部/ { part = 1 } /^# Part 2/ { part = 2 }
	!part { next }
	/^```sh/ { sh = 1; next }
	/^```/ && sh { sh = 0; next }
	sh {
		if ($0 ~ /^(make|export PATH)/) next
		gsub(/\.\/build\/secstep/, "secstep")
		print > (out part ".sh"); next
	}
	/^\|/ {
		line = $0
		while (match(line, /`secstep [^`]*`/)) {
			print substr(line, RSTART + 1, RLENGTH - 2) > (out part ".sh")
			line = substr(line, RSTART + RLENGTH)
		}
	}' "$GUIDE"

cat >"$WORK/wrap.sh" <<'WRAP'
secstep() {
	label="$*"
	case " $* " in
	*" serve "*)
		port=$(( 20000 + $$ % 20000 ))
		set -- "$@"
		args=""
		for a in "$@"; do case "$a" in --listen|127.0.0.1:*) ;; *) args="$args $a" ;; esac; done
		# shellcheck disable=SC2086
		"$SECSTEP" $args --listen 127.0.0.1:$port --quiet >/dev/null 2>"$WORK/.gerr" &
		pid=$!
		i=0; up=
		while [ $i -lt 50 ]; do
			if "$PY" -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=1).status == 200 else 1)" 2>/dev/null; then up=1; break; fi
			sleep 0.1; i=$((i + 1))
		done
		kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
		if [ -n "$up" ]; then echo "ok - user-guide: secstep $label" >&3; else echo "not ok - user-guide: secstep $label" >&3; echo "#   no /healthz: $(head -3 "$WORK/.gerr")" >&3; fi
		return 0 ;;
	*" --interactive "*)
		yes y 2>/dev/null | head -200 | "$SECSTEP" "$@" 2>"$WORK/.gerr" >/dev/null ;;
	*)
		"$SECSTEP" "$@" 2>"$WORK/.gerr" ;;
	esac
	rc=$?
	if [ $rc -eq 0 ]; then echo "ok - user-guide: secstep $label" >&3; else echo "not ok - user-guide: secstep $label" >&3; echo "#   exit $rc: $(head -3 "$WORK/.gerr")" >&3; fi
	return 0
}
WRAP
# The guide's mail examples (secstep digest --send) assume mail is set up
# (docs/web.md, "Mail"): a local SMTP sink stands in for the relay.
python3 "$TOP/tests/tools/smtp_sink.py" --dir "$WORK/mail" --port-file "$WORK/mail.port" 2>"$WORK/mail.log" &
SINK_PID=$!
trap 'kill "$SINK_PID" 2>/dev/null; cleanup' EXIT
i=0
while [ ! -s "$WORK/mail.port" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
SECSTEP_SMTP_URL="smtp://127.0.0.1:$(cat "$WORK/mail.port")"
SECSTEP_MAIL_FROM="secstep@example.jp"
export SECSTEP_SMTP_URL SECSTEP_MAIL_FROM

# one check per example command, and one per part for the count
plan $(( $(cat "$WORK/part1.sh" "$WORK/part2.sh" 2>/dev/null | grep -c "secstep ") + 2 ))
for part in 1 2; do
	if [ ! -s "$WORK/part$part.sh" ]; then notok "the guide has examples in part $part"; continue; fi
	n=$(grep -c "secstep " "$WORK/part$part.sh")
	ok "part $part of the guide has $n example commands"
	mkdir -p "part$part"
	(
		cd "part$part" || exit 1
		cp -r ../samples ../a.json ../b.json ../c.json .
		export SECSTEP_DB="$WORK/part$part/secstep.db" PY=/usr/bin/python3 WORK SECSTEP
		# stdout of the examples themselves goes nowhere; results go to fd 3
		{ . "$WORK/wrap.sh"; . "$WORK/part$part.sh"; } 3>&1 >/dev/null
	)
done
