"""CMS Backoffice (`ali-api-cms-rest`), mounted at /cms/rest."""

from __future__ import annotations

from fastapi import FastAPI

from migo.backoffice import conciliation_router as conciliation
from migo.backoffice import partners_router as partners
from migo.backoffice import router as backoffice
from migo.backoffice import stock_router as card_stock
from migo.backoffice import transactions_router as transactions
from migo.backoffice.service import AuditTrail
from migo.identity import operators_router as operator_management
from migo.identity import router as identity
from migo.merchants import review_router as merchant_review
from migo.platform.catalog_router import error_catalog_router
from migo.platform.errors import catalog_markdown
from migo.platform.settings import Settings
from migo.platform.surface import build_surface

DESCRIPTION = """
Partners (their token lifetimes, companies and applications, and their Payment Link client configurations),
cardholder management, RBAC, bulk operations, the KYC review of merchant leads, the
conciliation of processor settlement files and the partner's transactions (search, refunds), for authorized
partners.

Every call carries the CMS application's `Authorization: Bearer <accessToken>` (from `POST
/cms/rest/auth/token`) and the operator's `x-user-token` (from `POST /cms/rest/auth/login`); the operator's
roles decide what it may do. Answers use the `CustomResponse` envelope.

## Error catalog

"""


def build_cms(settings: Settings) -> FastAPI:
    routers = [
        identity.application_token_router("cms"),
        identity.cms_operators,
        operator_management.router,
        merchant_review.router,
        partners.router,
        backoffice.router,
        conciliation.router,
        transactions.router,
        card_stock.router,
        error_catalog_router(),
    ]
    if settings.is_sandbox:
        routers.append(operator_management.sandbox_outbox)
    app = build_surface(
        title="Migo CMS Backoffice",
        description=DESCRIPTION + catalog_markdown(),
        style="envelope",
        settings=settings,
        routers=routers,
    )
    # Every call that changes something, and every sensitive read, is kept in the audit trail.
    app.add_middleware(AuditTrail)
    return app
