"""Password sign-in shared by cardholders, operators and applications' client secrets: rate limited per IP and
per account."""

from __future__ import annotations

import re
from dataclasses import dataclass

from migo.platform import security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ratelimit import Limit
from migo.platform.secrets import Secret

from .errors import IDENTITY_ERRORS

_PASSWORD_RULE = re.compile(r"(?=.*[A-Za-z])(?=.*[0-9]).{8,128}", re.DOTALL)


def check_password_policy(password: Secret) -> None:
    if not _PASSWORD_RULE.fullmatch(password.reveal()):
        raise ApiError(
            IDENTITY_ERRORS.WEAK_PASSWORD, "A password has 8 to 128 characters with at least one letter and one digit."
        )


@dataclass(frozen=True)
class PasswordGate:
    """Every attempt counts against the caller's IP; failures count against the account, which is refused
    (429 with Retry-After) once its window is full. A try reserves its place before the password is
    checked, so parallel guesses cannot outrun the count; a right password gives the place back."""

    per_ip: Limit
    failures_per_account: Limit
    refusal: str = "The username or password is not correct."

    async def verify(self, *, client_ip: str, account: str, stored_hash: str | None, password: Secret) -> None:
        await self.per_ip.consume(client_ip)
        await self.failures_per_account.reserve(account)
        if not await security.verify_secret(stored_hash, password.reveal()):
            raise ApiError(ERRORS.INVALID_CREDENTIALS, self.refusal)
        await self.failures_per_account.release(account)
