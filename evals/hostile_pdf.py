"""Hostile PDFs built on demand: forms drawn many times, nested forms, encrypted bombs.

A page can make the interpreter read far more than its own content stream: every form
XObject it draws (`Do`) is read again at each invocation, forms draw other forms, and an
encrypted file hides its compressed streams behind RC4 so that a reader that only inflates
plain streams carefully inflates these blindly. These builders write such files at test
time (nothing binary is committed) for `tests/core/hostile/` and `evals.hostile`; sizes
are parameters.

The encryption is the PDF standard security handler, revision 2 (RC4, 40-bit key) with an
empty user password: the file opens without a password, as an owner-protected plan does.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import struct
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
# The padding string of the standard security handler (PDF 1.7, 7.6.3.3, algorithm 2).
_PAD = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")
_FILE_ID = bytes(range(16))


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


class _Writer:
    """Numbered objects, then the cross-reference table and the trailer."""

    def __init__(self, key: bytes | None = None) -> None:
        self.objects: list[bytes] = []
        self.key = key  # the file key: streams are RC4-encrypted with it

    def add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects)

    def reserve(self) -> int:
        return self.add(b"null")

    def set(self, number: int, body: bytes) -> None:
        self.objects[number - 1] = body

    def stream(
        self, content: bytes | Iterable[bytes], extra: str = "", number: int | None = None
    ) -> int:
        """A Flate-compressed stream of `content` (chunks: never whole in memory)."""
        number = number or self.reserve()
        compressor = zlib.compressobj(9)
        chunks = [content] if isinstance(content, bytes) else content
        data = b"".join(compressor.compress(chunk) for chunk in chunks) + compressor.flush()
        if self.key is not None:
            salt = number.to_bytes(3, "little") + (0).to_bytes(2, "little")
            object_key = hashlib.md5(self.key + salt).digest()[: len(self.key) + 5]
            data = _rc4(object_key, data)
        head = f"<< /Length {len(data)} /Filter /FlateDecode {extra}>>".encode()
        self.set(number, head + b"\nstream\n" + data + b"\nendstream")
        return number

    def output(self, trailer: str = "") -> bytes:
        out = io.BytesIO()
        out.write(b"%PDF-1.4\n")
        offsets = []
        for number, body in enumerate(self.objects, start=1):
            offsets.append(out.tell())
            out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
        xref = out.tell()
        out.write(f"xref\n0 {len(self.objects) + 1}\n0000000000 65535 f \n".encode())
        for offset in offsets:
            out.write(f"{offset:010d} 00000 n \n".encode())
        size = len(self.objects) + 1
        out.write(
            f"trailer\n<< /Size {size} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n".encode()
        )
        return out.getvalue()


def _start(writer: _Writer) -> None:
    """Catalog (object 1), page tree (2, filled by `_finish`) and font (3)."""
    writer.add(b"<< /Type /Catalog /Pages 2 0 R >>")
    writer.reserve()
    writer.add(_FONT)


def _resources(xobjects: dict[str, int]) -> str:
    names = " ".join(f"/{name} {number} 0 R" for name, number in xobjects.items())
    return f"<< /Font << /F1 3 0 R >> /XObject << {names} >> >>"


def _finish(
    writer: _Writer, contents: Sequence[bytes | Iterable[bytes]], xobjects: dict[str, int]
) -> None:
    """One page per content stream, each able to draw `xobjects`."""
    kids = []
    for content in contents:
        stream = writer.stream(content)
        kids.append(
            writer.add(
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                f"/Resources {_resources(xobjects)} /Contents {stream} 0 R >>".encode()
            )
        )
    refs = " ".join(f"{kid} 0 R" for kid in kids)
    writer.set(2, f"<< /Type /Pages /Kids [{refs}] /Count {len(kids)} >>".encode())


def _form(writer: _Writer, content: bytes, draws: dict[str, int] | None = None) -> int:
    """A form XObject with its own resources (the font, and the forms it draws)."""
    extra = (
        f"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources {_resources(draws or {})} "
    )
    return writer.stream(content, extra)


def _text(size: int, word: str = "Ligne") -> bytes:
    """About `size` bytes of text-showing operators."""
    line = f"({word}) Tj 0 -1 Td\n".encode()
    return b"BT /F1 1 Tf 20 800 Td\n" + line * max(1, size // len(line)) + b"ET\n"


_OPENING = b"BT /F1 11 Tf 50 800 Td (Plan d'action) Tj 0 -14 Td (Creer une cellule qualite) Tj ET\n"


def pdf_form_drawn_many_times(path: Path, form_kb: int = 200, invocations: int = 100) -> Path:
    """One page that draws a `form_kb` KB form `invocations` times: a small file, a huge page."""
    writer = _Writer()
    _start(writer)
    form = _form(writer, _text(form_kb * 1024))
    _finish(writer, [_OPENING + b"q /Fx Do Q\n" * invocations], {"Fx": form})
    path.write_bytes(writer.output())
    return path


def pdf_nested_forms(path: Path, depth: int = 3, fanout: int = 40, leaf_kb: int = 2) -> Path:
    """Forms that each draw the next one `fanout` times: the leaf is drawn fanout**depth times."""
    writer = _Writer()
    _start(writer)
    form = _form(writer, _text(leaf_kb * 1024))
    for _ in range(depth - 1):
        form = _form(writer, b"q /Fx Do Q\n" * fanout, {"Fx": form})
    _finish(writer, [_OPENING + b"q /Fx Do Q\n" * fanout], {"Fx": form})
    path.write_bytes(writer.output())
    return path


def pdf_form_drawing_itself(path: Path) -> Path:
    """A form that draws itself: an interpreter that followed it would never end."""
    writer = _Writer()
    _start(writer)
    form = writer.reserve()
    _form_at = (
        f"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources {_resources({'Fx': form})} "
    )
    writer.stream(_text(200) + b"q /Fx Do Q\n", _form_at, number=form)
    _finish(writer, [_OPENING + b"q /Fx Do Q\n"], {"Fx": form})
    path.write_bytes(writer.output())
    return path


def pdf_with_forms(path: Path, invocations: int = 3) -> Path:
    """An ordinary PDF whose text sits partly in a small form drawn a few times (it reads)."""
    writer = _Writer()
    _start(writer)
    form = _form(writer, b"BT /F1 11 Tf 50 600 Td (Responsable : cellule qualite) Tj ET\n")
    _finish(writer, [_OPENING + b"q /Fx Do Q\n" * invocations], {"Fx": form})
    path.write_bytes(writer.output())
    return path


def _encryption(owner_password: bytes = b"proprietaire") -> tuple[bytes, str]:
    """The file key and the /Encrypt dictionary of RC4 40-bit with an empty user password."""
    owner_key = hashlib.md5((owner_password + _PAD)[:32]).digest()[:5]
    owner_entry = _rc4(owner_key, _PAD)
    permissions = -44
    key = hashlib.md5(_PAD + owner_entry + struct.pack("<i", permissions) + _FILE_ID).digest()[:5]
    user_entry = _rc4(key, _PAD)
    encrypt = (
        f"<< /Filter /Standard /V 1 /R 2 /O <{owner_entry.hex()}> /U <{user_entry.hex()}> "
        f"/P {permissions} >>"
    )
    return key, encrypt


def _encrypted(path: Path, contents: list[bytes | Iterable[bytes]]) -> Path:
    key, encrypt = _encryption()
    writer = _Writer(key)
    _start(writer)
    _finish(writer, contents, {})
    number = writer.add(encrypt.encode())  # the /Encrypt dictionary itself is not encrypted
    trailer = f"/Encrypt {number} 0 R /ID [<{_FILE_ID.hex()}> <{_FILE_ID.hex()}>] "
    path.write_bytes(writer.output(trailer))
    return path


def pdf_encrypted_bomb(path: Path, inflated_mb: int = 200) -> Path:
    """An encrypted PDF (no password to open) whose page inflates to `inflated_mb` MB."""
    filler = (b" " * 2**20 for _ in range(inflated_mb))
    return _encrypted(path, [itertools.chain([_OPENING], filler)])


def pdf_encrypted_plain(path: Path) -> Path:
    """An ordinary encrypted PDF that opens without a password (it reads)."""
    return _encrypted(path, [_OPENING])
