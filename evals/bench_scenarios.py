"""What `evals.bench` measures, one scenario per process (so peak memory is the scenario's own).

* `corpus_scenario(n)`: a synthetic corpus of n plans (`evals.synthetic`) through the whole
  pipeline: ingest (per reader), model load, index build, re-ingest of the unchanged corpus
  and rebuild from the cache (no embedding), search latency per mode, mapping, audit,
  chat, and the same index and searches against a Chroma server on loopback.
* `pdf_scenario()`: one ~30-page PDF plan ingested and indexed by a fresh process.
* `audit_scenario()`: 100 recommendations × 1,000 actions, audited once indexed.

Each returns a flat dict of figures (seconds, counts, rates); `evals.bench` prints them.
Timings are wall-clock on this machine, whatever else it is running (the load average is
recorded next to them); the analyses are also timed in CPU seconds (``… cpu s``), which
drift less with the load.

An analysis (mapping, audit) is timed two ways: *computed* — this process's memory and
the workspace's stored analyses forgotten first, so every stage runs on the workspace's
state (the model loaded and the index built already) — and *stored*, read back from the
file a computation wrote (what a later command or another process pays). In the corpus
scenario the first computation also embeds the queries no analysis asked before (SWOT
items, the wordings of the actions whose neighbours drafts need); the second finds them.
The audit is the full one, drafts included, unless a row says otherwise.

The synthetic programmes answer one report with the demo's vocabulary, so the import's
duplicate check (`assistant.ingest.signature`) takes many of them for versions of one
another and skips them; the scenarios then store each skipped plan as its own document
(`store_skipped_duplicates`), so that every later figure is on the whole corpus.
"""

from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from assistant import services
from assistant.analyses import forget_in_memory
from assistant.analyses.store import ANALYSES_DIR
from assistant.ingest import ingest_files, parse_document
from assistant.parsing.batch import ParsedFile
from assistant.retrieval import workspace_indexes
from assistant.retrieval.embedder import Embedder, EmbedRole
from assistant.retrieval.embedding_cache import CACHE_FILE_NAME, CachedEmbedder, EmbeddingCache
from assistant.schema.workspace import IngestReport, Outcome
from assistant.settings import Settings
from assistant.store import Workspace, rebuild_indexes
from evals import bench_pdf, synthetic
from evals.chroma_server import chroma_server

AS_OF = date(2026, 11, 15)
#: Recommendations of the synthetic report (the audit target's count).
RECOMMENDATIONS = 100
#: Searches timed per mode (distinct, not yet embedded, queries each).
SEARCHES = 30
CHAT_QUESTIONS = (
    "Quelles recommandations ne sont couvertes par aucune action ?",
    "Quelles recommandations du critère 3 ne sont pas couvertes ?",
    "Qu'avons-nous prévu pour la recommandation 2 du critère 3 ?",
    "qui en est responsable ?",
    "Quelles actions n'ont pas de responsable ?",
    "Quelles actions n'ont pas d'indicateur ?",
    "Qu'est-ce qui est en retard ?",
    "Quelles actions sont reportées ?",
    "Qui porte les actions sur les stages ?",
    "Quelles actions porte la coordination qualité ?",
    "Résume l'avancement du critère 2",
    "Comment d'autres établissements ont-ils traité la mobilité internationale ?",
    "Que prévoit le plan pour le tutorat des étudiants de première année ?",
    "Propose des indicateurs pour l'action sur le portfolio numérique",
)

Figures = dict[str, Any]


class CountingEmbedder:
    """Wraps the model: counts what it really embeds (cache hits never reach it) and the time."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.passages = 0
        self.queries = 0
        self.seconds = 0.0
        self.load_seconds = 0.0

    @property
    def name(self) -> str:
        return str(self.inner.name)

    @property
    def dimension(self) -> int:
        return int(self.inner.dimension)

    @property
    def embeds_queries_as_passages(self) -> bool:
        return bool(getattr(self.inner, "embeds_queries_as_passages", False))

    def embed_batch(
        self, texts: Sequence[str], *, role: EmbedRole = "passage"
    ) -> list[list[float]]:
        began = time.perf_counter()
        vectors: list[list[float]] = self.inner.embed_batch(texts, role=role)
        self.seconds += time.perf_counter() - began
        if role == "query":
            self.queries += len(texts)
        else:
            self.passages += len(texts)
        return vectors

    def load(self) -> None:
        """Load the model now (what `services.ingest_and_index` starts in the background)."""
        began = time.perf_counter()
        load = getattr(self.inner, "load", None)
        if load is not None:
            load()
        self.load_seconds = time.perf_counter() - began

    def snapshot(self) -> tuple[int, int, float]:
        return self.passages, self.queries, self.seconds


def counting_embedder(settings: Settings, factory: Callable[[], Any] | None) -> CountingEmbedder:
    """The model (the configured one, or `factory()`'s) in a counting wrapper."""
    model = (
        factory() if factory is not None else workspace_indexes.model_embedder(settings.embedding)
    )
    return CountingEmbedder(model)


def behind_cache(counting: CountingEmbedder, workspace: Workspace) -> CachedEmbedder:
    """`counting` behind the workspace's vector cache, as the configured model is by default;
    passed in (`embedder=`) to every service a scenario calls."""
    return CachedEmbedder(counting, EmbeddingCache(workspace.indexes_dir / CACHE_FILE_NAME))


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@contextmanager
def timed(figures: Figures, key: str) -> Iterator[None]:
    began = time.perf_counter()
    yield
    figures[key] = time.perf_counter() - began


@contextmanager
def cpu_timed(figures: Figures, key: str) -> Iterator[None]:
    """Wall seconds under `key`, CPU seconds of this process under `key` with ``cpu s``."""
    began, cpu = time.perf_counter(), time.process_time()
    yield
    figures[key] = time.perf_counter() - began
    figures[key.removesuffix(" s") + " cpu s"] = time.process_time() - cpu


def _seconds(call: Callable[[], object]) -> float:
    began = time.perf_counter()
    call()
    return time.perf_counter() - began


def _wall_and_cpu(call: Callable[[], object]) -> tuple[float, float]:
    began, cpu = time.perf_counter(), time.process_time()
    call()
    return time.perf_counter() - began, time.process_time() - cpu


def forget_analyses(workspace: Workspace) -> None:
    """Forget every analysis of `workspace`: this process's memory and the stored files.

    The next mapping or audit is then computed on the workspace's state (what an import,
    an accepted draft or a changed decision costs), not read back.
    """
    forget_in_memory()
    folder = workspace.indexes_dir / ANALYSES_DIR
    for path in folder.glob("*.json") if folder.is_dir() else ():
        path.unlink()


def computed(workspace: Workspace, call: Callable[[], object]) -> Callable[[], object]:
    """`call` with the analyses forgotten first (see `forget_analyses`)."""

    def afresh() -> object:
        forget_analyses(workspace)
        return call()

    return afresh


def store_skipped_duplicates(workspace: Workspace, report: IngestReport) -> int:
    """Store each file the import skipped as a duplicate as its own document; how many.

    The synthetic plans share the demo's wordings (see the module docstring): the import
    takes them for versions of one another, real plans of different programmes would not be.
    """
    skipped = [Path(f.path) for f in report.files if f.outcome is Outcome.DUPLICATE]
    if skipped:
        settings = workspace.settings
        workspace.write_parsed([ParsedFile(p, parse_document(p, settings)) for p in skipped])
    return len(skipped)


def percentiles(samples: Sequence[float]) -> tuple[float, float]:
    """p50 and p95 (nearest rank) of durations, in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return statistics.median(ordered) * 1000, p95 * 1000


def latencies(calls: Sequence[Callable[[], object]]) -> tuple[float, float]:
    samples = []
    for call in calls:
        began = time.perf_counter()
        call()
        samples.append(time.perf_counter() - began)
    return percentiles(samples)


# -- ingest --------------------------------------------------------------------------------


def reader_figures(paths: Sequence[Path], settings: Settings, figures: Figures) -> None:
    """Pages/s and actions/s of each reader (format): every file parsed again, here, alone.

    The ingestion itself parses large files side by side in worker processes, so its
    per-file times would not be any reader's speed.
    """
    totals: dict[str, list[float]] = {}
    for path in paths:
        began = time.perf_counter()
        plan = parse_document(path, settings)
        seconds = time.perf_counter() - began
        total = totals.setdefault(plan.document.format.value, [0.0, 0.0, 0.0, 0.0])
        total[0] += seconds
        total[1] += plan.document.pages or 0
        total[2] += len(plan.actions)
        total[3] += 1
    for reader, (seconds, pages, actions, files) in totals.items():
        figures[f"reader {reader} files"] = int(files)
        figures[f"reader {reader} pages/s"] = pages / seconds if pages else None
        figures[f"reader {reader} actions/s"] = actions / seconds if actions else None


# -- scenarios -----------------------------------------------------------------------------


def corpus_scenario(
    plans: int,
    *,
    actions: int = 40,
    recommendations: int = RECOMMENDATIONS,
    embedder_factory: Callable[[], Any] | None = None,
    server: bool = True,
) -> Figures:
    """The whole pipeline on `plans` synthetic plans (formats in rotation: PDF, DOCX, XLSX, MD)."""
    figures: Figures = {"plans": plans, "load average": os.getloadavg()[0]}
    settings = Settings()
    counting = counting_embedder(settings, embedder_factory)
    with tempfile.TemporaryDirectory(prefix="plan-assistant-bench-") as scratch:
        root = Path(scratch)
        with timed(figures, "corpus generation s"):
            corpus = synthetic.generate_corpus(plans, actions, recommendations)
            paths = synthetic.write_corpus(corpus, root / "corpus")
        figures["actions"] = corpus.actions
        workspace = Workspace.open(root / "workspace", settings)
        embedder = behind_cache(counting, workspace)
        with timed(figures, "ingest s"):
            imported = ingest_files(workspace, paths)
        figures["duplicates stored apart"] = store_skipped_duplicates(workspace, imported)
        reader_figures(paths, settings, figures)
        figures["pages"] = sum(d.pages or 0 for d in workspace.documents())

        with timed(figures, "model load s"):
            counting.inner.embed_batch(["Charger le modèle"], role="passage")
        counting.passages = counting.queries = 0
        counting.seconds = 0.0
        with timed(figures, "index build s"):
            retriever = services.retriever_for(workspace, settings, embedder)
        figures["passages"] = len(retriever)
        figures["embedded at build"] = counting.passages
        figures["embedding sentences/s"] = (
            counting.passages / counting.seconds if counting.seconds else None
        )

        # Issue 3: an unchanged corpus is re-ingested, re-indexed, rebuilt: nothing embedded.
        before = counting.snapshot()
        with timed(figures, "re-ingest unchanged s"):
            ingest_files(workspace, paths)
            services.retriever_for(workspace, settings, embedder)
        with timed(figures, "rebuild from cache s"):
            rebuild_indexes(workspace, [workspace_indexes.ChromaIndex(embedder)])
            retriever = services.retriever_for(workspace, settings, embedder)
        figures["embedded on re-ingest+rebuild"] = counting.snapshot()[0] - before[0]

        texts = [rec.text for rec in corpus.report.recommendations]
        search_figures(retriever, texts, figures, "")
        mapping_figures(workspace, settings, retriever, texts, figures)
        audit_figures(workspace, settings, embedder, figures)
        chat_figures(workspace, settings, embedder, figures)
        if server:
            server_figures(workspace, settings, embedder, root, texts, figures)
    figures["peak RSS MB"] = peak_rss_mb()
    return figures


def search_figures(retriever: Any, texts: Sequence[str], figures: Figures, suffix: str) -> None:
    """p50/p95 of one search (k=10) per mode, each on queries not embedded before."""
    for index, mode in enumerate(("dense", "lexical", "hybrid")):
        queries = [f"{text} ({mode}{suffix})" for text in texts[index::3][:SEARCHES]]
        p50, p95 = latencies(
            [lambda q=q, m=mode: retriever.search(q, k=10, mode=m) for q in queries]
        )
        figures[f"search {mode}{suffix} p50 ms"] = p50
        figures[f"search {mode}{suffix} p95 ms"] = p95


def mapping_figures(
    workspace: Workspace, settings: Settings, retriever: Any, texts: Sequence[str], figures: Figures
) -> None:
    from assistant.mapping.semantic import score_actions
    from assistant.retrieval.french import make_tokenizer

    tokenize = make_tokenizer(settings.retrieval.tokenizer).tokenize
    documents = sorted({p.document_id for p in retriever.catalogue.values() if p.kind == "action"})
    figures["map one rec p50 ms"], figures["map one rec p95 ms"] = latencies(
        [
            lambda t=t: score_actions(
                f"{t} (une)", retriever, tokenize, k=5, document_ids=documents
            )
            for t in texts[:SEARCHES]
        ]
    )

    def map_all() -> object:
        return services.map_workspace(workspace, settings, embedder=retriever.embedder)

    with cpu_timed(figures, "map all computed s"):
        computed(workspace, map_all)()
    forget_in_memory()
    with timed(figures, "map all stored s"):
        map_all()


def audit_figures(
    workspace: Workspace, settings: Settings, embedder: Embedder, figures: Figures
) -> None:
    def audit(drafts: bool = True) -> object:
        return services.audit_workspace(
            workspace, settings, as_of=AS_OF, drafts=drafts, embedder=embedder
        )

    # The first computation also embeds the queries no analysis asked before (the SWOT
    # items searched, the actions whose neighbours drafts need); the second finds them.
    with cpu_timed(figures, "audit first computed s"):
        computed(workspace, audit)()
    with cpu_timed(figures, "audit computed s"):
        computed(workspace, audit)()
    forget_in_memory()
    with timed(figures, "audit stored s"):
        audit()
    with cpu_timed(figures, "audit without drafts computed s"):
        computed(workspace, lambda: audit(drafts=False))()


def chat_figures(
    workspace: Workspace, settings: Settings, embedder: Embedder, figures: Figures
) -> None:
    """Default-mode answer latency, once the service is warm (if the chat exists in this build)."""
    try:
        from assistant.chat import ConversationService
    except ImportError:
        figures["chat"] = "n/a (chat not available)"
        return
    service = ConversationService(workspace, settings, as_of=AS_OF, embedder=embedder)
    with timed(figures, "chat warm-up s"):
        service.warm_up()
    conversation = service.conversation().id
    calls = [lambda q=q: service.ask(q, conversation) for q in CHAT_QUESTIONS * 2]
    figures["chat p50 ms"], figures["chat p95 ms"] = latencies(calls)


def server_figures(
    workspace: Workspace,
    settings: Settings,
    embedder: Embedder,
    root: Path,
    texts: Sequence[str],
    figures: Figures,
) -> None:
    """The same index on a `chroma run` server on 127.0.0.1, next to the embedded one."""
    from assistant.retrieval.vector_store import ChromaVectorStore
    from assistant.schema import PassageFilter, PassageKind

    embedded = services.retriever_for(workspace, settings, embedder)
    with chroma_server(root / "chroma-server") as url:
        if url is None:
            figures["server"] = "n/a (chroma command not found)"
            return
        remote = settings.model_copy(
            update={"retrieval": settings.retrieval.model_copy(update={"chroma_url": url})}
        )
        with timed(figures, "index build (server) s"):
            retriever = services.retriever_for(workspace, remote, embedder)
        search_figures(retriever, texts, figures, " server")
        # Opening again in a new process: passages read back from the store.
        for label, chosen in (("embedded", settings), ("server", remote)):
            workspace_indexes.forget_open_retrievers()
            with timed(figures, f"reopen ({label}) s"):
                services.retriever_for(workspace, chosen, embedder).search("qualité", k=1)
        # The stores' own filtered search, which the in-memory dense ranking replaces.
        store = ChromaVectorStore.http(url, embedded.embedder.name)
        vector = (
            embedded.queries.get(f"{texts[0]} (dense)")
            or embedded.embedder.embed_batch([texts[0]], role="query")[0]
        )
        only = PassageFilter(kinds=[PassageKind.ACTION])
        for label, chosen_store in (("embedded", embedded.vector_store), ("server", store)):
            p50, _ = latencies([lambda s=chosen_store: s.query(vector, 10, only)] * SEARCHES)
            figures[f"chroma query ({label}) p50 ms"] = p50


def pdf_scenario(
    *, actions: int = 205, embedder_factory: Callable[[], Any] | None = None, zoo_pdfs: int = 1000
) -> Figures:
    """Issue 8's first target: a ~30-page PDF plan ingested and indexed by a fresh process.

    The fresh process does what `plan-assistant ingest` does: `services.ingest_and_index`,
    which loads the model while a worker process parses. Then, model loaded, the same file
    into a second workspace: what an API worker or the terminal UI pays, parse and index
    timed apart.
    """
    figures: Figures = {"load average": os.getloadavg()[0]}
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="plan-assistant-bench-") as scratch:
        root = Path(scratch)
        report = synthetic.generate_report(RECOMMENDATIONS)
        plan = synthetic.generate_plan(0, report, actions)
        path = synthetic.write_plan(plan, root, "pdf")
        counting = counting_embedder(settings, embedder_factory)
        workspace = Workspace.open(root / "workspace", settings)
        with timed(figures, "total s"):
            services.ingest_and_index(
                workspace, [path], settings, embedder=behind_cache(counting, workspace)
            )
        figures["model load s"] = counting.load_seconds
        figures["embedding s"] = counting.seconds
        figures["embedded"] = counting.passages
        figures["pages"] = workspace.documents()[0].pages
        figures["actions"] = len(workspace.actions())
        counting.passages, counting.seconds = 0, 0.0
        warm = Workspace.open(root / "warm", settings)
        with timed(figures, "ingest s"):
            ingest_files(warm, [path], parse_processes=0)
        with timed(figures, "index s"):
            retriever = services.retriever_for(warm, settings, behind_cache(counting, warm))
        figures["warm total s"] = figures["ingest s"] + figures["index s"]
        figures["passages"] = len(retriever)
        figures.update(bench_pdf.pdf_floor_figures([path]))  # issue 19: beside the floor
        zoo = bench_pdf.zoo_pdfs()[:zoo_pdfs]
        figures.update(bench_pdf.pdf_floor_figures(zoo, runs=1, prefix="zoo ", warm=False))
    figures["peak RSS MB"] = peak_rss_mb()
    return figures


def audit_scenario(
    *,
    plans: int = 25,
    actions: int = 40,
    recommendations: int = RECOMMENDATIONS,
    embedder_factory: Callable[[], Any] | None = None,
) -> Figures:
    """Issue 2's audit target: 100 recommendations × 1,000 actions, once indexed."""
    figures: Figures = {"load average": os.getloadavg()[0]}
    settings = Settings()
    counting = counting_embedder(settings, embedder_factory)
    with tempfile.TemporaryDirectory(prefix="plan-assistant-bench-") as scratch:
        root = Path(scratch)
        corpus = synthetic.generate_corpus(plans, actions, recommendations)
        paths = synthetic.write_corpus(corpus, root / "corpus", ("md",))
        workspace = Workspace.open(root / "workspace", settings)
        embedder = behind_cache(counting, workspace)
        figures["duplicates stored apart"] = store_skipped_duplicates(
            workspace, ingest_files(workspace, paths)
        )
        with timed(figures, "index s"):
            services.retriever_for(workspace, settings, embedder)
        figures["recommendations"] = len(corpus.report.recommendations)
        figures["actions"] = len(workspace.actions())

        def audit(drafts: bool = True) -> object:
            return services.audit_workspace(
                workspace, settings, as_of=AS_OF, drafts=drafts, embedder=embedder
            )

        # The first computation in the process also warms what stays warm (query vectors).
        with cpu_timed(figures, "audit first s"):
            computed(workspace, audit)()
        # Medians of three runs (one run can meet a busy moment), CPU time beside wall time.
        for key, call in (
            ("audit computed", computed(workspace, audit)),
            ("audit without drafts computed", computed(workspace, lambda: audit(drafts=False))),
            (
                "map all computed",
                computed(
                    workspace,
                    lambda: services.map_workspace(workspace, settings, embedder=embedder),
                ),
            ),
        ):
            runs = [_wall_and_cpu(call) for _ in range(3)]
            figures[f"{key} s"] = statistics.median(wall for wall, _ in runs)
            figures[f"{key} cpu s"] = statistics.median(cpu for _, cpu in runs)
        audit()  # computed and stored once more, for the read-back figures
        forget_in_memory()
        with cpu_timed(figures, "audit stored s"):
            audit()  # read back from the stored analyses (another process's view)
        figures["audit in memory s"] = statistics.median(_seconds(audit) for _ in range(3))
    figures["peak RSS MB"] = peak_rss_mb()
    return figures
