"""Deterministic FAKES for external services the tests must not depend on.

`HashingEmbedder` stands in for a sentence-transformers model: fast, deterministic, and
similar texts (shared French stems) get similar vectors. It is a fake, not a model. Tests
pass it in (`embedder=` of the services, `open_retriever`, `create_app`, `make_app`, or
`CliSeams` for the command line); it is the one fake embedder of the test suite.
`FakeParser` is, likewise, the one fake parser (the `parser=` of the ingest functions): it
reads a tiny line format (`tests/core/store/plan_fakes.py` holds plans written in it) or a
plan as JSON.
`FunctionFakeChatModel` is the one fake LangChain chat model outside the chat's tool-calling
tests: it answers with a function of the prompt; `unreachable_chat_model` builds one whose
server never answers, as the LLM factory builds a backend
(`assistant.llm.chat_model(settings, backends=FAKE_BACKENDS)`); the services take one as
`llm=`. `RecordingServices` are the core's analysis services, recorded and made to fail on demand
(`create_app(services=...)`); `failing_store` is a workspace class whose chosen methods
fail (`create_app(store=...)`).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from assistant.errors import CorruptFileError
from assistant.ids import document_id, fold, item_id
from assistant.llm import Backend
from assistant.readers.source_file import SourceFile, load_source
from assistant.retrieval.embedder import Embedder, EmbedRole
from assistant.retrieval.embedding_cache import CACHE_FILE_NAME, CachedEmbedder, EmbeddingCache
from assistant.retrieval.french import StemTokenizer
from assistant.schema import (
    Action,
    Document,
    DocumentFormat,
    ExplicitLink,
    LinkKind,
    Plan,
    Recommendation,
    Span,
    StatusCategory,
    SwotItem,
    SwotKind,
)
from assistant.settings import Settings
from assistant.store import Workspace

if TYPE_CHECKING:
    from click.testing import Result

    from assistant.reports import ReportData, ReportFormat
    from assistant.schema import Mapping


class HashingEmbedder:
    """FAKE embedder: a bag of stemmed words hashed into `dimension` signed buckets."""

    def __init__(self, name: str = "fake-hashing-64", dimension: int = 64) -> None:
        self._name = name
        self._dimension = dimension
        self._tokenizer = StemTokenizer()
        self.embedded: list[str] = []  # every text embedded, in order
        self.roles: list[EmbedRole] = []

    @property
    def name(self) -> str:
        return self._name

    @property
    def dimension(self) -> int:
        return self._dimension

    def embed_batch(
        self, texts: Sequence[str], *, role: EmbedRole = "passage"
    ) -> list[list[float]]:
        self.embedded.extend(texts)
        self.roles.extend([role] * len(texts))
        return [self._vector(text) for text in texts]

    def _vector(self, text: str) -> list[float]:
        vector = [0.0] * self._dimension
        for token in self._tokenizer.tokenize(text):
            digest = hashlib.sha256(token.encode()).digest()
            sign = 1.0 if digest[1] % 2 else -1.0
            vector[digest[0] % self._dimension] += sign
        norm = math.sqrt(sum(value * value for value in vector))
        if norm == 0.0:  # no word at all: a fixed direction rather than a zero vector
            return [1.0] + [0.0] * (self._dimension - 1)
        return [value / norm for value in vector]


def behind_vector_cache(embedder: Embedder, indexes_dir: Path) -> CachedEmbedder:
    """`embedder` behind a workspace's vector cache, as the real model is by default."""
    return CachedEmbedder(embedder, EmbeddingCache(indexes_dir / CACHE_FILE_NAME))


class FakeParser:
    """The FAKE parser (an `assistant.parsing.Parser`), NOT the real one: the one of the tests.

    It takes a loaded file (`SourceFile`, as the ingest service gives it) or a path (then
    loaded here, with the real preliminary checks: missing file, extension, size, empty). It
    reads a tiny line format, one item per line, and builds ids the way the real extractor
    does (`assistant.ids`), so that an item whose wording does not change keeps its id when
    the file changes elsewhere::

        rec: Critère 1, Recommandation 2 | Renforcer le pilotage
        act: Créer un comité | Direction | 2025-2026 | En cours | Nombre de réunions; PV | Critère 1, Recommandation 2
        swot: weakness | Peu de suivi des diplômés
        warning: Tableau p.3 mal aligné

    A file holding a `Plan` as JSON is given back as that plan (with the file's own hash and
    size), for tests that build their plans as objects. Each plan also gets actions whose
    ids are exactly `action_ids` (duplicates included, to test their refusal). A file whose
    name holds « abime », or whose text holds CORROMPU, is refused as damaged. Every path it
    is asked to parse is recorded in `calls`, in order.
    """

    def __init__(self, action_ids: Sequence[str] = ()) -> None:
        self.action_ids = tuple(action_ids)
        self.calls: list[Path] = []

    def __call__(self, source: SourceFile | Path, settings: Settings, /) -> Plan:
        if isinstance(source, Path):
            source = load_source(source, settings.ingest)
        path, data = source.path, source.data
        self.calls.append(path)
        text = data.decode("utf-8")
        if "abime" in path.name or "CORROMPU" in text:
            raise CorruptFileError(path, "le fichier est endommagé.")
        document = Document(
            id=document_id(path.name),
            name=path.name,
            format=DocumentFormat(path.suffix.lstrip(".").lower()),
            sha256=hashlib.sha256(data).hexdigest(),
            size_bytes=len(data),
        )
        if text.lstrip().startswith("{"):
            plan = Plan.model_validate_json(data)
            plan = plan.model_copy(
                update={
                    "document": plan.document.model_copy(
                        update=document.model_dump(include={"sha256", "size_bytes"})
                    )
                }
            )
        else:
            plan = _plan_of_lines(document, text)
        span = Span(file=path.name, line_start=1, line_end=1)
        plan.actions += [
            Action(id=i, document_id=document.id, text=i, source=span) for i in self.action_ids
        ]
        return plan


_STATUS = {"en cours": StatusCategory.IN_PROGRESS, "realise": StatusCategory.DONE}


def _plan_of_lines(document: Document, text: str) -> Plan:
    """The plan of the line format (see `FakeParser`)."""
    plan = Plan(document=document)
    name, doc_id = document.name, document.id
    seen: Counter[str] = Counter()
    recommendation_ids: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        kind, _, rest = line.partition(":")
        fields = [field.strip() for field in rest.split("|")]
        span = Span(file=name, line_start=number, line_end=number, excerpt=line)

        def new_id(prefix: str, key: str) -> str:
            occurrence = seen[prefix + fold(key)]
            seen[prefix + fold(key)] += 1
            return item_id(prefix, doc_id, key, occurrence)

        if kind == "rec":
            ref, wording = fields[0], fields[1] if len(fields) > 1 else None
            criterion, _, rec_number = ref.partition(", Recommandation ")
            rec = Recommendation(
                id=new_id("rec", ref),
                document_id=doc_id,
                ref=ref,
                key=f"c{criterion.removeprefix('Critère ')}/r{rec_number}",
                criterion=criterion or None,
                number=rec_number or None,
                text=wording,
                source=span,
            )
            recommendation_ids[ref] = rec.id
            plan.recommendations.append(rec)
        elif kind == "act":
            fields += [""] * (6 - len(fields))
            wording, owner, deadline, status, indicators, refs = fields[:6]
            plan.actions.append(
                Action(
                    id=new_id("act", wording),
                    document_id=doc_id,
                    text=wording,
                    owner=owner or None,
                    deadline=deadline or None,
                    status=status or None,
                    status_category=_STATUS.get(fold(status), StatusCategory.UNKNOWN),
                    indicators=[i.strip() for i in indicators.split(";") if i.strip()],
                    links=[
                        ExplicitLink(
                            recommendation_id=recommendation_ids[ref.strip()],
                            kind=LinkKind.EXPLICIT,
                            evidence=span,
                        )
                        for ref in refs.split(";")
                        if ref.strip() in recommendation_ids
                    ],
                    source=span,
                )
            )
        elif kind == "swot":
            quadrant, wording = fields[0], fields[1]
            plan.swot.append(
                SwotItem(
                    id=new_id("swot", quadrant + " " + wording),
                    document_id=doc_id,
                    kind=SwotKind(quadrant),
                    text=wording,
                    source=span,
                )
            )
        elif kind == "warning":
            plan.warnings.append(rest.strip())
    return plan


def invoke_cli(args: Sequence[str], **options: Any) -> Result:
    """``plan-assistant ARGS`` with the FAKE embedder passed in (no model is loaded)."""
    from typer.testing import CliRunner

    from assistant.cli.app import app
    from assistant.cli.state import CliSeams

    return CliRunner().invoke(app, list(args), obj=CliSeams(embedder=HashingEmbedder()), **options)


class FunctionFakeChatModel(BaseChatModel):
    """FAKE chat model, NOT an LLM: answers with `respond(prompt)` and records the prompts.

    `options` are the keyword arguments the LLM factory built it with (see
    `unreachable_chat_model`).
    """

    respond: Callable[[str], str]
    prompts: list[str] = Field(default_factory=list)
    options: dict[str, object] = Field(default_factory=dict)

    def _generate(
        self,
        messages: list[BaseMessage],
        stop: list[str] | None = None,
        run_manager: Any = None,
        **kwargs: Any,
    ) -> ChatResult:
        prompt = str(messages[-1].content)
        self.prompts.append(prompt)
        return ChatResult(
            generations=[ChatGeneration(message=AIMessage(content=self.respond(prompt)))]
        )

    @property
    def _llm_type(self) -> str:
        return "fake-function"


def _unreachable(prompt: str) -> str:
    raise ConnectionError("serveur injoignable")


def unreachable_chat_model(**options: object) -> FunctionFakeChatModel:
    """The FAKE model built as LangChain's ``ChatOllama(**options)`` would be, whose server
    never answers (every prompt fails with `ConnectionError`)."""
    return FunctionFakeChatModel(respond=_unreachable, options=options)


#: The LLM factory's backends, every provider built as the FAKE above.
FAKE_BACKENDS = {
    provider: Backend("fakes", unreachable_chat_model.__name__, f"langchain-{provider}")
    for provider in ("ollama", "openai")
}


class RecordingServices:
    """FAKE analysis services (`api.analysis.AnalysisServices`): the core's own, recorded.

    `calls` lists the name of every service called, in order. A name in `refused` makes
    its calls fail the test (nothing may compute any more); `fail_next[name]` is raised by
    the next call of that service only (a breakdown during an analysis).
    """

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.refused: set[str] = set()
        self.fail_next: dict[str, Exception] = {}

    def count(self, name: str) -> int:
        return self.calls.count(name)

    def _called(self, name: str) -> None:
        self.calls.append(name)
        if name in self.refused:
            raise AssertionError(f"{name} was called: the analysis was computed again")
        failure = self.fail_next.pop(name, None)
        if failure is not None:
            raise failure

    def retriever_for(
        self, workspace: Workspace, settings: Settings, embedder: Embedder | None = None
    ) -> object:
        from assistant import services

        self._called("retriever_for")
        return services.retriever_for(workspace, settings, embedder)

    def map_workspace(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        semantic: bool = True,
        embedder: Embedder | None = None,
    ) -> list[Mapping]:
        from assistant import services

        self._called("map_workspace")
        return services.map_workspace(workspace, settings, semantic=semantic, embedder=embedder)

    def audit_workspace(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        as_of: date,
        drafts: bool = True,
        title: str = "Suivi des recommandations des experts",
        embedder: Embedder | None = None,
    ) -> ReportData:
        from assistant import services

        self._called("audit_workspace")
        return services.audit_workspace(
            workspace, settings, as_of=as_of, drafts=drafts, title=title, embedder=embedder
        )

    def report_file(
        self,
        workspace: Workspace,
        settings: Settings,
        *,
        as_of: date,
        report_format: ReportFormat,
        title: str = "Suivi des recommandations des experts",
        embedder: Embedder | None = None,
    ) -> bytes:
        from assistant import services

        self._called("report_file")
        return services.report_file(
            workspace,
            settings,
            as_of=as_of,
            report_format=report_format,
            title=title,
            embedder=embedder,
        )


def failing_store(**failures: Callable[[Workspace], Exception]) -> type[Workspace]:
    """FAKE store: a `Workspace` class whose named methods raise what `failures` make.

    Each value builds the error from the workspace (its path, for a message that names
    it): ``failing_store(swot=lambda ws: WorkspaceError("verrouillé"))``.
    """

    def failing(make: Callable[[Workspace], Exception]) -> Callable[..., Any]:
        def method(self: Workspace, *args: object, **kwargs: object) -> Any:
            raise make(self)

        return method

    return type("FailingWorkspace", (Workspace,), {n: failing(f) for n, f in failures.items()})
