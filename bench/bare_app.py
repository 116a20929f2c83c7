"""The framework's own floor: FastAPI on uvicorn, as `migo serve` runs them (2 processes, no access log), one
route that parses a JSON body into a model and answers it. `make bench` measures its CPU per request beside
Migo's routes, so what our per-request machinery adds is a difference of one run, not an estimate.

    .venv/bin/python bench/bare_app.py PORT
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict
from pydantic.alias_generators import to_camel


class Transfer(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    source_card_id: str
    target_card_id: str
    amount: Decimal


def create_app() -> FastAPI:
    app = FastAPI()

    @app.post("/rest/cards/transfer")
    async def echo(body: Transfer) -> dict[str, object]:
        return body.model_dump(mode="json", by_alias=True)

    @app.get("/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    return app


if __name__ == "__main__":
    uvicorn.run(
        "bare_app:create_app",
        app_dir=str(Path(__file__).parent),
        factory=True,
        host="127.0.0.1",
        port=int(sys.argv[1]),
        workers=2,
        log_level="warning",
        access_log=False,
        server_header=False,
    )
