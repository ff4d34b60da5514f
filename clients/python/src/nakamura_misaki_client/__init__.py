"""Python adapters for the NakamuraMisaki API: the Slack bot's and the coding agent's repositories, over HTTP."""

from .acting_user import acting_as
from .client import ApiClient, AsyncApiClient
from .errors import (ActingUserRequired, ApiError, ApiUnreachable, Conflict, Forbidden, InvalidRequest, NotFound,
                     NotServedByApi, PayloadTooLarge, PreconditionFailed, RateLimited, ServiceUnavailable,
                     Unauthorized)
from . import agent, bot, paging, process_clients
from .models import AgentTask, Context, ContextItem, Handoff, Note, Session, SessionMessage, Task
from .settings import ClientSettings

__all__ = [
    "acting_as", "ApiClient", "AsyncApiClient", "ClientSettings",
    "AgentTask", "Context", "ContextItem", "Handoff", "Note", "Session", "SessionMessage", "Task",
    "ActingUserRequired", "ApiError", "ApiUnreachable", "Conflict", "Forbidden", "InvalidRequest", "NotFound", "NotServedByApi",
    "PayloadTooLarge", "PreconditionFailed", "RateLimited", "ServiceUnavailable", "Unauthorized",
]
