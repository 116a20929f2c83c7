"""Cardholders: the users of a company's environment (seed 004, step 2), in both registration modes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Select, String, bindparam, func, or_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.events import service as events
from migo.platform import clock, security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id
from migo.platform.secrets import Password

from . import tokens
from .access import partner_cardholders, readable
from .errors import IDENTITY_ERRORS
from .models import User
from .passwords import check_password_policy
from .users import find_by_username


@dataclass(frozen=True)
class CardholderDetails:
    first_name: str
    last_name: str
    email: str | None
    phone: str | None
    document_type: str | None
    document_number: str | None
    birth_date: date | None
    external_id: str | None = None


async def register(
    session: AsyncSession,
    company_id: uuid.UUID,
    *,
    username: str | None,
    details: CardholderDetails,
    password: Password | None,
) -> User:
    """With a password the cardholder registered themselves (SELF); without, the company registered them
    (COMPANY) and they set a password with a one-time code, which needs an email or a phone to reach them."""
    username = _username(username, details)
    if password is not None:
        check_password_policy(password)
    if await find_by_username(session, company_id, username) is not None:
        raise ApiError(IDENTITY_ERRORS.USERNAME_TAKEN)
    password_hash = await security.hash_secret(password.reveal()) if password is not None else None
    user = User(**_new_row(company_id, new_id(), username, details, password_hash))
    try:
        async with session.begin_nested():  # a concurrent registration of the same username loses cleanly
            session.add(user)
            await session.flush()
    except IntegrityError as exc:
        raise ApiError(IDENTITY_ERRORS.USERNAME_TAKEN) from exc
    return user


_INSERT_IF_FREE = insert(User).on_conflict_do_nothing().returning(User.id)
# What `register_once` inserts into: a bulk upload of cardholders analyzes it as the upload grows it.
TABLES = (User.__tablename__,)


async def register_once(
    session: AsyncSession, company_id: uuid.UUID, user_id: uuid.UUID, details: CardholderDetails
) -> str | None:
    """Register, as the company (no password), the cardholder whose id the caller chose, unless it exists
    already (a bulk upload's line run again): None. Otherwise which of its `email`, `documentNumber` or
    `username` another cardholder of the company has, and nothing is registered: a bulk upload, which nobody
    reviews line by line, refuses a second cardholder with either. Two statements, for uploads of many lines."""
    username = _username(None, details)
    # A NULL email or document number matches nothing.
    found = (
        await session.execute(
            readable(User, company_id)
            .with_only_columns(User.id, User.email, User.document_number)
            .where(
                or_(
                    User.id == user_id,
                    func.lower(User.username) == username.lower(),
                    func.lower(User.email) == func.lower(bindparam("email", details.email, type_=String)),
                    User.document_number == bindparam("document_number", details.document_number, type_=String),
                )
            )
        )
    ).all()
    if any(row.id == user_id for row in found):
        return None
    for row in found:
        if details.email is not None and (row.email or "").lower() == details.email.lower():
            return "email"
        if details.document_number is not None and row.document_number == details.document_number:
            return "documentNumber"
    if found:
        return "username"
    # A registration of the same username just now: nothing inserted.
    made = await session.execute(_INSERT_IF_FREE, _new_row(company_id, user_id, username, details, None))
    return None if made.first() is not None else "username"


def _username(username: str | None, details: CardholderDetails) -> str:
    """The username asked for, else the email, else the phone; one of those two must reach the cardholder."""
    if details.email is None and details.phone is None:
        raise ApiError(ERRORS.VALIDATION_ERROR, "body: an email or a phone is required to reach the cardholder")
    return username or details.email or details.phone  # type: ignore[return-value]  # one of the two is set


def _new_row(
    company_id: uuid.UUID, user_id: uuid.UUID, username: str, details: CardholderDetails, password_hash: str | None
) -> dict[str, object]:
    now = clock.now()
    return {
        "id": user_id,
        "company_id": company_id,
        "username": username,
        "password_hash": password_hash,
        "registration_mode": "SELF" if password_hash is not None else "COMPANY",
        "status": "active",
        "created_at": now,
        "updated_at": now,
        **vars(details),
    }


async def get(session: AsyncSession, company_id: uuid.UUID, user_id: uuid.UUID) -> User:
    user = await session.scalar(readable(User, company_id).where(User.id == user_id))
    if user is None:
        raise ApiError(IDENTITY_ERRORS.USER_NOT_FOUND)
    return user


async def update(session: AsyncSession, company_id: uuid.UUID, user_id: uuid.UUID, changes: dict[str, object]) -> User:
    """Apply the fields the caller sent (None clears an optional field; names cannot be cleared)."""
    user = await get(session, company_id, user_id)
    for field, value in changes.items():
        setattr(user, field, value)
    if user.email is None and user.phone is None:
        raise ApiError(ERRORS.VALIDATION_ERROR, "body: a cardholder keeps an email or a phone")
    user.updated_at = clock.now()
    await session.flush()
    return user


def listing(company_id: uuid.UUID) -> Select[User]:
    return readable(User, company_id)


async def _partner_cardholder_locked(session: AsyncSession, partner_id: uuid.UUID, user_id: uuid.UUID) -> User:
    """The partner's cardholder, its row locked: a block and an unblock of one cardholder never interleave."""
    user = await session.scalar(partner_cardholders(partner_id).where(User.id == user_id).with_for_update(of=User))
    if user is None:
        raise ApiError(IDENTITY_ERRORS.USER_NOT_FOUND)
    return user


@dataclass(frozen=True)
class BlockState:
    """A cardholder's block as the back office shows it, and whether the call that answers it changed it."""

    user_id: uuid.UUID
    company_id: uuid.UUID
    status: str
    blocked_at: datetime | None
    block_reason: str | None
    changed: bool

    @classmethod
    def of(cls, user: User, changed: bool) -> BlockState:
        return cls(user.id, user.company_id, user.status, user.blocked_at, user.block_reason, changed)


async def block(session: AsyncSession, partner_id: uuid.UUID, user_id: uuid.UUID, reason: str) -> BlockState:
    """A back-office operator's block of one of the partner's cardholders: it is `disabled` (no sign-in, no
    one-time code) and every session it has ends at once, its access and refresh tokens alike, as a disabled
    operator's; the company hears `cardholder.blocked`. A cardholder not active is left as it is."""
    user = await _partner_cardholder_locked(session, partner_id, user_id)
    if user.status != "active":
        return BlockState.of(user, changed=False)
    now = clock.now()
    user.status, user.blocked_at, user.block_reason, user.updated_at = "disabled", now, reason, now
    await tokens.end_sessions(session, "user", user.id, "cardholder_blocked")
    await _heard(session, user, "cardholder.blocked", reason)
    return BlockState.of(user, changed=True)


async def unblock(session: AsyncSession, partner_id: uuid.UUID, user_id: uuid.UUID, reason: str) -> BlockState:
    """Lift the cardholder's block: it may sign in again (the sessions the block ended stay ended); the
    company hears `cardholder.unblocked`. A cardholder not blocked is left as it is."""
    user = await _partner_cardholder_locked(session, partner_id, user_id)
    if user.blocked_at is None:
        return BlockState.of(user, changed=False)
    user.status, user.blocked_at, user.block_reason, user.updated_at = "active", None, None, clock.now()
    await _heard(session, user, "cardholder.unblocked", reason)
    return BlockState.of(user, changed=True)


async def _heard(session: AsyncSession, user: User, event_type: str, reason: str) -> None:
    await events.record(
        session,
        event_type,
        company_id=user.company_id,
        subject_id=str(user.id),
        data={"userId": str(user.id), "status": user.status, "reason": reason},
    )
    await session.flush()
