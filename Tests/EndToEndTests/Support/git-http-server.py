#!/usr/bin/env python3
"""A git server for tests: git-http-backend (git's own CGI) behind HTTP basic authentication.

Usage: git-http-server.py PROJECT_ROOT USERS_FILE
USERS_FILE holds `user:password` lines (a user name may contain colons: the password is what
follows the last one). Listens on 127.0.0.1 on a free port, prints the port on the first line of
standard output, and serves until killed or until its standard input closes (the test process
that started it ended). REMOTE_USER is set from the Authorization header, as a web server in
front of git-http-backend would; requests without valid credentials get 401, so git retries with
the credentials in the URL. The user `anonymous` is let through without REMOTE_USER, as a server
allowing anonymous pushes would (git-http-backend then needs `http.receivepack`): such a push is
identified only by its push certificate. The body of every push to `NAME.git` is kept in
`PROJECT_ROOT/NAME.requests/` when that directory exists, so a test can replay it.
"""
import base64
import http.server
import os
import signal
import subprocess
import sys
import threading

BACKEND = "/usr/lib/git-core/git-http-backend"
# The test runner may start us with SIGTERM blocked; the test stops us with it.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
ROOT = sys.argv[1]
USERS = dict(line.strip().rsplit(":", 1) for line in open(sys.argv[2]) if ":" in line)
ANONYMOUS = "anonymous"


def exit_when_stdin_closes():
    while sys.stdin.buffer.read(4096):
        pass
    os._exit(0)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def user(self):
        header = self.headers.get("Authorization", "")
        if not header.startswith("Basic "):
            return None
        name, _, password = base64.b64decode(header[6:]).decode().rpartition(":")
        return name if USERS.get(name) == password else None

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def handle_any(self):
        body = self.body() if self.command == "POST" else b""
        user = self.user()
        if user is None:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="welltree"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        path, _, query = self.path.partition("?")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": os.environ.get("HOME", "/"),
            "GIT_PROJECT_ROOT": ROOT,
            "GIT_HTTP_EXPORT_ALL": "1",
            "REMOTE_ADDR": "127.0.0.1",
            "REQUEST_METHOD": self.command,
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "CONTENT_TYPE": self.headers.get("Content-Type", ""),
            "CONTENT_LENGTH": str(len(body)),
            "GIT_PROTOCOL": self.headers.get("Git-Protocol", ""),
        }
        if user != ANONYMOUS:
            env["REMOTE_USER"] = user
        if self.command == "POST" and path.endswith("/git-receive-pack"):
            self.keep(path, body)
        if self.headers.get("Content-Encoding"):
            env["HTTP_CONTENT_ENCODING"] = self.headers["Content-Encoding"]
        for key in ("GIT_CONFIG_NOSYSTEM", "XDG_CONFIG_HOME"):
            if key in os.environ:
                env[key] = os.environ[key]
        result = subprocess.run([BACKEND], input=body, env=env, capture_output=True)
        sys.stderr.buffer.write(result.stderr)
        head, _, payload = result.stdout.partition(b"\r\n\r\n")
        if not _:
            head, _, payload = result.stdout.partition(b"\n\n")
        status = 200
        headers = []
        for line in head.decode("latin-1").splitlines():
            key, _, value = line.partition(":")
            if key.lower() == "status":
                status = int(value.strip().split()[0])
            elif key:
                headers.append((key, value.strip()))
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def keep(self, path, body):
        """Keeps a push's request body (headers needed to replay it beside it) when asked to."""
        directory = os.path.join(ROOT, path.strip("/").split("/")[0].removesuffix(".git") + ".requests")
        if not os.path.isdir(directory):
            return
        name = os.path.join(directory, "%04d" % len(os.listdir(directory)))
        with open(name + ".body", "wb") as f:
            f.write(body)
        with open(name + ".headers", "w") as f:
            for key in ("Content-Type", "Content-Encoding", "Git-Protocol"):
                if self.headers.get(key):
                    f.write("%s: %s\n" % (key, self.headers[key]))

    do_GET = handle_any
    do_POST = handle_any


threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
