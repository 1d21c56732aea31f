"""The workspace's analyses, computed once per state and shared by every adapter and the chat.

`workspace_mappings` (the traceability matrix) and `workspace_audit` (mappings, gaps, SMART
scores and drafts) are what the CLI, the TUI, the API and the conversation all show. Each
result is looked up, in this order, in this process's memory, then in the workspace's
stored analyses (`assistant.analyses.store`: written by whichever process computed it
first, the API's import job, a CLI command, another server worker), and only then computed
— the embedding model is loaded only in that last case. The key is the workspace's
`fingerprint()` with what else changes the result, so an import, a removal or an accepted
draft gives a new key, whoever made it.

Concurrent threads asking for the same result wait for the first one instead of each
computing it.
"""

from __future__ import annotations

import base64
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import TypeAdapter

from assistant.analyses import unchanged
from assistant.analyses.store import AnalysisFiles, AnalysisKey
from assistant.audit.changes import compare_versions
from assistant.audit.earlier_citations import EarlierCitation, earlier_citations
from assistant.audit.service import ActionDrafter, Drafter, run_audit, settled_mappings
from assistant.drafting import build_context, draft_actions_for, draft_for_actions
from assistant.errors import WorkspaceChangingError
from assistant.mapping.semantic import calibration, embedder_name
from assistant.mapping.service import build_mappings
from assistant.retrieval import workspace_indexes
from assistant.retrieval.embedder import Embedder
from assistant.retrieval.french import make_tokenizer
from assistant.retrieval.hybrid import HybridRetriever
from assistant.schema import Action, AuditReport, Draft, LinkDecision, Mapping, Plan
from assistant.schema.changes import PlanChanges
from assistant.schema.workspace import PlanVersion
from assistant.settings import Settings
from assistant.store import Workspace
from assistant.store.link_decisions import decisions_revision, link_decisions

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

T = TypeVar("T")
#: Results kept in this process's memory (least recently used dropped first).
MEMORY_ENTRIES = 32
_MAPPINGS = TypeAdapter(list[Mapping])


@dataclass(frozen=True)
class WorkspaceState:
    """The documents of a workspace as they are now, read once for one analysis."""

    fingerprint: str
    plans: list[Plan]
    # the coordinator's confirmed and rejected links: they change mappings and audit
    decisions: list[LinkDecision] = field(default_factory=list)
    decisions_revision: str = ""


def current_state(workspace: Workspace) -> WorkspaceState:
    """The fingerprint and the plans it is the digest of.

    Raises:
        WorkspaceChangingError: imports kept changing the workspace while it was read.
    """
    fingerprint = unchanged.fingerprint(workspace)
    for _ in range(3):
        plans = workspace.plans()
        now = unchanged.fingerprint(workspace)
        if now == fingerprint:
            return WorkspaceState(
                fingerprint, plans, link_decisions(workspace), decisions_revision(workspace)
            )
        fingerprint = now
    raise WorkspaceChangingError()


def workspace_mappings(
    workspace: Workspace,
    settings: Settings,
    *,
    state: WorkspaceState | None = None,
    semantic: bool = True,
    searcher: HybridRetriever | None = None,
    embedder: Embedder | None = None,
) -> list[Mapping]:
    """The traceability matrix (recommendation → actions) of every document of `workspace`.

    Args:
        state: the state already read (default: read now).
        semantic: False keeps the written links only (no model).
        searcher: a retriever to use instead of the workspace's own (tests, tools).
        embedder: the embedder of the workspace's retriever, opened only if the result
            must be computed (default: the configured model; a test's fake).
        llm: the chat model that rewords the drafts (default: the one the settings
            configure, none unless an LLM preset is chosen; a test's fake).

    Raises:
        EmbeddingModelError, VectorStoreError: the retriever cannot be opened.
    """
    state = state or current_state(workspace)
    plans = state.plans
    use_search = semantic and _has_actions(plans)
    key = AnalysisKey.of(
        "mappings",
        state.fingerprint,
        [plan.document.id for plan in plans],
        semantic=use_search,
        decisions=state.decisions_revision,
        **_settings_options(settings, searcher if use_search else None, embedder),
    )

    def compute() -> list[Mapping]:
        found = _searcher(workspace, settings, searcher, embedder) if use_search else None
        tokenize = make_tokenizer(settings.retrieval.tokenizer).tokenize
        actions = {action.id: action for plan in plans for action in plan.actions}
        # The audit's verdict (stalled-only recommendations are not « Couverte ») and its
        # links to confirm (`audit.weak_links`), everywhere.
        params = calibration(embedder_name(found))
        mappings = build_mappings(plans, found, tokenize, params=params, decisions=state.decisions)
        earlier = _earlier_citations(workspace, plans, plan_changes(workspace, plans))
        return settled_mappings(mappings, actions, earlier, covered=params.covered)

    return _shared(
        workspace,
        key,
        compute,
        lambda value: _MAPPINGS.dump_json(value).decode(),
        _MAPPINGS.validate_json,
    )


def workspace_audit(
    workspace: Workspace,
    settings: Settings,
    *,
    as_of: date,
    drafts: bool = True,
    plans: Sequence[Plan] | None = None,
    state: WorkspaceState | None = None,
    searcher: HybridRetriever | None = None,
    embedder: Embedder | None = None,
    llm: BaseChatModel | None = None,
) -> AuditReport:
    """The gap audit of `workspace` (with drafts unless `drafts` is False).

    Args:
        as_of: reference date for deadlines.
        plans: the documents audited (default: all; the conversation passes its main plan
            with the reports and SWOT analyses, which is all of them in most workspaces, and
            then gets the very audit the report shows). Drafts learn from every plan.
        state: the state already read (default: read now).
        searcher: a retriever to use instead of the workspace's own (tests, tools).
        embedder: the embedder of the workspace's retriever, opened only if the result
            must be computed (default: the configured model; a test's fake).
        llm: the chat model that rewords the drafts (default: the one the settings
            configure, none unless an LLM preset is chosen; a test's fake).

    Raises:
        EmbeddingModelError, VectorStoreError: the retriever cannot be opened.
    """
    state = state or current_state(workspace)
    every = state.plans
    audited = list(every if plans is None else plans)
    use_search = _has_actions(audited)
    key = _audit_key(
        state, audited, settings, as_of=as_of, drafts=drafts, searcher=searcher,
        embedder=embedder, llm=llm,
    )  # fmt: skip

    def compute() -> AuditReport:
        found = _searcher(workspace, settings, searcher, embedder) if use_search else None
        drafter, action_drafter = (
            _drafters(every, found, as_of, settings, llm)
            if drafts and found is not None
            else (None, None)
        )
        # what changed since each plan's previous version (the versions are in the state)
        changes = plan_changes(workspace, every)
        report = run_audit(
            audited,
            as_of=as_of,
            searcher=found,
            tokenize=make_tokenizer(settings.retrieval.tokenizer).tokenize,
            drafter=drafter,
            action_drafter=action_drafter,
            decisions=state.decisions,
            earlier=_earlier_citations(workspace, every, changes),
        )
        return report.model_copy(update={"changes": changes})

    return _shared(
        workspace, key, compute, AuditReport.model_dump_json, AuditReport.model_validate_json
    )


def audit_file(
    workspace: Workspace,
    settings: Settings,
    *,
    as_of: date,
    kind: str,
    produce: Callable[[], bytes],
    drafts: bool = True,
    state: WorkspaceState | None = None,
    embedder: Embedder | None = None,
    **options: Any,
) -> bytes:
    """A file made from the workspace's audit (a rendered report), made once per state.

    Kept like the analyses themselves (this process's memory, then the workspace's stored
    analyses), so that the process which computed the audit — the API import job's worker
    — also writes the files the server then only reads. Its key is the audit's (same
    state, date, drafts, settings and model) with `kind` and `options` (the format, the
    title, the revision of the code that writes it).

    Args:
        produce: makes the file's bytes when they are not stored yet.
        state: the state already read (default: read now).
    """
    state = state or current_state(workspace)
    audit = _audit_key(
        state, state.plans, settings, as_of=as_of, drafts=drafts, searcher=None,
        embedder=embedder, llm=None,
    )  # fmt: skip
    key = AnalysisKey.of(
        kind, state.fingerprint, list(audit.documents), audit=audit.digest, **options
    )
    return _shared(workspace, key, produce, _bytes_as_text, _bytes_from_text)


def forget_in_memory() -> None:
    """Drop this process's memory of results (the stored ones stay; tests, benchmarks)."""
    with _LOCK:
        _MEMORY.clear()


# -- the two caches ----------------------------------------------------------------------

_MEMORY: OrderedDict[tuple[str, str], Any] = OrderedDict()
_LOCK = threading.Lock()
_COMPUTING: dict[tuple[str, str], threading.Lock] = {}


def _shared(
    workspace: Workspace,
    key: AnalysisKey,
    compute: Callable[[], T],
    dump: Callable[[T], str],
    load: Callable[[str], T],
) -> T:
    """The result of `key`: from memory, from the stored analyses, else `compute`d."""
    slot = (str(workspace.root.resolve()), key.digest)
    with _LOCK:
        if slot in _MEMORY:
            _MEMORY.move_to_end(slot)
            found: T = _MEMORY[slot]
            return found
        key_lock = _COMPUTING.setdefault(slot, threading.Lock())
    with key_lock:
        with _LOCK:
            if slot in _MEMORY:
                found = _MEMORY[slot]
                return found
        try:
            files = AnalysisFiles(workspace.indexes_dir)
            stored = files.read(key)
            value: T | None = None
            if stored is not None:
                try:
                    value = load(stored)
                except ValueError:  # written by another schema: compute it again
                    value = None
            if value is None:
                value = compute()
                files.write(key, dump(value))
        finally:
            with _LOCK:
                _COMPUTING.pop(slot, None)
        with _LOCK:
            _MEMORY[slot] = value
            while len(_MEMORY) > MEMORY_ENTRIES:
                _MEMORY.popitem(last=False)
        return value


# -- helpers -----------------------------------------------------------------------------


# The configured model behind the workspace's vector cache (the settings name the model).
_CONFIGURED_EMBEDDER = "assistant.retrieval.workspace_indexes.default_embedder"


def _audit_key(
    state: WorkspaceState,
    audited: Sequence[Plan],
    settings: Settings,
    *,
    as_of: date,
    drafts: bool,
    searcher: HybridRetriever | None,
    embedder: Embedder | None,
    llm: BaseChatModel | None,
) -> AnalysisKey:
    """The key of the audit of `audited` (everything its result depends on)."""
    use_search = _has_actions(audited)
    return AnalysisKey.of(
        "audit",
        state.fingerprint,
        [plan.document.id for plan in audited],
        as_of=as_of.isoformat(),
        drafts=drafts and use_search,
        decisions=state.decisions_revision,
        drafting=settings.drafting.model_dump(mode="json"),
        **_settings_options(settings, searcher if use_search else None, embedder, llm),
    )


def _bytes_as_text(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _bytes_from_text(text: str) -> bytes:
    """The stored file's bytes (`binascii.Error`, a `ValueError`: not one of ours)."""
    return base64.b64decode(text, validate=True)


def _settings_options(
    settings: Settings,
    searcher: HybridRetriever | None,
    embedder: Embedder | None = None,
    llm: BaseChatModel | None = None,
) -> dict[str, Any]:
    """The settings and the embedder that change a result (the model gives the links)."""
    if searcher is not None:
        used = f"given:{type(searcher).__name__}:{embedder_name(searcher)}"
    elif embedder is not None:  # the same retriever as a given one, opened on demand
        used = f"given:{HybridRetriever.__name__}:{embedder.name}"
    else:
        used = _CONFIGURED_EMBEDDER
    return {
        "embedding": settings.embedding.model_dump(mode="json"),
        "retrieval": settings.retrieval.model_dump(mode="json"),
        "embedder": used,
        # an LLM preset rewords the drafts (keys and secrets stay out of the key)
        "llm": (
            [settings.llm.provider, getattr(settings.llm, "model", None)]
            if llm is None
            else ["given", type(llm).__name__]
        ),
    }


def _searcher(
    workspace: Workspace,
    settings: Settings,
    given: HybridRetriever | None,
    embedder: Embedder | None = None,
) -> HybridRetriever:
    if given is not None:
        return given
    return workspace_indexes.open_retriever(workspace.root, settings, embedder)


def _has_actions(plans: Sequence[Plan]) -> bool:
    return any(plan.actions for plan in plans)


def _drafters(
    plans: Sequence[Plan],
    searcher: HybridRetriever,
    as_of: date,
    settings: Settings,
    llm: BaseChatModel | None = None,
) -> tuple[Drafter, ActionDrafter]:
    """Drafting of missing owners, indicators, deadlines and actions, over the workspace's plans."""
    context = build_context(list(plans), searcher, as_of)
    floor = settings.drafting.min_confidence

    def drafter(actions: Sequence[Action]) -> list[Draft]:
        drafts = draft_for_actions(actions, context, min_confidence=floor)
        if llm is None and settings.llm.provider == "none":
            return drafts
        # The `ollama` (or an OpenAI-compatible) preset: the wording is made more natural by
        # the model, checked draft by draft (a draft the model spoils is kept as it was).
        from assistant.drafting.llm import rewrite_drafts

        by_id = {action.id: action for action in actions}
        return rewrite_drafts(drafts, by_id, settings.llm, model=llm)

    return drafter, lambda mappings: draft_actions_for(mappings, context)


def _earlier_citations(
    workspace: Workspace, plans: Sequence[Plan], changes: Sequence[PlanChanges]
) -> list[EarlierCitation]:
    """The later reports' reused references, with the actions of plans stored before them."""
    stored = {document.name: document.ingested_at for document in workspace.documents()}
    return earlier_citations(changes, plans, stored)


def plan_changes(workspace: Workspace, plans: Sequence[Plan] | None = None) -> list[PlanChanges]:
    """What changed in each plan of the workspace since its previous version."""
    current_plans = {
        plan.document.id: plan for plan in (workspace.plans() if plans is None else plans)
    }
    latest: dict[str, PlanVersion] = {}
    for earlier in workspace.versions():
        latest[earlier.lineage] = earlier  # oldest first: the last one is the previous
    found: list[PlanChanges] = []
    for document in workspace.documents():
        previous = latest.get(document.lineage or document.id)
        current = current_plans.get(document.id)
        if previous is None or current is None:
            continue
        found.append(
            compare_versions(
                previous.plan,
                current,
                lineage=previous.lineage,
                previous_version=previous.version,
                version=document.version,
                plans=list(current_plans.values()),
            )
        )
    return found
