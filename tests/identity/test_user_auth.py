"""Cardholder sign-in, OTP and password reset (CONTRACT §3, seed 003)."""

from __future__ import annotations

import re

import jwt
from sqlalchemy import select, text

from migo.identity.models import OutboundMessage, User
from migo.identity.tasks import deliver_message
from migo.notifications.tasks import send_notification
from migo.platform.db import database
from tests.factories import USER_PASSWORD, bearer, create_tenant
from tests.traced import untraced

LOGIN = "/rest/users/auth/login"


async def _login(client, app_token, username, password):
    return await client.post(LOGIN, json={"username": username, "password": password}, headers=bearer(app_token))


async def _latest_code(client, app_token, username) -> str:
    outbox = await client.get("/rest/sandbox/outbox", params={"username": username}, headers=bearer(app_token))
    assert outbox.status_code == 200, outbox.text
    body = outbox.json()["data"]["items"][0]["body"]
    return re.search(r"\b(\d{6})\b", body).group(1)


async def test_login_issues_user_tokens(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    response = await _login(client, app_token, tenant.username.upper(), USER_PASSWORD)  # usernames ignore case
    assert response.status_code == 200
    data = response.json()["data"]
    claims = jwt.decode(data["accessToken"], options={"verify_signature": False})
    assert claims["typ"] == "user" and claims["sub"] == str(tenant.user_id)
    # A cardholder token is not an application token.
    refused = await client.get("/rest/auth/keys", headers=bearer(data["accessToken"]))
    assert refused.status_code == 401 and refused.json()["error"]["code"] == 7001


async def test_login_requires_an_application_token(client):
    tenant = await create_tenant()
    response = await client.post(LOGIN, json={"username": tenant.username, "password": USER_PASSWORD})
    assert response.status_code == 401 and response.json()["error"]["code"] == 7001


async def test_wrong_password_and_unknown_user_look_the_same(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    wrong = await _login(client, app_token, tenant.username, "Wrong-pass-1")
    unknown = await _login(client, app_token, "nobody", "Wrong-pass-1")
    assert wrong.status_code == unknown.status_code == 401
    assert untraced(wrong.json()) == untraced(unknown.json())
    assert wrong.json()["error"]["code"] == 7003


async def test_users_of_another_company_cannot_log_in_here(client):
    one, two = await create_tenant(), await create_tenant()
    response = await _login(client, await two.app_token(client), one.username, USER_PASSWORD)
    assert response.status_code == 401


async def test_five_failures_lock_the_account_for_the_window(client, frozen_clock):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    for _ in range(5):
        assert (await _login(client, app_token, tenant.username, "Wrong-pass-1")).status_code == 401
    locked = await _login(client, app_token, tenant.username, USER_PASSWORD)
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == 7009
    assert int(locked.headers["retry-after"]) > 0
    frozen_clock.advance(minutes=15)
    app_token = await tenant.app_token(client)
    assert (await _login(client, app_token, tenant.username, USER_PASSWORD)).status_code == 200


async def test_attempts_per_address_are_limited(client, frozen_clock):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    statuses = [(await _login(client, app_token, f"someone{i}", "Wrong-pass-1")).status_code for i in range(31)]
    assert statuses[:30] == [401] * 30
    assert statuses[30] == 429


async def test_user_refresh_rotates_and_detects_reuse(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    first = await tenant.user_tokens(client)
    refresh = "/rest/users/auth/refresh"
    second = await client.post(refresh, json={"refreshToken": first["refreshToken"]}, headers=bearer(app_token))
    assert second.status_code == 200
    reuse = await client.post(refresh, json={"refreshToken": first["refreshToken"]}, headers=bearer(app_token))
    assert reuse.status_code == 401 and reuse.json()["error"]["code"] == 7010
    # An application refresh token is not a user refresh token.
    app_refresh = (await tenant.app_tokens(client))["refreshToken"]
    crossed = await client.post(refresh, json={"refreshToken": app_refresh}, headers=bearer(app_token))
    assert crossed.status_code == 401 and crossed.json()["error"]["code"] == 7011


async def test_otp_password_reset_flow(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    sent = await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
    assert sent.status_code == 200
    assert sent.json()["data"] == {"sent": True, "expiresIn": 600}
    code = await _latest_code(client, app_token, tenant.username)

    reset = await client.post(
        "/rest/users/auth/password/reset",
        json={"username": tenant.username, "code": code, "newPassword": "Brand-new-pass-9"},
        headers=bearer(app_token),
    )
    assert reset.status_code == 200
    assert reset.json()["data"] == {"userId": str(tenant.user_id), "passwordSet": True}
    assert (await _login(client, app_token, tenant.username, "Brand-new-pass-9")).status_code == 200
    assert (await _login(client, app_token, tenant.username, USER_PASSWORD)).status_code == 401

    again = await client.post(
        "/rest/users/auth/password/reset",
        json={"username": tenant.username, "code": code, "newPassword": "Another-pass-9"},
        headers=bearer(app_token),
    )
    assert again.status_code == 400 and again.json()["error"]["code"] == 7103  # single use


async def test_otp_expires_after_ten_minutes(client, frozen_clock):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
    code = await _latest_code(client, app_token, tenant.username)
    frozen_clock.advance(minutes=10, seconds=1)
    app_token = await tenant.app_token(client)
    response = await client.post(
        "/rest/users/auth/password/reset",
        json={"username": tenant.username, "code": code, "newPassword": "Brand-new-pass-9"},
        headers=bearer(app_token),
    )
    assert response.status_code == 400
    assert response.json()["error"]["name"] == "OTP_EXPIRED"


async def test_five_wrong_codes_burn_the_code(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
    code = await _latest_code(client, app_token, tenant.username)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    body = {"username": tenant.username, "newPassword": "Brand-new-pass-9"}
    for _ in range(5):
        response = await client.post(
            "/rest/users/auth/password/reset", json={**body, "code": wrong}, headers=bearer(app_token)
        )
        assert response.json()["error"]["code"] == 7103
    burnt = await client.post("/rest/users/auth/password/reset", json={**body, "code": code}, headers=bearer(app_token))
    assert burnt.status_code == 400 and burnt.json()["error"]["code"] == 7103


async def test_otp_for_unknown_user_answers_the_same_and_sends_nothing(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    response = await client.post("/rest/users/auth/otp", json={"username": "ghost"}, headers=bearer(app_token))
    assert response.status_code == 200 and response.json()["data"] == {"sent": True, "expiresIn": 600}
    outbox = await client.get("/rest/sandbox/outbox", params={"username": "ghost"}, headers=bearer(app_token))
    assert outbox.json()["data"]["meta"]["totalItems"] == 0


async def test_otp_requests_are_rate_limited(client, frozen_clock):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    statuses = [
        (
            await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
        ).status_code
        for _ in range(4)
    ]
    assert statuses == [200, 200, 200, 429]


async def test_weak_passwords_are_refused(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
    code = await _latest_code(client, app_token, tenant.username)
    response = await client.post(
        "/rest/users/auth/password/reset",
        json={"username": tenant.username, "code": code, "newPassword": "short"},
        headers=bearer(app_token),
    )
    assert response.status_code == 400 and response.json()["error"]["code"] == 7105


async def test_a_company_registered_cardholder_sets_the_first_password_by_otp(client):
    tenant = await create_tenant()
    async with database.transaction() as session:
        user = await session.get(User, tenant.user_id)
        user.password_hash = None
    app_token = await tenant.app_token(client)
    assert (await _login(client, app_token, tenant.username, USER_PASSWORD)).status_code == 401
    await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
    code = await _latest_code(client, app_token, tenant.username)
    await client.post(
        "/rest/users/auth/password/reset",
        json={"username": tenant.username, "code": code, "newPassword": "First-pass-123"},
        headers=bearer(app_token),
    )
    assert (await _login(client, app_token, tenant.username, "First-pass-123")).status_code == 200


async def test_outbox_is_scoped_to_the_company(client):
    owner, other = await create_tenant(), await create_tenant()
    owner_token = await owner.app_token(client)
    await client.post("/rest/users/auth/otp", json={"username": owner.username}, headers=bearer(owner_token))
    foreign = await client.get(
        "/rest/sandbox/outbox", params={"username": owner.username}, headers=bearer(await other.app_token(client))
    )
    assert foreign.json()["data"]["items"] == []


async def test_the_otp_message_is_queued_with_the_request_and_sent_by_the_worker_through_the_outbox(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
    async with database.transaction() as session:
        message = await session.scalar(select(OutboundMessage).where(OutboundMessage.user_id == tenant.user_id))
        assert message.channel == "email" and message.notification_id is not None
        jobs = await session.scalar(
            text(
                "SELECT count(*) FROM procrastinate_jobs "
                "WHERE task_name = 'notifications.send' AND args->>'notification_id' = :id"
            ),
            {"id": str(message.notification_id)},
        )
    assert jobs == 1

    async def shown_status() -> str:
        outbox = await client.get(
            "/rest/sandbox/outbox", params={"username": tenant.username}, headers=bearer(app_token)
        )
        return outbox.json()["data"]["items"][0]["status"]

    assert await shown_status() == "pending"
    await send_notification(notification_id=str(message.notification_id))  # the sandbox outbox: no SMTP set
    assert await shown_status() == "delivered"


async def test_a_holder_with_no_address_gets_the_record_settled_by_its_own_job(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    async with database.transaction() as session:
        user = await session.get(User, tenant.user_id)
        user.email = user.phone = None
    await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
    async with database.transaction() as session:
        message = await session.scalar(select(OutboundMessage).where(OutboundMessage.user_id == tenant.user_id))
    assert message.channel == "none" and message.notification_id is None
    await deliver_message(message_id=str(message.id))
    async with database.transaction() as session:
        delivered = await session.get(OutboundMessage, message.id)
    assert delivered.status == "delivered"


async def test_a_password_reset_ends_every_session(client):
    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    session = await tenant.user_tokens(client)
    await client.post("/rest/users/auth/otp", json={"username": tenant.username}, headers=bearer(app_token))
    code = await _latest_code(client, app_token, tenant.username)
    await client.post(
        "/rest/users/auth/password/reset",
        json={"username": tenant.username, "code": code, "newPassword": "Brand-new-pass-9"},
        headers=bearer(app_token),
    )
    old_access = await client.get(f"/rest/users/{tenant.user_id}", headers=bearer(session["accessToken"]))
    assert old_access.status_code == 401
    old_refresh = await client.post(
        "/rest/users/auth/refresh", json={"refreshToken": session["refreshToken"]}, headers=bearer(app_token)
    )
    assert old_refresh.status_code == 401 and old_refresh.json()["error"]["code"] == 7011


async def test_parallel_guesses_cannot_outrun_the_lockout(client, frozen_clock):
    import asyncio

    tenant = await create_tenant()
    app_token = await tenant.app_token(client)
    guesses = await asyncio.gather(*(_login(client, app_token, tenant.username, f"Guess-{i}-x") for i in range(12)))
    statuses = sorted(r.status_code for r in guesses)
    assert statuses.count(401) == 5 and statuses.count(429) == 7
    assert (await _login(client, app_token, tenant.username, USER_PASSWORD)).status_code == 429
