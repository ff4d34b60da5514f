"""Who the bot is acting for. The API shows a task, hand-off, note or session only to its users, so every call on
them names a Slack user. Methods of the old interfaces that name none (`get(task_id)`, ...) take it from here: the
bot's event handler sets it once per Slack event, and it follows the handler through awaits and asyncio tasks."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from .errors import ActingUserRequired

_acting_user: ContextVar[str | None] = ContextVar("nakamura_misaki_acting_user", default=None)


@contextmanager
def acting_as(user_id: str) -> Iterator[None]:
    """`with acting_as(event["user"]): ...`: calls inside act for this Slack user."""
    token = _acting_user.set(user_id)
    try:
        yield
    finally:
        _acting_user.reset(token)


def resolve_acting_user(explicit: str | None = None, fallback: str | None = None) -> str:
    """The user named in the call, else the one of `acting_as`, else the owner of the entity passed in (if any)."""
    user = explicit or _acting_user.get() or fallback
    if not user:
        raise ActingUserRequired(
            "this call acts for a Slack user: pass user_id=..., or run it inside `with acting_as(user_id):`")
    return user
