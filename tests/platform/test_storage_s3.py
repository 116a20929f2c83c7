"""The S3-compatible file store (issue 15), through boto3 against a real S3-compatible server on 127.0.0.1 (moto's
server, from the registries): objects round-trip under the prefix, a missing one is FileNotFoundError, and a
KYC document uploaded through the API lands in the bucket sealed, and downloads as it was sent."""

from __future__ import annotations

import secrets
import socket
from collections.abc import Iterator

import boto3
import pytest
from moto.server import ThreadedMotoServer
from pydantic import SecretStr

from migo.platform.settings import get_settings
from migo.platform.storage import S3Storage, get_storage
from tests.factories import PDF_BYTES, bearer, create_tenant, lead_fields, upload_document

CREDENTIALS = {"aws_access_key_id": "migo-test", "aws_secret_access_key": "migo-test-secret"}


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def new_bucket(endpoint: str) -> tuple[str, object]:
    name = f"migo-{secrets.token_hex(4)}"
    raw = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **CREDENTIALS)
    raw.create_bucket(Bucket=name)
    return name, raw


async def test_objects_round_trip_under_the_prefix(s3_endpoint):
    bucket, raw = new_bucket(s3_endpoint)
    store = S3Storage(
        bucket=bucket,
        endpoint_url=s3_endpoint,
        access_key_id=CREDENTIALS["aws_access_key_id"],
        secret_access_key=CREDENTIALS["aws_secret_access_key"],
        prefix="migo/",
    )
    await store.put("leads/a1/b2", b"\x00sealed\xff")
    assert await store.get("leads/a1/b2") == b"\x00sealed\xff"
    listed = raw.list_objects_v2(Bucket=bucket)["Contents"]  # type: ignore[attr-defined]
    assert [item["Key"] for item in listed] == ["migo/leads/a1/b2"]
    await store.delete("leads/a1/b2")
    await store.delete("leads/a1/b2")  # gone already: nothing happens
    with pytest.raises(FileNotFoundError):
        await store.get("leads/a1/b2")
    with pytest.raises(ValueError, match="not a storage key"):
        await store.put("../etc/passwd", b"x")


async def test_a_kyc_document_is_kept_in_the_bucket_sealed(client, s3_endpoint, monkeypatch):
    bucket, raw = new_bucket(s3_endpoint)
    settings = get_settings()
    for name, value in {
        "storage": "s3",
        "s3_bucket": bucket,
        "s3_endpoint_url": s3_endpoint,
        "s3_access_key_id": CREDENTIALS["aws_access_key_id"],
        "s3_secret_access_key": CREDENTIALS["aws_secret_access_key"],
    }.items():
        monkeypatch.setattr(settings, name, SecretStr(value) if name.startswith(("s3_access", "s3_secret")) else value)
    assert isinstance(get_storage(), S3Storage)
    tenant = await create_tenant()
    app = bearer(await tenant.app_token(client))
    lead = (await client.post("/rest/leads", json=lead_fields(), headers=app)).json()["data"]
    uploaded = await upload_document(client, app, lead["id"], "ID_FRONT")
    assert uploaded.status_code == 201, uploaded.text
    document = uploaded.json()["data"]
    [stored] = raw.list_objects_v2(Bucket=bucket)["Contents"]  # type: ignore[attr-defined]
    sealed = raw.get_object(Bucket=bucket, Key=stored["Key"])["Body"].read()  # type: ignore[attr-defined]
    assert PDF_BYTES not in sealed and len(sealed) > len(PDF_BYTES)
    downloaded = await client.get(f"/rest/leads/{lead['id']}/documents/{document['id']}", headers=app)
    assert downloaded.status_code == 200 and downloaded.content == PDF_BYTES
