"""The CMS's partners (`/cms/rest/app/partners`) and the Payment Link clients configured for them: parse, call
the services, answer. An operator sees the partners `visible_partners` selects and names only its own
(`own_partner`); creating a partner is a platform operator's (`require_global`)."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from pydantic.alias_generators import to_camel
from sqlalchemy.ext.asyncio import AsyncSession

from migo.cards import service as cards
from migo.identity import service as identity
from migo.identity.auth import CmsOperatorIdempotent, require_permission
from migo.identity.principals import OperatorPrincipal
from migo.identity.schemas import MerchantTokenOut, NewMerchantTokenOut
from migo.payments import service as payments
from migo.platform.auditing import name_resource, record_changes
from migo.platform.envelope import CustomResponse, created, ok
from migo.platform.errors import ApiError
from migo.platform.pagination import Page, PageRequest
from migo.platform.routing import DbSession, MigoRoute
from migo.platform.wire import patch_changes
from migo.webhooks import service as webhooks

from .access import own_company, own_partner, require_global, visible_partners
from .errors import PARTNER_ERRORS
from .schemas import (
    CardProgramOut,
    NewPartnerApplicationOut,
    PartnerApplicationCreate,
    PartnerApplicationOut,
    PartnerClientOut,
    PartnerClientUpdate,
    PartnerCompanyCreate,
    PartnerCompanyOut,
    PartnerCreate,
    PartnerDetail,
    PartnerOut,
    PartnerUpdate,
)

router = APIRouter(route_class=MigoRoute, tags=["Partners"])

ClientSlug = Annotated[str, Path(min_length=1, max_length=100, description="The Payment Link client's slug.")]


@router.get("/app/partners", response_model=CustomResponse[Page[PartnerOut]])
async def list_partners(
    session: DbSession,
    operator: OperatorPrincipal = require_permission("partners.read"),
    page: PageRequest = identity.PARTNERS.params(),
) -> Any:
    """The partners the operator may see (a partner's operator: its own); `searchText` matches the name."""
    found, meta = await identity.PARTNERS.fetch(session, identity.partners(visible_partners(operator)), page)
    return ok(Page[PartnerOut](items=[PartnerOut.model_validate(partner) for partner in found], meta=meta))


@router.post(
    "/app/partners", status_code=201, response_model=CustomResponse[PartnerOut], dependencies=[CmsOperatorIdempotent]
)
async def create_partner(
    body: PartnerCreate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("partners.manage"),
) -> Any:
    """Create a partner with its name and token lifetimes (each left out: the platform's default). Only a
    platform operator may (403/7840 to a partner's operator). Honours Idempotency-Key."""
    name_resource(request, body.name)
    require_global(operator)
    lifetimes = dataclasses.replace(
        identity.TokenLifetimes.defaults(), **body.model_dump(exclude={"name"}, exclude_none=True)
    )
    return created(PartnerOut.model_validate(await identity.create_partner(session, body.name, lifetimes=lifetimes)))


@router.get("/app/partners/{partnerId}", response_model=CustomResponse[PartnerDetail])
async def get_partner(
    partnerId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("partners.read"),
) -> Any:
    """The partner with its token lifetimes, its companies (each with its card program, if provisioned) and its
    applications (the Middleware applications of its Payment Link clients included): ids, never a secret."""
    partner_id = await own_partner(session, operator, partnerId)
    overview = await identity.partner_overview(
        session, partner_id, await payments.partner_client_slugs(session, partner_id)
    )
    programs = await cards.company_programs(session, [company.id for company in overview.companies])
    return ok(
        PartnerDetail(
            **PartnerOut.model_validate(overview.partner).model_dump(),
            companies=[
                PartnerCompanyOut(
                    id=company.id,
                    name=company.name,
                    created_at=company.created_at,
                    card_program=CardProgramOut.model_validate(programs[company.id])
                    if company.id in programs
                    else None,
                )
                for company in overview.companies
            ],
            applications=[PartnerApplicationOut.model_validate(app) for app in overview.applications],
        )
    )


@router.patch("/app/partners/{partnerId}", response_model=CustomResponse[PartnerOut])
async def update_partner(
    partnerId: uuid.UUID,  # noqa: N803
    body: PartnerUpdate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("partners.manage"),
) -> Any:
    """Rename the partner, change its token lifetimes or the language of its hosted pages and card statements
    (`locale`, null: the reader's). A lifetime out of bounds or a language Migo does not speak is a 400 naming
    it, and nothing changes; tokens already issued keep their expiry."""
    lifetimes = patch_changes(body)
    name = lifetimes.pop("name", None)
    locale = {"locale": lifetimes.pop("locale")} if "locale" in lifetimes else {}
    change = await identity.update_partner(
        session, await own_partner(session, operator, partnerId), name=name, lifetimes=lifetimes, **locale
    )
    record_changes(request, **{to_camel(field): values for field, values in change.changed.items()})
    name_resource(request, change.partner.name)  # renamed: the new name (`changes` keeps the old)
    return ok(PartnerOut.model_validate(change.partner))


@router.post(
    "/app/partners/{partnerId}/companies",
    status_code=201,
    response_model=CustomResponse[PartnerCompanyOut],
    dependencies=[CmsOperatorIdempotent],
)
async def create_partner_company(
    partnerId: uuid.UUID,  # noqa: N803
    body: PartnerCompanyCreate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("partners.manage"),
) -> Any:
    """A new company of the partner (a Gateway application acts for one), with no card program until one is
    provisioned. Honours Idempotency-Key."""
    company = await identity.add_partner_company(session, await own_partner(session, operator, partnerId), body.name)
    record_changes(request, companyId=(None, str(company.id)))
    return created(
        PartnerCompanyOut(id=company.id, name=company.name, created_at=company.created_at, card_program=None)
    )


@router.post(
    "/app/partners/{partnerId}/applications",
    status_code=201,
    response_model=CustomResponse[NewPartnerApplicationOut],
    dependencies=[CmsOperatorIdempotent],
)
async def create_partner_application(
    partnerId: uuid.UUID,  # noqa: N803
    body: PartnerApplicationCreate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("partners.manage"),
) -> Any:
    """A CMS application of the partner (its operators sign in through it: `POST /cms/rest/auth/token`), or a
    Gateway application of one of its companies (`companyId`: required for `gateway`, 400/7842; refused for `cms`,
    400/7843; another partner's, 404/7850). The `clientSecret` is in this answer only; Migo keeps its hash. A
    retry under the same Idempotency-Key by the same operator replays this answer, secret included, for 24
    hours (stored encrypted, as every idempotent answer), so a lost answer does not leave an unusable
    application behind."""
    company_id = body.company_for_kind()
    partner_id = await own_partner(session, operator, partnerId)
    if company_id is not None:
        await own_company(session, partner_id, company_id)
    made = await identity.add_partner_application(
        session, partner_id, kind=body.kind, name=body.name, company_id=company_id
    )
    application = made.application
    record_changes(request, applicationId=(None, str(application.id)), clientId=(None, application.client_id))
    return created(
        NewPartnerApplicationOut(
            **PartnerApplicationOut.model_validate(application).model_dump(),
            partner_id=partner_id,
            client_secret=made.client_secret.reveal(),
        )
    )


# The partner's Payment Link clients (Middleware): what `migo clients configure` sets.


@router.get(
    "/app/partners/{partnerId}/clients",
    response_model=CustomResponse[Page[PartnerClientOut]],
    tags=["Payment Link clients"],
)
async def list_partner_clients(
    partnerId: uuid.UUID,  # noqa: N803
    session: DbSession,
    operator: OperatorPrincipal = require_permission("clients.read"),
    page: PageRequest = payments.PARTNER_CLIENTS.params(),
) -> Any:
    """The Payment Link clients configured for the partner; `searchText` matches the slug and display name."""
    found, meta = await payments.partner_client_page(session, await own_partner(session, operator, partnerId), page)
    callbacks = await webhooks.client_callbacks(session, [terms.slug for terms in found])
    return ok(
        Page[PartnerClientOut](items=[PartnerClientOut.of(terms, callbacks[terms.slug]) for terms in found], meta=meta)
    )


@router.get(
    "/app/partners/{partnerId}/clients/{slug}",
    response_model=CustomResponse[PartnerClientOut],
    tags=["Payment Link clients"],
)
async def get_partner_client(
    partnerId: uuid.UUID,  # noqa: N803
    slug: ClientSlug,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("clients.read"),
) -> Any:
    """One of the partner's clients; another partner's slug, or none, is 404/7841."""
    terms = await payments.partner_client_terms(session, await own_partner(session, operator, partnerId), slug)
    if terms is None:
        raise ApiError(PARTNER_ERRORS.PARTNER_CLIENT_NOT_FOUND)
    return ok(await _client_view(session, terms))


@router.patch(
    "/app/partners/{partnerId}/clients/{slug}",
    response_model=CustomResponse[PartnerClientOut],
    tags=["Payment Link clients"],
)
async def update_partner_client(
    partnerId: uuid.UUID,  # noqa: N803
    slug: ClientSlug,
    body: PartnerClientUpdate,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("clients.manage"),
) -> Any:
    """Change any of the client's fields: under the rules of `migo clients configure`, so a value they refuse is
    a 400 naming the field, and nothing changes. `callbackEndpoint` points the client's callback endpoint (the
    first of `callbackEndpoints`) at a URL and static header, under the webhook endpoints' URL rules; null
    removes it. The header's value is kept encrypted and never shown, nor kept in the audit trail. New links
    follow at once (a link's amount outside the new range is refused 2003); links already created keep what they
    were created with. Another partner's slug is 404/7841."""
    change = await payments.reconfigure_partner_client(
        session, await own_partner(session, operator, partnerId), slug, body.terms_changes()
    )
    if change is None:
        raise ApiError(PARTNER_ERRORS.PARTNER_CLIENT_NOT_FOUND)
    before = (await _client_view(session, change.before)).model_dump(mode="json", by_alias=True)
    if body.sets_callback():
        callback = body.callback_endpoint.callback() if body.callback_endpoint else None
        await webhooks.set_client_callback(session, slug, callback, url_field="body.callbackEndpoint.url")
    answer = await _client_view(session, change.after)
    after = answer.model_dump(mode="json", by_alias=True)
    # A new header value alone shows nowhere (it is never shown), so a callback sent is always recorded.
    changed = [field for field in before if before[field] != after[field]]
    if body.sets_callback() and "callbackEndpoints" not in changed:
        changed.append("callbackEndpoints")
    record_changes(request, **{field: (before[field], after[field]) for field in changed})
    name_resource(request, change.after.display_name)  # the slug is in the path's ids
    return ok(answer)


# The client's merchant tokens: what its storefront plugins send to the Middleware (seed 002).


@router.get(
    "/app/partners/{partnerId}/clients/{slug}/merchant-tokens",
    response_model=CustomResponse[Page[MerchantTokenOut]],
    tags=["Payment Link clients"],
)
async def list_client_merchant_tokens(
    partnerId: uuid.UUID,  # noqa: N803
    slug: ClientSlug,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("clients.read"),
    page: PageRequest = identity.MERCHANT_TOKENS.params(),
) -> Any:
    """The client's merchant tokens, revoked ones included, each by its last four characters (the token itself is
    shown only when issued). Another partner's slug is 404/7841."""
    client = await _own_client(session, operator, partnerId, slug)
    found, meta = await identity.MERCHANT_TOKENS.fetch(session, identity.client_merchant_tokens(client), page)
    return ok(Page[MerchantTokenOut](items=[MerchantTokenOut.of(record) for record in found], meta=meta))


@router.post(
    "/app/partners/{partnerId}/clients/{slug}/merchant-tokens",
    status_code=201,
    response_model=CustomResponse[NewMerchantTokenOut],
    dependencies=[CmsOperatorIdempotent],
    tags=["Payment Link clients"],
)
async def create_client_merchant_token(
    partnerId: uuid.UUID,  # noqa: N803
    slug: ClientSlug,
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("clients.manage"),
) -> Any:
    """Issue a merchant token for the client's Middleware application, to hand to the merchant: the `token` is in
    this answer only (a retry under the same Idempotency-Key by the same operator replays it). A client without a
    Middleware application is 409/7014."""
    new = await identity.issue_client_merchant_token(session, await _own_client(session, operator, partnerId, slug))
    record_changes(request, merchantTokenId=(None, str(new.record.id)))
    return created(NewMerchantTokenOut.issued(new))


@router.delete(
    "/app/partners/{partnerId}/clients/{slug}/merchant-tokens/{tokenId}",
    response_model=CustomResponse[MerchantTokenOut],
    tags=["Payment Link clients"],
)
async def revoke_client_merchant_token(
    partnerId: uuid.UUID,  # noqa: N803
    slug: ClientSlug,
    tokenId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("clients.manage"),
) -> Any:
    """Revoke a merchant token at once (the merchant's calls with it answer 401). Another client's is 404/7005."""
    client = await _own_client(session, operator, partnerId, slug)
    revoked = MerchantTokenOut.of(await identity.revoke_client_merchant_token(session, client, tokenId))
    record_changes(request, status=("active", revoked.status))
    return ok(revoked)


@router.post(
    "/app/partners/{partnerId}/clients/{slug}/merchant-tokens/{tokenId}/rotate",
    status_code=201,
    response_model=CustomResponse[NewMerchantTokenOut],
    dependencies=[CmsOperatorIdempotent],
    tags=["Payment Link clients"],
)
async def rotate_client_merchant_token(
    partnerId: uuid.UUID,  # noqa: N803
    slug: ClientSlug,
    tokenId: uuid.UUID,  # noqa: N803
    request: Request,
    session: DbSession,
    operator: OperatorPrincipal = require_permission("clients.manage"),
) -> Any:
    """Replace a merchant token: a new one (in this answer only), the old one revoked at once. A revoked token is
    409/7014; another client's is 404/7005."""
    client = await _own_client(session, operator, partnerId, slug)
    new = await identity.rotate_client_merchant_token(session, client, tokenId)
    record_changes(request, merchantTokenId=(str(tokenId), str(new.record.id)))
    return created(NewMerchantTokenOut.issued(new))


async def _own_client(session: AsyncSession, operator: OperatorPrincipal, partner_id: uuid.UUID, slug: str) -> str:
    """The slug of one of the partner's clients; another partner's, or none, is 404/7841."""
    if await payments.partner_client_terms(session, await own_partner(session, operator, partner_id), slug) is None:
        raise ApiError(PARTNER_ERRORS.PARTNER_CLIENT_NOT_FOUND)
    return slug


async def _client_view(session: AsyncSession, terms: payments.ClientTerms) -> PartnerClientOut:
    """The client's configuration with its callback endpoints."""
    return PartnerClientOut.of(terms, (await webhooks.client_callbacks(session, [terms.slug]))[terms.slug])
