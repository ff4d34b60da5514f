"""The README's one-line switch, literally: repositories built from the environment, against the real service."""

import pytest

from conftest import new_user
from nakamura_misaki_client import ClientSettings, Task, Unauthorized, agent, bot, process_clients
from nakamura_misaki_client.client import ApiClient


@pytest.fixture
def environment(monkeypatch, service):
    monkeypatch.setenv("NAKAMURA_MISAKI_API_URL", service.url)
    monkeypatch.setenv("NAKAMURA_MISAKI_API_KEY", service.api_key)
    monkeypatch.setenv("NAKAMURA_MISAKI_TIME_ZONE", "UTC")
    monkeypatch.setattr(process_clients, "_async_client", None)
    monkeypatch.setattr(process_clients, "_sync_client", None)


@pytest.mark.asyncio
async def test_the_bots_repositories_from_the_environment_share_one_client(environment):
    tasks, handoffs = bot.TaskRepository.from_env(), bot.HandoffRepository.from_env()
    me = new_user()
    try:
        created = await tasks.create(Task(title="from env", assignee_user_id=me, creator_user_id=me))
        assert await tasks.get(created.id, user_id=me) == created
        assert tasks._client is handoffs._client and tasks._client.settings.time_zone == "UTC"
    finally:
        await process_clients.shared_async_client().aclose()


def test_the_agents_repository_from_the_environment(environment):
    repo = agent.TaskRepository.from_env()
    created = repo.create({"task_source": "gitlab", "owner": "group", "repo": "123", "task_type": "merge_request",
                           "task_id": "7"})
    assert repo.get_by_uuid(created.uuid) == created
    process_clients.shared_client().close()


def test_missing_settings_are_named(monkeypatch):
    monkeypatch.delenv("NAKAMURA_MISAKI_API_URL", raising=False)
    monkeypatch.setenv("NAKAMURA_MISAKI_API_KEY", "k")
    with pytest.raises(ValueError, match="NAKAMURA_MISAKI_API_URL"):
        ClientSettings.from_env()


def test_a_key_the_service_does_not_know_is_unauthorized(service):
    with ApiClient(ClientSettings(base_url=service.url, api_key="not-a-key")) as client:
        with pytest.raises(Unauthorized) as failure:
            agent.TaskRepository(client).get_by_uuid("00000000-0000-0000-0000-000000000001")
    assert failure.value.status == 401
