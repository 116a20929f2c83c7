"""The error catalog (CONTRACT §2): one code and one name per error, each code in its documented range, and the
served catalog listing each error once. A code given twice would make an integrator's `switch` ambiguous."""

from __future__ import annotations

import ast
import inspect
import re
from collections import Counter

import pytest

from migo.platform import errors
from migo.platform.errors import ERRORS, MW_ERRORS, ErrorDef

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


def _defined(namespace: type) -> dict[str, ErrorDef]:
    return {attribute: value for attribute, value in vars(namespace).items() if isinstance(value, ErrorDef)}


def _repeated(values: list) -> list:
    return [value for value, count in Counter(values).items() if count > 1]


@pytest.mark.parametrize("namespace", [ERRORS, MW_ERRORS], ids=["gateway", "middleware"])
def test_every_error_has_a_code_and_a_name_of_its_own(namespace):
    defined = _defined(namespace)
    assert len(defined) > 10
    assert _repeated([e.code for e in defined.values()]) == []
    assert _repeated([e.name for e in defined.values()]) == []
    for attribute, error in defined.items():
        assert error.name == attribute  # what the code raises is what the client reads
        assert UPPER_SNAKE.fullmatch(error.name), error.name
        assert 400 <= error.status <= 599, error


def test_gateway_codes_sit_in_the_range_of_their_domain():
    """Each code in ERRORS is declared under a `# NNxx <domain>` heading, and its first two digits are NN."""
    source = inspect.getsource(errors)
    heading_of_line: list[int | None] = []
    heading = None
    for line in source.splitlines():
        if match := re.fullmatch(r"\s*# (\d\d)xx .*", line):
            heading = int(match.group(1))
        heading_of_line.append(heading)
    namespace = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "ERRORS")
    declared: list[tuple[str, int, int | None]] = []
    for node in namespace.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            (target,) = node.targets
            code = node.value.args[0]
            assert isinstance(target, ast.Name) and isinstance(code, ast.Constant), ast.unparse(node)
            declared.append((target.id, code.value, heading_of_line[node.lineno - 1]))

    # Declared once each: a second `X = _define(...)` in the class body would silently replace the first.
    assert _repeated([name for name, _, _ in declared]) == []
    assert {name for name, _, _ in declared} == set(_defined(ERRORS))
    for name, code, section in declared:
        assert section in GATEWAY_RANGES, f"{name} is declared under no documented range"
        assert code // 100 == section, f"{name} = {code} is declared under {section}xx {GATEWAY_RANGES[section]}"
        assert 7000 <= code <= 8099


def test_middleware_codes_sit_in_their_ranges():
    for error in _defined(MW_ERRORS).values():
        assert any(error.code in codes for codes in MIDDLEWARE_RANGES), error


def test_the_seeds_codes_keep_their_meaning():
    assert ERRORS.INSUFFICIENT_FUNDS.code == 7303  # seed 000
    assert ERRORS.INVALID_SIGNATURE.code == 7604  # seed 000
    assert ERRORS.KEYS_EXPIRED.code == 7616  # seed 003
    by_code = {e.code: e.status for e in _defined(MW_ERRORS).values()}  # seed 002, CONTRACT §5's table
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
        for served, namespace in ((data["errors"], ERRORS), (data["paymentLinkErrors"], MW_ERRORS)):
            assert _repeated([entry["code"] for entry in served]) == []
            assert _repeated([entry["name"] for entry in served]) == []
            expected = sorted((e.as_dict() for e in _defined(namespace).values()), key=lambda e: e["code"])
            assert served == expected
