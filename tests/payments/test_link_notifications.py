"""Payment Links that Migo sends (seed 002): sms and wa go to a phone Migo can dispatch to, email to an address;
the message is queued with the link and its delivery shows on `GET /transactions/{uid}`."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from migo.notifications.tasks import send_notification
from migo.payments import links
from migo.payments.models import PaymentTransaction
from migo.payments.schemas import CreateLinkRequest
from migo.platform.db import database
from tests.factories import configure_payment_client, create_link, create_tenant, merchant


def body(tenant, channel, user_id):
    return {"amount": 100, "userId": user_id, "channel": channel, "client": tenant.client_slug, "ads": []}


async def post_both_ways(client, tenant, channel, user_id):
    keys = {"publicKey": tenant.public_key, "privateKey": tenant.private_key}
    return [
        await client.post("/transactions", json=body(tenant, channel, user_id), headers=merchant(tenant)),
        await client.post("/transactions-hook", json={**body(tenant, channel, user_id), **keys}),
    ]


async def notification_of(uid: str):
    async with database.transaction() as session:
        return await session.scalar(select(PaymentTransaction.notification_id).where(PaymentTransaction.uid == uid))


@pytest.mark.parametrize(
    ("channel", "user_id"),
    [
        ("wa", "someone@example.com"),
        ("sms", "customer-17"),
        ("sms", "5022486"),  # 7 digits
        ("wa", "+5022486544412345"),  # 16 digits
        ("wa", "502 2486 5444"),
        ("sms", "++50224865444"),
        ("email", "50224865444"),
        ("email", "ana at example.com"),
    ],
)
async def test_a_link_is_refused_when_its_channel_cannot_reach_the_user_id(client, channel, user_id):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    for refused in await post_both_ways(client, tenant, channel, user_id):
        assert refused.status_code == 409, refused.text
        assert refused.json()["ownCode"] == 5000 and "userId" in refused.json()["detail"]
    listed = (await client.get("/transactions", headers=merchant(tenant))).json()
    assert listed["meta"]["totalItems"] == 0


@pytest.mark.parametrize(
    ("channel", "user_id"),
    [
        ("wa", "50224865444"),  # seed 002's own example
        ("wa", "+50224865444"),
        ("sms", "12345678"),
        ("sms", "+123456789012345"),
        ("email", "ana@example.com"),
        ("app", "customer-17"),  # the merchant delivers app and web links: any id of its own
        ("web", "someone@example.com"),
    ],
)
async def test_each_channel_takes_the_user_ids_it_can_reach(client, channel, user_id):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    for created in await post_both_ways(client, tenant, channel, user_id):
        assert created.status_code == 200, created.text


async def test_the_link_is_queued_with_its_creation_sent_by_the_worker_and_shown_on_the_link(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    link = await create_link(client, tenant, channel="wa", userId="50224865444")
    shown = (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    assert shown["notification"] == {"channel": "wa", "status": "queued", "sentAt": None}
    notification_id = await notification_of(link["uid"])
    async with database.transaction() as session:
        jobs = await session.scalar(
            text(
                "SELECT count(*) FROM procrastinate_jobs "
                "WHERE task_name = 'notifications.send' AND args->>'notification_id' = :id"
            ),
            {"id": str(notification_id)},
        )
    assert jobs == 1

    await send_notification(notification_id=str(notification_id))  # the sandbox outbox: no provider configured
    shown = (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
    assert shown["notification"]["status"] == "sent" and shown["notification"]["sentAt"] is not None
    await send_notification(notification_id=str(notification_id))  # a second job for it sends nothing again
    assert (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json() == shown


async def test_links_the_merchant_delivers_itself_have_no_message(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    for channel in ("web", "app"):
        link = await create_link(client, tenant, channel=channel, userId="customer-17")
        shown = (await client.get(f"/transactions/{link['uid']}", headers=merchant(tenant))).json()
        assert shown["notification"] is None
        assert await notification_of(link["uid"]) is None


async def test_a_rolled_back_creation_leaves_no_message_and_no_job(client):
    tenant = await create_tenant()
    await configure_payment_client(tenant)
    counts = text(
        "SELECT (SELECT count(*) FROM notifications), "
        "(SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'notifications.send')"
    )
    first = await create_link(client, tenant)
    async with database.transaction() as session:
        application_id = await session.scalar(
            select(PaymentTransaction.application_id).where(PaymentTransaction.uid == first["uid"])
        )
        before = (await session.execute(counts)).one()
    fields = CreateLinkRequest.model_validate(body(tenant, "sms", "50224865444"))
    with pytest.raises(RuntimeError):
        async with database.transaction() as session:
            await links.create_link(
                session, application_id=application_id, merchant_slug=tenant.client_slug, fields=fields, via="t"
            )
            raise RuntimeError("the request failed after creating the link")
    async with database.transaction() as session:
        assert (await session.execute(counts)).one() == before
