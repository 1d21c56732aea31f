"""Parsing a batch before anything is written: every problem found, reported at once."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from fakes import FakeParser

from assistant.errors import CorruptFileError, IngestBatchError, IngestError, UnsupportedFormatError
from assistant.parsing import ProgressEvent, parse_batch, parse_document, parse_processes
from assistant.readers.source_file import SourceFile
from assistant.schema import Plan
from assistant.settings import Settings


@pytest.fixture(autouse=True)
def _data_dirs_in_tmp_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PLAN_ASSISTANT_WORKSPACE", str(tmp_path / "default-workspace"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def parser() -> FakeParser:
    """The FAKE parser (records what it parsed, fails on 'abime'), passed in as `parser=`."""
    return FakeParser()


def _write(tmp_path: Path, name: str, text: str = "texte") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_clean_batch_is_parsed_in_order(tmp_path: Path, parser: FakeParser) -> None:
    files = [_write(tmp_path, "b.txt"), _write(tmp_path, "a.txt")]
    events: list[ProgressEvent] = []

    result = parse_batch(files, Settings(), events.append, parser=parser)

    assert [item.path for item in result] == files
    assert [item.plan.document.name for item in result] == ["b.txt", "a.txt"]
    assert [(e.done, e.name) for e in events] == [(0, "b.txt"), (1, "a.txt"), (2, None)]


def test_every_failure_is_listed_and_clashing_names_are_not_parsed(
    tmp_path: Path, parser: FakeParser
) -> None:
    good = _write(tmp_path, "plan.txt")
    broken = _write(tmp_path, "abime.txt")
    clash_1 = _write(tmp_path, "2023/Évaluation.txt")
    clash_2 = _write(tmp_path, "2024/evaluation.txt")

    with pytest.raises(IngestBatchError) as raised:
        parse_batch([good, broken, clash_1, clash_2], Settings(), parser=parser)

    error = raised.value
    assert [f.path for f in error.failures] == [broken, clash_1, clash_2]
    assert isinstance(error.failures[0], CorruptFileError)
    assert "porte le même nom" in error.failures[1].problem
    assert str(clash_2) in error.failures[1].problem
    assert str(error).startswith(
        "Aucun fichier n'a été importé : 3 fichiers posent problème sur 4."
    )
    assert parser.calls == [good, broken]


def test_a_single_failing_file_gets_a_short_message(tmp_path: Path, parser: FakeParser) -> None:
    with pytest.raises(IngestBatchError) as raised:
        parse_batch([_write(tmp_path, "abime.txt")], Settings(), parser=parser)
    assert str(raised.value) == (
        "Le fichier n'a pas pu être importé ; l'espace de travail n'a pas été modifié.\n"
        "  - abime.txt : le fichier est endommagé."
    )


def test_the_same_path_given_twice_is_parsed_once(tmp_path: Path, parser: FakeParser) -> None:
    path = _write(tmp_path, "plan.txt")
    assert len(parse_batch([path, tmp_path / "." / "plan.txt"], Settings(), parser=parser)) == 1
    assert parser.calls == [path]


def test_a_parser_crash_names_the_file(tmp_path: Path) -> None:
    def crash(source: SourceFile, settings: Settings) -> Plan:
        raise IndexError("list index out of range")

    with pytest.raises(IngestError, match=r"plan\.txt : erreur inattendue pendant l'analyse"):
        parse_document(_write(tmp_path, "plan.txt"), Settings(), crash)


def test_duplicate_item_ids_are_refused(tmp_path: Path) -> None:
    twice = FakeParser(("act-1", "act-1"))
    with pytest.raises(IngestError, match="identifiants en double"):
        parse_document(_write(tmp_path, "plan.txt"), Settings(), twice)


def test_the_real_parser_checks_files_before_reading_them(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="fichier introuvable"):
        parse_document(tmp_path / "absent.pdf", Settings())
    with pytest.raises(UnsupportedFormatError, match=r"enregistrez-le au format \.xlsx"):
        parse_document(_write(tmp_path, "budget.xls"), Settings())


def test_the_real_parser_reads_a_plan(tmp_path: Path) -> None:
    plan = parse_document(
        _write(
            tmp_path,
            "plan.md",
            "| Action | Responsable | Échéance |\n|---|---|---|\n"
            "| Créer une cellule qualité | Direction | 2025-2026 |\n",
        ),
        Settings(),
    )
    assert [(a.text, a.owner) for a in plan.actions] == [("Créer une cellule qualité", "Direction")]


# -- parsing in worker processes ---------------------------------------------------------

DEMO = Path(__file__).resolve().parents[2] / "corpus" / "demo"


@pytest.mark.slow
def test_worker_processes_parse_like_this_process(tmp_path: Path) -> None:
    """Same plans, same order, same errors (typed, pickled back) with or without workers."""
    files = [DEMO / "plan-action.pdf", DEMO / "rapport-experts.md", DEMO / "plan-action.xlsx"]
    here = parse_batch(files, Settings(), processes=0)
    events: list[ProgressEvent] = []

    in_workers = parse_batch(files, Settings(), events.append, processes=2)

    assert [item.path for item in in_workers] == files
    assert [item.plan for item in in_workers] == [item.plan for item in here]
    assert [(e.stage, e.done, e.total) for e in events][-1] == ("parse", 3, 3)
    assert sorted(e.done for e in events) == [0, 1, 2, 3]

    broken = tmp_path / "abime.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    with pytest.raises(IngestBatchError) as in_process:
        parse_batch([broken, files[1]], Settings(), processes=0)
    with pytest.raises(IngestBatchError) as in_worker:
        parse_batch([broken, files[1]], Settings(), processes=1)
    assert [type(f) for f in in_worker.value.failures] == [CorruptFileError]
    assert str(in_worker.value) == str(in_process.value)


def test_ingest_errors_survive_pickling() -> None:
    error = CorruptFileError(Path("/tmp/plan.pdf"), "le fichier est endommagé.")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is CorruptFileError
    assert (copy.path, copy.problem, str(copy)) == (error.path, error.problem, str(error))


def test_workers_are_used_only_where_they_pay(tmp_path: Path) -> None:
    small = [_write(tmp_path, "a.md"), _write(tmp_path, "b.md")]
    big_pdf = tmp_path / "gros.pdf"
    big_pdf.write_bytes(b"%PDF" + b"x" * 400_000)  # about 2.7 s of parsing expected
    other_big_pdf = tmp_path / "autre.pdf"
    other_big_pdf.write_bytes(b"%PDF" + b"x" * 400_000)
    settings = Settings()

    assert parse_processes(small, settings) == 0
    assert parse_processes(small, settings, busy_here=True) == 0
    # one large file: a worker only frees this process for other work (loading the model)
    assert parse_processes([big_pdf, *small], settings) == 0
    assert parse_processes([big_pdf, *small], settings, busy_here=True) == 1
    # several: side by side, at most one per core
    assert 1 <= parse_processes([big_pdf, other_big_pdf], settings) <= 2
    assert parse_processes([tmp_path / "absent.pdf"], settings, busy_here=True) == 0

    forced = Settings.model_validate({"ingest": {"parse_processes": 3}})
    assert parse_processes(small, forced) == 3
    never = Settings.model_validate({"ingest": {"parse_processes": 0}})
    assert parse_processes([big_pdf, other_big_pdf], never, busy_here=True) == 0
