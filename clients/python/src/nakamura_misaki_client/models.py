"""The plain dataclasses the repositories return. Field names are the API's JSON names (snake_case), so the OpenAPI
test can hold them to the served document; `from_wire` ignores fields it does not know, so a newer service never
breaks an older client."""

from __future__ import annotations

import dataclasses
import functools
import typing
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Mapping, TypeVar
from uuid import UUID

T = TypeVar("T")


@dataclass
class Task:
    """A Slack task. To create one, set title, assignee_user_id and creator_user_id (the acting user)."""

    title: str
    assignee_user_id: str
    creator_user_id: str | None = None
    description: str | None = None
    due_at: datetime | None = None
    status: str = "pending"  # pending, in_progress, completed, cancelled
    id: UUID | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    completed_at: datetime | None = None
    is_overdue: bool = False


@dataclass
class Handoff:
    from_user_id: str
    to_user_id: str
    progress_note: str
    next_steps: str
    handoff_at: datetime | None = None  # the service's default: now
    task_id: UUID | None = None
    status: str = "pending"  # pending, accepted, completed
    id: UUID | None = None
    reminded_at: datetime | None = None
    reminder_failed_at: datetime | None = None  # the service gave up on the reminder (a permanent Slack error)
    reminder_error: str | None = None  # Slack's error code when it gave up
    accepted_at: datetime | None = None
    completed_at: datetime | None = None
    created_at: datetime | None = None


@dataclass
class Note:
    user_id: str
    content: str
    category: str = "general"
    session_id: str | None = None
    id: UUID | None = None
    created_at: datetime | None = None
    embedding_model: str | None = None
    embedded: bool | None = None  # False: saved while the embedding service was down, embedded later by the service
    score: float | None = None  # search results only: the fused hybrid score in (0, 1], or one side's own score
    matched_by: list[str] | None = None  # search results only: which sides found it ("vector", "text")


@dataclass
class ContextItem:
    """One piece of what the model should know before a reply (POST /api/v1/context)."""
    kind: str  # "message", "task", "handoff", "note" or "past_message"
    id: str  # a uuid; for a message "{session_id}/{seq}"
    source: str  # where it lives under /api/v1, e.g. "notes/{id}"
    text: str  # what the model reads, label line included; counted in `tokens`
    tokens: int
    score: float  # in (0, 1]: recent messages 1, the rest by one rule (docs/decisions/0030)
    reasons: list[str]  # "recent", "matched", "overdue", "due_today", "waiting_on_you"
    matched_by: list[str]  # for matched items: "vector", "text"
    at: datetime  # said/written at; a task's due time; a hand-off's hand-over time
    truncated: bool  # cut at a token boundary to fit the budget


@dataclass
class Context:
    items: list[ContextItem]
    used_tokens: int  # the items' tokens together, never more than budget_tokens
    budget_tokens: int
    truncated: bool  # something was cut or left out for the budget
    tokenizer: str

    def prompt(self, separator: str = "\n\n") -> str:
        """The items' texts joined, in the answer's order (the separators are not in used_tokens)."""
        return separator.join(item.text for item in self.items)


@dataclass
class Session:
    user_id: str
    session_id: str | None = None  # the service's default: a new UUID
    title: str | None = None  # the service's default: "Session MM/DD HH:MM"
    workspace_path: str | None = None
    options: dict[str, Any] = field(default_factory=dict)  # the old claude_options
    message_count: int = 0
    is_active: bool = True
    created_at: datetime | None = None
    last_active: datetime | None = None


@dataclass
class SessionMessage:
    """One message of a session's conversation history (the old message_history entries)."""

    role: str  # user, assistant, system, tool
    content: str
    slack_ts: str | None = None  # the Slack message it came from: stored once per session
    metadata: dict[str, Any] = field(default_factory=dict)
    session_id: str | None = None
    seq: int | None = None  # 1, 2, 3, ... within the session, in append order
    created_at: datetime | None = None


@dataclass
class AgentTask:
    """One run of the coding agent (a row of its old SQLite tasks.db)."""

    uuid: UUID
    task_source: str  # github, gitlab
    owner: str
    repo: str
    task_type: str  # issue, pull_request, merge_request
    task_id: str
    status: str = "running"  # running, completed, stopped, failed
    created_at: datetime | None = None
    started_at: datetime | None = None
    completed_at: datetime | None = None
    process_id: int | None = None
    hostname: str | None = None
    llm_provider: str | None = None
    model: str | None = None
    context_length: int | None = None
    llm_call_count: int = 0
    tool_call_count: int = 0
    total_tokens: int = 0
    compression_count: int = 0
    error_message: str | None = None
    user: str | None = None


def from_wire(cls: type[T], data: Mapping[str, Any]) -> T:
    hints = _type_hints(cls)
    values = {f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(cls) if f.name in data}
    return cls(**values)


@functools.cache
def _type_hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def to_wire(source: Any, names: tuple[str, ...], *, keep_nulls: bool = False) -> dict[str, Any]:
    """The request body: exactly `names` (snake_case, each once), read from a dataclass or a mapping. Nulls are left
    out unless `keep_nulls` (a merge patch, where null clears the field)."""
    get = source.get if isinstance(source, Mapping) else lambda name, default=None: getattr(source, name, default)
    body = {}
    for name in names:
        value = get(name, None)
        if value is not None or keep_nulls:
            body[name] = _encode(name, value)
    return body


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    kinds = typing.get_args(hint) or (hint,)
    if datetime in kinds:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    if UUID in kinds:
        return UUID(value)
    return value


def _encode(name: str, value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            # A naive time is ambiguous (the old bot's server ran in JST): refuse rather than shift it by hours.
            raise ValueError(f"{name}: a datetime with a time zone is required, got naive {value.isoformat()}")
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value
