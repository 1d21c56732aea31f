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
from assistant.extract.dates import due_date, split_inline_deadline
from assistant.extract.prose import AXIS_HEADING
from assistant.extract.references import Reference, recommendation_heading
from assistant.extract.stream import Item, Line, merge_spans
from assistant.extract.text import squash
from assistant.extract.vocabulary import STATUS_PHRASE
from assistant.french.wrapping import ends_mid_phrase, join_wrapped
from assistant.ids import fold
from assistant.schema import LinkKind, Span

# "1. …", "2) …", "1.2 …", "Action 3 : …" (a hierarchical number needs no closing mark)
_NUMBERED = re.compile(
    r"^\s*(?:[-•]\s*)?(?:actions?\s+)?(?P<num>\d{1,3}(?:\.\d{1,2}){0,2})"
    r"(?:\s*[.)°:–-]\s+|(?<=\d\.\d)\s+|(?<=\d\.\d\d)\s+)(?P<text>\S.*)$",
    re.IGNORECASE,
)
_LABELLED = re.compile(
    r"(?P<label>responsables?|porteurs?|pilotes?|acteurs?(?: concernés)?|échéances?|echeances?|"
    r"délais?|delais?|indicateurs?(?: de suivi)?|état(?: de réalisation)?|statut)\s*:\s*",
    re.IGNORECASE,
)
_BULLETED = re.compile(r"^\s*[-•▪◦●–]\s+(?P<text>\S.*)$")
_MARK_ALONE = re.compile(r"^\s*[•▪◦●]\s*$")
_PLAN_HEADING = re.compile(r"\baction|\bplan\b|mesures|chantiers|engagements", re.IGNORECASE)


@dataclass
class _Entry:
    number: tuple[int, ...]
    lines: list[Line]
    heading: str | None
    axis: str | None = None


def _number(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def _follows(previous: tuple[int, ...], number: tuple[int, ...]) -> bool:
    """The next item of one numbering: 3 after 2, 1.2 after 1.1, 2.1 after 1.4 — or, in an
    outline, a first child (1.1 after 1, 1.1.1 after 1.1) or the next item of a level
    above (1.2 after 1.1.3, 2 after 1.2.2)."""
    if len(previous) == len(number):
        for index, (before, now) in enumerate(zip(previous, number, strict=True)):
            if now != before:
                return now == before + 1 and all(part == 1 for part in number[index + 1 :])
        return False
    if number == (*previous, 1):
        return True
    depth = len(number)
    return depth < len(previous) and number == (*previous[: depth - 1], previous[depth - 1] + 1)


def _first(number: tuple[int, ...]) -> bool:
    return number[-1] == 1


def read_numbered_lists(items: list[Item], plan: PlanBuilder) -> int:
    """Add the actions of numbered-list plans; return how many were added."""
    runs = _runs(items)
    added = 0
    for run in runs:
        texts = [squash(" ".join(line.text for line in entry.lines)) for entry in run]
        heading = run[0].heading or ""
        leaves = _leaves(run, texts)
        datedish = sum(due_date(t) is not None or bool(_LABELLED.search(t)) for _, t in leaves)
        if not (_PLAN_HEADING.search(heading) or datedish * 2 >= len(leaves)):
            continue
        for entry, text in leaves:
            plan.add_action(_draft(entry, text))
            added += 1
    return added


def _leaves(run: list[_Entry], texts: list[str]) -> list[tuple[_Entry, str]]:
    """The items with no item under them, each under its outline's headings: the item above
    a leaf is its objective, the one above that its axis (a flat list is all leaves)."""
    leaves: list[tuple[_Entry, str]] = []
    parents: dict[tuple[int, ...], str] = {}
    for index, (entry, text) in enumerate(zip(run, texts, strict=True)):
        following = run[index + 1].number if index + 1 < len(run) else None
        if following is not None and following == (*entry.number, 1):
            parents[entry.number] = _NUMBERED.sub(r"\g<text>", text, count=1).strip()
            continue
        objective = parents.get(entry.number[:-1])
        axis = parents.get(entry.number[:-2]) if len(entry.number) >= 3 else None
        if objective is not None:
            entry.heading = objective
        if axis is not None:
            entry.axis = axis
        leaves.append((entry, text))
    return leaves


def _runs(items: list[Item]) -> list[list[_Entry]]:
    runs: list[list[_Entry]] = []
    current: list[_Entry] = []
    heading: str | None = None
    axis: str | None = None
    open_item = False  # whether the next lines may still go on with the last item's text
    for item in items:
        if not isinstance(item, Line):
            current, open_item = _close(runs, current), False
            continue
        match = _NUMBERED.match(item.text)
        number = _number(match["num"]) if match else None
        if number is not None and (not current or _follows(current[-1].number, number)):
            current.append(_Entry(number, [item], heading, axis))
            open_item = True
        elif number is not None and _first(number):
            current = _close(runs, current)
            current.append(_Entry(number, [item], heading, axis))
            open_item = True
        elif number is not None:
            current, open_item = _close(runs, current), False
        elif AXIS_HEADING.match(item.text) and len(item.text) < 200:
            axis, heading = squash(item.text), None  # the numbering goes on under it
            open_item = False
        elif current and open_item and _goes_on(current[-1], item):
            current[-1].lines.append(item)  # continuation of the item's text
        elif len(item.text) < 150:
            heading = item.text  # an objective heading: the numbering goes on under it
            open_item = False  # the lines under it are the heading's, not the last item's
        else:
            current, open_item = _close(runs, current), False
    _close(runs, current)
    return runs


def _goes_on(entry: _Entry, line: Line) -> bool:
    """Whether `line` continues the item's text: right under it, or after a blank line
    when the item stops on a word that waits for its complement (« … étudiants de »)."""
    if line.heading_level is not None:
        return False
    if line.gap_before == 0:
        return True
    return (
        line.gap_before == 1 and line.text[:1].islower() and ends_mid_phrase(entry.lines[-1].text)
    )


def _close(runs: list[list[_Entry]], current: list[_Entry]) -> list[_Entry]:
    if len(current) >= 3:
        runs.append(current)
    return []


def _draft(entry: _Entry, text: str) -> ActionDraft:
    body = _NUMBERED.sub(r"\g<text>", text, count=1)
    return _fields_draft(entry, body, text)


def _fields_draft(
    entry: _Entry, body: str, text: str, links: list[tuple[str, LinkKind, Span]] | None = None
) -> ActionDraft:
    """An item's action: its wording, and the fields it names (« Responsable : … ;
    échéance : … »), in any order, in brackets or not."""
    fields: dict[str, str] = {}
    pieces = _LABELLED.split(body)
    description = pieces[0].strip(" ;,.–—-(")
    for label, value in zip(pieces[1::2], pieces[2::2], strict=False):
        fields[fold(label).split()[0]] = value.strip(" ;,.–—-()")
    deadline = (
        fields.get("echeance")
        or fields.get("echeances")
        or fields.get("delai")
        or fields.get("delais")
    )
    if deadline is None:
        description, deadline = split_inline_deadline(description)
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
        text=description.strip(" ;,.–—-("),
        source=span,
        objective=entry.heading,
        axis=entry.axis,
        owner=owner,
        deadline=deadline,
        indicators=indicators,
        status=status,
        links=links or [],
    )


def read_labelled_bullets(items: list[Item], plan: PlanBuilder) -> int:
    """Add the bulleted items that name their fields (« - Organiser… (responsable : … ;
    échéance : …) ») as actions, each answering the recommendation printed above it;
    return how many. Bullets without a named field are prose (points forts, a list of
    means), and fewer than two such items make no plan."""
    entries: list[tuple[_Entry, tuple[Reference, str, Span] | None]] = []
    heading: str | None = None
    placed: tuple[Reference, str, Span] | None = None
    marks = 0  # bullet marks printed on lines of their own, their items below (pdftotext)
    for item in items:
        if not isinstance(item, Line):
            continue
        if _MARK_ALONE.match(item.text):
            marks += 1
            continue
        bullet = _BULLETED.match(item.text)
        opens = marks > 0 and item.text[:1].isupper() and (not entries or _closed(entries[-1][0]))
        if bullet is not None or (opens and not _opens_block(item)):
            marks = max(0, marks - (bullet is None))
            entries.append((_Entry((), [item], heading), placed))
            continue
        if (
            entries
            and not _closed(entries[-1][0])
            and _goes_on(entries[-1][0], item)
            and not _opens_block(item)
        ):
            entries[-1][0].lines.append(item)
            continue
        named = recommendation_heading(item.text)
        if named is not None:
            placed, heading = (named[0], named[1], item.span), None
        elif len(item.text) < 150 and item.heading_level is not None:
            heading = squash(item.text)
    drafts = []
    for entry, above in entries:
        text = squash(join_wrapped([line.text for line in entry.lines]))
        body = _BULLETED.sub(r"\g<text>", text, count=1)
        if not _LABELLED.search(body):
            continue
        links: list[tuple[str, LinkKind, Span]] = []
        if above is not None:
            reference, wording, source = above
            links = [(plan.recommendation(reference, source, wording), LinkKind.EXPLICIT, source)]
        drafts.append(_fields_draft(entry, body, text, links))
    if len(drafts) < 2:
        return 0
    for draft in drafts:
        plan.add_action(draft)
    return len(drafts)


def _closed(entry: _Entry) -> bool:
    """An item whose named fields close its bracket (« … ; échéance : juin 2025) »): what
    follows is no longer the item's (a paragraph, the next heading wrapped)."""
    text = entry.lines[-1].text.rstrip()
    joined = " ".join(line.text for line in entry.lines)
    return (
        text.endswith(")")
        and joined.count("(") <= joined.count(")")
        and bool(_LABELLED.search(joined))
    )


def _opens_block(line: Line) -> bool:
    """A line that cannot go on a bullet: a heading, a recommendation printed above its
    actions."""
    return line.heading_level is not None or recommendation_heading(line.text) is not None
