"""The books of the test database verified as `migo ledger verify` does, after money moved in a test."""

from __future__ import annotations

from migo.ledger import service as ledger
from migo.verification import verify_books

# The ledger's own tests post entries straight through the ledger, with no domain to record them.
LEDGER_TEST_ENTRIES = ledger.JournalOnly(frozenset({"t", "deposit", "capture", "t_reversal"}), "the ledger's tests")


async def assert_books_sound() -> None:
    report = await verify_books(also_journal_only=(LEDGER_TEST_ENTRIES,))
    assert report.ok, str(report)
