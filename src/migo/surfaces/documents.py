"""The three surfaces' OpenAPI documents, built without a server: what `migo openapi` writes and what the
client generators (`make clients`) read."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from migo.platform.settings import Settings

from .cms import build_cms
from .gateway import build_gateway
from .middleware import build_middleware

SURFACES: dict[str, Callable[[Settings], FastAPI]] = {
    "middleware": build_middleware,
    "gateway": build_gateway,
    "cms": build_cms,
}


def openapi_documents(settings: Settings) -> dict[str, dict[str, Any]]:
    """Each surface's document, by surface name."""
    return {name: build(settings).openapi() for name, build in SURFACES.items()}


def write_openapi_documents(folder: Path, settings: Settings) -> list[Path]:
    """`<surface>.json` for each surface in `folder`, in the order the server serves them (generators follow it)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, document in openapi_documents(settings).items():
        path = folder / f"{name}.json"
        path.write_text(json.dumps(document, indent=2) + "\n")
        written.append(path)
    return written
