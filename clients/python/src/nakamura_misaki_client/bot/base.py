"""What the bot's repositories share: the client, construction from the environment, and the two read shapes of the
old interfaces (one entity or None; a whole list over the API's pages)."""

from __future__ import annotations

from typing import Any, TypeVar

from ..acting_user import resolve_acting_user
from ..client import AsyncApiClient, Repeat
from ..errors import NotFound
from ..models import from_wire
from ..paging import collect_async
from ..process_clients import shared_async_client

T = TypeVar("T")


class BotRepository:
    def __init__(self, client: AsyncApiClient) -> None:
        self._client = client

    @classmethod
    def from_env(cls):
        return cls(shared_async_client())

    async def _get_or_none(self, model: type[T], path: str, user_id: str | None) -> T | None:
        """None when there is no such entity or the acting user may not see it (the API does not tell them apart)."""
        try:
            response = await self._client.send("GET", path, Repeat.ALWAYS, acting_user=resolve_acting_user(user_id))
        except NotFound:
            return None
        return from_wire(model, response.body)

    async def _every_page(self, model: type[T], path: str, acting_user: str, params: dict[str, Any]) -> list[T]:
        async def page(limit: int, offset: int) -> dict:
            query = {**params, "limit": limit, "offset": offset}
            return (await self._client.send("GET", path, Repeat.ALWAYS, acting_user=acting_user, params=query)).body

        return [from_wire(model, item) for item in await collect_async(page)]
