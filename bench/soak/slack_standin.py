"""A Slack stand-in for the soak run: answers chat.postMessage with ok:true and counts the calls (GET /count)."""
import http.server
import json
import sys
import threading

calls = 0
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        global calls
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with lock:
            calls += 1
        self._answer({"ok": True, "channel": "D0SOAK", "ts": "1.0"})

    def do_GET(self):
        self._answer({"calls": calls})

    def _answer(self, payload):
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
