from __future__ import annotations

from pathlib import Path

import pytest

from assistant import prompts
from assistant.prompts import PROMPT_FIELDS, PromptError, load_prompt


@pytest.mark.parametrize("name", sorted(PROMPT_FIELDS))
def test_every_prompt_loads_and_formats(name: str) -> None:
    text = load_prompt(name)
    filled = text.format(**{field: f"<{field}>" for field in PROMPT_FIELDS[name]})
    assert all(f"<{field}>" in filled for field in PROMPT_FIELDS[name])


def test_every_prompt_file_is_declared() -> None:
    files = {path.stem for path in prompts.prompts_dir().glob("*.txt")}
    assert files == set(PROMPT_FIELDS)


def test_unknown_placeholder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "rewrite_draft.txt").write_text("{action} {secret}", encoding="utf-8")
    with pytest.raises(PromptError, match="secret"):
        load_prompt("rewrite_draft", tmp_path)


def test_a_missing_template_is_refused_with_its_path(tmp_path: Path) -> None:
    with pytest.raises(PromptError, match="introuvable"):
        load_prompt("chat_system", tmp_path)
