"""Where passage vectors are kept and searched: a small interface, with Chroma behind it.

The interface is what the hybrid retriever needs and nothing more, so that Chroma can be
replaced (or faked) without touching the search logic. Chroma runs embedded in the
workspace (``indexes/chroma``) by default, against a server when
``retrieval.chroma_url`` is set (shared deployments), or in memory for tests and
evaluations.

Two rules keep it offline and correct: collections are created with
``embedding_function=None`` (Chroma's default function downloads a model) and vectors are
always passed in; and each embedding model gets its own collection, so that switching
model never compares vectors from two different spaces.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast, runtime_checkable
from urllib.parse import urlsplit

from assistant.errors import VectorStoreError
from assistant.retrieval.filtering import matches_nothing
from assistant.schema import Passage, PassageFilter
from assistant.settings import RetrievalSettings

if TYPE_CHECKING:
    from chromadb.api import ClientAPI
    from chromadb.api.models.Collection import Collection

CHROMA_DIR_NAME = "chroma"
COLLECTION_PREFIX = "passages"

# Chroma refuses batches above its max batch size (5461 embedded); stay well below.
_BATCH = 1000


@runtime_checkable
class VectorStore(Protocol):
    """Passage vectors, searchable by cosine similarity with metadata filters."""

    def upsert(self, passages: Sequence[Passage], vectors: Sequence[Sequence[float]]) -> None:
        """Add passages with their vectors, replacing any stored under the same ids."""
        ...

    def delete(self, *, ids: Sequence[str] | None = None, document_id: str | None = None) -> None:
        """Delete passages by id, or every passage of a document."""
        ...

    def query(
        self, vector: Sequence[float], k: int, filter: PassageFilter | None = None
    ) -> list[tuple[str, float]]:
        """The `k` passages nearest `vector` as (passage id, cosine similarity), best first."""
        ...

    def passages(self) -> list[Passage]:
        """Every stored passage (to rebuild the lexical index and compare with the source)."""
        ...

    def count(self) -> int: ...

    def reset(self) -> None:
        """Remove every passage (of this model)."""
        ...


def collection_name(model_name: str, namespace: str | None = None) -> str:
    """A valid Chroma collection name for a model, distinct for distinct model names.

    Chroma accepts 3-512 characters of [a-zA-Z0-9._-] starting and ending with a letter or
    digit; the slug keeps names readable and the hash keeps "a/b" and "a-b" apart. A
    `namespace` (a workspace, on a server shared by several) gets collections of its own.
    """
    slug = re.sub(r"[^a-z0-9._-]+", "-", model_name.lower()).strip("-._")[:48]
    digest = hashlib.sha256(model_name.encode("utf-8")).hexdigest()[:10]
    name = f"{COLLECTION_PREFIX}-{slug}-{digest}" if slug else f"{COLLECTION_PREFIX}-{digest}"
    if namespace is not None:
        name += "-ws" + hashlib.sha256(namespace.encode("utf-8")).hexdigest()[:16]
    return name


def chroma_where(passage_filter: PassageFilter | None) -> dict[str, Any] | None:
    """Translate a filter into Chroma's ``where`` syntax (None when nothing is filtered)."""
    if passage_filter is None:
        return None
    conditions: list[dict[str, Any]] = []
    if passage_filter.kinds is not None:
        conditions.append({"kind": {"$in": [kind.value for kind in passage_filter.kinds]}})
    if passage_filter.document_ids is not None:
        conditions.append({"document_id": {"$in": list(passage_filter.document_ids)}})
    if passage_filter.criterion is not None:
        conditions.append({"criterion": passage_filter.criterion})
    if passage_filter.axis is not None:
        conditions.append({"axis": passage_filter.axis})
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


def _metadata(passage: Passage) -> dict[str, str]:
    # Chroma metadata values cannot be null: absent criterion/axis are simply left out,
    # which is also what makes a `criterion` filter skip them.
    metadata = {
        "kind": passage.kind.value,
        "document_id": passage.document_id,
        "passage": passage.model_dump_json(),
    }
    if passage.criterion is not None:
        metadata["criterion"] = passage.criterion
    if passage.axis is not None:
        metadata["axis"] = passage.axis
    return metadata


def _vectors(vectors: Sequence[Sequence[float]]) -> list[Sequence[float] | Sequence[int]]:
    """Vectors as the plain lists Chroma's type hints accept."""
    return [list(vector) for vector in vectors]


def _chroma_settings() -> Any:
    from chromadb.config import Settings as ChromaSettings

    # Telemetry off: plan-assistant sends nothing anywhere.
    return ChromaSettings(anonymized_telemetry=False)


@contextlib.contextmanager
def _chroma_errors(doing: str) -> Iterator[None]:
    """Turn Chroma's and the HTTP client's errors into a `VectorStoreError` a user can act on."""
    import httpx
    from chromadb.errors import ChromaError

    try:
        yield
    except (ChromaError, httpx.HTTPError) as exc:
        raise VectorStoreError(
            f"L'index Chroma a refusé {doing} ({exc}). Reconstruisez les index avec "
            "« plan-assistant reindex » ; si un serveur Chroma est configuré, vérifiez qu'il "
            "tourne toujours."
        ) from exc


class ChromaVectorStore:
    """`VectorStore` on a Chroma collection (cosine space) named after the embedding model."""

    def __init__(self, client: ClientAPI, model_name: str, *, name: str | None = None) -> None:
        """Use (and create if needed) the collection of `model_name` in `client`.

        Args:
            client: any Chroma client (persistent, HTTP or ephemeral).
            model_name: the embedder's name; it chooses the collection.
            name: an explicit collection name (only for isolated in-memory stores).
        """
        self.client = client
        self.model_name = model_name
        self.name = name or collection_name(model_name)
        self._collection = self._open_collection()

    @classmethod
    def persistent(cls, path: Path, model_name: str) -> ChromaVectorStore:
        """A store in a directory (normally ``<workspace>/indexes/chroma``)."""
        import chromadb

        path.mkdir(parents=True, exist_ok=True)
        return cls(
            chromadb.PersistentClient(path=str(path), settings=_chroma_settings()), model_name
        )

    @classmethod
    def http(cls, url: str, model_name: str, namespace: str | None = None) -> ChromaVectorStore:
        """A store on a Chroma server ("http://host:8000").

        Several workspaces may share one server: each passes its own `namespace` and gets
        its own collection (without one, a workspace's sync would delete the others').

        Raises:
            VectorStoreError: the URL is invalid or no Chroma server answers there.
        """
        import chromadb

        parts = urlsplit(url if "://" in url else f"http://{url}")
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            raise VectorStoreError(
                f"Adresse de serveur Chroma invalide : « {url} ». Indiquez-la sous la forme "
                "http://hôte:port dans PLAN_ASSISTANT_RETRIEVAL__CHROMA_URL."
            )
        ssl = parts.scheme == "https"
        port = parts.port or (443 if ssl else 8000)
        try:
            client = chromadb.HttpClient(
                host=parts.hostname, port=port, ssl=ssl, settings=_chroma_settings()
            )
        except Exception as exc:  # chromadb raises ValueError, httpx errors...
            raise VectorStoreError(
                f"Aucun serveur Chroma ne répond à {url} ({exc}). Démarrez-le (chroma run "
                "--path DOSSIER --port PORT) ou retirez PLAN_ASSISTANT_RETRIEVAL__CHROMA_URL pour "
                "utiliser l'index intégré à l'espace de travail."
            ) from exc
        return cls(client, model_name, name=collection_name(model_name, namespace))

    @classmethod
    def in_memory(cls, model_name: str) -> ChromaVectorStore:
        """A store that lives as long as the process, isolated from every other one.

        Chroma shares one in-memory system per process, so each store gets a collection
        of its own (unique suffix) instead of the model's usual name.
        """
        import chromadb

        client = chromadb.EphemeralClient(settings=_chroma_settings())
        unique = f"{collection_name(model_name)}-{uuid.uuid4().hex[:12]}"
        return cls(client, model_name, name=unique)

    @classmethod
    def from_settings(
        cls,
        settings: RetrievalSettings,
        indexes_dir: Path,
        model_name: str,
        namespace: str | None = None,
    ) -> ChromaVectorStore:
        """The server of ``settings.chroma_url`` if set, else ``<indexes_dir>/chroma``.

        `namespace` names the workspace on a server (see `http`); the folder of an
        embedded store belongs to one workspace already.
        """
        if settings.chroma_url:
            return cls.http(settings.chroma_url, model_name, namespace)
        return cls.persistent(indexes_dir / CHROMA_DIR_NAME, model_name)

    def _open_collection(self) -> Collection:
        with _chroma_errors("d'ouvrir la collection de passages"):
            return self.client.get_or_create_collection(
                self.name,
                embedding_function=None,
                metadata={"hnsw:space": "cosine", "model": self.model_name},
            )

    def upsert(self, passages: Sequence[Passage], vectors: Sequence[Sequence[float]]) -> None:
        if len(passages) != len(vectors):
            raise ValueError(f"{len(passages)} passages but {len(vectors)} vectors")
        for start in range(0, len(passages), _BATCH):
            batch = passages[start : start + _BATCH]
            with _chroma_errors("d'enregistrer des passages"):
                self._collection.upsert(
                    ids=[passage.id for passage in batch],
                    embeddings=_vectors(vectors[start : start + _BATCH]),
                    metadatas=cast(Any, [_metadata(passage) for passage in batch]),
                    documents=[passage.text for passage in batch],
                )

    def delete(self, *, ids: Sequence[str] | None = None, document_id: str | None = None) -> None:
        with _chroma_errors("de supprimer des passages"):
            if ids is not None:
                for start in range(0, len(ids), _BATCH):
                    self._collection.delete(ids=list(ids[start : start + _BATCH]))
            if document_id is not None:
                self._collection.delete(where={"document_id": document_id})

    def query(
        self, vector: Sequence[float], k: int, filter: PassageFilter | None = None
    ) -> list[tuple[str, float]]:
        # No count() first: Chroma answers an empty collection (or k above its size) with
        # what it has, and a count is one more round trip per search on a server.
        if k <= 0 or matches_nothing(filter):
            return []
        with _chroma_errors("la recherche"):
            result = self._collection.query(
                query_embeddings=_vectors([vector]),
                n_results=k,
                where=cast(Any, chroma_where(filter)),
                include=cast(Any, ["distances"]),
            )
        ids = result["ids"][0]
        distances = (result["distances"] or [[]])[0]
        # Cosine space: distance = 1 - cosine similarity.
        return [(pid, 1.0 - float(distance)) for pid, distance in zip(ids, distances, strict=True)]

    def passages(self) -> list[Passage]:
        stored: list[Passage] = []
        with _chroma_errors("de relire les passages"):
            for offset in range(0, self.count(), _BATCH):
                page = self._collection.get(
                    include=cast(Any, ["metadatas"]), limit=_BATCH, offset=offset
                )
                for metadata in page["metadatas"] or []:
                    stored.append(Passage.model_validate_json(str(metadata["passage"])))
        return stored

    def vectors(self, ids: Sequence[str]) -> dict[str, list[float]]:
        """The stored vectors of these passages (absent ids are left out)."""
        found: dict[str, list[float]] = {}
        with _chroma_errors("de relire les vecteurs"):
            for start in range(0, len(ids), _BATCH):
                page = self._collection.get(
                    ids=list(ids[start : start + _BATCH]), include=cast(Any, ["embeddings"])
                )
                embeddings = page["embeddings"]
                if embeddings is None:
                    continue
                for passage_id, vector in zip(page["ids"], embeddings, strict=True):
                    found[passage_id] = [float(value) for value in vector]
        return found

    def count(self) -> int:
        with _chroma_errors("de compter les passages"):
            return self._collection.count()

    def reset(self) -> None:
        from chromadb.errors import NotFoundError

        # A collection already gone has nothing to reset.
        with _chroma_errors("de vider la collection"), contextlib.suppress(NotFoundError):
            self.client.delete_collection(self.name)
        self._collection = self._open_collection()
