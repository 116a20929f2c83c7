"""Request signatures over the raw body (CONTRACT §3, seed 003: 7604 INVALID_SIGNATURE, 7616 KEYS_EXPIRED)."""

from __future__ import annotations

import base64
import json
import time

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from tests.factories import bearer, create_tenant
from tests.traced import untraced

VERIFY = "/rest/auth/signature/verify"


async def _signed_post(client, tenant, token, body: bytes, **overrides):
    headers = {**bearer(token), **tenant.signed_headers(body), **overrides}
    return await client.post(VERIFY, content=body, headers=headers)


async def test_a_valid_hmac_signature_verifies(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    response = await _signed_post(client, tenant, token, b'{"amount": "10.00"}')
    assert response.status_code == 200, response.text
    assert response.json()["data"] == {"valid": True, "keyId": tenant.signing_key_id, "algorithm": "HMAC-SHA256"}


async def test_signature_over_reserialized_json_is_7604(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    signed = b'{"amount": "10.00"}'
    sent = json.dumps(json.loads(signed), separators=(",", ":")).encode()  # same JSON, other bytes
    response = await client.post(VERIFY, content=sent, headers={**bearer(token), **tenant.signed_headers(signed)})
    assert response.status_code == 401
    error = response.json()["error"]
    assert error["code"] == 7604 and error["name"] == "INVALID_SIGNATURE"


async def test_missing_headers_stale_timestamp_and_unknown_key_are_7604(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    body = b"{}"
    missing = await client.post(VERIFY, content=body, headers={**bearer(token), "content-type": "application/json"})
    assert missing.json()["error"]["code"] == 7604
    stale = int(time.time()) - 301
    old = await client.post(
        VERIFY, content=body, headers={**bearer(token), **tenant.signed_headers(body, timestamp=stale)}
    )
    assert old.json()["error"]["code"] == 7604
    assert "5 minutes" in old.json()["error"]["detail"]
    unknown = await _signed_post(client, tenant, token, body, **{"x-key-id": "key_unknown"})
    assert unknown.json()["error"]["code"] == 7604
    garbage = await _signed_post(client, tenant, token, body, **{"x-signature": "%%%"})
    assert garbage.json()["error"]["code"] == 7604


async def test_another_applications_key_does_not_verify(client):
    owner, other = await create_tenant(), await create_tenant()
    token = await other.app_token(client)
    body = b"{}"
    response = await client.post(VERIFY, content=body, headers={**bearer(token), **owner.signed_headers(body)})
    assert response.status_code == 401 and response.json()["error"]["code"] == 7604
    # and the key is invisible to the other tenant: 404, not 403
    lookup = await client.get(f"/rest/auth/keys/{owner.signing_key_id}", headers=bearer(token))
    assert lookup.status_code == 404 and lookup.json()["error"]["code"] == 7600


async def test_expired_keys_answer_7616_and_rotation_recovers(client, frozen_clock):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    frozen_clock.advance(days=366)
    token = await tenant.app_token(client)  # the access token expired too
    body = b"{}"
    stamp = int(frozen_clock.now().timestamp())
    expired = await client.post(
        VERIFY, content=body, headers={**bearer(token), **tenant.signed_headers(body, timestamp=stamp)}
    )
    assert expired.status_code == 401
    assert untraced(expired.json()["error"]) == {
        "code": 7616,
        "name": "KEYS_EXPIRED",
        "detail": "The signing keys have expired; rotate them.",
    }
    rotated = await client.post("/rest/auth/keys/rotate", json={}, headers=bearer(token))
    assert rotated.status_code == 201
    new = rotated.json()["data"]
    tenant.signing_key_id, tenant.signing_secret = new["keyId"], new["secret"]
    again = await client.post(
        VERIFY, content=body, headers={**bearer(token), **tenant.signed_headers(body, timestamp=stamp)}
    )
    assert again.status_code == 200


async def test_rotation_keeps_old_keys_for_24_hours(client, frozen_clock):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    rotated = await client.post("/rest/auth/keys/rotate", json={"expiresInDays": 30}, headers=bearer(token))
    assert rotated.status_code == 201
    body = rotated.json()
    assert body["statusCode"] == 201 and body["message"] == "Created"
    assert body["data"]["algorithm"] == "HMAC-SHA256" and body["data"]["status"] == "active"
    assert len(body["data"]["secret"]) >= 32

    keys = (await client.get("/rest/auth/keys", headers=bearer(token))).json()["data"]
    assert keys["meta"]["totalItems"] == 2
    assert all("secret" not in item for item in keys["items"])

    data = b"{}"
    stamp = int(frozen_clock.now().timestamp())
    still = await client.post(
        VERIFY, content=data, headers={**bearer(token), **tenant.signed_headers(data, timestamp=stamp)}
    )
    assert still.status_code == 200  # the old key works during the grace period
    frozen_clock.advance(hours=24, seconds=1)
    token = await tenant.app_token(client)
    stamp = int(frozen_clock.now().timestamp())
    after = await client.post(
        VERIFY, content=data, headers={**bearer(token), **tenant.signed_headers(data, timestamp=stamp)}
    )
    assert after.json()["error"]["code"] == 7616


async def test_ed25519_keys(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    private = Ed25519PrivateKey.generate()
    public = base64.b64encode(private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)).decode()
    created = await client.post(
        "/rest/auth/keys/rotate", json={"algorithm": "ED25519", "publicKey": public}, headers=bearer(token)
    )
    assert created.status_code == 201
    key = created.json()["data"]
    assert key["secret"] is None and key["publicKey"] == public
    body = b'{"transfer": 1}'
    stamp = int(time.time())
    message = f"{stamp}\nPOST\n{VERIFY}\n\n".encode() + body  # CONTRACT §3, spelled out as a client would
    signature = base64.b64encode(private.sign(message)).decode()
    headers = {
        **bearer(token),
        "content-type": "application/json",
        "x-key-id": key["keyId"],
        "x-timestamp": str(stamp),
        "x-signature": signature,
    }
    assert (await client.post(VERIFY, content=body, headers=headers)).status_code == 200
    forged = base64.b64encode(Ed25519PrivateKey.generate().sign(message)).decode()
    refused = await client.post(VERIFY, content=body, headers={**headers, "x-signature": forged})
    assert refused.json()["error"]["code"] == 7604


async def test_bad_key_material(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    bad = await client.post(
        "/rest/auth/keys/rotate", json={"algorithm": "ED25519", "publicKey": "bm90IGEga2V5"}, headers=bearer(token)
    )
    assert bad.status_code == 400 and bad.json()["error"]["code"] == 7601
    missing = await client.post("/rest/auth/keys/rotate", json={"algorithm": "ED25519"}, headers=bearer(token))
    assert missing.status_code == 400 and missing.json()["error"]["code"] == 7000
    hmac_with_key = await client.post(
        "/rest/auth/keys/rotate", json={"publicKey": "bm90IGEga2V5"}, headers=bearer(token)
    )
    assert hmac_with_key.status_code == 400


async def test_revoked_key_stops_verifying(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    revoked = await client.delete(f"/rest/auth/keys/{tenant.signing_key_id}", headers=bearer(token))
    assert revoked.status_code == 200 and revoked.json()["data"]["status"] == "revoked"
    body = b"{}"
    response = await _signed_post(client, tenant, token, body)
    assert response.json()["error"]["code"] == 7604


async def test_a_signature_is_accepted_once(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    body = b'{"replay": true}'
    headers = {**bearer(token), **tenant.signed_headers(body)}
    assert (await client.post(VERIFY, content=body, headers=headers)).status_code == 200
    replayed = await client.post(VERIFY, content=body, headers=headers)
    assert replayed.status_code == 401 and replayed.json()["error"]["code"] == 7604
    assert "already used" in replayed.json()["error"]["detail"]
    # The verify call stores no answer: the same signature under its key is refused too.
    keyed = {**bearer(token), **tenant.signed_headers(body, idempotency_key="retry-1")}
    assert (await client.post(VERIFY, content=body, headers=keyed)).status_code == 200
    assert (await client.post(VERIFY, content=body, headers=keyed)).json()["error"]["code"] == 7604


async def test_the_signature_covers_method_path_query_and_idempotency_key(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    body = b"{}"
    signed = tenant.signed_headers(body, idempotency_key="k-1")
    other_path = await client.post(f"{VERIFY}?x=1", content=body, headers={**bearer(token), **signed})
    assert other_path.json()["error"]["code"] == 7604
    other_key = await client.post(VERIFY, content=body, headers={**bearer(token), **signed, "Idempotency-Key": "k-2"})
    assert other_key.json()["error"]["code"] == 7604
    no_key = {name: value for name, value in signed.items() if name != "Idempotency-Key"}
    unkeyed = await client.post(VERIFY, content=body, headers={**bearer(token), **no_key})
    assert unkeyed.json()["error"]["code"] == 7604
    with_query = {**bearer(token), **tenant.signed_headers(body, path=f"{VERIFY}?x=1")}
    assert (await client.post(f"{VERIFY}?x=1", content=body, headers=with_query)).status_code == 200
    assert (await client.post(VERIFY, content=body, headers={**bearer(token), **signed})).status_code == 200


async def test_non_ascii_digits_in_the_timestamp_are_7604(client):
    tenant = await create_tenant()
    token = await tenant.app_token(client)
    body = b"{}"
    headers = [
        (b"authorization", f"Bearer {token}".encode()),
        (b"content-type", b"application/json"),
        (b"x-key-id", tenant.signing_key_id.encode()),
        (b"x-timestamp", "\u00b2".encode("latin-1")),
        (b"x-signature", b"c2ln"),
    ]
    response = await client.post(VERIFY, content=body, headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == 7604
