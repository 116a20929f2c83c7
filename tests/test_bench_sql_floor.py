"""bench/sql_floor.py: two recordings of a request become the pgbench script of PostgreSQL's floor."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

import pytest
from bench.sql_floor import build_script
from psycopg.types.json import Jsonb

COMPANY, SOURCE, TARGET = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def recording(transaction_id: uuid.UUID, key: str, digest: bytes, note: str = "fixed") -> list[list[Any]]:
    """A request's round trips as the recorder keeps them: a pipeline with psycopg's BEGIN, one statement, and
    the last pipeline with COMMIT."""
    return [
        [
            ("BEGIN", {}),
            ("SELECT 1 FROM keys WHERE key = %(key)s AND company = %(company)s", {"key": key, "company": COMPANY}),
            ("INSERT INTO uses (digest, note) VALUES (%(digest)s, %(note)s)", {"digest": digest, "note": note}),
        ],
        [
            (
                "SELECT * FROM move(%(id)s::uuid, %(source)s, %(target)s, %(amount)s, %(description)s)",
                {"id": transaction_id, "source": SOURCE, "target": TARGET}
                | {"amount": Decimal("0.01"), "description": None},
            )
        ],
        [
            (
                "INSERT INTO events (subject, data)\n    VALUES (%(subject)s, %(data)s) -- 100%% of them\n",
                {"subject": transaction_id, "data": Jsonb({"amount": "0.01"})},
            ),
            ("COMMIT", {}),
        ],
    ]


def test_what_differs_is_fresh_per_transaction_and_the_rest_is_passed_as_recorded() -> None:
    first = recording(uuid.uuid4(), "key-one", b"\x01" * 32)
    second = recording(uuid.uuid4(), "key-two", b"\x02" * 32)
    script = build_script(first, second, {"s": SOURCE, "t": TARGET})
    lines = script.text.splitlines()

    assert lines[:3] == [
        "\\set r random(1, 9000000000000000000)",
        "\\set s random(1, :cards)",
        "\\set t 1 + (:s + random(0, :cards - 2)) % :cards",
    ]
    fresh_id = "CAST(md5(CAST(:r AS text) || 'id2') AS uuid)"
    assert lines[3:] == [
        "\\startpipeline",
        "BEGIN;",
        "SELECT 1 FROM keys WHERE key = left(repeat(md5(CAST(:r AS text) || 'key0'), 1), 7) "
        "AND company = CAST(:c1 AS uuid);",
        "INSERT INTO uses (digest, note) VALUES "
        "(decode(left(repeat(md5(CAST(:r AS text) || 'digest1'), 3), 64), 'hex'), :c2);",
        "\\endpipeline",
        f"SELECT * FROM move({fresh_id}::uuid, (SELECT id FROM bench_floor_cards WHERE n = :s), "
        "(SELECT id FROM bench_floor_cards WHERE n = :t), CAST(:c3 AS numeric), NULL);",
        "\\startpipeline",
        # The same recorded value is the same fresh value: the event still names the transaction it records.
        f"INSERT INTO events (subject, data) VALUES ({fresh_id}, CAST(:c4 AS jsonb));",
        "COMMIT;",
        "\\endpipeline",
    ]
    assert script.constants == {"c1": COMPANY.hex, "c2": "fixed", "c3": "0.01", "c4": '{"amount": "0.01"}'}


def test_two_requests_that_sent_different_statements_are_refused() -> None:
    first = recording(uuid.uuid4(), "key-one", b"\x01" * 32)
    second = recording(uuid.uuid4(), "key-two", b"\x02" * 32)
    second[1][0] = ("SELECT * FROM another_function(%(id)s)", second[1][0][1])
    with pytest.raises(RuntimeError, match="same statements"):
        build_script(first, second, {"s": SOURCE, "t": TARGET})


def test_a_literal_that_pgbench_would_read_as_a_variable_is_refused() -> None:
    def with_literal(key: str) -> list[list[Any]]:
        trips = recording(uuid.uuid4(), key, b"\x01" * 32)
        trips[0][1] = ("SELECT 1 FROM keys WHERE key = %(key)s AND kind = 'app:gateway'", {"key": key})
        return trips

    with pytest.raises(RuntimeError, match="read as a variable"):
        build_script(with_literal("one"), with_literal("two"), {"s": SOURCE, "t": TARGET})
