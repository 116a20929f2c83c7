"""The TypeScript client (seed 003 names JavaScript/TypeScript clients; issue 19): its types are generated from
the server's documents by openapi-typescript and checked in, so they must match what the server serves now
(else: run `make clients`), and the client, its seed 002 example and the React recipe typecheck with tsc."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from migo.platform.settings import get_settings
from migo.surfaces.documents import write_openapi_documents

CLIENT = Path(__file__).resolve().parents[1] / "clients" / "typescript"
GENERATE = CLIENT.parents[1] / "scripts" / "generate_typescript_client.sh"


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="module")
def node_modules() -> Path:
    """The client's pinned tools (npm ci from its package-lock.json, once)."""
    if shutil.which("npm") is None:
        pytest.fail("the TypeScript client's check needs Node.js and npm (apt-get install -y nodejs npm)")
    if not (CLIENT / "node_modules" / ".bin" / "tsc").exists():
        installed = _run(["npm", "ci", "--no-audit", "--no-fund"], CLIENT)
        assert installed.returncode == 0, installed.stdout + installed.stderr
    return CLIENT / "node_modules"


def test_the_checked_in_types_match_the_served_documents(node_modules, tmp_path):
    documents = tmp_path / "documents"
    write_openapi_documents(documents, get_settings())
    generated = _run([str(GENERATE), str(documents), str(tmp_path / "generated")], CLIENT)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    for surface in ("middleware", "gateway", "cms"):
        fresh = (tmp_path / "generated" / f"{surface}.ts").read_text()
        kept = (CLIENT / "src" / "generated" / f"{surface}.ts").read_text()
        assert fresh == kept, f"clients/typescript/src/generated/{surface}.ts is stale: run make clients"


def test_the_client_and_its_examples_typecheck(node_modules):
    checked = _run([str(node_modules / ".bin" / "tsc"), "--noEmit", "-p", "."], CLIENT)
    assert checked.returncode == 0, checked.stdout + checked.stderr
