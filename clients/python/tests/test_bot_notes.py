import pytest

from conftest import new_user
from nakamura_misaki_client import InvalidRequest, Note, acting_as
from nakamura_misaki_client.bot import NoteRepository

pytestmark = pytest.mark.asyncio


async def test_save_stores_the_note_for_its_owner(async_client):
    repo, me = NoteRepository(async_client), new_user()

    saved = await repo.save(Note(user_id=me, content="デプロイ手順: まずマイグレーション", category="decisions",
                                 session_id="s-1"))

    assert saved.id is not None and saved.created_at is not None
    assert (saved.user_id, saved.category, saved.session_id) == (me, "decisions", "s-1")
    assert saved.embedded is True and saved.embedding_model


async def test_search_finds_the_users_own_notes_best_first(async_client):
    repo, me, other = NoteRepository(async_client), new_user(), new_user()
    wanted = await repo.save(Note(user_id=me, content="移行手順はステージングで確認してから本番へ"))
    await repo.save(Note(user_id=me, content="ランチはカレー"))
    await repo.save(Note(user_id=other, content="移行手順はステージングで確認してから本番へ"))

    found = await repo.search("移行手順", me, limit=5)

    assert found[0].id == wanted.id and found[0].score > 0
    assert all(n.user_id == me for n in found)
    assert await repo.search("移行手順", new_user(), limit=5) == []


async def test_list_by_session_holds_the_sessions_notes_oldest_first(async_client):
    repo, me = NoteRepository(async_client), new_user()
    first = await repo.save(Note(user_id=me, content="one", session_id="sess-a"))
    second = await repo.save(Note(user_id=me, content="two", session_id="sess-a"))
    await repo.save(Note(user_id=me, content="elsewhere", session_id="sess-b"))

    with acting_as(me):
        assert [n.id for n in await repo.list_by_session("sess-a")] == [first.id, second.id]
    assert await repo.list_by_session("sess-a", user_id=new_user()) == []


async def test_bad_input_raises_invalid_request_naming_the_field(async_client):
    repo, me = NoteRepository(async_client), new_user()

    with pytest.raises(InvalidRequest) as empty:
        await repo.save(Note(user_id=me, content=""))
    with pytest.raises(InvalidRequest) as category:
        await repo.save(Note(user_id=me, content="x", category="Not A Word"))
    with pytest.raises(InvalidRequest) as limit:
        await repo.search("x", me, limit=0)

    assert "content" in empty.value.errors
    assert "category" in category.value.errors
    assert "limit" in limit.value.errors
