"""State never forks silently (issue 19): a command run from another folder works on the project's home, not
the folder's; a database keeps the fingerprint of the master secret it is sealed with, and a command with
another secret, or none, refuses (exit 2, one line) instead of making a new one; every command names its
database and home on standard error, so a --json answer stays one document on standard output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

from sqlalchemy.engine import make_url

import migo
from migo.platform.settings import default_home
from migo.platform.state import record_public_url, shown_url
from tests.live import scratch_database

SOURCE = str(Path(migo.__file__).resolve().parents[1])  # PYTHONPATH=src is relative: absolute, for another cwd


def _migo(*args: str, cwd: Path | None = None, **env: str | None) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": SOURCE}
    for name, value in env.items():
        if value is None:
            environment.pop(name, None)
        else:
            environment[name] = value
    return subprocess.run(
        [sys.executable, "-m", "migo", *args], capture_output=True, text=True, env=environment, cwd=cwd, check=False
    )


def _refused(result: subprocess.CompletedProcess[str]) -> str:
    """The one-line refusal: exit 2, no traceback, nothing on standard output."""
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    refusal = result.stderr.strip().splitlines()[-1]
    assert refusal.startswith("migo: ")
    return refusal


def test_a_command_from_another_folder_uses_the_projects_home_and_never_makes_a_second_secret(tmp_path):
    project_secret = default_home() / "secret_key"
    had_one = project_secret.exists()
    with scratch_database() as url:  # migrated with the suite's MIGO_SECRET_KEY, which it now records
        company = str(uuid.uuid4())  # refused before any company is looked for
        elsewhere = tmp_path / "elsewhere"
        elsewhere.mkdir()
        # What happened: `migo cards print` from another folder, without the secret the database is sealed with.
        printing = _migo(
            "cards", "print", "--company", company, "--count", "1", "--json",
            cwd=elsewhere, DATABASE_URL=url, MIGO_HOME=None, MIGO_SECRET_KEY=None,
        )  # fmt: skip
        refusal = _refused(printing)
    assert f"home {default_home().resolve()}" in printing.stderr  # the project's, whatever the current folder
    assert "MIGO_HOME" in refusal and "MIGO_SECRET_KEY" in refusal and make_url(url).database in refusal
    assert list(elsewhere.iterdir()) == []  # no .migo, no secret_key here
    assert project_secret.exists() == had_one  # nor one made in the project's home


def test_a_secret_other_than_the_databases_or_none_is_refused(tmp_path):
    with scratch_database() as url:
        other = _migo("sandbox", "--json", DATABASE_URL=url, MIGO_SECRET_KEY="another-master-secret-" + "x" * 20)
        assert "MIGO_SECRET_KEY" in _refused(other) and "is not the one" in other.stderr

        fresh_home = tmp_path / "fresh"
        none = _migo("db", "upgrade", DATABASE_URL=url, MIGO_HOME=str(fresh_home), MIGO_SECRET_KEY=None)
        assert str(fresh_home / "secret_key") in _refused(none)
        assert not (fresh_home / "secret_key").exists()

        # A home whose generated secret is not the database's: refused too, and the file is left as it was.
        other_home = tmp_path / "other"
        other_home.mkdir()
        (other_home / "secret_key").write_text("a-secret-generated-elsewhere")
        mismatch = _migo(
            "webhooks", "list", "--client", "migoDeveloper",
            DATABASE_URL=url, MIGO_HOME=str(other_home), MIGO_SECRET_KEY=None,
        )  # fmt: skip
        assert str(other_home / "secret_key") in _refused(mismatch)
        assert (other_home / "secret_key").read_text() == "a-secret-generated-elsewhere"

        assert _migo("sandbox", "--json", DATABASE_URL=url).returncode == 0  # the right secret still works


def test_a_fresh_home_and_database_record_the_secret_made_for_them(tmp_path):
    home = tmp_path / "home"
    with scratch_database(migrated=False) as url:
        first = _migo("db", "upgrade", DATABASE_URL=url, MIGO_HOME=str(home), MIGO_SECRET_KEY=None)
        assert first.returncode == 0, first.stderr
        secret = (home / "secret_key").read_text()
        assert _migo("sandbox", "--json", DATABASE_URL=url, MIGO_HOME=str(home), MIGO_SECRET_KEY=None).returncode == 0
        assert (home / "secret_key").read_text() == secret
        _refused(_migo("db", "upgrade", DATABASE_URL=url, MIGO_HOME=str(tmp_path / "other"), MIGO_SECRET_KEY=None))


def test_every_command_names_its_database_and_home_on_stderr_and_json_stays_one_document(tmp_path):
    with scratch_database() as url:
        # The suite's server trusts local connections: a password is accepted, and must not be shown.
        with_password = make_url(url).set(password="hunter2-not-shown").render_as_string(hide_password=False)
        result = _migo("sandbox", "--json", DATABASE_URL=with_password, MIGO_HOME=str(tmp_path))
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout)["environment"] == "sandbox"  # exactly one JSON document
        named = [line for line in result.stderr.splitlines() if line.startswith("migo: database ")]
        assert named == [f"migo: database {shown_url(with_password)}, home {tmp_path.resolve()}"]
        assert ":***@" in named[0]
        assert "hunter2-not-shown" not in result.stderr + result.stdout


def test_migo_sandbox_hands_out_the_public_url_migo_up_served_under(tmp_path):
    with scratch_database() as url:
        record_public_url(url, "http://127.0.0.1:8123")  # what `migo up --port 8123` records (tests/test_cli_up)
        sheet = json.loads(_migo("sandbox", "--json", DATABASE_URL=url, MIGO_PUBLIC_URL=None).stdout)
        assert sheet["baseUrl"] == "http://127.0.0.1:8123"
        assert sheet["surfaces"]["gateway"]["baseUrl"] == "http://127.0.0.1:8123/rest"
        # MIGO_PUBLIC_URL, when set, still wins.
        chosen = json.loads(_migo("sandbox", "--json", DATABASE_URL=url, MIGO_PUBLIC_URL="http://pay.test").stdout)
        assert chosen["baseUrl"] == "http://pay.test"
