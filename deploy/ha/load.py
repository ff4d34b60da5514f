#!/usr/bin/python3
"""Mixed load for the failover drill: writers create tasks, readers list and search, spread over the API instances.
Writes every answer as a line "t status kind id seconds" (t: seconds since the start, when the answer came) to the output file until the stop file
appears. Standard library only (Debian's python3)."""
import json, os, sys, threading, time, urllib.request, urllib.error

urls, key, out, stop_file = sys.argv[1].split(","), sys.argv[2], sys.argv[3], sys.argv[4]
start = time.monotonic()
lock = threading.Lock()
lines = open(out, "w", buffering=1)

def call(method, url, body=None):
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + key, "X-Slack-User-Id": "U0DRILL01",
                                              "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()
    except Exception:
        return 0, b""  # no HTTP answer at all (connection refused or reset)

def record(began, status, kind, ident="-"):
    now = time.monotonic()
    with lock:
        lines.write(f"{now - start:.3f} {status} {kind} {ident} {now - began:.3f}\n")

def writer(n):
    i = 0
    while not os.path.exists(stop_file):
        began = time.monotonic()
        status, body = call("POST", urls[(n + i) % len(urls)] + "/api/v1/tasks",
                            {"title": f"drill {n}-{i}", "assignee_user_id": "U0DRILL01"})
        record(began, status, "write", json.loads(body)["id"] if status == 201 else "-")
        i += 1
        if status != 201:
            time.sleep(0.05)

def reader(n):
    i = 0
    while not os.path.exists(stop_file):
        path = "/api/v1/tasks?assignee=U0DRILL01&limit=20" if i % 2 else "/api/v1/tasks/search?q=drill&limit=20"
        began = time.monotonic()
        status, _ = call("GET", urls[(n + i) % len(urls)] + path)
        record(began, status, "read")
        i += 1
        if status != 200:
            time.sleep(0.05)

threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)] + \
          [threading.Thread(target=reader, args=(n,)) for n in range(2)]
for t in threads: t.start()
for t in threads: t.join()
