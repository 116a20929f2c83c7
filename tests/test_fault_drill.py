"""The fault drill in small (issue 21; `make chaos` is the whole one): signed transfers and loads from a few
SDK-like clients while an API process is killed with `kill -9` and PostgreSQL is stopped dead and started
again, on a scratch embedded PostgreSQL of its own with the API and the worker as separate processes.
Afterwards nothing acknowledged is lost, no key moved money twice, every event reached the receiver, the
outage was answered 503 in the envelope, and `migo ledger verify` passes."""

from __future__ import annotations

from bench.chaos import Fault, Plan, drill

from tests.leakscan import server_log


async def test_money_survives_a_killed_api_process_and_a_database_restart(tmp_path):
    plan = Plan(
        seconds=10,
        clients=6,
        cards=20,
        operations=("transfer", "transfer", "load"),
        faults=(Fault("kill_api", at=3), Fault("restart_database", at=5, seconds=2)),
        settle_seconds=120,
        retry_for=45,
    )
    results = await drill(plan, tmp_path, server_log)
    failed = {name: held for name, held in results["checks"].items() if not held}
    assert results["ok"], failed | results["examples"] | {"outage": results["outage"], "answers": results["answers"]}
    assert results["requests"] >= 100 and results["acknowledged"] >= 50
    assert results["retried"] > 0  # the faults did land on requests in flight
    assert results["recovery_seconds"] < 30
    assert results["outage"]["answers"]["health"] and results["outage"]["ready_503"]
