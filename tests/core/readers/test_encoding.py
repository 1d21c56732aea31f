"""Text files decode correctly whatever wrote them; binary data is refused."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from assistant.errors import CorruptFileError
from assistant.readers.encoding import decode_text

FRENCH = "Améliorer l’accompagnement des étudiants — échéance 2025 « oui » : 5 € œuvre\n"
PATH = Path("plan.txt")


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-16", "utf-8-sig"])
def test_french_text_round_trips(encoding: str) -> None:
    assert decode_text(FRENCH.encode(encoding), PATH) == FRENCH


def test_latin1_file_is_read_without_mojibake() -> None:
    text = "Élaborer un référentiel commun. Échéance : 2024-2025. Responsable : DAE\n"
    assert decode_text(text.encode("latin-1"), PATH) == text


def test_utf16_without_bom() -> None:
    assert decode_text(FRENCH.encode("utf-16-le"), PATH) == FRENCH


def test_line_breaks_are_normalised() -> None:
    assert decode_text(b"a\r\nb\rc\n", PATH) == "a\nb\nc\n"


def test_bom_is_removed() -> None:
    assert decode_text(codecs.BOM_UTF8 + b"Plan", PATH) == "Plan"


def test_bytes_with_nul_are_refused() -> None:
    rng = random.Random(4)
    garbage = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(CorruptFileError, match="données binaires"):
        decode_text(garbage, PATH)


def test_control_characters_without_nul_are_refused() -> None:
    with pytest.raises(CorruptFileError, match=r"plan\.txt : .*binaires"):
        decode_text(bytes(range(1, 32)) * 40, PATH)
