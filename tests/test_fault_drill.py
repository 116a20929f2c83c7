"""The fault drill in small (issue 21; `make chaos` is the whole one): signed transfers and loads, test clocks
of subscriptions moved on (their renewals charged inside the API) and on-demand charges, from a few SDK-like
clients while an API process is killed with `kill -9` (twice) and PostgreSQL is stopped dead and started
again, on a scratch embedded PostgreSQL of its own with the API and the worker as separate processes.
Afterwards nothing acknowledged is lost, no key moved money twice, no subscription period was charged twice
(or has a second charge pending) or beyond its clock, every event reached the receiver, the outage was
answered 503 in the envelope, and `migo ledger verify` passes.

What it does not wait for: the worker's subscription jobs. A charge a fault left pending is finished by
`subscriptions.settle` (and its payment attempt by `payments.recover`) only once it is a minute old, and a
renewal an interrupted test clock left due by `subscriptions.renew`, each on a one-minute cadence: up to two
minutes more than this test's budget. So a subscription still in the worker's hands (a charge pending, or due)
is left out of the checks that need the outcome (renewals keeping up with its clock, no charge pending) and
counted, and a test clock answered 502 "processor unavailable" (its renewal's outcome is the worker's) is not
retried after the load; every other check holds for it (one approved charge per period, none beyond its
clock, on-demand charges once per key, events). `make chaos` waits for the worker and checks all of it."""

from __future__ import annotations

from bench.chaos import Fault, Plan, drill

from tests.leakscan import server_log


async def test_money_survives_a_killed_api_process_and_a_database_restart(tmp_path):
    plan = Plan(
        seconds=12,
        # On a slow 2-core machine an API process takes seconds to come back after each kill (10 seconds of load
        # made 72 to 99 requests there): the load goes on until it has made enough for the checks below.
        min_requests=130,
        clients=6,
        cards=20,
        operations=("transfer", "transfer", "load", "advance", "charge"),
        # The second kill: a retry after a crash is what shows a charge made twice; two make it likelier.
        faults=(Fault("kill_api", at=3), Fault("restart_database", at=5, seconds=2), Fault("kill_api", at=8)),
        settle_seconds=120,
        retry_for=45,
        subscriptions=6,
        declining_subscriptions=2,
        await_subscription_jobs=False,
    )
    results = await drill(plan, tmp_path, server_log)
    failed = {name: held for name, held in results["checks"].items() if not held}
    assert results["ok"], failed | results["examples"] | {"outage": results["outage"], "answers": results["answers"]}
    assert results["requests"] >= 100 and results["acknowledged"] >= 50
    assert results["retried"] > 0  # the faults did land on requests in flight
    assert results["recovery_seconds"] < 30
    assert results["outage"]["answers"]["health"] and results["outage"]["ready_503"]
    subscriptions = results["subscriptions"]
    assert subscriptions["advances"] >= 20 and subscriptions["renewals_approved"] >= 20
    assert subscriptions["on_demand_answers"].get("approved", 0) >= 10
