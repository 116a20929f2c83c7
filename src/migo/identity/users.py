"""Cardholder sign-in: passwords, token pairs, one-time codes and password resets (CONTRACT §3, seed 003)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ratelimit import Limit
from migo.platform.secrets import Otp, Password, Secret

from . import otp, tokens
from .access import readable
from .errors import IDENTITY_ERRORS
from .models import Company, OutboundMessage, Partner, User
from .passwords import PasswordGate, check_password_policy

OTP_PURPOSES = ("password_reset", "pin_reset")

LOGIN_GATE = PasswordGate(
    per_ip=Limit("login-ip", attempts=30, window_seconds=300),
    failures_per_account=Limit("login-user-failures", attempts=5, window_seconds=900),
)
OTP_PER_USER = Limit("otp-user", attempts=3, window_seconds=600)
OTP_PER_IP = Limit("otp-ip", attempts=20, window_seconds=600)
RESET_PER_IP = Limit("reset-ip", attempts=30, window_seconds=600)
RESET_PER_USER = Limit("reset-user", attempts=10, window_seconds=600)


@dataclass(frozen=True)
class OtpRequest:
    expires_in: int


async def find_by_username(session: AsyncSession, company_id: uuid.UUID, username: str) -> User | None:
    return await session.scalar(readable(User, company_id).where(func.lower(User.username) == username.lower()))


async def _partner_of(session: AsyncSession, company_id: uuid.UUID) -> Partner:
    partner = await session.scalar(
        select(Partner).join(Company, Company.partner_id == Partner.id).where(Company.id == company_id)
    )
    assert partner is not None
    return partner


async def _issue_user_tokens(
    session: AsyncSession, user: User, application_id: uuid.UUID, family_id: uuid.UUID | None = None
) -> tokens.IssuedTokens:
    partner = await _partner_of(session, user.company_id)
    return await tokens.issue(
        session,
        subject_id=user.id,
        kind="user",
        audience="gateway",
        application_id=application_id,
        tenant_id=user.company_id,
        access_ttl=partner.user_access_ttl_seconds,
        refresh_ttl=partner.user_refresh_ttl_seconds,
        family_id=family_id,
    )


async def login(
    session: AsyncSession,
    *,
    company_id: uuid.UUID,
    application_id: uuid.UUID,
    username: str,
    password: Password,
    client_ip: str,
) -> tokens.IssuedTokens:
    user = await find_by_username(session, company_id, username)
    await LOGIN_GATE.verify(
        client_ip=client_ip,
        account=f"{company_id}:{username.lower()}",
        stored_hash=user.password_hash if user else None,
        password=password,
    )
    assert user is not None
    if user.status != "active":
        raise ApiError(IDENTITY_ERRORS.USER_DISABLED)
    return await _issue_user_tokens(session, user, application_id)


async def refresh(session: AsyncSession, *, application_id: uuid.UUID, refresh_token: Secret) -> tokens.IssuedTokens:
    spent = await tokens.spend_refresh_token(session, refresh_token, kind="user", application_id=application_id)
    user = await session.get(User, spent.subject_id)
    if user is None or user.status != "active":
        raise ApiError(ERRORS.INVALID_REFRESH_TOKEN)
    return await _issue_user_tokens(session, user, application_id, family_id=spent.family_id)


async def send_otp(
    session: AsyncSession, *, company_id: uuid.UUID, username: str, purpose: str, client_ip: str
) -> OtpRequest:
    """Send a one-time code to the user. The answer is the same whether or not the user exists."""
    await OTP_PER_IP.consume(client_ip)
    await OTP_PER_USER.consume(f"{company_id}:{username.lower()}")
    user = await find_by_username(session, company_id, username)
    if user is not None and user.status == "active":
        code = await otp.issue(session, user, purpose)
        await otp.queue_message(
            session,
            user,
            subject="Your Migo verification code",
            body=f"Your Migo code is {code.reveal()}. It expires in 10 minutes. Never share it with anyone.",
        )
    return OtpRequest(expires_in=int(otp.OTP_TTL.total_seconds()))


async def verify_otp(session: AsyncSession, user: User, purpose: str, code: Otp) -> None:
    """Spend the user's live code for `purpose` (INVALID_OTP or OTP_EXPIRED otherwise): see `otp.verify`."""
    await otp.verify(session, user, purpose, code)


async def reset_password(
    session: AsyncSession,
    *,
    company_id: uuid.UUID,
    username: str,
    code: Otp,
    new_password: Password,
    client_ip: str,
) -> User:
    await RESET_PER_IP.consume(client_ip)
    await RESET_PER_USER.consume(f"{company_id}:{username.lower()}")
    check_password_policy(new_password)
    user = await find_by_username(session, company_id, username)
    if user is None or user.status != "active":
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP, "No valid code is waiting; request a new one.")
    await verify_otp(session, user, "password_reset", code)
    user.password_hash = await security.hash_secret(new_password.reveal())
    user.updated_at = clock.now()
    await tokens.end_sessions(session, "user", user.id, "password_reset")
    return user


def outbox_of(company_id: uuid.UUID, username: str) -> Select[OutboundMessage]:
    return (
        readable(OutboundMessage, company_id)
        .join(User, User.id == OutboundMessage.user_id)
        .where(func.lower(User.username) == username.lower())
    )
