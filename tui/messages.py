"""Typed messages: what happened, posted to the app by its workers and screens.

Slow work (audit, import, review, export, chat) runs in thread workers that report back
with these messages; the app's handlers turn them into state the screens watch. The
tests assert on them (harlequin's style), so each carries the facts a test needs.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from assistant.ingest import ProgressEvent
from assistant.reports import ReportData
from assistant.schema import (
    Action,
    ActionEdit,
    Draft,
    DraftField,
    LinkDecision,
    Span,
    StructureCorrections,
)
from assistant.schema.chat import Answer
from assistant.schema.workspace import IngestReport


class AuditStarted(Message):
    """The audit of the workspace is being (re)computed."""

    def __init__(self, generation: int) -> None:
        super().__init__()
        self.generation = generation


class AuditReady(Message):
    """The audit of the current workspace state is available."""

    def __init__(self, data: ReportData, generation: int) -> None:
        super().__init__()
        self.data = data
        self.generation = generation


class AuditFailed(Message):
    """The audit could not be computed; `error` is a French message."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


# Share of the bar each stage fills: parsing is the long part, then writing, then indexing.
_STAGE_BAR = {"parse": (0.0, 0.6), "write": (0.6, 0.8), "index": (0.8, 1.0)}


class IngestProgress(Message):
    """Where an import stands (parsing, writing, then indexing)."""

    def __init__(self, event: ProgressEvent) -> None:
        super().__init__()
        self.event = event

    @property
    def fraction(self) -> float:
        """0 → 1 over the three stages, each its share of the bar."""
        start, end = _STAGE_BAR[self.event.stage]
        done = self.event.done / max(self.event.total, 1)
        return min(1.0, start + (end - start) * done)


class DocumentsIngested(Message):
    """An import finished; the report says what each file did."""

    def __init__(self, report: IngestReport) -> None:
        super().__init__()
        self.report = report


class IngestFailed(Message):
    """Nothing was imported; `error` lists the files and what to do."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class DraftAccepted(Message):
    """A draft was applied to its action (`edited`: after rewording): `value` went into
    the action's `field`."""

    def __init__(
        self, draft_id: str, action: Action, *, edited: bool, field: DraftField, value: str
    ) -> None:
        super().__init__()
        self.draft_id = draft_id
        self.action = action
        self.edited = edited
        self.field = field
        self.value = value


class DraftRejected(Message):
    """A draft was turned down (the action is unchanged)."""

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft


class EditUndone(Message):
    """A reviewed change was reverted."""

    def __init__(self, edit: ActionEdit, action: Action | None) -> None:
        super().__init__()
        self.edit = edit
        self.action = action


class LinkDecided(Message):
    """The coordinator confirmed or rejected a proposed link (stored)."""

    def __init__(self, decision: LinkDecision) -> None:
        super().__init__()
        self.decision = decision


class StructureCorrectionAsked(Message):
    """The coordinator asked for a document to be read again with these corrections."""

    def __init__(self, name: str, corrections: StructureCorrections) -> None:
        super().__init__()
        self.name = name
        self.corrections = corrections


class StructureCorrected(Message):
    """A document was read again with the coordinator's corrections of its tables."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


class ReviewFailed(Message):
    """A review step could not be saved; `error` says why."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class ReportExported(Message):
    """The audit report was written to `path`."""

    def __init__(self, path: Path, format: str) -> None:
        super().__init__()
        self.path = path
        self.format = format


class ExportFailed(Message):
    """The report could not be written; `error` says why."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class RecommendationOpened(Message):
    """The detail of a recommendation is shown."""

    def __init__(self, recommendation_id: str) -> None:
        super().__init__()
        self.recommendation_id = recommendation_id


class ActionOpened(Message):
    """The detail of an action is shown."""

    def __init__(self, action_id: str) -> None:
        super().__init__()
        self.action_id = action_id


class PassageOpened(Message):
    """A cited passage is shown in its context."""

    def __init__(self, span: Span) -> None:
        super().__init__()
        self.span = span


class QuestionAsked(Message):
    """A question was sent to the conversation service."""

    def __init__(self, question: str, conversation_id: str | None) -> None:
        super().__init__()
        self.question = question
        self.conversation_id = conversation_id


class AnswerChunk(Message):
    """A piece of the answer, as it streams."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class AnswerReady(Message):
    """The whole answer, with its citations."""

    def __init__(self, answer: Answer) -> None:
        super().__init__()
        self.answer = answer


class AnswerFailed(Message):
    """No answer could be given; `error` says why."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
