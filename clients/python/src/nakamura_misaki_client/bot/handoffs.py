"""The Slack bot's HandoffRepository over /api/v1/handoffs."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from ..acting_user import resolve_acting_user
from ..client import Repeat
from ..errors import NotServedByApi
from ..models import Handoff, from_wire, to_wire
from ..request_bodies import CREATE_HANDOFF
from .base import BotRepository

HANDOFFS = "/api/v1/handoffs"

_REMINDERS_ARE_THE_SERVICES = (
    "hand-off reminders are sent by the NakamuraMisaki service itself (its reminder job DMs the recipient "
    "handoff_at - Reminders__LeadTime and sets reminded_at once Slack accepts the message, claimed with a lease so "
    "that any number of instances send each reminder once). Delete the bot's own reminder job and set "
    "Slack__BotToken on the service; see clients/python/README.md, 'Switching'.")


class HandoffRepository(BotRepository):

    async def create(self, handoff: Handoff) -> Handoff:
        """The sender is `handoff.from_user_id` (else the acting user); the API refuses a recipient equal to it."""
        sender = resolve_acting_user(handoff.from_user_id)
        response = await self._client.send("POST", HANDOFFS, Repeat.CREATE, acting_user=sender,
                                           json=to_wire(handoff, CREATE_HANDOFF))
        return from_wire(Handoff, response.body)

    async def get(self, handoff_id: UUID | str, *, user_id: str | None = None) -> Handoff | None:
        """None when there is no such hand-off or the acting user is neither its sender nor its recipient."""
        return await self._get_or_none(Handoff, _path(handoff_id), user_id)

    async def list_by_to_user(self, user_id: str) -> list[Handoff]:
        """Every hand-off to the user not completed yet (all pages), earliest handoff_at first."""
        return await self._every_page(Handoff, f"{HANDOFFS}/pending", user_id, {"recipient": user_id})

    async def complete(self, handoff_id: UUID | str, *, user_id: str | None = None) -> Handoff:
        """Sender or recipient: pending/accepted -> completed. Completing twice raises Conflict; a hand-off changed
        since this client read it (the reminder job's claim included) raises PreconditionFailed."""
        path = _path(handoff_id)
        response = await self._client.send("POST", f"{path}/complete", Repeat.ONLY_UNPROCESSED,
                                           acting_user=resolve_acting_user(user_id), versioned=path)
        return from_wire(Handoff, response.body)

    async def list_pending_reminders(self, before: datetime | None = None) -> list[Handoff]:
        """Not served: the service sends the reminders. Raises NotServedByApi, so a forgotten old job fails loudly
        instead of silently finding nothing."""
        raise NotServedByApi("list_pending_reminders: " + _REMINDERS_ARE_THE_SERVICES)

    async def mark_reminded(self, handoff_id: UUID | str) -> None:
        """Not served: the service sets reminded_at itself when Slack accepts its reminder. Raises NotServedByApi."""
        raise NotServedByApi("mark_reminded: " + _REMINDERS_ARE_THE_SERVICES)


def _path(handoff_id: UUID | str) -> str:
    return f"{HANDOFFS}/{UUID(str(handoff_id))}"
