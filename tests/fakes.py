"""Deterministic FAKES for external services the tests must not depend on.

`HashingEmbedder` stands in for a sentence-transformers model: fast, deterministic, and
similar texts (shared French stems) get similar vectors. It is a fake, not a model. Tests
pass it in (`embedder=` of the services, `open_retriever`, `create_app`, `make_app`, or
`CliSeams` for the command line); it is the one fake embedder of the test suite.
`FakeParser` is, likewise, the one fake parser (the `parser=` of the ingest functions).
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
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import AIMessage, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatResult
from pydantic import Field

from assistant.errors import CorruptFileError
from assistant.ids import document_id
from assistant.llm import Backend
from assistant.readers.source_file import SourceFile
from assistant.retrieval.embedder import Embedder, EmbedRole
from assistant.retrieval.embedding_cache import CACHE_FILE_NAME, CachedEmbedder, EmbeddingCache
from assistant.retrieval.french import StemTokenizer
from assistant.schema import Action, Document, DocumentFormat, Plan, Span
from assistant.settings import Settings
from assistant.store import Workspace

if TYPE_CHECKING:
    from click.testing import Result

    from assistant.reports import ReportData
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
    """FAKE parser (an `assistant.parsing.Parser`), NOT the real one: each file gives a plan
    whose actions are `action_ids`, and a file whose name holds « abime » is refused as
    damaged. It takes a loaded file (`SourceFile`) as the ingest service gives it, or a path.

    Every path it is asked to parse is recorded in `calls`, in order.
    """

    def __init__(self, action_ids: Sequence[str] = ("act-1",)) -> None:
        self.action_ids = tuple(action_ids)
        self.calls: list[Path] = []

    def __call__(self, source: SourceFile | Path, settings: Settings, /) -> Plan:
        path, data = _loaded(source)
        self.calls.append(path)
        if "abime" in path.name:
            raise CorruptFileError(path, "le fichier est endommagé.")
        doc = document_id(path.name)
        span = Span(file=path.name, line_start=1, line_end=1)
        return Plan(
            document=Document(
                id=doc,
                name=path.name,
                format=DocumentFormat.TXT,
                sha256=hashlib.sha256(data).hexdigest(),
                size_bytes=len(data),
            ),
            actions=[Action(id=i, document_id=doc, text=i, source=span) for i in self.action_ids],
        )


def invoke_cli(args: Sequence[str], **options: Any) -> Result:
    """``plan-assistant ARGS`` with the FAKE embedder passed in (no model is loaded)."""
    from typer.testing import CliRunner

    from assistant.cli.app import app
    from assistant.cli.state import CliSeams

    return CliRunner().invoke(app, list(args), obj=CliSeams(embedder=HashingEmbedder()), **options)


def parse_json_plan(source: SourceFile | Path, settings: Settings, /) -> Plan:
    """FAKE parser (an `assistant.parsing.Parser`) for tests that build their plans as
    objects: the file holds a `Plan` as JSON, given back with the file's own hash and size."""
    _, data = _loaded(source)
    plan = Plan.model_validate_json(data)
    document = plan.document.model_copy(
        update={"sha256": hashlib.sha256(data).hexdigest(), "size_bytes": len(data)}
    )
    return plan.model_copy(update={"document": document})


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


def _loaded(source: SourceFile | Path) -> tuple[Path, bytes]:
    """The path and bytes of a loaded file (or of a path, read here)."""
    if isinstance(source, Path):
        return source, source.read_bytes()
    return source.path, source.data


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
