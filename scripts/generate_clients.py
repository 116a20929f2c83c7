"""`make clients`: the generated half of the Python SDK (clients/python) and the TypeScript client's types
(clients/typescript), from the server's three OpenAPI documents.

Each surface's document, as the app serves it in the sandbox, goes through openapi-python-client (the version
pyproject.toml pins) with `--meta none`, so each becomes a plain package of relative imports that lives inside
`migo_client` as `migo_client.gateway`, `migo_client.middleware` and `migo_client.cms`. Generation happens in a
scratch folder (the generator's ruff post-hooks then see no project configuration, so the output does not depend
on where it lands) and replaces the checked-in packages. `--output DIR` writes them to DIR instead: the suite
compares that with the checked-in code (tests/test_python_sdk.py). The TypeScript types come from the same
documents through scripts/generate_typescript_client.sh (tests/test_typescript_client.py checks them).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from migo.platform.settings import Settings
from migo.surfaces.documents import openapi_documents, write_openapi_documents

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "clients" / "python" / "src" / "migo_client"


SANDBOX = Settings(environment="sandbox")  # the sandbox serves every operation production does, and more


def generate(into: Path) -> None:
    """Writes one package per surface under `into` (replacing what is there)."""
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": str(bin_dir) + os.pathsep + os.environ.get("PATH", "")}  # the post-hooks' ruff
    with tempfile.TemporaryDirectory() as scratch:
        for surface, served in openapi_documents(SANDBOX).items():
            document = Path(scratch) / f"{surface}.json"
            document.write_text(json.dumps(served))
            output = Path(scratch) / surface
            command = [bin_dir / "openapi-python-client", "generate", "--path", document, "--meta", "none"]
            run = subprocess.run(  # noqa: S603  # the pinned generator on a document written just above
                [*command, "--fail-on-warning", "--output-path", output],
                capture_output=True,
                text=True,
                env=env,
                check=False,
                cwd=scratch,
            )
            if run.returncode != 0:
                raise SystemExit(f"openapi-python-client failed on the {surface} document:\n{run.stdout}{run.stderr}")
            target = into / surface
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(output, target, ignore=shutil.ignore_patterns(".ruff_cache"))  # the post-hooks'


def generate_typescript() -> None:
    """clients/typescript/src/generated, from the same documents."""
    with tempfile.TemporaryDirectory() as scratch:
        write_openapi_documents(Path(scratch), SANDBOX)
        subprocess.run([ROOT / "scripts" / "generate_typescript_client.sh", scratch], check=True)  # noqa: S603


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, help="write only the Python packages, there")
    output = parser.parse_args().output
    generate(output or PACKAGE)
    if output is None:
        generate_typescript()


if __name__ == "__main__":
    main()
