"""The leak scanner's rules: what in a log line or an error body counts as card data or a secret.

Pure functions over text, no pytest and no I/O, so the rules are unit-tested on their own
(tests/test_leakscan.py). Four rules, each for what can be recognised its own way:

1. **PAN by shape.** A run of 13-19 digits that passes Luhn (`migo.platform.pan.is_valid`), written plain
   (`4242424242424242`) or in the groups people type (`4242 4242 4242 4242`, `4242-4242-4242-4242`, Amex
   4-6-5, Diners 4-6-4) with one separator throughout. The run must stand alone: a digit run glued to letters
   (inside a hex digest or a request id) is not a card number, and neither is a UUID's digit groups
   (8-4-4-4-12), nor a placeholder (a number starting with 0, or one digit repeated). Masked forms
   (`424242…4242`, `424242******4242`) never have 13 digits in a row, so they pass.
2. **Known secrets, long.** Every value the tests know to be secret (registered, or harvested from the
   requests and answers that carry it, see capture.py) whose longest run of `[A-Za-z0-9_-]` looks random (8
   characters or more mixing lower case, upper case and digits, or 20 or more) is looked for anywhere, by
   that run: client secrets, signing secrets, merchant tokens, private keys, access and refresh tokens,
   passwords (PANs are rule 1's). Finding the run is the leak, even when the rest of the value was mangled on
   the way (a PEM's newlines escaped, say).
3. **Known secrets, short.** CVVs ("123"), PINs ("4827"), OTP codes ("048213") and other values without a long
   random run (a weak password a test sends, "password"; a bare number) would match by chance inside
   timestamps, amounts, ids and prose, so they count only where they would be a leak: right after a field
   name that says what they are, with at most quotes, `:`/`=` and spaces between: `"pin": "4827"`, `cvv=123`,
   `pin='4827'` (a model's repr), `input_value='4827'` (Pydantic's error text), `'input': '4827'` (FastAPI's),
   `PIN 4827`, `secret not-a-secret`. For `code` the value must be quoted (`"code": 7211` is an error code).
   The rule for test authors: a short secret is only looked for beside its field's name, so send it in a
   field named for what it is (`cvv`, `pin`, `newPin`, `code`, `password`); a secret a test needs found
   anywhere must look random (8+ characters of `[A-Za-z0-9_-]` mixing classes: rule 2 applies).
4. **Secret fields with a value.** Whatever the value, known or not, a field named cvv, cvc, pin, password,
   secret, privateKey, cardNumber, pan, … (`newPin`, `clientSecret`, `refresh_token`: the last word of the
   name decides) that carries a literal in JSON (`"pin": "0000"`) or in `key=value` form (`pin='0000'`) is a
   leak, unless the value is a redaction (`[REDACTED]`, anything with `*`, `…` or `•`, null/None, booleans).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import unquote

from migo.platform import pan
from migo.platform.secrets import Secret as MaskedSecret

# --- rule 1: PAN by shape ---------------------------------------------------------------------------------

_NUMBER_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9]+(?:[ -][0-9]+)*(?![0-9A-Za-z])")
_GROUPED_SHAPES = ((4, 6, 5), (4, 6, 4))  # Amex and Diners as printed


def _grouped_like_a_card(sizes: list[int]) -> bool:
    total = sum(sizes)
    if not 13 <= total <= 19:
        return False
    if len(sizes) == 1:
        return True
    if tuple(sizes) in _GROUPED_SHAPES:
        return True
    return all(size == 4 for size in sizes[:-1]) and 1 <= sizes[-1] <= 4


def _could_be_issued(digits: str) -> bool:
    """Luhn-valid, and not a placeholder: no card number starts with 0 (ISO/IEC 7812's industry digit 0 is
    not issued to cards) or repeats one digit (`0000 0000 0000 0000` in a form's placeholder)."""
    return digits[0] != "0" and len(set(digits)) > 1 and pan.is_valid(digits)


def find_card_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, digits) of every Luhn-valid card number written plain or grouped in `text`."""
    found: list[tuple[int, int, str]] = []
    for match in _NUMBER_RUN.finditer(text):
        run = match.group(0)
        if len(run) < 13:
            continue
        # Groups with their offsets, and the separator before each group.
        groups = [(m.start(), m.group(0)) for m in re.finditer(r"[0-9]+", run)]
        separators = [run[start - 1] if index else "" for index, (start, _) in enumerate(groups)]
        index = 0
        while index < len(groups):
            hit = None
            for last in range(len(groups) - 1, index - 1, -1):
                span = groups[index : last + 1]
                if len(set(separators[index + 1 : last + 1])) > 1:
                    continue
                digits = "".join(group for _, group in span)
                if _grouped_like_a_card([len(group) for _, group in span]) and _could_be_issued(digits):
                    start = match.start() + span[0][0]
                    end = match.start() + span[-1][0] + len(span[-1][1])
                    hit = (start, end, digits, last)
                    break
            if hit is None:
                index += 1
                continue
            found.append(hit[:3])
            index = hit[3] + 1
    return found


# --- rules 2 and 3: known secrets -------------------------------------------------------------------------

_ATOM = re.compile(r"[A-Za-z0-9_-]+")
# JSON and repr escapes (`\n` before a PEM line, say) would glue their letter to the atom after them.
_ESCAPE = re.compile(r"\\(?:u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)")
LONG_ATOM = 8

_WORD = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def normalized_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


def last_word(key: str) -> str:
    words = _WORD.findall(key)
    return words[-1].lower() if words else ""


# Field names after which a short known value is a leak (rule 3), normalized (lower case, no separators).
SHORT_CONTEXT_KEYS = frozenset(
    {
        "cvv",
        "cvc",
        "cvv2",
        "cvc2",
        "securitycode",
        "pin",
        "newpin",
        "currentpin",
        "oldpin",
        "otp",
        "otpcode",
        "code",
        "verificationcode",
        "password",
        "newpassword",
        "currentpassword",
        "oldpassword",
        "passcode",
        "cardnumber",
        "pan",
        "inputvalue",
        "input",
        "secret",
        "clientsecret",
        "signingsecret",
        "privatekey",
        "token",
        "accesstoken",
        "refreshtoken",
        "viewtoken",
        "merchanttoken",
        "authorization",
        "bearer",
    }
)
_QUOTED_ONLY_KEYS = frozenset({"code"})


@dataclass(frozen=True)
class Secret:
    kind: str
    value: str


def looks_random(atom: str) -> bool:
    """Long enough, and mixing character classes, to be found anywhere without meaning anything else: a word
    ("password", sent by a test as a weak one) or a bare number is only looked for beside its field."""
    classes = sum(any(test(char) for char in atom) for test in (str.islower, str.isupper, str.isdigit))
    return len(atom) >= LONG_ATOM and (classes >= 2 or len(atom) >= 20)


@dataclass(frozen=True)
class Index:
    long: dict[str, list[Secret]]  # by the secret's longest atom
    short: dict[str, Secret]  # by value
    short_phrases: tuple[str, ...]  # short values that are not one atom ("correct horse", "4242 4242 …")


class KnownSecrets:
    """Values the tests know to be secret, by kind. Public values (client ids, public keys, slugs) registered
    with `add_public` are never treated as secret, whoever harvested them."""

    def __init__(self) -> None:
        self._kinds: dict[str, str] = {}
        self._public: set[str] = set()
        self._index: Index | None = None

    def add(self, kind: str, value: object) -> None:
        if value is None or isinstance(value, bool):
            return
        if isinstance(value, MaskedSecret):
            value = value.reveal()  # its str() is the mask, which is what the app is meant to write
        text = str(value).strip()
        if len(text) < 3 or text in self._kinds:
            return
        self._kinds[text] = kind
        self._index = None

    def add_public(self, value: object) -> None:
        if value is not None and str(value) not in self._public:
            self._public.add(str(value))
            self._index = None

    def __len__(self) -> int:
        return len(self._kinds)

    def index(self) -> Index:
        if self._index is None:
            long: dict[str, list[Secret]] = {}
            short: dict[str, Secret] = {}
            for value, kind in self._kinds.items():
                if value in self._public:
                    continue
                secret = Secret(kind, value)
                atom = max(_ATOM.findall(value), key=len, default="")
                if looks_random(atom) and atom not in self._public:
                    long.setdefault(atom, []).append(secret)
                else:
                    short[value] = secret
            phrases = tuple(value for value in short if not _ATOM.fullmatch(value))
            self._index = Index(long, short, phrases)
        return self._index


# --- rule 4: secret fields with a value ---------------------------------------------------------------------

SECRET_FIELD_WORDS = frozenset({"cvv", "cvc", "cvv2", "cvc2", "pin", "password", "passcode", "secret", "otp"})
SECRET_FIELD_KEYS = frozenset(
    {
        "privatekey",
        "cardnumber",
        "pan",
        "accesstoken",
        "refreshtoken",
        "viewtoken",
        "usertoken",
        "merchanttoken",
        "token",
        "authorization",
        "authheadervalue",
        "otpcode",
    }
)
_FIELD_HINT = re.compile(r"(?i)cvv|cvc|pin|pass|secret|private|card_?number|token|authorization|header_?value|pan|otp")
_FIELD = re.compile(
    r"""(?:(?P<q>["'])(?P<k1>[A-Za-z_][\w-]*)(?P=q)\s*:|(?<![\w-])(?P<k2>[A-Za-z_][\w-]*)\s*=)\s*"""
    r"""(?P<v>"(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;&)}\]"']+)"""
)
_NOT_A_VALUE = frozenset({"", "none", "null", "true", "false", "[redacted]", "redacted"})


def is_secret_field(key: str) -> bool:
    return last_word(key) in SECRET_FIELD_WORDS or normalized_key(key) in SECRET_FIELD_KEYS


def is_redaction(value: str) -> bool:
    bare = value.strip("\"'").strip()
    return bare.lower() in _NOT_A_VALUE or any(mark in bare for mark in ("*", "…", "•", "[REDACTED]"))


# --- the scan ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    rule: str
    kind: str
    value: str
    excerpt: str  # the text around it, every finding in it masked


def mask(value: str, kind: str = "") -> str:
    """A value as a report may show it: never whole."""
    digits = re.sub(r"[ -]", "", value)
    if kind.startswith("PAN") and digits.isdigit() and len(digits) >= 13:
        return f"{digits[:6]}…{digits[-4:]}"
    if len(value) <= 8:
        return f"{'•' * len(value)} ({len(value)} chars)"
    return f"{value[:4]}…{value[-2:]} ({len(value)} chars)"


@dataclass(frozen=True)
class _Hit:
    rule: str
    kind: str
    value: str
    start: int
    end: int


class Scanner:
    def __init__(self, known: KnownSecrets) -> None:
        self.known = known

    def scan(self, text: str) -> list[Finding]:
        hits = self._hits(text)
        findings = [Finding(h.rule, h.kind, h.value, _excerpt(text, hits, h)) for h in hits]
        if "%" in text:  # a secret in a query string or a form body, percent-encoded
            decoded = unquote(text)
            if decoded != text:
                seen = {(f.rule, f.value) for f in findings}
                hits = self._hits(decoded)
                findings += [
                    Finding(h.rule, h.kind, h.value, _excerpt(decoded, hits, h))
                    for h in hits
                    if (h.rule, h.value) not in seen
                ]
        return findings

    def _hits(self, text: str) -> list[_Hit]:
        hits = [_Hit("card number (Luhn)", "PAN", d, s, e) for s, e, d in find_card_numbers(text)]
        index = self.known.index()
        if index.long or index.short:
            atoms = set(_ATOM.findall(_ESCAPE.sub(" ", text)))
            for atom in atoms.intersection(index.long):
                for secret in index.long[atom]:
                    start = text.find(secret.value)
                    end = start + len(secret.value)
                    if start < 0:
                        start = text.find(atom)
                        end = start + len(atom)
                    hits.append(_Hit("known secret", secret.kind, secret.value, start, end))
            candidates = list(atoms.intersection(index.short))
            candidates += [value for value in index.short_phrases if value in text]
            for value in candidates:
                hits += _short_in_context(text, index.short[value])
        if _FIELD_HINT.search(text):
            hits += _secret_fields(text)
        return _without_overlaps(hits)


@functools.lru_cache(maxsize=4096)
def _context_pattern(value: str) -> re.Pattern[str]:
    return re.compile(
        r"(?P<key>[A-Za-z_][\w-]*)[\"']?(?:\s*[:=]\s*|\s+)(?P<q>[\"']?)" + re.escape(value) + r"(?![A-Za-z0-9])"
    )


def _short_in_context(text: str, secret: Secret) -> list[_Hit]:
    found = []
    for match in _context_pattern(secret.value).finditer(text):
        key = normalized_key(match.group("key"))
        if key not in SHORT_CONTEXT_KEYS or (key in _QUOTED_ONLY_KEYS and not match.group("q")):
            continue
        found.append(
            _Hit("known secret in a field", secret.kind, secret.value, match.end() - len(secret.value), match.end())
        )
    return found


def _secret_fields(text: str) -> list[_Hit]:
    found = []
    for match in _FIELD.finditer(text):
        key = match.group("k1") or match.group("k2")
        value = match.group("v")
        if not is_secret_field(key) or is_redaction(value) or value.endswith("("):
            continue
        quoted = value[:1] in "\"'" and len(value) > 1
        bare = value[1:-1] if quoted else value
        start = match.start("v") + (1 if quoted else 0)
        found.append(_Hit(f"value of a secret field ({key})", "field value", bare, start, start + len(bare)))
    return found


def _without_overlaps(hits: list[_Hit]) -> list[_Hit]:
    """One finding per stretch of text: the first rule that named it (PAN, known, field) wins."""
    kept: list[_Hit] = []
    for hit in hits:
        if hit.start < 0 or any(hit.start < k.end and k.start < hit.end for k in kept):
            continue
        kept.append(hit)
    return kept


def _excerpt(text: str, hits: list[_Hit], focus: _Hit, width: int = 70) -> str:
    """The text around `focus`, one line, with every hit in it masked."""
    start, end = max(0, focus.start - width), min(len(text), focus.end + width)
    pieces, cursor = [], start
    for hit in sorted(hits, key=lambda h: h.start):
        if hit.end <= cursor or hit.start >= end:
            continue
        pieces += [text[cursor : max(hit.start, cursor)], f"«{mask(hit.value, hit.kind)}»"]
        cursor = min(hit.end, end)
    pieces.append(text[cursor:end])
    shown = "".join(pieces).replace("\n", "\\n")
    return ("…" if start else "") + shown + ("…" if end < len(text) else "")
