"""Expert reports read as committees write them.

An AEQES report has a chapter per criterion, and in each chapter sections: « Constats et
analyses », « Forces principales », « Points d'amélioration », « Recommandations »; often a
synthesis listing the main recommendations (« principale n°k »), a final summary table.
Only the items of a recommendations section are recommendations; strengths and points to
improve are kept as `Finding`s (evidence for the audit and the chat). The report's own
numbering is kept with each recommendation: its number within the criterion, its running
number across the report, its rank on its page (what « Rp.6 - 1 » cites) and its rank
among the main recommendations.

The section vocabulary is data (`data/report_sections.json`). Items are read whatever the
format says of them: a list mark (a bullet glyph, a dash, « 1. », a Word number rendered
by the reader), « Recommandation 3 : … », or — when the list has no marks, as Word lists
whose numbering the reader did not render — one paragraph per item. A committee that
writes its recommendations inside its analysis quotes them: « Le comité formule la
recommandation suivante : » (or « … recommande : ») then the quotation, on the same line
or as the next paragraph; the quotation is a recommendation of the chapter's criterion.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

from assistant.extract.builder import PlanBuilder
from assistant.extract.references import CRITERION_HEADING, DEFINED_RECOMMENDATION, Reference
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.text import is_private_glyph, squash
from assistant.ids import fold, item_id
from assistant.schema import Finding, FindingKind, Span

_DATA = Path(__file__).with_name("data") / "report_sections.json"


class Section(StrEnum):
    """The kinds of section of an expert report."""

    PRINCIPAL = "principal"  # the synthesis' main recommendations
    RECOMMENDATION = "recommendation"
    STRENGTH = "strength"
    IMPROVEMENT = "improvement"
    ANALYSIS = "analysis"  # constats, introduction, conclusion: prose, no items
    SUMMARY = "summary"  # the final summary table (read by `recommendation_tables`)


_ORDER = (
    Section.SUMMARY,
    Section.PRINCIPAL,
    Section.RECOMMENDATION,
    Section.STRENGTH,
    Section.IMPROVEMENT,
    Section.ANALYSIS,
)
_CHAPTER_NUMBER = re.compile(r"^\s*(?:#+\s*)?(?:\d+(?:\.\d+)*\.?|[IVX]+\.|[A-H]\.)\s+")
_BULLET_MARKS = "-–•▪◦●·*"
#: « Le comité formule la recommandation suivante : », « Il recommande dès lors : » (folded).
_QUOTE_INTRO = re.compile(r"\brecommand\w*\b[^.;«»]{0,60}:\s*$")
_QUOTE_INLINE = re.compile(r"\brecommand\w*\b[^.;«»]{0,60}:\s*«")
_LIST_MARK = re.compile(r"^\s*(?:(?P<num>\d{1,2})\s*[.)°]|(?P<letter>[a-h])\)|[-–•▪◦●·*])\s+(?=\S)")


@cache
def _vocabulary() -> dict[Section, tuple[str, ...]]:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    return {section: tuple(data[section.value]) for section in _ORDER}


def section_heading(line: Line) -> Section | None:
    """The report section a heading opens ("Forces principales", "3.2 Recommandations :")."""
    text = line.text
    if len(text) > 90 or (line.heading_level is None and text.rstrip().endswith((".", ";"))):
        return None
    key = fold(_CHAPTER_NUMBER.sub("", text)).replace("’", "'").strip(" #*:")
    for section in _ORDER:
        for phrase in _vocabulary()[section]:
            if not key.startswith(phrase):
                continue
            rest = key[len(phrase) :]
            if not rest:
                return section
            if rest[0] in " :(" and not re.search(r"\d|n°", rest) and len(rest) <= 40:
                return section
    return None


def _mark(line: Line) -> re.Match[str] | None:
    return _LIST_MARK.match(line.text)


def _glyph_bullet(line: Line) -> bool:
    """A bullet from a symbol font (PDF), dropped from `text` but still in `raw`."""
    stripped = line.raw.lstrip()
    return bool(stripped) and (is_private_glyph(stripped[0]) or stripped[0] in "•▪◦●·")


def _starts_item(line: Line) -> bool:
    return (
        _mark(line) is not None
        or _glyph_bullet(line)
        or DEFINED_RECOMMENDATION.match(line.text) is not None
    )


def _looks_like_title(text: str) -> bool:
    return (
        len(text) < 70 and text[:1].isupper() and not text.rstrip().endswith((".", ",", ";", ":"))
    )


@dataclass(frozen=True)
class ReportItem:
    """One item of a section: its number as written (if any), its text, where it is."""

    number: str | None
    text: str
    span: Span
    used: int  # lines it takes
    defined: bool  # written « Recommandation n : … »
    principal: bool = False  # written « Recommandation principale n°k : … »


def read_item(items: list[Item], start: int) -> ReportItem | None:
    """The item starting at items[start], with its continuation lines."""
    first = items[start]
    if not isinstance(first, Line) or first.heading_level is not None:
        return None
    if section_heading(first) is not None or CRITERION_HEADING.match(first.text):
        return None
    number: str | None = None
    defined = DEFINED_RECOMMENDATION.match(first.text)
    if defined is not None:
        number, head = defined.group("num"), defined.group("text")
    elif (mark := _mark(first)) is not None:
        number, head = mark.group("num"), first.text[mark.end() :]
    else:
        head = first.text.lstrip(_BULLET_MARKS + " ")
    lines = [first]
    for item in items[start + 1 : start + 30]:
        if (
            not isinstance(item, Line)
            or item.paragraph_start
            or item.gap_before > 0
            or item.heading_level is not None
            or _starts_item(item)
            or section_heading(item) is not None
            or CRITERION_HEADING.match(item.text)
        ):
            break
        if lines[-1].text.endswith(".") and _looks_like_title(item.text):
            break  # PDF paragraphs carry no heading marks: "… étudiants." then "Conclusion"
        lines.append(item)
    text = squash(" ".join([head, *(line.text for line in lines[1:])]))
    if len(text) < 10:
        return None
    principal = defined is not None and "principal" in fold(first.text[: defined.start("num")])
    return ReportItem(
        number,
        text,
        merge_spans(lines[0].span, lines[-1].span, text),
        len(lines),
        defined is not None,
        principal,
    )


def _introduces_quote(items: list[Item], index: int) -> bool:
    """Does the line before items[index] announce a quoted recommendation?"""
    if index == 0 or not isinstance(before := items[index - 1], Line):
        return False
    text = fold(before.text)
    if not text.rstrip().endswith(":"):
        return False
    if _QUOTE_INTRO.search(text):
        return True
    # the announcement may wrap (PDF lines): the end of the line before it counts too
    if before.paragraph_start or index < 2 or not isinstance(earlier := items[index - 2], Line):
        return False
    return _QUOTE_INTRO.search(fold(earlier.text)[-60:] + " " + text) is not None


def quoted_recommendation(items: list[Item], index: int) -> ReportItem | None:
    """A recommendation the committee quotes in its analysis (see the module's docstring)."""
    line = items[index]
    if not isinstance(line, Line) or line.heading_level is not None:
        return None
    stripped = line.text.lstrip()
    inline = _QUOTE_INLINE.search(fold(stripped))
    if not (stripped.startswith("«") and _introduces_quote(items, index)) and inline is None:
        return None
    item = read_item(items, index)
    if item is None:
        return None
    text = item.text
    text = text[text.index("«") + 1 :] if "«" in text else text
    text = squash(text.replace("»", " "))
    if len(text) < 10:
        return None
    return ReportItem(item.number, text, item.span, item.used, defined=False)


@dataclass
class ReportReader:
    """Walks the sections of an expert report, beside the plan extractor's walker.

    `line` is offered every prose line; it returns how many lines it consumed, or None
    when the line is not part of a report section (the walker's other rules apply).
    """

    plan: PlanBuilder
    section: Section | None = None
    criterion: str | None = None
    findings: list[Finding] = field(default_factory=list)
    _per_criterion: dict[str | None, int] = field(default_factory=dict)
    _per_page: dict[int, int] = field(default_factory=dict)
    _running: int = 0
    _principal: int = 0
    _marked: bool = False  # the current section's items carry list marks
    # The last recommendation defined « Recommandation n : … »: actions written below it
    # in the same document answer it (a plan that restates the report).
    placement: tuple[str, Span] | None = None

    def new_criterion(self, criterion: str) -> None:
        self.criterion = criterion
        self.section = None

    def line(self, items: list[Item], index: int) -> int | None:
        line = items[index]
        assert isinstance(line, Line)
        heading = section_heading(line)
        if heading is not None:
            self.section = heading
            self._marked = False
            return 1
        if self.section in (None, Section.ANALYSIS):
            quoted = quoted_recommendation(items, index)
            if quoted is not None:
                self.placement = None
                self._recommendation(quoted)
                return quoted.used
        if self.section in (None, Section.ANALYSIS, Section.SUMMARY):
            if line.heading_level is not None:
                self.section = None
            return None
        if line.heading_level is not None:
            self.section = None  # another heading closes the section
            return None
        marked = _starts_item(line)
        if self._marked and not marked and line.paragraph_start:
            self.section = None  # unmarked prose after a marked list: the list is over
            return None
        item = read_item(items, index)
        if item is None:
            return None
        self.placement = None
        self._marked = self._marked or marked
        if self.section in (Section.STRENGTH, Section.IMPROVEMENT):
            self._finding(item)
        else:
            self._recommendation(item)
        return item.used

    def _finding(self, item: ReportItem) -> None:
        kind = FindingKind.STRENGTH if self.section is Section.STRENGTH else FindingKind.IMPROVEMENT
        document = self.plan.document.id
        occurrence = sum(1 for f in self.findings if f.text == item.text)
        self.findings.append(
            Finding(
                id=item_id(f"finding-{kind.value}", document, item.text, occurrence),
                document_id=document,
                kind=kind,
                criterion=self.criterion,
                text=item.text,
                source=item.span,
            )
        )

    def _recommendation(self, item: ReportItem) -> None:
        principal = self.section is Section.PRINCIPAL or item.principal
        if principal:
            self._principal += 1
            number = item.number or str(self._principal)
            reference = Reference(
                f"Recommandation principale n°{number}", None, number, None, "principale"
            )
        else:
            counted = self._per_criterion.get(self.criterion, 0) + 1
            number = item.number or str(counted)
            self._per_criterion[self.criterion] = max(counted, int(number))
            self._running += 1
            crit = self.criterion
            ref = f"{crit}, Recommandation {number}" if crit else f"Recommandation {number}"
            reference = Reference(ref, crit, number, None)
        known = reference.key in self.plan.recommendations
        rec_id = self.plan.recommendation(reference, item.span, item.text)
        self.placement = (rec_id, item.span) if item.defined else None
        if known:
            return
        identity: dict[str, int | None] = {
            "principal": int(number) if principal else None,
            "global_number": None if principal else self._running,
        }
        page = item.span.page
        if page is not None:
            self._per_page[page] = self._per_page.get(page, 0) + 1
            identity["page_index"] = self._per_page[page]
        rec = self.plan.recommendations[reference.key]
        self.plan.recommendations[reference.key] = rec.model_copy(update=identity)
