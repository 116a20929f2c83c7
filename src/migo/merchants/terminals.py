"""Branches of a business and the POS terminals at them.

A terminal is registered ACTIVE with its credentials: `terminalKeyId` names it, `terminalSecret` is shown once
and kept only as a keyed digest. Deactivating stops it taking payments until it is activated again; its
credentials stay the same.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.platform import clock, security
from migo.platform.errors import ApiError
from migo.platform.ids import new_id
from migo.platform.pagination import Listing
from migo.platform.secrets import Secret

from .access import readable
from .businesses import find_business
from .errors import MERCHANT_ERRORS
from .models import Branch, Terminal

BRANCHES = Listing(
    name="Branches",
    sortable={"createdAt": lambda: Branch.created_at, "name": lambda: Branch.name},
    default_sort="createdAt",
    searchable=(lambda: Branch.name, lambda: Branch.address),
    tiebreaker=lambda: Branch.id,
)
_TRANSITIONS = {
    "activate": ("INACTIVE", "ACTIVE", MERCHANT_ERRORS.TERMINAL_ALREADY_ACTIVE),
    "deactivate": ("ACTIVE", "INACTIVE", MERCHANT_ERRORS.TERMINAL_INACTIVE),
}


@dataclass(frozen=True)
class RegisteredTerminal:
    terminal: Terminal
    secret: Secret  # shown to the caller this once, never again


async def add_branch(
    session: AsyncSession, company_id: uuid.UUID, business_id: uuid.UUID, name: str, address: str
) -> Branch:
    business = await find_business(session, company_id, business_id)
    if business.status != "ACTIVE":
        raise ApiError(MERCHANT_ERRORS.BUSINESS_NOT_ACTIVE)
    branch = Branch(id=new_id(), company_id=company_id, business_id=business.id, name=name, address=address)
    session.add(branch)
    await session.flush()
    await _record(session, "branch.created", company_id, branch.id, businessId=str(business.id))
    return branch


async def branches_of(session: AsyncSession, company_id: uuid.UUID, business_id: uuid.UUID) -> Select[Branch]:
    business = await find_business(session, company_id, business_id)
    return readable(company_id, Branch).where(Branch.business_id == business.id)


async def find_branch(session: AsyncSession, company_id: uuid.UUID, branch_id: uuid.UUID) -> Branch:
    branch = await session.scalar(readable(company_id, Branch).where(Branch.id == branch_id))
    if branch is None:
        raise ApiError(MERCHANT_ERRORS.BRANCH_NOT_FOUND)
    return branch


async def register_terminal(
    session: AsyncSession, company_id: uuid.UUID, branch_id: uuid.UUID, serial_number: str, model: str
) -> RegisteredTerminal:
    branch = await find_branch(session, company_id, branch_id)
    secret = Secret(security.random_token())
    terminal = Terminal(
        id=new_id(),
        company_id=company_id,
        business_id=branch.business_id,
        branch_id=branch.id,
        serial_number=serial_number,
        model=model,
        status="ACTIVE",
        key_id=f"tk_{secrets.token_hex(12)}",
        secret_digest=security.token_digest(secret.reveal()),
    )
    try:
        async with session.begin_nested():  # a duplicate serial number refuses this terminal, not the request
            session.add(terminal)
            await session.flush()
    except IntegrityError:
        raise ApiError(MERCHANT_ERRORS.TERMINAL_ALREADY_REGISTERED) from None
    await _record(session, "terminal.created", company_id, terminal.id, branchId=str(branch.id))
    return RegisteredTerminal(terminal, secret)


async def find_terminal(
    session: AsyncSession, company_id: uuid.UUID, terminal_id: uuid.UUID, *, lock: bool = False
) -> Terminal:
    statement = readable(company_id, Terminal).where(Terminal.id == terminal_id)
    terminal = await session.scalar(statement.with_for_update() if lock else statement)
    if terminal is None:
        raise ApiError(MERCHANT_ERRORS.TERMINAL_NOT_FOUND)
    return terminal


async def authenticate_terminal(session: AsyncSession, key_id: str, secret: Secret) -> Terminal | None:
    """The terminal these credentials name, or None (an unknown key id and a wrong secret look the same). The
    key id is the capability here: it names the company, as an application's credentials do."""
    terminal = await session.scalar(select(Terminal).where(Terminal.key_id == key_id))
    digest = security.token_digest(secret.reveal())
    if terminal is None or not security.constant_time_equals(terminal.secret_digest, digest):
        return None
    return terminal


async def change_terminal_status(
    session: AsyncSession, company_id: uuid.UUID, terminal_id: uuid.UUID, action: str
) -> Terminal:
    """`activate` or `deactivate`; asking for the status the terminal already has is a 409 naming it."""
    source, target, refusal = _TRANSITIONS[action]
    terminal = await find_terminal(session, company_id, terminal_id, lock=True)
    if terminal.status != source:
        raise ApiError(refusal)
    terminal.status = target
    terminal.updated_at = clock.now()
    await _record(session, f"terminal.{action}d", company_id, terminal.id, status=target)
    return terminal


async def _record(
    session: AsyncSession, event_type: str, company_id: uuid.UUID, subject: uuid.UUID, **data: str
) -> None:
    await events.record(
        session, event_type, subject_id=str(subject), company_id=company_id, data={"id": str(subject), **data}
    )
