"""The bot's memory for a reply in one call: POST /api/v1/context (docs/context.md)."""

from __future__ import annotations

from ..acting_user import resolve_acting_user
from ..client import Repeat
from ..models import Context, ContextItem, from_wire, to_wire
from ..request_bodies import GET_CONTEXT
from .base import BotRepository

CONTEXT = "/api/v1/context"


class ContextRepository(BotRepository):

    async def context_for(self, query: str, session_id: str | None = None, budget_tokens: int = 4000, *,
                          user_id: str | None = None, tokenizer: str | None = None, include: list[str] | None = None,
                          limits: dict[str, int] | None = None, time_zone: str | None = None) -> Context:
        """What the model should know before answering `query`: the session's last messages (newest first, whole),
        then the acting user's matching notes and earlier messages, overdue and due-today tasks and the hand-offs
        waiting on them, ranked and cut to `budget_tokens` of `tokenizer` (o200k_base by default). Acts for
        `user_id`, else the acting user (`acting_as`). A session of someone else raises NotFound. Changes nothing,
        so it is repeated after a transport failure like a read."""
        body = to_wire({"query": query, "session_id": session_id, "budget_tokens": budget_tokens,
                        "tokenizer": tokenizer, "include": include, "limits": limits, "time_zone": time_zone},
                       GET_CONTEXT)
        response = await self._client.send("POST", CONTEXT, Repeat.ALWAYS, acting_user=resolve_acting_user(user_id),
                                           json=body)
        answer = response.body
        return Context(items=[from_wire(ContextItem, item) for item in answer["items"]],
                       used_tokens=answer["used_tokens"], budget_tokens=answer["budget_tokens"],
                       truncated=answer["truncated"], tokenizer=answer["tokenizer"])
