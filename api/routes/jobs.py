"""Background ingestion jobs: poll their progress, list them, retry or cancel one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Response

from api import reads
from api.deps import ContextDep, PageDep, WorkspaceDep
from api.errors import WORKSPACE_ERRORS, ErrorBody
from api.models import JobPublic, JobsPublic
from api.responses import cached_read
from assistant.schema import JobState
from assistant.store.jobs import cancel_job, get_job, retry_job

router = APIRouter(
    prefix="/workspaces/{workspace_id}/jobs", tags=["jobs"], responses=WORKSPACE_ERRORS
)

JobId = Annotated[str, Path(max_length=64, description="Id of the job.")]


def _public(job: object) -> JobPublic:
    return JobPublic.model_validate(job, from_attributes=True)


@router.get(
    "",
    response_model=JobsPublic,
    operation_id="list_jobs",
    summary="Tâches d'import de l'espace",
)
@cached_read()
def read_jobs(
    workspace: WorkspaceDep,
    page: PageDep,
    state: Annotated[JobState | None, Query(description="Keep one state.")] = None,
) -> JobsPublic:
    """Ingestion jobs of the workspace, newest first."""
    jobs = [_public(job) for job in reads.jobs(workspace, state)]
    return JobsPublic(data=page.of(jobs), count=len(jobs))


@router.get("/{job_id}", response_model=JobPublic, summary="Avancement d'une tâche d'import")
@cached_read(keep=lambda job: job.state not in (JobState.QUEUED, JobState.RUNNING))
def read_job(context: ContextDep, workspace: WorkspaceDep, job_id: JobId) -> JobPublic:
    """Progress and outcome of a job (step 4): poll until `state` is `succeeded` or `failed`.

    A succeeded job has stored, indexed and analysed the files: mappings, gaps, drafts and
    reports are then served from its result. A failed one says why in `error_message`.
    """
    job = get_job(workspace, job_id)
    if job.state in (JobState.QUEUED, JobState.RUNNING):
        # Its runner may have died (kill -9) while this process lives on: say so now.
        context.runner.recover(workspace)
        job = get_job(workspace, job_id)
    return _public(job)


@router.post(
    "/{job_id}/retry",
    status_code=202,
    response_model=JobPublic,
    operation_id="retry_job",
    summary="Relancer une tâche interrompue",
    responses={409: {"model": ErrorBody, "description": "The job cannot be retried."}},
)
def retry(
    context: ContextDep, workspace: WorkspaceDep, job_id: JobId, response: Response
) -> JobPublic:
    """Run a failed job again, when it is `retryable` (interrupted by a restart)."""
    job = retry_job(workspace, job_id, context.runner.runner_id)
    context.runner.submit(workspace, job.id)
    response.headers["Location"] = f"/workspaces/{workspace.root.name}/jobs/{job.id}"
    return _public(job)


@router.post(
    "/{job_id}/cancel",
    status_code=202,
    response_model=JobPublic,
    operation_id="cancel_job",
    summary="Annuler une tâche en attente ou en cours",
    responses={409: {"model": ErrorBody, "description": "The job is already over."}},
)
def cancel(workspace: WorkspaceDep, job_id: JobId) -> JobPublic:
    """Cancel a queued or running job: a queued job fails at once; a running one stops
    parsing within a second (its error_code is 'cancel_requested' until its runner has
    stopped it, then 'cancelled'). Nothing of the batch is imported."""
    return _public(cancel_job(workspace, job_id))
