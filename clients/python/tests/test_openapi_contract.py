"""The adapters' field names, held to the OpenAPI document the running service serves: a field renamed or added on
the server fails here, not in the bot."""

import dataclasses

import httpx
import pytest

from nakamura_misaki_client import AgentTask, ContextItem, Handoff, Note, Session, SessionMessage, Task, request_bodies
from nakamura_misaki_client.bot.context import CONTEXT
from nakamura_misaki_client.agent import AGENT_TASKS
from nakamura_misaki_client.bot.handoffs import HANDOFFS
from nakamura_misaki_client.bot.notes import NOTES
from nakamura_misaki_client.bot.sessions import SESSIONS
from nakamura_misaki_client.bot.tasks import TASKS

# The dataclass each operation's answer becomes; its fields must be exactly the answer's properties (a list answer:
# its items'; a page: its items'; a search: its hits').
RESPONSES = [
    ("GetTask", Task), ("ListTasksDueToday", Task), ("ListTasksByAssignee", Task),
    ("GetHandoff", Handoff), ("ListPendingHandoffs", Handoff),
    ("GetNote", Note), ("ListSessionNotes", Note), ("SearchNotes", Note),
    ("GetSession", Session), ("TouchSession", Session),
    ("GetAgentTask", AgentTask), ("ListAgentTasks", AgentTask),
    ("AppendSessionMessage", SessionMessage), ("ListSessionMessages", SessionMessage),
    ("GetContext", ContextItem),
]
# Fields a dataclass carries that only some of its operations answer with.
ONLY_IN_SOME_ANSWERS = {Note: {"embedded", "score", "matched_by"}}


@pytest.fixture(scope="module")
def document(service):
    response = httpx.get(f"{service.url}/openapi/v1.json", timeout=30)
    response.raise_for_status()
    return response.json()


def operations(document):
    return {op["operationId"]: (path, op) for path, item in document["paths"].items()
            for method, op in item.items() if isinstance(op, dict) and "operationId" in op}


def resolve(document, schema):
    while "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def entity_properties(document, schema) -> set[str]:
    schema = resolve(document, schema)
    if schema.get("type") == "array" or "array" in (schema.get("type") or []):
        return entity_properties(document, schema["items"])
    properties = schema.get("properties", {})
    if "items" in properties:  # a page {items, total, limit, offset} or a search {mode, items}
        return entity_properties(document, properties["items"])
    return set(properties)


@pytest.mark.parametrize("operation_id,model", RESPONSES, ids=[r[0] for r in RESPONSES])
def test_each_model_has_exactly_the_fields_the_service_answers_with(document, operation_id, model):
    _, op = operations(document)[operation_id]
    success = next(r for status, r in op["responses"].items() if status.startswith("2"))
    answered = entity_properties(document, success["content"]["application/json"]["schema"])
    fields = {f.name for f in dataclasses.fields(model)}

    assert fields - ONLY_IN_SOME_ANSWERS.get(model, set()) <= answered, "fields the service no longer sends"
    assert answered <= fields, "fields the service sends that the model would drop"


@pytest.mark.parametrize("operation_id", sorted(request_bodies.REQUEST_BODIES))
def test_each_request_body_uses_only_fields_the_operation_takes(document, operation_id):
    _, op = operations(document)[operation_id]
    schema = resolve(document, op["requestBody"]["content"]["application/json"]["schema"])

    assert set(request_bodies.REQUEST_BODIES[operation_id]) == set(schema["properties"])


@pytest.mark.parametrize("operation_id", sorted(request_bodies.QUERY_PARAMETERS))
def test_each_query_parameter_sent_is_one_the_operation_takes(document, operation_id):
    _, op = operations(document)[operation_id]
    taken = {p["name"] for p in op.get("parameters", []) if p["in"] == "query"}

    assert set(request_bodies.QUERY_PARAMETERS[operation_id]) <= taken


def test_the_adapters_routes_are_the_services(document):
    paths = set(document["paths"])

    for route in (TASKS, HANDOFFS, NOTES, SESSIONS, AGENT_TASKS, CONTEXT):
        assert route in paths
    for route in (f"{TASKS}/{{id}}", f"{TASKS}/due-today", f"{TASKS}/{{id}}/start", f"{HANDOFFS}/pending",
                  f"{HANDOFFS}/{{id}}/complete", f"{NOTES}/search", f"{NOTES}/by-session/{{session_id}}",
                  f"{SESSIONS}/{{session_id}}/touch", f"{SESSIONS}/delete-inactive", f"{AGENT_TASKS}/{{uuid}}/fail",
                  f"{AGENT_TASKS}/{{uuid}}/statistics"):
        assert route in paths
