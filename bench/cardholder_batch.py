"""A 50,000-line cardholder batch, end to end (issue 16: "50,000 lines must finish in minutes on this machine:
measure it in `make bench`").

On a scratch database: a partner with a company, its CMS application and an admin operator; then the CSV
(`--lines` cardholders, one bad line in a hundred and one repeating an earlier email in a thousand) is uploaded
through the CMS as an operator would, and its batch is run in this process exactly as the worker runs it
(`backoffice.cardholder_batches.register_all`, chunk by chunk, each committed). Recorded in
bench/results/cardholder_batch.json: the upload's time, the batch's wall time and lines per second, this
process's CPU per line, and the outcome counts.

    .venv/bin/python bench/cardholder_batch.py [--lines 50000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import run  # noqa: E402

HEADER = "firstName,lastName,email,phone,documentType,documentNumber,birthDate,externalId"


def line(n: int) -> str:
    if n % 100 == 99:
        return f"Bad{n},Line,not-an-email,,DPI,{4000000000000 + n},1990-01-01,bench-{n}"  # a line error (7910)
    email = f"holder.{n - 1 if n % 1000 == 501 else n}@example.test"  # every 1,000th repeats the line before it
    return f"Holder{n},Bench,{email},+502{n:08d},DPI,{3000000000000 + n},1990-01-{n % 28 + 1:02d},bench-{n}"


async def measure(lines: int) -> dict[str, Any]:
    import httpx

    from migo.app import create_app
    from migo.backoffice import cardholder_batches
    from migo.identity import applications, operators
    from migo.platform import batches
    from migo.platform.db import database
    from migo.platform.secrets import Password

    password = secrets.token_urlsafe(16) + "aA1!"
    async with database.transaction() as session:
        partner = await applications.create_partner(session, "Benchmark partner")
        company = await applications.create_company(session, partner, "Benchmark company")
        cms = await applications.create_application(session, kind="cms", name="bench", partner=partner)
        await operators.create_operator(
            session, partner, username="bench.admin", password=Password(password), display_name="Bench", roles=["admin"]
        )
    transport = httpx.ASGITransport(app=create_app(), client=("10.1.2.3", 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://bench", timeout=300) as http:
        credentials = {"clientId": cms.application.client_id, "clientSecret": cms.client_secret.reveal()}

        async def sign_in() -> dict[str, str]:
            """The application's and the operator's access tokens, as the back office's calls carry them."""
            app_token = (await http.post("/cms/rest/auth/token", json=credentials)).json()["data"]["accessToken"]
            app = {"Authorization": f"Bearer {app_token}"}
            login = await http.post(
                "/cms/rest/auth/login", json={"username": "bench.admin", "password": password}, headers=app
            )
            return {**app, "x-user-token": login.json()["data"]["accessToken"]}

        headers = await sign_in()
        content = (HEADER + "\n" + "\n".join(line(n) for n in range(lines)) + "\n").encode()
        path = f"/cms/rest/app/partners/{partner.id}/cardholders/batch"
        started = time.monotonic()
        accepted = await http.post(path, files={"file": ("cardholders.csv", content, "text/csv")}, headers=headers)
        upload_seconds = time.monotonic() - started
        batch_id = uuid.UUID(accepted.json()["data"]["batchId"])
        run.log(f"{lines} lines ({len(content)} bytes) accepted in {upload_seconds:.2f} s; registering")

        async def progress(done: int, total: int) -> None:
            if done % 5000 < batches.CHUNK or done == total:
                run.log(f"  {done}/{total}")

        cpu, started = time.process_time(), time.monotonic()
        status = await cardholder_batches.register_all(batch_id, company.id, on_progress=progress)
        seconds, cpu = time.monotonic() - started, time.process_time() - cpu
        # Signed in again: the batch can outlast the access tokens of the upload (15 minutes).
        shown = (await http.get(f"{path}/{batch_id}/progress", headers=await sign_in())).json()["data"]
    await database.dispose()
    return {
        "cardholder_batch_lines": lines,
        "cardholder_batch_upload_seconds": round(upload_seconds, 2),
        "cardholder_batch_status": status,
        "cardholder_batch_seconds": round(seconds, 1),
        "cardholder_batch_lines_per_s": round(lines / seconds, 1),
        "cardholder_batch_process_cpu_ms_per_line": round(1000 * cpu / lines, 2),
        "cardholder_batch_succeeded": shown["succeeded"],
        "cardholder_batch_failed": shown["failed"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=50_000)
    args = parser.parse_args()
    os.environ.setdefault("MIGO_LOG_LEVEL", "WARNING")
    with run.migrated_database("migo_cardholders"):
        results = asyncio.run(measure(args.lines))
    run.RESULTS.mkdir(parents=True, exist_ok=True)
    (run.RESULTS / "cardholder_batch.json").write_text(json.dumps(results, indent=2) + "\n")
    run.log(
        f"cardholder batch: {results['cardholder_batch_lines']} lines in {results['cardholder_batch_seconds']} s "
        f"({results['cardholder_batch_lines_per_s']} lines/s, {results['cardholder_batch_process_cpu_ms_per_line']} "
        f"ms CPU per line in the worker's process), {results['cardholder_batch_succeeded']} registered, "
        f"{results['cardholder_batch_failed']} refused"
    )
    expected_failed = sum(1 for n in range(args.lines) if n % 100 == 99 or n % 1000 == 501)
    return (
        0
        if results["cardholder_batch_status"] == "done" and results["cardholder_batch_failed"] == expected_failed
        else 1
    )


if __name__ == "__main__":
    raise SystemExit(main())
