"""Decode the bytes of a text file (TXT, MD, CSV) whatever tool wrote them.

Plans reach us as UTF-8 from recent tools, cp1252 or latin-1 from older Windows exports,
sometimes UTF-16 from Excel's "Unicode text". A wrong guess turns every "é" into garbage
and silently breaks matching, and binary content renamed ``.txt`` must be refused rather
than parsed as noise.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from assistant.errors import CorruptFileError

# Encodings met in French-speaking Belgium once UTF-8 has failed. charset-normalizer left
# free to choose among all code pages picks Baltic or Central-European ones for short
# French texts ("amķliorer"); restricted to these, it reliably prefers cp1252.
_WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Above this share of control characters, "text" is binary data that happened to decode.
_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # category Cc but \t\n\v\f\r


def _binary(path: Path) -> CorruptFileError:
    return CorruptFileError(
        path,
        "le fichier contient des données binaires et non du texte ; vérifiez qu'il s'agit "
        f"bien d'un fichier {path.suffix.lower() or 'texte'} (sinon, donnez-lui sa vraie "
        "extension) ou réexportez-le en texte.",
    )


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    controls = len(_CONTROL.findall(text))
    return controls / len(text) <= _MAX_CONTROL_SHARE


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    # Latin text in UTF-16 has a NUL in every other byte: odd offsets for little-endian.
    if len(data) < 2 or len(data) % 2:
        return None
    odd_nuls = data[1::2].count(0)
    even_nuls = data[0::2].count(0)
    encoding = "utf-16-le" if odd_nuls > even_nuls else "utf-16-be"
    if max(odd_nuls, even_nuls) < len(data) // 4:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_mixed(data: bytes) -> tuple[str, list[int]] | None:
    """Line by line, when some lines are UTF-8 and others not: (text, lines not in UTF-8).

    A file pasted together from several tools (a UTF-8 export with lines typed in an old
    Windows editor) fails UTF-8 as a whole; read whole as cp1252 its UTF-8 lines turn into
    mojibake ("Ã©"). Each line is decoded on its own instead: UTF-8, else cp1252, else
    latin-1 (which decodes anything). None when no line has non-ASCII UTF-8 (not mixed).
    """
    lines = data.split(b"\n")
    decoded: list[str] = []
    legacy: list[int] = []
    utf8_accented = 0
    for number, line in enumerate(lines, start=1):
        try:
            decoded.append(line.decode("utf-8"))
            utf8_accented += not line.isascii()
        except UnicodeDecodeError:
            legacy.append(number)
            try:
                decoded.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                decoded.append(line.decode("latin_1"))
    if not utf8_accented or not legacy:
        return None
    return "\n".join(decoded), legacy


def mixed_encoding_warning(lines: list[int]) -> str:
    """The French warning of a file decoded line by line."""
    shown = ", ".join(map(str, lines[:10])) + (", …" if len(lines) > 10 else "")
    return (
        f"Encodage mixte : {len(lines)} ligne(s) n'étaient pas en UTF-8 et ont été lues en "
        f"Windows-1252 (ligne(s) {shown}) ; vérifiez leurs accents, ou réenregistrez le "
        "fichier en UTF-8."
    )


def decode_text(data: bytes, path: Path) -> str:
    """The text of a file, line breaks normalised to "\\n" and a leading BOM removed.

    Raises:
        CorruptFileError: the bytes are not text in any encoding we accept.
    """
    return decode_with_warnings(data, path)[0]


def decode_with_warnings(data: bytes, path: Path) -> tuple[str, list[str]]:
    """`decode_text`, plus the warnings of a best-effort decoding (mixed encodings).

    Raises:
        CorruptFileError: the bytes are not text in any encoding we accept.
    """
    warnings: list[str] = []
    text = _decode_bom(data)
    if text is None and b"\x00" in data:
        text = _decode_utf16_without_bom(data)
        if text is None:
            raise _binary(path)
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            mixed = _decode_mixed(data)
            if mixed is not None:
                text, legacy = mixed
                warnings.append(mixed_encoding_warning(legacy))
            else:
                best = from_bytes(data, cp_isolation=_WESTERN_ENCODINGS).best()
                if best is None:
                    raise _binary(path) from None
                text = str(best)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text or not _looks_like_text(text):
        raise _binary(path)
    return text, warnings
