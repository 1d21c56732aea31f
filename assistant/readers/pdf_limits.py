"""How much drawing a PDF asks for, measured before any page is interpreted.

The layout analysis of a PDF reads every drawing instruction of a page one by one, and so
does it for each *form XObject* the page draws (`Do`): a reusable piece of drawing that a
page may invoke hundreds of times, and that may itself invoke other forms. A 31 KB file
can hold millions of instructions this way — inflated from a small compressed stream,
repeated by invocation, multiplied by nesting — and take minutes of CPU or gigabytes of
memory. `check_content_size` counts what each page would make the interpreter read (its
content streams, plus every form it draws, as many times as it draws it, nested forms
included) and refuses the file past `IngestSettings.max_pdf_page_content_mb` or
`max_pdf_content_mb`.

Streams are decoded with bounded memory, encrypted ones too (deciphered, then inflated no
further than the limit): the decoded bytes of a stream within the limits are handed to
pdfminer so that it does not decode them a second time.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
from cryptography.hazmat.decrepit.ciphers.algorithms import ARC4
from cryptography.hazmat.primitives.ciphers import Cipher
from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.lzw import LZWDecoder
from pdfminer.pdfdocument import PDFDocument, PDFStandardSecurityHandler
from pdfminer.pdftypes import (
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_LZW_DECODE,
    LITERALS_RUNLENGTH_DECODE,
    PDFStream,
    resolve1,
)
from pdfminer.psparser import LIT
from pdfminer.runlength import rldecode
from pdfplumber.page import Page

from assistant.readers import limits
from assistant.readers.source_file import SourceFile
from assistant.settings import IngestSettings

_FORM = LIT("Form")
# "/Name Do": a name token (no delimiter inside) followed by the operator that draws it.
_DELIMITERS = rb"\s/\[\]()<>{}%"
_DRAW = re.compile(rb"/([^" + _DELIMITERS + rb"]+)\s*Do(?![^" + _DELIMITERS + rb"])")
_NAME_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")


def _lzw(data: bytes, limit: int) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    for chunk in LZWDecoder(io.BytesIO(data)).run():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _run_length_size(data: bytes) -> int:
    """Size that RunLength `data` decodes to, counted without decoding it (at most 64x)."""
    size, index = 0, 0
    while index < len(data):
        length = data[index]
        if length == 128:  # end of data
            break
        if length < 128:
            size += length + 1
            index += length + 2
        else:
            size += 257 - length
            index += 2
    return size


# pdfminer's ends of an ASCII85 stream (`pdfminer.ascii85`), the whitespace `base64` skips,
# and the digits of a five-digit group
_A85_START = re.compile(rb"^\s*<?\s*~\s*")
_A85_END = re.compile(rb"\s*~\s*>?\s*$")
_A85_IGNORED = b" \t\n\r\x0b"
_A85_DIGITS = bytes(range(ord("!"), ord("u") + 1))


def ascii85(data: bytes) -> bytes:
    """pdfminer's ``ascii85decode`` (`base64.a85decode`), its groups decoded at once.

    `base64` walks the stream byte by byte in Python: on a plan whose content streams
    are ASCII85 (reportlab writes them so), half the time of the drawing limits. Data
    holding anything but digits and whitespace (a « z », a bad byte) goes to pdfminer.
    """
    digits = _A85_END.sub(b"", _A85_START.sub(b"", data)).translate(None, _A85_IGNORED)
    if digits.translate(None, _A85_DIGITS):
        return ascii85decode(data)
    padded = digits + b"u" * 4
    whole = len(padded) // 5 * 5
    groups = np.frombuffer(padded[:whole], np.uint8).reshape(-1, 5).astype(np.uint64) - 33
    values = groups[:, 0]
    for column in range(1, 5):
        values = values * 85 + groups[:, column]
    if bool((values > 0xFFFFFFFF).any()):
        return ascii85decode(data)  # base64's own error
    decoded = values.astype(">u4").tobytes()
    padding = 4 - (len(padded) - whole)
    return decoded[:-padding] if padding else decoded


def decoded(stream: PDFStream, limit: int) -> bytes | None:
    """The decoded bytes of `stream`, or None once they would exceed `limit`.

    Deciphers an encrypted stream, then undoes its filters one by one, never holding more
    than `limit` plus one chunk of inflated bytes. When every filter was undone here, the
    bytes are stored in the stream as pdfminer's own decoding would store them; otherwise
    (damaged data, predictors, image filters) pdfminer decodes it, now known to be small.
    """
    if stream.data is not None:
        return stream.data if len(stream.data) <= limit else None
    data = stream.rawdata or b""
    if stream.decipher and stream.objid is not None and stream.genno is not None:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    own = True  # every filter undone here exactly as pdfminer would
    for name, params in stream.get_filters():
        if params and isinstance(params, dict) and "Predictor" in params:
            own = False  # predictors keep the size: the inflated size bounds the result
        if name in LITERALS_FLATE_DECODE:
            inflated, whole = limits.inflate_up_to(data, limit)
            own = own and whole
            if inflated is None:
                return None
            data = inflated
        elif name in LITERALS_LZW_DECODE:
            expanded = _lzw(data, limit)
            if expanded is None:
                return None
            data = expanded
        elif name in LITERALS_ASCII85_DECODE:
            data = ascii85(data)
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        elif name in LITERALS_RUNLENGTH_DECODE:
            if _run_length_size(data) > limit:
                return None
            data = rldecode(data)
        else:
            own = False  # not a filter of drawing instructions: pdfminer decides
            break
        if len(data) > limit:
            return None
    if not own:
        data = stream.get_data() or b""
        return data if len(data) <= limit else None
    stream.data, stream.rawdata = data, None  # what `PDFStream.decode` would have stored
    return data


def _name(raw: bytes) -> str | bytes:
    raw = _NAME_ESCAPE.sub(lambda match: bytes([int(match.group(1), 16)]), raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw


class _DrawnSize:
    """Bytes of instructions a page makes the interpreter read, forms counted as drawn."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._forms: dict[int, int] = {}  # id of a form -> its drawn size (capped)
        self._drawing: set[int] = set()  # forms being measured (a cycle draws nothing)

    def of(self, stream: PDFStream, resources: Any) -> int:
        """Drawn size of `stream`, at most `limit` + 1 (over the limit)."""
        data = decoded(stream, self.limit)
        if data is None:
            return self.limit + 1
        total = len(data)
        if b"Do" not in data:
            return total
        xobjects = resolve1(resources.get("XObject")) if isinstance(resources, dict) else None
        if not isinstance(xobjects, dict):
            return total
        for raw, times in Counter(_DRAW.findall(data)).items():
            form = resolve1(xobjects.get(_name(raw)))
            if not isinstance(form, PDFStream) or resolve1(form.get("Subtype")) is not _FORM:
                continue
            total += times * self._form(form, resources)
            if total > self.limit:
                return self.limit + 1
        return total

    def _form(self, form: PDFStream, page_resources: Any) -> int:
        key = id(form)
        if key in self._drawing:  # pdfminer refuses to draw a form inside itself
            return 0
        if key not in self._forms:
            own = resolve1(form.get("Resources"))
            self._drawing.add(key)
            self._forms[key] = self.of(form, own if own else page_resources)
            self._drawing.discard(key)
        return self._forms[key]


def check_content_size(source: SourceFile, pages: Sequence[Page], settings: IngestSettings) -> None:
    """Refuse a PDF whose pages hold more drawing instructions than anyone would read.

    A page's content streams and the forms it draws are counted as the interpreter would
    read them; a plan's page holds a few tens of kilobytes of them. Measured before
    pdfplumber interprets any page, with bounded memory.

    Raises:
        DocumentTooComplexError: one page or the whole document is over the limits.
    """
    page_limit = limits.mebibytes(settings.max_pdf_page_content_mb)
    document_limit = limits.mebibytes(settings.max_pdf_content_mb)
    total = 0
    for number, page in enumerate(pages, start=1):
        measure = _DrawnSize(page_limit)
        resources = page.page_obj.resources
        page_size = 0
        for reference in page.page_obj.contents:
            stream = resolve1(reference)
            if isinstance(stream, PDFStream):
                page_size += measure.of(stream, resources)
            if page_size > page_limit:
                raise limits.too_complex(
                    source.path,
                    f"la page {number} contient plus de {settings.max_pdf_page_content_mb:g} Mo "
                    "d'instructions de dessin (limite par page, formes réutilisées comprises)",
                )
        total += page_size
        if total > document_limit:
            raise limits.too_complex(
                source.path,
                f"les pages contiennent plus de {settings.max_pdf_content_mb:g} Mo "
                "d'instructions de dessin en tout",
            )


def fast_rc4(document: PDFDocument) -> None:
    """Decipher an RC4-encrypted document's objects in C rather than in pure Python.

    pdfminer's RC4 appends one byte at a time to a bytes object: quadratic, so a 1 MB
    encrypted stream takes minutes — a plan whose owner restricted editing as much as a
    hostile file. The same cipher from `cryptography` (a dependency of pdfminer for AES)
    gives the same bytes; only this document's security handler is changed.
    """
    handler = getattr(document.decipher, "__self__", None)
    if not isinstance(handler, PDFStandardSecurityHandler) or handler.key is None:
        return
    file_key = handler.key

    def decrypt_rc4(objid: int, genno: int, data: bytes) -> bytes:
        salted = file_key + struct.pack("<L", objid)[:3] + struct.pack("<L", genno)[:2]
        key = hashlib.md5(salted).digest()[: min(len(salted), 16)]
        return Cipher(ARC4(key), mode=None).decryptor().update(data)

    slow = handler.decrypt_rc4
    handler.decrypt_rc4 = decrypt_rc4  # type: ignore[method-assign]
    methods = getattr(handler, "cfm", None)  # revision 4: crypt filters by name
    if isinstance(methods, dict):
        for name, method in list(methods.items()):
            if method == slow:
                methods[name] = decrypt_rc4
