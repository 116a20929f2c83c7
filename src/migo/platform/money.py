"""Money: `Decimal` end to end, NUMERIC(20,4) in the database, a 4-decimal string on the wire.

Inputs accept a string ("125.5") or an integer (125); floats, more than four decimals, NaN, infinities,
signs, exponents, zero and negative amounts are validation errors (CONTRACT §2).
"""

from __future__ import annotations

import copy
import re
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Annotated, Any

from babel import Locale
from babel.numbers import format_decimal, parse_pattern
from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema
from sqlalchemy import Numeric

SCALE = Decimal("0.0001")
MAX_INTEGER_DIGITS = 16  # NUMERIC(20,4)
_AMOUNT_TEXT = re.compile(rf"[0-9]{{1,{MAX_INTEGER_DIGITS}}}(\.[0-9]{{1,4}})?")

# The column type every money column uses.
MoneyColumn = Numeric(20, 4, asdecimal=True)


def parse_amount(value: Any) -> Decimal:
    """A positive amount from the wire, or ValueError with a message a client can act on."""
    if isinstance(value, bool) or not isinstance(value, int | str | Decimal):
        raise ValueError('amount must be a string such as "125.50" or an integer; floats are not accepted')
    if isinstance(value, int):
        if value <= 0:
            raise ValueError("amount must be greater than zero")
        if value >= 10**MAX_INTEGER_DIGITS:
            raise ValueError(f"amount must have at most {MAX_INTEGER_DIGITS} integer digits")
        return Decimal(value).quantize(SCALE)
    text = format(value, "f") if isinstance(value, Decimal) else value
    if not _AMOUNT_TEXT.fullmatch(text):
        raise ValueError(
            "amount must be a plain decimal with at most 4 decimals and "
            f'{MAX_INTEGER_DIGITS} integer digits, such as "125.50"'
        )
    amount = Decimal(text)
    if amount <= 0:
        raise ValueError("amount must be greater than zero")
    return amount.quantize(SCALE)


def format_money(value: Decimal) -> str:
    return str(value.quantize(SCALE, rounding=ROUND_HALF_EVEN))


# ISO 4217 minor units where they are not two: what people read (the wire and the database keep four decimals).
_MINOR_UNITS = {
    **dict.fromkeys(
        ("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF"),
        0,
    ),
    "XPF": 0,
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
}


def _in_minor_units(value: Decimal, currency: str) -> tuple[Decimal, int]:
    places = _MINOR_UNITS.get(currency, 2)
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN), places


# CLDR's currency spacing, which Babel leaves out: a currency code is kept apart from the digits (`GTQ 1.00`).
_CODE_BESIDE_DIGIT = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=\d)(?=[^\W\d_])")


def display_money(value: Decimal, currency: str, locale: str | None = None) -> str:
    """An amount for people to read, in the currency's usual decimals (rounded half-even): `GTQ 1,234.50` for the
    dashboard (no locale), else as CLDR writes it in the locale (`1.234,50 GTQ` in `es`, `$1,234.50` in `en`)."""
    shown, places = _in_minor_units(value, currency)
    if locale is None:
        return f"{currency} {shown:,.{places}f}"
    # The locale's currency pattern, with the currency's decimals rather than CLDR's (ISO 4217 is the rule here).
    pattern = copy.copy(parse_pattern(Locale.parse(locale).currency_formats["standard"]))
    pattern.frac_prec = (places, places)
    return _CODE_BESIDE_DIGIT.sub(" ", pattern.apply(shown, locale, currency=currency, currency_digits=False))


def display_figure(value: Decimal, currency: str, locale: str) -> str:
    """An amount without its currency (a column headed with it), in the currency's decimals: `1.234,50` in `es`."""
    shown, places = _in_minor_units(value, currency)
    return format_decimal(shown, "#,##0" + ("." + "0" * places if places else ""), locale=locale)


_MONEY_JSON_SCHEMA = {"type": "string", "pattern": r"^-?[0-9]{1,16}\.[0-9]{4}$", "examples": ["125.5000"]}
_POSITIVE_FRACTION = r"0\.([1-9][0-9]{0,3}|0[1-9][0-9]{0,2}|00[1-9][0-9]?|000[1-9])"  # 0.0001 to 0.9999
_POSITIVE_AMOUNT_TEXT = rf"^([1-9][0-9]{{0,{MAX_INTEGER_DIGITS - 1}}}(\.[0-9]{{1,4}})?|{_POSITIVE_FRACTION})$"
_AMOUNT_JSON_SCHEMA = {
    "anyOf": [
        # Stricter than `parse_amount` (no leading zeros) so that it can say "greater than zero" without lookahead.
        {"type": "string", "pattern": _POSITIVE_AMOUNT_TEXT, "examples": ["125.50"]},
        # Exclusive: FastAPI's document writes bounds as floats, and 10**16 - 1 is no float (10**16 is).
        {"type": "integer", "minimum": 1, "exclusiveMaximum": 10**MAX_INTEGER_DIGITS},
    ]
}

# An amount a client sends: positive, string or integer.
Amount = Annotated[
    Decimal,
    BeforeValidator(parse_amount),
    PlainSerializer(format_money, return_type=str),
    WithJsonSchema(_AMOUNT_JSON_SCHEMA, mode="validation"),
    WithJsonSchema(_MONEY_JSON_SCHEMA, mode="serialization"),
]

# A money value the platform answers with (balances may be zero or negative).
Money = Annotated[
    Decimal,
    PlainSerializer(format_money, return_type=str),
    WithJsonSchema(_MONEY_JSON_SCHEMA),
]
