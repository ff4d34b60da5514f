from datetime import datetime, timedelta, timezone

import pytest

from conftest import new_user
from nakamura_misaki_client import (Context, ContextItem, Handoff, InvalidRequest, Note, NotFound, Session,
                                    SessionMessage, Task, acting_as)
from nakamura_misaki_client.bot import (ContextRepository, HandoffRepository, NoteRepository, SessionRepository,
                                        TaskRepository)

pytestmark = pytest.mark.asyncio


async def seeded(client, me: str) -> str:
    sessions = SessionRepository(client)
    session_id = (await sessions.create(Session(user_id=me))).session_id
    with acting_as(me):
        await sessions.add_messages(session_id, [SessionMessage(role="user", content="本番DBの移行手順を教えて"),
                                                 SessionMessage(role="assistant", content="手順書を確認します")])
    await NoteRepository(client).save(Note(user_id=me, content="本番DBの移行手順: 論理レプリケーションで切り替える",
                                           category="decisions"))
    await TaskRepository(client).create(Task(title="移行リハーサルの報告", assignee_user_id=me, creator_user_id=me,
                                             due_at=datetime.now(timezone.utc) - timedelta(days=1)))
    other = new_user()
    await HandoffRepository(client).create(Handoff(from_user_id=other, to_user_id=me, progress_note="差分確認が半分",
                                                   next_steps="残りを確認"))
    return session_id


async def test_context_for_answers_typed_items_recent_messages_first_within_the_budget(async_client):
    me = new_user()
    session_id = await seeded(async_client, me)

    with acting_as(me):
        context = await ContextRepository(async_client).context_for("本番DBの移行手順", session_id=session_id,
                                                                     budget_tokens=4000)

    assert isinstance(context, Context) and all(isinstance(i, ContextItem) for i in context.items)
    assert [i.text for i in context.items[:2]] == ["assistant: 手順書を確認します", "user: 本番DBの移行手順を教えて"]
    assert {i.kind for i in context.items} == {"message", "note", "task", "handoff"}
    assert context.used_tokens == sum(i.tokens for i in context.items) <= context.budget_tokens == 4000
    assert context.tokenizer == "o200k_base" and not context.truncated
    task = next(i for i in context.items if i.kind == "task")
    assert task.reasons == ["overdue"] and 0 < task.score <= 1 and task.at.tzinfo is not None
    assert next(i for i in context.items if i.kind == "note").matched_by
    assert context.prompt().startswith("assistant: 手順書を確認します\n\nuser: ")


async def test_a_small_budget_cuts_and_says_so(async_client):
    me = new_user()
    await seeded(async_client, me)

    context = await ContextRepository(async_client).context_for("本番DBの移行手順", budget_tokens=20, user_id=me,
                                                                 tokenizer="cl100k_base", include=["note"])

    assert context.truncated and context.used_tokens <= 20
    assert [i.truncated for i in context.items] == [True]


async def test_another_users_session_is_not_found_and_bad_input_names_the_field(async_client):
    me, other = new_user(), new_user()
    theirs = (await SessionRepository(async_client).create(Session(user_id=other))).session_id
    repo = ContextRepository(async_client)

    with pytest.raises(NotFound):
        await repo.context_for("移行", session_id=theirs, user_id=me)
    with pytest.raises(InvalidRequest) as kind:
        await repo.context_for("移行", user_id=me, include=["memories"])
    with pytest.raises(InvalidRequest) as budget:
        await repo.context_for("移行", user_id=me, budget_tokens=200_001)

    assert "include[0]" in kind.value.errors
    assert "budget_tokens" in budget.value.errors
