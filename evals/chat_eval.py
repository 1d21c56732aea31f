"""The conversation service, question by question: ``python -m evals --only chat``.

Questions live in ``evals/questions/*.json``: each file is about one workspace (the demo
corpus, the shared seeds). ``demo.json`` and ``seeds.json`` are the *existing* set, written
alongside the rules; ``fresh-*.json`` are *fresh* questions written before the rules of
issue 14 changed, phrased as coordinators type them, with a fixed third kept *aside*
(``"set": "aside"``) that rule work never looks at in detail. The three parts are reported
separately: existing, fresh in-sample, fresh aside. A second batch of fresh questions
(``"batch": 2``, files ``fresh2-*.json``), written in the fourth session before its rule work
and with its aside third in files of its own (``"set": "aside"`` at the top of the file), is
reported apart again (« fresh-2 in-sample », « fresh-2 aside »), and so is a fourth batch
(``"batch": 4``, files ``fresh4-*.json``, session 6: every third conversation of each file
in writing order aside), a fifth (``"batch": 5``, files ``fresh5-*.json``, session 7, split
by the same rule, with questions the product cannot answer) and a sixth (``"batch": 6``, files
``fresh6-*.json``, session 8, same split: morphology variants, synonyms, typos, negations,
comparisons, counts) and a seventh (``"batch": 7``, files ``fresh7-*.json``, session 10, same
split: ordinal follow-ups, negated statuses, aggregates per criterion, out-of-scope questions, and
a real plan never asked about before, ``seed:helha``) and an eighth (``"batch": 8``, files
``fresh8-*.json``, session 11: deadlines in a period, the next deadline, costs, time words) and a
ninth (``"batch": 9``, files ``fresh9-*.json``, session 12, same split: the audit's gaps, « lacunes »,
« manques », « constats », counted as the report counts them) and a tenth (``"batch": 10``, files
``fresh10-*.json``, session 12, same split: yes/no questions, « qui », « quand », « combien »,
comparisons, follow-ups and out-of-scope questions on the demo, as directors type them) and an eleventh
(``"batch": 11``, files ``fresh11-*.json``, session 13, same split: out-of-scope and
not-in-the-documents questions, advice, follow-ups, aggregates, versions) and a twelfth
(``"batch": 12``, files ``fresh12-*.json``, session 14, same split: coordinators' and directors'
« qui / quand / combien / où en est / que manque-t-il / que faire » over the demo, its versions and
the itn and promsoc seeds, with questions the documents do not answer); it also asks about single real
plans (workspace ``seed:promsoc``: only the seed whose name starts with « promsoc »). Each conversation is a sequence of turns, so follow-ups (« et pour le
critère 4 ? », « qui en est responsable ? ») are evaluated in context. For every turn:

* intent accuracy: the recognised intent is the expected one;
* answer correctness: every expected item is cited (recommendations by key, actions and
  SWOT items by a few words of their wording, so the file stays readable and stable), no
  forbidden item is cited, every expected fact appears in the text (case and accents
  ignored; « a | b » accepts either wording), no forbidden fact does (``not_facts``: a function word echoed as a search
  term), and the answer passed the grounding check; fresh answers must also read as for a
  person: no internal id (« act-3dc503cbcc8b ») in the text a coordinator sees, no stem
  (« charg → chart ») in the warnings;
* latency: p50 / p95 of `ConversationService.ask` once the service is warm; the warm-up
  (`ConversationService.warm_up`: audit, drafting context, model and index loading) is
  reported apart as « cold ».

The workspaces are built in a temporary directory with the REAL embedder (offline MiniLM)
in the default mode (no LLM). The seeds part is skipped, with the reason, when ../shared is
missing. Targets: intent accuracy and answer correctness ≥ 0.9 on the existing set, answer
correctness ≥ 0.85 on the fresh aside third.
"""

from __future__ import annotations

import json
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, ValidationError, model_validator
from rich.console import Console
from rich.table import Table

from assistant.chat.formatting import numbered
from assistant.chat.knowledge import Knowledge
from assistant.chat.service import ConversationService
from assistant.ids import fold
from assistant.ingest import ingest_files
from assistant.schema.chat import Answer, Intent
from assistant.settings import Settings
from assistant.store import Workspace
from evals.gold import GoldFormatError
from evals.section import RunOptions, SectionResult
from evals.shared import REPO_ROOT, SharedDataMissing, locate_shared

QUESTIONS_DIR = Path(__file__).with_name("questions")
DEMO_FILES = ("rapport-experts.md", "analyse-swot.md", "plan-action.md")
TARGETS = {"intent accuracy": 0.9, "answer correctness": 0.9}
#: Answer correctness the fresh aside third must reach (issue 14).
FRESH_ASIDE_TARGET = 0.85
#: The parts reported apart, in this order.
PARTS = (
    "existing",
    "fresh in-sample",
    "fresh aside",
    "fresh-2 in-sample",
    "fresh-2 aside",
    "fresh-3 in-sample",
    "fresh-3 aside",
    "fresh-4 in-sample",
    "fresh-4 aside",
    "fresh-5 in-sample",
    "fresh-5 aside",
    "fresh-6 in-sample",
    "fresh-6 aside",
    "fresh-7 in-sample",
    "fresh-7 aside",
    "fresh-8 in-sample",
    "fresh-8 aside",
    "fresh-9 in-sample",
    "fresh-9 aside",
    "fresh-10 in-sample",
    "fresh-10 aside",
    "fresh-11 in-sample",
    "fresh-11 aside",
    "fresh-12 in-sample",
    "fresh-12 aside",
)
#: The earlier versions the « demo-versions » workspace holds before the demo corpus.
VERSIONS_DIR = QUESTIONS_DIR / "versions"
#: An internal id as the store writes it: a person must never read one.
_RAW_ID = re.compile(r"\b(?:act|rec|swot|gap|draft|doc)-[0-9a-f]{8,}\b")
LATENCY_TARGET_MS = 300.0


class QuestionTurn(BaseModel):
    question: str = Field(min_length=1)
    intent: Intent
    must_cite: list[str] = Field(default_factory=list)
    must_not_cite: list[str] = Field(default_factory=list)
    facts: list[str] = Field(default_factory=list)
    not_facts: list[str] = Field(default_factory=list)


class QuestionConversation(BaseModel):
    id: str
    kind: str = Field(default="", description="Kind of question, for the report by kind.")
    set: Literal["in", "aside"] = Field(
        default="in", description="'aside': kept out of rule work (fresh questions)."
    )
    turns: list[QuestionTurn] = Field(min_length=1)


class QuestionSet(BaseModel):
    about: str = Field(default="", validation_alias="_comment")
    workspace: str = Field(
        pattern="^(demo|demo-versions|seeds|seed:[a-z0-9-]+)$",
        description="'demo', 'demo-versions' (the demo over earlier versions of its plan and "
        "report), 'seeds' (all of them) or 'seed:PREFIX' (the seeds named PREFIX…).",
    )
    collection: Literal["existing", "fresh"] = "existing"
    batch: int = Field(
        default=1,
        ge=1,
        le=12,
        description="Fresh questions: 1, 2 (session 4), 3 (history), 4 (session 6), 5 (session 7), "
        "6 (session 8), 7 (session 10), 8 (session 11), 9 or 10 (session 12), 11 (session 13), "
        "12 (session 14).",
    )
    set: Literal["in", "aside"] | None = Field(
        default=None, description="Every conversation of the file is of this part."
    )
    as_of: date
    conversations: list[QuestionConversation] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_part(self) -> QuestionSet:
        if self.set is not None:
            for conversation in self.conversations:
                conversation.set = self.set
        return self

    @property
    def questions(self) -> int:
        return sum(len(c.turns) for c in self.conversations)


def load_question_sets(directory: Path = QUESTIONS_DIR) -> dict[str, QuestionSet]:
    """Every question file, by file name without extension ('demo', 'fresh-demo').

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
        sets[path.stem] = loaded
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
    part: str = "existing"
    kind: str = ""


def part_of(questions: QuestionSet, conversation: QuestionConversation) -> str:
    """'existing', 'fresh in-sample', 'fresh aside', 'fresh-2 in-sample' or 'fresh-2 aside'."""
    if questions.collection == "existing":
        return "existing"
    fresh = "fresh" if questions.batch == 1 else f"fresh-{questions.batch}"
    return f"{fresh} aside" if conversation.set == "aside" else f"{fresh} in-sample"


def human_problems(answer: Answer) -> list[str]:
    """What a coordinator should not have to read: internal ids, stems in the warnings."""
    problems: list[str] = []
    if found := _RAW_ID.search(numbered(answer)):
        problems.append(f"identifiant interne affiché : {found.group(0)}")
    if any("→" in warning for warning in answer.warnings):
        problems.append("racines affichées dans les avertissements")
    return problems


def score_turn(
    turn: QuestionTurn, answer: Answer, knowledge: Knowledge, *, for_people: bool = False
) -> list[str]:
    """What is wrong with an answer (empty: correct).

    Args:
        for_people: also check that the answer reads as for a person (fresh questions).
    """
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
        if not any(_plain(wording.strip()) in text for wording in fact.split("|")):
            problems.append(f"fait absent : « {fact} »")
    for fact in turn.not_facts:
        if _plain(fact) in text:
            problems.append(f"fait interdit présent : « {fact} »")
    if for_people:
        problems += human_problems(answer)
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
            fresh = questions.collection == "fresh"
            problems = score_turn(turn, answer, service.knowledge(), for_people=fresh)
            if answer.intent is not turn.intent:
                problems.insert(
                    0, f"intention {answer.intent.value} au lieu de {turn.intent.value}"
                )
            results.append(
                TurnResult(conversation.id, turn.question, turn.intent, answer.intent,
                           not [p for p in problems if not p.startswith("intention")], problems, seconds,
                           part_of(questions, conversation), conversation.kind)
            )  # fmt: skip
    return results


def build_workspace(
    kind: str, directory: Path, settings: Settings, shared: Path | None
) -> Workspace:
    """A fresh workspace holding the demo corpus or the shared seeds.

    Raises:
        SharedDataMissing: the seeds are asked for and ../shared is not there.
    """
    if kind in ("demo", "demo-versions"):
        files = [REPO_ROOT / "corpus" / "demo" / name for name in DEMO_FILES]
    else:
        prefix = kind.partition(":")[2]
        files = [p for p in sorted(locate_shared(shared).seeds.glob("*.txt"))
                 if p.name.startswith(prefix)]  # fmt: skip
        if not files:
            raise SharedDataMissing(f"aucune graine « {prefix}* » dans ../shared/seeds")
    workspace = Workspace.open(directory / kind.replace(":", "-"), settings)
    if kind == "demo-versions":  # the earlier versions first, under the same file names
        ingest_files(workspace, sorted(VERSIONS_DIR.glob("*.md")))
    ingest_files(workspace, files)
    return workspace


@dataclass
class ChatFigures:
    results: dict[str, list[TurnResult]] = field(default_factory=dict)  # per question file
    warm_up: dict[str, float] = field(default_factory=dict)  # seconds, per workspace

    def _all(self) -> list[TurnResult]:
        return [r for results in self.results.values() for r in results]

    def rows(self, name: str | None = None) -> list[TurnResult]:
        """The turns of one question file, of one part (« fresh aside »), or all of them."""
        if name is None:
            return self._all()
        if name in self.results:
            return self.results[name]
        return [r for r in self._all() if r.part == name]

    def intent_accuracy(self, name: str | None = None) -> float:
        rows = self.rows(name)
        return sum(r.intent is r.expected for r in rows) / max(1, len(rows))

    def correctness(self, name: str | None = None) -> float:
        rows = self.rows(name)
        return sum(r.correct for r in rows) / max(1, len(rows))

    def latencies_ms(self, name: str | None = None) -> tuple[float, list[float]]:
        """(cold: the longest warm-up, warm: every question after it), milliseconds."""
        cold = [seconds * 1000 for seconds in self.warm_up.values()]
        warm = [r.seconds * 1000 for r in self.rows(name)]
        return (max(cold) if cold else 0.0), warm

    def failures_by_kind(self, part: str) -> dict[str, int]:
        """How many turns of a part fail, per kind of question."""
        found: dict[str, int] = {}
        for row in self.rows(part):
            if not row.correct:
                found[row.kind or "?"] = found.get(row.kind or "?", 0) + 1
        return dict(sorted(found.items(), key=lambda pair: -pair[1]))


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
    only: Sequence[str] | None = None,
    directory: Path = QUESTIONS_DIR,
) -> tuple[ChatFigures, dict[str, str]]:
    """Evaluate every question set; returns the figures and the workspaces skipped (with why).

    Args:
        only: the workspaces to build ('demo', 'seeds', 'seed:promsoc'; None: every one the
            files ask about); every question file about one of them is asked, each
            conversation on the same warm service.
    """
    figures = ChatFigures()
    skipped: dict[str, str] = {}
    sets = load_question_sets(directory)
    if only is None:
        only = list(dict.fromkeys(s.workspace for s in sets.values()))
    with tempfile.TemporaryDirectory(prefix="chat-eval-") as temporary:
        for kind in only:
            about = {name: s for name, s in sets.items() if s.workspace == kind}
            if not about:
                continue
            try:
                workspace = build_workspace(kind, Path(temporary), settings, shared)
            except SharedDataMissing as missing:
                skipped[kind] = str(missing)
                continue
            as_of = next(iter(about.values())).as_of
            service = factory(workspace, settings, as_of)
            start = time.perf_counter()
            service.warm_up()  # the audit, the model, the indexes: « once warm »
            figures.warm_up[kind] = time.perf_counter() - start
            for name, questions in about.items():
                if questions.as_of != as_of:
                    service = factory(workspace, settings, questions.as_of)
                    service.warm_up()
                figures.results[name] = evaluate_set(questions, service)
    return figures, skipped


def _row(figures: ChatFigures, name: str | None) -> dict[str, Any]:
    cold, warm = figures.latencies_ms(name)
    return {
        "questions": len(figures.rows(name)),
        "intent_accuracy": figures.intent_accuracy(name),
        "answer_correctness": figures.correctness(name),
        "cold_ms": cold,
        "p50_ms": percentile(warm, 0.5),
        "p95_ms": percentile(warm, 0.95),
    }


class ChatSection:
    name = "chat"

    def run(self, options: RunOptions, console: Console) -> SectionResult:
        figures, skipped = run_chat_eval(Settings(), options.shared)
        for name, reason in skipped.items():
            console.print(f"[yellow]Questions « {name} » skipped:[/] {reason}")
        table = Table(title="Conversation (default mode, no LLM)", title_justify="left")
        for column in ("questions", "n", "intent accuracy", "answer correctness",
                       "warm-up ms", "p50 ms", "p95 ms"):  # fmt: skip
            table.add_column(column)
        payload: dict[str, Any] = {"sets": {}, "parts": {}, "skipped": skipped}
        present = [part for part in PARTS if figures.rows(part)]
        for name in [*figures.results, *present, None]:
            row = _row(figures, name)
            (payload["parts"] if name in PARTS else payload["sets"])[name or "all"] = row
            table.add_row(name or "all", str(row["questions"]), f"{row['intent_accuracy']:.3f}",
                          f"{row['answer_correctness']:.3f}", f"{row['cold_ms']:.0f}", f"{row['p50_ms']:.0f}",
                          f"{row['p95_ms']:.0f}")  # fmt: skip
        console.print(table)
        failures = [r for results in figures.results.values() for r in results if r.problems]
        payload["failures"] = [
            {"conversation": r.conversation, "question": r.question, "part": r.part,
             "kind": r.kind, "problems": r.problems}
            for r in failures
        ]  # fmt: skip
        payload["failures_by_kind"] = {part: figures.failures_by_kind(part) for part in present}
        for part in present[1:]:
            counts = figures.failures_by_kind(part)
            if counts:
                listed = ", ".join(f"{kind} {n}" for kind, n in counts.items())
                console.print(f"{part}: wrong answers by kind: {listed}")
        if options.details:
            for result in failures:
                if result.part.endswith("aside"):
                    continue  # the aside third is scored, never read while rules change
                console.print(
                    f"[red]✗[/] {result.conversation} « {result.question} » : {'; '.join(result.problems)}",
                    highlight=False,
                )
        existing = payload["parts"].get("existing", payload["sets"]["all"])
        verdicts = {
            "intent accuracy": existing["intent_accuracy"] >= TARGETS["intent accuracy"],
            "answer correctness": existing["answer_correctness"] >= TARGETS["answer correctness"],
        }
        for label, ok in verdicts.items():
            key = "intent_accuracy" if label == "intent accuracy" else "answer_correctness"
            console.print(
                f"{label} (existing): {existing[key]:.3f} (target ≥ {TARGETS[label]}) {'PASS' if ok else 'MISS'}"
            )
        for fresh in dict.fromkeys(part.rsplit(" ", 1)[0] for part in PARTS[1:]):
            if f"{fresh} aside" not in payload["parts"]:
                continue
            aside = payload["parts"][f"{fresh} aside"]["answer_correctness"]
            verdicts[f"{fresh} aside correctness"] = aside >= FRESH_ASIDE_TARGET
            console.print(
                f"answer correctness ({fresh} aside): {aside:.3f} (target ≥ {FRESH_ASIDE_TARGET}) "
                f"{'PASS' if aside >= FRESH_ASIDE_TARGET else 'MISS'}"
            )
            if f"{fresh} in-sample" in payload["parts"]:
                inside = payload["parts"][f"{fresh} in-sample"]["answer_correctness"]
                console.print(f"answer correctness ({fresh} in-sample): {inside:.3f}")
        overall = payload["sets"]["all"]
        console.print(
            f"warm latency p95: {overall['p95_ms']:.0f} ms (target < {LATENCY_TARGET_MS:.0f} ms)"
        )
        payload["targets"] = verdicts
        return SectionResult(self.name, passed=all(verdicts.values()), payload=payload)
