"""Request bodies the adapters send, by field name, beside the operation (OpenAPI operationId) that takes them. The
tests hold these and the models to the OpenAPI document the service serves, so a renamed field fails there."""

from __future__ import annotations

CREATE_TASK = ("title", "description", "assignee_user_id", "due_at")
UPDATE_TASK = ("title", "description", "due_at", "assignee_user_id")
CREATE_HANDOFF = ("task_id", "to_user_id", "progress_note", "next_steps", "handoff_at")
SAVE_NOTE = ("content", "category", "session_id")
CREATE_SESSION = ("session_id", "title", "workspace_path", "options")
REGISTER_AGENT_TASK = ("uuid", "task_source", "owner", "repo", "task_type", "task_id", "process_id", "hostname",
                       "llm_provider", "model", "context_length", "user")
UPDATE_AGENT_TASK_STATUS = ("status", "error_message")
FAIL_AGENT_TASK = ("error_message",)
AGENT_TASK_STATISTICS = ("llm_calls", "tool_calls", "tokens", "compressions")
APPEND_SESSION_MESSAGE = ("role", "content", "slack_ts", "metadata")
APPEND_SESSION_MESSAGES = ("messages",)
GET_CONTEXT = ("query", "session_id", "budget_tokens", "tokenizer", "include", "limits", "time_zone")

# operationId -> the body fields sent to it.
REQUEST_BODIES = {
    "CreateTask": CREATE_TASK,
    "UpdateTask": UPDATE_TASK,
    "CreateHandoff": CREATE_HANDOFF,
    "SaveNote": SAVE_NOTE,
    "CreateSession": CREATE_SESSION,
    "RegisterAgentTask": REGISTER_AGENT_TASK,
    "UpdateAgentTaskStatus": UPDATE_AGENT_TASK_STATUS,
    "FailAgentTask": FAIL_AGENT_TASK,
    "AddAgentTaskStatistics": AGENT_TASK_STATISTICS,
    "AppendSessionMessage": APPEND_SESSION_MESSAGE,
    "AppendSessionMessages": APPEND_SESSION_MESSAGES,
    "GetContext": GET_CONTEXT,
}

# operationId -> the query parameters the adapters send to it.
QUERY_PARAMETERS = {
    "ListTasksByAssignee": ("assignee", "status", "limit", "offset"),
    "ListTasksDueToday": ("assignee", "tz"),
    "ListPendingHandoffs": ("recipient", "limit", "offset"),
    "SearchNotes": ("q", "limit"),
    "ListSessionNotes": ("limit", "offset"),
    "DeleteInactiveSessions": ("days",),
    "TouchSession": ("messages",),
    "ListAgentTasks": ("status", "user", "limit", "offset"),
    "ListSessionMessages": ("after_seq", "limit", "last"),
}
