"""Card numbers: Luhn, brands from IIN ranges, masking, and the vault operations (encrypt, fingerprint).

A full PAN is only ever held in memory for as long as an operation needs it: at rest it is AES-GCM
ciphertext, looked up by a keyed fingerprint, and shown as BIN and last four.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from migo.platform import security
from migo.platform.secrets import CardNumber

_DIGITS = re.compile(r"[0-9]{12,19}")
_DIGITS_ONLY = re.compile(r"[0-9]+")


def normalize(number: str) -> str:
    """Digits only: spaces and dashes people type are dropped."""
    return re.sub(r"[\s-]", "", number)


def luhn_check_digit(partial: str) -> str:
    total = 0
    for index, char in enumerate(reversed(partial)):
        value = int(char)
        if index % 2 == 0:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return str((10 - total % 10) % 10)


def is_valid(number: str) -> bool:
    return bool(_DIGITS.fullmatch(number)) and luhn_check_digit(number[:-1]) == number[-1]


def generate(bin_prefix: str, length: int = 16) -> str:
    """A random, Luhn-valid card number on `bin_prefix`."""
    body = bin_prefix + "".join(str(secrets.randbelow(10)) for _ in range(length - len(bin_prefix) - 1))
    return body + luhn_check_digit(body)


# (first digits range, brand), most specific first: enough to name the network of any card people carry.
_IIN_RANGES: tuple[tuple[int, int, int, str], ...] = (
    (4, 2221, 2720, "mastercard"),
    (2, 51, 55, "mastercard"),
    (2, 34, 34, "amex"),
    (2, 37, 37, "amex"),
    (4, 6011, 6011, "discover"),
    (3, 644, 649, "discover"),
    (2, 65, 65, "discover"),
    (4, 3528, 3589, "jcb"),
    (3, 300, 305, "diners"),
    (2, 36, 36, "diners"),
    (2, 38, 39, "diners"),
    (2, 62, 62, "unionpay"),
    (2, 50, 50, "maestro"),
    (2, 56, 58, "maestro"),
    (2, 67, 67, "maestro"),
    (1, 4, 4, "visa"),
)


def brand_of(number: str) -> str:
    for width, low, high, brand in _IIN_RANGES:
        prefix = number[:width]
        if len(prefix) == width and _DIGITS_ONLY.fullmatch(prefix) and low <= int(prefix) <= high:
            return brand
    return "unknown"


def mask(number: str) -> str:
    return f"{number[:6]}{'*' * (len(number) - 10)}{number[-4:]}"


def masked(bin_: str, last4: str) -> str:
    """A card as shown from its stored BIN and last four: the BIN, six asterisks, the last four."""
    return f"{bin_}{'*' * 6}{last4}"


@dataclass(frozen=True)
class SealedPan:
    ciphertext: bytes
    fingerprint: bytes
    bin: str
    last4: str


def fingerprint(number: str) -> bytes:
    return security.keyed_hash(number, purpose="pan-fingerprint")


def seal(number: str) -> SealedPan:
    return SealedPan(
        ciphertext=security.encrypt(number.encode(), purpose="pan"),
        fingerprint=fingerprint(number),
        bin=number[:6],
        last4=number[-4:],
    )


def reveal(ciphertext: bytes) -> CardNumber:
    """The sealed number, out of the vault as a CardNumber (so it still shows only its last four)."""
    return CardNumber(security.decrypt(ciphertext, purpose="pan").decode())
