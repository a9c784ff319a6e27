"""tests/cli/webtest.py — drives `secstep serve` for the CLI test scripts
(and bench/), standard library only.

    srv = Server(secstep, db)             # fresh server on a free port
    c = Client(srv)                       # a cookie jar and a CSRF token
    c.setup("owner@example.jp")           # the first-run account, signed in
    cid = c.new_company("A社")            # the signed-in account owns it
    tok = c.api_token()                   # an API token of the account
    st, hdrs, body = c.get("/c/%d" % cid)
    srv.stop()                            # SIGTERM; returns (code, stderr)

Checks print TAP lines the way tests/cli/lib.sh does: ok(name) and
notok(name, *details), prefixed with the script's name (T_FILE).
"""
import atexit
import http.client
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

T_FILE = os.environ.get("T_FILE", "web")
PASSWORD = "correct horse battery staple"


def ok(name):
    print("ok - %s: %s" % (T_FILE, name), flush=True)


def notok(name, *details):
    print("not ok - %s: %s" % (T_FILE, name), flush=True)
    for d in details:
        for line in str(d).splitlines()[:8]:
            print("#   %s" % line, flush=True)


def check(name, cond, *details):
    if cond:
        ok(name)
    else:
        notok(name, *details)
    return cond


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Server:
    """`secstep --db DB serve` on a free loopback port.  log=True keeps
    the access log (stderr) instead of --quiet; wrap is a command to run
    it under (strace, say)."""

    def __init__(self, secstep, db, log=False, args=(), env=None, wrap=()):
        self.port = free_port()
        self.db = db
        e = dict(os.environ)
        e.update(env or {})
        cmd = list(wrap) + [secstep, "--db", db, "serve", "--listen", "127.0.0.1:%d" % self.port]
        if not log:
            cmd.append("--quiet")
        cmd += list(args)
        self.errpath = db + ".serve-%d.err" % self.port
        self.errfile = open(self.errpath, "wb")
        self.final = None
        # wrapped, the server is the wrapper's child: a group of their own,
        # so nothing is left behind (strace detaches on SIGTERM)
        self.wrapped = bool(wrap)
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self.errfile, env=e,
                                     start_new_session=self.wrapped)
        # a test that dies with an exception must not leave its server behind
        atexit.register(self._kill)
        self.setup_token = None
        out = b""
        seen = None   # when the first line arrived; the setup link follows at once
        deadline = time.time() + 60
        while time.time() < deadline and not (seen and time.time() - seen > 0.5):
            r, _, _ = select.select([self.proc.stdout], [], [], 0.1)
            if r:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    break
                out += chunk
                m = re.search(rb"/setup\?token=([0-9a-f]+)", out)
                if m:
                    self.setup_token = m.group(1).decode()
                    break
                if b"http://" in out and not seen:
                    seen = time.time()
            elif self.proc.poll() is not None:
                break
        if self.proc.poll() is not None:
            raise RuntimeError("secstep serve exited %s: %s" % (self.proc.returncode, self.stderr()))
        self.wait_ready()

    def _kill(self):
        if self.proc.poll() is None:
            if self.wrapped:
                os.killpg(self.proc.pid, signal.SIGKILL)
            else:
                self.proc.kill()
            self.proc.wait()

    def pid(self):
        """The server's own process id (under a wrapper: its child)."""
        if not self.wrapped:
            return self.proc.pid
        kids = []
        for t in os.listdir("/proc/%d/task" % self.proc.pid):
            with open("/proc/%d/task/%s/children" % (self.proc.pid, t)) as f:
                kids += f.read().split()
        return int(kids[0]) if kids else self.proc.pid

    def wait_ready(self):
        for _ in range(200):
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                c.request("GET", "/healthz")
                c.getresponse().read()
                c.close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("server on port %d does not answer" % self.port)

    def stderr(self):
        if self.final is not None:
            return self.final
        self.errfile.flush()
        with open(self.errpath, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def stop(self, sig=signal.SIGTERM):
        """Stops the server (once); returns (exit code, its stderr)."""
        if self.final is not None:
            return self.proc.returncode, self.final
        if self.proc.poll() is None:
            os.kill(self.pid(), sig)   # a wrapper exits with its child
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        err = self.stderr()
        self.errfile.close()
        self.final = err
        try:
            os.unlink(self.errpath)
        except OSError:
            pass
        return self.proc.returncode, err


class Client:
    """One browser-like client: cookies, the CSRF token of the session."""

    def __init__(self, srv, timeout=120):
        self.port = srv.port
        self.srv = srv
        self.cookies = {}
        self.csrf = None
        self.token = None
        self.timeout = timeout

    def request(self, method, path, body=None, headers=None, bearer=None):
        h = dict(headers or {})
        if self.cookies and not bearer:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if bearer:
            h["Authorization"] = "Bearer " + bearer
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body)
            h.setdefault("Content-Type", "application/x-www-form-urlencoded")
        if isinstance(body, str):
            body = body.encode()
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            c.putrequest(method, path, skip_accept_encoding=True)
            for k, v in h.items():
                c.putheader(k, v)
            if body is not None:
                c.putheader("Content-Length", str(len(body)))
            c.endheaders(body)
            resp = c.getresponse()
            data = resp.read()
            hdrs = resp.getheaders()
        finally:
            c.close()
        for k, v in hdrs:
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                val = rest.split(";", 1)[0]
                if "Max-Age=0" in v:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = val
        m = re.search(rb'name="csrf" value="([0-9a-f]+)"', data)
        if m:
            self.csrf = m.group(1).decode()
        return resp.status, dict((k.lower(), v) for k, v in hdrs), data

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields=None, **kw):
        f = dict(fields or {})
        if self.csrf and "csrf" not in f:
            f["csrf"] = self.csrf
        return self.request("POST", path, body=f, **kw)

    def api(self, method, path, obj=None, bearer=None):
        import json
        body = json.dumps(obj) if obj is not None else None
        h = {"Content-Type": "application/json"} if body is not None else {}
        if self.csrf and not bearer:
            h["X-CSRF-Token"] = self.csrf
        st, hdrs, data = self.request(method, path, body=body, headers=h, bearer=bearer or self.token)
        try:
            return st, json.loads(data) if data else None
        except ValueError:
            return st, data

    def setup(self, login="owner@example.jp", name="経営 太郎"):
        """The first-run account through /setup; signed in afterwards."""
        tok = self.srv.setup_token
        st, _, _ = self.get("/setup?token=" + tok)
        if st != 200:
            raise RuntimeError("GET /setup: %d" % st)
        st, h, body = self.post("/setup", {"token": tok, "name": name, "login": login,
                                           "password": PASSWORD, "password2": PASSWORD})
        if st != 303:
            raise RuntimeError("POST /setup: %d %s" % (st, body[:300]))
        self.get("/account")
        return self

    def login(self, login):
        self.get("/login")
        st, _, body = self.post("/login", {"login": login, "password": PASSWORD})
        if st != 303:
            raise RuntimeError("POST /login: %d" % st)
        self.get("/account")
        return self

    def new_company(self, name="テスト株式会社", industry="E", employees=30):
        self.get("/c/new")
        st, h, body = self.post("/c/new", {"name": name, "industry": industry,
                                           "employees": str(employees), "notes": ""})
        m = re.match(r"/c/(\d+)/", h.get("location", ""))
        if st != 303 or not m:
            raise RuntimeError("POST /c/new: %d %s" % (st, body[:300]))
        self.get("/account")
        return int(m.group(1))

    def api_token(self, label="script"):
        st, _, body = self.post("/account/tokens", {"label": label})
        m = re.search(rb"<code[^>]*>([0-9a-f]{64})</code>", body)
        if not m:
            raise RuntimeError("POST /account/tokens: %d" % st)
        self.token = m.group(1).decode()
        return self.token


def raw(port, data, timeout=10):
    """Sends bytes on a fresh connection; returns everything read until the
    server closes it (or timeout)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    try:
        s.sendall(data)
        out = b""
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            out += chunk
        return out
    finally:
        s.close()


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


if __name__ == "__main__":
    sys.exit("webtest.py is a module for the test scripts")
