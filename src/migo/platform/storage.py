"""File storage: uploaded documents kept by key, outside the database.

One small interface, two stores, chosen by setting (`MIGO_STORAGE`): a local folder under the data dir
(`MIGO_HOME`/files, the default) or an S3-compatible bucket through boto3 (AWS S3, MinIO, Ceph, R2, ...). A
caller never knows which; what it stores is sealed before it gets here, so neither store sees a document.
"""

from __future__ import annotations

import asyncio
import os
import re
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from migo.platform.settings import get_settings

# Keys are made by the platform (`leads/<uuid>/<uuid>`), never by a client; anything else is a bug.
_KEY = re.compile(r"^[a-z0-9-]+(/[a-z0-9-]+)*$")


class Storage(Protocol):
    async def put(self, key: str, data: bytes) -> None: ...

    async def get(self, key: str) -> bytes:
        """The bytes stored under `key`; FileNotFoundError when there are none."""
        ...

    async def delete(self, key: str) -> None:
        """Forget `key` (nothing happens when it is not there)."""
        ...


def _checked(key: str) -> str:
    if not _KEY.match(key):
        raise ValueError(f"not a storage key: {key!r}")
    return key


class LocalStorage:
    """A folder: each key a file, written under a fresh name and moved into place so a reader never sees half."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        return self.root / _checked(key)

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(self._write, self._path(key), data)

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self._path(key).read_bytes)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._path(key).unlink, True)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fresh = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
        with os.fdopen(os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb") as file:
            file.write(data)
        os.replace(fresh, path)


class S3Storage:
    """An S3-compatible bucket: each key an object (under `prefix`). boto3 is synchronous, so each call runs
    in a worker thread; its client is thread-safe and made once per process (making one costs tens of ms)."""

    def __init__(
        self,
        *,
        bucket: str,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        access_key_id: str | None = None,
        secret_access_key: str | None = None,
        prefix: str = "",
    ) -> None:
        import boto3  # only a process configured for S3 pays for importing it
        from botocore.config import Config

        self.bucket, self.prefix = bucket, prefix
        self._client: Any = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            aws_access_key_id=access_key_id,
            aws_secret_access_key=secret_access_key,
            # Path-style addressing works with every S3-compatible server; virtual hosts need DNS per bucket.
            config=Config(
                retries={"max_attempts": 4, "mode": "standard"},
                connect_timeout=5,
                read_timeout=30,
                s3={"addressing_style": "path"},
            ),
        )

    def _key(self, key: str) -> str:
        return self.prefix + _checked(key)

    async def put(self, key: str, data: bytes) -> None:
        await asyncio.to_thread(
            self._client.put_object,
            Bucket=self.bucket,
            Key=self._key(key),
            Body=data,
            ContentType="application/octet-stream",  # sealed bytes, whatever the document was
        )

    async def get(self, key: str) -> bytes:
        def read() -> bytes:
            try:
                answer = self._client.get_object(Bucket=self.bucket, Key=self._key(key))
            except self._client.exceptions.NoSuchKey:
                raise FileNotFoundError(key) from None
            return bytes(answer["Body"].read())

        return await asyncio.to_thread(read)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self._client.delete_object, Bucket=self.bucket, Key=self._key(key))


def get_storage() -> Storage:
    """The store the settings name (made once per process and settings)."""
    settings = get_settings()
    if settings.storage == "local":
        return _local(settings.home / "files")
    assert settings.s3_bucket is not None  # the settings refuse s3 without a bucket
    return _s3(
        settings.s3_bucket,
        settings.s3_endpoint_url,
        settings.s3_region,
        settings.s3_access_key_id.get_secret_value() if settings.s3_access_key_id else None,
        settings.s3_secret_access_key.get_secret_value() if settings.s3_secret_access_key else None,
        settings.s3_prefix,
    )


@lru_cache(maxsize=4)
def _local(root: Path) -> LocalStorage:
    return LocalStorage(root)


@lru_cache(maxsize=4)
def _s3(
    bucket: str,
    endpoint_url: str | None,
    region: str,
    access_key_id: str | None,
    secret_access_key: str | None,
    prefix: str,
) -> S3Storage:
    return S3Storage(
        bucket=bucket,
        endpoint_url=endpoint_url,
        region=region,
        access_key_id=access_key_id,
        secret_access_key=secret_access_key,
        prefix=prefix,
    )
