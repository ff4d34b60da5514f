"""The real service for the whole pytest session: the API's Release build, in Production with a fixed API key, on an
embedded PostgreSQL cluster of its own in a temporary directory (like the .NET tests' throwaway cluster), stopped by
its PID at the end. NAKAMURA_MISAKI_TEST_API_URL (+ _KEY) points the tests at a running service instead; then the
tests that reach into the database (backdating a session) are skipped."""

from __future__ import annotations

import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import pytest_asyncio

from nakamura_misaki_client import ApiClient, AsyncApiClient, ClientSettings

REPO = Path(__file__).resolve().parents[3]
API_DLL = REPO / "src/Api/bin/Release/net10.0/NakamuraMisaki.Api.dll"


@dataclass
class Service:
    url: str
    api_key: str
    # A key with the coding agent's scopes only (agent-tasks:read, agent-tasks:write); None against a running service.
    agent_api_key: str | None = None
    data_dir: Path | None = None  # the embedded cluster's directory, when this run started the service
    pg_port: int | None = None

    def psql(self, sql: str) -> str:
        """Runs SQL in the service's database: only to set up states the API cannot produce without a clock."""
        if self.data_dir is None:
            pytest.skip("the service was not started by this run: no database access")
        password = (self.data_dir / "pg" / "superuser.password").read_text().strip()
        psql = shutil.which("psql") or sorted(Path("/usr/lib/postgresql").glob("*/bin/psql"))[-1]
        result = subprocess.run(
            [str(psql), "-XAtq", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", str(self.pg_port), "-U",
             "postgres", "-d", "nakamura_misaki", "-c", sql],
            env={**os.environ, "PGPASSWORD": password}, capture_output=True, text=True, check=True)
        return result.stdout.strip()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(url: str, process: subprocess.Popen, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the API exited with {process.returncode}:\n{log.read_text()[-4000:]}")
        try:
            if httpx.get(f"{url}/health/ready", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"the API was not ready after {seconds} s:\n{log.read_text()[-4000:]}")


def _stop(process: subprocess.Popen, data_dir: Path) -> None:
    process.send_signal(signal.SIGTERM)  # graceful: the API stops its embedded cluster last
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    pid_file = data_dir / "pg" / "pgdata" / "postmaster.pid"
    if pid_file.exists():  # the API died before stopping its cluster: stop the postmaster by its PID
        try:
            os.kill(int(pid_file.read_text().split()[0]), signal.SIGINT)
            time.sleep(2)
        except (ProcessLookupError, ValueError):
            pass


@pytest.fixture(scope="session")
def service() -> Service:
    if url := os.environ.get("NAKAMURA_MISAKI_TEST_API_URL"):
        yield Service(url.rstrip("/"), os.environ["NAKAMURA_MISAKI_TEST_API_KEY"])
        return
    if os.environ.get("NAKAMURA_MISAKI_TEST_NO_BUILD") != "1" or not API_DLL.exists():
        subprocess.run(["dotnet", "build", str(REPO / "src/Api"), "-c", "Release", "--nologo", "-v", "q"],
                       check=True, stdout=subprocess.DEVNULL)
    # Not mkdtemp (0700): the cluster runs as the postgres user when the tests run as root, and must reach it.
    data_dir = Path(tempfile.gettempdir()) / f"nakamura-pytest-{uuid.uuid4().hex}"
    data_dir.mkdir(mode=0o755)
    os.chmod(data_dir, 0o755)
    api_key, agent_key, port, pg_port = secrets.token_hex(24), secrets.token_hex(24), _free_port(), _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ConnectionStrings__", "Auth__"))}
    env.update({
        "ASPNETCORE_ENVIRONMENT": "Production", "ASPNETCORE_URLS": f"http://127.0.0.1:{port}",
        "Database__Embedded__DataDirectory": str(data_dir / "pg"), "Database__Embedded__Port": str(pg_port),
        "Auth__ApiKeys__0__Client": "pytest", "Auth__ApiKeys__0__Sha256": hashlib.sha256(api_key.encode()).hexdigest(),
        "Auth__ApiKeys__1__Client": "pytest-agent", "Auth__ApiKeys__1__Sha256": hashlib.sha256(agent_key.encode()).hexdigest(),
        "Auth__ApiKeys__1__Scopes": "agent-tasks:read agent-tasks:write",
        # Background jobs would change rows under the tests; the tests here are about the adapters.
        "Reminders__Enabled": "false", "Sessions__Cleanup__Enabled": "false", "Embeddings__Backfill__Enabled": "false",
        "Logging__Console__FormatterName": "simple", "Logging__LogLevel__Default": "Warning",
    })
    log = data_dir / "api.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(["dotnet", str(API_DLL)], cwd=API_DLL.parent, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_ready(url, process, log, 180)
        yield Service(url, api_key, agent_key, data_dir, pg_port)
    finally:
        _stop(process, data_dir)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def settings(service: Service) -> ClientSettings:
    return ClientSettings(base_url=service.url, api_key=service.api_key, backoff_seconds=0.05)


@pytest.fixture(scope="session")
def client(settings: ClientSettings) -> ApiClient:
    with ApiClient(settings) as c:
        yield c


@pytest_asyncio.fixture
async def async_client(settings: ClientSettings) -> AsyncApiClient:
    async with AsyncApiClient(settings) as c:
        yield c


def new_user() -> str:
    """A Slack user id of its own per test, so tests share one database without seeing each other's rows."""
    return "U" + uuid.uuid4().hex[:12].upper()
