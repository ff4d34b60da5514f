"""Repeats on 503/429 with Retry-After, bounded. The real service answers 503 only while its database is away, which a
test cannot time, so a tiny local HTTP server answers from a script here (the only test not against the service)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from nakamura_misaki_client import (ApiClient, ApiUnreachable, AsyncApiClient, ClientSettings, RateLimited,
                                    ServiceUnavailable)
from nakamura_misaki_client.client import Repeat


class ScriptedServer:
    """Answers each request with the next (status, headers) of its script, then 200 {"ok": true}; records requests.
    The status 0 closes the connection without answering (a lost answer)."""

    def __init__(self, script: list[tuple[int, dict[str, str]]]) -> None:
        self.script, self.requests = list(script), []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                outer.requests.append((self.command, dict(self.headers), self.rfile.read(length)))
                status, headers = outer.script.pop(0) if outer.script else (200, {})
                if status == 0:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                body = json.dumps({"ok": True} if status < 400 else {"title": "Service unavailable", "status": status})
                self.send_response(status)
                for name, value in {"Content-Type": "application/json", **headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body.encode())

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def scripted():
    servers = []

    def start(*script: tuple[int, dict[str, str]]) -> ScriptedServer:
        servers.append(ScriptedServer(list(script)))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def settings_for(server: ScriptedServer, **overrides) -> ClientSettings:
    return ClientSettings(base_url=server.url, api_key="k", backoff_seconds=0.01, **{"max_retries": 2, **overrides})


UNAVAILABLE = (503, {"Retry-After": "1"})


def test_a_503_with_retry_after_is_repeated_after_waiting_and_then_succeeds(scripted):
    server = scripted(UNAVAILABLE)
    with ApiClient(settings_for(server)) as client:
        started = time.monotonic()
        response = client.send("GET", "/api/v1/tasks", Repeat.ALWAYS, acting_user="U1")
        waited = time.monotonic() - started

    assert response.body == {"ok": True} and len(server.requests) == 2 and waited >= 1.0
    assert server.requests[0][1]["Authorization"] == "Bearer k" and server.requests[0][1]["X-Slack-User-Id"] == "U1"


def test_the_repeats_are_bounded_and_then_raise_the_typed_error(scripted):
    server = scripted((503, {"Retry-After": "0"}), (503, {"Retry-After": "0"}), (503, {"Retry-After": "0"}))
    with ApiClient(settings_for(server)) as client, pytest.raises(ServiceUnavailable) as failure:
        client.send("GET", "/x", Repeat.ALWAYS)

    assert len(server.requests) == 3 and failure.value.status == 503 and failure.value.retry_after == 0


def test_a_retry_after_longer_than_the_cap_is_raised_at_once(scripted):
    server = scripted((429, {"Retry-After": "120"}))
    with ApiClient(settings_for(server)) as client, pytest.raises(RateLimited) as failure:
        client.send("GET", "/x", Repeat.ALWAYS)

    assert len(server.requests) == 1 and failure.value.retry_after == 120


@pytest.mark.asyncio
async def test_a_create_repeated_after_a_429_sends_the_same_idempotency_key(scripted):
    server = scripted((429, {"Retry-After": "0"}))
    async with AsyncApiClient(settings_for(server)) as client:
        await client.send("POST", "/api/v1/tasks", Repeat.CREATE, json={"title": "t"})
        await client.send("POST", "/api/v1/tasks", Repeat.CREATE, json={"title": "t"})

    keys = [headers["Idempotency-Key"] for _, headers, _ in server.requests]
    assert len(keys) == 3 and keys[0] == keys[1] != keys[2]  # one key per logical create, reused on its repeat


def test_a_create_whose_answer_was_lost_is_repeated_with_its_key_unless_switched_off(scripted):
    server = scripted((0, {}))
    with ApiClient(settings_for(server, retry_creates=False)) as client, pytest.raises(ApiUnreachable) as failure:
        client.send("POST", "/api/v1/tasks", Repeat.CREATE, json={"title": "t"})
    assert len(server.requests) == 1 and failure.value.may_have_been_applied

    server = scripted((0, {}))
    with ApiClient(settings_for(server)) as client:  # the default: the service honours Idempotency-Key
        client.send("POST", "/api/v1/tasks", Repeat.CREATE, json={"title": "t"})
    keys = [headers["Idempotency-Key"] for _, headers, _ in server.requests]
    assert len(keys) == 2 and keys[0] == keys[1]
