"""Values that mask themselves: card numbers, CVVs, PINs, one-time codes, passwords, keys and tokens.

Hyperswitch's `masking` in Python: a `Secret` shows nothing of itself in a repr, a str, an f-string, a log
line, a validation error or a JSON dump; `reveal()` is the one way to the value, written where the value is
used (a hash, a comparison, the processor's wire). Input models declare these types, so a request model that
holds a PIN can be logged or repr'd safely, and services take them in their signatures.

Each kind checks its own shape when a request is parsed (a PIN is 4 digits) and answers, in JSON schema, as
a write-only string.
"""

from __future__ import annotations

import hmac
from typing import Any, ClassVar

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from .wire import NO_NUL

MASK = "****"


class Secret:
    """A secret string (a password, a client secret, a token, a key)."""

    __slots__ = ("_value",)
    min_length: ClassVar[int] = 1
    max_length: ClassVar[int] = 500
    pattern: ClassVar[str | None] = None

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The value itself: call it where the value is used, never to show it."""
        return self._value

    def masked(self) -> str:
        return MASK

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.masked()!r})"

    def __str__(self) -> str:
        return self.masked()

    def __format__(self, spec: str) -> str:
        return self.masked()

    def __eq__(self, other: object) -> bool:
        """Constant-time, and only with a secret of the same kind."""
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, Secret)
        return hmac.compare_digest(self._value.encode(), other._value.encode())

    __hash__ = None  # type: ignore[assignment]  # hashing would be a way to compare without reveal()

    def __reduce__(self) -> Any:
        raise TypeError(f"a {type(self).__name__} is not pickled")

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(
            cls,
            core_schema.str_schema(min_length=cls.min_length, max_length=cls.max_length, pattern=cls.pattern),
            serialization=core_schema.plain_serializer_function_ser_schema(lambda secret: secret.masked()),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        json_schema = handler(schema)
        json_schema.update(format="password", writeOnly=True)
        json_schema.setdefault("pattern", NO_NUL)  # the input models refuse NUL in any text
        return json_schema


class Password(Secret):
    __slots__ = ()
    max_length = 200


class CardNumber(Secret):
    """A card number as typed: 12 to 19 digits, spaces and dashes allowed. Shown as its last four."""

    __slots__ = ()
    min_length, max_length = 12, 23
    pattern = r"^[0-9][0-9 -]*[0-9]$"

    def digits(self) -> CardNumber:
        """The number without its separators: still the secret, so it stays a CardNumber."""
        return CardNumber(self._digits())

    def _digits(self) -> str:
        return "".join(ch for ch in self._value if ch.isdigit())

    def masked(self) -> str:
        return f"****{self._digits()[-4:]}"


class BankAccountNumber(Secret):
    """A bank account number (local or IBAN): 4 to 34 letters and digits. Shown as its last four."""

    __slots__ = ()
    min_length, max_length = 4, 34
    pattern = r"^[A-Za-z0-9]+$"

    def masked(self) -> str:
        return f"****{self._value[-4:]}"


class Cvv(Secret):
    __slots__ = ()
    min_length, max_length = 3, 4
    pattern = r"^[0-9]{3,4}$"


class Pin(Secret):
    __slots__ = ()
    min_length = max_length = 4
    pattern = r"^[0-9]{4}$"


class Otp(Secret):
    """A one-time code sent to a person (6 digits)."""

    __slots__ = ()
    min_length = max_length = 6
    pattern = r"^[0-9]{6}$"


class HeaderSecret(Secret):
    """A secret that travels as an HTTP header value: no control characters (CR/LF would split a request)."""

    __slots__ = ()
    pattern = r"^[^\x00-\x1f\x7f]+$"
