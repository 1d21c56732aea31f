"""Starting an ingestion from an upload: stage the files, record the job, hand it to a runner.

The request returns as soon as the files are safely on disk (202 with the job); the
parsing and the all-or-nothing write happen in the runner's thread (`assistant.store.jobs`).
"""

from __future__ import annotations

from collections.abc import Sequence

from api.context import ApiContext
from api.uploads import Upload, stage_uploads
from assistant.schema import Job
from assistant.schema.workspace import DuplicateChoice
from assistant.store import Workspace
from assistant.store.jobs import create_job, new_job_id, staging_dir


def start_ingestion(
    context: ApiContext,
    workspace: Workspace,
    uploads: Sequence[Upload],
    author: str,
    duplicates: DuplicateChoice = DuplicateChoice.SKIP,
) -> Job:
    """Stage `uploads` and queue their ingestion into `workspace`.

    Raises:
        ApiError: the files are refused (count, size, type, names); nothing is queued.
    """
    limits = context.settings.api
    job_id = new_job_id()
    names = stage_uploads(
        uploads,
        staging_dir(workspace, job_id),
        max_files=limits.max_files_per_upload,
        max_bytes=int(limits.max_upload_mb * 1_000_000),
    )
    job = create_job(workspace, job_id, names, author, context.runner.runner_id, duplicates)
    context.runner.submit(workspace, job.id)
    return job
