"""The Slack bot's SessionRepository over /api/v1/sessions."""

from __future__ import annotations

from urllib.parse import quote

from ..acting_user import resolve_acting_user
from ..client import Repeat
from ..errors import NotFound
from ..models import Session, from_wire, to_wire
from ..wire import CREATE_SESSION
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


def _path(session_id: str) -> str:
    return f"{SESSIONS}/{quote(session_id, safe='')}"
