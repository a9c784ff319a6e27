"""tests/cli/crashtest.py — kill -9 during concurrent writes, then check
that every acknowledged write survived and the database is intact.

    python3 crashtest.py SECSTEP WORKDIR ROUNDS [--tap]

Each round starts `secstep serve` on the same database, lets several
clients write at once — API task updates (each client owns its tasks, so
every task has one writer and a sequence number) and new people through the
web form — kills the server with SIGKILL at a random moment, then, with the
server gone: PRAGMA integrity_check must say ok, every write the server
acknowledged (200 or 303) must be there, and a task may hold only its last
acknowledged value or the one write that was in flight.  The next round
restarts the server on that database (it must come up and still know the
session and the token).  Prints the figures; with --tap, TAP lines.
"""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webtest import Server, Client, check  # noqa: E402

TASKS = ["task-1-1", "task-1-2", "task-1-3", "task-1-4", "task-2-1", "task-2-2", "task-2-3", "task-2-4"]


def run(secstep, work, rounds, tap):
    db = os.path.join(work, "crash.db")
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20261125")))
    srv = Server(secstep, db)
    owner = Client(srv).setup()
    cids = [owner.new_company("耐障害%d" % i) for i in range(2)]
    token = owner.api_token()
    srv.stop()

    last_acked = {}       # (cid, task) -> highest acknowledged sequence number
    sent = {}             # (cid, task) -> highest sequence number sent
    people_acked = set()  # (cid, name)
    acked = 0
    lost = []
    bad_integrity = []
    down_rounds = 0
    for rnd in range(rounds):
        try:
            srv = Server(secstep, db, args=("--threads", "4"))
        except RuntimeError as e:
            down_rounds += 1
            lost.append("round %d: the server did not start: %s" % (rnd, e))
            break
        stop = threading.Event()
        lock = threading.Lock()
        counts = [0]

        def task_writer(n):
            c = Client(srv, timeout=10)
            keys = [(cids[n % 2], TASKS[n])]
            while not stop.is_set():
                for key in keys:
                    with lock:
                        seq = sent.get(key, 0) + 1
                        sent[key] = seq
                    try:
                        st, body = c.api("POST", "/api/v1/companies/%d/tasks/%s" % key,
                                         {"note": "seq %d" % seq, "status": "doing"}, bearer=token)
                    except Exception:
                        return
                    if st == 200:
                        with lock:
                            last_acked[key] = max(last_acked.get(key, 0), seq)
                            counts[0] += 1

        def people_writer(n):
            c = Client(srv, timeout=10)
            c.cookies = dict(owner.cookies)
            c.csrf = owner.csrf
            k = 0
            while not stop.is_set():
                cid = cids[n % 2]
                name = "r%d-w%d-%d" % (rnd, n, k)
                k += 1
                try:
                    st, h, _ = c.post("/c/%d/people" % cid, {"name": name})
                except Exception:
                    return
                if st == 303:
                    with lock:
                        people_acked.add((cid, name))
                        counts[0] += 1

        threads = [threading.Thread(target=task_writer, args=(n,)) for n in range(len(TASKS))]
        threads += [threading.Thread(target=people_writer, args=(n,)) for n in range(2)]
        for t in threads:
            t.start()
        time.sleep(rng.uniform(0.3, 1.5))
        srv.proc.send_signal(signal.SIGKILL)
        srv.proc.wait()
        stop.set()
        for t in threads:
            t.join()
        srv.stop()
        acked += counts[0]
        # the server is gone: look at the file as the next start will
        con = sqlite3.connect(db)
        ic = con.execute("PRAGMA integrity_check").fetchone()[0]
        con.close()
        if ic != "ok":
            bad_integrity.append("round %d: %s" % (rnd, ic))
        notes, names = {}, set()
        for cid in cids:
            p = subprocess.run([secstep, "--db", db, "export", str(cid)], capture_output=True, text=True)
            doc = json.loads(p.stdout) if p.returncode == 0 else {}
            for t in doc.get("tasks", []):
                notes[(cid, t["id"])] = t.get("note")
            for person in doc.get("people", []):
                names.add((cid, person["name"]))
        for key, seq in last_acked.items():
            have = notes.get(key)
            got = int(have.split()[1]) if have and have.startswith("seq ") else 0
            if got < seq or got > sent.get(key, 0):
                lost.append("round %d: %s/%s holds %r, acknowledged up to seq %d" % (rnd, key[0], key[1], have, seq))
        for cid, name in people_acked:
            if (cid, name) not in names:
                lost.append("round %d: person %s of company %d is gone" % (rnd, name, cid))
    # one last start: the server comes up on the database and knows the token
    srv = Server(secstep, db)
    c = Client(srv)
    st, _ = c.api("GET", "/api/v1/companies/%d/status" % cids[0], bearer=token)
    srv.stop()
    figures = "%d rounds, %d acknowledged writes, %d lost, integrity_check failures %d" % (
        rounds, acked, len(lost), len(bad_integrity))
    if tap:
        check("kill -9 under concurrent writes: %s" % figures, not lost and not bad_integrity and acked > rounds,
              *(lost[:5] + bad_integrity[:5]))
        check("after the last crash the server starts and the API token still works", st == 200, st)
    else:
        print("crash: " + figures)
        for line in (lost + bad_integrity)[:20]:
            print("  " + line)
    return not lost and not bad_integrity and st == 200


if __name__ == "__main__":
    ok = run(sys.argv[1], sys.argv[2], int(sys.argv[3]), "--tap" in sys.argv)
    sys.exit(0 if ok else 1)
