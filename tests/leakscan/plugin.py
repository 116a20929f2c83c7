"""The pytest side of the leak scan: capture from the start, attribute to the running test, scan at the end.

A leak fails the run (exit status 1) after every test ran, with one entry per leak: the kind, the value
masked, the rule that caught it, where (log line, answer METHOD path → status, server log), the test that
produced it, and the text around it with every secret in it masked. Turn it off with `--no-leakscan`.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import datetime

import pytest

from tests.leakscan.capture import COLLECTOR, Collector, install
from tests.leakscan.scanner import Finding, Scanner, mask

_SHOWN = 40  # leaks listed in full; the rest are counted


@dataclass
class Leak:
    """One value leaking one way in one place (a log event, a route's answers, a server's log)."""

    rule: str
    kind: str
    shown: str  # the value, masked
    where: str
    excerpt: str  # of the first occurrence, every secret in it masked
    tests: dict[str | None, int] = field(default_factory=dict)  # occurrences per test

    @property
    def count(self) -> int:
        return sum(self.tests.values())


@dataclass
class ScanResult:
    leaks: list[Leak]
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
    elif COLLECTOR.server_log_dir is not None:
        shutil.rmtree(COLLECTOR.server_log_dir, ignore_errors=True)


def scan(collector: Collector) -> ScanResult:
    started = time.perf_counter()
    scanner = Scanner(collector.known)
    leaks: dict[tuple[str, ...], Leak] = {}

    def add(text: str, findings: list[Finding], where: str, test: str | None) -> None:
        event = _EVENT.search(text)
        if event:
            where = f'{where}, event "{event.group(1)}"'
        for finding in findings:
            shown = mask(finding.value, finding.kind)
            key = (finding.rule, finding.kind, shown, where)
            leak = leaks.setdefault(key, Leak(finding.rule, finding.kind, shown, where, finding.excerpt))
            leak.tests[test] = leak.tests.get(test, 0) + 1

    for record in collector.records:
        if findings := scanner.scan(record.text):
            add(record.text, findings, record.where, record.test)
    server_lines = 0
    for path, starter in collector.server_logs:
        if not path.exists():
            continue
        for line in path.read_text("utf-8", "replace").splitlines():
            server_lines += 1
            if findings := scanner.scan(line):
                add(line, findings, f"server log {path.name}", _test_by_timestamp(collector, line) or starter)
    seconds = time.perf_counter() - started
    return ScanResult(list(leaks.values()), len(collector.records), server_lines, len(collector.known), seconds)


_EVENT = re.compile(r'^\{.*?"event": "((?:[^"\\]|\\.){1,80})"')


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
    total = sum(leak.count for leak in result.leaks)
    terminalreporter.section(f"leak scan: {len(result.leaks)} leaks ({total} occurrences)", sep="=", red=True)
    for number, leak in enumerate(result.leaks, 1):
        if number > _SHOWN:
            terminalreporter.write_line(f"… and {len(result.leaks) - _SHOWN} more")
            break
        times = f", {leak.count} times" if leak.count > 1 else ""
        terminalreporter.write_line(f"{number}. {leak.kind} {leak.shown}: {leak.rule}{times}", red=True, bold=True)
        terminalreporter.write_line(f"   where: {leak.where}")
        tests = [
            f"{test or '(outside any test)'}" + (f" ({n} times)" if n > 1 else "") for test, n in leak.tests.items()
        ]
        more = f" (+{len(tests) - 3} more)" if len(tests) > 3 else ""
        terminalreporter.write_line(f"   tests: {', '.join(tests[:3])}{more}")
        terminalreporter.write_line(f"   text:  {leak.excerpt}")
    if COLLECTOR.server_log_dir is not None:
        terminalreporter.write_line(f"server logs kept in {COLLECTOR.server_log_dir}")
    terminalreporter.write_line(f"The run fails: secrets must never be logged or echoed ({stats}).", red=True)
