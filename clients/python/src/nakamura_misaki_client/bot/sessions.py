"""The Slack bot's SessionRepository over /api/v1/sessions."""

from __future__ import annotations

from urllib.parse import quote

from ..acting_user import resolve_acting_user
from ..client import Repeat
from ..errors import NotFound
from ..models import Session, SessionMessage, from_wire, to_wire
from ..request_bodies import APPEND_SESSION_MESSAGE, CREATE_SESSION
from .base import BotRepository

SESSIONS = "/api/v1/sessions"


class SessionRepository(BotRepository):

    async def create(self, session: Session) -> Session:
        """Starts a session owned by `session.user_id` (else the acting user). A session_id already taken (by
        anyone) raises Conflict."""
        owner = resolve_acting_user(session.user_id)
        response = await self._client.send("POST", SESSIONS, Repeat.CREATE, acting_user=owner,
                                           json=to_wire(session, CREATE_SESSION))
        return from_wire(Session, response.body)

    async def get(self, session_id: str, *, user_id: str | None = None) -> Session | None:
        """None when there is no such session or it is another user's."""
        return await self._get_or_none(Session, _path(session_id), user_id)

    async def update_last_active(self, session_id: str, *, user_id: str | None = None,
                                 messages: int = 0) -> Session | None:
        """last_active = now (the service's clock), active again, message_count += messages. None when there is no
        such session for the acting user."""
        # Setting last_active to now twice is harmless; adding messages twice is not.
        repeat = Repeat.ALWAYS if messages == 0 else Repeat.ONLY_UNPROCESSED
        try:
            response = await self._client.send("POST", f"{_path(session_id)}/touch", repeat,
                                               acting_user=resolve_acting_user(user_id),
                                               params={"messages": messages})
        except NotFound:
            return None
        return from_wire(Session, response.body)

    async def delete_inactive(self, days: int = 30) -> int:
        """Deletes everyone's sessions idle for more than `days` days; returns how many. The service also runs this
        itself (Sessions__Cleanup__*), so the bot's own clean-up job can go."""
        response = await self._client.send("POST", f"{SESSIONS}/delete-inactive", Repeat.ALWAYS,
                                           params={"days": days})
        return int(response.body["deleted"])

    # Conversation history: /api/v1/sessions/{session_id}/messages, the session owner's only (404 -> NotFound).

    async def add_message(self, session_id: str, message: SessionMessage, *,
                          user_id: str | None = None) -> SessionMessage:
        """Appends one message; the session numbers it (`seq`). A message with a slack_ts the session already stores
        is answered as stored, not added again; the append carries an Idempotency-Key and is repeated after a lost
        answer like every create (`retry_creates`), answered as first stored."""
        response = await self._client.send("POST", f"{_path(session_id)}/messages", Repeat.CREATE,
                                           acting_user=resolve_acting_user(user_id),
                                           json=to_wire(message, APPEND_SESSION_MESSAGE))
        return from_wire(SessionMessage, response.body)

    async def add_messages(self, session_id: str, messages: list[SessionMessage], *,
                           user_id: str | None = None) -> list[SessionMessage]:
        """Appends up to 1,000 messages in order, all or none (e.g. an old message_history)."""
        body = {"messages": [to_wire(m, APPEND_SESSION_MESSAGE) for m in messages]}
        response = await self._client.send("POST", f"{_path(session_id)}/messages/batch", Repeat.CREATE,
                                           acting_user=resolve_acting_user(user_id), json=body)
        return [from_wire(SessionMessage, item) for item in response.body["items"]]

    async def get_messages(self, session_id: str, last: int | None = None, *,
                           user_id: str | None = None) -> list[SessionMessage]:
        """Oldest first: the last `last` messages (up to 1,000: what goes into a model's context), or the whole
        history (every page)."""
        actor, path = resolve_acting_user(user_id), f"{_path(session_id)}/messages"
        if last is not None:
            response = await self._client.send("GET", path, Repeat.ALWAYS, acting_user=actor, params={"last": last})
            return [from_wire(SessionMessage, item) for item in response.body["items"]]
        messages, after = [], 0
        while after is not None:
            page = (await self._client.send("GET", path, Repeat.ALWAYS, acting_user=actor,
                                            params={"after_seq": after, "limit": 1000})).body
            messages += [from_wire(SessionMessage, item) for item in page["items"]]
            after = page["next_after_seq"]
        return messages

    async def trim_messages(self, session_id: str, before_seq: int, *, user_id: str | None = None) -> int:
        """Deletes the messages before `before_seq` (after the bot summarised them); returns how many."""
        response = await self._client.send("DELETE", f"{_path(session_id)}/messages/before/{int(before_seq)}",
                                           Repeat.ALWAYS, acting_user=resolve_acting_user(user_id))
        return int(response.body["deleted"])

    async def clear_messages(self, session_id: str, *, user_id: str | None = None) -> int:
        """Deletes the whole history (the session stays; later messages continue the numbering)."""
        response = await self._client.send("DELETE", f"{_path(session_id)}/messages", Repeat.ALWAYS,
                                           acting_user=resolve_acting_user(user_id))
        return int(response.body["deleted"])


def _path(session_id: str) -> str:
    return f"{SESSIONS}/{quote(session_id, safe='')}"
