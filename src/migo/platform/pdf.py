"""What every PDF Migo renders shares: the core fonts' Latin-1, and numbered pages."""

from __future__ import annotations

import unicodedata

from fpdf import FPDF

from migo.platform import i18n
from migo.platform.i18n import N_


def latin1(text: str) -> str:
    """The PDF's core font speaks Latin-1: "Pérez" stays, "Șerban" loses the comma, "Łukasz" gets a '?'."""

    def printable(char: str) -> str:
        if ord(char) < 256:
            return char
        base = "".join(part for part in unicodedata.normalize("NFKD", char) if not unicodedata.combining(part))
        return base if base and all(ord(part) < 256 for part in base) else "?"

    return "".join(printable(char) for char in unicodedata.normalize("NFKC", text))


class NumberedPdf(FPDF):
    """An A4 document whose every page ends with "Page n of N" (in `language`) and the document's title."""

    def __init__(self, title: str, language: str = i18n.SOURCE_LANGUAGE) -> None:
        super().__init__(format="A4")
        self.page_of = latin1(i18n.translate(language, N_("Page %(page)s of %(pages)s")))
        self.document_title = latin1(title)
        self.set_title(self.document_title)
        self.set_auto_page_break(auto=True, margin=18)
        self.alias_nb_pages()

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", size=8)
        self.set_text_color(110)
        self.cell(0, 6, self.document_title)
        self.cell(0, 6, self.page_of % {"page": self.page_no(), "pages": "{nb}"}, align="R")
        self.set_text_color(0)
