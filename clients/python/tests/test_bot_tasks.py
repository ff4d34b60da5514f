from datetime import datetime, timedelta, timezone
from uuid import uuid4
from zoneinfo import ZoneInfo

import pytest

from conftest import new_user
from nakamura_misaki_client import (ActingUserRequired, AsyncApiClient, Conflict, InvalidRequest, PreconditionFailed,
                                    Task, acting_as, paging)
from nakamura_misaki_client.bot import TaskRepository

pytestmark = pytest.mark.asyncio


async def test_create_then_get_returns_the_stored_task(async_client):
    repo, me, other = TaskRepository(async_client), new_user(), new_user()
    due = datetime(2031, 5, 1, 9, 30, tzinfo=timezone.utc)

    created = await repo.create(Task(title="資料を作る", assignee_user_id=other, creator_user_id=me,
                                     description="for the review", due_at=due))

    assert created.id is not None and created.status == "pending"
    assert (created.creator_user_id, created.assignee_user_id, created.due_at) == (me, other, due)
    assert await repo.get(created.id, user_id=other) == created
    with acting_as(me):
        assert await repo.get(created.id) == created


async def test_create_with_a_later_status_moves_the_new_task_there(async_client):
    repo, me = TaskRepository(async_client), new_user()

    started = await repo.create(Task(title="already going", assignee_user_id=me, creator_user_id=me,
                                     status="in_progress"))

    assert started.status == "in_progress"
    assert (await repo.get(started.id, user_id=me)).status == "in_progress"


async def test_get_is_none_for_an_unknown_id_and_for_a_user_who_may_not_see_it(async_client):
    repo, me = TaskRepository(async_client), new_user()
    task = await repo.create(Task(title="private", assignee_user_id=me, creator_user_id=me))

    assert await repo.get(uuid4(), user_id=me) is None
    assert await repo.get(task.id, user_id=new_user()) is None


async def test_a_call_naming_no_user_needs_an_acting_user(async_client):
    with pytest.raises(ActingUserRequired):
        await TaskRepository(async_client).get(uuid4())


async def test_update_writes_the_fields_and_moves_the_status(async_client):
    repo, me, other = TaskRepository(async_client), new_user(), new_user()
    task = await repo.create(Task(title="draft", assignee_user_id=me, creator_user_id=me, description="old",
                                  due_at=datetime(2031, 1, 1, tzinfo=timezone.utc)))

    task.title, task.description, task.due_at, task.assignee_user_id = "final", None, None, other
    task.status = "completed"
    updated = await repo.update(task)

    assert (updated.title, updated.description, updated.due_at, updated.assignee_user_id) == ("final", None, None, other)
    assert updated.status == "completed" and updated.completed_at is not None
    assert await repo.get(task.id, user_id=me) == updated


async def test_update_of_a_task_changed_since_it_was_read_raises_precondition_failed(async_client, settings):
    repo, me = TaskRepository(async_client), new_user()
    task = await repo.create(Task(title="v1", assignee_user_id=me, creator_user_id=me))
    async with AsyncApiClient(settings) as someone_else:
        changed = await TaskRepository(someone_else).get(task.id, user_id=me)
        changed.title = "v2 by someone else"
        await TaskRepository(someone_else).update(changed)

    task.title = "v2 by me"
    with pytest.raises(PreconditionFailed) as failure:
        await repo.update(task)

    assert failure.value.status == 412
    assert (await repo.get(task.id, user_id=me)).title == "v2 by someone else"


async def test_update_to_a_status_the_task_cannot_reach_is_refused(async_client):
    repo, me = TaskRepository(async_client), new_user()
    task = await repo.create(Task(title="t", assignee_user_id=me, creator_user_id=me, status="cancelled"))

    task.status = "completed"
    with pytest.raises(Conflict):
        await repo.update(task)
    task.status = "pending"
    with pytest.raises(ValueError, match="status"):
        await repo.update(task)


async def test_delete_says_whether_there_was_a_task(async_client):
    repo, me = TaskRepository(async_client), new_user()
    task = await repo.create(Task(title="to delete", assignee_user_id=me, creator_user_id=me))

    assert await repo.delete(task.id, user_id=me) is True
    assert await repo.get(task.id, user_id=me) is None
    assert await repo.delete(task.id, user_id=me) is False


async def test_list_by_user_reads_every_page_in_due_order_and_filters_by_status(async_client, monkeypatch):
    repo, me = TaskRepository(async_client), new_user()
    base = datetime(2031, 3, 1, tzinfo=timezone.utc)
    for day in (3, 1, 2, 5, 4):
        await repo.create(Task(title=f"day {day}", assignee_user_id=me, creator_user_id=me,
                               due_at=base + timedelta(days=day)))
    await repo.create(Task(title="undated, started", assignee_user_id=me, creator_user_id=me, status="in_progress"))
    monkeypatch.setattr(paging, "MAX_PAGE", 2)  # 6 tasks: three pages

    everything = await repo.list_by_user(me)
    started = await repo.list_by_user(me, status="in_progress")

    assert [t.title for t in everything] == [f"day {d}" for d in (1, 2, 3, 4, 5)] + ["undated, started"]
    assert [t.title for t in started] == ["undated, started"]
    assert await repo.list_by_user(new_user()) == []


async def test_list_due_today_holds_the_open_tasks_due_in_the_users_local_day(async_client):
    repo, me = TaskRepository(async_client), new_user()
    tokyo = ZoneInfo("Asia/Tokyo")
    now = datetime.now(tokyo)
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tokyo)
    later_today = now + (midnight - now) / 2
    due_today = await repo.create(Task(title="today", assignee_user_id=me, creator_user_id=me, due_at=later_today))
    await repo.create(Task(title="done today", assignee_user_id=me, creator_user_id=me, due_at=later_today,
                           status="completed"))
    await repo.create(Task(title="tomorrow", assignee_user_id=me, creator_user_id=me,
                           due_at=midnight + timedelta(hours=1)))

    assert [t.id for t in await repo.list_due_today(me)] == [due_today.id]


async def test_bad_input_raises_invalid_request_naming_the_field(async_client):
    repo, me = TaskRepository(async_client), new_user()

    with pytest.raises(InvalidRequest) as empty_title:
        await repo.create(Task(title="", assignee_user_id=me, creator_user_id=me))
    with pytest.raises(InvalidRequest) as bad_assignee:
        await repo.create(Task(title="t", assignee_user_id="not a slack id", creator_user_id=me))

    assert empty_title.value.status == 400 and "title" in empty_title.value.errors
    assert "assignee_user_id" in bad_assignee.value.errors
    assert await repo.list_by_user(me) == []


async def test_a_naive_datetime_is_refused_before_anything_is_sent(async_client):
    repo, me = TaskRepository(async_client), new_user()

    with pytest.raises(ValueError, match="due_at"):
        await repo.create(Task(title="t", assignee_user_id=me, creator_user_id=me, due_at=datetime(2031, 1, 1)))
    assert await repo.list_by_user(me) == []
