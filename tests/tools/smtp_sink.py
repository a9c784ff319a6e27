#!/usr/bin/env python3
"""tests/tools/smtp_sink.py — a small SMTP server on 127.0.0.1 for the tests:
it accepts mail and writes each message to DIR/NNNN.eml (the envelope first,
as X-Envelope-From / X-Envelope-To lines), or refuses.

  smtp_sink.py --dir DIR --port-file FILE [--refuse CODE] [--refuse-first N]
               [--auth USER:PASS]

--refuse CODE      answer MAIL FROM with CODE (e.g. 451 or 554) every time
--refuse-first N   refuse only the first N sessions, then accept
--auth USER:PASS   offer AUTH PLAIN and accept only these credentials
Each refusal is appended to DIR/refused.log.  The port (chosen by the
system) is written to FILE once the server listens.  Stops on SIGTERM."""
import argparse, base64, os, signal, socketserver, sys, threading

ap = argparse.ArgumentParser()
ap.add_argument("--dir", required=True)
ap.add_argument("--port-file", required=True)
ap.add_argument("--refuse", type=int, default=0)
ap.add_argument("--refuse-first", type=int, default=-1)
ap.add_argument("--auth", default="")
args = ap.parse_args()
os.makedirs(args.dir, exist_ok=True)
lock = threading.Lock()
state = {"n": 0, "sessions": 0}


def refusing():
    with lock:
        state["sessions"] += 1
        if args.refuse_first >= 0:
            return state["sessions"] <= args.refuse_first
        return args.refuse != 0


class Handler(socketserver.StreamRequestHandler):
    def say(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.say("220 sink.test ESMTP test sink")
        mail_from, rcpts, authed = None, [], not args.auth
        refuse = None
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line[:4].upper()
            if verb in ("EHLO", "HELO"):
                if verb == "EHLO":
                    self.say("250-sink.test")
                    self.say("250-8BITMIME")
                    if args.auth:
                        self.say("250-AUTH PLAIN")
                    self.say("250 SMTPUTF8")
                else:
                    self.say("250 sink.test")
            elif verb == "AUTH":
                parts = line.split()
                cred = parts[2] if len(parts) > 2 else None
                if cred is None:
                    self.say("334 ")
                    cred = self.rfile.readline().decode().strip()
                try:
                    _, user, pw = base64.b64decode(cred).decode().split("\0")
                except Exception:
                    user = pw = None
                if args.auth and f"{user}:{pw}" == args.auth:
                    authed = True
                    self.say("235 2.7.0 Authentication successful")
                else:
                    self.say("535 5.7.8 Authentication credentials invalid")
            elif verb == "MAIL":
                if not authed:
                    self.say("530 5.7.0 Authentication required")
                    continue
                if refuse is None:
                    refuse = refusing()
                if refuse:
                    code = args.refuse or 451
                    with open(os.path.join(args.dir, "refused.log"), "a") as f:
                        f.write(line + "\n")
                    self.say(f"{code} 4.3.0 test sink refuses this mail" if code < 500 else f"{code} 5.7.1 test sink refuses this mail")
                    continue
                mail_from, rcpts = line[10:].strip(), []
                self.say("250 2.1.0 Ok")
            elif verb == "RCPT":
                rcpts.append(line[8:].strip())
                self.say("250 2.1.5 Ok")
            elif verb == "DATA":
                self.say("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    if l.startswith(b".."):
                        l = l[1:]
                    body.append(l)
                with lock:
                    state["n"] += 1
                    n = state["n"]
                path = os.path.join(args.dir, "%04d.eml" % n)
                with open(path + ".tmp", "wb") as f:
                    f.write(f"X-Envelope-From: {mail_from}\r\n".encode())
                    for r in rcpts:
                        f.write(f"X-Envelope-To: {r}\r\n".encode())
                    f.write(b"".join(body))
                os.rename(path + ".tmp", path)
                self.say("250 2.0.0 Ok: queued")
            elif verb == "RSET":
                mail_from, rcpts = None, []
                self.say("250 2.0.0 Ok")
            elif verb == "NOOP":
                self.say("250 2.0.0 Ok")
            elif verb == "QUIT":
                self.say("221 2.0.0 Bye")
                return
            else:
                self.say("502 5.5.2 Error: command not recognized")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


srv = Server(("127.0.0.1", 0), Handler)
signal.signal(signal.SIGTERM, lambda *a: (srv.server_close(), sys.exit(0)))
with open(args.port_file + ".tmp", "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(args.port_file + ".tmp", args.port_file)
srv.serve_forever()
