"""Secrets are types that mask themselves (issue 13 §4): a PAN, CVV, PIN, one-time code, password, key or token
shows nothing of itself in a repr, a str, a log line, a validation error or a JSON dump; `reveal()` is the one
way to the value. Every input model holds them in these types, so a request model can be logged safely."""

from __future__ import annotations

import json
import pickle
import re
import secrets

import pytest
import structlog
from pydantic import BaseModel, ValidationError

import migo.app  # noqa: F401 - every domain's input models defined
from migo.cards import credentials
from migo.cards.schemas import ActivateCardRequest, ResetPinRequest, RotatePinRequest, SetPinRequest
from migo.identity import applications, merchant_tokens, signing
from migo.identity.schemas import LoginRequest
from migo.payments.schemas import CreateHookLinkRequest, SandboxPayRequest
from migo.platform import pan
from migo.platform.db import database
from migo.platform.logging import redact_processor
from migo.platform.secrets import CardNumber, Cvv, Otp, Password, Pin, Secret
from migo.platform.wire import ApiInput
from migo.webhooks import inbound, signatures

PAN, CVV, PIN, OTP = "4000056655665556", "737", "9473", "406218"


@pytest.mark.parametrize(
    ("kind", "value", "shown"),
    [
        (CardNumber, PAN, "****5556"),
        (Cvv, CVV, "****"),
        (Pin, PIN, "****"),
        (Otp, OTP, "****"),
        (Password, "Correct-horse-9", "****"),
        (Secret, "whsec_abc", "****"),
    ],
)
def test_a_secret_shows_nothing_of_itself_but_reveals_on_request(kind, value, shown):
    secret = kind(value)
    for text in (repr(secret), str(secret), f"{secret}", f"{secret!r:>40}", "%s" % (secret,)):  # noqa: UP031
        assert value not in text and shown in text
    assert secret.reveal() == value
    assert secret == kind(value) and secret != kind(value + "0")
    assert secret != value  # never equal to the bare string: compare what was revealed, on purpose
    with pytest.raises(TypeError):
        hash(secret)
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_request_models_holding_secrets_repr_and_dump_them_masked():
    models = [
        SetPinRequest(pin=PIN),
        RotatePinRequest(currentPin=PIN, newPin="2580"),
        ResetPinRequest(code=OTP, newPin=PIN),
        SandboxPayRequest(cardNumber=PAN, expiry="12/34", cvv=CVV),
        ActivateCardRequest(userId="01a22b42-b32c-7410-bdc6-919150236ec8", cardNumber=PAN, cardholderName="Ana"),
        LoginRequest(username="ana", password="Correct-horse-9"),
    ]
    for model in models:
        for text in (repr(model), str(model), model.model_dump_json(), json.dumps(model.model_dump(mode="json"))):
            assert not re.search(rf"{PAN}|{CVV}|{PIN}|{OTP}|Correct-horse-9", text), text


def test_validation_errors_never_repeat_the_input():
    for build in (
        lambda: SandboxPayRequest(cardNumber=PAN, expiry="12/34", cvv="73x"),
        lambda: SandboxPayRequest(cardNumber=PAN + "x", expiry="12/34", cvv=CVV),
        lambda: SetPinRequest(pin="94731"),
        lambda: CreateHookLinkRequest(amount=1, userId="u", channel="wa", client="c", privateKey="", publicKey="pk"),
    ):
        with pytest.raises(ValidationError) as refused:
            build()
        text = str(refused.value)
        assert PAN not in text and "73x" not in text and "94731" not in text and "input_value" not in text, text


def test_a_request_model_logged_whole_leaves_no_secret_in_the_log():
    """Through the log pipeline's redactor and JSON renderer (platform.logging), as a log call would go."""
    request = SandboxPayRequest(cardNumber=PAN, expiry="1/30", cvv=CVV)
    event = redact_processor(None, "info", {"event": "pay_request", "request": request, "pin": Pin(PIN)})
    line = structlog.processors.JSONRenderer(default=repr)(None, "info", event)
    assert "pay_request" in line and PAN not in line and CVV not in line and PIN not in line


def _secret_field_names() -> list[tuple[str, str, object]]:
    """Every field of every input model whose name says it holds a secret."""
    sensitive = re.compile(r"(pin|cvv|cardnumber|password|secret|token|privatekey|code)$", re.IGNORECASE)
    found = []
    seen: set[type] = set()
    pending: list[type[BaseModel]] = [ApiInput]
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if model in seen:
            continue
        seen.add(model)
        for name, field in model.model_fields.items():
            if sensitive.search(name.replace("_", "")):
                found.append((model.__name__, name, field.annotation))
    return found


def test_every_input_field_that_holds_a_secret_is_typed_as_one():
    """A new input model with a `pin`, `cvv`, `cardNumber`, `password`, `…secret`, `…token`, `…code` or
    `privateKey` field fails here until the field is a Secret type (or its name is shown not to be one)."""
    not_secrets = {("EndpointCreate", "generate_signing_secret")}  # a flag asking Migo for one, not a secret
    plain = []
    for model, name, annotation in _secret_field_names():
        kinds = getattr(annotation, "__args__", (annotation,))
        if (model, name) in not_secrets or any(isinstance(k, type) and issubclass(k, Secret) for k in kinds):
            continue
        plain.append(f"{model}.{name}: {annotation}")
    assert _secret_field_names(), "the walk over input models found nothing: it is broken"
    assert plain == [], plain


async def test_credentials_the_services_hand_out_show_nothing_of_themselves():
    """A new application's client secret and key pair, a merchant token, an HMAC signing key's secret and an
    issued token pair come back from the services as Secrets: a repr of what they return (what a log line or
    a traceback would show) holds none of them; the answer or CLI output that shows one reveals it."""
    async with database.transaction() as session:
        partner = await applications.create_partner(session, "Masking partner")
        company = await applications.create_company(session, partner, "Masking company")
        gateway = await applications.create_application(session, kind="gateway", name="wallet", company=company)
        middleware = await applications.create_application(
            session, kind="middleware", name="shop", client_slug=f"mask{secrets.token_hex(4)}"
        )
        merchant_token = (await merchant_tokens.issue(session, middleware.application.id)).token
        key = await signing.create_key(session, gateway.application.id)
        issued = await applications.issue_application_tokens(session, gateway.application)
    assert key.secret is not None and middleware.private_key is not None
    clear = [
        secret.reveal()
        for secret in (
            gateway.client_secret,
            middleware.client_secret,
            middleware.private_key,
            merchant_token,
            key.secret,
            issued.access_token,
            issued.refresh_token,
        )
    ]
    assert all(len(value) >= 20 for value in clear)
    shown = " ".join(repr(value) for value in (gateway, middleware, merchant_token, key, issued))
    assert "Secret('****')" in shown
    assert [value for value in clear if value in shown] == []


def test_webhook_secrets_stay_masked_from_generation_to_signature():
    generated = signatures.generate_secret()
    assert isinstance(generated, Secret) and "whsec_" not in repr(generated) and signatures.is_valid_secret(generated)
    signed = signatures.headers([generated], "msg_1", 1_700_000_000, b"{}")["webhook-signature"]
    assert signatures.verify(generated, "msg_1", "1700000000", b"{}", signed)
    assert not signatures.verify(signatures.generate_secret(), "msg_1", "1700000000", b"{}", signed)
    sandbox = inbound.secret_of("volcan")
    assert isinstance(sandbox, Secret) and signatures.is_valid_secret(sandbox) and "whsec_" not in f"{sandbox}"


def test_a_card_number_stays_masked_without_its_separators_out_of_the_vault_and_into_its_cvv():
    typed = CardNumber("4000 0566 5566 5556")
    digits = typed.digits()
    assert isinstance(digits, CardNumber) and repr(digits) == "CardNumber('****5556')" and digits.reveal() == PAN
    unsealed = pan.reveal(pan.seal(PAN).ciphertext)
    assert isinstance(unsealed, CardNumber) and PAN not in repr(unsealed) and unsealed == digits
    cvv = credentials.derive_cvv(unsealed, 12, 2030)
    assert isinstance(cvv, Cvv) and cvv == credentials.derive_cvv(typed, 12, 2030)
