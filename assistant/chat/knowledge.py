"""What the assistant knows about a workspace, computed once per state of the workspace.

A conversation asks many cheap questions about the same documents; re-reading the database,
re-mapping and re-auditing for each would cost seconds. `Knowledge` holds the plans, the
retriever and, computed on first need, the audit (mappings, gaps) and the drafting context;
`ConversationService` rebuilds it only when the workspace's documents change.

It also decides which plan is *ours*. A workspace may hold the plans of other institutions,
imported to compare (« Comment d'autres établissements ont-ils traité l'e-campus ? »): the
*main plan* is the one whose actions cite the recommendations of the expert report held in
the workspace (else the one with the most actions), and every structured answer is about
it (with the reports and SWOT analyses); the other plans are only searched when asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from assistant.audit.findings import kind_label
from assistant.audit.indicator_patterns import IndicatorPattern, load_indicator_patterns
from assistant.audit.roles import RoleCatalog
from assistant.audit.service import run_audit
from assistant.chat.document_text import TEXT_PREFIX, TextPassage, outside_items
from assistant.chat.text import shorten, stems
from assistant.errors import NoPlanError
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.workspace_indexes import action_text
from assistant.schema import (
    Action,
    AuditReport,
    Document,
    Draft,
    Gap,
    Mapping,
    Plan,
    Recommendation,
    Span,
    SwotItem,
)
from assistant.schema.chat import Citation
from assistant.schema.workspace import PlanVersion

#: Gap kinds that mean « late » (see `assistant.audit.timing`).
LATE_GAPS = ("stale_deadline", "past_deadline_written_as_future")
#: Prefix of the ids given to patterns of the indicator library when they are cited.
PATTERN_PREFIX = "pattern:"
#: Prefix of the ids given to items of an earlier version of a document when they are cited
#: (« earlier:1:act-… »: the action act-… as version 1 held it).
EARLIER_PREFIX = "earlier:"
_SWOT_LABEL = {"strength": "Force", "weakness": "Faiblesse", "opportunity": "Opportunité", "threat": "Menace"}  # fmt: skip


def choose_main_plan(plans: Sequence[Plan], wanted: str | None = None) -> Plan | None:
    """The coordinator's own plan among the documents that hold actions.

    Args:
        plans: every document of the workspace.
        wanted: a document name or id chosen by the coordinator (wins when it has actions).

    Raises:
        NoPlanError: `wanted` names no document with actions.
    """
    with_actions = [plan for plan in plans if plan.actions]
    if wanted:
        for plan in with_actions:
            if wanted in (plan.document.id, plan.document.name):
                return plan
        names = ", ".join(plan.document.name for plan in with_actions) or "aucun"
        raise NoPlanError(
            f"Aucun plan d'action « {wanted} » dans l'espace de travail (plans présents : {names})."
        )
    if not with_actions:
        return None
    # Keys of recommendations worded in a document without actions: the expert report.
    reported = {
        rec.key for plan in plans if not plan.actions for rec in plan.recommendations if rec.text
    }

    def answered(plan: Plan) -> int:
        cited = {rec.id: rec.key for rec in plan.recommendations}
        return len({cited[link.recommendation_id] for a in plan.actions for link in a.links
                    if cited.get(link.recommendation_id) in reported})  # fmt: skip

    return max(with_actions, key=lambda plan: (answered(plan), len(plan.actions)))


@dataclass
class Knowledge:
    """The workspace as the conversation sees it (read-only; rebuilt when documents change)."""

    plans: list[Plan]
    main: Plan | None
    as_of: date
    retriever: HybridRetriever | None
    tokenize: Any  # Callable[[str], list[str]], the retrieval tokenizer (French stems)
    _audit: AuditReport | None = field(default=None, repr=False)
    #: The workspace's shared audit of `scope` (`assistant.analyses.workspace_audit`): the
    #: very audit the report shows. None (knowledge built by hand): audited here.
    shared_audit: Callable[[], AuditReport] | None = field(default=None, repr=False)
    _drafting: Any = field(default=None, repr=False)
    drafts: dict[str, Draft] = field(default_factory=dict, repr=False)
    _ordered: list[Mapping] | None = field(default=None, repr=False)
    _vocabulary: frozenset[str] | None = field(default=None, repr=False)
    #: The archived versions of the workspace's documents (`Workspace.versions`), read on
    #: first need: what an answer about the plan's history cites. None: no versions.
    earlier_versions: Callable[[], list[PlanVersion]] | None = field(default=None, repr=False)
    _earlier: dict[str, tuple[PlanVersion, Action | Recommendation]] | None = field(
        default=None, repr=False
    )
    #: The documents' paragraphs and table rows (`assistant.chat.document_text`), read on
    #: first need: what a question on a fact of their text is answered from. None: no text.
    document_text: Callable[[], list[TextPassage]] | None = field(default=None, repr=False)
    _texts: dict[str, TextPassage] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self.documents: dict[str, Document] = {p.document.id: p.document for p in self.plans}
        self.actions: dict[str, Action] = {}
        self.recommendations: dict[str, Recommendation] = {}
        self.swot: dict[str, SwotItem] = {}
        for plan in self.plans:
            for action in plan.actions:
                self.actions.setdefault(action.id, action)
            for rec in plan.recommendations:
                self.recommendations.setdefault(rec.id, rec)
            for item in plan.swot:
                self.swot.setdefault(item.id, item)
        main_id = self.main.document.id if self.main else None
        self.scope: list[Plan] = [
            p for p in self.plans if not p.actions or p.document.id == main_id
        ]
        self.others: list[Plan] = [p for p in self.plans if p.actions and p.document.id != main_id]
        self.main_actions: list[Action] = list(self.main.actions) if self.main else []
        self.roles = RoleCatalog.from_actions(self.main_actions)
        self.gaps: dict[str, Gap] = {}
        self.mapping_of: dict[str, Mapping] = {}

    # -- derived results, computed on first need -------------------------------------------

    @property
    def earlier(self) -> dict[str, tuple[PlanVersion, Action | Recommendation]]:
        """Actions and recommendations of the archived versions, by citation id."""
        if self._earlier is None:
            found: dict[str, tuple[PlanVersion, Action | Recommendation]] = {}
            for version in self.earlier_versions() if self.earlier_versions else []:
                items: list[Action | Recommendation] = [
                    *version.plan.actions,
                    *version.plan.recommendations,
                ]
                for item in items:
                    found[earlier_id(version, item.id)] = (version, item)
            self._earlier = found
        return self._earlier

    @property
    def texts(self) -> dict[str, TextPassage]:
        """The documents' own passages (paragraphs, table rows), by citation id."""
        if self._texts is None:
            passages = self.document_text() if self.document_text else []
            items = [
                *(action.source for action in self.actions.values()),
                *(recommendation.source for recommendation in self.recommendations.values()),
                *(item.source for item in self.swot.values()),
            ]
            self._texts = {p.id: p for p in outside_items(passages, items)
                           if p.document_id in self.documents}  # fmt: skip
        return self._texts

    @property
    def audit(self) -> AuditReport:
        """Mappings, gaps and summaries of the main plan (with the reports and SWOT)."""
        if self._audit is None and self.shared_audit is not None:
            self._audit = self.shared_audit()
            self._index_audit(self._audit)
        if self._audit is None:
            searcher = self.retriever if any(p.actions for p in self.scope) else None
            self._audit = run_audit(
                self.scope,
                as_of=self.as_of,
                searcher=searcher,
                tokenize=self.tokenize,
                drafter=self._drafter() if searcher is not None else None,
            )
            self._index_audit(self._audit)
        return self._audit

    def _drafter(self) -> Any:
        """The report's drafter (owners and indicators where missing), over every plan."""
        try:
            from assistant.drafting import draft_for_actions
        except ImportError:  # drafting not available in this build: no drafts
            return None
        return lambda actions: draft_for_actions(
            [a for a in actions if a.document_id == (self.main.document.id if self.main else None)],
            self.drafting,
        )

    def _index_audit(self, audit: AuditReport) -> None:
        self.gaps = {gap.id: gap for gap in audit.gaps}
        self.drafts.update({draft.id: draft for draft in (*audit.drafts, *audit.action_drafts)})
        self.mapping_of = {}
        for mapping in audit.mappings:
            for rec_id in (mapping.recommendation_id, *mapping.also_cited_as):
                self.mapping_of[rec_id] = mapping

    @property
    def mappings(self) -> list[Mapping]:
        """The audit's mappings, by criterion then recommendation number."""
        if self._ordered is None:
            self._ordered = sorted(self.audit.mappings, key=_mapping_order)
        return self._ordered

    def gaps_of(self, target_id: str, *kinds: str) -> list[Gap]:
        """Gaps of the audit about one recommendation or action (of the given kinds)."""
        return [g for g in self.audit.gaps if g.target_id == target_id and (not kinds or g.kind in kinds)]  # fmt: skip

    def is_late(self, action_id: str) -> bool:
        """The audit found the action's deadline past while it is still open."""
        return bool(self.gaps_of(action_id, *LATE_GAPS))

    def mapping_for(self, rec_id: str) -> Mapping | None:
        self.audit  # noqa: B018 - builds mapping_of
        return self.mapping_of.get(rec_id)

    @property
    def drafting(self) -> Any:
        """The drafting context (None when the drafting module or a retriever is missing)."""
        if self._drafting is None and self.retriever is not None:
            try:
                from assistant.drafting import build_context
            except ImportError:  # drafting not available in this build: patterns only
                return None
            self._drafting = build_context(self.plans, self.retriever, self.as_of)
        return self._drafting

    def vocabulary(self) -> frozenset[str]:
        """Stems of every action, recommendation and SWOT item: what the documents speak of."""
        if self._vocabulary is None:
            texts = [a.text for a in self.actions.values()]
            texts += [r.text or "" for r in self.recommendations.values()]
            texts += [i.text for i in self.swot.values()]
            # the chat's stems, as questions are stemmed (« communication » ≠ « commune »)
            self._vocabulary = frozenset(stems(" ".join(texts)))
        return self._vocabulary

    def document_name(self, document_id: str) -> str:
        document = self.documents.get(document_id)
        return document.name if document else document_id

    def _title(self, document_id: str) -> str | None:
        document = self.documents.get(document_id)
        return document.title if document else None

    # -- citable items -----------------------------------------------------------------------

    def kind_of(self, item_id: str) -> str | None:
        """'action', 'recommendation', 'swot', 'gap', 'draft', 'pattern', 'document',
        'earlier_action', 'earlier_recommendation' (of an archived version), 'text' (a
        passage of a document's own text) or None."""
        if item_id in self.actions:
            return "action"
        if item_id in self.recommendations:
            return "recommendation"
        if item_id in self.swot:
            return "swot"
        if item_id in self.drafts:
            return "draft"
        if item_id in self.documents:
            return "document"
        if item_id.startswith(PATTERN_PREFIX) and _pattern(item_id) is not None:
            return "pattern"
        if item_id.startswith(EARLIER_PREFIX) and item_id in self.earlier:
            item = self.earlier[item_id][1]
            return "earlier_action" if isinstance(item, Action) else "earlier_recommendation"
        if self._audit is not None and item_id in self.gaps:
            return "gap"
        if item_id.startswith(TEXT_PREFIX) and item_id in self.texts:
            return "text"
        return None

    def support_text(self, item_id: str) -> str | None:
        """Everything the cited item says: what a sentence citing it may state."""
        kind = self.kind_of(item_id)
        if kind == "action":
            action = self.actions[item_id]
            refs = [
                self.recommendations[r].ref for r in action.addresses if r in self.recommendations
            ]
            fields = [action_text(action), action.objective, action.axis, action.owner, action.deadline,
                      action.status, *refs, self.document_name(action.document_id),
                      self._title(action.document_id)]  # fmt: skip
            return "\n".join(f for f in fields if f)
        if kind == "recommendation":
            rec = self.recommendations[item_id]
            forms = [rec.ref, rec.text, rec.criterion, _short_ref(rec),
                     self.document_name(rec.document_id)]  # fmt: skip
            mapping = self.mapping_of.get(item_id) if self._audit is not None else None
            if mapping is not None:
                forms += [mapping.recommendation_ref, mapping.text, mapping.criterion]
            return "\n".join(f for f in forms if f)
        if kind == "swot":
            item = self.swot[item_id]
            return f"{_SWOT_LABEL[item.kind.value]} : {item.text}\n{self.document_name(item.document_id)}"
        if kind == "gap":
            gap = self.gaps[item_id]
            # a gap also says what kind of gap it is (« Action sans responsable »)
            return "\n".join(
                [gap.message, kind_label(gap.kind), *(s.excerpt for s in gap.evidence)]
            )
        if kind == "draft":
            draft = self.drafts[item_id]
            parts = [draft.proposal, draft.measure, draft.target, draft.due, draft.rationale]
            return "\n".join(p for p in parts if p)
        if kind == "pattern":
            pattern = _pattern(item_id)
            assert pattern is not None
            return "\n".join([pattern.template, pattern.measure, pattern.default_target,
                              pattern.rationale, *pattern.themes])  # fmt: skip
        if kind == "document":
            document = self.documents[item_id]
            return "\n".join(p for p in (document.name, document.title) if p)
        if kind == "text":
            passage = self.texts[item_id]
            return f"{passage.text}\n{self.document_name(passage.document_id)}"
        if kind in ("earlier_action", "earlier_recommendation"):
            version, earlier = self.earlier[item_id]
            where = f"{version.plan.document.name}\nversion {version.version} précédente ancienne"
            if isinstance(earlier, Action):
                fields = [
                    action_text(earlier),
                    earlier.owner,
                    earlier.deadline,
                    earlier.status,
                    where,
                ]
            else:
                fields = [earlier.ref, earlier.text, earlier.criterion, where]
            return "\n".join(f for f in fields if f)
        return None

    def citation(self, item_id: str) -> Citation | None:
        """The citation of an item: where it is written and a short quote."""
        kind = self.kind_of(item_id)
        span: Span | None = None
        document: str | None = None
        quote = ""
        if kind == "action":
            action = self.actions[item_id]
            span, document, quote = (
                action.source,
                self.document_name(action.document_id),
                action.text,
            )
        elif kind == "recommendation":
            rec = self.recommendations[item_id]
            span, document = rec.source, self.document_name(rec.document_id)
            quote = f"{rec.ref} : {rec.text}" if rec.text else rec.ref
        elif kind == "swot":
            item = self.swot[item_id]
            span, document, quote = item.source, self.document_name(item.document_id), item.text
        elif kind == "gap":
            gap = self.gaps[item_id]
            span = gap.evidence[0] if gap.evidence else None
            document, quote = (span.file if span else None), gap.message
        elif kind == "draft":
            quote = self.drafts[item_id].proposal
        elif kind == "pattern":
            pattern = _pattern(item_id)
            assert pattern is not None
            quote = f"{pattern.template} ({pattern.measure})"
        elif kind == "document":
            document = self.documents[item_id].name
            quote = self.documents[item_id].title or document
        elif kind == "text":
            passage = self.texts[item_id]
            span, document = passage.span, self.document_name(passage.document_id)
            quote = passage.text
        elif kind in ("earlier_action", "earlier_recommendation"):
            version, earlier = self.earlier[item_id]
            kind = kind.removeprefix("earlier_")
            span = earlier.source
            document = f"{version.plan.document.name} (version {version.version})"
            if isinstance(earlier, Action):
                quote = earlier.text
            else:
                quote = f"{earlier.ref} : {earlier.text}" if earlier.text else earlier.ref
        else:
            return None
        return Citation(
            id=item_id, kind=kind, span=span, quote=shorten(quote, 200), document=document
        )


def earlier_id(version: PlanVersion, item_id: str) -> str:
    """The citation id of an item as an archived version held it."""
    return f"{EARLIER_PREFIX}{version.version}:{item_id}"


def _mapping_order(mapping: Mapping) -> tuple[int, list[int], list[int], str]:
    """Criteria in natural order (« Critère 2 » before « Critère 10 »), then numbers."""
    criterion = [int(x) for x in re.findall(r"\d+", mapping.criterion or "")]
    numbers = [int(x) for x in re.findall(r"\d+", mapping.recommendation_key)]
    return (0 if criterion else 1, criterion, numbers, mapping.recommendation_key)


def _short_ref(rec: Recommendation) -> str | None:
    """« C3-R2 » for a recommendation numbered within a criterion."""
    if rec.criterion and rec.number:
        return f"C{rec.criterion.split()[-1]}-R{rec.number}"
    return None


def _pattern(item_id: str) -> IndicatorPattern | None:
    try:
        return load_indicator_patterns().get(item_id.removeprefix(PATTERN_PREFIX))
    except KeyError:
        return None
