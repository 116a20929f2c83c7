"""How long `migo ledger verify` takes on a production-sized ledger (issue 21: "fast enough to run on a
production-sized database in minutes; measure it on a million postings").

On a scratch database: the benchmark's tenant (its cards loaded through the services), then card-to-card
transfers written in bulk by SQL exactly as `cards_transfer` writes them (an entry, two postings with their
running balances, the card transaction naming the entry) until the ledger holds `--postings` postings. Then
`migo ledger verify` runs as an operator would run it, and its wall time and the books' verdict are recorded in
bench/results/ledger_verify.json.

    .venv/bin/python bench/ledger_verify.py [--postings 1000000] [--cards 500]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

# One row per transfer to write: two distinct cards of the tenant, a small amount; its ids.
_PLAN = """
CREATE TEMP TABLE planned AS
WITH cards AS (
    SELECT row_number() OVER (ORDER BY c.id) - 1 AS i, c.id, c.account_id, c.company_id
    FROM cards c WHERE c.status = 'ACTIVE'
), n AS (SELECT count(*) AS k FROM cards), picks AS (
    SELECT g, floor(random() * n.k)::bigint AS s, floor(random() * (n.k - 1))::bigint AS offset_, n.k
    FROM generate_series(1, %(transfers)s) g, n
)
SELECT p.g, gen_random_uuid() AS transaction_id, gen_random_uuid() AS entry_id,
       src.id AS source_card, src.account_id AS source_account, dst.id AS target_card,
       dst.account_id AS target_account, src.company_id, 0.01::numeric(20, 4) AS amount
FROM picks p
JOIN cards src ON src.i = p.s
JOIN cards dst ON dst.i = (p.s + 1 + p.offset_) %% p.k
"""

_WRITE = [
    """INSERT INTO ledger_entries (id, reference, kind, description, created_at)
       SELECT entry_id, 'card-transfer:' || transaction_id, 'card_transfer', NULL, now() FROM planned ORDER BY g""",
    # Two postings per transfer, in transfer order, each with the account's running balance after it.
    """INSERT INTO ledger_postings (entry_id, account_id, amount, currency, balance_after, created_at)
       SELECT legs.entry_id, legs.account_id, legs.amount, 'GTQ',
              a.balance + sum(legs.amount) OVER (PARTITION BY legs.account_id ORDER BY legs.g, legs.leg), now()
       FROM (SELECT g, 0 AS leg, entry_id, source_account AS account_id, -amount AS amount FROM planned
             UNION ALL
             SELECT g, 1, entry_id, target_account, amount FROM planned) legs
       JOIN ledger_accounts a ON a.id = legs.account_id
       ORDER BY legs.g, legs.leg""",
    """INSERT INTO card_transactions (id, created_at, company_id, type, source_card_id, target_card_id, amount,
                                      currency, description, status, denial_code, entry_id, actor_kind, actor_id)
       SELECT transaction_id, now(), company_id, 'transfer', source_card, target_card, amount, 'GTQ', NULL,
              'approved', NULL, entry_id, 'application', 'bench'
       FROM planned""",
    """UPDATE ledger_accounts a SET balance = a.balance + moved.total
       FROM (SELECT account_id, sum(amount) AS total FROM (
                 SELECT source_account AS account_id, -amount AS amount FROM planned
                 UNION ALL SELECT target_account, amount FROM planned) legs
             GROUP BY account_id) moved
       WHERE a.id = moved.account_id""",
]


def fill_ledger(database_url: str, postings: int) -> int:
    """Write transfers until the ledger holds about `postings` postings; answers how many it holds."""
    import psycopg

    from migo.platform.db import libpq_url

    with psycopg.connect(libpq_url(database_url)) as connection:
        existing = connection.execute("SELECT count(*) FROM ledger_postings").fetchone()
        transfers = max((postings - (existing[0] if existing else 0)) // 2, 0)
        run.log(f"writing {transfers} transfers ({2 * transfers} postings) in bulk")
        connection.execute(_PLAN, {"transfers": transfers})
        for statement in _WRITE:
            connection.execute(statement)
        connection.commit()
        connection.execute("ANALYZE")
        total = connection.execute("SELECT count(*) FROM ledger_postings").fetchone()
    return int(total[0]) if total else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--postings", type=int, default=1_000_000)
    parser.add_argument("--cards", type=int, default=500)
    args = parser.parse_args()
    os.environ.setdefault("MIGO_LOG_LEVEL", "WARNING")
    with run.migrated_database("migo_verify") as database_url:
        from bench.fixtures import provision

        run.log(f"provisioning {args.cards} active, funded cards")
        asyncio.run(provision(args.cards))
        started = time.monotonic()
        postings = fill_ledger(database_url, args.postings)
        run.log(f"{postings} postings written in {time.monotonic() - started:.0f} s; running migo ledger verify")
        started = time.monotonic()
        verify = subprocess.run(
            [sys.executable, "-m", "migo", "ledger", "verify", "--json"], capture_output=True, text=True
        )
        seconds = round(time.monotonic() - started, 1)
        report = json.loads(verify.stdout)
    results = {
        "ledger_verify_postings": postings,
        "ledger_verify_seconds": seconds,
        "ledger_verify_ok": report["ok"] and verify.returncode == 0,
        "ledger_verify_checks": {check["name"]: check["seconds"] for check in report["checks"]},
    }
    run.RESULTS.mkdir(parents=True, exist_ok=True)
    (run.RESULTS / "ledger_verify.json").write_text(json.dumps(results, indent=2) + "\n")
    verdict = "ok" if results["ledger_verify_ok"] else "BROKEN"
    run.log(f"migo ledger verify: {postings} postings in {seconds} s, books {verdict}")
    for name, check_seconds in results["ledger_verify_checks"].items():
        run.log(f"  {name}: {check_seconds} s")
    return 0 if results["ledger_verify_ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
