"""Draft actions for a recommendation no action answers — proposals, never the plan.

The most serious gap of a plan is a recommendation left without answer, and an empty cell
is the hardest to fill. The draft is grounded twice: its wording is the recommendation's own
(each infinitive clause of « Mettre en place un suivi … et constituer un réseau d'alumni »
becomes one action), and its owner, deadline and indicators come from the actions of the
workspace's plans that read most like it (owner vote, deadline vote, adapted indicators),
each cited. The coordinator decides; the report and the Word plan mark it « proposition ».
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from assistant.drafting.context import DraftingContext, similar_actions
from assistant.drafting.deadlines import draft_deadlines
from assistant.drafting.ids import draft_id
from assistant.drafting.indicators import draft_indicators
from assistant.drafting.owners import draft_owners
from assistant.ids import item_id
from assistant.schema import Action, Coverage, Draft, DraftField, DraftSource, Mapping, Span

#: At most this many actions are drafted per recommendation (one per clause).
MAX_CLAUSES = 3
#: A drafted action is a weaker claim than a drafted field: its confidence is capped.
MAX_CONFIDENCE = 0.6

# Infinitives: -er, -ir, -oir, and the -re verbs (mettre, produire, inscrire, rendre...),
# not the -re nouns (registre, livre, titre).
_INFINITIVE = (
    r"[a-zàâçéèêëîïôûùüÿœ'-]*(?:er|ir|oir|mettre|prendre|duire|crire|faire|endre|ondre|ivre)\b"
)
#: « … et constituer », « ; rééquilibrer », « , puis organiser »: a new clause starts.
_CLAUSE_BREAK = re.compile(
    rf"(?:\s*;\s*(?:et\s+|puis\s+)?|\s*,?\s+(?:et|puis)\s+)(?={_INFINITIVE}\s)",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    r"^(?:le comité|les experts|la commission)?\s*(?:recommande(?:nt)?|suggère(?:nt)?|"
    r"invite(?:nt)?)\s+(?:de |d'|à |l'établissement à |la section à )",
    re.IGNORECASE,
)
_STARTS_WITH_VERB = re.compile(rf"^{_INFINITIVE}\s", re.IGNORECASE)


def recommendation_clauses(text: str) -> list[str]:
    """The actions a recommendation asks for, in its own words, at most MAX_CLAUSES.

    Breaks happen only outside parentheses, before an infinitive (« … et constituer … »).
    """
    text = _LEAD_IN.sub("", " ".join(text.split())).strip()
    pieces: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        depth += char == "("
        depth -= char == ")" and depth > 0
        if depth:
            continue
        match = _CLAUSE_BREAK.match(text, index)
        if match and match.end() > index and index > start:
            pieces.append(text[start:index])
            start = match.end()
    pieces.append(text[start:])
    clauses = []
    for piece in pieces:
        piece = piece.strip(" .;,…")
        if len(piece) < 12:
            continue
        clauses.append(piece[:1].upper() + piece[1:])
    if clauses and not _STARTS_WITH_VERB.match(clauses[0]):
        return [clauses[0]]  # not written as actions: one action, the recommendation itself
    return clauses[:MAX_CLAUSES]


def _home_document(context: DraftingContext) -> str | None:
    """The plan new actions would be written in: the one holding the most actions."""
    counts: dict[str, int] = {}
    for document in context.document_of.values():
        counts[document] = counts.get(document, 0) + 1
    return max(sorted(counts), key=lambda d: counts[d]) if counts else None


def draft_actions(mapping: Mapping, context: DraftingContext) -> list[Draft]:
    """Proposed actions (owner, deadline, indicators included) for one uncovered recommendation."""
    if mapping.coverage is not Coverage.UNCOVERED or not mapping.text:
        return []
    document = _home_document(context)
    if document is None:
        return []
    source = mapping.source or Span(file="?", line_start=1, line_end=1)
    cited = DraftSource(
        kind="recommendation",
        ref=mapping.recommendation_id,
        label=f"{mapping.recommendation_ref} : « {mapping.text[:160]} »",
        span=mapping.source,
    )
    drafts: list[Draft] = []
    for clause in recommendation_clauses(mapping.text):
        new_id = item_id("act-proposal", mapping.recommendation_id, clause)
        action = Action(id=new_id, document_id=document, text=clause, source=source)
        neighbours = similar_actions(action, context)
        owners = draft_owners(action, context, top=1)
        deadlines = draft_deadlines(action, context, top=1)
        indicators = draft_indicators(action, context)
        best = neighbours[0].similarity if neighbours else 0.0
        sources = [
            cited,
            *_unique(s for d in (*owners, *deadlines, *indicators) for s in d.sources),
        ]
        owner = owners[0].proposal if owners else None
        due = deadlines[0].proposal if deadlines else None
        drafts.append(
            Draft(
                id=draft_id(new_id, DraftField.ACTION, clause),
                action_id=new_id,
                field=DraftField.ACTION,
                proposal=clause,
                recommendation_id=mapping.recommendation_id,
                owner=owner,
                due=due,
                indicators=[d.proposal for d in indicators],
                confidence=round(min(MAX_CONFIDENCE, 0.15 + 0.5 * best), 2),
                rationale=(
                    "Proposition d'action à valider, pas un fait : le libellé reprend la "
                    f"recommandation ({source.label()}) ; le responsable, l'échéance et les "
                    "indicateurs sont tirés des actions les plus proches des plans de l'espace "
                    "de travail (citées)."
                ),
                sources=sources[:6],
            )
        )
    return drafts


def draft_actions_for(mappings: Iterable[Mapping], context: DraftingContext) -> list[Draft]:
    """Proposed actions for every uncovered recommendation, in the mappings' order."""
    return [draft for mapping in mappings for draft in draft_actions(mapping, context)]


def _unique(sources: Iterable[DraftSource]) -> list[DraftSource]:
    seen: set[str] = set()
    kept = []
    for source in sources:
        if source.ref not in seen:
            seen.add(source.ref)
            kept.append(source)
    return kept
