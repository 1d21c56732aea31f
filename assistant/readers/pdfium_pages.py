"""A PDF's characters and ruling lines as pypdfium2 (PDFium, in C) reads them.

pdfminer interprets a page in pure Python: on a 31-page plan, more than two thirds of our
reading time went there. PDFium gives the same things from C: every character with its
box (`FPDFText_GetLooseCharBox`: the glyph's advance and the font's ascent and descent,
what pdfminer's boxes are) and every path object, whose straight horizontal and vertical
segments are the ruling lines pdfplumber's table finder works from. The characters come
out by column (`pdf_content.CharColumns`, each one's pdfplumber dictionary made when asked
for), the edges in pdfplumber's dictionaries, so the table recovery and the text lines are
computed as before.

What differs from pdfminer, on purpose or by necessity:
- characters PDFium *generates* (a space where a gap was, a line end) are left out: pdfminer
  has none;
- a character's box is one font size high with a fifth of it below the baseline, for every
  font. pdfminer puts its bottom at the font descriptor's ``/Descent``, which some producers
  leave at 0, and PDFium then takes the font file's own: on a line that mixes two fonts (a
  bullet, a bold word) the boxes would not line up and the line would grow taller, which
  reads as a change of font size;
- a character's ``fontname`` is not read (one more call per character): duplicates are told
  by their text, their position and their size;
- a hyphen PDFium marks as ending a line (U+FFFE or U+0002) is a hyphen;
- coordinates follow the page's ``/Rotate``, as pdfminer's do, and so does ``upright``;
- a Bézier segment gives no edge (pdfminer's curves give edges between control points,
  which the table finder drops as too short or slanted anyway).

The caller checks the drawing limits (`pdf_limits`) before this module reads a page.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import math
import threading
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pypdfium2
import pypdfium2.raw as pdfium_c

from assistant.readers.pdf_content import CharColumns, PageContent, PdfObject

#: PDFium is not thread-safe: hold this while any of its objects is in use.
PDFIUM_LOCK = threading.Lock()

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
# Characters PDFium may generate (space, line ends) and its mark for a hyphen at a line end.
_SOFT_HYPHEN_CODES = (0x02, 0xFFFE)
# Bytes of one character box (`FS_RECTF`: four floats).
_RECT_BYTES = ctypes.sizeof(pdfium_c.FS_RECTF)
# Share of the font size below the baseline in a character's box.
_DESCENT = 0.2
# A segment is horizontal or vertical when its ends differ by less than this (points).
_STRAIGHT = 0.01
# |cos| of a turn below this is a quarter turn (text read top to bottom or bottom to top).
_QUARTER_TURN = 1e-3
# Forms inside forms deeper than this are not searched for rules (pdfminer draws them all,
# the drawing limits have bounded how many there are).
_MAX_FORM_DEPTH = 8


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying `inner`, then `outer` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


class _Frame:
    """From PDF user space (origin bottom-left) to the displayed page (origin top-left)."""

    def __init__(self, page: Any) -> None:
        left, bottom, right, top = (float(value) for value in page.get_mediabox())
        self.rotation = int(page.get_rotation()) % 360
        self._box = (left, bottom, right, top)
        wide, tall = right - left, top - bottom
        self.width, self.height = (tall, wide) if self.rotation in (90, 270) else (wide, tall)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) on the displayed page of the user-space point (x, y)."""
        left, bottom, right, top = self._box
        if self.rotation == 90:
            return y - bottom, x - left
        if self.rotation == 180:
            return right - x, y - bottom
        if self.rotation == 270:
            return top - y, right - x
        return x - left, top - y

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """(x0, top, x1, bottom) on the displayed page of a user-space rectangle."""
        ax, at = self.point(x0, y0)
        bx, bt = self.point(x1, y1)
        return min(ax, bx), min(at, bt), max(ax, bx), max(at, bt)


def _edge(frame: _Frame, start: tuple[float, float], end: tuple[float, float]) -> PdfObject | None:
    """The edge of a straight horizontal or vertical segment (user space), else None."""
    (x0, top), (x1, bottom) = frame.point(*start), frame.point(*end)
    if abs(top - bottom) < _STRAIGHT:
        orientation = "h"
        top = bottom = (top + bottom) / 2
    elif abs(x0 - x1) < _STRAIGHT:
        orientation = "v"
        x0 = x1 = (x0 + x1) / 2
    else:
        return None
    x0, x1 = min(x0, x1), max(x0, x1)
    top, bottom = min(top, bottom), max(top, bottom)
    return {
        "object_type": "path_edge",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


def _path_edges(path: Any, matrix: Matrix, frame: _Frame) -> list[PdfObject]:
    """The straight horizontal and vertical segments of a path object, closing ones too."""
    x_value, y_value = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.byref(x_value), ctypes.byref(y_value)
    get_segment, get_point = _PATH_SEGMENT, _SEGMENT_POINT
    segment_type, segment_close = _SEGMENT_TYPE, _SEGMENT_CLOSE
    a, b, c, d, e, f = matrix
    edges: list[PdfObject] = []
    start: tuple[float, float] | None = None  # the current subpath's first point
    previous: tuple[float, float] | None = None
    for index in range(_COUNT_SEGMENTS(path)):
        segment = get_segment(path, index)
        if not segment or not get_point(segment, x_ref, y_ref):
            continue
        x, y = float(x_value.value), float(y_value.value)
        point = (a * x + c * y + e, b * x + d * y + f)
        kind = segment_type(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            start = point
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO and previous is not None:
            edge = _edge(frame, previous, point)
            if edge is not None:
                edges.append(edge)
        previous = point
        if segment_close(segment) and start is not None:
            edge = _edge(frame, point, start)
            if edge is not None:
                edges.append(edge)
            previous = start
    return edges


def _upright(degrees: float) -> bool:
    """pdfminer's ``upright`` (``a * d > 0 and b * c <= 0``) for text turned by `degrees`
    on the displayed page: any turn but a quarter (upside-down text counts as upright)."""
    return abs(math.cos(math.radians(degrees))) > _QUARTER_TURN


def _upright_text(text_objects: list[tuple[Any, Matrix]], rotation: int) -> bool:
    """Whether every text object of the page is upright on the displayed page."""
    for obj, outer in text_objects:
        a, b, *_ = _compose(_matrix(obj), outer)
        if not _upright(math.degrees(math.atan2(b, a)) - rotation):
            return False
    return True


@functools.cache
def _gil_keeping_library(path: str) -> ctypes.PyDLL:
    return ctypes.PyDLL(path)


def _undeclared(name: str, restype: Any) -> Any:
    """PDFium's function `name` without its declared argument types, called without
    releasing the GIL; else the declared one.

    ctypes converts each argument to its declared type: two thirds of the cost of the
    three calls made per character. Called with arguments of the right C types already
    (the text page's pointer, an int, ``byref`` of a structure or a double), it has nothing
    to convert. And ctypes releases and takes back the GIL around every call: an eighth
    of the cost of a call that takes a fraction of a microsecond. The library is the one
    pypdfium2 loaded (the same file opened again gives the same one), seen through
    `ctypes.PyDLL`, whose functions keep the GIL: only calls that return at once are made
    so, under `PDFIUM_LOCK`. pypdfium2 keeps its library in a private table: if that
    moves, the declared function serves.
    """
    declared = getattr(pdfium_c, name)
    try:
        from pypdfium2_raw.bindings import _libs  # type: ignore[import-untyped,attr-defined,unused-ignore]

        function = _gil_keeping_library(_libs["pdfium"]._name)[name]  # argtypes unset
    except (ImportError, KeyError, AttributeError, TypeError, OSError):  # pragma: no cover
        return declared
    function.restype = restype
    return function


_LOOSE_BOX = _undeclared("FPDFText_GetLooseCharBox", ctypes.c_int)
_FONT_SIZE = _undeclared("FPDFText_GetFontSize", ctypes.c_double)
_ORIGIN = _undeclared("FPDFText_GetCharOrigin", ctypes.c_int)
_GENERATED = _undeclared("FPDFText_IsGenerated", ctypes.c_int)
# The calls made per page object and per path segment (thousands on a plan: a table's
# every rule and every run of text is one), without argument conversion either; a call
# taking an unsigned long (`FPDFFormObj_GetObject`) keeps its declared types.
_PAGE_OBJECT = _undeclared("FPDFPage_GetObject", pdfium_c.FPDF_PAGEOBJECT)
_OBJECT_TYPE = _undeclared("FPDFPageObj_GetType", ctypes.c_int)
_OBJECT_MATRIX = _undeclared("FPDFPageObj_GetMatrix", ctypes.c_int)
_COUNT_SEGMENTS = _undeclared("FPDFPath_CountSegments", ctypes.c_int)
_PATH_SEGMENT = _undeclared("FPDFPath_GetPathSegment", pdfium_c.FPDF_PATHSEGMENT)
_SEGMENT_POINT = _undeclared("FPDFPathSegment_GetPoint", ctypes.c_int)
_SEGMENT_TYPE = _undeclared("FPDFPathSegment_GetType", ctypes.c_int)
_SEGMENT_CLOSE = _undeclared("FPDFPathSegment_GetClose", ctypes.c_int)
# One matrix filled by every `_matrix` call (PDFium is used under `PDFIUM_LOCK`).
_MATRIX = pdfium_c.FS_MATRIX()
_MATRIX_REF = ctypes.byref(_MATRIX)


def _matrix(obj: Any) -> Matrix:
    if not _OBJECT_MATRIX(obj, _MATRIX_REF):
        return _IDENTITY
    matrix = _MATRIX
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def _objects(handle: Any, count: int, get: Any, outer: Matrix, depth: int) -> Iterator[Any]:
    """(object, matrix to user space, type) of a page's or a form's objects, forms opened."""
    object_type = _OBJECT_TYPE
    for index in range(count):
        obj = get(handle, index)
        if not obj:
            continue
        kind = object_type(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth < _MAX_FORM_DEPTH:
                inner = _compose(_matrix(obj), outer)
                count_inner = pdfium_c.FPDFFormObj_CountObjects(obj)
                yield from _objects(
                    obj, count_inner, pdfium_c.FPDFFormObj_GetObject, inner, depth + 1
                )
        elif kind in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_TEXT):
            yield obj, outer, kind


def _chars(textpage: Any, frame: _Frame, upright_page: bool) -> CharColumns:
    """The page's characters in drawing order, without those PDFium generated.

    PDFium is asked, per character, only what it alone knows: whether a space is its own
    and the loose box (into one array for the page); the size and baseline once per loose
    top and bottom. On an upright page the loose top and bottom are the baseline and the
    font size seen through the font's ascent and descent: characters with the same loose
    top and bottom sit on the same baseline at the same size (a line in one font, mostly).
    The arithmetic on the boxes is done on the arrays.
    """
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count <= 0:
        return CharColumns()
    buffer = ctypes.create_string_buffer((count + 1) * 2)
    pdfium_c.FPDFText_GetText(
        textpage, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
    )
    text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
    codes = np.frombuffer(text.encode("utf-32-le"), np.uint32)
    soft = (codes == _SOFT_HYPHEN_CODES[0]) | (codes == _SOFT_HYPHEN_CODES[1])
    wanted = np.flatnonzero((codes >= 0x20) | soft)
    spaces = wanted[codes[wanted] == 0x20]
    if len(spaces):  # PDFium's own spaces left out
        own = np.fromiter(_each(_GENERATED, textpage, spaces.tolist()), np.intc, len(spaces))
        if (own == 1).any():
            asked = np.ones(len(codes), np.bool_)
            asked[spaces[own == 1]] = False
            wanted = wanted[asked[wanted]]
    # PDFium writes each asked character's box into one array (the rows of the others
    # are never read: it need not be cleared)
    filled = np.empty((len(text), 4), np.float32)
    rects = (pdfium_c.FS_RECTF * len(text)).from_buffer(filled)
    places = map(ctypes.byref, itertools.repeat(rects), (wanted * _RECT_BYTES).tolist())
    found = np.fromiter(_each(_LOOSE_BOX, textpage, wanted.tolist(), places), np.intc, len(wanted))
    kept = wanted[found != 0]
    if not len(kept):
        return CharColumns()
    boxes = filled[kept].astype(np.float64)
    left, loose_top, right, loose_bottom = boxes.T  # FS_RECTF: left, top, right, bottom
    if upright_page:  # one character measured per loose (top, bottom) of the page
        _, measured, group = np.unique(
            loose_top + 1j * loose_bottom, return_index=True, return_inverse=True
        )
    else:
        measured = group = np.arange(len(kept))
    sizes, uprights, lows, highs = _measures(
        textpage, frame.rotation, upright_page, kept[measured], loose_top, loose_bottom, measured
    )
    size, upright, low, high = sizes[group], uprights[group], lows[group], highs[group]
    if frame.rotation == 0:
        page_left, _, _, page_top = frame._box
        x0, x1 = left - page_left, right - page_left
        top, bottom = page_top - high, page_top - low
    else:
        turned = [frame.box(*corners) for corners in zip(left, low, right, high, strict=True)]
        x0, top, x1, bottom = (np.array(column, np.float64) for column in zip(*turned, strict=True))
    # one glyph mapped to several letters (a ligature, "ﬀ" as "ff"): PDFium gives each
    # letter the glyph's box, pdfminer one character holding them all
    same = np.zeros(len(kept), np.bool_)
    same[1:] = (
        (x0[1:] == x0[:-1])
        & (x1[1:] == x1[:-1])
        & (top[1:] == top[:-1])
        & (bottom[1:] == bottom[:-1])
    )
    # the kept characters' letters, a hyphen for PDFium's mark (the codes are the text's)
    letters = list(
        np.where(soft[kept], ord("-"), codes[kept]).astype("<u4").tobytes().decode("utf-32-le")
    )
    firsts = np.flatnonzero(~same)
    if len(firsts) < len(kept):
        ends = [*firsts[1:].tolist(), len(kept)]
        texts = ["".join(letters[a:b]) for a, b in zip(firsts.tolist(), ends, strict=True)]
    else:
        texts = letters
    return CharColumns.from_arrays(
        texts,
        x0=x0[firsts],
        x1=x1[firsts],
        top=top[firsts],
        bottom=bottom[firsts],
        upright=upright[firsts],
        size=size[firsts],
    )


def _each(function: Any, textpage: Any, indices: list[int], *more: Iterable[Any]) -> Iterator[Any]:
    """`function(textpage, index, ...)` of each of `indices`, called from `map` (a call per
    character: the loop's own cost counts)."""
    return map(function, itertools.repeat(textpage, len(indices)), indices, *more)


def _measures(
    textpage: Any,
    rotation: int,
    upright_page: bool,
    indices: Any,
    loose_top: Any,
    loose_bottom: Any,
    positions: Any,
) -> tuple[Any, Any, Any, Any]:
    """Size, upright, box bottom and top (user space) of the characters at `indices` of the
    text page (`positions` among the kept characters, whose loose boxes are given)."""
    font_size, origin = _FONT_SIZE, _ORIGIN
    x_value, y_value = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x_value), ctypes.byref(y_value)
    sizes, uprights, lows, highs = [], [], [], []
    for index, position in zip(indices.tolist(), positions.tolist(), strict=True):
        size = font_size(textpage, index)
        upright = upright_page or _char_upright(textpage, index, rotation)
        if upright and size > 0:
            # One font size high, a fifth of it below the baseline, whatever the font
            # (see the module's note).
            origin(textpage, index, x_ref, y_ref)
            low = y_value.value - _DESCENT * size
            high = low + size
        else:
            low, high = float(loose_bottom[position]), float(loose_top[position])
        sizes.append(size)
        uprights.append(upright)
        lows.append(low)
        highs.append(high)
    return (
        np.array(sizes, np.float64),
        np.array(uprights, np.bool_),
        np.array(lows, np.float64),
        np.array(highs, np.float64),
    )


def _char_upright(textpage: Any, index: int, rotation: int) -> bool:
    # the sign of PDFium's angle does not matter: only the cosine of the turn is tested
    return _upright(math.degrees(float(pdfium_c.FPDFText_GetCharAngle(textpage, index))) - rotation)


def read_page(page: Any, number: int) -> PageContent:
    """One page's characters and edges (`page`: a `pypdfium2.PdfPage`)."""
    frame = _Frame(page)
    handle = page.raw
    count = pdfium_c.FPDFPage_CountObjects(handle)
    edges: list[PdfObject] = []
    text_objects: list[tuple[Any, Matrix]] = []
    for obj, outer, kind in _objects(handle, count, _PAGE_OBJECT, _IDENTITY, depth=0):
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            edges.extend(_path_edges(obj, _compose(_matrix(obj), outer), frame))
        else:
            text_objects.append((obj, outer))
    textpage = page.get_textpage()
    try:
        chars = _chars(textpage.raw, frame, _upright_text(text_objects, frame.rotation))
    finally:
        textpage.close()
    return PageContent(number, frame.width, frame.height, chars, edges)


def open_document(data: bytes) -> pypdfium2.PdfDocument:
    """The document PDFium opens from `data` (raises `pypdfium2.PdfiumError`)."""
    return pypdfium2.PdfDocument(data)
