"""Cardholder sign-in: passwords, token pairs, one-time codes and password resets (CONTRACT §3, seed 003)."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Select, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from migo.platform import clock, security
from migo.platform.db import database
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ids import new_id
from migo.platform.jobs import defer
from migo.platform.ratelimit import Limit
from migo.platform.secrets import Otp, Password, Secret

from . import tokens
from .access import readable
from .errors import IDENTITY_ERRORS
from .models import Company, OtpCode, OutboundMessage, Partner, User
from .passwords import PasswordGate, check_password_policy

OTP_TTL = timedelta(minutes=10)
OTP_MAX_ATTEMPTS = 5
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
        now = clock.now()
        # A new code replaces any earlier one still waiting.
        await session.execute(
            update(OtpCode)
            .where(OtpCode.user_id == user.id, OtpCode.purpose == purpose, OtpCode.used_at.is_(None))
            .values(used_at=now)
        )
        code = Otp(f"{secrets.randbelow(10**6):06d}")
        otp = OtpCode(
            id=new_id(),
            user_id=user.id,
            purpose=purpose,
            code_digest=_otp_digest(user.id, purpose, code),
            expires_at=now + OTP_TTL,
            created_at=now,
        )
        session.add(otp)
        await _queue_message(
            session,
            user,
            subject="Your Migo verification code",
            body=f"Your Migo code is {code.reveal()}. It expires in 10 minutes. Never share it with anyone.",
        )
    return OtpRequest(expires_in=int(OTP_TTL.total_seconds()))


def _otp_digest(user_id: uuid.UUID, purpose: str, code: Otp) -> bytes:
    return security.keyed_hash(f"{user_id}:{purpose}:{code.reveal()}", purpose="otp")


async def _queue_message(session: AsyncSession, user: User, *, subject: str, body: str) -> None:
    from .tasks import deliver_message  # the task module imports this one

    channel, recipient = ("email", user.email) if user.email else ("sms", user.phone)
    message = OutboundMessage(
        id=new_id(),
        company_id=user.company_id,
        user_id=user.id,
        channel=channel if recipient else "none",
        recipient=recipient or user.username,
        subject=subject,
        body_ciphertext=seal_message(body),
        created_at=clock.now(),
    )
    session.add(message)
    await session.flush()
    await defer(session, deliver_message, message_id=str(message.id))


async def verify_otp(session: AsyncSession, user: User, purpose: str, code: Otp) -> None:
    """Spend the user's live code for `purpose`; INVALID_OTP or OTP_EXPIRED otherwise.

    Every try costs one of the code's five, counted in a transaction of its own so that it still counts
    when this request fails; the code is then spent with a conditional UPDATE, so it works once.
    """
    otp = await session.scalar(
        select(OtpCode)
        .where(OtpCode.user_id == user.id, OtpCode.purpose == purpose, OtpCode.used_at.is_(None))
        .order_by(OtpCode.created_at.desc())
        .limit(1)
    )
    if otp is None:
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP, "No valid code is waiting; request a new one.")
    if otp.expires_at <= clock.now():
        raise ApiError(IDENTITY_ERRORS.OTP_EXPIRED)
    async with database.side_transaction() as counter:
        tries = await counter.scalar(
            update(OtpCode)
            .where(OtpCode.id == otp.id)
            .values(attempts=OtpCode.attempts + 1)
            .returning(OtpCode.attempts)
        )
    if tries is None or tries > OTP_MAX_ATTEMPTS:
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP, "Too many wrong codes; request a new one.")
    if not security.constant_time_equals(otp.code_digest, _otp_digest(user.id, purpose, code)):
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP)
    spent = await session.scalar(
        update(OtpCode)
        .where(OtpCode.id == otp.id, OtpCode.used_at.is_(None))
        .values(used_at=clock.now())
        .returning(OtpCode.id)
    )
    if spent is None:
        raise ApiError(IDENTITY_ERRORS.INVALID_OTP, "No valid code is waiting; request a new one.")


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


def seal_message(body: str) -> bytes:
    return security.encrypt(body.encode(), purpose="outbound-message")


def open_message(message: OutboundMessage) -> str | None:
    if message.body_ciphertext is None:
        return None
    return security.decrypt(message.body_ciphertext, purpose="outbound-message").decode()


def outbox_of(company_id: uuid.UUID, username: str) -> Select[OutboundMessage]:
    return (
        readable(OutboundMessage, company_id)
        .join(User, User.id == OutboundMessage.user_id)
        .where(func.lower(User.username) == username.lower())
    )
