"""A 10,000-line CSV of subscription charges, end to end (issue 14: "a 10,000-line file is measured in
`make bench`").

On a scratch database: the benchmark's merchant client, a monthly plan and `--subscriptions` subscriptions made
through verify-card; then the CSV (`--lines` charges spread over them, one bad line in a hundred) is uploaded
through the Middleware as an integrator would, and its batch is run in this process exactly as the worker runs
it (`platform.batches.run`, chunk by chunk, each committed). Recorded in bench/results/bulk_charges.json: the
upload's time, the batch's wall time and lines per second, this process's CPU per line, and the outcome counts.

    .venv/bin/python bench/bulk_charges.py [--lines 10000] [--subscriptions 200]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

PLAN = {"name": "Bench monthly", "amount": 10, "currency": "GTQ", "interval": "month"}
CARD = {"cardNumber": "4242424242424242", "expiry": "12/34", "cvv": "123"}


async def measure(lines: int, subscriptions: int) -> dict[str, Any]:
    import httpx
    from bench.fixtures import CLIENT_SLUG, add_merchant_client

    from migo.app import create_app
    from migo.platform import batches
    from migo.platform.db import database
    from migo.subscriptions import bulk

    async with database.transaction() as session:
        token = await add_merchant_client(session, CLIENT_SLUG, name="Bench store", prefix="BENCH")
    headers = {"Authorization": token.reveal()}
    transport = httpx.ASGITransport(app=create_app(), client=("10.1.2.3", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=120) as http:
        plan = (await http.post("/v1/plans", json={"client": CLIENT_SLUG, **PLAN}, headers=headers)).json()
        run.log(f"subscribing {subscriptions} customers through verify-card")
        ids = []
        for n in range(subscriptions):
            body = {
                "client": CLIENT_SLUG,
                "userId": f"5022{n:07d}",
                "planId": plan["id"],
                "shouldCreateSubscription": True,
                "card": CARD,
            }
            answer = (await http.post("/v1/subscriptions/verify-card", json=body, headers=headers)).json()
            ids.append(answer["subscription"]["id"])
        rows = [f"{ids[n % len(ids)]},{'x' if n % 100 == 99 else n % 50 + 1},Bench {n},bench-{n}" for n in range(lines)]
        content = ("subscriptionId,amount,description,externalId\n" + "\n".join(rows) + "\n").encode()
        started = time.monotonic()
        accepted = await http.post(
            "/v1/subscriptions/charges/bulk", files={"file": ("charges.csv", content, "text/csv")}, headers=headers
        )
        upload_seconds = time.monotonic() - started
        batch_id = uuid.UUID(accepted.json()["batchId"])
        run.log(f"{lines} lines ({len(content)} bytes) accepted in {upload_seconds:.2f} s; charging")

        async def progress(done: int, total: int) -> None:
            if done % 2000 < batches.CHUNK or done == total:
                run.log(f"  {done}/{total}")

        cpu, started = time.process_time(), time.monotonic()
        status = await batches.run(batch_id, bulk.charger(CLIENT_SLUG, batch_id), on_progress=progress)
        seconds, cpu = time.monotonic() - started, time.process_time() - cpu
        shown = (await http.get(f"/v1/subscriptions/charges/bulk/{batch_id}/progress", headers=headers)).json()
    await database.dispose()
    return {
        "bulk_lines": lines,
        "bulk_subscriptions": subscriptions,
        "bulk_upload_seconds": round(upload_seconds, 2),
        "bulk_status": status,
        "bulk_seconds": round(seconds, 1),
        "bulk_lines_per_s": round(lines / seconds, 1),
        "bulk_process_cpu_ms_per_line": round(1000 * cpu / lines, 2),
        "bulk_succeeded": shown["succeeded"],
        "bulk_failed": shown["failed"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--subscriptions", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("MIGO_LOG_LEVEL", "WARNING")
    with run.migrated_database("migo_bulk"):
        results = asyncio.run(measure(args.lines, args.subscriptions))
    run.RESULTS.mkdir(parents=True, exist_ok=True)
    (run.RESULTS / "bulk_charges.json").write_text(json.dumps(results, indent=2) + "\n")
    run.log(
        f"bulk charges: {results['bulk_lines']} lines in {results['bulk_seconds']} s "
        f"({results['bulk_lines_per_s']} lines/s, {results['bulk_process_cpu_ms_per_line']} ms CPU per line in the "
        f"worker's process), {results['bulk_succeeded']} charged, {results['bulk_failed']} refused"
    )
    expected_failed = args.lines // 100
    return 0 if results["bulk_status"] == "done" and results["bulk_failed"] == expected_failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
