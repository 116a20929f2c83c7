"""The senders, one per channel, chosen from the settings: the sandbox outbox unless a provider is configured.

- email: SMTP (`MIGO_SMTP_*`), STARTTLS unless turned off. A message's `Message-ID` is derived from its outbox
  row, so a retry after a lost answer carries the same id and a receiving server or client can drop the double.
- sms and wa: Twilio's Messages API (`POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form fields `To`,
  `From`, `Body`, basic auth with the account SID and auth token; WhatsApp as `whatsapp:+…`). Twilio takes no
  idempotency key on this call: a try whose answer was lost may be sent twice.
- the sandbox outbox: the row itself is the message; integrators read it back, nothing leaves the server.

In production a channel with no provider configured has no sender: its messages fail for good.
"""

from __future__ import annotations

import asyncio
import smtplib
import ssl
import uuid
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

import httpx
from pydantic import SecretStr

from migo.platform.settings import Settings

TIMEOUT = 15.0


@dataclass(frozen=True)
class Outgoing:
    id: uuid.UUID
    channel: str
    recipient: str
    subject: str
    body: str


class SendFailed(Exception):
    """The provider did not take the message. `permanent`: trying again would not change its answer."""

    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(reason)
        self.reason = reason[:300]
        self.permanent = permanent


class Sender(Protocol):
    @property
    def name(self) -> str: ...

    async def send(self, message: Outgoing) -> str | None:
        """Hand the message to the provider; returns the provider's id for it, if it gives one."""
        ...


class SandboxOutbox:
    name = "sandbox"

    async def send(self, message: Outgoing) -> str | None:
        return None


@dataclass(frozen=True)
class SmtpSender:
    host: str
    port: int
    username: str | None
    password: SecretStr | None
    sender: str
    starttls: bool
    name: str = "smtp"

    async def send(self, message: Outgoing) -> str | None:
        return await asyncio.to_thread(self._send, message)  # smtplib blocks

    def _send(self, message: Outgoing) -> str:
        email = EmailMessage()
        email["From"] = self.sender
        email["To"] = message.recipient
        email["Subject"] = message.subject
        email["Message-ID"] = f"<{message.id.hex}@migo>"
        email.set_content(message.body)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=TIMEOUT) as smtp:
                if self.starttls:
                    smtp.starttls(context=ssl.create_default_context())
                if self.username and self.password is not None:
                    smtp.login(self.username, self.password.get_secret_value())
                smtp.send_message(email)
        except smtplib.SMTPRecipientsRefused as refused:
            raise SendFailed(f"smtp refused the recipient: {_smtp_answers(refused)}", permanent=True) from None
        except smtplib.SMTPResponseException as answer:
            # 5xx is the server's final word (a bad sender, login or message); 4xx asks to try later.
            text = answer.smtp_error.decode(errors="replace") if isinstance(answer.smtp_error, bytes) else ""
            raise SendFailed(f"smtp {answer.smtp_code}: {text}", permanent=answer.smtp_code >= 500) from None
        except (OSError, smtplib.SMTPException) as problem:
            raise SendFailed(f"smtp unreachable: {type(problem).__name__}", permanent=False) from None
        return str(email["Message-ID"])


def _smtp_answers(refused: smtplib.SMTPRecipientsRefused) -> str:
    return "; ".join(f"{code} {text.decode(errors='replace')}" for code, text in refused.recipients.values())


@dataclass(frozen=True)
class TwilioSender:
    api_url: str
    account_sid: str
    auth_token: SecretStr
    sms_from: str | None
    whatsapp_from: str | None
    name: str = "twilio"

    async def send(self, message: Outgoing) -> str | None:
        to = e164(message.recipient)
        if message.channel == "wa":
            to, sender = f"whatsapp:{to}", f"whatsapp:{self.whatsapp_from}"
        else:
            sender = self.sms_from or ""
        url = f"{self.api_url.rstrip('/')}/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        try:
            async with httpx.AsyncClient(timeout=TIMEOUT) as http:
                answer = await http.post(
                    url,
                    data={"To": to, "From": sender, "Body": message.body},
                    auth=(self.account_sid, self.auth_token.get_secret_value()),
                )
        except httpx.HTTPError as problem:
            raise SendFailed(f"twilio unreachable: {type(problem).__name__}", permanent=False) from None
        if answer.is_success:
            return _twilio_field(answer, "sid")
        # 429 and 5xx ask to try later; any other 4xx (a bad number, an unverified sender) will not change.
        retry = answer.status_code == 429 or answer.status_code >= 500
        raise SendFailed(f"twilio {answer.status_code}: {_twilio_error(answer)}", permanent=not retry)


def _twilio_error(answer: httpx.Response) -> str:
    code, text = _twilio_field(answer, "code"), _twilio_field(answer, "message")
    return f"{code} {text}" if code or text else answer.text[:200]


def _twilio_field(answer: httpx.Response, name: str) -> str | None:
    """A field of Twilio's JSON answer (a message resource, or an error's `code` and `message`)."""
    try:
        found = answer.json()
    except ValueError:
        return None
    value = found.get(name) if isinstance(found, dict) else None
    return None if value is None else str(value)[:200]


def e164(phone: str) -> str:
    return phone if phone.startswith("+") else f"+{phone}"


def sender_for(channel: str, settings: Settings) -> Sender | None:
    """The sender a channel's messages go through, or None (production, nothing configured)."""
    if channel == "email" and settings.smtp_host:
        return SmtpSender(
            host=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password,
            sender=settings.smtp_from,
            starttls=settings.smtp_starttls,
        )
    from_number = settings.twilio_whatsapp_from if channel == "wa" else settings.twilio_sms_from
    if channel in ("sms", "wa") and settings.twilio_account_sid and settings.twilio_auth_token and from_number:
        return TwilioSender(
            api_url=settings.twilio_api_url,
            account_sid=settings.twilio_account_sid,
            auth_token=settings.twilio_auth_token,
            sms_from=settings.twilio_sms_from,
            whatsapp_from=settings.twilio_whatsapp_from,
        )
    return SandboxOutbox() if settings.is_sandbox else None
