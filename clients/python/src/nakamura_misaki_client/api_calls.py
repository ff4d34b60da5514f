"""What one API call is, when it may be repeated, and what its answer becomes: shared by the sync and async clients,
which only differ in how they wait."""

from __future__ import annotations

import enum
import random
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone
from typing import Any, Generator, Mapping
from urllib.parse import unquote

import httpx

from .errors import ApiUnreachable, error_for
from .settings import ClientSettings

ACTING_USER_HEADER = "X-Slack-User-Id"
IDEMPOTENCY_KEY_HEADER = "Idempotency-Key"


class Repeat(enum.Enum):
    """Which failures a call may be sent again after. 429 and 503 are always repeated: the service answers them
    before doing anything (nothing is written by a request that fails)."""

    # GET, DELETE, PATCH (a JSON Merge Patch of fixed values): the same request twice has the effect of once.
    ALWAYS = "always"
    # A create or a message append: carries an Idempotency-Key, the same one on every attempt. Repeated after an
    # ambiguous failure only when ClientSettings.retry_creates is on (the default: the service honours the key on
    # every operation that creates, with one store, ADR 0023).
    CREATE = "create"
    # Transitions, counters, touches: a second delivery would act twice (or answer 409), so an ambiguous failure is
    # raised as ApiUnreachable(may_have_been_applied=True).
    ONLY_UNPROCESSED = "only-unprocessed"


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    repeat: Repeat
    acting_user: str | None = None
    params: Mapping[str, Any] | None = None
    json: Any = None
    # The resource whose ETag is sent as If-Match (the version this client last saw) and refreshed from the answer.
    versioned: str | None = None
    # False: only refresh the version from the answer (a registration, where If-Match would mean "must exist").
    send_version: bool = True
    idempotency_key: str | None = field(default=None)


@dataclass(frozen=True)
class ApiResponse:
    status: int
    body: Any
    etag: str | None


def new_call(method: str, path: str, repeat: Repeat, **kwargs: Any) -> Call:
    key = str(uuid.uuid4()) if repeat is Repeat.CREATE else None  # one per logical create, reused on every attempt
    return Call(method, path, repeat, idempotency_key=key, **kwargs)


class VersionCache:
    """The last ETag seen per resource path, so that writes carry If-Match without the caller tracking versions.
    Bounded: the oldest entries go first (a forgotten version only means a write without If-Match)."""

    def __init__(self, capacity: int = 10_000) -> None:
        self._etags: OrderedDict[str, str] = OrderedDict()
        self._capacity = capacity
        self._lock = threading.Lock()  # the sync client may be shared by threads

    def get(self, path: str) -> str | None:
        return self._etags.get(unquote(path))

    def remember(self, path: str, etag: str | None) -> None:
        path = unquote(path)  # a Location header and our own quoting spell a path alike
        with self._lock:
            self._etags.pop(path, None)
            if etag is not None:
                self._etags[path] = etag
            while len(self._etags) > self._capacity:
                self._etags.popitem(last=False)


class Exchange:
    """Builds requests, decides on repeats, turns answers into ApiResponse or typed exceptions."""

    def __init__(self, settings: ClientSettings) -> None:
        self.settings = settings
        self.versions = VersionCache()

    def client_options(self) -> dict[str, Any]:
        return {
            "base_url": self.settings.base_url.rstrip("/"),
            "timeout": httpx.Timeout(self.settings.timeout_seconds),
            "headers": {"Authorization": f"Bearer {self.settings.api_key}", "Accept": "application/json",
                        "User-Agent": "nakamura-misaki-client/0.1"},
        }

    def request_arguments(self, call: Call) -> dict[str, Any]:
        headers = {}
        if call.acting_user is not None:
            headers[ACTING_USER_HEADER] = call.acting_user
        if call.idempotency_key is not None:
            headers[IDEMPOTENCY_KEY_HEADER] = call.idempotency_key
        if call.versioned is not None and call.send_version and (etag := self.versions.get(call.versioned)) is not None:
            headers["If-Match"] = etag
        arguments: dict[str, Any] = {"headers": headers, "params": _query(call.params)}
        if call.json is not None:
            arguments["json"] = call.json
        return arguments

    def attempts(self, call: Call) -> Generator[float, httpx.Response | httpx.TransportError, ApiResponse]:
        """The one call's retry loop without its I/O, shared by the sync and async clients: send it each attempt's
        outcome (the answer, or the transport error); it yields the seconds to wait before sending again, returns
        the final ApiResponse, or raises the typed error."""
        attempt = 0
        outcome = yield 0.0
        while True:
            if isinstance(outcome, httpx.TransportError):
                delay = self._delay_after_failure(call, outcome, attempt)
                if delay is None:
                    raise self._unreachable(call, outcome) from outcome
            else:
                delay = self._delay_after_answer(outcome, attempt)
                if delay is None:
                    return self._finish(call, outcome)
            attempt += 1
            outcome = yield delay

    def _delay_after_answer(self, response: httpx.Response, attempt: int) -> float | None:
        """Seconds to wait before the next attempt, or None to take this answer as final."""
        if response.status_code not in (429, 503) or attempt >= self.settings.max_retries:
            return None
        retry_after = _retry_after(response)
        if retry_after is None:
            return self._backoff(attempt)
        return retry_after if retry_after <= self.settings.max_retry_after_seconds else None

    def _delay_after_failure(self, call: Call, error: httpx.TransportError, attempt: int) -> float | None:
        if attempt >= self.settings.max_retries:
            return None
        if _never_sent(error) or call.repeat is Repeat.ALWAYS:
            return self._backoff(attempt)
        if call.repeat is Repeat.CREATE and self.settings.retry_creates:
            return self._backoff(attempt)
        return None

    def _unreachable(self, call: Call, error: httpx.TransportError) -> ApiUnreachable:
        return ApiUnreachable(f"{call.method} {call.path}: {type(error).__name__}: {error}",
                              may_have_been_applied=not _never_sent(error))

    def _finish(self, call: Call, response: httpx.Response) -> ApiResponse:
        body = _json_or_text(response)
        etag = response.headers.get("ETag")
        if response.is_success:
            if call.versioned is not None:
                self.versions.remember(call.versioned, etag)  # no ETag (204): the version is gone or unknown
            elif call.method == "GET" or (response.status_code == 201 and "Location" in response.headers):
                self.versions.remember(call.path if call.method == "GET" else _path_of(response.headers["Location"]),
                                       etag)
            return ApiResponse(response.status_code, body, etag)
        if response.status_code in (404, 412) and call.versioned is not None:
            self.versions.remember(call.versioned, None)
        raise error_for(response.status_code, body, _retry_after(response))

    def _backoff(self, attempt: int) -> float:
        return self.settings.backoff_seconds * (2 ** attempt) * (0.5 + random.random() / 2)


def _path_of(location: str) -> str:
    return httpx.URL(location).path


def _query(params: Mapping[str, Any] | None) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, value in (params or {}).items():
        for item in value if isinstance(value, (list, tuple)) else [value]:
            if item is not None:
                pairs.append((name, str(item).lower() if isinstance(item, bool) else str(item)))
    return pairs


def _never_sent(error: httpx.TransportError) -> bool:
    # Failing to connect (or to get a pooled connection) means the request never reached the service.
    return isinstance(error, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:  # the HTTP-date form
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds())
    except (TypeError, ValueError):
        return None


def _json_or_text(response: httpx.Response) -> Any:
    if not response.content:
        return None
    if "json" in response.headers.get("Content-Type", ""):
        return response.json()
    return response.text
