"""`migo worker` runs MIGO_WORKER_PROCESSES processes under a supervisor: one that dies is started again,
SIGTERM stops them all, and a supervisor killed outright takes them with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest

from tests.leakscan import server_log


@contextmanager
def worker(processes: int, log: Path | None = None) -> Iterator[subprocess.Popen[bytes]]:
    env = {**os.environ, "MIGO_WORKER_PROCESSES": str(processes)}
    with (log or server_log("migo-worker")).open("wb") as output:
        command = [sys.executable, "-m", "migo", "worker"]
        # A process group of its own, as a terminal's foreground job is (Ctrl-C reaches all of it).
        popen = subprocess.Popen(command, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield popen
    finally:
        if popen.poll() is None:
            popen.kill()
            popen.wait()


def wait_until(condition: Callable[[], object], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("timed out")
        time.sleep(0.05)


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def children(popen: subprocess.Popen[bytes]) -> list[psutil.Process]:
    return [child for child in psutil.Process(popen.pid).children() if alive(child.pid)]


def gone(pids: list[int]) -> bool:
    return not any(alive(pid) for pid in pids)


def test_the_worker_runs_its_processes_and_starts_again_one_that_dies():
    with worker(processes=2) as supervisor:
        wait_until(lambda: len(children(supervisor)) == 2)
        first = [child.pid for child in children(supervisor)]
        assert all("--supervisor" in psutil.Process(pid).cmdline() for pid in first)
        os.kill(first[0], signal.SIGKILL)
        wait_until(lambda: first[0] not in {child.pid for child in children(supervisor)})
        wait_until(lambda: len(children(supervisor)) == 2)
        now = [child.pid for child in children(supervisor)]
        assert first[1] in now and first[0] not in now

        supervisor.send_signal(signal.SIGTERM)
        assert supervisor.wait(timeout=40) == 0
        assert gone(now)


def test_ctrl_c_stops_the_worker_and_starts_nothing_again():
    log = server_log("migo-worker")
    with worker(processes=2, log=log) as supervisor:
        wait_until(lambda: len(children(supervisor)) == 2)
        pids = [child.pid for child in children(supervisor)]
        time.sleep(2)  # past their start-up: running jobs and lanes
        os.killpg(supervisor.pid, signal.SIGINT)
        assert supervisor.wait(timeout=40) == 0
        assert gone(pids)
    assert "worker_process_exited" not in log.read_text()


def test_a_supervisor_killed_outright_takes_its_processes_with_it():
    with worker(processes=2) as supervisor:
        wait_until(lambda: len(children(supervisor)) == 2)
        pids = [child.pid for child in children(supervisor)]
        supervisor.kill()
        supervisor.wait()
        wait_until(lambda: gone(pids))


def test_one_process_runs_without_a_supervisor():
    with worker(processes=1) as single:
        time.sleep(3)  # long enough for a supervisor to have started a process
        assert single.poll() is None
        assert children(single) == []
        single.send_signal(signal.SIGTERM)
        assert single.wait(timeout=40) == 0


# A process that watches its supervisor as on a system without Linux's parent-death signal, started by a
# stand-in supervisor that prints the process's pid; the process says when it is watching.
WATCHING = (
    "import sys, time; sys.platform = 'darwin'; "
    "from migo.platform.supervisor import end_with_supervisor; end_with_supervisor(int(sys.argv[1])); "
    "print('watching', flush=True); time.sleep(60)"
)
STAND_IN = (
    "import os, subprocess, sys, time; "
    "watching = subprocess.Popen([sys.executable, '-c', sys.argv[1], str(os.getpid())]); "
    "print(watching.pid, flush=True); time.sleep(60)"
)


def test_elsewhere_a_process_notices_its_supervisor_ended_within_seconds():
    stand_in = subprocess.Popen([sys.executable, "-c", STAND_IN, WATCHING], stdout=subprocess.PIPE)
    try:
        assert stand_in.stdout is not None
        watching = int(stand_in.stdout.readline())
        assert stand_in.stdout.readline().strip() == b"watching"
    finally:
        stand_in.kill()
        stand_in.wait()
    wait_until(lambda: gone([watching]), timeout=10)
