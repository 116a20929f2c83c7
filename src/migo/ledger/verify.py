"""The ledger's invariants, checked from scratch on a live database: what `migo ledger verify` runs.

Each check reads in batches (keyset over ids, so a batch costs the same at the end of a big table as at its
start) and keeps only offenders in memory. The caller runs them all in one REPEATABLE READ, READ ONLY
transaction, so they see one snapshot of a database that keeps taking writes.

The ledger's own rules:
- every entry has two or more postings, and they sum to zero in each currency;
- each account's balance is the sum of its postings, every posting's `balance_after` follows from the one
  before it, and postings are in the account's currency;
- no account that may not go negative is below zero (`balance - held`), and `held` is the sum of its pending
  holds; a hold is pending, posted (into an entry on its account) or voided, and says so consistently;
- each currency's balances sum to zero;
- entries and postings cannot be changed (the triggers that refuse it are there and enabled), and a reversal
  negates the entry it reverses exactly.

And the domains' (`MovementSource`): every money movement a domain recorded as done names exactly one entry,
of the kind and amount it says, and every entry of a kind a domain writes is named by one of its records. A
kind nobody claims is reported too, so a new kind of entry cannot go unchecked.
"""

from __future__ import annotations

import itertools
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

SHOWN_OFFENDERS = 20  # a report names this many of each check's offenders; the count is always exact


@dataclass
class CheckResult:
    """One rule, how many rows it read, and who broke it."""

    name: str
    rule: str
    checked: int = 0
    offenders: list[str] = field(default_factory=list)
    offender_count: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.offender_count == 0

    def offend(self, *ids: object) -> None:
        self.offend_counted(len(ids), ids)

    def offend_counted(self, count: int, shown: Iterable[object]) -> None:
        """`count` offenders, of which `shown` names some (a query counted them and fetched a few)."""
        self.offender_count += count
        room = SHOWN_OFFENDERS - len(self.offenders)
        self.offenders.extend(str(i) for i in itertools.islice(shown, max(room, 0)))


# (what, the table's id column, the condition): a way a domain's records contradict themselves.
Contradiction = tuple[str, Any, Any]


async def count_contradictions(
    session: AsyncSession, result: CheckResult, contradictions: Iterable[Contradiction]
) -> None:
    """Count the rows meeting each condition into `result`, naming the first few by their id (a domain's
    `self_check` lists the ways its records can contradict themselves and hands them here)."""
    for what, id_column, condition in contradictions:
        count = await session.scalar(select(func.count()).where(condition)) or 0
        if count:
            shown = await session.scalars(select(id_column).where(condition).order_by(id_column).limit(SHOWN_OFFENDERS))
            result.offend_counted(count, (f"{what}: {id_}" for id_ in shown))


@dataclass
class VerifyReport:
    checks: list[CheckResult]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def failed(self) -> list[CheckResult]:
        return [check for check in self.checks if not check.ok]

    def __str__(self) -> str:
        lines = [f"{'ok' if c.ok else 'FAILED'} {c.name}: {c.checked} checked" for c in self.checks]
        for check in self.failed():
            lines.append(f"{check.name}: {check.offender_count} offending: {', '.join(check.offenders)}")
        return "\n".join(lines)


@dataclass(frozen=True)
class RecordedMovement:
    """A domain's record of money it moved, as the ledger must show it: one entry, of this kind and amount
    (the sum of the entry's positive postings)."""

    entry_id: uuid.UUID
    record: str  # what the domain calls it, for the report: "card transaction 0193…"
    kind: str
    amount: Decimal


# (session, after this entry id or None, at most this many) → records in entry id order
RecordedBatch = Callable[[AsyncSession, uuid.UUID | None, int], Awaitable[Sequence[RecordedMovement]]]
# (session, the result to fill) → sets `checked` and reports records that contradict themselves (done with
# no entry, refused with one, …)
SelfCheck = Callable[[AsyncSession, "CheckResult"], Awaitable[None]]


@dataclass(frozen=True)
class MovementSource:
    """Where a domain records the money it moves, and which entry kinds it alone writes."""

    name: str
    kinds: frozenset[str]
    recorded: RecordedBatch
    self_check: SelfCheck | None = None
    rule: str = ""


@dataclass(frozen=True)
class JournalOnly:
    """Entry kinds whose entry is the only record (an operator's funding deposit): claimed, not matched."""

    kinds: frozenset[str]
    why: str


async def verify_ledger(
    session: AsyncSession,
    sources: Sequence[MovementSource] = (),
    journal_only: Sequence[JournalOnly] = (),
    *,
    batch_size: int = 20_000,
    progress: Callable[[CheckResult], None] | None = None,
) -> VerifyReport:
    """Every check, in `session`'s transaction: REPEATABLE READ, so that they all see one snapshot."""
    checks: list[Callable[[], Awaitable[CheckResult]]] = [
        lambda: _entries_balance(session, batch_size),
        lambda: _accounts(session, max(batch_size // 10, 100)),
        lambda: _holds(session, batch_size),
        lambda: _currencies_sum_to_zero(session),
        lambda: _immutability(session),
        lambda: _reversals(session, batch_size),
        lambda: _unclaimed_kinds(session, sources, journal_only),
    ]
    for source in sources:
        checks.append(lambda source=source: _movements(session, source, batch_size))  # type: ignore[misc]
        if source.self_check is not None:
            checks.append(lambda source=source: _self_check(session, source))  # type: ignore[misc]
    results = []
    for run in checks:
        started = time.perf_counter()
        result = await run()
        result.seconds = round(time.perf_counter() - started, 3)
        results.append(result)
        if progress is not None:
            progress(result)
    return VerifyReport(results)


async def _keyset(
    session: AsyncSession, statement: str, batch_size: int, **params: object
) -> AsyncIterator[tuple[int, list[object]]]:
    """Run `statement` batch after batch. It reads `:after` (None first) and `:limit`, and answers one row:
    (the batch's last id, rows read, offending ids); an empty batch ends it."""
    after: object = None
    while True:
        row = (await session.execute(text(statement), {"after": after, "limit": batch_size, **params})).one()
        last, read, offending = row
        if last is None:
            return
        yield read, list(offending)
        after = last


_ENTRIES = """
WITH batch AS (
    SELECT id FROM ledger_entries WHERE CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid)
    ORDER BY id LIMIT :limit
), per_currency AS (
    SELECT p.entry_id, count(*) AS postings, sum(p.amount) AS total
    FROM ledger_postings p JOIN batch b ON b.id = p.entry_id
    GROUP BY p.entry_id, p.currency
), per_entry AS (
    SELECT b.id, coalesce(sum(c.postings), 0) AS postings, coalesce(bool_or(c.total <> 0), false) AS unbalanced
    FROM batch b LEFT JOIN per_currency c ON c.entry_id = b.id
    GROUP BY b.id
)
SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1), (SELECT count(*) FROM batch),
       array(SELECT id FROM per_entry WHERE unbalanced OR postings < 2 ORDER BY id)
"""


async def _entries_balance(session: AsyncSession, batch_size: int) -> CheckResult:
    result = CheckResult("entries balance", "every entry has 2+ postings summing to zero in each currency")
    async for read, offending in _keyset(session, _ENTRIES, batch_size):
        result.checked += read
        result.offend(*offending)
    return result


_ACCOUNTS = """
WITH batch AS (
    SELECT id, currency, balance, held, allow_negative FROM ledger_accounts
    WHERE CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid)
    ORDER BY id LIMIT :limit
), chain AS (
    SELECT p.account_id, p.amount,
           p.balance_after - p.amount IS DISTINCT FROM coalesce(lag(p.balance_after) OVER w, 0) AS broken,
           p.currency <> b.currency AS foreign_currency,
           CASE WHEN lead(p.id) OVER w IS NULL THEN p.balance_after END AS last_balance
    FROM ledger_postings p JOIN batch b ON b.id = p.account_id
    WINDOW w AS (PARTITION BY p.account_id ORDER BY p.id)
), postings AS (
    SELECT account_id, count(*) AS n, sum(amount) AS total, bool_or(broken) AS broken,
           bool_or(foreign_currency) AS foreign_currency, max(last_balance) AS last_balance
    FROM chain GROUP BY account_id
), holds AS (
    SELECT h.account_id, sum(h.amount) AS pending
    FROM ledger_holds h JOIN batch b ON b.id = h.account_id
    WHERE h.status = 'pending' GROUP BY h.account_id
), verdicts AS (
    SELECT b.id,
           b.balance <> coalesce(p.total, 0) OR b.balance <> coalesce(p.last_balance, 0)
               OR coalesce(p.broken, false) OR coalesce(p.foreign_currency, false) AS drifted,
           (NOT b.allow_negative AND b.balance - b.held < 0) OR b.held < 0 AS negative,
           b.held <> coalesce(h.pending, 0) AS held_mismatch,
           coalesce(p.n, 0) AS postings
    FROM batch b LEFT JOIN postings p ON p.account_id = b.id LEFT JOIN holds h ON h.account_id = b.id
)
SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1), (SELECT count(*) FROM batch),
       array(SELECT id || ':' || concat_ws(',', CASE WHEN drifted THEN 'drifted' END,
                                            CASE WHEN negative THEN 'negative' END,
                                            CASE WHEN held_mismatch THEN 'held' END)
             FROM verdicts WHERE drifted OR negative OR held_mismatch ORDER BY id),
       (SELECT coalesce(sum(postings), 0) FROM verdicts)
"""


async def _accounts(session: AsyncSession, batch_size: int) -> CheckResult:
    """Balances against postings, the running balance, negatives and held amounts, one pass per account."""
    result = CheckResult(
        "account balances",
        "balance = sum of postings = last balance_after, each balance_after follows the one before, no forbidden"
        " negative, held = pending holds",
    )
    after: object = None
    postings = 0
    while True:
        row = (await session.execute(text(_ACCOUNTS), {"after": after, "limit": batch_size})).one()
        last, read, offending, read_postings = row
        if last is None:
            break
        result.checked += read
        postings += int(read_postings)
        result.offend(*offending)
        after = last
    result.rule += f" ({postings} postings read)"
    return result


_HOLDS = """
WITH batch AS (
    SELECT h.id, h.status, h.entry_id, h.resolved_at, h.account_id, h.currency
    FROM ledger_holds h
    WHERE CAST(:after AS uuid) IS NULL OR h.id > CAST(:after AS uuid)
    ORDER BY h.id LIMIT :limit
)
SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1), (SELECT count(*) FROM batch),
       array(
           SELECT b.id FROM batch b JOIN ledger_accounts a ON a.id = b.account_id
           WHERE b.currency <> a.currency
              OR (b.status = 'pending' AND (b.entry_id IS NOT NULL OR b.resolved_at IS NOT NULL))
              OR (b.status = 'voided' AND (b.entry_id IS NOT NULL OR b.resolved_at IS NULL))
              OR (b.status = 'posted' AND (b.resolved_at IS NULL OR NOT EXISTS (
                     SELECT 1 FROM ledger_postings p WHERE p.entry_id = b.entry_id AND p.account_id = b.account_id)))
           ORDER BY b.id)
"""


async def _holds(session: AsyncSession, batch_size: int) -> CheckResult:
    result = CheckResult("holds", "a pending hold has no entry; a voided one none either; a posted one its entry")
    async for read, offending in _keyset(session, _HOLDS, batch_size):
        result.checked += read
        result.offend(*offending)
    return result


async def _currencies_sum_to_zero(session: AsyncSession) -> CheckResult:
    result = CheckResult("currencies sum to zero", "the balances of every currency's accounts sum to zero")
    rows = await session.execute(
        text("SELECT currency, sum(balance), count(*) FROM ledger_accounts GROUP BY currency ORDER BY currency")
    )
    for currency, total, accounts in rows:
        result.checked += accounts
        if total != 0:
            result.offend(f"{currency}:{total}")
    return result


_IMMUTABLE_TABLES = ("ledger_entries", "ledger_postings")


async def _immutability(session: AsyncSession) -> CheckResult:
    """The triggers that refuse UPDATE and DELETE are in place and enabled (tgtype bits: 8 DELETE, 16 UPDATE;
    tgenabled 'D' is disabled)."""
    result = CheckResult("entries immutable", "UPDATE and DELETE of entries and postings are refused")
    rows = await session.execute(
        text(
            "SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
            " WHERE c.relname = ANY(:tables) AND NOT t.tgisinternal AND t.tgenabled <> 'D'"
            " AND t.tgfoid = 'ledger_refuse_change'::regproc AND t.tgtype & 24 = 24"
        ),
        {"tables": list(_IMMUTABLE_TABLES)},
    )
    guarded = set(rows.scalars())
    result.checked = len(_IMMUTABLE_TABLES)
    result.offend(*(table for table in _IMMUTABLE_TABLES if table not in guarded))
    return result


_REVERSALS = """
WITH batch AS (
    SELECT id, reverses_entry_id FROM ledger_entries
    WHERE reverses_entry_id IS NOT NULL AND (CAST(:after AS uuid) IS NULL OR id > CAST(:after AS uuid))
    ORDER BY id LIMIT :limit
)
SELECT (SELECT id FROM batch ORDER BY id DESC LIMIT 1), (SELECT count(*) FROM batch),
       array(
           SELECT r.id FROM batch r WHERE EXISTS (
               (SELECT account_id, -amount FROM ledger_postings WHERE entry_id = r.reverses_entry_id
                EXCEPT ALL SELECT account_id, amount FROM ledger_postings WHERE entry_id = r.id)
               UNION ALL
               (SELECT account_id, amount FROM ledger_postings WHERE entry_id = r.id
                EXCEPT ALL SELECT account_id, -amount FROM ledger_postings WHERE entry_id = r.reverses_entry_id))
           ORDER BY r.id)
"""


async def _reversals(session: AsyncSession, batch_size: int) -> CheckResult:
    result = CheckResult("reversals", "a reversal negates every posting of the entry it reverses, exactly")
    async for read, offending in _keyset(session, _REVERSALS, batch_size):
        result.checked += read
        result.offend(*offending)
    return result


async def _unclaimed_kinds(
    session: AsyncSession, sources: Sequence[MovementSource], journal_only: Sequence[JournalOnly]
) -> CheckResult:
    result = CheckResult("entry kinds claimed", "every kind of entry is written by a domain that records it")
    claimed: dict[str, str] = {}
    for name, kinds in [(s.name, s.kinds) for s in sources] + [(j.why, j.kinds) for j in journal_only]:
        for kind in kinds:
            if kind in claimed:  # two sources matching one kind would each see the other's entries as orphans
                raise ValueError(f"entry kind {kind!r} is claimed by {claimed[kind]!r} and {name!r}")
            claimed[kind] = name
    rows = await session.execute(text("SELECT kind, count(*) FROM ledger_entries GROUP BY kind ORDER BY kind"))
    for kind, count in rows:
        result.checked += count
        if kind not in claimed:
            result.offend(f"{kind} ({count} entries)")
    return result


_ENTRIES_OF_KINDS = """
SELECT e.id, e.kind, (SELECT sum(p.amount) FROM ledger_postings p WHERE p.entry_id = e.id AND p.amount > 0)
FROM ledger_entries e
WHERE e.kind = ANY(:kinds) AND (CAST(:after AS uuid) IS NULL OR e.id > CAST(:after AS uuid))
ORDER BY e.id LIMIT :limit
"""


async def _entries_of(
    session: AsyncSession, kinds: frozenset[str], batch_size: int
) -> AsyncIterator[tuple[uuid.UUID, str, Decimal]]:
    after: uuid.UUID | None = None
    while True:
        rows = (
            await session.execute(
                text(_ENTRIES_OF_KINDS), {"kinds": sorted(kinds), "after": after, "limit": batch_size}
            )
        ).all()
        for entry_id, kind, amount in rows:
            yield entry_id, kind, amount
        if len(rows) < batch_size:
            return
        after = rows[-1][0]


async def _recorded(session: AsyncSession, source: MovementSource, batch_size: int) -> AsyncIterator[RecordedMovement]:
    """The source's records in entry id order. Sources page by `entry_id > after`, and two records may name one
    entry (the very fault to find): the records of a full batch's last entry may go on in the next, so they are
    read again with it (a batch that is all one entry's records is read again, twice as large)."""
    after: uuid.UUID | None = None
    limit = batch_size
    while True:
        batch = await source.recorded(session, after, limit)
        if len(batch) < limit:
            for movement in batch:
                yield movement
            return
        last = batch[-1].entry_id
        whole = [movement for movement in batch if movement.entry_id != last]
        if not whole:
            limit *= 2
            continue
        for movement in whole:
            yield movement
        after, limit = whole[-1].entry_id, batch_size


async def _movements(session: AsyncSession, source: MovementSource, batch_size: int) -> CheckResult:
    """Merge the domain's records and the ledger's entries of its kinds, both in entry id order: a record with
    no entry (or one of another kind or amount), an entry no record names, an entry two records name."""
    result = CheckResult(
        f"movements: {source.name}",
        source.rule or "every movement recorded as done has exactly one entry of its kind and amount, and back",
    )
    entries = _entries_of(session, source.kinds, batch_size)
    records = _recorded(session, source, batch_size)
    entry = await anext(entries, None)
    record = await anext(records, None)
    matched: uuid.UUID | None = None  # the entry the last record matched
    while entry is not None or record is not None:
        if record is not None and record.entry_id == matched:
            result.checked += 1
            result.offend(f"{record.record}: entry {matched} is named by another record too")
            record = await anext(records, None)
        elif record is not None and (entry is None or record.entry_id < entry[0]):
            result.checked += 1  # the ledger has no entry of the source's kinds with this id
            result.offend(f"{record.record}: no {record.kind} entry {record.entry_id}")
            record = await anext(records, None)
        elif entry is not None and (record is None or entry[0] < record.entry_id):
            result.offend(f"entry {entry[0]} ({entry[1]} {entry[2]}): no record names it")
            entry = await anext(entries, None)
        else:
            assert entry is not None
            assert record is not None
            result.checked += 1
            entry_id, kind, amount = entry
            if kind != record.kind or amount != record.amount:
                result.offend(
                    f"{record.record}: entry {entry_id} is {kind} {amount}, expected {record.kind} {record.amount}"
                )
            matched = entry_id
            record = await anext(records, None)
            entry = await anext(entries, None)
    return result


async def _self_check(session: AsyncSession, source: MovementSource) -> CheckResult:
    assert source.self_check is not None
    result = CheckResult(f"records: {source.name}", "a record's status agrees with its money (done ⇔ entry)")
    await source.self_check(session, result)
    return result
