#!/bin/sh
# scripts/setup.sh — installs what secstep needs on Debian 12, once.
# Quiet and quick when everything is already there; safe to run again.
set -e
PKGS="build-essential pkg-config libsqlite3-dev libjansson-dev libsodium-dev libmicrohttpd-dev
libcmocka-dev sqlite3 python3 ca-certificates"
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
