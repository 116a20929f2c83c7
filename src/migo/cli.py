"""The `migo` command: serve, work, migrate, and provision the sandbox."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

import structlog

from migo.platform.embedded import resolve_database_url
from migo.platform.files import write_private_file
from migo.platform.settings import get_settings
from migo.platform.state import (
    StateForked,
    guard_master_secret,
    record_public_url,
    recorded_public_url,
    shown_url,
)

# The tables whose rows carry secrets derived from the master secret: a database holding any is never given a
# new one (platform.state).
SEALED_TABLES = ("applications", "payment_clients")


def _say(step: str) -> None:
    """A step of the command's work, on standard error: standard output is its answer (a --json document)."""
    print(f"migo: {step}", file=sys.stderr, flush=True)


def _open_state() -> None:
    """Name the database and home folder this command works on, and refuse a master secret other than the one
    the database is sealed with (or none, where it holds sealed data) before anything is written."""
    if not get_settings().database_url:
        _say(f"starting the embedded PostgreSQL in {(get_settings().home / 'pg').resolve()}")
    url = resolve_database_url()
    settings = get_settings()
    _say(f"database {shown_url(url)}, home {settings.home.resolve()}")
    guard_master_secret(url, settings, SEALED_TABLES)


def _prepare_database() -> str:
    url = resolve_database_url()
    from migo.database_setup import upgrade_database

    _say("applying migrations")
    asyncio.run(upgrade_database(url))
    guard_master_secret(url, get_settings(), SEALED_TABLES)  # a database migrated just now records its secret
    return url


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    _prepare_database()
    print("database is at the latest migration")
    return 0


def cmd_db_revision(args: argparse.Namespace) -> int:
    from migo.platform import migrations

    if args.sql:
        print(migrations.new_sql_revision(args.message))
        return 0
    migrations.new_revision(args.message, resolve_database_url(), autogenerate=not args.empty)
    return 0


async def _sandbox_sheet() -> dict[str, Any]:
    from migo.platform.db import database
    from migo.sandbox.seed import ensure_sandbox

    try:
        async with database.transaction() as session:
            return await ensure_sandbox(session)
    finally:
        await database.dispose()


def _cheat_sheet(sheet: dict[str, Any]) -> str:
    gateway, cms, middleware = sheet["gateway"], sheet["cms"], sheet["middleware"]
    lines = [
        "",
        f"Migo {sheet['environment']} — {sheet['baseUrl']}",
        "",
        f"  Middleware      {sheet['baseUrl']}   docs {sheet['surfaces']['middleware']['docs']}",
        f"    client {middleware['client']}  merchantToken {middleware['merchantToken']}",
        f"    clientId {middleware['clientId']}  clientSecret {middleware['clientSecret']}  (POST /auth/token)",
        f"    publicKey {middleware['publicKey']}  privateKey {middleware['privateKey']}  amounts "
        f"{_key_pair_amounts(middleware['keyPairAmounts'])}",
        f"    Payment Links: POST {middleware['createLink']}  currencies {', '.join(middleware['currencies'])}",
        f"  Wallet Gateway  {sheet['surfaces']['gateway']['baseUrl']}   docs {sheet['surfaces']['gateway']['docs']}",
        f"    clientId {gateway['clientId']}  clientSecret {gateway['clientSecret']}  companyId {gateway['companyId']}",
        f"    signingKeyId {gateway['signingKeyId']}  signingSecret {gateway['signingSecret']}",
        f"    cardholder {gateway['cardholder']['username']} / {gateway['cardholder']['password']}",
        f"  CMS Backoffice  {sheet['surfaces']['cms']['baseUrl']}   docs {sheet['surfaces']['cms']['docs']}",
        f"    clientId {cms['clientId']}  clientSecret {cms['clientSecret']}  partnerId {cms['partnerId']}",
        f"    operator {cms['operator']['username']} / {cms['operator']['password']}",
        f"    global operator (every partner) through clientId {cms['platform']['clientId']}  clientSecret "
        f"{cms['platform']['clientSecret']}: {cms['platform']['operator']['username']} / "
        f"{cms['platform']['operator']['password']}",
        f"  Dashboard       {sheet['surfaces']['dashboard']['signIn']}",
        "    the CMS operators above sign in there (the account is their partner's id, filled in by this link)",
        "",
        "  Cards in stock, waiting for activation (number, expiry, embossed name):",
        *(f"    {card['number']}  {card['expiry']}  {card['name']}" for card in sheet["cardStock"]),
        "",
        f"  Test cards (any future expiry, any CVV; 3-D Secure code {sheet['threeDsCode']}):",
        *(f"    {card['number']}  {card['outcome']}" for card in sheet["testCards"]),
        "",
        "  `migo sandbox --json` prints all of this as JSON.",
        "",
    ]
    return "\n".join(lines)


def _key_pair_amounts(amounts: dict[str, int | None]) -> str:
    low, high = amounts["minAmount"], amounts["maxAmount"]
    if low is None and high is None:
        return "the client's range"
    return f"{'the client minimum' if low is None else low} to {'the client maximum' if high is None else high}"


SANDBOX_CREDENTIALS_FILE = "sandbox-credentials.txt"


def _hand_over_sandbox_credentials(sheet: dict[str, Any]) -> None:
    """`migo up` shows the cheat sheet on a terminal. Anywhere else its stdout is the server's log (a service
    manager, a container, `| tee`), where secrets must never go: the sheet goes to a file only the owner can
    read, and the log says where."""
    if sys.stdout.isatty():
        print(_cheat_sheet(sheet), flush=True)
        return
    path = write_private_file(get_settings().home / SANDBOX_CREDENTIALS_FILE, _cheat_sheet(sheet))
    structlog.get_logger("migo.sandbox").info("sandbox_credentials_written", path=str(path), mode="0600")


def cmd_sandbox(args: argparse.Namespace) -> int:
    if not get_settings().is_sandbox:
        print("migo sandbox: MIGO_ENVIRONMENT is production; the sandbox tenant exists only in the sandbox.")
        return 2
    url = _prepare_database()
    _public_url_recorded_by_up(url)
    sheet = asyncio.run(_sandbox_sheet())
    if args.json:
        print(json.dumps(sheet, indent=2))
    else:
        print(_cheat_sheet(sheet), flush=True)
    return 0


def _public_url_recorded_by_up(url: str) -> None:
    """Without MIGO_PUBLIC_URL, the sheet names the URL the server on this database serves under (`migo up
    --port 8001`), not the default port another instance may be on."""
    recorded = recorded_public_url(url)
    if recorded and not os.environ.get("MIGO_PUBLIC_URL"):
        os.environ["MIGO_PUBLIC_URL"] = recorded
        get_settings.cache_clear()


def _decimal(text: str) -> Decimal:
    from migo.platform.money import parse_amount

    try:
        return parse_amount(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def _process_count(text: str) -> int:
    try:
        count = int(text)
    except ValueError:
        count = 0
    if count < 1:
        raise argparse.ArgumentTypeError(f"a number of processes, 1 or more: {text!r}")
    return count


async def _in_transaction(work: Any) -> Any:
    from migo.platform.db import database

    try:
        async with database.transaction() as session:
            return await work(session)
    finally:
        await database.dispose()


def cmd_cards_program(args: argparse.Namespace) -> int:
    from migo.cards.service import ProgramTerms, provision_program

    resolve_database_url()
    terms = ProgramTerms(
        name=args.name,
        currency=args.currency,
        bin=args.bin,
        max_balance=args.max_balance,
        per_transfer_limit=args.per_transfer_limit,
        daily_transfer_limit=args.daily_transfer_limit,
        validity_months=args.validity_months,
    )
    program = asyncio.run(_in_transaction(lambda session: provision_program(session, args.company, terms)))
    print(
        json.dumps(
            {
                "programId": str(program.id),
                "companyId": str(program.company_id),
                "currency": program.currency,
                "bin": program.bin,
                "fundingAccountId": str(program.funding_account_id),
            }
        )
    )
    return 0


def cmd_cards_print(args: argparse.Namespace) -> int:
    """Print a run of cards a committed chunk at a time, with a progress bar, then write its embossing file: the
    one place a full card number is ever shown."""
    from migo.cards import service as cards
    from migo.platform.db import database

    resolve_database_url()

    async def print_run() -> list[Any]:
        try:
            async with database.transaction() as session:
                batch = await cards.open_stock_batch(
                    session,
                    args.company,
                    args.count,
                    embossed_name=args.name,
                    printed_by=cards.Actor("system", None, "cli"),
                )
            bar = ProgressBar(f"printing {args.count} cards")
            printed, count = 0, args.count
            while printed < count:
                printed, count = await cards.print_next_chunk(batch.id)
                await bar.update(printed, count)
            bar.close()
            async with database.transaction() as session:
                run = await cards.stock_batch(session, [args.company], batch.id)
                assert run is not None  # printed just now
                return await cards.embossing_lines(session, run)
        finally:
            await database.dispose()

    printed_cards = asyncio.run(print_run())
    # The embossing file: the one place a full card number is written out.
    if args.json:
        rows = [
            {"cardId": str(c.card_id), "number": c.number.reveal(), "expiry": c.expiry, "name": c.name or ""}
            for c in printed_cards
        ]
        print(json.dumps(rows, indent=2))
    else:
        sys.stdout.write(cards.embossing_csv(printed_cards))
    return 0


def cmd_funding_deposit(args: argparse.Namespace) -> int:
    from migo.cards.service import deposit_funding

    resolve_database_url()
    result = asyncio.run(_in_transaction(lambda session: deposit_funding(session, args.company, args.amount)))
    print(json.dumps({"outcome": result.outcome, "entryId": str(result.entry_id)}))
    return 0 if result.applied else 1


def _processor_option(text: str) -> Any:
    """`sandbox`, `sandbox:3,6,12` or `sandbox:3,6,12:visa,mastercard`."""
    from migo.payments.service import ProcessorTerms

    name, _, rest = text.partition(":")
    counts, _, brands = rest.partition(":")
    try:
        installments = tuple(int(n) for n in counts.split(",") if n)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"installments must be numbers: {text!r}") from exc
    return ProcessorTerms(name, tuple(b for b in brands.split(",") if b), installments)


def cmd_platform_init(args: argparse.Namespace) -> int:
    """The platform's own partner (made once), a CMS application of it and a global admin operator: the first
    back-office user of an installation, who then creates partners and their operators through the CMS. The
    application's secret and the operator's password are printed this once (only hashes are kept)."""
    import secrets as random_tokens

    from sqlalchemy.exc import IntegrityError

    from migo.identity import applications, operators
    from migo.platform.secrets import Password

    resolve_database_url()
    password = random_tokens.token_urlsafe(18) + "9a"

    async def bootstrap(session: Any) -> dict[str, Any]:
        partner = await applications.platform_partner(session) or await applications.create_partner(
            session, args.name, platform=True
        )
        created = await applications.create_application(
            session, kind="cms", name=f"{args.name} back office", partner=partner
        )
        await operators.create_operator(
            session,
            partner,
            username=args.username,
            password=Password(password),
            display_name=args.username,
            roles=["admin"],
            email=args.email,
        )
        return {
            "platformPartnerId": str(partner.id),
            "clientId": created.application.client_id,
            "clientSecret": created.client_secret.reveal(),
            "operator": {"username": args.username, "password": password, "scope": "global"},
        }

    try:
        print(json.dumps(asyncio.run(_in_transaction(bootstrap)), indent=2))
    except IntegrityError:
        print(f"migo platform init: the platform has an operator named {args.username!r} already.", file=sys.stderr)
        return 1
    return 0


def cmd_clients_configure(args: argparse.Namespace) -> int:
    """Create or update a merchant's Payment Link client; with --create-application, also its Middleware
    application, merchant token and key pair (printed once)."""
    from migo.identity import merchant_tokens
    from migo.payments.service import ClientTerms, configure_client

    resolve_database_url()
    declines, window, suspension = (int(part) for part in args.velocity.split("/"))
    terms = ClientTerms(
        slug=args.slug,
        display_name=args.name,
        channels=tuple(args.channel),
        currencies=tuple(c.upper() for c in args.currency),
        min_amount=Decimal(args.min_amount),
        max_amount=Decimal(args.max_amount),
        processors=tuple(args.processor or [_processor_option("sandbox")]),
        reference_prefix=args.prefix,
        capture_mode=args.capture,
        link_lifetime_seconds=int(args.link_lifetime_hours * 3600),
        max_attempts=args.max_attempts,
        logo_url=args.logo_url,
        brand_color=args.color,
        allowed_return_origins=tuple(args.return_origin or ()),
        default_return_url=args.default_return_url,
        velocity=(declines, window, suspension),
        allowed_brands=tuple(args.allow_brand or ()),
        allowed_card_types=tuple(args.allow_card_type or ()),
        allowed_countries=tuple(c.upper() for c in args.allow_country or ()),
    )

    if not args.create_application and (args.key_min_amount is not None or args.key_max_amount is not None):
        raise ValueError("--key-min-amount and --key-max-amount scope the key pair --create-application issues")

    async def configure(session: Any) -> dict[str, Any]:
        client = await configure_client(session, terms)
        answer: dict[str, Any] = {"client": client.slug, "clientId": str(client.id)}
        if args.create_application:
            application, keys = await _issue_key_pair(
                session, client.slug, args.name, args.key_min_amount, args.key_max_amount
            )
            merchant_token = (await merchant_tokens.issue(session, application.id)).token
            answer["merchantToken"] = merchant_token.reveal()  # printed this once: only digests are kept
            answer.update(keys)
        return answer

    print(json.dumps(asyncio.run(_in_transaction(configure)), indent=2))
    return 0


def _key_pair_view(pair: Any) -> dict[str, Any]:
    """A key pair's public half and its amount range (null: the client's own bound)."""
    return {"publicKey": pair.public_key, "client": pair.client_slug, **pair.amounts()}


async def _issue_key_pair(
    session: Any, client_slug: str, name: str, min_amount: int | None, max_amount: int | None
) -> tuple[Any, dict[str, Any]]:
    """A new Middleware application of the client, and its key pair scoped to the amounts given, as printed (the
    private key and the client secret, for `POST /auth/token`, this once: only a digest and a hash are kept)."""
    from migo.identity import applications
    from migo.payments.service import scope_key_pair

    created = await applications.create_application(session, kind="middleware", name=name, client_slug=client_slug)
    # a Middleware application has its key pair
    assert created.private_key is not None
    assert created.application.public_key is not None
    pair = await scope_key_pair(session, created.application.public_key, _amount(min_amount), _amount(max_amount))
    credentials = {"clientId": created.application.client_id, "clientSecret": created.client_secret.reveal()}
    view = {**_key_pair_view(pair), "privateKey": created.private_key.reveal(), "application": credentials}
    return created.application, view


def _amount(value: int | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def cmd_clients_key_pair(args: argparse.Namespace) -> int:
    """Another key pair of an existing client (a storefront of its own, say), scoped to the amounts given."""
    resolve_database_url()

    async def issue(session: Any) -> dict[str, Any]:
        _, keys = await _issue_key_pair(session, args.client, args.name, args.min_amount, args.max_amount)
        return keys

    print(json.dumps(asyncio.run(_in_transaction(issue)), indent=2))
    return 0


def cmd_clients_key_range(args: argparse.Namespace) -> int:
    """Scope a key pair to an amount range inside its client's; neither bound given: the client's whole range."""
    from migo.payments.service import scope_key_pair

    resolve_database_url()

    async def scope(session: Any) -> dict[str, Any]:
        pair = await scope_key_pair(session, args.public_key, _amount(args.min_amount), _amount(args.max_amount))
        return _key_pair_view(pair)

    print(json.dumps(asyncio.run(_in_transaction(scope)), indent=2))
    return 0


def cmd_bins_load(args: argparse.Namespace) -> int:
    from migo.payments import service as payments

    resolve_database_url()
    rows = payments.read_bin_csv(args.file)
    count = asyncio.run(_in_transaction(lambda session: payments.load_bins(session, rows)))
    print(json.dumps({"loaded": count}))
    return 0


def cmd_subscriptions_charge_csv(args: argparse.Namespace) -> int:
    """A CSV of on-demand charges (`subscriptionId,amount,description,externalId`) for a client's subscriptions,
    run here chunk by chunk as the worker runs an upload, with a progress bar; the results CSV is written beside
    the file. Exit 1 when a line failed, 2 when the file or the client was refused."""
    from migo.payments import service as payments
    from migo.platform.db import database
    from migo.platform.errors import ApiError
    from migo.subscriptions import service as subscriptions

    resolve_database_url()
    source = Path(args.file)
    results_path = Path(args.results) if args.results else source.with_suffix(".results.csv")
    data = source.read_bytes()

    async def charge() -> Any:
        try:
            async with database.transaction() as session:
                if not await payments.client_exists(session, args.client):
                    raise SystemExit(f"no client {args.client!r}")
                batch = await subscriptions.accept_bulk_charges(session, args.client, data)
            bar = ProgressBar(f"charging {batch.total} lines")
            summary = await subscriptions.run_bulk_charges(batch.id, args.client, on_progress=bar.update)
            bar.close()
            async with database.transaction() as session:
                results = await subscriptions.bulk_results(session, args.client, batch.id)
            return summary, results
        finally:
            await database.dispose()

    try:
        summary, results = asyncio.run(charge())
    except ApiError as refusal:
        print(f"refused: {refusal.error.name}: {refusal.detail}", file=sys.stderr)
        return 2
    results_path.write_text(results)
    print(
        json.dumps(
            {
                "batchId": str(summary.batch_id),
                "status": summary.status,
                "total": summary.total,
                "succeeded": summary.succeeded,
                "failed": summary.failed,
                "results": str(results_path),
            }
        )
    )
    return 1 if summary.failed else 0


class ProgressBar:
    """A progress bar on standard error: redrawn in place on a terminal, a line per step otherwise."""

    WIDTH = 30

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()

    async def update(self, done: int, total: int) -> None:
        filled = self.WIDTH * done // max(total, 1)
        line = f"{self.label} [{'#' * filled}{'.' * (self.WIDTH - filled)}] {done}/{total}"
        print(("\r" + line) if self.tty else line, end="" if self.tty else "\n", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.tty:
            print(file=sys.stderr)


def cmd_ledger_verify(args: argparse.Namespace) -> int:
    """The ledger's invariants and every domain's records of money, on one snapshot: a line per check as it
    completes (a big ledger takes minutes), then the verdict. Exit 1 if anything is broken."""
    from migo.ledger.service import CheckResult
    from migo.platform.db import database
    from migo.verification import verify_books

    resolve_database_url()
    started = time.monotonic()

    def progress(check: CheckResult) -> None:
        if not args.json:
            verdict = "ok" if check.ok else "FAILED"
            print(f"{verdict:6} {check.name}: {check.checked} checked in {check.seconds:.2f} s ({check.rule})")
            for offender in check.offenders:
                print(f"       {offender}")
            if check.offender_count > len(check.offenders):
                print(f"       … and {check.offender_count - len(check.offenders)} more")
            sys.stdout.flush()

    async def verify() -> Any:
        try:
            return await verify_books(batch_size=args.batch_size, progress=progress)
        finally:
            await database.dispose()

    report = asyncio.run(verify())
    seconds = round(time.monotonic() - started, 2)
    if args.json:
        checks = [
            {
                "name": c.name,
                "ok": c.ok,
                "checked": c.checked,
                "offenders": c.offender_count,
                "shown": c.offenders,
                "seconds": c.seconds,
            }
            for c in report.checks
        ]
        print(json.dumps({"ok": report.ok, "seconds": seconds, "checks": checks}, indent=2))
    elif report.ok:
        print(f"the books balance: {len(report.checks)} checks passed in {seconds} s")
    else:
        print(f"the books do NOT balance: {len(report.failed())} of {len(report.checks)} checks failed ({seconds} s)")
    return 0 if report.ok else 1


def _webhook_owner(args: argparse.Namespace) -> Any:
    from migo.webhooks.service import Owner

    return Owner(client_slug=args.client) if args.client else Owner(company_id=args.company)


def _endpoint_view(endpoint: Any) -> dict[str, Any]:
    from migo.webhooks.schemas import EndpointOut

    return EndpointOut.of(endpoint).model_dump(mode="json", by_alias=True)


def cmd_webhooks_add(args: argparse.Namespace) -> int:
    from migo.platform.secrets import HeaderSecret
    from migo.webhooks import service as webhooks
    from migo.webhooks import signatures

    resolve_database_url()
    name, _, value = (args.auth_header or "").partition(":")
    secret = signatures.generate_secret() if args.generate_secret else None

    async def add(session: Any) -> dict[str, Any]:
        endpoint = await webhooks.create_endpoint(
            session,
            _webhook_owner(args),
            url=args.url,
            event_types=args.event_type or ["*"],
            auth_header_name=name.strip() or None,
            auth_header_value=HeaderSecret(value.strip()) if value.strip() else None,
            signing_secret=secret,
            description=args.description,
        )
        return {**_endpoint_view(endpoint), "signingSecret": secret.reveal() if secret else None}  # shown once

    print(json.dumps(asyncio.run(_in_transaction(add)), indent=2))
    return 0


def cmd_webhooks_list(args: argparse.Namespace) -> int:
    from migo.webhooks import service as webhooks

    resolve_database_url()

    async def listing(session: Any) -> list[dict[str, Any]]:
        found = await session.scalars(webhooks.endpoints_statement(_webhook_owner(args)))
        return [_endpoint_view(endpoint) for endpoint in found]

    print(json.dumps(asyncio.run(_in_transaction(listing)), indent=2))
    return 0


def cmd_webhooks_change(args: argparse.Namespace) -> int:
    from migo.webhooks import service as webhooks

    resolve_database_url()

    async def change(session: Any) -> dict[str, Any]:
        owner = _webhook_owner(args)
        if args.action == "delete":
            await webhooks.delete_endpoint(session, owner, args.endpoint)
            return {"id": str(args.endpoint), "status": "deleted"}
        return _endpoint_view(await webhooks.change_status(session, owner, args.endpoint, args.action))

    print(json.dumps(asyncio.run(_in_transaction(change)), indent=2))
    return 0


def cmd_webhooks_trigger(args: argparse.Namespace) -> int:
    """A test event of EVENT_TYPE to each live endpoint of the owner (or the one named), as `POST
    …/webhook-endpoints/{id}/test` sends it: the worker delivers it."""
    from migo.webhooks import service as webhooks

    resolve_database_url()

    async def trigger(session: Any) -> list[dict[str, str]]:
        owner = _webhook_owner(args)
        if args.endpoint is not None:
            endpoint_ids = [args.endpoint]
        else:
            found = await session.scalars(webhooks.endpoints_statement(owner))
            endpoint_ids = [endpoint.id for endpoint in found if endpoint.status != "disabled"]
        sent = []
        for endpoint_id in endpoint_ids:
            event_id = await webhooks.send_test_event(session, owner, endpoint_id, args.event_type)
            sent.append({"endpointId": str(endpoint_id), "eventId": str(event_id), "eventType": args.event_type})
        return sent

    sent = asyncio.run(_in_transaction(trigger))
    print(json.dumps(sent, indent=2))
    if not sent:
        print("migo: no live endpoint to send it to (add one with `migo webhooks add`)", file=sys.stderr)
        return 1
    return 0


def cmd_webhooks_tail(args: argparse.Namespace) -> int:
    """Follow the owner's deliveries as they are attempted, one line each (time, endpoint, event, status,
    latency), as `stripe listen` shows them; Ctrl-C stops. `--count` stops after that many lines."""
    from migo.platform.clock import now
    from migo.platform.db import database
    from migo.webhooks import service as webhooks

    resolve_database_url()
    owner = _webhook_owner(args)

    async def follow() -> None:
        after: Any = (now(), uuid.UUID(int=0)) if not args.from_start else None
        shown = 0
        try:
            while args.count is None or shown < args.count:
                async with database.transaction() as session:
                    seen = await webhooks.attempts_after(session, owner, after)
                for attempt in seen:
                    outcome = str(attempt.status_code) if attempt.status_code is not None else (attempt.error or "-")
                    print(
                        f"{attempt.attempted_at:%H:%M:%S}  {attempt.event_type:<28} {outcome:<4} "
                        f"{attempt.latency_ms:>5} ms  {attempt.endpoint_url}  {attempt.event_id}",
                        flush=True,
                    )
                    after = (attempt.attempted_at, attempt.attempt_id)
                    shown += 1
                    if args.count is not None and shown >= args.count:
                        return
                if not seen:
                    await asyncio.sleep(args.interval)
        finally:
            await database.dispose()

    print(f"following the deliveries of {args.client or args.company} (Ctrl-C to stop)", file=sys.stderr)
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C: the usual way to stop following
        asyncio.run(follow())
    return 0


def cmd_openapi(args: argparse.Namespace) -> int:
    """The three OpenAPI documents, as the server serves them, into a folder (for client generators)."""
    from migo.surfaces.documents import write_openapi_documents

    for path in write_openapi_documents(args.output, get_settings()):
        print(path)
    return 0


def _serve(host: str, port: int, workers: int) -> None:
    import uvicorn

    settings = get_settings()
    from migo.platform.logging import configure_logging

    configure_logging(settings.log_level)
    # Every server process writes its metrics here, and /metrics adds them up.
    metrics_dir = (settings.home / "prometheus").resolve()
    shutil.rmtree(metrics_dir, ignore_errors=True)
    metrics_dir.mkdir(parents=True, exist_ok=True)
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(metrics_dir)
    # Forwarded headers only from the configured proxies (uvicorn's own default trusts 127.0.0.1, so anything
    # on the host, or any request a local proxy passes on unchanged, could choose its address).
    trusted_proxies = [str(network) for network in settings.trusted_proxies]
    uvicorn.run(
        "migo.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_config=None,
        access_log=False,
        proxy_headers=bool(trusted_proxies),
        forwarded_allow_ips=trusted_proxies,
        server_header=False,
        timeout_graceful_shutdown=10,
    )


def _public_url_from(host: str, port: int) -> None:
    """Without MIGO_PUBLIC_URL, the URLs Migo hands out (links, checkout returns, the cheat sheet) name the
    address this server listens on: a second instance on another port must not send people to the first."""
    if not os.environ.get("MIGO_PUBLIC_URL"):
        try:
            unspecified = ipaddress.ip_address(host).is_unspecified  # listening on every address
        except ValueError:
            unspecified = host == ""
        shown = "127.0.0.1" if unspecified else host
        os.environ["MIGO_PUBLIC_URL"] = f"http://{f'[{shown}]' if ':' in shown else shown}:{port}"
        get_settings.cache_clear()


def cmd_serve(args: argparse.Namespace) -> int:
    _public_url_from(args.host, args.port)
    record_public_url(resolve_database_url(), get_settings().public_url)
    _serve(args.host, args.port, args.workers or get_settings().web_concurrency)
    return 0


async def _work() -> None:
    """The job queue's worker and the webhook dispatcher, side by side; SIGTERM stops both."""
    from migo.composition import TASK_MODULES
    from migo.platform.jobs import run_worker
    from migo.webhooks.dispatcher import Dispatcher

    dispatcher = Dispatcher()
    delivering = asyncio.create_task(dispatcher.run())
    try:
        await run_worker(TASK_MODULES)
    finally:
        dispatcher.stop()
        await delivering


def cmd_worker(args: argparse.Namespace) -> int:
    from migo.platform import supervisor

    if args.supervisor is not None:  # first of all: a supervisor killed while this one starts ends it too
        supervisor.end_with_supervisor(args.supervisor)
    resolve_database_url()
    from migo.platform.logging import configure_logging

    settings = get_settings()
    configure_logging(settings.log_level)
    processes = args.processes or settings.worker_processes
    if args.supervisor is None and processes > 1:
        return supervisor.supervise([sys.executable, "-m", "migo", "worker", "--supervisor"], processes)
    # The event loop the API's servers run on (uvicorn picks uvloop): aiohttp's requests and the database's
    # round trips are most of a delivery's CPU, and a good part of theirs is the loop's.
    import uvloop

    uvloop.run(_work())
    return 0


def _exit_on_signal(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def cmd_up(args: argparse.Namespace) -> int:
    """What `make run` calls: database, migrations, sandbox, then the API and the worker together."""
    _public_url_from(args.host, args.port)
    url = _prepare_database()
    settings = get_settings()
    record_public_url(url, settings.public_url)
    if settings.is_sandbox:
        from migo.platform.logging import configure_logging

        _say("provisioning the sandbox tenant")
        configure_logging(settings.log_level)
        _hand_over_sandbox_credentials(asyncio.run(_sandbox_sheet()))
    # uvicorn shuts down gracefully on SIGTERM, then raises it again with the handler it found; left at the
    # default, that ends this process on the spot and orphans the worker. As SystemExit, `finally` stops it.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    _say(
        f"serving {settings.public_url} with {args.workers or settings.web_concurrency} server processes"
        f" and {settings.worker_processes} worker processes"
    )
    worker = subprocess.Popen([sys.executable, "-m", "migo", "worker"], env=os.environ.copy())
    try:
        _serve(args.host, args.port, args.workers or settings.web_concurrency)
    finally:
        if worker.poll() is None:
            from migo.platform.supervisor import STOP_TIMEOUT

            worker.send_signal(signal.SIGTERM)
            try:
                worker.wait(timeout=STOP_TIMEOUT + 5)  # the worker's own grace for its running jobs, and a margin
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="migo", description="Migo payments platform")
    commands = parser.add_subparsers(dest="command", required=True)

    def add_server_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--host", default="127.0.0.1")
        command.add_argument("--port", type=int, default=8000)
        command.add_argument(
            "--workers", type=_process_count, default=None, help="server processes (MIGO_WEB_CONCURRENCY)"
        )

    serve = commands.add_parser("serve", help="serve every surface over HTTP")
    add_server_options(serve)
    serve.set_defaults(handler=cmd_serve)

    up = commands.add_parser("up", help="migrate, seed the sandbox, then serve with the worker")
    add_server_options(up)
    up.set_defaults(handler=cmd_up)

    worker = commands.add_parser("worker", help="run background jobs and deliver webhooks")
    worker.add_argument(
        "--processes", type=_process_count, default=None, help="worker processes (MIGO_WORKER_PROCESSES)"
    )
    # Given by the supervisor to the processes it starts: their supervisor's pid, whose end ends them.
    worker.add_argument("--supervisor", type=int, default=None, help=argparse.SUPPRESS)
    worker.set_defaults(handler=cmd_worker)

    db = commands.add_parser("db", help="database schema")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply every migration").set_defaults(handler=cmd_db_upgrade)
    revision = db_commands.add_parser("revision", help="write a new migration (autogenerated)")
    revision.add_argument("-m", "--message", required=True)
    revision.add_argument("--empty", action="store_true", help="do not autogenerate")
    revision.add_argument(
        "--sql", action="store_true", help="freeze the domains' changed sql/functions.sql into a new migration"
    )
    revision.set_defaults(handler=cmd_db_revision)

    cards = commands.add_parser("cards", help="card programs and card stock")
    cards_commands = cards.add_subparsers(dest="cards_command", required=True)
    program = cards_commands.add_parser("program", help="create or update a company's card program")
    program.add_argument("--company", type=uuid.UUID, required=True)
    program.add_argument("--name", default="Prepaid card")
    program.add_argument("--currency", required=True)
    program.add_argument("--bin", required=True, help="6 to 8 digits")
    program.add_argument("--max-balance", type=_decimal)
    program.add_argument("--per-transfer-limit", type=_decimal)
    program.add_argument("--daily-transfer-limit", type=_decimal)
    program.add_argument("--validity-months", type=int, default=36)
    program.set_defaults(handler=cmd_cards_program)
    printing = cards_commands.add_parser("print", help="print inactive cards into stock; writes the embossing file")
    printing.add_argument("--company", type=uuid.UUID, required=True)
    printing.add_argument("--count", type=int, required=True)
    printing.add_argument("--name", help="the name to emboss (instant-issue cards have none)")
    printing.add_argument("--json", action="store_true")
    printing.set_defaults(handler=cmd_cards_print)

    funding = commands.add_parser("funding", help="a company's funding account")
    funding_commands = funding.add_subparsers(dest="funding_command", required=True)
    deposit = funding_commands.add_parser("deposit", help="record money the company wired in")
    deposit.add_argument("--company", type=uuid.UUID, required=True)
    deposit.add_argument("--amount", type=_decimal, required=True)
    deposit.set_defaults(handler=cmd_funding_deposit)

    platform = commands.add_parser("platform", help="the platform's own partner and its global operators")
    platform_commands = platform.add_subparsers(dest="platform_command", required=True)
    init = platform_commands.add_parser(
        "init", help="a CMS application of the platform and a global admin operator (credentials printed once)"
    )
    init.add_argument("--username", required=True)
    init.add_argument("--email", required=True)
    init.add_argument("--name", default="Migo Platform", help="the platform partner's name, when it is made")
    init.set_defaults(handler=cmd_platform_init)

    clients = commands.add_parser("clients", help="merchants' Payment Link client configurations")
    clients_commands = clients.add_subparsers(dest="clients_command", required=True)
    configure = clients_commands.add_parser("configure", help="create or update a client configuration")
    configure.add_argument("--slug", required=True)
    configure.add_argument("--name", required=True, help="the name customers see on the checkout")
    configure.add_argument("--channel", action="append", required=True, help="wa, sms, email, web, app (repeat)")
    configure.add_argument("--currency", action="append", required=True, help="ISO 4217, the first is the default")
    configure.add_argument("--min-amount", type=int, default=1)
    configure.add_argument("--max-amount", type=int, required=True)
    configure.add_argument(
        "--processor", action="append", type=_processor_option, help="name[:installments[:brands]], e.g. sandbox:3,6"
    )
    configure.add_argument("--capture", choices=["automatic", "manual"], default="automatic")
    configure.add_argument("--prefix", required=True, help="reference prefix, e.g. CAMPGT")
    configure.add_argument("--link-lifetime-hours", type=float, default=24)
    configure.add_argument("--max-attempts", type=int, default=3)
    configure.add_argument("--logo-url")
    configure.add_argument("--color", default="#0b5cff")
    configure.add_argument("--return-origin", action="append", help="scheme://host[:port] (repeat)")
    configure.add_argument("--default-return-url")
    configure.add_argument("--velocity", default="5/60/1440", help="declines/window minutes/suspension minutes")
    configure.add_argument("--allow-brand", action="append")
    configure.add_argument("--allow-card-type", action="append", choices=["credit", "debit", "prepaid"])
    configure.add_argument("--allow-country", action="append")
    configure.add_argument("--create-application", action="store_true", help="also issue a merchant token and keys")
    configure.add_argument("--key-min-amount", type=int, help="the key pair's lowest link amount (the client's)")
    configure.add_argument("--key-max-amount", type=int, help="the key pair's highest link amount (the client's)")
    configure.set_defaults(handler=cmd_clients_configure)
    key_pair = clients_commands.add_parser(
        "key-pair", help="issue another /transactions-hook key pair of a client (private key printed once)"
    )
    key_pair.add_argument("--client", required=True, help="the client's slug")
    key_pair.add_argument("--name", required=True, help="what the key pair is for, e.g. the storefront")
    key_pair.add_argument("--min-amount", type=int, help="its lowest link amount (default: the client's)")
    key_pair.add_argument("--max-amount", type=int, help="its highest link amount (default: the client's)")
    key_pair.set_defaults(handler=cmd_clients_key_pair)
    key_range = clients_commands.add_parser(
        "key-range", help="scope a key pair to an amount range inside its client's (no bound: the client's)"
    )
    key_range.add_argument("public_key", help="the key pair's publicKey")
    key_range.add_argument("--min-amount", type=int)
    key_range.add_argument("--max-amount", type=int)
    key_range.set_defaults(handler=cmd_clients_key_range)

    webhooks = commands.add_parser("webhooks", help="webhook endpoints of a merchant client or a company")
    webhooks_commands = webhooks.add_subparsers(dest="webhooks_command", required=True)

    def add_owner(command: argparse.ArgumentParser) -> None:
        owner = command.add_mutually_exclusive_group(required=True)
        owner.add_argument("--client", help="a merchant client slug (Middleware)")
        owner.add_argument("--company", type=uuid.UUID, help="a company id (Gateway)")

    webhook_add = webhooks_commands.add_parser("add", help="register an endpoint")
    add_owner(webhook_add)
    webhook_add.add_argument("--url", required=True)
    webhook_add.add_argument("--event-type", action="append", help='repeat; all ("*") when left out')
    webhook_add.add_argument("--auth-header", help="NAME:VALUE, the static header sent with every delivery")
    webhook_add.add_argument("--generate-secret", action="store_true", help="sign deliveries (Standard Webhooks)")
    webhook_add.add_argument("--description")
    webhook_add.set_defaults(handler=cmd_webhooks_add)
    webhook_list = webhooks_commands.add_parser("list", help="list endpoints")
    add_owner(webhook_list)
    webhook_list.set_defaults(handler=cmd_webhooks_list)
    webhook_trigger = webhooks_commands.add_parser(
        "trigger", help="send a test event of a catalogued type (or webhook.test) to the endpoints"
    )
    add_owner(webhook_trigger)
    webhook_trigger.add_argument("event_type", help="transaction.approved, card.funds_loaded, … or webhook.test")
    webhook_trigger.add_argument("--endpoint", type=uuid.UUID, help="only this endpoint")
    webhook_trigger.set_defaults(handler=cmd_webhooks_trigger)
    webhook_tail = webhooks_commands.add_parser("tail", help="follow deliveries as they are attempted")
    add_owner(webhook_tail)
    webhook_tail.add_argument("--count", type=int, help="stop after this many attempts")
    webhook_tail.add_argument("--from-start", action="store_true", help="the earlier attempts first")
    webhook_tail.add_argument("--interval", type=float, default=1.0, help="seconds between looks (default 1)")
    webhook_tail.set_defaults(handler=cmd_webhooks_tail)
    for action in ("pause", "resume", "enable", "delete"):
        webhook_change = webhooks_commands.add_parser(action, help=f"{action} an endpoint")
        add_owner(webhook_change)
        webhook_change.add_argument("endpoint", type=uuid.UUID)
        webhook_change.set_defaults(handler=cmd_webhooks_change, action=action)

    openapi_command = commands.add_parser("openapi", help="write the three OpenAPI documents to a folder")
    openapi_command.add_argument("output", type=Path, help="the folder (middleware.json, gateway.json, cms.json)")
    openapi_command.set_defaults(handler=cmd_openapi, needs_no_database=True)

    bins_command = commands.add_parser("bins", help="the BIN table")
    bins_commands = bins_command.add_subparsers(dest="bins_command", required=True)
    load = bins_commands.add_parser("load", help="insert or update BINs from a CSV (bin,brand,type,issuer,country)")
    load.add_argument("file", type=Path)
    load.set_defaults(handler=cmd_bins_load)

    subscriptions_command = commands.add_parser("subscriptions", help="recurring billing")
    subscriptions_commands = subscriptions_command.add_subparsers(dest="subscriptions_command", required=True)
    charge_csv = subscriptions_commands.add_parser(
        "charge-csv", help="charge subscriptions from a CSV (subscriptionId,amount,description,externalId)"
    )
    charge_csv.add_argument("file")
    charge_csv.add_argument("--client", required=True, help="the merchant client's slug")
    charge_csv.add_argument("--results", help="where to write the results CSV (default: FILE.results.csv)")
    charge_csv.set_defaults(handler=cmd_subscriptions_charge_csv)

    ledger_command = commands.add_parser("ledger", help="the books")
    ledger_commands = ledger_command.add_subparsers(dest="ledger_command", required=True)
    verify = ledger_commands.add_parser(
        "verify", help="check the ledger's invariants and every record of money moved; exit 1 if broken"
    )
    verify.add_argument("--batch-size", type=int, default=20_000, help="rows read per query (default 20000)")
    verify.add_argument("--json", action="store_true", help="print one JSON object")
    verify.set_defaults(handler=cmd_ledger_verify)

    sandbox = commands.add_parser("sandbox", help="create the sandbox tenant if missing; print the cheat sheet")
    sandbox.add_argument("--json", action="store_true", help="print one JSON object")
    sandbox.set_defaults(handler=cmd_sandbox)
    return parser


def _uses_database(args: argparse.Namespace) -> bool:
    """Every command but those that only write files: `migo openapi`, `migo db revision --sql`."""
    freezing_sql = args.command == "db" and args.db_command == "revision" and args.sql
    return not (getattr(args, "needs_no_database", False) or freezing_sql)


def main(argv: list[str] | None = None) -> int:
    import migo.models  # noqa: F401 - every table mapped before any command opens a session
    from migo.composition import compose
    from migo.platform.errors import ApiError

    compose()  # the domains plugged into each other's ports: the worker's jobs and the commands charge cards
    args = build_parser().parse_args(argv)
    try:
        if _uses_database(args):
            _open_state()
        return int(args.handler(args))
    except (ValueError, ApiError, StateForked) as exc:
        print(f"migo: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `migo sandbox --json | head`: the reader left; nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
