"""The pytest side of the leak scan: capture from the start, attribute to the running test, scan at the end.

A leak fails the run (exit status 1) after every test ran, with one entry per leak: the kind, the value
masked, the rule that caught it, where (log line, answer METHOD path → status, server log), the test that
produced it, and the text around it with every secret in it masked. Turn it off with `--no-leakscan`.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Generator
from dataclasses import dataclass
from datetime import datetime

import pytest

from tests.leakscan.capture import COLLECTOR, Collector, install
from tests.leakscan.scanner import Finding, Scanner, mask

_SHOWN = 40  # leaks listed in full; the rest are counted


@dataclass(frozen=True)
class Leak:
    rule: str
    kind: str
    shown: str
    where: str
    test: str | None
    excerpt: str


@dataclass
class ScanResult:
    leaks: dict[Leak, int]
    texts: int
    server_lines: int
    known: int
    seconds: float


_RESULT = pytest.StashKey[ScanResult]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--no-leakscan",
        action="store_true",
        help="do not scan the app's logs and error answers for PANs, CVVs, PINs and secrets",
    )


def pytest_sessionstart(session: pytest.Session) -> None:
    COLLECTOR.active = not session.config.getoption("--no-leakscan")


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Installed as the first test sets up, with pytest's capture of stdout in place, as the test modules
    # were imported: structlog's PrintLogger compares its file with the stdout structlog saw at import, and
    # importing it earlier (outside that capture) would change where the app's lines go.
    if COLLECTOR.active and not COLLECTOR.installed:
        install()
        _register_sandbox_cards(COLLECTOR)
        COLLECTOR.installed = True


def _register_sandbox_cards(collector: Collector) -> None:
    from migo.payments.testcards import TEST_CARDS

    for card in TEST_CARDS:
        collector.known.add("PAN (sandbox test card)", card.number)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, object, object]:
    COLLECTOR.enter_test(item.nodeid)
    try:
        return (yield)
    finally:
        COLLECTOR.enter_test(None)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not COLLECTOR.active:
        return
    COLLECTOR.active = False
    result = scan(COLLECTOR)
    session.config.stash[_RESULT] = result
    if result.leaks:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    elif COLLECTOR._log_dir is not None:
        shutil.rmtree(COLLECTOR._log_dir, ignore_errors=True)


def scan(collector: Collector) -> ScanResult:
    started = time.perf_counter()
    scanner = Scanner(collector.known)
    groups: dict[tuple[str | None, ...], tuple[Leak, int]] = {}

    def add(findings: list[Finding], where: str, test: str | None) -> None:
        for finding in findings:
            shown = mask(finding.value, finding.kind)
            # The same value leaking the same way in the same place and test: one entry, counted.
            key = (finding.rule, finding.kind, shown, where.partition(" line ")[0], test)
            first, count = groups.get(key, (Leak(finding.rule, finding.kind, shown, where, test, finding.excerpt), 0))
            groups[key] = (first, count + 1)

    for record in collector.records:
        if findings := scanner.scan(record.text):
            add(findings, record.where, record.test)
    server_lines = 0
    for path, starter in collector.server_logs:
        if not path.exists():
            continue
        for number, line in enumerate(path.read_text("utf-8", "replace").splitlines(), 1):
            server_lines += 1
            if findings := scanner.scan(line):
                test = _test_by_timestamp(collector, line) or starter
                add(findings, f"server log {path} line {number}", test)
    leaks = dict(groups.values())
    return ScanResult(leaks, len(collector.records), server_lines, len(collector.known), time.perf_counter() - started)


def _test_by_timestamp(collector: Collector, line: str) -> str | None:
    try:
        stamp = json.loads(line).get("timestamp")
        return collector.test_at(datetime.fromisoformat(stamp).timestamp()) if stamp else None
    except (ValueError, TypeError, AttributeError):
        return None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    result = config.stash.get(_RESULT, None)
    if result is None:
        return
    stats = (
        f"{result.texts} log lines and error answers, {result.server_lines} server log lines, "
        f"{result.known} known secrets, {result.seconds:.1f} s"
    )
    if not result.leaks:
        terminalreporter.write_line(f"leak scan: no PAN, CVV, PIN or secret found ({stats})", green=True)
        return
    total = sum(result.leaks.values())
    terminalreporter.section(f"leak scan: {len(result.leaks)} leaks ({total} occurrences)", sep="=", red=True)
    for number, (leak, count) in enumerate(result.leaks.items(), 1):
        if number > _SHOWN:
            terminalreporter.write_line(f"… and {len(result.leaks) - _SHOWN} more")
            break
        times = f" ({count} times)" if count > 1 else ""
        terminalreporter.write_line(f"{number}. {leak.kind} {leak.shown}: {leak.rule}{times}", red=True, bold=True)
        terminalreporter.write_line(f"   where: {leak.where}")
        terminalreporter.write_line(f"   test:  {leak.test or '(outside any test)'}")
        terminalreporter.write_line(f"   text:  {leak.excerpt}")
    if COLLECTOR._log_dir is not None:
        terminalreporter.write_line(f"server logs kept in {COLLECTOR._log_dir}")
    terminalreporter.write_line(f"The run fails: secrets must never be logged or echoed ({stats}).", red=True)
