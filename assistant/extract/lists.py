"""Action plans written as numbered lists rather than tables.

"1. Réunir le collège de département ... 17. Programmation des séquences d'accueil : juin
2020". Used only when a document yields no table-based action, and only for a run of at
least three consecutively numbered items that reads like a plan (a heading naming actions,
or items carrying deadlines/owners), so that ordinary enumerations in prose are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.dates import due_date
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.text import squash
from assistant.extract.vocabulary import STATUS_PHRASE
from assistant.ids import fold

_NUMBERED = re.compile(r"^\s*(?:[-•]\s*)?(?P<num>\d{1,3})\s*[.)°]\s+(?P<text>\S.*)$")
_LABELLED = re.compile(
    r"(?P<label>responsables?|porteurs?|pilotes?|acteurs?(?: concernés)?|échéances?|echeances?|"
    r"délais?|delais?|indicateurs?(?: de suivi)?|état(?: de réalisation)?|statut)\s*:\s*",
    re.IGNORECASE,
)
_TRAILING_DEADLINE = re.compile(
    r"\s*[:–—-]\s*(?P<when>(?:(?:d[ée]but|fin|mi-?)\s+)?[^:–—]{0,25}?(?:19|20)\d{2}(?:\s*[-/]\s*(?:19|20)?\d{2})?)\s*\.?$"
)
_PLAN_HEADING = re.compile(r"\baction|\bplan\b|mesures|chantiers|engagements", re.IGNORECASE)


@dataclass
class _Entry:
    number: int
    lines: list[Line]
    heading: str | None


def read_numbered_lists(items: list[Item], plan: PlanBuilder) -> int:
    """Add the actions of numbered-list plans; return how many were added."""
    runs = _runs(items)
    added = 0
    for run in runs:
        texts = [squash(" ".join(line.text for line in entry.lines)) for entry in run]
        datedish = sum(due_date(text) is not None or bool(_LABELLED.search(text)) for text in texts)
        heading = run[0].heading or ""
        if not (_PLAN_HEADING.search(heading) or datedish * 2 >= len(run)):
            continue
        for entry, text in zip(run, texts, strict=True):
            plan.add_action(_draft(entry, text))
            added += 1
    return added


def _runs(items: list[Item]) -> list[list[_Entry]]:
    runs: list[list[_Entry]] = []
    current: list[_Entry] = []
    heading: str | None = None
    for item in items:
        if not isinstance(item, Line):
            current = _close(runs, current)
            continue
        match = _NUMBERED.match(item.text)
        if match and (not current or int(match["num"]) == current[-1].number + 1):
            current.append(_Entry(int(match["num"]), [item], heading))
        elif match and int(match["num"]) == 1:
            current = _close(runs, current)
            current.append(_Entry(1, [item], heading))
        elif match:
            current = _close(runs, current)
        elif current and item.gap_before == 0 and item.heading_level is None:
            current[-1].lines.append(item)  # continuation of the item's text
        else:
            current = _close(runs, current)
            if len(item.text) < 150:
                heading = item.text
    _close(runs, current)
    return runs


def _close(runs: list[list[_Entry]], current: list[_Entry]) -> list[_Entry]:
    if len(current) >= 3:
        runs.append(current)
    return []


def _draft(entry: _Entry, text: str) -> ActionDraft:
    body = _NUMBERED.sub(r"\g<text>", text, count=1)
    fields: dict[str, str] = {}
    pieces = _LABELLED.split(body)
    description = pieces[0].strip(" ;,.–—-")
    for label, value in zip(pieces[1::2], pieces[2::2], strict=False):
        fields[fold(label).split()[0]] = value.strip(" ;,.–—-")
    deadline = (
        fields.get("echeance")
        or fields.get("echeances")
        or fields.get("delai")
        or fields.get("delais")
    )
    if deadline is None:
        match = _TRAILING_DEADLINE.search(description)
        if match:
            deadline = match["when"].strip()
            description = description[: match.start()]
    owner = next(
        (
            v
            for k, v in fields.items()
            if k.startswith(("responsable", "porteur", "pilote", "acteur"))
        ),
        None,
    )
    indicators = [v for k, v in fields.items() if k.startswith("indicateur")]
    status = fields.get("etat") or fields.get("statut")
    if status is None:
        match = STATUS_PHRASE.search(description)
        status = match.group(0) if match and match.start() > len(description) // 2 else None
    span = merge_spans(entry.lines[0].span, entry.lines[-1].span, text)
    return ActionDraft(
        text=description.strip(" ;,.–—-"),
        source=span,
        objective=entry.heading,
        owner=owner,
        deadline=deadline,
        indicators=indicators,
        status=status,
    )
