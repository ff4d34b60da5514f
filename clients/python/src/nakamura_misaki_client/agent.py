"""The coding agent's TaskRepository (its db/repositories/task_repository.py) over /api/v1/agent-tasks. Sync, like
the agent. Runs are not user-owned: no acting user."""

from __future__ import annotations

import dataclasses
import uuid as uuidlib
from typing import Any, Mapping
from uuid import UUID

from .client import ApiClient, Repeat
from .errors import NotFound, NotServedByApi
from .models import AgentTask, from_wire, to_wire
from .paging import collect
from .process_clients import shared_client
from .request_bodies import AGENT_TASK_STATISTICS, FAIL_AGENT_TASK, REGISTER_AGENT_TASK, UPDATE_AGENT_TASK_STATUS

AGENT_TASKS = "/api/v1/agent-tasks"
_ENDINGS = ("completed", "stopped", "failed")


class TaskRepository:
    def __init__(self, client: ApiClient) -> None:
        self._client = client

    @classmethod
    def from_env(cls) -> "TaskRepository":
        return cls(shared_client())

    def create(self, task_data: Mapping[str, Any] | AgentTask) -> AgentTask:
        """Registers a run (a new uuid when task_data has none): running. Registering a stopped run again resumes it.
        With process_id and hostname the registration is idempotent (the same process registering its running run
        again is answered unchanged), so it is repeated after a lost answer like a read."""
        data = dict(task_data) if isinstance(task_data, Mapping) else dataclasses.asdict(task_data)
        data["uuid"] = data.get("uuid") or uuidlib.uuid4()
        same_process_retry = data.get("process_id") is not None and data.get("hostname") is not None
        response = self._client.send("POST", AGENT_TASKS, Repeat.ALWAYS if same_process_retry else Repeat.CREATE,
                                     json=to_wire(data, REGISTER_AGENT_TASK), versioned=_path(data["uuid"]),
                                     send_version=False)
        return from_wire(AgentTask, response.body)

    def get_by_uuid(self, uuid: UUID | str) -> AgentTask | None:
        try:
            return from_wire(AgentTask, self._client.send("GET", _path(uuid), Repeat.ALWAYS).body)
        except NotFound:
            return None

    def update(self, uuid: UUID | str, updates: Mapping[str, Any]) -> AgentTask | None:
        """Serves the status part of the old generic update: {"status": completed|stopped|failed, "error_message"}.
        Other columns are not writable through the API, on purpose: run metadata (process_id, hostname, model, ...)
        is set by registering (a stopped run re-registered resumes with the new values), the counters only grow
        through update_statistics (absolute values would lose concurrent increments), and the timestamps are the
        service's. Such keys raise NotServedByApi naming them, before anything is sent."""
        unsupported = sorted(set(updates) - set(UPDATE_AGENT_TASK_STATUS))
        if unsupported or "status" not in updates:
            raise NotServedByApi(
                f"update: the API changes only status (with error_message) of a run; not {', '.join(unsupported)}"
                if unsupported else "update: needs 'status'; see update_status")
        return self.update_status(uuid, updates["status"], updates.get("error_message"))

    def update_status(self, uuid: UUID | str, status: str, error_message: str | None = None) -> AgentTask | None:
        """Ends a running run: completed, stopped or failed (failed requires error_message; the others refuse it).
        `running` is not a status change the API makes: register the run again (create) to resume a stopped one.
        None for an unknown uuid; Conflict when the run is not running."""
        if status not in _ENDINGS:
            raise NotServedByApi(f"update_status: {status!r}: the API ends runs ({', '.join(_ENDINGS)}); "
                                 "to resume a stopped run, register it again with create()")
        return self._write("PATCH", _path(uuid), uuid,
                           to_wire({"status": status, "error_message": error_message}, UPDATE_AGENT_TASK_STATUS))

    def update_statistics(self, uuid: UUID | str, llm_calls: int = 0, tool_calls: int = 0, tokens: int = 0,
                          compressions: int = 0) -> None:
        """Adds to the run's counters (never overwrites); parallel reports all count. Not repeated after a lost
        answer (it would count twice): raises ApiUnreachable(may_have_been_applied=True) instead."""
        body = to_wire({"llm_calls": llm_calls, "tool_calls": tool_calls, "tokens": tokens,
                        "compressions": compressions}, AGENT_TASK_STATISTICS)
        path = _path(uuid)
        self._client.send("POST", f"{path}/statistics", Repeat.ONLY_UNPROCESSED, json=body)
        self._client.forget_version(path)  # the counters changed the row's version; the answer carries none

    def complete(self, uuid: UUID | str) -> AgentTask | None:
        return self._write("POST", f"{_path(uuid)}/complete", uuid)

    def fail(self, uuid: UUID | str, error_message: str) -> AgentTask | None:
        return self._write("POST", f"{_path(uuid)}/fail", uuid, to_wire({"error_message": error_message},
                                                                          FAIL_AGENT_TASK))

    def list_by_status(self, status: str, limit: int = 100, offset: int = 0) -> list[AgentTask]:
        """Newest first. `limit` may exceed the API's page size (100): the pages are fetched in turn."""
        return self._list({"status": status}, limit, offset)

    def list_by_user(self, user: str, limit: int = 100, offset: int = 0) -> list[AgentTask]:
        return self._list({"user": user}, limit, offset)

    def delete(self, uuid: UUID | str) -> bool:
        try:
            self._client.send("DELETE", _path(uuid), Repeat.ALWAYS, versioned=_path(uuid))
        except NotFound:
            return False
        return True

    def _write(self, method: str, endpoint: str, uuid: UUID | str, body: Any = None) -> AgentTask | None:
        # An ending is refused once made (409), so it is sent again only when the service did not process it.
        try:
            response = self._client.send(method, endpoint, Repeat.ONLY_UNPROCESSED, json=body, versioned=_path(uuid))
        except NotFound:
            return None
        return from_wire(AgentTask, response.body)

    def _list(self, filters: dict[str, Any], limit: int, offset: int) -> list[AgentTask]:
        def page(size: int, start: int) -> dict:
            return self._client.send("GET", AGENT_TASKS, Repeat.ALWAYS,
                                     params={**filters, "limit": size, "offset": start}).body

        return [from_wire(AgentTask, item) for item in collect(page, limit, offset)]


def _path(uuid: UUID | str) -> str:
    return f"{AGENT_TASKS}/{UUID(str(uuid))}"
