"""`read_document`: the checks shared by all formats, and errors a coordinator can act on."""

from __future__ import annotations

import hashlib
import random
import time
from pathlib import Path
from types import FrameType

import pytest
from call_watch import watch_calls

from assistant.errors import (
    CorruptFileError,
    EmptyFileError,
    FileTooLargeError,
    IngestError,
    UnsupportedFormatError,
)
from assistant.readers import SUPPORTED_EXTENSIONS, read_document
from assistant.settings import IngestSettings


def test_missing_file(tmp_path: Path, settings: IngestSettings) -> None:
    with pytest.raises(IngestError, match=r"^absent\.pdf : fichier introuvable ; vérifiez"):
        read_document(tmp_path / "absent.pdf", settings)


def test_directory(tmp_path: Path, settings: IngestSettings) -> None:
    folder = tmp_path / "plans.pdf"
    folder.mkdir()
    with pytest.raises(IngestError, match="c'est un dossier"):
        read_document(folder, settings)


def test_unsupported_extension_lists_supported_ones(
    tmp_path: Path, settings: IngestSettings
) -> None:
    path = tmp_path / "plan.odt"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(UnsupportedFormatError) as caught:
        read_document(path, settings)
    message = str(caught.value)
    assert message.startswith("plan.odt : le format « .odt » n'est pas pris en charge")
    assert all(extension in message for extension in SUPPORTED_EXTENSIONS)
    assert "enregistrez-le au format .docx" in message


def test_file_without_extension(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "plan"
    path.write_text("texte", encoding="utf-8")
    with pytest.raises(UnsupportedFormatError, match="pas d'extension"):
        read_document(path, settings)


def test_extension_is_case_insensitive(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "PLAN.TXT"
    path.write_text("Bonjour", encoding="utf-8")
    assert read_document(path, settings).text() == "Bonjour"


@pytest.mark.parametrize("name", ["vide.txt", "vide.pdf", "vide.docx", "vide.xlsx", "vide.csv"])
def test_zero_byte_file(tmp_path: Path, settings: IngestSettings, name: str) -> None:
    path = tmp_path / name
    path.touch()
    with pytest.raises(EmptyFileError, match=r"le fichier est vide"):
        read_document(path, settings)


@pytest.mark.parametrize("name", ["blanc.md", "blanc.pdf"])
def test_whitespace_only_file(tmp_path: Path, settings: IngestSettings, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b" \n\t\r\n   \n")
    with pytest.raises(EmptyFileError):
        read_document(path, settings)


def test_200_mb_file_is_refused_from_its_size_alone(
    tmp_path: Path, settings: IngestSettings
) -> None:
    path = tmp_path / "énorme.pdf"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: nothing is written to disk

    opened: list[FrameType] = []
    started = time.perf_counter()
    with (
        watch_calls(opened.append, Path.read_bytes, Path.open),
        pytest.raises(FileTooLargeError, match=r"^énorme\.pdf : .*200\.0 Mo.*50 Mo"),
    ):
        read_document(path, settings)
    assert opened == []  # the file was never opened, let alone read
    assert time.perf_counter() - started < 0.5


def test_limit_comes_from_settings(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(FileTooLargeError):
        read_document(path, IngestSettings(max_file_mb=0.001))


def test_binary_garbage_named_txt(tmp_path: Path, settings: IngestSettings) -> None:
    rng = random.Random(7)
    path = tmp_path / "notes.txt"
    path.write_bytes(bytes(rng.randrange(256) for _ in range(5000)))
    with pytest.raises(CorruptFileError, match=r"^notes\.txt : le fichier contient des données"):
        read_document(path, settings)


def test_identity_of_the_file(tmp_path: Path, settings: IngestSettings) -> None:
    path = tmp_path / "plan.txt"
    data = "Plan d'action — é\n".encode()
    path.write_bytes(data)
    document = read_document(path, settings)
    assert document.sha256 == hashlib.sha256(data).hexdigest()
    assert (document.name, document.size_bytes) == ("plan.txt", len(data))


@pytest.mark.parametrize("extension", sorted(SUPPORTED_EXTENSIONS))
@pytest.mark.parametrize("seed", range(3))
def test_random_bytes_never_escape_as_a_raw_exception(
    tmp_path: Path, settings: IngestSettings, extension: str, seed: int
) -> None:
    rng = random.Random(seed)
    prefix = {".pdf": b"%PDF-1.7\n", ".docx": b"PK\x03\x04", ".xlsx": b"PK\x03\x04"}
    path = tmp_path / f"hasard{extension}"
    path.write_bytes(prefix.get(extension, b"") + bytes(rng.randrange(256) for _ in range(3000)))
    with pytest.raises(IngestError) as caught:
        read_document(path, settings)
    assert str(caught.value).startswith(f"hasard{extension} : ")
