import uuid

import pytest

from conftest import new_user
from nakamura_misaki_client import Conflict, InvalidRequest, Session
from nakamura_misaki_client.bot import SessionRepository

pytestmark = pytest.mark.asyncio


def new_session_id() -> str:
    return str(uuid.uuid4())


async def test_create_then_get_returns_the_stored_session(async_client):
    repo, me = SessionRepository(async_client), new_user()

    created = await repo.create(Session(user_id=me, session_id=new_session_id(), workspace_path="/work/ws",
                                        options={"model": "sonnet", "max_turns": 5}))

    assert created.title.startswith("Session ") and created.is_active and created.message_count == 0
    assert created.options == {"model": "sonnet", "max_turns": 5}
    assert await repo.get(created.session_id, user_id=me) == created
    assert await repo.get(created.session_id, user_id=new_user()) is None
    assert await repo.get(new_session_id(), user_id=me) is None


async def test_a_taken_session_id_is_a_conflict(async_client):
    repo, session_id = SessionRepository(async_client), new_session_id()
    await repo.create(Session(user_id=new_user(), session_id=session_id))

    with pytest.raises(Conflict):
        await repo.create(Session(user_id=new_user(), session_id=session_id))


async def test_update_last_active_moves_last_active_and_counts_messages(async_client):
    repo, me = SessionRepository(async_client), new_user()
    created = await repo.create(Session(user_id=me))

    touched = await repo.update_last_active(created.session_id, user_id=me, messages=2)

    assert touched.last_active > created.last_active and touched.message_count == 2
    assert (await repo.update_last_active(created.session_id, user_id=me)).message_count == 2
    assert await repo.update_last_active(new_session_id(), user_id=me) is None


async def test_delete_inactive_deletes_the_sessions_idle_longer_and_counts_them(async_client, service):
    repo, me = SessionRepository(async_client), new_user()
    idle = await repo.create(Session(user_id=me))
    fresh = await repo.create(Session(user_id=me))
    # The API has no clock to move; age the session in its database instead.
    service.psql(f"UPDATE sessions SET last_active = now() - interval '40 days' "
                 f"WHERE session_id = '{idle.session_id}'")

    deleted = await repo.delete_inactive(30)

    assert deleted >= 1
    assert await repo.get(idle.session_id, user_id=me) is None
    assert await repo.get(fresh.session_id, user_id=me) is not None


async def test_bad_input_raises_invalid_request_naming_the_field(async_client):
    repo, me = SessionRepository(async_client), new_user()

    with pytest.raises(InvalidRequest) as bad_id:
        await repo.create(Session(user_id=me, session_id="has spaces/and slashes"))
    with pytest.raises(InvalidRequest) as days:
        await repo.delete_inactive(0)

    assert "session_id" in bad_id.value.errors
    assert "days" in days.value.errors
