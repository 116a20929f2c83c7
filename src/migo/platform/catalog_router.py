"""`GET /errors`: the error catalog as data, on the Gateway and the CMS."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from migo.platform.envelope import CustomResponse, ok
from migo.platform.errors import catalog, middleware_catalog
from migo.platform.wire import ApiModel


class CatalogEntry(ApiModel):
    code: int
    name: str
    http_status: int
    message: str


class ErrorCatalog(ApiModel):
    errors: list[CatalogEntry]
    payment_link_errors: list[CatalogEntry]


def error_catalog_router() -> APIRouter:
    router = APIRouter(tags=["Errors"])

    @router.get("/errors", response_model=CustomResponse[ErrorCatalog])
    async def list_error_codes() -> Any:
        """Every business error code (7000-8099) with its HTTP status, and the Payment Link `ownCode`s."""
        return ok(
            ErrorCatalog(
                errors=[CatalogEntry.model_validate(e.as_dict()) for e in catalog()],
                payment_link_errors=[CatalogEntry.model_validate(e.as_dict()) for e in middleware_catalog()],
            )
        )

    return router
