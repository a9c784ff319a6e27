#!/bin/sh
# bench/soak.sh BUILD [SECONDS] [CONNECTIONS] — the server under a steady
# mix for SECONDS (600) with CONNECTIONS (64) kept-alive client connections:
# dashboard, plan and people pages, the status API, API task writes and
# management-report PDFs of three companies.  Prints the server's RSS every
# 30 s (the curve), requests and errors so far, and at the end requests,
# errors, RSS at start and end, and peak RSS.  Exits 1 on any error.
set -eu
build=${1:-build}
secs=${2:-600}
conns=${3:-64}
work=$(mktemp -d "${TMPDIR:-/tmp}/secstep-soak.XXXXXX")
trap 'rm -rf "$work"' EXIT
secstep=$(cd "$(dirname "$build/secstep")" && pwd)/secstep
python3 - "$secstep" "$work" "$secs" "$conns" "$(dirname "$0")/../tests/cli" <<'PY'
import http.client, json, os, sys, threading, time
sys.path.insert(0, sys.argv[5])
from webtest import Server, Client, rss_kib

secstep, work, secs, conns = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
srv = Server(secstep, os.path.join(work, "soak.db"))
owner = Client(srv).setup()
cids = [owner.new_company("ソーク%d" % i) for i in range(3)]
for cid in cids:
    for k in range(20):
        owner.post("/c/%d/people" % cid, {"name": "社員%d" % k, "department": "営業"})
    for k in range(10):
        owner.post("/c/%d/assets" % cid, {"name": "資産%d" % k, "c": "2", "i": "2", "a": "1", "threat": "2", "vulnerability": "2"})
token = owner.api_token()
cookie = "; ".join("%s=%s" % kv for kv in owner.cookies.items())

mix = ["page:/c/%d", "page:/c/%d/plan", "page:/c/%d/people", "api:status", "api:task",
       "page:/c/%d", "api:status", "pdf:/c/%d/export/management.pdf"]
stats = {"requests": 0, "errors": 0, "pdf": 0}
errors = []
lock = threading.Lock()
end = time.time() + secs

def worker(n):
    conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
    i = n
    while time.time() < end:
        kind, _, path = mix[i % len(mix)].partition(":")
        cid = cids[(i // len(mix)) % len(cids)]
        i += 1
        headers = {"Cookie": cookie}
        body = None
        method = "GET"
        if kind == "api":
            headers = {"Authorization": "Bearer " + token}
            if path == "task":
                method, path = "POST", "/api/v1/companies/%d/tasks/task-1-%d" % (cid, 1 + n % 4)
                body = json.dumps({"status": ["todo", "doing", "done"][i % 3], "note": "soak %d" % i})
                headers["Content-Type"] = "application/json"
            else:
                path = "/api/v1/companies/%d/status" % cid
        else:
            path = path % cid
        try:
            conn.request(method, path, body=body, headers=headers)
            r = conn.getresponse()
            data = r.read()
            good = r.status == 200 and len(data) > 0
            st = r.status
        except Exception as e:
            good, st = False, repr(e)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
        with lock:
            stats["requests"] += 1
            stats["pdf"] += kind == "pdf"
            if not good:
                stats["errors"] += 1
                if len(errors) < 10:
                    errors.append("%s %s -> %s" % (method, path, st))
    conn.close()

threads = [threading.Thread(target=worker, args=(n,)) for n in range(conns)]
start = time.time()
rss0 = rss_kib(srv.proc.pid)
for t in threads:
    t.start()
print("soak: %d s, %d connections, pid %d" % (secs, conns, srv.proc.pid))
print("  time  RSS(MiB)  requests  errors")
print("  %4ds  %8.1f  %8d  %6d" % (0, rss0 / 1024, 0, 0))
peak = rss0
next_t = 30
while any(t.is_alive() for t in threads):
    time.sleep(1)
    now = time.time() - start
    rss = rss_kib(srv.proc.pid)
    peak = max(peak, rss)
    if now >= next_t:
        with lock:
            print("  %4ds  %8.1f  %8d  %6d" % (now, rss / 1024, stats["requests"], stats["errors"]), flush=True)
        next_t += 30
for t in threads:
    t.join()
rss1 = rss_kib(srv.proc.pid)
code, err = srv.stop()
elapsed = time.time() - start
print("soak: %d requests (%d PDFs) in %.0f s, %.1f req/s, %d errors; RSS start %.1f MiB, end %.1f MiB, peak %.1f MiB; server exit %d"
      % (stats["requests"], stats["pdf"], elapsed, stats["requests"] / elapsed, stats["errors"], rss0 / 1024, rss1 / 1024,
         peak / 1024, code))
for e in errors:
    print("  error: " + e)
if "secstep: serve: 5" in err:
    print("  server errors logged:\n" + "\n".join(l for l in err.splitlines() if "secstep: serve: 5" in l)[:2000])
sys.exit(0 if stats["errors"] == 0 and code == 0 else 1)
PY
