"""The guides (`docs/*.md`) served as pages at `/guides`, beside the API references, with no internet.

The guides live at the project's root, where GitHub shows them; the server reads them from there, found from
this package's own place (`<root>/src/migo`, as the home folder is). An installed package has no checkout to
read them from: `/guides` then answers 404, like any guide that does not exist. The Markdown is ours, but it is
rendered with raw HTML off all the same (CommonMark plus tables, by markdown-it-py); links between guides
(`payment-links.md#paying`) become links between these pages, and headings get GitHub's anchors, so a link
that works on GitHub works here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from migo.platform.pages import page

INDEX = "README"
# A guide's name is its file's, lower case with hyphens: nothing that could name another folder or file.
_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
# A link to another guide, as the Markdown writes it for GitHub: `payment-links.md`, `README.md#start`.
_GUIDE_LINK = re.compile(r"(?P<name>[A-Za-z0-9][A-Za-z0-9-]*)\.md(?P<fragment>#[^\s]*)?")
# The guides write the address of `make run` in full; served, it is this server's own.
_LOCAL = "http://127.0.0.1:8000/"

_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; "
        "base-uri 'none'; form-action 'none'"
    ),
    "Referrer-Policy": "no-referrer",
}


def guides_folder() -> Path | None:
    """`<root>/docs` of a source checkout (an editable install, `make run`), else None."""
    package = Path(__file__).resolve().parents[1]
    root = package.parents[1]
    folder = root / "docs"
    if package.parent.name == "src" and (root / "pyproject.toml").is_file() and folder.is_dir():
        return folder
    return None


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _slug(heading: Token) -> str:
    """GitHub's anchor for a heading: its text in lower case, punctuation dropped, spaces as hyphens."""
    text = "".join(child.content for child in heading.children or [] if child.type in ("text", "code_inline"))
    return re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")


def _served_href(href: str) -> str | None:
    """Where a link of a guide leads when served: another guide's page, this server, or nowhere (a file of the
    repository, which only GitHub shows)."""
    guide = _GUIDE_LINK.fullmatch(href)
    if guide is not None:
        name = guide["name"]
        path = "/guides" if name == INDEX else f"/guides/{name}"
        return path + (guide["fragment"] or "")
    if href.startswith(_LOCAL):
        return "/" + href.removeprefix(_LOCAL)
    if href.startswith(("#", "http://", "https://", "mailto:")):
        return href
    return None


def render(text: str) -> tuple[str, str]:
    """The guide's title (its first heading) and its HTML."""
    markdown = _markdown()
    tokens = markdown.parse(text)
    title, seen = "", dict[str, int]()
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            inline = tokens[index + 1]
            slug = _slug(inline)
            count = seen.get(slug, 0)
            seen[slug] = count + 1
            token.attrSet("id", f"{slug}-{count}" if count else slug)
            title = title or inline.content.replace("`", "")
        for child in token.children or []:
            if child.type == "link_open":
                href = _served_href(str(child.attrGet("href") or ""))
                if href is None:  # a file of the repository: its name stays, as text
                    child.attrs.pop("href", None)
                    child.attrSet("class", "repository-file")
                else:
                    child.attrSet("href", href)
    return title, markdown.renderer.render(tokens, markdown.options, {})


@lru_cache(maxsize=64)
def _rendered(path: Path, modified: int) -> tuple[str, str]:
    return render(path.read_text(encoding="utf-8"))


def _guide_file(name: str) -> Path | None:
    folder = guides_folder()
    if folder is None or not _NAME.fullmatch(name):
        return None
    # Only a file the folder lists: the name is looked up, never joined into a path from the request.
    files = {path.stem: path for path in folder.glob("*.md") if path.is_file()}
    return files.get(INDEX if name == "index" else name)


def _page(request: Request, name: str) -> Response:
    path = _guide_file(name)
    if path is None:
        context: dict[str, Any] = {"heading": "Guide not found", "message": "There is no guide by that name here."}
        return page(request, "not_found.html", context, status_code=404, headers=_HEADERS)
    title, body = _rendered(path, path.stat().st_mtime_ns)
    context = {"title": title, "body": body, "is_index": path.stem == INDEX}
    return page(request, "guide.html", context, headers=_HEADERS)


async def guides_index(request: Request) -> Response:
    """`/guides`: the index of the guides (docs/README.md)."""
    return _page(request, "index")


async def guide(request: Request) -> Response:
    """`/guides/{name}`: one guide (docs/{name}.md)."""
    return _page(request, request.path_params["name"])


routes: list[BaseRoute] = [
    Route("/guides", guides_index, methods=["GET"], include_in_schema=False),
    Route("/guides/{name}", guide, methods=["GET"], include_in_schema=False),
]
