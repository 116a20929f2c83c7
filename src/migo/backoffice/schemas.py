"""Wire shapes of the back office."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import Field

from migo.platform.wire import ApiModel, UtcDateTime


class AuditRecordOut(ApiModel):
    id: uuid.UUID
    at: UtcDateTime
    operator_id: uuid.UUID | None = Field(description="None: the call named no operator (refused, or a sign-in).")
    application_id: uuid.UUID | None
    action: str = Field(description="The operation, as the OpenAPI document names it: `approveLead`.")
    method: str
    route: str
    resource: dict[str, str] = Field(description='The ids in the call\'s path: `{"leadId": "…"}`.')
    status: int
    outcome: Literal["success", "refused", "failed"]
    origin_ip: str
    request_id: str
    changes: dict[str, Any] | None = Field(description="What it changed: `{field: {before, after}}`.")
