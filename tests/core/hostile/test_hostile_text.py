"""Text files from several tools at once: mixed encodings are read line by line (issue 15)."""

from __future__ import annotations

from pathlib import Path

from assistant.parsing import parse_file
from assistant.readers import read_document
from assistant.settings import IngestSettings, Settings

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"


def _mixed_plan(path: Path) -> Path:
    """The demo plan in UTF-8, with every tenth line written in cp1252 where it can be."""
    lines = (DEMO / "plan-action.md").read_text(encoding="utf-8").split("\n")

    def legacy(line: str) -> bytes:
        try:
            return line.encode("cp1252")
        except UnicodeEncodeError:  # "≥" has no cp1252 byte: that line stays UTF-8
            return line.encode("utf-8")

    encoded = [
        legacy(line) if index % 10 == 5 else line.encode("utf-8")
        for index, line in enumerate(lines)
    ]
    path.write_bytes(b"\n".join(encoded))
    return path


def test_a_file_of_utf8_and_cp1252_lines_reads_with_its_accents_and_a_warning(
    tmp_path: Path,
) -> None:
    path = _mixed_plan(tmp_path / "plan-mixte.md")
    document = read_document(path, IngestSettings())
    text = document.text()
    assert "Ã" not in text and "\ufffd" not in text, "no mojibake, no replacement character"
    reference = read_document(DEMO / "plan-action.md", IngestSettings()).text()
    assert text == reference
    assert len(document.warnings) == 1 and "Encodage mixte" in document.warnings[0]


def test_the_plan_of_a_mixed_file_says_what_was_guessed(tmp_path: Path) -> None:
    plan = parse_file(_mixed_plan(tmp_path / "plan-mixte.md"), Settings())
    reference = parse_file(DEMO / "plan-action.md", Settings())
    assert [a.text for a in plan.actions] == [a.text for a in reference.actions]
    assert plan.warnings[0].startswith("Encodage mixte")
