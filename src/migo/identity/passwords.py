"""Password sign-in shared by cardholders, operators and applications' client secrets: rate limited per IP and
per account."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema

from migo.platform import security
from migo.platform.errors import ERRORS, ApiError
from migo.platform.ratelimit import Limit
from migo.platform.secrets import Password, Secret

from .errors import IDENTITY_ERRORS

_MIN_LENGTH, _MAX_LENGTH = 8, 128
_NEEDS = ("[A-Za-z]", "[0-9]")  # a letter and a digit, anywhere
_PASSWORD_RULE = re.compile(
    "".join(f"(?=.*{need})" for need in _NEEDS) + f".{{{_MIN_LENGTH},{_MAX_LENGTH}}}", re.DOTALL
)
_POLICY = f"A password has {_MIN_LENGTH} to {_MAX_LENGTH} characters with at least one letter and one digit."


def check_password_policy(password: Secret) -> None:
    if not _PASSWORD_RULE.fullmatch(password.reveal()):
        raise ApiError(IDENTITY_ERRORS.WEAK_PASSWORD, _POLICY)


class NewPassword(Password):
    """A password being set (registration, reset, an operator's first): its schema states the policy that
    `check_password_policy` enforces with 7105, so that clients and fuzzers know it before they send."""

    __slots__ = ()

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema: dict[str, Any] = super().__get_pydantic_json_schema__(schema, handler)
        json_schema.update(
            minLength=_MIN_LENGTH,
            maxLength=_MAX_LENGTH,
            allOf=[{"pattern": need} for need in _NEEDS],
            description=_POLICY,
        )
        return json_schema


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
