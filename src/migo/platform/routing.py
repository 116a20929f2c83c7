"""Every API route runs in one database transaction that commits before the response is sent.

`MigoRoute` opens the session, runs the endpoint (dependencies included) inside one transaction, stores the
idempotent response in that same transaction, and commits. A business error rolls everything back, unless
it is an outcome to keep (`ApiError(keep_changes=True)`: a denied transfer is recorded with its denial).

An Idempotency-Key answer is stored only once the endpoint itself started (as Stripe does): a request that
failed authentication, its signature or validation can be fixed and retried with the same key.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from contextvars import ContextVar
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.db import Statement, commit, database, defer_writes, fetch_batch
from migo.platform.errors import ERRORS, ApiError
from migo.platform.idempotency import IdempotentReplay, PendingIdempotency
from migo.platform.wire import contains_nul

# Set to [True] by the endpoint function when it starts, after every dependency resolved.
_endpoint_started: ContextVar[list[bool]] = ContextVar("endpoint_started")


def _marking_start(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(endpoint)
    async def started(*args: Any, **kwargs: Any) -> Any:
        flag = _endpoint_started.get(None)
        if flag is not None:
            flag[0] = True
        return await endpoint(*args, **kwargs)

    return started


class MigoRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, _marking_start(endpoint), **kwargs)

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        endpoint = super().get_route_handler()

        async def run_in_transaction(request: Request) -> Response:
            if contains_nul(request.scope["path"]) or contains_nul(list(request.query_params.multi_items())):
                raise ApiError(ERRORS.VALIDATION_ERROR, "The path and query cannot contain NUL characters.")
            started = [False]
            _endpoint_started.set(started)
            async with database.sessionmaker() as session:
                request.state.db = session
                defer_writes(session)
                try:
                    async with session.begin():
                        try:
                            response = await endpoint(request)
                        except ApiError as outcome:
                            if not outcome.keep_changes:
                                raise
                            response = await request.app.exception_handlers[ApiError](request, outcome)
                        pending: PendingIdempotency | None = getattr(request.state, "idempotency", None)
                        stored = []
                        if pending is not None and response.status_code < 500:
                            stored.append(pending.store_statement(response))
                        await commit(session, stored)  # the deferred writes, the answer and COMMIT: one round trip
                    return response
                except IdempotentReplay as replay:
                    await _write_after_rollback(request)
                    return replay.response
                except ApiError as error:
                    response = await request.app.exception_handlers[ApiError](request, error)
                    stored_answer = response if started[0] and response.status_code < 500 else None
                    await _write_after_rollback(request, stored_answer)
                    return response
                except Exception:
                    await _write_after_rollback(request)
                    raise

        return run_in_transaction


_KEPT = "kept_despite_rollback"


def keep_despite_rollback(request: Request, statement: Statement) -> None:
    """A write the request made that must stand even if the request fails (a request signature's one use):
    it rides with the commit, and is written again on its own when the request rolls back."""
    kept: list[Statement] = getattr(request.state, _KEPT, [])
    kept.append(statement)
    setattr(request.state, _KEPT, kept)


async def _write_after_rollback(request: Request, answer: Response | None = None) -> None:
    """After the request's transaction rolled back: the writes it keeps, and the business error's answer
    under its Idempotency-Key (stored once the endpoint itself started, as Stripe does)."""
    kept: list[Statement] = getattr(request.state, _KEPT, [])
    pending: PendingIdempotency | None = getattr(request.state, "idempotency", None)
    if not kept and (pending is None or answer is None):
        return
    async with database.side_transaction() as session:
        if kept:
            await fetch_batch(session, kept)
        if pending is not None and answer is not None:
            await pending.store_in(session, answer)


async def _request_session(request: Request) -> AsyncSession:
    return request.state.db


# The request's session, already inside the request's transaction.
DbSession = Annotated[AsyncSession, Depends(_request_session)]
