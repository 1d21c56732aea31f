"""Recommendation references as plans and reports write them.

"Critère 3, Recommandation 6" · "Critère1, Recommandation 13" · "Critère 4, Recommandations
1 et 3" · "C2-R1" · "Recommandation n° 1, p.9" · "Rp.6 - 1" · "Recommandation principale
n°2" · "Recommandations principales n°1 et n°2 (synthèse)" · "Critère 1.2.1" · "Critère 5".
Each parsed reference gets a normalised `key` so that the same recommendation cited in a
plan and defined in an expert report can be matched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.extract.text import squash
from assistant.ids import fold

_NUM = r"\d+(?:\.\d+)*"
# a list member may repeat its prefix: « R1, R4 », « Recommandation 1 et Recommandation 4 »
_MEMBER_PREFIX = r"(?:(?:Recommandations?|Recos?\.?|Rec\.?|R)\s*)?(?:n\s*°\s*)?"
# (a year after a comma is a date, not a member: « Recommandation 3, 2025 »)
_AND_LIST = rf"{_NUM}(?:\s*(?:,|et|&|/)\s*{_MEMBER_PREFIX}(?!(?:19|20)\d\d\b){_NUM})*"
_PAGE = r"(?:,?\s*\(?\s*p(?:age)?\.?\s*(?P<page>\d+)\s*\)?)?"

_CRITERION_AND_RECS = re.compile(
    rf"(?:Crit[èe]re|Crit\.?|C)\s*(?P<crit>{_NUM})\s*[,;:\-–—/]?\s*"
    rf"(?:Recommandations?|Recos?\.?|Rec\.?|R)\s*(?:n\s*°\s*|no\.?\s*|#\s*)?(?P<nums>{_AND_LIST})"
    + _PAGE,
    re.IGNORECASE,
)
_PRINCIPAL = re.compile(
    rf"Recommandations?\s+principales?\s*(?:n\s*°\s*)?(?P<nums>{_AND_LIST})(?P<tail>\s*\((?:synth[èe]se)\))?"
    + _PAGE,
    re.IGNORECASE,
)
_RP = re.compile(r"\bRp\.?\s*(?P<page>\d+)\s*[-–]\s*(?P<nums>\d+)\b", re.IGNORECASE)
_PLAIN_REC = re.compile(
    rf"\b(?:Recommandations?|Reco\.?|Rec\.?)\s*(?:n\s*°\s*|no\.?\s*)?(?P<nums>{_AND_LIST})" + _PAGE,
    re.IGNORECASE,
)
_CRITERION_ONLY = re.compile(rf"\bCrit[èe]re\s*(?P<crit>{_NUM})\b", re.IGNORECASE)
_SHORT_R = re.compile(r"^\s*R\s*(?P<nums>\d+)\s*(?:$|[:.–—-]\s)", re.IGNORECASE)
# A cell listing short references: « R2 et R3 », « R1, R4 », « Rec. 2, 4 », « R1 à R3 ».
_SHORT_PREFIX = r"(?:R|Rec\.?|Reco\.?)\s*(?:n\s*°\s*)?"
# Short references opening a cell run into the wording after them (« R3/R5 Mettre en
# place… »): only before a capitalised word, the cell that follows.
_SHORT_LEAD = re.compile(
    rf"{_SHORT_PREFIX}\d{{1,2}}(?:\s*(?:,|;|et|&|/|à)\s*(?:{_SHORT_PREFIX})?\d{{1,2}})*"
    r"(?=\s+[A-ZÀÂÉÈÊÎÔÛÇ])"
)
_SHORT_LIST = re.compile(
    rf"^\s*{_SHORT_PREFIX}\d+(?:\s*(?:,|;|et|&|/|à)\s*(?:{_SHORT_PREFIX})?\d+)+\s*\.?\s*$",
    re.IGNORECASE,
)
_SHORT_MEMBER = re.compile(r"(?P<sep>à)?\s*(?:[a-z.°\s]*?)(?P<num>\d+)", re.IGNORECASE)
_MAX_RANGE = 12


@dataclass(frozen=True)
class Reference:
    """One recommendation reference."""

    ref: str  # as written (or rebuilt for one item of a list: "Critère 4, Recommandation 3")
    criterion: str | None  # "Critère 3"
    number: str | None
    page: str | None  # "p.9"
    qualifier: str | None = None  # "principale", "transversale", or None

    @property
    def key(self) -> str:
        """Normalised identity: same key = same recommendation."""
        if self.criterion is None and self.number is None:
            return "ref:" + re.sub(r"[^a-z0-9]+", "-", fold(self.ref)).strip("-")
        parts = []
        if self.criterion:
            parts.append("c" + self.criterion.split()[-1])
        if self.qualifier:
            parts.append(self.qualifier)
        if self.number:
            parts.append("r" + self.number)
        if self.page:
            parts.append(self.page.replace(".", ""))
        return "/".join(parts)


def _numbers(raw: str) -> list[str]:
    return re.findall(_NUM, raw)


def _criterion(raw: str) -> str:
    return f"Critère {raw}"


def parse_references(text: str, *, free_text_fallback: bool = False) -> list[Reference]:
    """Every recommendation reference in a text, in order, without duplicates.

    Args:
        text: a cell of a reference column, or a sentence.
        free_text_fallback: when nothing matches, return the whole (short) text as one
            reference with no number — right for a dedicated reference column
            ("Analyse Transversale Cursus Assistant Social p.14"), wrong for prose.
    """
    return list(_references(text, free_text_fallback))


@lru_cache(maxsize=4096)
def _references(text: str, free_text_fallback: bool) -> tuple[Reference, ...]:
    """`parse_references`, remembered: the extraction asks about each cell several times
    (a 30-page plan: 2,900 questions on 520 texts), and a `Reference` is immutable."""
    return tuple(_parse_references(text, free_text_fallback=free_text_fallback))


def _parse_references(text: str, *, free_text_fallback: bool) -> list[Reference]:
    if _SHORT_LIST.match(text):
        prefix = _short_prefix(text)
        return [
            Reference(f"{prefix}{num}", None, num, None) for num in dict.fromkeys(_short_list(text))
        ]
    found: list[tuple[int, Reference]] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    for match in _CRITERION_AND_RECS.finditer(text):
        nums = _numbers(match.group("nums"))
        page = f"p.{match.group('page')}" if match.group("page") else None
        crit = _criterion(match.group("crit"))
        for num in nums:
            ref = match.group(0).strip() if len(nums) == 1 else f"{crit}, Recommandation {num}"
            found.append((match.start(), Reference(ref, crit, num, page)))
        taken.append(match.span())
    for match in _PRINCIPAL.finditer(text):
        if not free(*match.span()):
            continue
        nums = _numbers(match.group("nums"))
        page = f"p.{match.group('page')}" if match.group("page") else None
        for num in nums:
            ref = match.group(0).strip() if len(nums) == 1 else f"Recommandation principale n°{num}"
            found.append((match.start(), Reference(ref, None, num, page, "principale")))
        taken.append(match.span())
    for match in _RP.finditer(text):
        if free(*match.span()):
            page = f"p.{match.group('page')}"
            found.append(
                (match.start(), Reference(match.group(0).strip(), None, match.group("nums"), page))
            )
            taken.append(match.span())
    for match in _PLAIN_REC.finditer(text):
        if not free(*match.span()):
            continue
        nums = _numbers(match.group("nums"))
        page = f"p.{match.group('page')}" if match.group("page") else None
        for num in nums:
            ref = match.group(0).strip() if len(nums) == 1 else f"Recommandation {num}"
            found.append((match.start(), Reference(ref, None, num, page)))
        taken.append(match.span())
    for match in _CRITERION_ONLY.finditer(text):
        if free(*match.span()):
            found.append(
                (
                    match.start(),
                    Reference(match.group(0).strip(), _criterion(match.group("crit")), None, None),
                )
            )
            taken.append(match.span())
    short = _SHORT_R.match(text)
    if short and not found:
        found.append((0, Reference(f"R{short.group('nums')}", None, short.group("nums"), None)))

    found.sort(key=lambda item: item[0])
    unique: list[Reference] = []
    for _, reference in found:
        if all(reference.key != other.key for other in unique):
            unique.append(reference)
    if not unique and free_text_fallback:
        stripped = " ".join(text.split())
        if (
            3 <= len(stripped) <= 100
            and len(stripped.split()) < 12
            and not re.fullmatch(r"[-–—/.\s]*|n\.?\s*a\.?|/|aucune?", fold(stripped))
        ):
            unique.append(Reference(stripped, None, None, None, _qualifier(stripped)))
    return unique


_WRITTEN_PREFIX = re.compile(r"^\s*(?P<prefix>R(?:eco?)?\.?)\s*(?:n\s*°\s*)?\d", re.IGNORECASE)


def _short_prefix(text: str) -> str:
    """How a short list names its members: « R » as « R2 », « Reco » as « Reco 2 », so a
    member is the same reference as the one cited alone in another row (« Reco 2 »)."""
    match = _WRITTEN_PREFIX.match(text)
    written = match["prefix"] if match else "R"
    return "R" if written.upper() == "R" else f"{written} "


def _short_list(text: str) -> list[str]:
    """The numbers of a short list, a range « R1 à R3 » counting each number it covers."""
    numbers: list[str] = []
    for match in _SHORT_MEMBER.finditer(text):
        number = int(match.group("num"))
        if match.group("sep") and numbers and 0 < number - int(numbers[-1]) <= _MAX_RANGE:
            numbers.extend(str(n) for n in range(int(numbers[-1]) + 1, number + 1))
        else:
            numbers.append(str(number))
    return numbers


def _qualifier(text: str) -> str | None:
    return "transversale" if "transversal" in fold(text) else None


# « ... » (Recommandation 5, p.7) — a quoted recommendation followed by its reference.
# « … », “ … ” or " … " (converters and word processors change the marks), then the reference.
QUOTED_RECOMMENDATION = re.compile(
    r"(?:«\s*(?P<guillemets>[^«»]{15,}?)\s*»|“\s*(?P<curly>[^“”]{15,}?)\s*”"
    r'|"\s*(?P<straight>[^"]{15,}?)\s*")'
    r"\s*\(\s*(?P<ref>(?:Recommandations?|Reco\.?|Rec\.|Rp\.?|R\s?\d|Crit[èe]re)[^()]{0,80}?)\s*\)",
    re.DOTALL,
)
OPENING_QUOTES = '«“"'
CLOSING_QUOTE = re.compile(r'[»”"]')


_SHORT_RECOMMENDATION = re.compile(r"^(?:R|Rec\.?)\s?(?=\d)", re.IGNORECASE)


def cited_references(ref: str) -> list[Reference]:
    """The references in the brackets after a quote; "R5, p.7" and "Rec. 5" included there."""
    return parse_references(_SHORT_RECOMMENDATION.sub("Recommandation ", ref.strip()))


def quoted_wording(match: re.Match[str]) -> str:
    """The quoted text of a `QUOTED_RECOMMENDATION` match, whatever the quotation marks."""
    return match.group("guillemets") or match.group("curly") or match.group("straight") or ""


# "Recommandation 3 : texte", "**Recommandation 3** – texte", "R3. texte" at the start of a
# line of an expert report: a recommendation being *defined*, not cited.
DEFINED_RECOMMENDATION = re.compile(
    rf"^\s*(?:[-•]\s*)?(?:Recommandation|Reco\.?|R)\s*(?:principale\s*)?(?:n\s*°\s*)?(?P<num>{_NUM})\s*[:.–—-]\s*(?P<text>\S.{{10,}})$",
    re.IGNORECASE,
)

CRITERION_HEADING = re.compile(
    rf"^\s*(?:#+\s*)?(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+|[IVX]+\.\s+)?Crit[èe]re\s*(?P<crit>{_NUM})\b\s*[:.–—-]?\s*(?P<title>.*)$",
    re.IGNORECASE,
)


def leading_reference(text: str) -> int:
    """How many characters of `text` a reference opens it with (« Critère 1.2.1 », « Rp.6 -
    1 », « C2-R1 », « Recommandation principale n°3 (synthèse) »), 0 when none does."""
    best = 0
    for pattern in (_CRITERION_AND_RECS, _PRINCIPAL, _RP, _PLAIN_REC, _CRITERION_ONLY, _SHORT_LEAD):
        match = pattern.match(text.lstrip())
        if match is not None:
            best = max(best, match.end() + len(text) - len(text.lstrip()))
    return best


_WORDING_AFTER_REFERENCE = re.compile(r"^\s*(?:\(.*?\))?\s*[:.–—-]\s*(?P<wording>\S.{19,})$", re.S)


def recommendation_heading(text: str) -> tuple[Reference, str] | None:
    """A row naming a recommendation and its wording ("Critère 3, Recommandation 2 : …",
    « Le comité recommande… » (Recommandation 2, p.7))."""
    quoted = QUOTED_RECOMMENDATION.match(text.strip())
    if quoted is not None and quoted.end() == len(text.strip()):
        cited = cited_references(quoted.group("ref"))
        return (cited[0], squash(quoted_wording(quoted))) if len(cited) == 1 else None
    references = parse_references(text)
    if len(references) != 1 or not text.lstrip().startswith(references[0].ref):
        return None
    match = _WORDING_AFTER_REFERENCE.match(text.lstrip()[len(references[0].ref) :])
    if match is None:
        return None
    return references[0], squash(match.group("wording")).strip(' «»"')
