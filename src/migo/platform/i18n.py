"""The languages the hosted pages and the card statement speak: English, the language of the source, and one
gettext catalog per other language (src/migo/locale/<lang>/LC_MESSAGES/migo.po). Adding a language is adding
its catalog.

The catalogs are compiled in memory when first used (Babel reads the .po, writes the .mo to a buffer), so a
fresh clone needs no build step and no compiled file can drift from its source.
"""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

DOMAIN = "migo"
SOURCE_LANGUAGE = "en"
CATALOGS = Path(__file__).resolve().parent.parent / "locale"


def _catalog_path(language: str) -> Path:
    return CATALOGS / language / "LC_MESSAGES" / f"{DOMAIN}.po"


# Every language a page can be shown in: English and each language with a catalog.
LANGUAGES: tuple[str, ...] = (
    SOURCE_LANGUAGE,
    *sorted(path.name for path in CATALOGS.iterdir() if _catalog_path(path.name).is_file()),
)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The language's messages; English (the msgids themselves) for the source language or an unknown one."""
    if language == SOURCE_LANGUAGE or language not in LANGUAGES:
        return gettext.NullTranslations()
    with _catalog_path(language).open("rb") as source:
        catalog = read_po(source, domain=DOMAIN)  # its header tells its language and plural forms
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def gettext_noop(message: str) -> str:
    """Marks a message for the catalog where it is defined; it is translated where it is shown."""
    return message


# The conventional short name, which Babel's extractor knows.
N_ = gettext_noop


def translate(language: str, message: str) -> str:
    return translations(language).gettext(message)


def from_accept_language(header: str | None) -> str | None:
    """The first language of an `Accept-Language` header (by its q-values) that Migo speaks, or None."""
    wanted: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        if tag and quality > 0:
            wanted.append((-quality, position, tag.strip()))
    for _, _, tag in sorted(wanted):
        try:
            language = Locale.parse(tag, sep="-").language if tag != "*" else None
        except (ValueError, UnknownLocaleError):
            continue
        if language in LANGUAGES:
            return language
    return None


def choose(*preferences: str | None, accept_language: str | None = None) -> str:
    """The first of `preferences` Migo speaks (a link's own, its partner's), else the browser's, else English."""
    for preference in preferences:
        if preference in LANGUAGES:
            return preference
    return from_accept_language(accept_language) or SOURCE_LANGUAGE
