"""The guides' shell examples run as written (issue 19): each guide's ```sh blocks, in order, in one bash, against
a live `migo serve` and `migo worker` on a database of their own, as `make run` serves them.

A block marked ```sh no-run is shown and not run. A `curl` answered 4xx or 5xx fails its block unless the block
shows that refusal (`# → 422 …`): a block's refusals are exactly the ones it writes down. docs/testing.md says the
same for the guides' authors.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.leakscan import server_log
from tests.live import running_server, scratch_database, stop

DOCS = Path(__file__).resolve().parents[1] / "docs"
RUNNABLE = ("sh", "bash")
REFUSAL = re.compile(r"→ (\d{3})\b")
BLOCK_MARK = "@@migo-docs-block"

# Every `curl` of a guide goes through this: its status, after the block it belongs to, in a file of its own.
PRELUDE = r"""set -euo pipefail
curl() { command curl --write-out '%{stderr}status %{http_code}\n' "$@" 2>>"$MIGO_DOCS_STATUS"; }
"""


@dataclass(frozen=True)
class Block:
    line: int  # where its fence opens in the guide, from 1
    text: str

    @property
    def refusals(self) -> list[int]:
        """The 4xx answers the block shows (`# → 409 …`)."""
        return sorted(int(status) for status in REFUSAL.findall(self.text))


def runnable_blocks(guide: Path) -> list[Block]:
    blocks = []
    for token in MarkdownIt("commonmark").parse(guide.read_text(encoding="utf-8")):
        words = token.info.split()
        if token.type == "fence" and words and words[0] in RUNNABLE and "no-run" not in words[1:]:
            assert token.map is not None
            blocks.append(Block(line=token.map[0] + 1, text=token.content))
    return blocks


GUIDES = [guide.name for guide in sorted(DOCS.glob("*.md")) if runnable_blocks(guide)]


@contextmanager
def running_worker(env: dict[str, str]) -> Iterator[None]:
    """`migo worker` as `make run` runs it beside the server: the guides' statements, batches and webhooks."""
    with server_log("migo-worker").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "migo", "worker"], env=env, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        yield
    finally:
        stop(process)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """A folder to run the guides from (its `.venv/bin/migo` is the `migo` under test) and their environment,
    with a server and a worker on a fresh database."""
    with scratch_database() as database, running_server({"DATABASE_URL": database}) as base:
        env = {**os.environ, "DATABASE_URL": database, "MIGO_PUBLIC_URL": base}
        with running_worker(env):
            checkout = tmp_path_factory.mktemp("checkout")
            migo = checkout / ".venv" / "bin" / "migo"
            migo.parent.mkdir(parents=True)
            migo.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m migo "$@"\n')
            migo.chmod(0o755)
            yield checkout, env


@pytest.mark.parametrize("name", GUIDES)
def test_the_guide_runs_as_written(sandbox: tuple[Path, dict[str, str]], name: str) -> None:
    checkout, env = sandbox
    blocks = runnable_blocks(DOCS / name)
    statuses = checkout / f"{name}.statuses"
    script = PRELUDE + "".join(
        f'echo "block {index}" >> "$MIGO_DOCS_STATUS"; printf "\\n{BLOCK_MARK} {index}\\n"\n{block.text}\n'
        for index, block in enumerate(blocks)
    )
    try:
        run = subprocess.run(
            ["bash", "-c", script],
            cwd=checkout,
            env={**env, "MIGO_DOCS_STATUS": str(statuses)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=240,
        )
        output, returncode = run.stdout.decode(errors="replace"), run.returncode
    except subprocess.TimeoutExpired as timeout:
        output, returncode = (timeout.stdout or b"").decode(errors="replace") + "\n(timed out)", -1

    answered: dict[int, list[int]] = {}
    current = -1
    for line in statuses.read_text().splitlines() if statuses.exists() else []:
        kind, _, value = line.partition(" ")
        if kind == "block":
            current = int(value)
        elif kind == "status":
            answered.setdefault(current, []).append(int(value))
    outputs = re.split(rf"\n{BLOCK_MARK} \d+\n", output)[1:]
    ran = len(outputs)

    def failure(index: int, why: str) -> str:
        block = blocks[index]
        shown = outputs[index] if index < len(outputs) else output
        return (
            f"{name}, the block at line {block.line}: {why}\n--- the block ---\n{block.text}"
            f"--- its output (last 4000 characters) ---\n{shown[-4000:]}"
        )

    if returncode != 0:
        pytest.fail(failure(max(ran - 1, 0), f"bash exited {returncode}"), pytrace=False)
    assert ran == len(blocks), f"{name}: {ran} of {len(blocks)} blocks ran"
    for index, block in enumerate(blocks):
        refused = sorted(status for status in answered.get(index, []) if status >= 400)
        if refused != block.refusals:
            pytest.fail(failure(index, f"curl was refused {refused}; the block shows {block.refusals}"), pytrace=False)
