import pytest

from conftest import new_user
from nakamura_misaki_client import InvalidRequest, NotFound, Session, SessionMessage, acting_as
from nakamura_misaki_client.bot import SessionRepository

pytestmark = pytest.mark.asyncio


async def started(repo: SessionRepository, user: str) -> str:
    return (await repo.create(Session(user_id=user))).session_id


async def test_add_message_numbers_the_messages_and_get_messages_reads_them_oldest_first(async_client):
    repo, me = SessionRepository(async_client), new_user()
    session_id = await started(repo, me)

    with acting_as(me):
        first = await repo.add_message(session_id, SessionMessage(role="user", content="資料の件", slack_ts="1.1"))
        second = await repo.add_message(session_id, SessionMessage(role="assistant", content="了解",
                                                                   metadata={"model": "sonnet"}))
        history = await repo.get_messages(session_id)

    assert (first.seq, second.seq) == (1, 2) and first.session_id == session_id and first.created_at
    assert history == [first, second] and history[1].metadata == {"model": "sonnet"}


async def test_a_slack_message_is_stored_once(async_client):
    repo, me = SessionRepository(async_client), new_user()
    session_id = await started(repo, me)

    stored = await repo.add_message(session_id, SessionMessage(role="user", content="hi", slack_ts="9.9"), user_id=me)
    again = await repo.add_message(session_id, SessionMessage(role="user", content="hi", slack_ts="9.9"), user_id=me)

    assert again == stored
    assert len(await repo.get_messages(session_id, user_id=me)) == 1


async def test_get_messages_with_last_reads_the_tail_and_add_messages_appends_in_order(async_client):
    repo, me = SessionRepository(async_client), new_user()
    session_id = await started(repo, me)

    added = await repo.add_messages(session_id, [SessionMessage(role="user", content=f"m{i}") for i in range(5)],
                                    user_id=me)

    assert [m.seq for m in added] == [1, 2, 3, 4, 5]
    assert [m.content for m in await repo.get_messages(session_id, last=2, user_id=me)] == ["m3", "m4"]


async def test_trim_and_clear_delete_and_count(async_client):
    repo, me = SessionRepository(async_client), new_user()
    session_id = await started(repo, me)
    await repo.add_messages(session_id, [SessionMessage(role="user", content=f"m{i}") for i in range(4)], user_id=me)

    assert await repo.trim_messages(session_id, 3, user_id=me) == 2
    assert [m.seq for m in await repo.get_messages(session_id, user_id=me)] == [3, 4]
    assert await repo.clear_messages(session_id, user_id=me) == 2
    assert await repo.get_messages(session_id, user_id=me) == []


async def test_another_users_session_is_not_found_and_bad_input_names_the_field(async_client):
    repo, me = SessionRepository(async_client), new_user()
    session_id = await started(repo, me)

    with pytest.raises(NotFound):
        await repo.get_messages(session_id, user_id=new_user())
    with pytest.raises(InvalidRequest) as role:
        await repo.add_message(session_id, SessionMessage(role="narrator", content="x"), user_id=me)
    with pytest.raises(InvalidRequest) as content:
        await repo.add_message(session_id, SessionMessage(role="user", content=""), user_id=me)

    assert "role" in role.value.errors and "content" in content.value.errors
