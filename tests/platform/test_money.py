"""Money on the wire (CONTRACT §2): strings or integers in, 4-decimal strings out, never floats."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from migo.platform.money import Amount, Money, format_money, parse_amount


class Transfer(BaseModel):
    amount: Amount


class Balance(BaseModel):
    balance: Money


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("125.5", "125.5000"),
        ("0.0001", "0.0001"),
        (125, "125.0000"),
        ("9999999999999999.9999", "9999999999999999.9999"),
    ],
)
def test_accepted_amounts(given, expected):
    assert Transfer(amount=given).model_dump(mode="json") == {"amount": expected}


@pytest.mark.parametrize(
    "given",
    [
        12.5,
        1.0,
        "1.00001",
        "NaN",
        "Infinity",
        "-1",
        "0",
        0,
        -5,
        "0.0000",
        "1e5",
        " 12",
        "+3",
        "",
        True,
        None,
        "12,50",
        "10000000000000000",
        10**16,
    ],
)
def test_refused_amounts(given):
    with pytest.raises(ValidationError):
        Transfer(amount=given)


def test_balances_serialize_as_strings_even_when_negative_or_zero():
    assert Balance(balance=Decimal("-3.5")).model_dump(mode="json") == {"balance": "-3.5000"}
    assert Balance(balance=Decimal(0)).model_dump(mode="json") == {"balance": "0.0000"}


def test_json_schema_says_string_on_the_way_out():
    schema = Balance.model_json_schema(mode="serialization")["properties"]["balance"]
    assert schema["type"] == "string"
    inputs = Transfer.model_json_schema(mode="validation")["properties"]["amount"]
    assert {option["type"] for option in inputs["anyOf"]} == {"string", "integer"}


@given(st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("9999999999999999.9999"), places=4))
def test_round_trip_is_exact(value):
    text = format_money(value)
    assert parse_amount(text) == value
    assert Decimal(text) == value
