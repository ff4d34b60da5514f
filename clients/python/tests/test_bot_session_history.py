import httpx
import pytest

from conftest import new_user
from nakamura_misaki_client import AsyncApiClient, InvalidRequest, NotFound, Session, SessionMessage, acting_as
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


class LoseFirstAnswer(httpx.AsyncBaseTransport):
    """Sends each request to the live service; the first append's answer is lost after the service stored it."""

    def __init__(self) -> None:
        self._inner, self.sent = httpx.AsyncHTTPTransport(), []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        if request.url.path.endswith(("/messages", "/messages/batch")) and request.method == "POST":
            self.sent.append(request.headers.get("Idempotency-Key"))
            if len(self.sent) == 1:
                await response.aread()
                raise httpx.ReadError("the answer was lost", request=request)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


@pytest.mark.parametrize("batch", [False, True])
async def test_an_append_whose_answer_was_lost_is_repeated_with_its_key_and_stored_once(settings, batch):
    lossy = LoseFirstAnswer()
    async with AsyncApiClient(settings, transport=lossy) as client:
        repo, me = SessionRepository(client), new_user()
        session_id = await started(repo, me)
        with acting_as(me):
            message = SessionMessage(role="user", content="一度だけ")  # no slack_ts: only the key tells the repeat
            stored = (await repo.add_messages(session_id, [message]))[0] if batch else await repo.add_message(session_id, message)
            history = await repo.get_messages(session_id)

    assert len(lossy.sent) == 2 and lossy.sent[0] == lossy.sent[1] is not None
    assert history == [stored] and stored.seq == 1


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
