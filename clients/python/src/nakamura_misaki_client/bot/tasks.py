"""The Slack bot's TaskRepository over /api/v1/tasks."""

from __future__ import annotations

from uuid import UUID

from ..acting_user import resolve_acting_user
from ..client import Repeat
from ..errors import NotFound
from ..models import Task, from_wire, to_wire
from ..request_bodies import CREATE_TASK, UPDATE_TASK
from .base import BotRepository

TASKS = "/api/v1/tasks"
# The status a transition leads to -> its endpoint. No endpoint leads back to pending.
_TRANSITIONS = {"in_progress": "start", "completed": "complete", "cancelled": "cancel"}


class TaskRepository(BotRepository):

    async def create(self, task: Task) -> Task:
        """Stores a new task; its creator is `task.creator_user_id` (else the acting user). A task given with another
        status than pending is created, then moved there by the transition the API offers."""
        creator = resolve_acting_user(task.creator_user_id)
        response = await self._client.send("POST", TASKS, Repeat.CREATE, acting_user=creator,
                                           json=to_wire(task, CREATE_TASK))
        created = from_wire(Task, response.body)
        return await self._move(created, task.status, creator)

    async def get(self, task_id: UUID | str, *, user_id: str | None = None) -> Task | None:
        """None when there is no such task or the acting user is neither its assignee nor its creator."""
        return await self._get_or_none(Task, _path(task_id), user_id)

    async def update(self, task: Task, *, user_id: str | None = None) -> Task:
        """Writes title, description, due_at and assignee as given (None clears description and due_at), then moves
        the status if it differs. Sends If-Match with the version this client last saw: a task changed by someone
        else since raises PreconditionFailed. Raises NotFound for an unknown task. The fields are written first: a
        status the task cannot reach then raises Conflict (409 from the API: completing a cancelled task) or
        ValueError (back to pending: the domain has no such transition), with the fields already saved."""
        actor = resolve_acting_user(user_id, task.creator_user_id)
        path = _path(task.id)
        response = await self._client.send("PATCH", path, Repeat.ALWAYS, acting_user=actor, versioned=path,
                                           json=to_wire(task, UPDATE_TASK, keep_nulls=True))
        return await self._move(from_wire(Task, response.body), task.status, actor)

    async def delete(self, task_id: UUID | str, *, user_id: str | None = None) -> bool:
        """True if deleted, False if there was no such task (for the acting user)."""
        path = _path(task_id)
        try:
            await self._client.send("DELETE", path, Repeat.ALWAYS, acting_user=resolve_acting_user(user_id),
                                    versioned=path)
        except NotFound:
            return False
        return True

    async def list_by_user(self, user_id: str, status: str | list[str] | None = None) -> list[Task]:
        """Every task assigned to the user (all pages), due date ascending, undated last, then oldest first."""
        return await self._every_page(Task, TASKS, user_id, {"assignee": user_id, "status": status})

    async def list_due_today(self, user_id: str) -> list[Task]:
        """The user's open tasks due during their local day, in ClientSettings.time_zone (default Asia/Tokyo)."""
        params = {"assignee": user_id, "tz": self._client.settings.time_zone}
        response = await self._client.send("GET", f"{TASKS}/due-today", Repeat.ALWAYS, acting_user=user_id,
                                           params=params)
        return [from_wire(Task, item) for item in response.body]

    async def _move(self, task: Task, status: str, actor: str) -> Task:
        if status == task.status:
            return task
        if status not in _TRANSITIONS:
            raise ValueError(f"status: a {task.status} task cannot become {status!r}; "
                             f"the API moves tasks only to {', '.join(_TRANSITIONS)}")
        path = _path(task.id)
        response = await self._client.send("POST", f"{path}/{_TRANSITIONS[status]}", Repeat.ONLY_UNPROCESSED,
                                           acting_user=actor, versioned=path)
        return from_wire(Task, response.body)


def _path(task_id: UUID | str | None) -> str:
    if task_id is None:
        raise ValueError("id: the task has no id; create it first")
    return f"{TASKS}/{UUID(str(task_id))}"
