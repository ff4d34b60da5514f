"""The HTTP clients: `ApiClient` (sync, for the coding agent) and `AsyncApiClient` (for the Slack bot). Both send the
API key, the acting user, an Idempotency-Key on creates and If-Match on versioned writes, repeat what may be repeated
(exchange.Repeat) a bounded number of times, and raise errors.ApiError subclasses for problem details."""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from .exchange import ApiResponse, Call, Exchange, Repeat, new_call
from .settings import ClientSettings

__all__ = ["ApiClient", "AsyncApiClient", "Repeat"]


class _ClientBase:
    def __init__(self, settings: ClientSettings) -> None:
        self._exchange = Exchange(settings)

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
    def __init__(self, settings: ClientSettings, *, transport: httpx.BaseTransport | None = None) -> None:
        super().__init__(settings)
        self._http = httpx.Client(transport=transport, **self._exchange.client_options())

    @classmethod
    def from_env(cls) -> "ApiClient":
        return cls(ClientSettings.from_env())

    def send(self, method: str, path: str, repeat: Repeat, **kwargs: Any) -> ApiResponse:
        call = new_call(method, path, repeat, **kwargs)
        attempt = 0
        while True:
            try:
                response = self._http.request(call.method, call.path, **self._exchange.request_arguments(call))
            except httpx.TransportError as error:
                delay = self._exchange.delay_after_failure(call, error, attempt)
                if delay is None:
                    raise self._exchange.unreachable(call, error) from error
            else:
                delay = self._exchange.delay_after_answer(call, response, attempt)
                if delay is None:
                    return self._exchange.finish(call, response)
                response.close()
            time.sleep(delay)
            attempt += 1

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> "ApiClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class AsyncApiClient(_ClientBase):
    def __init__(self, settings: ClientSettings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        super().__init__(settings)
        self._http = httpx.AsyncClient(transport=transport, **self._exchange.client_options())

    @classmethod
    def from_env(cls) -> "AsyncApiClient":
        return cls(ClientSettings.from_env())

    async def send(self, method: str, path: str, repeat: Repeat, **kwargs: Any) -> ApiResponse:
        call: Call = new_call(method, path, repeat, **kwargs)
        attempt = 0
        while True:
            try:
                response = await self._http.request(call.method, call.path, **self._exchange.request_arguments(call))
            except httpx.TransportError as error:
                delay = self._exchange.delay_after_failure(call, error, attempt)
                if delay is None:
                    raise self._exchange.unreachable(call, error) from error
            else:
                delay = self._exchange.delay_after_answer(call, response, attempt)
                if delay is None:
                    return self._exchange.finish(call, response)
                await response.aclose()
            await asyncio.sleep(delay)
            attempt += 1

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> "AsyncApiClient":
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()
