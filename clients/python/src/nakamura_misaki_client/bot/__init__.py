"""The Slack bot's repositories (async), each a drop-in for the class of the same name in the bot's plan."""

from .context import ContextRepository
from .handoffs import HandoffRepository
from .notes import NoteRepository
from .sessions import SessionRepository
from .tasks import TaskRepository

__all__ = ["ContextRepository", "HandoffRepository", "NoteRepository", "SessionRepository", "TaskRepository"]
