"""Cardholders: the users of a company's environment (seed 004, step 2), in both registration modes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, func
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id
from migo.platform.secrets import Password

from .access import readable
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
    user_id: uuid.UUID | None = None,
) -> User:
    """With a password the cardholder registered themselves (SELF); without, the company registered them
    (COMPANY) and they set a password with a one-time code, which needs an email or a phone to reach them.
    `user_id` is the id a caller that must recognise its own earlier registration chose (a batch line)."""
    if details.email is None and details.phone is None:
        raise ApiError(ERRORS.VALIDATION_ERROR, "body: an email or a phone is required to reach the cardholder")
    if password is not None:
        check_password_policy(password)
    username = username or details.email or details.phone
    assert username is not None
    if await find_by_username(session, company_id, username) is not None:
        raise ApiError(IDENTITY_ERRORS.USERNAME_TAKEN)
    now = clock.now()
    user = User(
        id=user_id or new_id(),
        company_id=company_id,
        username=username,
        password_hash=await security.hash_secret(password.reveal()) if password is not None else None,
        registration_mode="SELF" if password is not None else "COMPANY",
        status="active",
        created_at=now,
        updated_at=now,
        **vars(details),
    )
    try:
        async with session.begin_nested():  # a concurrent registration of the same username loses cleanly
            session.add(user)
            await session.flush()
    except IntegrityError as exc:
        raise ApiError(IDENTITY_ERRORS.USERNAME_TAKEN) from exc
    return user


async def get(session: AsyncSession, company_id: uuid.UUID, user_id: uuid.UUID) -> User:
    user = await find(session, company_id, user_id)
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


async def find(session: AsyncSession, company_id: uuid.UUID, user_id: uuid.UUID) -> User | None:
    return await session.scalar(readable(User, company_id).where(User.id == user_id))


async def conflict(
    session: AsyncSession, company_id: uuid.UUID, *, email: str | None, document_number: str | None
) -> str | None:
    """Which of `email` and `document_number` a cardholder of the company already has (`email` first), or None.
    Neither is unique in the table (the Gateway lets a company register what it likes); a bulk upload, which
    cannot be reviewed line by line, refuses a second cardholder with either."""
    if email is not None and await session.scalar(
        readable(User, company_id).with_only_columns(User.id).where(func.lower(User.email) == email.lower()).limit(1)
    ):
        return "email"
    if document_number is not None and await session.scalar(
        readable(User, company_id).with_only_columns(User.id).where(User.document_number == document_number).limit(1)
    ):
        return "documentNumber"
    return None


def listing(company_id: uuid.UUID) -> Select[User]:
    return readable(User, company_id)
