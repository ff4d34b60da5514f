"""The Slack bot's NoteRepository over /api/v1/notes."""

from __future__ import annotations

from urllib.parse import quote

from ..acting_user import resolve_acting_user
from ..client import Repeat
from ..models import Note, from_wire, to_wire
from ..request_bodies import SAVE_NOTE
from .base import BotRepository

NOTES = "/api/v1/notes"


class NoteRepository(BotRepository):

    async def save(self, note: Note) -> Note:
        """Stores a new note owned by `note.user_id` (else the acting user). The service embeds it; while its
        embedding provider is down the note is still saved (`embedded` False) and embedded later."""
        owner = resolve_acting_user(note.user_id)
        response = await self._client.send("POST", NOTES, Repeat.CREATE, acting_user=owner,
                                           json=to_wire(note, SAVE_NOTE))
        return from_wire(Note, response.body)

    async def search(self, query: str, user_id: str, limit: int = 10) -> list[Note]:
        """The user's notes that best match the query, best first, with `score` and `matched_by`: the service's
        default hybrid search fuses meaning (embeddings) and the words typed; while its embedding provider is down
        it answers from the text side alone (same shape)."""
        response = await self._client.send("GET", f"{NOTES}/search", Repeat.ALWAYS, acting_user=user_id,
                                           params={"q": query, "limit": limit})
        return [from_wire(Note, item) for item in response.body["items"]]

    async def list_by_session(self, session_id: str, *, user_id: str | None = None) -> list[Note]:
        """The acting user's notes from one conversation session (all pages), oldest first. The API shows a note
        only to its owner, so this needs the acting user (`acting_as` or user_id=)."""
        return await self._every_page(Note, f"{NOTES}/by-session/{quote(session_id, safe='')}",
                                      resolve_acting_user(user_id), {})
