"""Password sign-in shared by cardholders and operators: rate limited per IP and per account."""

from __future__ import annotations

import re
from dataclasses import dataclass

from migo.platform import security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ratelimit import Limit

_PASSWORD_RULE = re.compile(r"^(?=.*[A-Za-z])(?=.*\d).{8,128}$")


def check_password_policy(password: str) -> None:
    if not _PASSWORD_RULE.match(password):
        raise ApiError(
            ERRORS.WEAK_PASSWORD, "A password has 8 to 128 characters with at least one letter and one digit."
        )


@dataclass(frozen=True)
class PasswordGate:
    """Every attempt counts against the caller's IP; failures count against the account, which is refused
    (429 with Retry-After) once its window is full, before its password is even checked."""

    per_ip: Limit
    failures_per_account: Limit

    async def verify(self, *, client_ip: str, account: str, stored_hash: str | None, password: str) -> None:
        await self.per_ip.consume(client_ip)
        await self.failures_per_account.ensure_available(account)
        if not security.verify_secret(stored_hash, password):
            await self.failures_per_account.consume(account)
            raise ApiError(ERRORS.INVALID_CREDENTIALS, "The username or password is not correct.")
