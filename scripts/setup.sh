#!/bin/sh
# scripts/setup.sh [--test] — installs what secstep needs on Debian 12.
# Quiet and quick when everything is already there; safe to run again.
#   (no option)  what building and running secstep needs
#   --test       also what the tests need: cmocka, Chromium, Node packages,
#                clang with libFuzzer (make fuzz), strace
set -e
cd "$(dirname "$0")/.."
PKGS="build-essential pkg-config libsqlite3-dev libjansson-dev libsodium-dev libmicrohttpd-dev
libcairo2-dev libpango1.0-dev libxlsxwriter-dev libpq-dev libcurl4-openssl-dev fonts-noto-cjk fonts-morisawa-bizud-gothic"
if [ "${1:-}" = "--test" ]; then
	PKGS="$PKGS libcmocka-dev sqlite3 python3 chromium poppler-utils python3-openpyxl python3-icalendar postgresql nginx-light qpdf gnumeric
clang libclang-rt-14-dev strace"
	command -v node >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
fi
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "secstep setup: installing$missing" >&2
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
# npm ls fails when a package of the lock file is missing or another version
# (an older checkout's node_modules), so a new test dependency arrives too
if [ "${1:-}" = "--test" ] && ! npm ls --depth=0 >/dev/null 2>&1; then
	echo "secstep setup: installing Node packages from package-lock.json" >&2
	npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
