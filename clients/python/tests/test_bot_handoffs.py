from datetime import datetime, timedelta, timezone
from uuid import uuid4

import pytest

from conftest import new_user
from nakamura_misaki_client import Conflict, Handoff, InvalidRequest, NotServedByApi, Task
from nakamura_misaki_client.bot import HandoffRepository, TaskRepository

pytestmark = pytest.mark.asyncio


def handoff(sender: str, recipient: str, **fields) -> Handoff:
    return Handoff(from_user_id=sender, to_user_id=recipient, progress_note="半分まで", next_steps="残りを仕上げる",
                   **fields)


async def test_create_then_get_returns_the_stored_handoff(async_client):
    repo, me, you = HandoffRepository(async_client), new_user(), new_user()
    task = await TaskRepository(async_client).create(Task(title="linked", assignee_user_id=me, creator_user_id=me))
    at = datetime(2031, 6, 1, 9, 0, tzinfo=timezone.utc)

    created = await repo.create(handoff(me, you, handoff_at=at, task_id=task.id))

    assert created.id is not None and created.status == "pending"
    assert (created.from_user_id, created.to_user_id, created.handoff_at, created.task_id) == (me, you, at, task.id)
    assert await repo.get(created.id, user_id=you) == created
    assert await repo.get(created.id, user_id=new_user()) is None
    assert await repo.get(uuid4(), user_id=me) is None


async def test_list_by_to_user_holds_the_recipients_open_handoffs_earliest_first(async_client):
    repo, me, you = HandoffRepository(async_client), new_user(), new_user()
    now = datetime.now(timezone.utc)
    later = await repo.create(handoff(me, you, handoff_at=now + timedelta(hours=2)))
    sooner = await repo.create(handoff(me, you, handoff_at=now + timedelta(hours=1)))
    done = await repo.create(handoff(me, you, handoff_at=now))
    await repo.complete(done.id, user_id=you)
    await repo.create(handoff(me, new_user()))

    assert [h.id for h in await repo.list_by_to_user(you)] == [sooner.id, later.id]


async def test_complete_completes_once(async_client):
    repo, me, you = HandoffRepository(async_client), new_user(), new_user()
    created = await repo.create(handoff(me, you))

    completed = await repo.complete(created.id, user_id=me)

    assert completed.status == "completed" and completed.completed_at is not None
    with pytest.raises(Conflict):
        await repo.complete(created.id, user_id=me)


async def test_bad_input_raises_invalid_request_naming_the_field(async_client):
    repo, me = HandoffRepository(async_client), new_user()

    with pytest.raises(InvalidRequest) as to_self:
        await repo.create(handoff(me, me))
    with pytest.raises(InvalidRequest) as blank:
        await repo.create(Handoff(from_user_id=me, to_user_id=new_user(), progress_note=" ", next_steps="x"))

    assert "to_user_id" in to_self.value.errors
    assert "progress_note" in blank.value.errors


async def test_reminders_are_the_services_so_the_old_job_fails_loudly(async_client):
    repo = HandoffRepository(async_client)

    with pytest.raises(NotServedByApi, match="Slack__BotToken"):
        await repo.list_pending_reminders(datetime.now(timezone.utc))
    with pytest.raises(NotServedByApi, match="reminder job"):
        await repo.mark_reminded(uuid4())
