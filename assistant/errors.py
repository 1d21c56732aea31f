"""Typed errors that a quality coordinator can act on.

Every message names the file and says what to do. Adapters (CLI, API, TUI) show
`str(error)` as is and never a traceback.
"""

from __future__ import annotations

from pathlib import Path


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


class WorkspaceError(PlanAssistantError):
    """The workspace is missing, locked, or was written by a newer version."""

    code = "workspace_error"
