"""What the API's answers and failures become: one exception type per status the callers act on."""

from __future__ import annotations

from typing import Any, Mapping


class ApiError(Exception):
    """An RFC 9457 problem details answer (or any non-2xx), with its fields."""

    def __init__(self, status: int, title: str | None, detail: str | None,
                 errors: Mapping[str, list[str]] | None = None, *, type: str | None = None,
                 retry_after: float | None = None, body: Any = None) -> None:
        self.status = status
        self.title = title
        self.detail = detail
        # Keyed by the request's field or parameter name, e.g. {"title": ["'title' must not be empty."]}.
        self.errors: dict[str, list[str]] = dict(errors or {})
        self.type = type
        self.retry_after = retry_after
        self.body = body
        super().__init__(self._message())

    def _message(self) -> str:
        text = f"{self.status} {self.title or ''}".strip()
        if self.detail:
            text += f": {self.detail}"
        for field, messages in self.errors.items():
            text += f"\n  {field}: {'; '.join(messages)}"
        return text


class InvalidRequest(ApiError):
    """400: the request names a field the service refuses; `errors` says which and why."""


class Unauthorized(ApiError):
    """401: no API key, or one the service does not know."""


class Forbidden(ApiError):
    """403: this adapter's API key lacks a scope the operation needs; `missing_scopes` names them (e.g.
    ["notes:write"]). Give the key that scope in the service's Auth__ApiKeys__N__Scopes, or use the right adapter."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        body = self.body if isinstance(self.body, dict) else {}
        scopes = body.get("missing_scopes")
        self.missing_scopes: list[str] = [str(s) for s in scopes] if isinstance(scopes, list) else []


class NotFound(ApiError):
    """404: no such resource, or one the acting user may not see (the service does not tell them apart)."""


class Conflict(ApiError):
    """409: the resource's state refuses the change (completing a cancelled task, a taken session id, ...)."""


class PreconditionFailed(ApiError):
    """412: the resource changed since this client last read it (stale If-Match). Read it again, re-apply, retry."""


class PayloadTooLarge(ApiError):
    """413: the request body is over the service's limit."""


class RateLimited(ApiError):
    """429 after the bounded retries: this API key is over its rate limit."""


class ServiceUnavailable(ApiError):
    """503 after the bounded retries: the service cannot reach its database."""


_BY_STATUS: dict[int, type[ApiError]] = {
    400: InvalidRequest, 401: Unauthorized, 403: Forbidden, 404: NotFound, 409: Conflict, 412: PreconditionFailed,
    413: PayloadTooLarge, 429: RateLimited, 503: ServiceUnavailable,
}


def error_for(status: int, body: Any, retry_after: float | None) -> ApiError:
    problem = body if isinstance(body, dict) else {}
    errors = problem.get("errors") if isinstance(problem.get("errors"), dict) else None
    return _BY_STATUS.get(status, ApiError)(
        status, problem.get("title"), problem.get("detail"), errors,
        type=problem.get("type"), retry_after=retry_after, body=body)


class ApiUnreachable(Exception):
    """No HTTP answer after the bounded retries (connection refused, timeout, dropped connection).

    `may_have_been_applied` is True when the request was sent and the answer was lost: a create or a transition may
    have happened. Read before repeating it.
    """

    def __init__(self, message: str, *, may_have_been_applied: bool) -> None:
        super().__init__(message)
        self.may_have_been_applied = may_have_been_applied


class ActingUserRequired(RuntimeError):
    """A call on user-owned data with no acting user: pass `user_id=` or wrap the handler in `acting_as(user_id)`."""


class NotServedByApi(NotImplementedError):
    """A method of the old repository interface that the API deliberately does not serve; the message says why and
    what replaces it."""
