"""The senders against real servers on 127.0.0.1: an SMTP server (aiosmtpd) for email, a fake of Twilio's
Messages API for sms and wa; retries with backoff, and a message that fails for good is marked so."""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from email import message_from_bytes

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from pydantic import SecretStr
from sqlalchemy import select, text

from migo.identity.models import OutboundMessage
from migo.notifications.models import Notification
from migo.notifications.sending import RETRY_DELAYS
from migo.notifications.tasks import send_notification, sweep_notifications
from migo.payments.models import PaymentTransaction
from migo.platform.db import database
from migo.platform.settings import get_settings
from tests.factories import bearer, configure_payment_client, create_link, create_tenant, merchant
from tests.leakscan import known_secret
from tests.twilio_fake import ACCOUNT_SID, AUTH_TOKEN, fake_twilio

SMTP_PASSWORD = "smtp-password-for-tests-7c1f"
known_secret("smtp password", SMTP_PASSWORD)
known_secret("twilio auth token", AUTH_TOKEN)


class Inbox:
    """What the local SMTP server accepted; `refuse` answers RCPT with a permanent 550."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.refuse = False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content))
        return "250 Message accepted for delivery"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _authenticate(server, session, envelope, mechanism, auth_data) -> AuthResult:
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == b"migo"
        and auth_data.password == SMTP_PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)


@contextmanager
def smtp_server() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port, authenticator=_authenticate, auth_require_tls=False)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def smtp(monkeypatch) -> Iterator[Inbox]:
    with smtp_server() as (inbox, port):
        settings = get_settings()
        monkeypatch.setattr(settings, "smtp_host", "127.0.0.1")
        monkeypatch.setattr(settings, "smtp_port", port)
        monkeypatch.setattr(settings, "smtp_username", "migo")
        monkeypatch.setattr(settings, "smtp_password", SecretStr(SMTP_PASSWORD))
        monkeypatch.setattr(settings, "smtp_from", "Tienda Ana <pagos@tienda.example>")
        monkeypatch.setattr(settings, "smtp_starttls", False)  # the local server speaks plain SMTP
        yield inbox


@pytest.fixture
def twilio(monkeypatch):
    with fake_twilio() as fake:
        settings = get_settings()
        monkeypatch.setattr(settings, "twilio_api_url", fake.url)
        monkeypatch.setattr(settings, "twilio_account_sid", ACCOUNT_SID)
        monkeypatch.setattr(settings, "twilio_auth_token", SecretStr(AUTH_TOKEN))
        monkeypatch.setattr(settings, "twilio_sms_from", "+15005550006")
        monkeypatch.setattr(settings, "twilio_whatsapp_from", "+14155238886")
        yield fake


async def _link(client, channel: str, user_id: str) -> tuple[dict, object, str]:
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant, channel=channel, userId=user_id)
    async with database.transaction() as session:
        notification_id = await session.scalar(
            select(PaymentTransaction.notification_id).where(PaymentTransaction.uid == link["uid"])
        )
    return link, tenant, str(notification_id)


async def _stored(notification_id: str) -> Notification:
    async with database.transaction() as session:
        return await session.get(Notification, notification_id)


async def _shown(client, tenant, link) -> dict:
    return (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()["notification"]


async def test_an_email_link_reaches_the_smtp_server_with_its_url(client, smtp):
    link, tenant, notification_id = await _link(client, "email", "ana@example.com")
    await send_notification(notification_id=notification_id)
    [(sender, recipients, raw)] = smtp.messages
    mail = message_from_bytes(raw)
    assert sender == "pagos@tienda.example" and recipients == ["ana@example.com"]
    assert mail["Subject"] == "Your payment link from Tienda Ana" and link["URL"] in mail.get_payload()
    stored = await _stored(notification_id)
    assert stored.transport == "smtp" and stored.provider_ref == mail["Message-ID"]
    assert stored.provider_ref == f"<{stored.id.hex}@migo>"  # a retry carries the same Message-ID
    shown = await _shown(client, tenant, link)
    assert shown["status"] == "sent" and shown["channel"] == "email" and shown["sentAt"]


async def test_a_recipient_the_smtp_server_refuses_fails_for_good_at_once(client, smtp):
    smtp.refuse = True
    link, tenant, notification_id = await _link(client, "email", "nobody@example.com")
    await send_notification(notification_id=notification_id)
    stored = await _stored(notification_id)
    assert stored.status == "failed" and stored.attempts == 1 and "550" in stored.failure_reason
    assert await _shown(client, tenant, link) == {"channel": "email", "status": "failed", "sentAt": None}


async def test_an_unreachable_smtp_server_is_retried_with_backoff_then_failed(client, monkeypatch, frozen_clock):
    settings = get_settings()
    monkeypatch.setattr(settings, "smtp_host", "127.0.0.1")
    monkeypatch.setattr(settings, "smtp_port", _free_port())  # nobody listens there
    link, tenant, notification_id = await _link(client, "email", "ana@example.com")
    for tries, delay in enumerate(RETRY_DELAYS, start=1):
        await send_notification(notification_id=notification_id)
        stored = await _stored(notification_id)
        assert stored.status == "queued" and stored.attempts == tries and "unreachable" in stored.failure_reason
        assert stored.next_attempt_at == frozen_clock.now() + timedelta(seconds=delay)
        await send_notification(notification_id=notification_id)  # early: not due yet, not tried
        assert (await _stored(notification_id)).attempts == tries
        frozen_clock.advance(seconds=delay)
    async with database.transaction() as session:
        jobs = await session.scalar(
            text("SELECT count(*) FROM procrastinate_jobs WHERE args->>'notification_id' = :id"),
            {"id": notification_id},
        )
    assert jobs == 1 + len(RETRY_DELAYS)  # the first, and one scheduled after each failed try
    await send_notification(notification_id=notification_id)
    stored = await _stored(notification_id)
    assert stored.status == "failed" and stored.attempts == len(RETRY_DELAYS) + 1
    assert (await _shown(client, tenant, link))["status"] == "failed"


async def test_a_whatsapp_link_goes_through_twilios_messages_api(client, twilio):
    link, tenant, notification_id = await _link(client, "wa", "50224865444")
    await send_notification(notification_id=notification_id)
    [sent] = twilio.messages
    assert sent["To"] == "whatsapp:+50224865444" and sent["From"] == "whatsapp:+14155238886"
    assert link["URL"] in sent["Body"]
    stored = await _stored(notification_id)
    assert stored.transport == "twilio" and stored.provider_ref.startswith("SM")
    assert (await _shown(client, tenant, link))["status"] == "sent"


async def test_an_sms_link_goes_to_the_e164_number(client, twilio):
    _, _, notification_id = await _link(client, "sms", "+50224865444")
    await send_notification(notification_id=notification_id)
    assert [(m["To"], m["From"]) for m in twilio.messages] == [("+50224865444", "+15005550006")]


async def test_twilio_down_for_a_moment_is_retried(client, twilio, frozen_clock):
    twilio.script = [503]
    _, _, notification_id = await _link(client, "sms", "50224865444")
    await send_notification(notification_id=notification_id)
    stored = await _stored(notification_id)
    assert stored.status == "queued" and stored.failure_reason.startswith("twilio 503")
    frozen_clock.advance(seconds=RETRY_DELAYS[0])
    await send_notification(notification_id=notification_id)
    assert (await _stored(notification_id)).status == "sent" and len(twilio.messages) == 1


async def test_a_provider_answer_with_a_nul_byte_is_recorded_not_a_stuck_message(client, twilio, frozen_clock):
    # PostgreSQL text cannot hold NUL: kept in the failure reason, it failed the try's settling every time.
    twilio.script, twilio.error_message = [503], "busy\x00now"
    _, _, notification_id = await _link(client, "sms", "50224865444")
    await send_notification(notification_id=notification_id)
    stored = await _stored(notification_id)
    assert stored.status == "queued" and stored.failure_reason == "twilio 503: 20500 busy\ufffdnow"


async def test_twilio_refusing_the_credentials_fails_for_good(client, twilio, monkeypatch):
    monkeypatch.setattr(get_settings(), "twilio_auth_token", SecretStr("not-the-token"))
    _, _, notification_id = await _link(client, "wa", "50224865444")
    await send_notification(notification_id=notification_id)
    stored = await _stored(notification_id)
    assert stored.status == "failed" and stored.failure_reason == "twilio 401: 20003 Authenticate"


async def test_production_without_a_sender_fails_the_message_and_erases_its_body(client, monkeypatch):
    _, _, notification_id = await _link(client, "sms", "50224865444")
    monkeypatch.setattr(get_settings(), "environment", "production")
    await send_notification(notification_id=notification_id)
    stored = await _stored(notification_id)
    assert stored.status == "failed" and stored.failure_reason == "no sms sender is configured"
    assert stored.body_ciphertext is None


async def test_the_sweep_tries_again_what_a_lost_worker_left_leased(client, twilio, frozen_clock):
    link, _, notification_id = await _link(client, "wa", "50224865444")
    async with database.transaction() as session:  # a worker took it, then died before the provider answered
        stored = await session.get(Notification, notification_id)
        stored.attempts, stored.next_attempt_at = 1, frozen_clock.now() + timedelta(minutes=15)
    await sweep_notifications(timestamp=0)
    assert not _sent_with(twilio, link)  # the lease has not run out: that try may still be under way
    frozen_clock.advance(minutes=30, seconds=1)
    await sweep_notifications(timestamp=0)  # (it also sends what earlier tests left queued)
    assert len(_sent_with(twilio, link)) == 1 and (await _stored(notification_id)).status == "sent"


def _sent_with(twilio, link) -> list[dict[str, str]]:
    return [message for message in twilio.messages if link["URL"] in message["Body"]]


async def test_a_one_time_code_goes_through_the_same_outbox_to_the_smtp_server(client, smtp):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
    async with database.transaction() as session:
        message = await session.scalar(select(OutboundMessage).where(OutboundMessage.user_id == tenant.user_id))
    await send_notification(notification_id=str(message.notification_id))
    [(_, recipients, raw)] = smtp.messages
    assert recipients == [message.recipient]
    code = re.search(r"\b(\d{6})\b", message_from_bytes(raw).get_payload()).group(1)
    outbox = await client.get("/rest/sandbox/outbox", params={"username": tenant.username}, headers=bearer(app_token))
    [shown] = outbox.json()["data"]["items"]
    assert shown["status"] == "delivered" and code in shown["body"]
