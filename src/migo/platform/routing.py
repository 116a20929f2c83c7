"""Every API route runs in one database transaction that commits before the response is sent.

`MigoRoute` opens the session, runs the endpoint (dependencies included) inside one transaction, stores the
idempotent response in that same transaction, and commits. A business error rolls everything back; when
the request carried an Idempotency-Key, the error answer is then stored on its own so a retry replays it.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, Request, Response
from fastapi.routing import APIRoute
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform.db import database
from migo.platform.errors import ApiError
from migo.platform.idempotency import IdempotentReplay, PendingIdempotency


class MigoRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        endpoint = super().get_route_handler()

        async def run_in_transaction(request: Request) -> Response:
            async with database.sessionmaker() as session:
                request.state.db = session
                try:
                    async with session.begin():
                        try:
                            response = await endpoint(request)
                        except ApiError as outcome:
                            if not outcome.keep_changes:
                                raise
                            response = await request.app.exception_handlers[ApiError](request, outcome)
                        pending: PendingIdempotency | None = getattr(request.state, "idempotency", None)
                        if pending is not None and response.status_code < 500:
                            await pending.store(session, response)
                    return response
                except IdempotentReplay as replay:
                    return replay.response
                except ApiError as error:
                    handler = request.app.exception_handlers[ApiError]
                    response = await handler(request, error)
                    pending = getattr(request.state, "idempotency", None)
                    if pending is not None and response.status_code < 500:
                        await pending.store_alone(response)
                    return response

        return run_in_transaction


async def _request_session(request: Request) -> AsyncSession:
    return request.state.db  # type: ignore[no-any-return]


# The request's session, already inside the request's transaction.
DbSession = Annotated[AsyncSession, Depends(_request_session)]
