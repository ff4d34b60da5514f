"""One client per process, built from the environment on first use, so every repository shares one connection pool
(the DI functions build repositories one by one)."""

from __future__ import annotations

from .client import ApiClient, AsyncApiClient

_async_client: AsyncApiClient | None = None
_sync_client: ApiClient | None = None


def shared_async_client() -> AsyncApiClient:
    global _async_client
    if _async_client is None:
        _async_client = AsyncApiClient.from_env()
    return _async_client


def shared_client() -> ApiClient:
    global _sync_client
    if _sync_client is None:
        _sync_client = ApiClient.from_env()
    return _sync_client
