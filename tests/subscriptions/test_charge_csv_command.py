"""`migo subscriptions charge-csv`: the same batch from the command line, with a progress bar."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from .helpers import billing_tenant, charges_of, create_plan, subscribe


async def run_command(*args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "migo", "subscriptions", "charge-csv", *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=os.environ,
    )  # fmt: skip
    out, err = await process.communicate()
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_charge_csv_charges_reports_progress_and_writes_results(client, tmp_path: Path):
    tenant = await billing_tenant()
    plan = await create_plan(client, tenant)
    subscription = await subscribe(client, tenant, plan)
    lines = [f"{subscription['id']},{n + 1},Extra,ext-{n}" for n in range(150)] + ["nobody,5,Bad,ext-bad"]
    source = tmp_path / "charges.csv"
    source.write_text("subscriptionId,amount,description,externalId\n" + "\n".join(lines) + "\n")
    code, out, err = await run_command(str(source), "--client", tenant.client_slug)
    assert code == 1, err  # one line failed
    summary = json.loads(out)
    assert summary["status"] == "done" and summary["total"] == 151
    assert summary["succeeded"] == 150 and summary["failed"] == 1
    assert "[" in err and "151/151" in err  # the progress bar, a line per chunk off a terminal
    results = (tmp_path / "charges.results.csv").read_text().splitlines()
    assert summary["results"] == str(tmp_path / "charges.results.csv")
    assert len(results) == 152 and results[-1].startswith("152,nobody,error,,5000,")
    assert len(await charges_of(client, tenant, subscription["id"])) == 151

    bad = tmp_path / "bad.csv"
    bad.write_text("id,amount\n1,2\n")
    code, _, err = await run_command(str(bad), "--client", tenant.client_slug)
    assert code == 2 and "FILE_WRONG_HEADER" in err
