"""Writers of the kill drill (bench/kill/run.sh): 4 threads create tasks, notes and message appends, every one with an
Idempotency-Key, and retry every unanswered or 503-answered request with the same key until it is answered. Each write
carries its key in its text, so `check` can count in the database how often each was stored.

  writers.py write ROUND PORT STOP_FILE OUT.json   (runs until STOP_FILE exists, then finishes its retries)
  writers.py check ROUND OUT.json                       (reads the database through psql; prints the counts, exits 1 on a fault)
"""
import json
import os
import subprocess
import sys
import threading
import time
import uuid

WRITERS = 4
GIVE_UP_SECONDS = 180  # a request still unanswered this long after the stop is reported as unanswered


def write(round_name, port, stop_file, out):
    base = f"http://127.0.0.1:{port}"
    key = os.environ["BENCH_API_KEY"]
    results, lock = [], threading.Lock()

    def writer(n):
        import httpx
        user = f"UKILL{n:03d}"
        session = f"kill-{round_name}-{n}"
        headers = {"Authorization": f"Bearer {key}", "X-Slack-User-Id": user}
        with httpx.Client(base_url=base, headers=headers, timeout=5.0) as client:
            send(client, "POST", "/api/v1/sessions", {"session_id": session}, str(uuid.uuid4()), None, True)
            i = 0
            while not os.path.exists(stop_file):
                i += 1
                idem = f"kill-{round_name}-{n}-{i}-{uuid.uuid4().hex[:8]}"
                kind = ("task", "note", "message")[i % 3]
                path, body = {
                    "task": ("/api/v1/tasks", {"title": idem, "assignee_user_id": user}),
                    "note": ("/api/v1/notes", {"content": idem}),
                    "message": (f"/api/v1/sessions/{session}/messages", {"role": "user", "content": idem}),
                }[kind]
                result = send(client, "POST", path, body, idem, stop_file, False)
                result.update(kind=kind, key=idem, session=session)
                with lock:
                    results.append(result)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with open(out, "w") as f:
        json.dump(results, f)


def send(client, method, path, body, idem, stop_file, must):
    """Sends until answered (anything but a 503 or no answer); records what happened on the way."""
    attempts, unanswered, statuses, stopped_at = 0, 0, {}, None
    while True:
        attempts += 1
        try:
            r = client.request(method, path, json=body, headers={"Idempotency-Key": idem})
        except httpx_errors():
            unanswered += 1
            time.sleep(0.2)
        else:
            statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
            if r.status_code == 503:
                statuses["503 without Retry-After"] = statuses.get("503 without Retry-After", 0) + ("retry-after" not in r.headers)
                time.sleep(min(float(r.headers.get("retry-after", "1")), 1.0))
            elif r.status_code >= 500 or r.status_code == 409:
                time.sleep(0.2)  # 5xx other than 503 is a fault (counted); 409: the key's first attempt still in flight
            else:
                if must and r.status_code >= 300:
                    raise SystemExit(f"{path}: {r.status_code} {r.text}")
                data = r.json() if r.status_code < 300 else {}
                return dict(status=r.status_code, id=str(data.get("id", data.get("seq", ""))), attempts=attempts,
                            unanswered=unanswered, statuses=statuses,
                            replayed=r.headers.get("idempotent-replayed") == "true")
        if stop_file and os.path.exists(stop_file):
            stopped_at = stopped_at or time.monotonic()
            if time.monotonic() - stopped_at > GIVE_UP_SECONDS:
                return dict(status=None, id="", attempts=attempts, unanswered=unanswered, statuses=statuses, replayed=False)


def httpx_errors():
    import httpx
    return (httpx.TransportError,)


def psql_rows(sql):
    out = subprocess.run(["psql", "-XAt", "-F", "\t", "-c", sql], check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def check(round_name, out):
    results = json.load(open(out))
    like = f"'kill-{round_name}-%'"
    stored = {}
    for key, ident in psql_rows(f"SELECT title, id::text FROM tasks WHERE title LIKE {like} "
                                f"UNION ALL SELECT content, id::text FROM notes WHERE content LIKE {like} "
                                f"UNION ALL SELECT content, seq::text FROM session_messages WHERE content LIKE {like}"):
        stored.setdefault(key, []).append(ident)
    acknowledged = [r for r in results if r["status"] is not None and 200 <= r["status"] < 300]
    retried = [r for r in acknowledged if r["attempts"] > 1]
    faults = {
        "unanswered at the end": sum(r["status"] is None for r in results),
        "answered other than 2xx": sum(r["status"] is not None and not 200 <= r["status"] < 300 for r in results),
        "acknowledged but not stored": sum(r["key"] not in stored for r in acknowledged),
        "duplicates": sum(len(ids) - 1 for ids in stored.values()),
        "answered with another id than stored": sum(stored.get(r["key"], [r["id"]])[0] != r["id"] for r in acknowledged),
        "5xx other than 503": sum(n for r in results for s, n in r["statuses"].items() if str(s).isdigit() and int(s) >= 500 and int(s) != 503),
        "503 without Retry-After": sum(r["statuses"].get("503 without Retry-After", 0) for r in results),
    }
    counts = {
        "writes acknowledged": len(acknowledged),
        "retried (answered after an unanswered, 503 or 409 attempt)": len(retried),
        "  of them answered as replays (Idempotent-Replayed: true)": sum(r["replayed"] for r in retried),
        "attempts unanswered (connection refused/reset, timeout)": sum(r["unanswered"] for r in results),
        "answers 503 (with Retry-After)": sum(r["statuses"].get("503", r["statuses"].get(503, 0)) for r in results),
        "answers 409 (key in flight)": sum(r["statuses"].get("409", r["statuses"].get(409, 0)) for r in results),
        "stored (distinct writes found in the database)": len(stored),
    }
    for name, value in {**counts, **faults}.items():
        print(f"  {name}: {value}")
    return 1 if any(faults.values()) else 0


if __name__ == "__main__":
    if sys.argv[1] == "write":
        write(*sys.argv[2:6])
    else:
        sys.exit(check(sys.argv[2], sys.argv[3]))
