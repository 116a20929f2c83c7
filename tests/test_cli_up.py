"""`migo up` in the sandbox: the cheat sheet's secrets reach a terminal, never the server's log (issue 13 §2).

Once stdout is not a terminal it is the log (a service manager, a container, `| tee`): the sheet goes to an
owner-only file under MIGO_HOME and the log only says where."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import select
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from migo import cli
from tests.leakscan import known_secret, record_output
from tests.live import free_port, scratch_database


def _sandbox_json() -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "migo", "sandbox", "--json"], capture_output=True, text=True, env=os.environ, check=True
    )
    return json.loads(result.stdout)


def _secrets_of(sheet: dict) -> list[str]:
    gateway, cms, middleware = sheet["gateway"], sheet["cms"], sheet["middleware"]
    return [
        gateway["clientSecret"],
        gateway["signingSecret"],
        gateway["cardholder"]["password"],
        cms["clientSecret"],
        cms["operator"]["password"],
        middleware["merchantToken"],
        middleware["privateKey"],
        *(card["number"] for card in sheet["cardStock"]),
    ]


def _group_ends(group: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


def _output_until_serving(server: subprocess.Popen[bytes], port: int, timeout: float = 120) -> bytes:
    """`migo up`'s output until it answers on its port (it migrates, seeds the sandbox and starts the worker
    first; on a busy 2-core machine that can take a minute). uvicorn says "Application startup complete" before
    it binds its socket: a request sent on that line alone can find nothing listening yet."""
    assert server.stdout is not None
    log, deadline = b"", time.monotonic() + timeout
    while time.monotonic() < deadline:
        if select.select([server.stdout], [], [], 0.2)[0]:
            log += os.read(server.stdout.fileno(), 65536)
        if b"Application startup complete" in log:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"http://127.0.0.1:{port}/ready", timeout=2).status_code == 200:
                    return log
    raise AssertionError("`migo up` did not serve:\n" + log.decode(errors="replace")[-3000:])


def test_migo_up_writes_the_credentials_to_an_owner_only_file_when_stdout_is_a_log(tmp_path):
    home = tmp_path / "home"
    stale = home / "sandbox-credentials.txt"
    home.mkdir()
    stale.write_text("an older, world-readable copy")
    stale.chmod(0o644)
    env = {**os.environ, "MIGO_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "migo", "up", "--port", str(port), "--workers", "1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, with the worker it starts
    )
    assert server.stdout is not None
    try:
        log = _output_until_serving(server, port)
        server.terminate()  # as a service manager stops it
        assert server.wait(timeout=60) == 128 + signal.SIGTERM  # the worker has 30 s to stop its jobs
        assert _group_ends(server.pid, within=20), "the worker outlived `migo up`"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
    log += server.stdout.read()
    lines = [json.loads(line) for line in log.decode().splitlines() if line.startswith("{")]
    written = [line for line in lines if line["event"] == "sandbox_credentials_written"]
    assert len(written) == 1 and Path(written[0]["path"]) == stale.resolve()

    assert stat.S_IMODE(stale.stat().st_mode) == 0o600
    sheet = _sandbox_json()
    text = stale.read_text()
    assert all(secret in text for secret in _secrets_of(sheet))
    assert not any(secret in log.decode() for secret in _secrets_of(sheet))
    for secret in _secrets_of(sheet):
        known_secret("sandbox credential", secret)
    record_output(log.decode(errors="replace"), "`migo up` output")  # and the leak scan reads the log too
    assert not list(home.glob(".sandbox-credentials.txt.*"))  # no temporary copy left behind


def test_on_a_terminal_the_cheat_sheet_is_shown_and_no_file_is_written(tmp_path, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    from migo.platform.settings import Settings

    monkeypatch.setattr(cli, "get_settings", lambda: Settings(home=tmp_path))
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    sheet = _sandbox_json()
    cli._hand_over_sandbox_credentials(sheet)
    assert all(secret in terminal.getvalue() for secret in _secrets_of(sheet))
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("umask", [0o000, 0o022])
def test_private_files_are_never_readable_by_others_whatever_the_umask(tmp_path, umask):
    from migo.platform.files import write_private_file
    from migo.platform.settings import Settings

    previous = os.umask(umask)
    try:
        written = write_private_file(tmp_path / "nested" / "credentials.txt", "secret")
        secret_key = Settings(home=tmp_path / "home", secret_key=None).master_secret()  # the generated one
    finally:
        os.umask(previous)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600 and written.read_text() == "secret"
    key_file = tmp_path / "home" / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600 and key_file.read_bytes() == secret_key
    assert Settings(home=tmp_path / "home", secret_key=None).master_secret() == secret_key  # kept, not regenerated
    assert sorted(path.name for path in key_file.parent.iterdir()) == ["secret_key"]  # no temporary left behind


def test_a_second_instance_on_its_own_port_hands_out_its_own_urls(tmp_path):
    """Its own MIGO_HOME, database and --port, and no MIGO_PUBLIC_URL: what it hands out names its port, and so
    does a later `migo sandbox` there."""
    port = free_port()
    with scratch_database() as url:
        env = {**os.environ, "MIGO_HOME": str(tmp_path / "second"), "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
        env.pop("MIGO_PUBLIC_URL")
        server = subprocess.Popen(
            [sys.executable, "-m", "migo", "up", "--port", str(port), "--workers", "1"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        assert server.stdout is not None
        try:
            log = _output_until_serving(server, port)
            sheet = (tmp_path / "second" / "sandbox-credentials.txt").read_text()
            token = re.search(r"merchantToken (\S+)", sheet)
            assert token is not None
            known_secret("sandbox credential", token.group(1))
            link = httpx.post(
                f"http://127.0.0.1:{port}/transactions",
                json={"amount": 5, "userId": "50224865444", "channel": "wa", "client": "migoDeveloper", "ads": []},
                headers={"Authorization": token.group(1)},
                timeout=10,
            )
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
            _group_ends(server.pid, within=20)
        record_output(log.decode(errors="replace"), "second `migo up` output")
        # A later `migo sandbox` on the same database and home hands out the URL `migo up` served under.
        later = subprocess.run(
            [sys.executable, "-m", "migo", "sandbox", "--json"], capture_output=True, text=True, env=env, check=True
        )
    assert json.loads(later.stdout)["baseUrl"] == f"http://127.0.0.1:{port}"
    assert f"http://127.0.0.1:{port}" in sheet
    assert link.status_code == 200 and link.json()["URL"].startswith(f"http://127.0.0.1:{port}/?orderId=")
