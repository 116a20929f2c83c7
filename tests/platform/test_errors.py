"""The error catalog (CONTRACT §2): one code and one name per error, each code in its documented range and in
the range of the domain that declares it, and the served catalog listing each error once. A code given twice
would make an integrator's `switch` ambiguous."""

from __future__ import annotations

import re
from collections import Counter

import pytest

import migo.app  # noqa: F401 - every domain, hence every error, imported
from migo.backoffice.errors import (
    BACKOFFICE_ERRORS,
    CARDHOLDER_BATCH_ERRORS,
    CONCILIATION_ERRORS,
    PARTNER_ERRORS,
    TRANSACTION_ERRORS,
)
from migo.cards.errors import CARD_ERRORS
from migo.identity.errors import IDENTITY_ERRORS
from migo.merchants.errors import MERCHANT_ERRORS, SETTLEMENT_ERRORS
from migo.payments.errors import PAYMENT_ERRORS
from migo.platform.batches import BATCH_ERRORS
from migo.platform.errors import ERRORS, MW_ERRORS, ErrorDef, catalog, domain_errors, middleware_catalog
from migo.subscriptions.errors import SUBSCRIPTION_ERRORS

# CONTRACT §2: Gateway and CMS codes are 7000-8099, a hundred per domain.
GATEWAY_RANGES = {
    70: "request and authentication",
    71: "users",
    72: "cards",
    73: "funds and transfers",
    74: "merchants and terminals",
    75: "settlements",
    76: "keys and signatures",
    77: "subscriptions",
    78: "back office and RBAC",
    79: "batches and files",
    80: "system",
}
# Middleware ownCodes: seed 002's 20xx and 5000/5004, and ours beside them in 50xx.
MIDDLEWARE_RANGES = (range(2000, 2100), range(5000, 5100))
UPPER_SNAKE = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*")
NAMESPACES = {
    "platform": ERRORS,
    "platform (Middleware)": MW_ERRORS,
    "identity": IDENTITY_ERRORS,
    "cards": CARD_ERRORS,
    "merchants": MERCHANT_ERRORS,
    "settlements": SETTLEMENT_ERRORS,
    "payments": PAYMENT_ERRORS,
    "subscriptions": SUBSCRIPTION_ERRORS,
    "batches": BATCH_ERRORS,
    "back office": BACKOFFICE_ERRORS,
    "cardholder batches": CARDHOLDER_BATCH_ERRORS,
    "transactions": TRANSACTION_ERRORS,
    "partners": PARTNER_ERRORS,
    "conciliation": CONCILIATION_ERRORS,
}


def _defined(namespace: type) -> dict[str, ErrorDef]:
    return {attribute: value for attribute, value in vars(namespace).items() if isinstance(value, ErrorDef)}


def _repeated(values: list) -> list:
    return [value for value, count in Counter(values).items() if count > 1]


@pytest.mark.parametrize("owner", list(NAMESPACES))
def test_every_error_is_named_as_the_client_reads_it(owner):
    defined = _defined(NAMESPACES[owner])
    assert defined
    for attribute, error in defined.items():
        assert error.name == attribute  # what the code raises is what the client reads
        assert UPPER_SNAKE.fullmatch(error.name), error.name
        assert 400 <= error.status <= 599, error


def test_the_catalog_is_every_domains_errors_each_code_and_name_once():
    declared = [error for namespace in NAMESPACES.values() for error in _defined(namespace).values()]
    gateway = [e for e in declared if 7000 <= e.code <= 8099]
    middleware = [e for e in declared if e not in gateway]
    assert sorted(gateway, key=lambda e: e.code) == catalog()
    assert sorted(middleware, key=lambda e: e.code) == middleware_catalog()
    for space in (catalog(), middleware_catalog()):
        assert _repeated([e.code for e in space]) == [] and _repeated([e.name for e in space]) == []
    for error in catalog():
        assert error.code // 100 in GATEWAY_RANGES, error
    for error in middleware_catalog():
        assert any(error.code in codes for codes in MIDDLEWARE_RANGES), error


def test_a_domain_cannot_define_a_code_twice_nor_outside_its_ranges():
    define = domain_errors("a test domain", gateway=(73, 79), middleware=(range(5090, 5100),))
    with pytest.raises(ValueError, match="defined twice"):
        define(7303, "SOMETHING_ELSE", 409, "A code another domain owns.")
    with pytest.raises(ValueError, match="does not own"):
        define(7250, "OUT_OF_RANGE", 409, "Not this domain's hundred.")
    with pytest.raises(ValueError, match="defined twice"):
        define(7990, "INSUFFICIENT_FUNDS", 409, "A name already taken.")
    with pytest.raises(ValueError, match="does not own"):
        define(5011, "NOT_OURS", 409, "Another domain's ownCode.")


def test_the_seeds_codes_keep_their_meaning():
    assert CARD_ERRORS.INSUFFICIENT_FUNDS.code == 7303  # seed 000
    assert IDENTITY_ERRORS.INVALID_SIGNATURE.code == 7604  # seed 000
    assert IDENTITY_ERRORS.KEYS_EXPIRED.code == 7616  # seed 003
    by_code = {e.code: e.status for e in middleware_catalog()}  # seed 002, CONTRACT §5's table
    assert {code: by_code.get(code) for code in (5000, 2007, 5004, 2003, 2006, 2004, 2005, 2002)} == {
        5000: 409,
        2007: 401,
        5004: 409,
        2003: 409,
        2006: 400,
        2004: 400,
        2005: 400,
        2002: 400,
    }


async def test_the_served_catalog_lists_each_error_once(client):
    for prefix in ("/rest", "/cms/rest"):
        response = await client.get(f"{prefix}/errors")
        assert response.status_code == 200
        data = response.json()["data"]
        for served, space in ((data["errors"], catalog()), (data["paymentLinkErrors"], middleware_catalog())):
            assert _repeated([entry["code"] for entry in served]) == []
            assert served == [e.as_dict() for e in space]
