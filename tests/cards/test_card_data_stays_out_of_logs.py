"""No PAN, CVV or PIN in the logs of a full card flow."""

from __future__ import annotations

import json
import re

from tests.factories import activate_card, bearer, create_cardholder, create_tenant, login, provision_cards, signed


async def test_a_full_card_flow_logs_no_card_data(client, capfd):
    tenant = await create_tenant()
    cards = await provision_cards(tenant, count=2)
    holder = await create_cardholder(client, tenant)
    card = await activate_card(client, cards, 0, holder["userId"])
    token = await login(client, tenant, holder["username"])
    path = f"/rest/cards/{card['cardId']}"
    await client.put(f"{path}/pin", json={"pin": "4827"}, headers=bearer(token))
    await client.post(f"{path}/pin/verify", json={"pin": "5938"}, headers=bearer(token))
    view = (await client.post(f"{path}/cvv/view-token", headers=bearer(token))).json()["data"]["viewToken"]
    cvv = (await client.get(f"{path}/cvv", headers={**bearer(token), "x-view-token": view})).json()["data"]["cvv"]
    await signed(client, tenant, "PUT", f"{path}/funds", {"type": "load", "amount": "10"})
    # a failed activation with the other card's number in the body
    await client.post(
        "/card-activation",
        data={"userId": holder["userId"], "cardNumber": cards.numbers[1], "cardholderName": "WRONG NAME"},
    )
    await client.post(
        f"/rest/users/{holder['userId']}/external-cards",
        json={"cardNumber": "4242424242424242", "expiryMonth": 1, "expiryYear": 2032, "holderName": "Ana"},
        headers=bearer(token),
    )
    logs = _without_random_fields(capfd.readouterr().out)
    assert "request" in logs  # the flow was logged…
    for secret in (*cards.numbers, "4242424242424242", "4827", "5938", view):
        assert secret not in logs, secret  # …without its card data
    assert f'"cvv": "{cvv}"' not in logs


# Fields whose digits are random (a request id, a timestamp's microseconds, a duration): a four-digit PIN
# turns up in them by chance about once in a hundred runs.
_RANDOM_FIELDS = ("request_id", "timestamp", "duration_ms")


def _without_random_fields(output: str) -> str:
    lines = []
    for line in output.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            lines.append(re.sub(r"\d{2}:\d{2}:\d{2}[.,]\d+", "", line))  # a plain log line's clock
            continue
        if isinstance(record, dict):
            for field in _RANDOM_FIELDS:
                record.pop(field, None)
        lines.append(json.dumps(record))
    return "\n".join(lines)
