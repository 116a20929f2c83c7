"""Worker processes: `migo worker` runs `MIGO_WORKER_PROCESSES` of them, one per core it is given.

A Python process runs on one core at a time: more throughput is more processes, as for the API's server
processes (one worker process delivers at most a core's worth of webhooks, bench/README.md). Each runs the job
queue and the webhook dispatcher; they share the work through the database (procrastinate's job locks, the
dispatcher's `SKIP LOCKED`), so nothing is taken twice.

The supervisor only starts, restarts and stops them. A process that exits by itself (a crash, the OOM killer)
is started again, after a pause that doubles while it keeps dying early. SIGTERM or SIGINT is passed on, and
the supervisor gives the running jobs and batches STOP_TIMEOUT to finish, then kills what is left. Killed
outright, it takes its processes with it (the parent-death signal): nothing keeps running without a supervisor.
Whatever a killed process was doing is due again: the dispatcher's claims die with their transaction, and
platform.retry_stalled_jobs runs again the jobs it left running.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from types import FrameType

import structlog

log = structlog.get_logger("migo.worker")

RESTART_PAUSE, MAX_RESTART_PAUSE = 1.0, 15.0
STOP_TIMEOUT = 30.0
_PR_SET_PDEATHSIG = 1


class _Process:
    """One supervised process and when to start it again."""

    def __init__(self, command: Sequence[str]) -> None:
        self.command = list(command)
        self.pause = RESTART_PAUSE
        self.popen: subprocess.Popen[bytes] | None = None
        self.started = 0.0
        self.restart_at = 0.0

    def start(self) -> None:
        self.popen = subprocess.Popen(self.command, env=os.environ.copy())  # noqa: S603 - migo's own command
        self.started = time.monotonic()

    def exited(self) -> int | None:
        """Its exit code when it has ended since it was last looked at (it is then not running)."""
        if self.popen is None:
            return None
        code = self.popen.poll()
        if code is not None:
            self.popen = None
            # A process that lived a minute starts again after the first pause; each early death doubles the
            # next one: a process that cannot start must not spin.
            if time.monotonic() - self.started > 60:
                self.pause = RESTART_PAUSE
            self.restart_at = time.monotonic() + self.pause
            self.pause = min(self.pause * 2, MAX_RESTART_PAUSE)
        return code


def supervise(command: Sequence[str], processes: int) -> int:
    """Run `processes` copies of `command` (each told the supervisor's pid as its last argument) until SIGTERM
    or SIGINT, starting again any that ends; then stop them all and return."""
    stopping: list[int] = []  # a plain flag: a threading.Event set in a handler can deadlock its own wait()

    def stop(signum: int, frame: FrameType | None) -> None:
        stopping.append(signum)

    previous = {signum: signal.signal(signum, stop) for signum in (signal.SIGTERM, signal.SIGINT)}
    children = [_Process([*command, str(os.getpid())]) for _ in range(processes)]
    try:
        for child in children:
            child.start()
        log.info("worker_processes_started", processes=processes)
        while True:
            time.sleep(0.25)
            if stopping:  # a Ctrl-C reaches the processes too: none that it ended is started again
                break
            for child in children:
                code = child.exited()
                if code is not None:
                    restart_in = child.restart_at - time.monotonic()
                    log.warning("worker_process_exited", exit_code=code, restart_in_s=round(restart_in, 1))
                if child.popen is None and time.monotonic() >= child.restart_at and not stopping:
                    child.start()
    finally:
        _stop(children)
        for signum, handler in previous.items():
            signal.signal(signum, handler)
    return 0


def _stop(children: list[_Process]) -> None:
    running = [child.popen for child in children if child.popen is not None and child.popen.poll() is None]
    for popen in running:
        with contextlib.suppress(ProcessLookupError):
            popen.send_signal(signal.SIGTERM)
    deadline = time.monotonic() + STOP_TIMEOUT
    for popen in running:
        try:
            popen.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            popen.kill()
            popen.wait()


def end_with_supervisor(supervisor_pid: int) -> None:
    """In a supervised process: be killed when the supervisor ends without stopping it (kill -9, a crash), so
    no worker runs on unsupervised. Linux does it on the spot; elsewhere a thread looks every second."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != supervisor_pid:  # it ended before the signal was asked for
                os.kill(os.getpid(), signal.SIGKILL)
            return

    def watch() -> None:
        while os.getppid() == supervisor_pid:
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, name="supervisor-watch", daemon=True).start()
