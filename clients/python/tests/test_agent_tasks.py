import uuid

import pytest

from conftest import new_user
from nakamura_misaki_client import (AgentTask, ApiClient, Conflict, InvalidRequest, NotServedByApi,
                                    PreconditionFailed)
from nakamura_misaki_client.agent import TaskRepository


def run(user: str | None = None, **fields) -> dict:
    return {"task_source": "github", "owner": "octo", "repo": "hello", "task_type": "issue", "task_id": "42",
            "process_id": 4242, "hostname": "agent-1", "llm_provider": "anthropic", "model": "sonnet",
            "context_length": 200_000, "user": user or new_user(), **fields}


def test_create_registers_a_running_run_and_get_by_uuid_reads_it(client):
    repo = TaskRepository(client)

    created = repo.create(run())

    assert isinstance(created, AgentTask) and created.status == "running" and created.started_at is not None
    assert (created.process_id, created.hostname, created.context_length) == (4242, "agent-1", 200_000)
    assert repo.get_by_uuid(created.uuid) == created
    assert repo.get_by_uuid(uuid.uuid4()) is None


def test_the_same_process_registering_again_is_answered_unchanged(client):
    repo, data = TaskRepository(client), run(uuid=uuid.uuid4())

    first = repo.create(data)
    again = repo.create(data)

    assert again == first


def test_update_statistics_adds_to_the_counters(client):
    repo = TaskRepository(client)
    created = repo.create(run())

    repo.update_statistics(created.uuid, llm_calls=2, tool_calls=5, tokens=1000, compressions=1)
    repo.update_statistics(created.uuid, llm_calls=1, tokens=500)

    stored = repo.get_by_uuid(created.uuid)
    assert (stored.llm_call_count, stored.tool_call_count, stored.total_tokens, stored.compression_count) \
        == (3, 5, 1500, 1)


def test_complete_fail_and_update_status_end_a_running_run(client):
    repo = TaskRepository(client)
    completed = repo.complete(repo.create(run()).uuid)
    failed = repo.fail(repo.create(run()).uuid, "tests failed")
    stopped = repo.update_status(repo.create(run()).uuid, "stopped")
    through_update = repo.update(repo.create(run()).uuid, {"status": "failed", "error_message": "boom"})

    assert completed.status == "completed" and completed.completed_at is not None
    assert (failed.status, failed.error_message) == ("failed", "tests failed")
    assert stopped.status == "stopped"
    assert (through_update.status, through_update.error_message) == ("failed", "boom")
    with pytest.raises(Conflict):
        repo.complete(completed.uuid)
    assert repo.complete(uuid.uuid4()) is None


def test_a_stopped_run_registered_again_resumes(client):
    repo, data = TaskRepository(client), run(uuid=uuid.uuid4())
    repo.create(data)
    repo.update_status(data["uuid"], "stopped")

    resumed = repo.create({**data, "process_id": 5151})

    assert (resumed.status, resumed.process_id, resumed.completed_at) == ("running", 5151, None)


def test_what_the_api_does_not_write_is_refused_before_anything_is_sent(client):
    repo = TaskRepository(client)
    created = repo.create(run())

    with pytest.raises(NotServedByApi, match="model"):
        repo.update(created.uuid, {"status": "completed", "model": "opus"})
    with pytest.raises(NotServedByApi, match="register it again"):
        repo.update_status(created.uuid, "running")
    assert repo.get_by_uuid(created.uuid) == created


def test_an_ending_sent_after_someone_else_changed_the_run_raises_precondition_failed(client, settings):
    repo = TaskRepository(client)
    created = repo.create(run())
    with ApiClient(settings) as other_process:
        TaskRepository(other_process).update_statistics(created.uuid, tokens=1)

    with pytest.raises(PreconditionFailed):
        repo.complete(created.uuid)
    repo.get_by_uuid(created.uuid)  # read again, retry
    assert repo.complete(created.uuid).status == "completed"


def test_list_by_status_and_by_user_page_newest_first(client, monkeypatch):
    from nakamura_misaki_client import paging
    repo, user = TaskRepository(client), new_user()
    runs = [repo.create(run(user)) for _ in range(5)]
    repo.fail(runs[0].uuid, "x")
    monkeypatch.setattr(paging, "MAX_PAGE", 2)

    mine = repo.list_by_user(user)
    window = repo.list_by_user(user, limit=3, offset=1)
    failed = [t for t in repo.list_by_status("failed", limit=1000) if t.user == user]

    assert [t.uuid for t in mine] == [r.uuid for r in reversed(runs)]
    assert [t.uuid for t in window] == [r.uuid for r in reversed(runs)][1:4]
    assert [t.uuid for t in failed] == [runs[0].uuid]


def test_delete_says_whether_there_was_a_run(client):
    repo = TaskRepository(client)
    created = repo.create(run())

    assert repo.delete(created.uuid) is True
    assert repo.get_by_uuid(created.uuid) is None
    assert repo.delete(created.uuid) is False


def test_bad_input_raises_invalid_request_naming_the_field(client):
    repo = TaskRepository(client)

    with pytest.raises(InvalidRequest) as source:
        repo.create(run(task_source="bitbucket"))
    with pytest.raises(InvalidRequest) as reason:
        repo.fail(repo.create(run()).uuid, "")
    with pytest.raises(InvalidRequest) as tokens:
        repo.update_statistics(repo.create(run()).uuid, tokens=-1)

    assert "task_source" in source.value.errors
    assert "error_message" in reason.value.errors
    assert "tokens" in tokens.value.errors
