"""Read ``.pdf`` files: ruled tables as rows, the rest as paragraphs.

Most plans are exported to PDF from Word with ruled tables; pdfplumber's table finder finds
those from their lines, and each cell's text keeps its line breaks. The characters and the
lines come from PDFium (`pdfium_pages`, the default) or from pdfminer
(``ingest.pdf_backend = "pdfplumber"``); the drawing limits are checked first, on pdfminer's
reading of the file's streams (`pdf_limits`). Text outside the tables becomes
paragraphs, in reading order (top to bottom) with the tables.

Line numbers (`Span.line_start/line_end`) count the *visual lines of the page*: the lines
pdfplumber's ``extract_text_lines()`` finds (`pdf_lines`) on the whole page, tables
included, top to bottom, starting at 1 on every page. A paragraph or a table row covers the lines whose
middle lies within its vertical extent, so "p.3 l.12-14" means the 12th to 14th lines
from the top of page 3, what a coordinator counts on screen. A page without ruled tables
is just paragraphs: the extractor has a mode for tables whose columns were flattened.
"""

from __future__ import annotations

import io
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

import numpy as np
import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFEncryptionError
from pdfplumber.page import Page
from pdfplumber.pdf import PDF
from pdfplumber.table import Table as PdfTable
from pdfplumber.utils.exceptions import PdfminerException

from assistant.errors import (
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    NoRecognisableContentError,
)
from assistant.french.wrapping import is_cut_piece
from assistant.readers.base import Block, Paragraph, RawDocument, Table, TableRow
from assistant.readers.cleanup import normalise_lines
from assistant.readers.layout_tables import LayoutTable
from assistant.readers.pdf_char_arrays import (
    Indices,
    PageChars,
    cell_entries,
    group_lines,
    join_entries,
    lines_of,
    unique_chars,
    unique_columns,
)
from assistant.readers.pdf_content import CharColumns, PageContent
from assistant.readers.pdf_limits import check_content_size, fast_rc4
from assistant.readers.pdf_lines import text_lines as fast_text_lines
from assistant.readers.pdf_ruled import find_tables
from assistant.readers.pdf_unruled import unruled_tables
from assistant.readers.pdfium_pages import PDFIUM_LOCK, open_document, read_page
from assistant.readers.source_file import SourceFile
from assistant.readers.spans import make_span, row_excerpt
from assistant.settings import IngestSettings

# A vertical gap larger than this share of the line height starts a new paragraph, and so
# does a change of line height (font size) by more than this ratio: a title and its text.
_PARAGRAPH_GAP = 0.6
_SIZE_CHANGE = 1.2
# Typographic ligatures some PDF producers emit; matching needs the plain letters.
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_MEANINGLESS_TITLES = frozenset({"", "untitled", "sans titre", "document", "titre"})

Line = dict[str, Any]


# A list number Word printed at a tab stop right before its text (« 1.2Ouvrir »): closer
# than a space, yet two words.
_GLUED_NUMBER = re.compile(
    r"^(\d{1,3}(?:\.\d{1,2}){1,3}\.?|\d{1,3}\.)(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])", re.M
)


def _clean(text: str) -> str:
    return normalise_lines(text.translate(_LIGATURES))


def _paragraph_text(text: str) -> str:
    return _GLUED_NUMBER.sub(r"\1 ", _clean(text))


class _PageLines:
    """The visual lines of a page, to number the lines any block covers."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self._middles = sorted((float(line["top"]) + float(line["bottom"])) / 2 for line in lines)

    def range(self, top: float, bottom: float) -> tuple[int, int]:
        first = bisect_left(self._middles, top)
        last = bisect_left(self._middles, bottom) - 1
        if last < first:  # no line's middle inside: cite the next line down
            nearest = max(1, min(first + 1, len(self._middles)))
            return nearest, nearest
        return first + 1, last + 1


def _is_data_table(table: PdfTable) -> bool:
    # A ruled frame around text is a one-column "table": read it as text instead.
    return any(len(row.cells) >= 2 for row in table.rows)


# Right padding of a table cell (Word ~5.4 pt, reportlab 6 pt) plus a little slack.
_CELL_PADDING = 8.0


class _RowChars:
    """A table row's characters by the middle of their box, to find each cell's quickly."""

    def __init__(self, chars: Sequence[Line]) -> None:
        centred = sorted(
            (((char["x0"] + char["x1"]) / 2, index) for index, char in enumerate(chars)),
            key=itemgetter(0),
        )
        self._chars = chars
        self._middles = [middle for middle, _ in centred]
        self._order = [index for _, index in centred]

    def centred_in(self, x0: float, x1: float) -> list[Line]:
        """The characters whose middle lies between x0 and x1, in page order."""
        first = bisect_left(self._middles, x0)
        last = bisect_right(self._middles, x1)
        return [self._chars[index] for index in sorted(self._order[first:last])]


def cell_lines(
    chars: Sequence[Line] | _RowChars, bbox: tuple[float, float, float, float]
) -> list[Line]:
    """The visual lines of a table cell, from the characters of its row.

    Exactly pdfplumber's ``extract_text_lines(return_chars=False)`` of the page cropped to
    the cell, keeping the characters whose centre lies in it, without building the cropped
    page (a copy of every object of the page, once per cell).
    """
    x0, top, x1, bottom = (float(value) for value in bbox)
    row = chars if isinstance(chars, _RowChars) else _RowChars(chars)
    inside: list[Line] = []
    for char in row.centred_in(x0, x1):
        # A character belongs to the cell its centre lies in: LibreOffice and Word draw a
        # row's first line a little above the rule, so an overlap test would give the
        # first line of each row to the row above too.
        high, low = char["top"], char["bottom"]
        if not top <= (high + low) / 2 <= bottom:
            continue
        # what cropping the page to the cell gives (pdfplumber's `clip_obj`)
        left, right = max(char["x0"], x0), min(char["x1"], x1)
        high, low = max(high, top), min(low, bottom)
        width, height = right - left, low - high
        if width >= 0 and height >= 0 and width + height > 0:
            inside.append(
                {
                    "text": char["text"],
                    "upright": char["upright"],
                    "x0": left,
                    "top": high,
                    "x1": right,
                    "bottom": low,
                    "doctop": high,  # what pdfplumber's own code reads (other directions)
                }
            )
    return fast_text_lines(inside, return_chars=False)


def _joined(lines: Sequence[tuple[str, float, float]], right: float) -> str:
    """A cell's text from its visual lines (text, x0, x1), `right` the cell's right edge:
    visual line wraps joined and real line breaks kept as "\n".

    PDF has no paragraphs: a line ended either because the next word did not fit (a wrap)
    or because the author broke it (a new item). The next line's first word tells: if it
    would have fitted in the room left on the line, the break was deliberate.
    """
    if not lines:
        return ""
    parts = [lines[0][0]]
    for (prev_text, prev_x0, prev_x1), (text, _, _) in itertools.pairwise(lines):
        words = text.split()
        char_width = (prev_x1 - prev_x0) / max(1, len(prev_text))
        room = right - prev_x1 - _CELL_PADDING
        needed = (len(words[0]) + 1) * char_width if words else 0.0
        bullet = bool(words) and words[0][:1] in {"-", "•", "–", "▪", "*"}
        if room < needed and not bullet:
            cut = prev_text.endswith("-") or bool(words and is_cut_piece(prev_text, words[0]))
            parts.append("" if cut else " ")
        else:
            parts.append("\n")
        parts.append(text)
    return "".join(parts)


def _touching(chars: Sequence[Line], bbox: tuple[float, float, float, float]) -> list[Line]:
    """The characters that overlap `bbox` (pdfplumber's test when it crops), in page order."""
    x0, top, x1, bottom = bbox
    return [
        char
        for char in chars
        if (width := min(char["x1"], x1) - max(char["x0"], x0)) >= 0
        and (height := min(char["bottom"], bottom) - max(char["top"], top)) >= 0
        and width + height > 0
    ]


def _cell_texts(table: PdfTable, chars: PageChars) -> list[list[str]]:
    """The text of each cell of each row ("" for a cell a merged cell covers).

    A row's characters are those touching it; a cell's, those of its row whose centre
    lies in it, clipped to it (`cell_lines`). The lines of every cell are computed at once
    (`pdf_char_arrays`); a cell holding a character they do not take is read by
    `cell_lines`.
    """
    table_chars = chars.touching(table.bbox)
    row_chars = chars.touching_each([row.bbox for row in table.rows], table_chars)
    firsts = list(itertools.accumulate((len(row.cells) for row in table.rows), initial=0))
    entries = join_entries(
        [
            cell_entries(chars, among, row.cells, first)
            for among, row, first in zip(row_chars, table.rows, firsts, strict=False)
        ]
    )
    lines = group_lines(chars, entries)
    elsewhere = set(entries.group[~chars.direct[entries.char]].tolist())
    texts: list[list[str]] = []
    for among, row, first in zip(row_chars, table.rows, firsts, strict=False):
        values = []
        for number, bbox in enumerate(row.cells, start=first):
            if bbox is None:
                values.append("")
                continue
            if number in elsewhere:
                own = cell_lines([chars.chars[index] for index in among.tolist()], bbox)
                cell = [(str(line["text"]), line["x0"], line["x1"]) for line in own]
            else:
                cell = [(lines.text[i], lines.x0[i], lines.x1[i]) for i in lines.indices(number)]
            values.append(_joined(cell, float(bbox[2])))
        texts.append(values)
    return texts


def _table_block(
    table: PdfTable, numbering: _PageLines, file: str, number: int, chars: PageChars
) -> Table | None:
    rows: list[TableRow] = []
    for cells_bbox, values in zip(table.rows, _cell_texts(table, chars), strict=True):
        cells = tuple(_clean(value) if value else "" for value in values)
        if not any(cells):
            continue
        start, end = numbering.range(cells_bbox.bbox[1], cells_bbox.bbox[3])
        span = make_span(file, start, end, row_excerpt(cells), page=number)
        # pdfplumber gives no box for a cell that a merged cell covers
        merged = frozenset(i for i, bbox in enumerate(cells_bbox.cells) if bbox is None)
        rows.append(TableRow(cells=cells, span=span, merged=merged))
    if not rows:
        return None
    span = make_span(
        file, rows[0].span.line_start, rows[-1].span.line_end, rows[0].span.excerpt, page=number
    )
    return Table(rows=tuple(rows), span=span)


def _paragraph_groups(lines: Sequence[Line], tables: Sequence[PdfTable]) -> list[list[Line]]:
    """Split the lines outside tables where there is a large gap or a table in between."""
    table_tops = sorted(table.bbox[1] for table in tables)
    groups: list[list[Line]] = []
    for line in sorted(lines, key=lambda item: (float(item["top"]), float(item["x0"]))):
        if groups:
            previous = groups[-1][-1]
            height = max(1.0, float(previous["bottom"]) - float(previous["top"]))
            own_height = max(1.0, float(line["bottom"]) - float(line["top"]))
            gap = float(line["top"]) - float(previous["bottom"])
            table_between = any(previous["bottom"] <= top <= line["top"] for top in table_tops)
            same_size = max(height, own_height) <= _SIZE_CHANGE * min(height, own_height)
            if gap <= _PARAGRAPH_GAP * height and same_size and not table_between:
                groups[-1].append(line)
                continue
        groups.append([line])
    return groups


# Running headers and footers sit in the top or bottom band of the page.
_MARGIN_BAND = 0.1


def _margin_key(line: Line, height: float) -> str | None:
    """Digit-free text of a line in the page's top or bottom band, else None."""
    middle = (float(line["top"]) + float(line["bottom"])) / 2
    if _MARGIN_BAND * height < middle < (1 - _MARGIN_BAND) * height:
        return None
    return re.sub(r"\d+", "#", " ".join(str(line["text"]).split())).casefold()


def running_lines(pages: Sequence[PageContent], lines: Sequence[Sequence[Line]]) -> frozenset[str]:
    """Header/footer lines repeated on at least half the pages (page numbers ignored).

    `lines` are the pages' visual lines.
    """
    if len(pages) < 2:
        return frozenset()
    counts: dict[str, int] = {}
    for page, page_lines in zip(pages, lines, strict=True):
        keys = {_margin_key(line, page.height) for line in page_lines}
        for key in keys - {None}:
            assert key is not None
            counts[key] = counts.get(key, 0) + 1
    return frozenset(key for key, count in counts.items() if count >= max(2, len(pages) / 2))


def dedupe_chars(page: Page) -> Page:
    """``page.dedupe_chars()`` with `unique_chars`: a pdfplumber page without duplicates."""
    deduped = page.filter(lambda obj: True)
    deduped._objects = dict(page.objects)
    deduped._objects["char"] = unique_chars(page.chars)
    return deduped


def _outside(chars: PageChars, tables: Sequence[PdfTable]) -> Indices:
    """The characters touching no table: ``page.outside_bbox(table.bbox)`` for each table."""
    inside = np.zeros(len(chars.chars), np.bool_)
    for table in tables:
        inside[chars.touching(table.bbox)] = True
    return np.flatnonzero(~inside)


def _read_page(
    page: PageContent,
    file: str,
    boilerplate: frozenset[str] = frozenset(),
    lines: Sequence[Line] | None = None,
    chars: PageChars | None = None,
) -> list[Block]:
    """The blocks of a page whose duplicate characters are removed (`unique_chars`).

    `lines` are the page's visual lines, and `chars` its characters as arrays, when the
    caller has them.
    """
    number = page.number
    chars = chars if chars is not None else PageChars(page.chars)
    if lines is None:
        lines = lines_of(chars, np.arange(len(page.chars)), with_chars=False)
    numbering = _PageLines(lines)
    tables = [table for table in find_tables(page) if _is_data_table(table)]
    placed: list[tuple[float, Block]] = []
    for table in tables:
        block = _table_block(table, numbering, file, number, chars)
        if block is not None:
            placed.append((float(table.bbox[1]), block))
    page_text = lines_of(chars, _outside(chars, tables), glyphs=True)
    outside = [line for line in page_text if _margin_key(line, page.height) not in boilerplate]
    outside.sort(key=lambda item: (float(item["top"]), float(item["x0"])))
    used: set[int] = set()
    for unruled in unruled_tables(outside):
        block = _unruled_block(unruled, outside, numbering, file, number)
        if block is not None:
            placed.append((float(outside[unruled.header_line]["top"]), block))
            used.update(range(unruled.header_line, unruled.end_line))
    outside = [line for index, line in enumerate(outside) if index not in used]
    for group in _paragraph_groups(outside, tables):
        text = _paragraph_text("\n".join(str(line["text"]) for line in group))
        if not text:
            continue
        top, bottom = float(group[0]["top"]), float(group[-1]["bottom"])
        start, end = numbering.range(top, bottom)
        span = make_span(file, start, end, text, page=number)
        placed.append((top, Paragraph(text=text, span=span)))
    placed.sort(key=lambda item: item[0])
    return [block for _, block in placed]


def _unruled_block(
    table: LayoutTable, lines: Sequence[Line], numbering: _PageLines, file: str, page: int
) -> Table | None:
    """A table found from the words' positions, its rows cited at their visual lines."""
    rows: list[TableRow] = []
    entries = [(table.header_line, table.header_line, table.header, frozenset[int]())]
    entries = entries if table.header else []
    entries += [(r.first_line, r.last_line, r.texts(), frozenset(r.merged)) for r in table.rows]
    for first, last, texts, merged in entries:
        cells = tuple(_clean(text) for text in texts)
        if not any(cells):
            continue
        start, end = numbering.range(float(lines[first]["top"]), float(lines[last]["bottom"]))
        span = make_span(file, start, end, row_excerpt(cells), page=page)
        rows.append(TableRow(cells=cells, span=span, merged=merged))
    if len(rows) < 2:
        return None
    span = make_span(
        file, rows[0].span.line_start, rows[-1].span.line_end, rows[0].span.excerpt, page=page
    )
    return Table(rows=tuple(rows), span=span)


def _title(metadata: dict[str, Any]) -> str | None:
    title = metadata.get("Title")
    if not isinstance(title, str):
        return None
    title = " ".join(title.split()).removeprefix("Microsoft Word - ")
    return None if title.casefold() in _MEANINGLESS_TITLES else title


def check_signature(source: SourceFile) -> None:
    """Refuse a ``.pdf`` whose bytes are not a PDF (readers accept junk before the header).

    Raises:
        CorruptFileError: no ``%PDF-`` header in the first kilobyte.
    """
    if b"%PDF-" not in source.data[:1024]:
        raise CorruptFileError(
            source.path,
            "ce fichier n'est pas un PDF valide (en-tête %PDF absent) ; vérifiez son "
            "extension, ou rouvrez le document d'origine et exportez-le à nouveau en PDF.",
        )


def _open(source: SourceFile) -> PDF:
    """The document pdfminer opens: its pages' streams are measured before any is read."""
    try:
        return pdfplumber.open(io.BytesIO(source.data))
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFEncryptionError):
            raise _encrypted(source) from error
        raise _corrupt(source, cause) from error


def _encrypted(source: SourceFile) -> EncryptedFileError:
    return EncryptedFileError(
        source.path,
        "le PDF est protégé par un mot de passe ; enregistrez-en une copie sans "
        "protection puis réessayez.",
    )


def _corrupt(source: SourceFile, cause: object) -> CorruptFileError:
    return CorruptFileError(
        source.path,
        f"le PDF est endommagé et n'a pas pu être lu ({cause}) ; rouvrez le document "
        "d'origine et exportez-le à nouveau en PDF.",
    )


def _plumber_pages(pdf: PDF) -> list[PageContent]:
    """Every page's characters (deduplicated) and edges as pdfminer interprets them."""
    pages = []
    for number, page in enumerate(pdf.pages, start=1):
        chars = unique_chars(page.chars)
        pages.append(PageContent(number, float(page.width), float(page.height), chars, page.edges))
        page.close()
    return pages


def _pdfium_pages(source: SourceFile) -> list[PageContent]:
    """Every page's characters (deduplicated) and edges as PDFium reads them.

    PDFium is not thread-safe: one document at a time in a process (`PDFIUM_LOCK`).
    """
    with PDFIUM_LOCK:
        try:
            document = open_document(source.data)
        except pypdfium2.PdfiumError as error:
            if "password" in str(error).casefold():
                raise _encrypted(source) from error
            raise _corrupt(source, error) from error
        try:
            pages = []
            for index in range(len(document)):
                page = document[index]
                try:
                    pages.append(read_page(page, index + 1))
                finally:
                    page.close()
        except pypdfium2.PdfiumError as error:
            raise _corrupt(source, error) from error
        finally:
            document.close()
    for content in pages:
        chars = content.chars
        if isinstance(chars, CharColumns):
            content.chars = unique_columns(chars)
        else:
            content.chars = unique_chars(list(chars))
    return pages


def read(source: SourceFile, settings: IngestSettings) -> RawDocument:
    """Read a PDF page by page.

    pdfminer opens the file and the drawing limits are checked on its streams
    (`pdf_limits`); then the pages are read with ``settings.pdf_backend``: PDFium
    (`pdfium_pages`, the default) or pdfminer through pdfplumber.

    Raises:
        EncryptedFileError: a password is needed to open it.
        CorruptFileError: it is not a readable PDF.
        FileTooLargeError: it has more than ``settings.max_pages`` pages.
        DocumentTooComplexError: its pages hold more drawing instructions than the limits.
        NoRecognisableContentError: no page holds extractable text (a scan).
    """
    check_signature(source)
    with _open(source) as pdf:
        page_count = len(pdf.pages)
        if page_count > settings.max_pages:
            raise FileTooLargeError(
                source.path,
                f"le PDF compte {page_count} pages, au-delà de la limite de "
                f"{settings.max_pages} ; découpez-le ou augmentez la limite "
                "(réglage ingest.max_pages).",
            )
        fast_rc4(pdf.doc)
        check_content_size(source, pdf.pages, settings)
        title = _title(pdf.metadata)
        if settings.pdf_backend == "pdfplumber":
            pages = _plumber_pages(pdf)
        else:
            pages = _pdfium_pages(source)
    # Each page's characters as arrays, and its visual lines, computed once: for the running
    # headers and footers and to number lines.
    arrays = [PageChars(page.chars) for page in pages]
    lines = [lines_of(chars, np.arange(len(chars.chars)), with_chars=False) for chars in arrays]
    boilerplate = running_lines(pages, lines)
    blocks: list[Block] = []
    for page, page_lines, chars in zip(pages, lines, arrays, strict=True):
        blocks.extend(_read_page(page, source.name, boilerplate, page_lines, chars))
    if not blocks:
        raise NoRecognisableContentError(
            source.path,
            "le PDF ne contient aucun texte sélectionnable (document numérisé ?) ; passez-le "
            "dans un logiciel de reconnaissance de caractères (OCR) ou utilisez le document "
            "Word d'origine.",
        )
    return source.document(blocks, pages=page_count, title=title)
