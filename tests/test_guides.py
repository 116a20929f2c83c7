"""The guides (docs/*.md) are served at /guides beside the API references, and their links lead somewhere: on
GitHub (files and headings that exist) and on the served pages (each other's pages)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from migo.surfaces.guides import render

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
GUIDES = sorted(path.stem for path in DOCS.glob("*.md") if path.stem != "README")
PAGES = [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def anchors(path: Path) -> set[str]:
    """The ids GitHub (and the served page) gives the headings of a Markdown file."""
    return set(re.findall(r'<h[1-6] id="([^"]+)"', render(path.read_text(encoding="utf-8"))[1]))


def links(path: Path) -> list[str]:
    hrefs = []
    for token in MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8")):
        hrefs += [str(child.attrGet("href")) for child in token.children or [] if child.type == "link_open"]
    return hrefs


async def test_the_index_lists_every_guide(client):
    response = await client.get("/guides")
    assert response.status_code == 200
    assert "<h1" in response.text and "Migo guides" in response.text
    for name in GUIDES:
        assert f'href="/guides/{name}"' in response.text, name
    assert 'href="/docs"' in response.text and 'href="/errors"' in response.text  # the references, on this server
    assert "script-src" not in response.headers["content-security-policy"]  # default-src 'none': no script at all


@pytest.mark.parametrize("name", GUIDES)
async def test_each_guide_is_a_page(client, name):
    response = await client.get(f"/guides/{name}")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert 'href="/guides"' in response.text  # back to the index
    assert not re.search(r'href="[^"]*\.md', response.text), "a link to a .md file was not rewritten"


async def test_links_between_guides_lead_to_pages_and_headings(client):
    page = (await client.get("/guides/quick-start")).text
    assert 'href="/guides/sandbox#the-shell-setup-every-guide-starts-with"' in page
    assert 'id="the-shell-setup-every-guide-starts-with"' in (await client.get("/guides/sandbox")).text
    assert 'href="/guides/operations#the-home-folder"' in page


@pytest.mark.parametrize("path", ["/guides/nope", "/guides/README", "/guides/..%2Fpyproject", "/guides/%2E%2E"])
async def test_an_unknown_or_path_like_name_is_not_found(client, path):
    response = await client.get(path)
    assert response.status_code == 404
    assert "[project]" not in response.text


async def test_the_home_page_and_the_error_codes_link_to_the_guides(client):
    assert 'href="/guides"' in (await client.get("/")).text
    assert 'href="/guides/errors"' in (await client.get("/errors")).text


def test_raw_html_in_a_guide_is_shown_as_text():
    _, html = render("# A\n\n<script>alert(1)</script> and [x](javascript:alert(1))\n")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html


def test_a_file_of_the_repository_stays_text_when_served():
    _, html = render("[the SDK](../clients/python/README.md) and [a guide](webhooks.md#targets)\n")
    assert '<a class="repository-file">the SDK</a>' in html
    assert '<a href="/guides/webhooks#targets">a guide</a>' in html


@pytest.mark.parametrize("page", PAGES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_relative_link_leads_to_a_file_and_heading_that_exist(page):
    for href in links(page):
        if re.match(r"[a-z]+:", href):
            continue
        target, _, fragment = href.partition("#")
        path = (page.parent / target).resolve() if target else page
        assert path.exists(), f"{page.name}: {href} leads nowhere"
        if fragment and path.suffix == ".md":
            assert fragment in anchors(path), f"{page.name}: {href}: no such heading"


def test_the_readme_is_short_and_names_every_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 120
    for name in GUIDES:
        assert f"(docs/{name}.md)" in readme, name
