"""The conversation service, question by question: ``python -m evals --only chat``.

Questions live in ``evals/questions/*.json`` (one file per workspace: the demo corpus, the
shared seeds). Each conversation is a sequence of turns, so follow-ups (« et pour le
critère 4 ? », « qui en est responsable ? ») are evaluated in context. For every turn:

* intent accuracy: the recognised intent is the expected one;
* answer correctness: every expected item is cited (recommendations by key, actions and
  SWOT items by a few words of their wording, so the file stays readable and stable), no
  forbidden item is cited, every expected fact appears in the text (case and accents
  ignored), and the answer passed the grounding check;
* latency: p50 / p95 of `ConversationService.ask` once the service is warm; the warm-up
  (`ConversationService.warm_up`: audit, drafting context, model and index loading) is
  reported apart as « cold ».

The workspaces are built in a temporary directory with the REAL embedder (offline MiniLM)
in the default mode (no LLM). The seeds part is skipped, with the reason, when ../shared is
missing. Targets: intent accuracy and answer correctness ≥ 0.9.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError
from rich.console import Console
from rich.table import Table

from assistant.chat.knowledge import Knowledge
from assistant.chat.models import Answer, Intent
from assistant.chat.service import ConversationService
from assistant.ids import fold
from assistant.settings import Settings
from assistant.store import Workspace
from evals.gold import GoldFormatError
from evals.section import RunOptions, SectionResult
from evals.shared import REPO_ROOT, SharedDataMissing, locate_shared

QUESTIONS_DIR = Path(__file__).with_name("questions")
DEMO_FILES = ("rapport-experts.md", "analyse-swot.md", "plan-action.md")
TARGETS = {"intent accuracy": 0.9, "answer correctness": 0.9}
LATENCY_TARGET_MS = 300.0


class QuestionTurn(BaseModel):
    question: str = Field(min_length=1)
    intent: Intent
    must_cite: list[str] = Field(default_factory=list)
    must_not_cite: list[str] = Field(default_factory=list)
    facts: list[str] = Field(default_factory=list)


class QuestionConversation(BaseModel):
    id: str
    turns: list[QuestionTurn] = Field(min_length=1)


class QuestionSet(BaseModel):
    about: str = Field(default="", validation_alias="_comment")
    workspace: str = Field(pattern="^(demo|seeds)$")
    as_of: date
    conversations: list[QuestionConversation] = Field(min_length=1)

    @property
    def questions(self) -> int:
        return sum(len(c.turns) for c in self.conversations)


def load_question_sets(directory: Path = QUESTIONS_DIR) -> dict[str, QuestionSet]:
    """Every question file, by workspace name.

    Raises:
        GoldFormatError: a file is not valid JSON, or not in the format above.
    """
    sets: dict[str, QuestionSet] = {}
    for path in sorted(directory.glob("*.json")):
        try:
            loaded = QuestionSet.model_validate(json.loads(path.read_text("utf-8")))
        except (json.JSONDecodeError, ValidationError) as error:
            raise GoldFormatError(path, str(error)) from error
        for conversation in loaded.conversations:
            for turn in conversation.turns:
                for ref in (*turn.must_cite, *turn.must_not_cite):
                    if ref.split(":", 1)[0] not in ("rec", "act", "swot"):
                        raise GoldFormatError(path, f"{conversation.id}: référence invalide {ref}")
        sets[loaded.workspace] = loaded
    return sets


def resolve_ref(ref: str, knowledge: Knowledge) -> set[str]:
    """The ids a readable reference designates ('rec:c3/r2', 'act:portfolio numérique')."""
    kind, _, value = ref.partition(":")
    wanted = _plain(value)
    if kind == "rec":
        return {
            rec_id
            for m in knowledge.mappings
            if m.recommendation_key == value
            for rec_id in (m.recommendation_id, *m.also_cited_as)
        }
    if kind == "act":
        return {a.id for a in knowledge.actions.values() if wanted in _plain(a.text)}
    return {i.id for i in knowledge.swot.values() if wanted in _plain(i.text)}


def _plain(text: str) -> str:
    """Folded, with one kind of apostrophe: references are typed on any keyboard."""
    return fold(text.replace("’", "'").replace("‘", "'"))


@dataclass
class TurnResult:
    conversation: str
    question: str
    expected: Intent
    intent: Intent
    correct: bool
    problems: list[str]
    seconds: float


def score_turn(turn: QuestionTurn, answer: Answer, knowledge: Knowledge) -> list[str]:
    """What is wrong with an answer (empty: correct)."""
    problems: list[str] = []
    cited = {c.id for c in answer.citations}
    for ref in turn.must_cite:
        ids = resolve_ref(ref, knowledge)
        if not ids:
            problems.append(f"référence introuvable dans l'espace de travail : {ref}")
        elif not ids & cited:
            problems.append(f"non cité : {ref}")
    for ref in turn.must_not_cite:
        if resolve_ref(ref, knowledge) & cited:
            problems.append(f"cité à tort : {ref}")
    text = _plain(answer.text)
    for fact in turn.facts:
        if _plain(fact) not in text:
            problems.append(f"fait absent : « {fact} »")
    if not answer.grounded:
        problems.append("réponse non vérifiée : " + "; ".join(answer.warnings)[:300])
    return problems


def evaluate_set(questions: QuestionSet, service: ConversationService) -> list[TurnResult]:
    """Ask every conversation of a set, in order, and score every turn."""
    results: list[TurnResult] = []
    for conversation in questions.conversations:
        conversation_id: str | None = None
        for turn in conversation.turns:
            start = time.perf_counter()
            answer = service.ask(turn.question, conversation_id)
            seconds = time.perf_counter() - start
            conversation_id = answer.conversation_id
            problems = score_turn(turn, answer, service.knowledge())
            if answer.intent is not turn.intent:
                problems.insert(
                    0, f"intention {answer.intent.value} au lieu de {turn.intent.value}"
                )
            results.append(
                TurnResult(conversation.id, turn.question, turn.intent, answer.intent,
                           not [p for p in problems if not p.startswith("intention")], problems, seconds)
            )  # fmt: skip
    return results


def build_workspace(
    kind: str, directory: Path, settings: Settings, shared: Path | None
) -> Workspace:
    """A fresh workspace holding the demo corpus or the shared seeds.

    Raises:
        SharedDataMissing: the seeds are asked for and ../shared is not there.
    """
    if kind == "demo":
        files = [REPO_ROOT / "corpus" / "demo" / name for name in DEMO_FILES]
    else:
        files = sorted(locate_shared(shared).seeds.glob("*.txt"))
    workspace = Workspace.open(directory / kind, settings)
    workspace.ingest(files)
    return workspace


@dataclass
class ChatFigures:
    results: dict[str, list[TurnResult]] = field(default_factory=dict)
    warm_up: dict[str, float] = field(default_factory=dict)  # seconds, per workspace

    def _all(self) -> list[TurnResult]:
        return [r for results in self.results.values() for r in results]

    def intent_accuracy(self, name: str | None = None) -> float:
        rows = self.results[name] if name else self._all()
        return sum(r.intent is r.expected for r in rows) / max(1, len(rows))

    def correctness(self, name: str | None = None) -> float:
        rows = self.results[name] if name else self._all()
        return sum(r.correct for r in rows) / max(1, len(rows))

    def latencies_ms(self, name: str | None = None) -> tuple[float, list[float]]:
        """(cold: the longest warm-up, warm: every question after it), milliseconds."""
        names = [name] if name else list(self.results)
        cold = [self.warm_up.get(n, 0.0) * 1000 for n in names]
        warm = [r.seconds * 1000 for n in names for r in self.results[n]]
        return (max(cold) if cold else 0.0), warm


def percentile(values: Sequence[float], share: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[round(share * 100) - 1]


ServiceFactory = Callable[[Workspace, Settings, date], ConversationService]


def default_factory(workspace: Workspace, settings: Settings, as_of: date) -> ConversationService:
    return ConversationService(workspace, settings, as_of=as_of)


def run_chat_eval(
    settings: Settings,
    shared: Path | None,
    *,
    factory: ServiceFactory = default_factory,
    only: Sequence[str] = ("demo", "seeds"),
) -> tuple[ChatFigures, dict[str, str]]:
    """Evaluate every question set; returns the figures and the sets skipped (with why)."""
    figures = ChatFigures()
    skipped: dict[str, str] = {}
    sets = load_question_sets()
    with tempfile.TemporaryDirectory(prefix="chat-eval-") as directory:
        for name in only:
            if name not in sets:
                continue
            try:
                workspace = build_workspace(name, Path(directory), settings, shared)
            except SharedDataMissing as missing:
                skipped[name] = str(missing)
                continue
            service = factory(workspace, settings, sets[name].as_of)
            start = time.perf_counter()
            service.warm_up()  # the audit, the model, the indexes: « once warm »
            figures.warm_up[name] = time.perf_counter() - start
            figures.results[name] = evaluate_set(sets[name], service)
    return figures, skipped


class ChatSection:
    name = "chat"

    def run(self, options: RunOptions, console: Console) -> SectionResult:
        figures, skipped = run_chat_eval(Settings(), options.shared)
        for name, reason in skipped.items():
            console.print(f"[yellow]Questions « {name} » skipped:[/] {reason}")
        table = Table(title="Conversation (default mode, no LLM)", title_justify="left")
        for column in (
            "questions",
            "n",
            "intent accuracy",
            "answer correctness",
            "warm-up ms",
            "p50 ms",
            "p95 ms",
        ):
            table.add_column(column)
        payload: dict[str, Any] = {"sets": {}, "skipped": skipped}
        for name in [*figures.results, None]:
            cold, warm = figures.latencies_ms(name)
            rows = figures.results[name] if name else figures._all()
            row = {
                "questions": len(rows),
                "intent_accuracy": figures.intent_accuracy(name),
                "answer_correctness": figures.correctness(name),
                "cold_ms": cold,
                "p50_ms": percentile(warm, 0.5),
                "p95_ms": percentile(warm, 0.95),
            }
            payload["sets"][name or "all"] = row
            table.add_row(name or "all", str(row["questions"]), f"{row['intent_accuracy']:.3f}",
                          f"{row['answer_correctness']:.3f}", f"{cold:.0f}", f"{row['p50_ms']:.0f}",
                          f"{row['p95_ms']:.0f}")  # fmt: skip
        console.print(table)
        failures = [r for results in figures.results.values() for r in results if r.problems]
        payload["failures"] = [
            {"conversation": r.conversation, "question": r.question, "problems": r.problems}
            for r in failures
        ]
        if options.details:
            for result in failures:
                console.print(
                    f"[red]✗[/] {result.conversation} « {result.question} » : {'; '.join(result.problems)}",
                    highlight=False,
                )
        overall = payload["sets"]["all"]
        verdicts = {
            "intent accuracy": overall["intent_accuracy"] >= TARGETS["intent accuracy"],
            "answer correctness": overall["answer_correctness"] >= TARGETS["answer correctness"],
        }
        for label, ok in verdicts.items():
            value = overall[
                "intent_accuracy" if label == "intent accuracy" else "answer_correctness"
            ]
            console.print(
                f"{label}: {value:.3f} (target ≥ {TARGETS[label]}) {'PASS' if ok else 'MISS'}"
            )
        console.print(
            f"warm latency p95: {overall['p95_ms']:.0f} ms (target < {LATENCY_TARGET_MS:.0f} ms)"
        )
        payload["targets"] = verdicts
        return SectionResult(self.name, passed=all(verdicts.values()), payload=payload)
