"""One key per adapter, each with the least it needs: the agent's key reaches its runs, and an operation outside its
scopes raises Forbidden naming the scope (against the live service)."""

from __future__ import annotations

import pytest

from nakamura_misaki_client import ApiClient, AsyncApiClient, ClientSettings, Forbidden, agent, bot

from conftest import Service, new_user


@pytest.fixture
def agent_settings(service: Service) -> ClientSettings:
    if service.agent_api_key is None:
        pytest.skip("the service was not started by this run: no scoped key")
    return ClientSettings(base_url=service.url, api_key=service.agent_api_key, backoff_seconds=0.05)


def test_the_agents_key_registers_its_runs(agent_settings: ClientSettings) -> None:
    with ApiClient(agent_settings) as client:
        runs = agent.TaskRepository(client)
        run = runs.create({"task_source": "github", "owner": "o", "repo": "r", "task_type": "issue", "task_id": "1"})
        assert runs.get_by_uuid(run.uuid) is not None


@pytest.mark.asyncio
async def test_the_agents_key_in_a_bot_adapter_raises_forbidden_naming_the_scope(agent_settings: ClientSettings) -> None:
    async with AsyncApiClient(agent_settings) as client:
        notes = bot.NoteRepository(client)
        with pytest.raises(Forbidden) as refused:
            await notes.search("移行手順", user_id=new_user())
    assert refused.value.status == 403
    assert refused.value.missing_scopes == ["notes:read"]
    assert "notes:read" in str(refused.value)
