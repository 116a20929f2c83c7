"""Security primitives: key derivation, password hashing, token digests, authenticated encryption.

Standard primitives only (argon2-cffi, `cryptography`); every server key is derived from the one master
secret with HKDF and a purpose label, so rotating the master rotates them all and no two purposes share a key.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import secrets
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from migo.platform.settings import get_settings

# OWASP's Argon2id baseline (19 MiB, 2 passes): strong, and fast enough for logins on two cores.
_password_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when the account does not exist, so a wrong username costs the same as a wrong password.
_DUMMY_HASH = _password_hasher.hash("migo-dummy-password")


@lru_cache(maxsize=64)
def derive_key(purpose: str, length: int = 32) -> bytes:
    """A server key for one purpose, derived from the master secret."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=length, salt=b"migo/v1", info=purpose.encode())
    return hkdf.derive(get_settings().master_secret())


async def hash_secret(value: str) -> str:
    """Argon2id hash for passwords and client secrets (in a worker thread: ~25 ms of CPU that must not
    stall the event loop)."""
    return await asyncio.to_thread(_password_hasher.hash, value)


def _verify(stored_hash: str | None, value: str) -> bool:
    try:
        return _password_hasher.verify(stored_hash or _DUMMY_HASH, value) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


async def verify_secret(stored_hash: str | None, value: str) -> bool:
    return await asyncio.to_thread(_verify, stored_hash, value)


def token_digest(token: str) -> bytes:
    """Keyed digest of an opaque token: stored instead of the token, and still an O(1) lookup."""
    return hmac.new(derive_key("token-digest"), token.encode(), hashlib.sha256).digest()


def random_token(nbytes: int = 32) -> str:
    return secrets.token_urlsafe(nbytes)


def deterministic_secret(label: str, nbytes: int = 24) -> str:
    """A stable secret derived from the master (used for sandbox credentials that must not rotate)."""
    raw = hmac.new(derive_key("deterministic-secrets"), label.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(raw[:nbytes]).decode().rstrip("=")


def constant_time_equals(a: str | bytes, b: str | bytes) -> bool:
    a_bytes = a.encode() if isinstance(a, str) else a
    b_bytes = b.encode() if isinstance(b, str) else b
    return hmac.compare_digest(a_bytes, b_bytes)


def encrypt(plaintext: bytes, *, purpose: str, context: bytes = b"") -> bytes:
    """AES-256-GCM; the nonce is prepended. `context` is bound as associated data (e.g. the row id)."""
    nonce = secrets.token_bytes(12)
    return nonce + AESGCM(derive_key(f"aead:{purpose}")).encrypt(nonce, plaintext, context)


def decrypt(ciphertext: bytes, *, purpose: str, context: bytes = b"") -> bytes:
    return AESGCM(derive_key(f"aead:{purpose}")).decrypt(ciphertext[:12], ciphertext[12:], context)


def keyed_hash(value: str, *, purpose: str) -> bytes:
    """HMAC-SHA256 with a purpose key: PINs, OTP codes, PAN fingerprints."""
    return hmac.new(derive_key(f"hmac:{purpose}"), value.encode(), hashlib.sha256).digest()
