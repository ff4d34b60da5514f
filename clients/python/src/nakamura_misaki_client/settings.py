"""Client settings, read from the environment the same way in the bot and in the agent."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Mapping

ENV_PREFIX = "NAKAMURA_MISAKI_"


@dataclass(frozen=True)
class ClientSettings:
    base_url: str
    api_key: str
    # One HTTP attempt: connecting, and waiting for each read or write on the socket.
    timeout_seconds: float = 10.0
    # Further attempts after the first, for the failures that may be repeated (see README, "Retries").
    max_retries: int = 3
    # A Retry-After longer than this is not waited for: the error is raised at once.
    max_retry_after_seconds: float = 30.0
    # Base of the exponential back-off when the server gave no Retry-After.
    backoff_seconds: float = 0.2
    # Repeat a create (which always carries an Idempotency-Key) after an ambiguous failure: a timeout or a dropped
    # connection after the request was sent, when the server may have stored it. Safe because the service honours
    # Idempotency-Key on every create (within its retention, 24 h by default): the repeat returns the stored answer.
    retry_creates: bool = True
    # IANA zone of the users' day, for "due today".
    time_zone: str = "Asia/Tokyo"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "ClientSettings":
        env = os.environ if environ is None else environ

        def get(name: str) -> str | None:
            value = env.get(ENV_PREFIX + name)
            return value if value else None

        url, key = get("API_URL"), get("API_KEY")
        missing = [ENV_PREFIX + n for n, v in (("API_URL", url), ("API_KEY", key)) if v is None]
        if missing:
            raise ValueError(f"missing setting(s): {', '.join(missing)}")
        defaults = cls(base_url=url, api_key=key)
        return cls(
            base_url=url,
            api_key=key,
            timeout_seconds=float(get("TIMEOUT_SECONDS") or defaults.timeout_seconds),
            max_retries=int(get("MAX_RETRIES") or defaults.max_retries),
            max_retry_after_seconds=float(get("MAX_RETRY_AFTER_SECONDS") or defaults.max_retry_after_seconds),
            backoff_seconds=float(get("BACKOFF_SECONDS") or defaults.backoff_seconds),
            retry_creates=(get("RETRY_CREATES") or "true").lower() in ("1", "true", "yes"),
            time_zone=get("TIME_ZONE") or defaults.time_zone,
        )
