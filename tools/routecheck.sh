#!/bin/sh
# tools/routecheck.sh ROUTES_C ROUTES_EXPECT — fails (exit 1, naming them)
# when a route of the route table has no row in the table of expected
# statuses, or a row has no route.  Run by make: a route cannot be added
# without saying who may use it (tests/browser/routes.test.js checks the
# statuses themselves).
set -e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed -n 's/^[[:space:]]*{"\(GET\|POST\)", "\([^"]*\)", ACC_.*/\1 \2/p' "$1" | sort >"$tmp/routes"
grep -v '^[[:space:]]*#' "$2" | awk 'NF { print $1 " " $2 }' | sort >"$tmp/rows"
status=0
if [ ! -s "$tmp/routes" ]; then
	echo "routecheck: $1: no routes found" >&2
	exit 1
fi
missing=$(comm -23 "$tmp/routes" "$tmp/rows")
extra=$(comm -13 "$tmp/routes" "$tmp/rows")
if [ -n "$missing" ]; then
	printf 'routecheck: %s: routes without a row (say who may use them):\n%s\n' "$2" "$missing" >&2
	status=1
fi
if [ -n "$extra" ]; then
	printf 'routecheck: %s: rows without a route:\n%s\n' "$2" "$extra" >&2
	status=1
fi
exit $status
