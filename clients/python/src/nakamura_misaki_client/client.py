"""The HTTP clients: `ApiClient` (sync, for the coding agent) and `AsyncApiClient` (for the Slack bot). Both send the
API key, the acting user, an Idempotency-Key on creates and If-Match on versioned writes, repeat what may be repeated
(api_calls.Repeat) a bounded number of times, and raise errors.ApiError subclasses for problem details."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from .api_calls import ApiResponse, Exchange, Repeat, new_call
from .settings import ClientSettings

__all__ = ["ApiClient", "AsyncApiClient", "Repeat"]


class _ClientBase:
    _http_type: type = httpx.Client

    def __init__(self, settings: ClientSettings, *, transport: Any = None) -> None:
        """`transport`: an httpx transport of the matching kind (sync or async), for tests or proxies."""
        self._exchange = Exchange(settings)
        self._http = self._http_type(transport=transport, **self._exchange.client_options())

    @classmethod
    def from_env(cls):
        return cls(ClientSettings.from_env())

    @property
    def settings(self) -> ClientSettings:
        return self._exchange.settings

    def etag_of(self, path: str) -> str | None:
        """The ETag this client last saw for a resource (sent as If-Match on its next write)."""
        return self._exchange.versions.get(path)

    def forget_version(self, path: str) -> None:
        """After a write that changes the resource but returns no ETag (a counter report), so that the next write
        does not send a version known to be stale."""
        self._exchange.versions.remember(path, None)


class ApiClient(_ClientBase):
    def send(self, method: str, path: str, repeat: Repeat, **kwargs: Any) -> ApiResponse:
        call = new_call(method, path, repeat, **kwargs)
        steps = self._exchange.attempts(call)
        delay = next(steps)
        while True:
            time.sleep(delay)
            try:
                outcome = self._http.request(call.method, call.path, **self._exchange.request_arguments(call))
            except httpx.TransportError as error:
                outcome = error
            try:
                delay = steps.send(outcome)
            except StopIteration as done:
                return done.value

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "ApiClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncApiClient(_ClientBase):
    _http_type = httpx.AsyncClient

    async def send(self, method: str, path: str, repeat: Repeat, **kwargs: Any) -> ApiResponse:
        call = new_call(method, path, repeat, **kwargs)
        steps = self._exchange.attempts(call)
        delay = next(steps)
        while True:
            await asyncio.sleep(delay)
            try:
                outcome = await self._http.request(call.method, call.path, **self._exchange.request_arguments(call))
            except httpx.TransportError as error:
                outcome = error
            try:
                delay = steps.send(outcome)
            except StopIteration as done:
                return done.value

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> "AsyncApiClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
