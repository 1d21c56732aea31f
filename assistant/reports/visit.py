"""The visit preparation pack: one page per recommendation, for the expert panel's visit.

Before a follow-up visit the coordinator prepares, recommendation by recommendation, what
was done, by whom, measured how, where the proof is, what is still missing, and what the
panel will ask. Each dossier is built from the audit alone (no LLM): the questions come
from the gaps, one wording per rule (`QUESTIONS`), in the audit's order, so the same audit
always gives the same pack. Rendered as printable HTML (a page break per recommendation)
and as DOCX (`visit_docx`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.audit.weak_links import counts
from assistant.reports import french
from assistant.reports.data import ReportData
from assistant.reports.html import jinja_environment
from assistant.reports.view import ReportView, action_label, build_view, gap_message
from assistant.schema import Action, DraftStatus, Gap, LinkKind, Mapping, StatusCategory

#: What an expert panel asks when a rule fires ({action}: the action's wording, quoted).
QUESTIONS: dict[str, str] = {
    "recommendation_uncovered": (
        "Aucune action ne répond à cette recommandation : pourquoi, et qu'est-il prévu, "
        "par qui et pour quand ?"
    ),
    "recommendation_partially_covered": (
        "Quels aspects de la recommandation les actions citées ne couvrent-elles pas encore ?"
    ),
    "recommendation_only_stalled_actions": (
        "Les actions prévues sont reportées ou abandonnées : pourquoi, et qu'est-ce qui les "
        "remplace ?"
    ),
    "action_without_owner": "Qui porte l'action {action} ?",
    "action_without_deadline": "Pour quand l'action {action} est-elle prévue ?",
    "action_without_indicator": "Comment saurez-vous que l'action {action} a atteint son but ?",
    "vague_indicator": "Comment mesurez-vous concrètement le résultat de {action} ?",
    "stale_deadline": "L'échéance de {action} est dépassée : où en est cette action ?",
    "past_deadline_written_as_future": (
        "{action} est annoncée « à venir » pour une période passée : est-elle faite, reportée ?"
    ),
    "status_contradicts_dates": (
        "{action} est marquée réalisée avant son échéance : qu'est-ce qui a été réalisé ?"
    ),
    "duplicate_action": "{action} apparaît deux fois dans le plan : est-ce la même action ?",
    "vague_owner": "Qui, précisément, répond de l'action {action} ?",
    "owner_is_a_person": "Qui reprend {action} si la personne nommée change de fonction ?",
    "action_without_status": "Où en est l'action {action} ?",
    "deadline_not_a_date": "Quand l'action {action} sera-t-elle terminée, concrètement ?",
}
DONE_QUESTION = "Quelles preuves (PV, documents, chiffres) montrent que {action} est réalisée ?"
SEMANTIC_QUESTION = "{action} répond-elle vraiment à la recommandation ? (lien déduit du texte)"


@dataclass(frozen=True)
class DossierAction:
    action: Action
    link: str  # 'explicite', 'sous la citation', 'sémantique 0,52'
    source: str  # where the action is written


@dataclass
class Dossier:
    """What the pack says about one recommendation."""

    mapping: Mapping
    coverage: str
    actions: list[DossierAction] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    proposals: list[str] = field(default_factory=list)


def dossiers(data: ReportData) -> list[Dossier]:
    """One dossier per recommendation, in the report's (natural) order."""
    view = build_view(data)
    gaps_by_target: dict[str, list[Gap]] = {}
    for gap in data.report.gaps:
        gaps_by_target.setdefault(gap.target_id, []).append(gap)
    proposals: dict[str, list[str]] = {}
    for draft in data.report.action_drafts:
        if draft.recommendation_id and draft.status is not DraftStatus.REJECTED:
            proposals.setdefault(draft.recommendation_id, []).append(draft.proposal)
    return [
        _dossier(data, view, block.mapping, gaps_by_target, proposals)
        for criterion in view.trace
        for block in criterion.recommendations
    ]


def _dossier(
    data: ReportData,
    view: ReportView,
    mapping: Mapping,
    gaps_by_target: dict[str, list[Gap]],
    proposals: dict[str, list[str]],
) -> Dossier:
    dossier = Dossier(mapping=mapping, coverage=view.coverage_label(mapping))
    if mapping.source is not None:
        dossier.evidence.append(f"Recommandation : {mapping.source.label()}")
    gaps = list(gaps_by_target.get(mapping.recommendation_id, []))
    # Each line once, in the order first met: dicts, not lists, so that a recommendation
    # answered by thousands of actions is not a quadratic search.
    evidence = dict.fromkeys(dossier.evidence)
    for link in mapping.links:
        action = data.actions.get(link.action_id)
        if action is None:
            continue
        kind = french.link_label(link, score=True)
        source = action.source.label()
        dossier.actions.append(DossierAction(action, kind, source))
        for span in link.evidence:
            # The action's own line is printed in the table, beside the action: only a
            # citation found elsewhere (a heading above the row, another page) is listed.
            if span.label() != source:
                evidence.setdefault(
                    f"{french.quote(french.shorten(action.text, 60))} : {span.label()}"
                )
        if counts(link):  # a link to be confirmed or to check: not the recommendation's gaps yet
            gaps += gaps_by_target.get(action.id, [])
    missing: dict[str, None] = {}
    questions: dict[str, None] = {}
    for gap in gaps:
        missing.setdefault(french.first_sentence(gap_message(data, gap)))
        question = _question(data, gap)
        if question:
            questions.setdefault(question)
    dossier.evidence, dossier.missing, dossier.questions = (
        list(evidence),
        list(missing),
        list(questions),
    )
    for item in dossier.actions:
        wording = action_label(data, item.action.id)
        if item.link.startswith(french.LINK_LABEL[LinkKind.SEMANTIC]):
            dossier.questions.append(SEMANTIC_QUESTION.format(action=wording))
        elif item.action.status_category is StatusCategory.DONE:
            dossier.questions.append(DONE_QUESTION.format(action=wording))
    dossier.proposals = proposals.get(mapping.recommendation_id, [])
    return dossier


def _question(data: ReportData, gap: Gap) -> str | None:
    template = QUESTIONS.get(gap.kind)
    if template is None:
        return None
    return template.format(action=action_label(data, gap.target_id))


#: The style of a list's items, by section (see visit.html.j2).
_ITEM_CLASS = {
    "proposals": "proposal",
    "evidence": "",
    "missing": "missing",
    "questions": "question",
}


def render_visit_html(data: ReportData) -> str:
    """The pack as one printable HTML page, a page break before each recommendation and
    before the « (suite) » of a dossier too long for one page (`visit_pages`)."""
    from assistant.reports.visit_pages import COLUMN_PIXELS, action_cells, pack_pages

    template = jinja_environment().get_template("visit.html.j2")
    return template.render(
        data=data,
        report=data.report,
        pages=pack_pages(dossiers(data)),
        columns=COLUMN_PIXELS,
        action_cells=action_cells,
        item_class=_ITEM_CLASS,
    )


def render_visit_docx(data: ReportData) -> bytes:
    """The pack as a Word document, one page per recommendation."""
    from assistant.reports.visit_docx import visit_docx

    return visit_docx(data, dossiers(data))
