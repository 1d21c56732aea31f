"""Documents of a workspace: upload (a background ingestion job), list, read, replace, delete.

Uploads answer 202 with the job to poll (``GET .../jobs/{id}``): parsing a long PDF takes
longer than a request should. Replacing a document ingests a new version under the stored
document's name, so its id, and the reviews made on its actions, carry over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, BinaryIO

from fastapi import APIRouter, File, Form, Path, Response, UploadFile

from api import reads
from api.deps import AuthorDep, ContextDep, PageDep, WorkspaceDep
from api.errors import WORKSPACE_ERRORS, ApiError, ErrorBody, not_found
from api.ingestion import start_ingestion
from api.models import DocumentsPublic, JobPublic
from api.responses import cached_read
from api.uploads import safe_filename
from assistant.errors import IngestError, WorkspaceError
from assistant.schema import StructureCorrections, StructureReport
from assistant.schema.workspace import DuplicateChoice
from assistant.store import StoredDocument, Workspace

router = APIRouter(
    prefix="/workspaces/{workspace_id}/documents",
    tags=["documents"],
    responses=WORKSPACE_ERRORS,
)

DocumentId = Annotated[str, Path(max_length=100, description="Id of the document ('doc-…').")]
_UPLOAD_ERRORS: dict[int | str, dict[str, object]] = {
    413: {"model": ErrorBody, "description": "Too many or too large files."},
    415: {"model": ErrorBody, "description": "Not a PDF, DOCX, XLSX, CSV, TXT or MD file."},
}


@dataclass
class _Renamed:
    """An upload stored under another name (a new version of a stored document)."""

    filename: str | None
    file: BinaryIO


def _document(workspace: Workspace, document_id: str) -> StoredDocument:
    found = next((d for d in reads.documents(workspace) if d.id == document_id), None)
    if found is None:
        raise not_found(f"Aucun document « {document_id} » dans cet espace de travail.")
    return found


def _job_response(response: Response, workspace: Workspace, job: JobPublic) -> JobPublic:
    response.headers["Location"] = f"/workspaces/{workspace.root.name}/jobs/{job.id}"
    return job


@router.get("", response_model=DocumentsPublic, summary="Documents de l'espace")
@cached_read()
def list_documents(workspace: WorkspaceDep, page: PageDep) -> DocumentsPublic:
    """Documents of the workspace, by name, with what was extracted from each."""
    documents = reads.documents(workspace)
    return DocumentsPublic(data=page.of(documents), count=len(documents))


@router.post(
    "",
    status_code=202,
    response_model=JobPublic,
    summary="Déposer des fichiers (import en tâche de fond)",
    responses=_UPLOAD_ERRORS,
)
def upload_documents(
    context: ContextDep,
    workspace: WorkspaceDep,
    author: AuthorDep,
    files: Annotated[
        list[UploadFile],
        File(min_length=1, description="PDF, DOCX, XLSX, CSV, TXT or MD files."),
    ],
    response: Response,
    duplicates: Annotated[
        DuplicateChoice,
        Form(
            description="A file whose content is (nearly) that of a stored document or of "
            "another file of the upload: 'skip' keeps the stored one and reports the "
            "duplicate in the job's result (outcome 'duplicate', French note); 'version' "
            "stores it as the next version of that plan (earlier versions are kept); "
            "'both' stores it as a document of its own (another programme's plan written "
            "from the same template), with a French warning naming the one it resembles."
        ),
    ] = DuplicateChoice.SKIP,
) -> JobPublic:
    """Upload files; they are ingested by a background job (step 3 of the flow).

    Send the expert report, the SWOT and the action plan (PDF, DOCX, XLSX, CSV, TXT or MD)
    as `multipart/form-data` parts all named `files`. The answer is 202 with the job, also
    in the `Location` header: poll `GET /workspaces/{workspace_id}/jobs/{job_id}` until its
    `state` is `succeeded` or `failed`. The job parses and stores the files (all or
    nothing), indexes them and computes the mapping and the audit, so that the reads that
    follow answer at once. A duplicate (the same plan as .docx and .pdf, say) is never
    stored silently: see `duplicates`, and each file's `outcome` and `note` in the result.
    """
    job = start_ingestion(context, workspace, files, author, duplicates)
    return _job_response(response, workspace, JobPublic.model_validate(job.model_dump()))


@router.get("/{document_id}", response_model=StoredDocument, summary="Un document")
@cached_read()
def read_document(workspace: WorkspaceDep, document_id: DocumentId) -> StoredDocument:
    """One document of the workspace."""
    return _document(workspace, document_id)


@router.put(
    "/{document_id}",
    status_code=202,
    response_model=JobPublic,
    summary="Remplacer un document par une nouvelle version",
    responses=_UPLOAD_ERRORS,
)
def replace_document(
    context: ContextDep,
    workspace: WorkspaceDep,
    author: AuthorDep,
    document_id: DocumentId,
    file: Annotated[UploadFile, File(description="New version, in the document's format.")],
    response: Response,
) -> JobPublic:
    """Re-ingest a document from a new version of its file (same format), as a job.

    The document keeps its id, and the reviews made on its actions carry over.
    """
    stored = _document(workspace, document_id)
    given = safe_filename(file.filename)
    if given.rsplit(".", 1)[-1].lower() != stored.name.rsplit(".", 1)[-1].lower():
        raise ApiError(
            415,
            "unsupported_format",
            f"La nouvelle version de « {stored.name} » doit être au même format (reçu : {given}).",
        )
    job = start_ingestion(context, workspace, [_Renamed(stored.name, file.file)], author)
    return _job_response(response, workspace, JobPublic.model_validate(job.model_dump()))


@router.delete(
    "/{document_id}",
    response_model=StoredDocument,
    summary="Retirer un document et ses éléments",
)
def delete_document(workspace: WorkspaceDep, document_id: DocumentId) -> StoredDocument:
    """Remove a document and its items (its original file is kept for the audit trail)."""
    name = _document(workspace, document_id).name
    try:
        return workspace.remove(name)
    except WorkspaceError:
        _document(workspace, document_id)  # 404 if another request removed it meanwhile
        raise


@router.get(
    "/{document_id}/structure",
    response_model=StructureReport,
    summary="Lecture des tableaux d'un document",
)
@cached_read()
def read_structure(workspace: WorkspaceDep, document_id: DocumentId) -> StructureReport:
    """How the document's tables were read: each column's role and how sure, the
    plausibility checks, and the coordinator's corrections in force (`corrections`)."""
    stored = _document(workspace, document_id)
    report = workspace.structure(stored.name)
    if report is None:
        raise not_found(
            f"La lecture des tableaux de « {stored.name} » n'a pas été conservée (document "
            "importé avant cette version) : réimportez-le."
        )
    return report


@router.put(
    "/{document_id}/structure",
    status_code=202,
    response_model=JobPublic,
    summary="Corriger la lecture des tableaux d'un document",
)
def correct_structure(
    context: ContextDep,
    workspace: WorkspaceDep,
    author: AuthorDep,
    document_id: DocumentId,
    corrections: StructureCorrections,
    response: Response,
) -> JobPublic:
    """Keep the coordinator's corrections (column roles, « pas un plan ») and read the
    document again with them, as a job; every later import of the file applies them.

    The corrections are checked first on the stored original: when they leave a
    corrected table without any action, or the document unreadable, the answer is 422
    and nothing is kept.
    """
    from assistant import services

    stored = _document(workspace, document_id)
    try:
        services.save_structure_corrections(workspace, stored.name, corrections, context.settings)
    except IngestError as error:
        raise ApiError(422, "structure_correction_refused", str(error)) from error
    with (workspace.root / stored.original_path).open("rb") as original:
        job = start_ingestion(context, workspace, [_Renamed(stored.name, original)], author)
    return _job_response(response, workspace, JobPublic.model_validate(job.model_dump()))
