"""The operator's picture against real components: the API's Release build (Production, its own embedded PostgreSQL
cluster in a temporary directory) with a streaming standby behind its read connection, a stand-in for the embedding
provider and Slack, and Debian's Prometheus on loopback scraping it every second with deploy/prometheus's rules
loaded. A short load makes every counter the dashboard charts move; the tests then ask Prometheus. Everything started
here is stopped by its PID (the standby by pg_ctl, the cluster by the API as it stops)."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parents[2]
API_DLL = REPO / "src/Api/bin/Release/net10.0/NakamuraMisaki.Api.dll"
RULES = REPO / "deploy/prometheus"
DIMENSIONS = 8
READER_PASSWORD = secrets.token_hex(12)


@dataclass
class Stack:
    api: str
    prometheus: str
    api_key: str

    def query(self, expr: str) -> dict:
        """One instant query; the answer's JSON (status, data or error), whatever the HTTP status."""
        return httpx.get(f"{self.prometheus}/api/v1/query", params={"query": expr}, timeout=30).json()


class StandIns(BaseHTTPRequestHandler):
    """An OpenAI-compatible /v1/embeddings (503 while `failing`) and Slack's chat.postMessage (always ok)."""

    protocol_version = "HTTP/1.1"
    failing = False

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", "0"))) or b"{}")
        if self.path.endswith("/embeddings"):
            if StandIns.failing:
                return self._answer(503, {"error": {"message": "down on purpose", "type": "server_error"}})
            inputs = body["input"] if isinstance(body["input"], list) else [body["input"]]
            data = [{"object": "embedding", "index": i, "embedding": [((hash(text) >> k) % 97 + 1) / 97.0
                     for k in range(DIMENSIONS)]} for i, text in enumerate(inputs)]
            return self._answer(200, {"object": "list", "data": data, "model": body.get("model"),
                                      "usage": {"prompt_tokens": 1, "total_tokens": 1}})
        self._answer(200, {"ok": True, "channel": "D0PROM", "ts": "1.0"})

    def _answer(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_postgres(args: list[str]) -> list[str]:
    """The cluster's files belong to 'postgres' when the tests run as root (as the embedded cluster does it)."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _pg_bin() -> Path:
    return sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))[-1].parent


def _wait(what: str, condition, seconds: float, log: Path | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except (httpx.TransportError, subprocess.CalledProcessError):
            pass
        time.sleep(0.5)
    tail = log.read_text()[-4000:] if log and log.exists() else ""
    raise RuntimeError(f"{what} did not happen within {seconds} s\n{tail}")


def _stop(process: subprocess.Popen | None) -> None:
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def stack() -> Stack:
    if not API_DLL.exists() or os.environ.get("NAKAMURA_MISAKI_TEST_NO_BUILD") != "1":
        subprocess.run(["dotnet", "build", str(REPO / "src/Api"), "-c", "Release", "--nologo", "-v", "q"],
                       check=True, stdout=subprocess.DEVNULL)
    work = Path(tempfile.gettempdir()) / f"nakamura-prometheus-{uuid.uuid4().hex}"
    work.mkdir(mode=0o755)
    os.chmod(work, 0o755)
    api_port, pg_port, standby_port, stand_in_port, prom_port = (_free_port() for _ in range(5))
    stand_ins = ThreadingHTTPServer(("127.0.0.1", stand_in_port), StandIns)
    threading.Thread(target=stand_ins.serve_forever, daemon=True).start()
    api = prometheus = None
    standby_data = work / "standby"
    try:
        api_key = secrets.token_hex(24)
        api, api_url = _start_api(work, api_key, api_port, pg_port, standby_port, stand_in_port)
        _start_standby(work, pg_port, standby_port, standby_data)
        prometheus, prom_url = _start_prometheus(work, api_port, prom_port)
        stack = Stack(api_url, prom_url, api_key)
        _load(stack)
        yield stack
    finally:
        _stop(prometheus)
        if (standby_data / "postmaster.pid").exists():
            subprocess.run(_as_postgres([str(_pg_bin() / "pg_ctl"), "stop", "-D", str(standby_data), "-m", "immediate",
                                         "-w"]), capture_output=True)
        _stop(api)  # the API stops its embedded cluster as it stops
        stand_ins.shutdown()
        shutil.rmtree(work, ignore_errors=True)


def _start_api(work: Path, api_key: str, port: int, pg_port: int, standby_port: int, stand_in_port: int):
    stand_in = f"http://127.0.0.1:{stand_in_port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ConnectionStrings__", "Auth__"))}
    env.update({
        "ASPNETCORE_ENVIRONMENT": "Production", "ASPNETCORE_URLS": f"http://127.0.0.1:{port}",
        "Database__Embedded__DataDirectory": str(work / "pg"), "Database__Embedded__Port": str(pg_port),
        # A small pool, so the load makes requests wait for a connection (a series the dashboard charts).
        "Database__MaxPoolSize": "3", "Database__MinPoolSize": "1",
        # The standby first, the primary should it be down; the reader role is made once the cluster exists.
        "ConnectionStrings__ReadOnly": f"Host=127.0.0.1:{standby_port},127.0.0.1:{pg_port};Database=nakamura_misaki;"
                                       f"Username=reader;Password={READER_PASSWORD};Target Session Attributes=prefer-standby",
        "Auth__ApiKeys__0__Client": "prometheus-test", "Auth__ApiKeys__0__Sha256": hashlib.sha256(api_key.encode()).hexdigest(),
        "RateLimiting__PermitsPerSecond": "100", "RateLimiting__Burst": "100",
        "Embeddings__Provider": "OpenAI", "Embeddings__Endpoint": f"{stand_in}/v1", "Embeddings__ApiKey": "stand-in",
        "Embeddings__Model": "stand-in-embedder", "Embeddings__Dimensions": str(DIMENSIONS),
        "Embeddings__TimeoutSeconds": "2", "Embeddings__Backfill__IntervalSeconds": "1",
        "Embeddings__CircuitBreaker__BreakSeconds": "600",
        "Slack__BotToken": "xoxb-stand-in", "Slack__BaseAddress": f"{stand_in}/api/",
        "Reminders__Interval": "00:00:01", "Reminders__LeadTime": "00:00:00",
        "Backup__Directory": str(work / "backups"), "Backup__VerifyAfterBackup": "false",
        "Logging__Console__FormatterName": "simple", "Logging__LogLevel__Default": "Warning",
    })
    log = work / "api.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(["dotnet", str(API_DLL)], cwd=API_DLL.parent, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"

    def ready():
        if process.poll() is not None:
            raise RuntimeError(f"the API exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        return httpx.get(f"{url}/health/ready", timeout=5).status_code == 200

    _wait("the API's readiness", ready, 180, log)
    return process, url


def _psql(work: Path, pg_port: int, sql: str) -> str:
    password = (work / "pg" / "superuser.password").read_text().strip()
    result = subprocess.run([str(_pg_bin() / "psql"), "-XAtq", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                             str(pg_port), "-U", "postgres", "-d", "nakamura_misaki", "-c", sql],
                            env={**os.environ, "PGPASSWORD": password}, capture_output=True, text=True, check=True)
    return result.stdout.strip()


def _start_standby(work: Path, pg_port: int, standby_port: int, data: Path) -> None:
    """pg_basebackup -R of the API's cluster, as tests/IntegrationTests/Support/StreamingStandby.cs makes one."""
    _psql(work, pg_port, f"CREATE ROLE reader LOGIN PASSWORD '{READER_PASSWORD}' IN ROLE pg_read_all_data")
    password = (work / "pg" / "superuser.password").read_text().strip()
    run = work / "standby-run"
    for directory in (run, data):
        directory.mkdir(mode=0o700)
        if os.geteuid() == 0:
            shutil.chown(directory, "postgres", "postgres")
    bin_dir = _pg_bin()
    for command in (
        [str(bin_dir / "pg_basebackup"), "-D", str(data), "-R", "-X", "stream", "-c", "fast",
         "-d", f"host=127.0.0.1 port={pg_port} user=postgres password={password}"],
        [str(bin_dir / "pg_ctl"), "start", "-D", str(data), "-l", str(run / "postgres.log"), "-w", "-t", "60",
         "-o", f"-p {standby_port} -c max_connections=300 -c listen_addresses=127.0.0.1 -k {run} -c fsync=off"],
    ):
        result = subprocess.run(_as_postgres(command), capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed ({result.returncode}): {result.stdout}{result.stderr}")


def _start_prometheus(work: Path, api_port: int, port: int):
    config = work / "prometheus.yml"
    config.write_text(json.dumps({  # JSON is YAML
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(RULES / "recording.yml"), str(RULES / "alerts.yml")],
        "scrape_configs": [{"job_name": "nakamura-misaki", "static_configs": [{"targets": [f"127.0.0.1:{api_port}"]}]}],
    }))
    log = work / "prometheus.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(
            ["prometheus", f"--config.file={config}", f"--storage.tsdb.path={work / 'tsdb'}",
             f"--web.listen-address=127.0.0.1:{port}"], stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    _wait("Prometheus's readiness", lambda: httpx.get(f"{url}/-/ready", timeout=2).status_code == 200, 60, log)
    return process, url


def _load(stack: Stack) -> None:
    """About half a minute of traffic that makes every charted counter move, provider up and then down."""
    headers = {"Authorization": f"Bearer {stack.api_key}", "X-Slack-User-Id": "UPROM0001"}
    with httpx.Client(base_url=stack.api, headers=headers, timeout=30) as api, ThreadPoolExecutor(16) as pool:
        def task_round(i: int) -> None:
            created = api.post("/api/v1/tasks", json={"title": f"load {i}", "assignee_user_id": "UPROM0001"})
            if created.status_code != 201:  # rate-limited: the round still counted
                return
            task = created.json()["id"]
            api.get(f"/api/v1/tasks/{task}")
            api.get("/api/v1/tasks", params={"assignee": "UPROM0001"})
            api.patch(f"/api/v1/tasks/{task}", json={"description": "patched"})
            api.get(f"/api/v1/tasks/{uuid.uuid4()}")  # 404
            api.get("/health/ready")  # refreshes the replay lag

        def note_round(i: int) -> None:
            api.post("/api/v1/notes", json={"content": f"note {i} about the quarterly report", "category": "work"})
            for mode in ("hybrid", "vector", "text"):
                api.get("/api/v1/notes/search", params={"q": "quarterly report", "mode": mode})

        for round_ in (task_round, note_round):
            list(pool.map(round_, range(40)))
        time.sleep(2)  # the rate limit's bucket refills: what follows must not be refused by it
        api.post("/api/v1/handoffs", json={"to_user_id": "UPROM0002", "progress_note": "half done",
                                           "next_steps": "finish it"})
        key = {"Idempotency-Key": str(uuid.uuid4())}
        body = {"title": "once", "assignee_user_id": "UPROM0001"}
        for _ in range(2):
            api.post("/api/v1/tasks", json=body, headers=key)  # 201, then replayed
        api.post("/api/v1/tasks", json={**body, "title": "other"}, headers=key)  # 422: the key reused
        httpx.get(f"{stack.api}/api/v1/tasks")  # 401: no key
        httpx.get(f"{stack.api}/api/v1/tasks", headers={"Authorization": "Bearer not-a-key"})  # 401: unknown key
        list(pool.map(lambda _: api.get("/api/v1/tasks/overdue"), range(400)))  # beyond 100/s + 100: 429s

        StandIns.failing = True  # the provider goes down: the breaker opens, searches answer by text
        for i in range(5):
            api.post("/api/v1/notes", json={"content": f"unembedded note {i}", "category": "work"})
            api.get("/api/v1/notes/search", params={"q": "unembedded note"})
    # The jobs' passes (every second here) have counted the backlog and sent the reminder, Prometheus has scraped
    # it all, and the rules have been evaluated on it.
    for what in ("nakamura_misaki_embedding_backlog > 0", "nakamura_misaki_reminders_total{outcome=\"sent\"} > 0",
                 "nakamura_misaki_notes_search_degraded_total > 0", "nakamura_misaki_database_replay_lag_bytes"):
        _wait(what, lambda: stack.query(what)["data"]["result"], 120)
    time.sleep(3)
