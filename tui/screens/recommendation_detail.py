"""One recommendation: its wording, the verdict, and each linked action with its evidence.

For each action the coordinator sees what experts look for (owner, deadline, indicators,
status) and the highlighted words that tie it to the recommendation; Enter on a piece of
evidence opens it in its document. An unanswered recommendation shows the actions the
drafter proposes for it (critical gaps first: what a coordinator has to add to the plan),
strongest first. A proposed (semantic) link — above all a « lien
probable, à confirmer » — is confirmed with c or rejected with x: the link whose evidence
has the focus, else the first one still to confirm. The choice is saved at once and kept
across re-imports; the verdict is recomputed.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from assistant.audit.weak_links import counts
from assistant.reports import ReportData
from assistant.reports.french import LINK_LABEL, decimal, quote
from assistant.reports.view import verdict_label
from assistant.schema import (
    Action,
    Coverage,
    Draft,
    LinkDecisionKind,
    LinkKind,
    Mapping,
    MappingLink,
    RecommendationOrigin,
)
from tui import messages as msg
from tui.format import COVERAGE_STYLE, deadline_label, evidence_groups, status_label
from tui.screens.base import AreaScreen
from tui.widgets.drafts import draft_reasons, proposed_action_content
from tui.widgets.evidence import EvidenceView


def link_facts(link: MappingLink, action: Action | None) -> Content:
    """'Lien explicite (1,00) · Responsable … · Échéance … · État …' and the indicators."""
    parts: list[str | tuple[str, str]] = [
        (f"Lien {LINK_LABEL[link.kind]} ({decimal(link.score)})", "$foreground-muted"),
    ]
    if link.confirmed:
        parts.append(("  ·  confirmé par le coordinateur", "$success"))
    elif link.previous_report:
        parts.append(("  ·  écrit pour l'ancien rapport, à vérifier", "$warning"))
    elif link.kind is LinkKind.SEMANTIC:
        state = "probable, à confirmer" if link.probable else "proposé"
        parts.append((f"  ·  {state} (c confirmer · x rejeter)", "$warning"))
    if action is not None:
        parts += [
            ("\nResponsable : ", "$foreground-muted"),
            (action.owner, "") if action.owner else ("aucun", "$warning"),
            ("\nÉchéance : ", "$foreground-muted"),
            deadline_label(action),
            ("  ·  État : ", "$foreground-muted"),
            status_label(action),
            ("\nIndicateurs : ", "$foreground-muted"),
            (" ; ".join(action.indicators), "") if action.indicators else ("aucun", "$warning"),
        ]
    return Content.assemble(*parts)


def link_sections(mapping: Mapping) -> list[tuple[str, list[MappingLink]]]:
    """The links under their headings: those that answer (`weak_links.counts`), then the
    « liens probables, à confirmer », then those written for the previous report; the
    heading's count is its own, so « Actions liées (N) » counts the answers only."""
    answered = mapping.coverage is not Coverage.UNCOVERED
    probable = [link for link in mapping.links if link.probable and not link.previous_report]
    earlier = [link for link in mapping.links if link.previous_report]
    sections = [
        ("Actions liées" if answered else "Actions proches (ne répondent pas)",
         [link for link in mapping.links if counts(link)]),
        (plural_heading(len(probable), "Lien probable, à confirmer",
                        "Liens probables, à confirmer"), probable),
        (plural_heading(len(earlier), "Lien écrit pour l'ancien rapport, à vérifier",
                        "Liens écrits pour l'ancien rapport, à vérifier"), earlier),
    ]  # fmt: skip
    return [(heading, links) for heading, links in sections if links]


def plural_heading(n: int, one: str, many: str) -> str:
    """« Lien probable, à confirmer — ne compte pas »: the heading of links set apart."""
    return f"{one} — ne compte pas" if n == 1 else f"{many} — ne comptent pas"


def proposed_actions(data: ReportData | None, recommendation_id: str) -> list[Draft]:
    """The draft actions for one recommendation, strongest first."""
    if data is None:
        return []
    drafts = [d for d in data.report.action_drafts if d.recommendation_id == recommendation_id]
    return sorted(drafts, key=lambda draft: -draft.confidence)


def _same_words(excerpt: str, text: str) -> bool:
    """The excerpt already shows the wording (then it is not quoted twice)."""
    return " ".join(text.split()) in " ".join(excerpt.split())


class LinkedAction(Vertical):
    """One linked action and its evidence (the link it shows is what c and x decide on)."""

    def __init__(self, link: MappingLink) -> None:
        super().__init__(classes="linked-action")
        self.link = link


class RecommendationDetailScreen(AreaScreen):
    AREA = "recommandations"
    AUTO_FOCUS = None  # see on_mount
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Retour"),
        Binding("tab", "app.focus_next", "Preuve suivante"),
        # shown beside each proposed link (« c confirmer · x rejeter »), not in the footer
        Binding("c", "confirm_link", "Confirmer le lien", show=False),
        Binding("x", "reject_link", "Rejeter le lien", show=False),
    ]

    def __init__(self, mapping: Mapping) -> None:
        super().__init__()
        self.mapping = mapping

    @property
    def recommendation_id(self) -> str:
        return self.mapping.recommendation_id

    def compose_body(self) -> ComposeResult:
        mapping = self.mapping
        data = self.plan_app.report
        actions = data.actions if data is not None else {}
        origin = (
            data.report.recommendations_from if data is not None else RecommendationOrigin.REPORT
        )
        with VerticalScroll(id="rec-detail"):
            yield Static(
                Content.assemble(
                    (mapping.recommendation_ref, "bold"),
                    "  ",
                    (verdict_label(mapping.coverage, origin), COVERAGE_STYLE[mapping.coverage]),
                ),
                classes="detail-title",
            )
            yield Static(Content.styled(mapping.reason, "$foreground-muted"))
            source = mapping.source
            if mapping.text and (source is None or not _same_words(source.excerpt, mapping.text)):
                yield Static(Content(quote(mapping.text)), classes="quote")
            if source is not None:
                yield EvidenceView(source, title="Recommandation des experts")
            if not mapping.links:
                yield Static("Aucune action liée.", classes="section")
            for heading, links in link_sections(mapping):
                yield Static(f"{heading} ({len(links)})", classes="section")
                for link in links:
                    action = actions.get(link.action_id)
                    with LinkedAction(link):
                        yield Static(
                            Content.styled(action.text if action else link.action_id, "bold")
                        )
                        yield Static(link_facts(link, action))
                        for context, marks in evidence_groups(link.evidence):
                            yield EvidenceView(context, marks)
            proposals = proposed_actions(data, mapping.recommendation_id)
            if proposals:
                yield Static(f"Actions proposées, à valider ({len(proposals)})", classes="section")
                yield Static(
                    Content.styled(
                        "Des propositions, pas des faits : à reprendre dans le plan si elles "
                        "conviennent (elles figurent aussi, marquées « proposition », dans le "
                        "rapport d'audit et dans le plan complété en .docx).",
                        "$foreground-muted",
                    )
                )
                for draft in proposals:
                    with Vertical(classes="linked-action proposed-action"):
                        yield Static(proposed_action_content(draft))
                        yield Static(draft_reasons(draft))

    def on_mount(self) -> None:
        # Enter at once opens the recommendation in the report; the title stays in view.
        evidence = self.query(EvidenceView)
        if evidence:
            evidence.first().focus(scroll_visible=False)
        self.post_message(msg.RecommendationOpened(self.recommendation_id))
        self.watch(self.app, "report", self._report_changed, init=False)

    async def _report_changed(self, data: ReportData | None) -> None:
        """A new audit (a document re-imported, a draft accepted): show its verdict."""
        if data is None:
            return
        fresh = next(
            (m for m in data.report.mappings if m.recommendation_id == self.recommendation_id),
            None,
        )
        if fresh is not None and fresh != self.mapping:
            self.mapping = fresh
            await self.recompose()

    def current_link(self) -> MappingLink | None:
        """The link whose evidence has the focus, else the first one still to confirm."""
        focused = self.app.focused
        if focused is not None:
            for ancestor in focused.ancestors_with_self:
                if isinstance(ancestor, LinkedAction):
                    return ancestor.link
        pending = [
            link
            for link in self.mapping.links
            if link.kind is LinkKind.SEMANTIC and not link.confirmed
        ]
        return pending[0] if pending else None

    def _decide(self, decision: LinkDecisionKind) -> None:
        link = self.current_link()
        if link is None:
            self.notify("Aucun lien proposé à confirmer ou à rejeter.", severity="warning")
        elif link.kind is not LinkKind.SEMANTIC:
            self.notify(
                "Ce lien est écrit dans le plan : il n'y a rien à confirmer ni à rejeter.",
                severity="warning",
            )
        else:
            self.plan_app.decide_link(self.recommendation_id, link.action_id, decision)

    def action_confirm_link(self) -> None:
        self._decide(LinkDecisionKind.CONFIRMED)

    def action_reject_link(self) -> None:
        self._decide(LinkDecisionKind.REJECTED)

    def action_back(self) -> None:
        self.dismiss()
