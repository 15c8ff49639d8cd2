"""fn-python: the fn-static contract (INIT_MS, INIT_WORK, EXEC_MS, PORT, BIND_ADDR; GET / and /healthz;
X-Fn-Init-Ns and X-Fn-Listen-Mono-Ns headers) in CPython on a debootstrap minbase rootfs.
Init is measured from the first line of this script; time.monotonic_ns() is CLOCK_MONOTONIC."""
import time

T0 = time.monotonic_ns()

import os
import sys
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def env_int(name):
    v = os.environ.get(name, "").strip()
    return int(v) if v else 0


INIT_MS, INIT_WORK, EXEC_MS = env_int("INIT_MS"), env_int("INIT_WORK"), env_int("EXEC_MS")
PORT = env_int("PORT") or 8080
BIND = os.environ.get("BIND_ADDR", "")

if INIT_MS > 0:
    time.sleep(INIT_MS / 1000.0)
SUM = 0
if INIT_WORK > 0:  # real work: write N MiB, checksum it
    buf = bytearray(INIT_WORK << 20)
    for i in range(0, len(buf), 4096):
        buf[i] = (i >> 12) & 0xFF
    SUM = zlib.crc32(buf)
    del buf


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path not in ("/", "/healthz"):
            return self.answer(404, b"not found\n")
        if path == "/" and EXEC_MS > 0:
            time.sleep(EXEC_MS / 1000.0)
        self.answer(200, b"ok\n")

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.send_header("X-Fn-Name", "fn-python")
        self.send_header("X-Fn-Init-Ns", str(T1 - T0))
        self.send_header("X-Fn-Listen-Mono-Ns", str(T1))
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    allow_reuse_address = True
    request_queue_size = 128
    daemon_threads = True


server = Server((BIND or "0.0.0.0", PORT), Handler)  # binds and listens
T1 = time.monotonic_ns()
print("fn-python: listening on %d after %.3f ms (INIT_MS=%d INIT_WORK=%d MiB sum=%x)"
      % (PORT, (T1 - T0) / 1e6, INIT_MS, INIT_WORK, SUM), file=sys.stderr, flush=True)
server.serve_forever()
