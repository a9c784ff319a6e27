#!/bin/sh
# t0170 — the server under parallel load while the command line writes to
# the same database: several clients ask for PDFs, XLSX workbooks, company
# documents, pages and the API of three companies at once, and write
# through the API, while `secstep person add` and `company edit` run
# beside them.  Every answer is a success, every write of either face is
# kept, and the server stops cleanly.  Run in every build; tests/run.sh
# also runs it on the ThreadSanitizer build (TSAN_OPTIONS set there), where
# the server's exit status reports any data race.
. "$TOP/tests/cli/lib.sh"
plan 10

T_FILE=$T_FILE python3 - "$SECSTEP" "$WORK" "$TOP" <<'PY'
import os, subprocess, sys, threading, time, json
sys.path.insert(0, os.path.join(sys.argv[3], "tests", "cli"))
from webtest import Server, Client, check

secstep, work = sys.argv[1], sys.argv[2]
db = os.path.join(work, "load.db")
srv = Server(secstep, db, args=("--threads", "4"))
owner = Client(srv).setup()
cids = [owner.new_company("並行%d株式会社" % i, employees=20 + i) for i in range(3)]
for cid in cids:
    owner.get("/c/%d/people" % cid)
    for k in range(4):
        owner.post("/c/%d/people" % cid, {"name": "社員%d" % k, "department": "総務"})
    owner.get("/c/%d/assets" % cid)
    for k in range(12):
        owner.post("/c/%d/assets" % cid, {"name": "資産%d" % k, "c": str(1 + k % 3), "i": "2", "a": "1",
                                          "threat": str(1 + k % 3), "vulnerability": "3"})
tok = owner.api_token()

ROUNDS = int(os.environ.get("LOAD_ROUNDS", "3"))
paths = ["/c/%d", "/c/%d/plan", "/c/%d/people", "/c/%d/export/management.pdf", "/c/%d/export/brief.pdf",
         "/c/%d/export/company.xlsx", "/c/%d/export/company.json", "/c/%d/export/people.csv"]
results, lock = [], threading.Lock()

def worker(n):
    c = Client(srv)
    c.cookies = dict(owner.cookies)
    c.csrf = owner.csrf
    for r in range(ROUNDS):
        for i, p in enumerate(paths):
            cid = cids[(n + r + i) % len(cids)]
            try:
                st, h, body = c.get(p % cid)
                good = st == 200 and len(body) > 100
            except Exception as e:
                st, good = str(e), False
            with lock:
                results.append((p, st, good))
        cid = cids[(n + r) % len(cids)]
        st, body = c.api("GET", "/api/v1/companies/%d/status" % cid, bearer=tok)
        st2, body2 = c.api("POST", "/api/v1/companies/%d/tasks/task-1-%d" % (cid, 1 + n % 4),
                           {"status": ["todo", "doing", "done"][r % 3], "note": "w%d-r%d" % (n, r)}, bearer=tok)
        st3, body3 = c.api("POST", "/api/v1/companies/%d/diagnosis" % cid,
                           {"self_diagnosis": {"sd-%02d" % (1 + (n + r) % 25): "yes"}}, bearer=tok)
        with lock:
            results.append(("api status", st, st == 200))
            results.append(("api task", st2, st2 == 200))
            results.append(("api diagnosis", st3, st3 == 200))

cli_fail = []
cli_added = []

cli_refused = [0]

def cli(args, env):
    """A CLI write; a save refused because the web changed the company in
    between (nothing saved: the CLI says so) is tried again, as a script
    would."""
    for attempt in range(20):
        p = subprocess.run([secstep] + args, env=env, capture_output=True, text=True)
        if p.returncode == 0 or "changed by someone else" not in p.stderr:
            return p
        cli_refused[0] += 1
    return p

def cli_writer():
    env = dict(os.environ, SECSTEP_DB=db)
    for k in range(ROUNDS * 4):
        cid = cids[k % len(cids)]
        name = "CLI追加%d" % k
        p = cli(["person", "add", str(cid), "--name", name], env)
        if p.returncode == 0:
            cli_added.append((cid, name))
        else:
            cli_fail.append(p.stderr.strip())
        p = cli(["company", "edit", str(cid), "--notes", "CLI %d" % k], env)
        if p.returncode != 0:
            cli_fail.append(p.stderr.strip())

threads = [threading.Thread(target=worker, args=(n,)) for n in range(6)] + [threading.Thread(target=cli_writer)]
t0 = time.time()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.time() - t0
bad = [r for r in results if not r[2]]
kinds = set(r[0] for r in results)
check("every request answered with success (%d requests in %.0f s)" % (len(results), elapsed), not bad and len(results) == 6 * ROUNDS * (len(paths) + 3), bad[:5])
check("PDFs, XLSX, documents, pages and the API were all asked for in parallel",
      {"/c/%d/export/management.pdf", "/c/%d/export/company.xlsx", "/c/%d/export/company.json", "/c/%d", "api task"} <= kinds)
check("every CLI write succeeded beside the server (%d refused as stale and tried again)" % cli_refused[0],
      not cli_fail and len(cli_added) == ROUNDS * 4, cli_fail[:3])
# every write of both faces is there
env = dict(os.environ, SECSTEP_DB=db)
people = {}
for cid in cids:
    doc = json.loads(subprocess.run([secstep, "export", str(cid)], env=env, capture_output=True, text=True).stdout)
    people[cid] = {p["name"] for p in doc["people"]}
check("the people the CLI added are all there", all(n in people[c] for c, n in cli_added))
check("the people added through the web are all there", all({"社員%d" % k for k in range(4)} <= people[c] for c in cids))
st, body = owner.api("GET", "/api/v1/companies/%d/plan" % cids[0], bearer=tok)
notes = [t.get("note") for t in body.get("tasks", [])] if isinstance(body, dict) else []
check("API task writes are there", st == 200 and any(n and n.startswith("w") for n in notes), st)
st, h, pdf = owner.get("/c/%d/export/management.pdf" % cids[1])
check("a PDF after the load is whole", st == 200 and pdf.startswith(b"%PDF") and b"%%EOF" in pdf[-64:], st)
code, err = srv.stop()
check("the server stops cleanly (exit 0: no sanitizer report)", code == 0, code, err[-2000:])
check("no sanitizer wrote a report", "Sanitizer" not in err and "runtime error" not in err, err[-2000:])
check("no server error was logged", "secstep: serve: 5" not in err, err[-1000:])
PY
