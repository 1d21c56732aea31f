"""The demo audit with drafts, once per test session (FAKE hashing embedder, no model)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path

from fakes import HashingEmbedder

from assistant.audit.service import run_audit
from assistant.drafting import build_context, draft_actions_for, draft_for_actions
from assistant.parsing import parse_file
from assistant.reports import ReportData, build_report_data
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.lexical import LexicalIndex
from assistant.retrieval.vector_store import ChromaVectorStore
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.schema import AuditReport, Plan
from assistant.settings import Settings

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"
AS_OF = date(2026, 11, 23)


@cache
def demo_plans() -> tuple[Plan, ...]:
    names = ("rapport-experts.md", "analyse-swot.md", "plan-action.md")
    return tuple(parse_file(DEMO / name, Settings()) for name in names)


#: The title the demo's golden files were written with.
DEMO_TITLE = "Suivi des recommandations (démonstration)"


def demo_report_data(title: str = DEMO_TITLE) -> ReportData:
    """The demo audit ready to render, under `title`."""
    report, plans = _demo_audit()
    return build_report_data(report, list(plans), title=title)


@cache
def _demo_audit() -> tuple[AuditReport, tuple[Plan, ...]]:
    settings = Settings()
    plans = list(demo_plans())
    embedder = HashingEmbedder()
    retriever = HybridRetriever(
        embedder,
        ChromaVectorStore.in_memory(embedder.name),
        LexicalIndex(StemTokenizer()),
        settings.retrieval,
    )
    retriever.index(workspace_passages(plans))
    context = build_context(plans, retriever, AS_OF)
    report = run_audit(
        plans,
        as_of=AS_OF,
        searcher=retriever,
        tokenize=StemTokenizer().tokenize,
        drafter=lambda actions: draft_for_actions(actions, context),
        action_drafter=lambda mappings: draft_actions_for(mappings, context),
        now=datetime(2026, 11, 23, 9, 0, tzinfo=UTC),
    )
    return report, tuple(plans)
