"""Read ``.pdf`` files with pdfplumber: ruled tables as rows, the rest as paragraphs.

Most plans are exported to PDF from Word with ruled tables; pdfplumber finds those from
their lines and gives cell text with its line breaks. Text outside the tables becomes
paragraphs, in reading order (top to bottom) with the tables.

Line numbers (`Span.line_start/line_end`) count the *visual lines of the page*: the lines
pdfplumber's ``extract_text_lines()`` finds on the whole page, tables included, top to
bottom, starting at 1 on every page. A paragraph or a table row covers the lines whose
middle lies within its vertical extent, so "p.3 l.12-14" means the 12th to 14th lines
from the top of page 3, what a coordinator counts on screen. A page without ruled tables
is just paragraphs: the extractor has a mode for tables whose columns were flattened.
"""

from __future__ import annotations

import io
import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from operator import itemgetter
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.pdftypes import LITERALS_FLATE_DECODE, PDFStream, resolve1
from pdfplumber.page import Page
from pdfplumber.table import Table as PdfTable
from pdfplumber.utils.clustering import cluster_objects
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.geometry import get_bbox_overlap

from assistant.errors import (
    CorruptFileError,
    EncryptedFileError,
    FileTooLargeError,
    NoRecognisableContentError,
)
from assistant.readers import limits
from assistant.readers.base import Block, Paragraph, RawDocument, Table, TableRow
from assistant.readers.cleanup import normalise_lines
from assistant.readers.layout_tables import LayoutTable
from assistant.readers.pdf_unruled import unruled_tables
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


def _clean(text: str) -> str:
    return normalise_lines(text.translate(_LIGATURES))


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


def _cell_text(page: Page, bbox: tuple[float, float, float, float] | None) -> str:
    """A cell's text with visual line wraps joined and real line breaks kept as "\n".

    PDF has no paragraphs: a line ended either because the next word did not fit (a
    wrap) or because the author broke it (a new item). The next line's first word tells:
    if it would have fitted in the room left on the line, the break was deliberate.
    """
    if bbox is None:
        return ""
    x0, top, x1, bottom = (float(value) for value in bbox)

    def centred_inside(obj: dict[str, Any]) -> bool:
        # A character belongs to the cell its centre lies in: LibreOffice and Word draw a
        # row's first line a little above the rule, so an overlap test would give the
        # first line of each row to the row above too.
        if obj.get("object_type") != "char":
            return True
        middle_x = (float(obj["x0"]) + float(obj["x1"])) / 2
        middle_y = (float(obj["top"]) + float(obj["bottom"])) / 2
        return x0 <= middle_x <= x1 and top <= middle_y <= bottom

    cell = page.filter(centred_inside).crop(bbox, strict=False)
    lines = cell.extract_text_lines(return_chars=False)
    if not lines:
        return ""
    parts = [str(lines[0]["text"])]
    for previous, line in itertools.pairwise(lines):
        text = str(line["text"])
        words = text.split()
        prev_text = str(previous["text"])
        char_width = (float(previous["x1"]) - float(previous["x0"])) / max(1, len(prev_text))
        room = float(bbox[2]) - float(previous["x1"]) - _CELL_PADDING
        needed = (len(words[0]) + 1) * char_width if words else 0.0
        bullet = bool(words) and words[0][:1] in {"-", "•", "–", "▪", "*"}
        if room < needed and not bullet:
            parts.append("" if prev_text.endswith("-") else " ")
        else:
            parts.append("\n")
        parts.append(text)
    return "".join(parts)


_BBOX = itemgetter("x0", "top", "x1", "bottom")


def _touching(page: Page, bbox: tuple[float, float, float, float]) -> Page:
    """The page restricted to the objects that overlap `bbox`, left as they are.

    Cropping a cell scans every object of the page; cropping it from its row (and the row's
    objects from its table's) scans only those. The objects are the page's own, unclipped,
    and pdfplumber's overlap test is the one ``crop`` applies, so a cell cropped from here
    holds exactly what it holds when cropped from the whole page (a cell lies in its row).
    """
    return page.filter(lambda obj: get_bbox_overlap(_BBOX(obj), bbox) is not None)


def _table_block(table: PdfTable, numbering: _PageLines, file: str, page: Page) -> Table | None:
    rows: list[TableRow] = []
    number = page.page_number
    table_area = _touching(page, table.bbox)
    for cells_bbox in table.rows:
        row_area = _touching(table_area, cells_bbox.bbox)
        values = [_cell_text(row_area, bbox) for bbox in cells_bbox.cells]
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


def running_lines(pages: Sequence[Page]) -> frozenset[str]:
    """Header/footer lines repeated on at least half the pages (page numbers ignored)."""
    if len(pages) < 2:
        return frozenset()
    counts: dict[str, int] = {}
    for page in pages:
        keys = {
            _margin_key(line, float(page.height))
            for line in page.extract_text_lines(return_chars=False)
        }
        for key in keys - {None}:
            assert key is not None
            counts[key] = counts.get(key, 0) + 1
    return frozenset(key for key, count in counts.items() if count >= max(2, len(pages) / 2))


def _unique_chars(chars: list[Line], tolerance: float = 1) -> Iterator[Line]:
    """pdfplumber's duplicate-character filter (`pdfplumber.utils.text.dedupe_chars`)."""
    key = itemgetter("upright", "text", "fontname", "size")
    position = itemgetter("doctop", "x0")
    for _, group in itertools.groupby(sorted(chars, key=key), key=key):
        for line in cluster_objects(list(group), itemgetter("doctop"), tolerance):
            for cluster in cluster_objects(line, itemgetter("x0"), tolerance):
                yield sorted(cluster, key=position)[0]


def dedupe_chars(page: Page) -> Page:
    """``page.dedupe_chars()`` (same characters, same order) in n log n time.

    pdfplumber puts the kept characters back in page order with ``sorted(kept,
    key=chars.index)``, a linear search per character: two thirds of the reading time of
    a table-heavy page. The character kept from a group of duplicates is the first one
    (stable sorts), so its position in the page is its own index.
    """
    chars = page.chars
    index = {id(char): n for n, char in enumerate(chars)}
    deduped = page.filter(lambda obj: True)
    deduped._objects = dict(page.objects)
    deduped._objects["char"] = sorted(_unique_chars(chars), key=lambda char: index[id(char)])
    return deduped


def _read_page(
    page: Page, file: str, number: int, boilerplate: frozenset[str] = frozenset()
) -> list[Block]:
    page = dedupe_chars(page)
    numbering = _PageLines(page.extract_text_lines(return_chars=False))
    tables = [table for table in page.find_tables() if _is_data_table(table)]
    text_area: Page = page
    for table in tables:
        text_area = text_area.outside_bbox(table.bbox, strict=False)
    placed: list[tuple[float, Block]] = []
    for table in tables:
        block = _table_block(table, numbering, file, page)
        if block is not None:
            placed.append((float(table.bbox[1]), block))
    outside = [
        line
        for line in text_area.extract_text_lines(return_chars=True)
        if _margin_key(line, float(page.height)) not in boilerplate
    ]
    outside.sort(key=lambda item: (float(item["top"]), float(item["x0"])))
    used: set[int] = set()
    for unruled in unruled_tables(outside):
        block = _unruled_block(unruled, outside, numbering, file, number)
        if block is not None:
            placed.append((float(outside[unruled.header_line]["top"]), block))
            used.update(range(unruled.header_line, unruled.end_line))
    outside = [line for index, line in enumerate(outside) if index not in used]
    for group in _paragraph_groups(outside, tables):
        text = _clean("\n".join(str(line["text"]) for line in group))
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


def _stream_size(stream: PDFStream, limit: int) -> int:
    """Decoded size of a content stream, never inflating more than `limit` + 1 bytes of it."""
    filters = stream.get_filters()
    if not stream.decipher and len(filters) == 1 and filters[0][0] in LITERALS_FLATE_DECODE:
        size = limits.inflate_bounded(stream.rawdata or b"", limit)
        if size >= 0:
            return size
    return len(stream.get_data() or b"")


def check_content_size(source: SourceFile, pages: Sequence[Page]) -> None:
    """Refuse a PDF whose pages hold more drawing instructions than anyone would read.

    A 31 KB PDF can inflate into millions of text operators that the layout analysis
    reads one by one for minutes; a plan's page holds a few tens of kilobytes of them.
    Measured before pdfplumber interprets any page, with bounded memory.

    Raises:
        DocumentTooComplexError: one page or the whole document is over the limits.
    """
    total = 0
    for number, page in enumerate(pages, start=1):
        page_size = 0
        for reference in page.page_obj.contents:
            stream = resolve1(reference)
            if isinstance(stream, PDFStream):
                page_size += _stream_size(stream, limits.MAX_PDF_PAGE_CONTENT_BYTES - page_size)
            if page_size > limits.MAX_PDF_PAGE_CONTENT_BYTES:
                raise limits.too_complex(
                    source.path,
                    f"la page {number} contient plus de {limits.MAX_PDF_PAGE_CONTENT_BYTES // 2**20} "
                    "Mo d'instructions de dessin (limite par page)",
                )
        total += page_size
        if total > limits.MAX_PDF_CONTENT_BYTES:
            raise limits.too_complex(
                source.path,
                f"les pages contiennent plus de {limits.MAX_PDF_CONTENT_BYTES // 2**20} Mo "
                "d'instructions de dessin en tout",
            )


def read(source: SourceFile, settings: IngestSettings) -> RawDocument:
    """Read a PDF page by page.

    Raises:
        EncryptedFileError: a password is needed to open it.
        CorruptFileError: it is not a readable PDF.
        FileTooLargeError: it has more than ``settings.max_pages`` pages.
        DocumentTooComplexError: its pages hold more drawing instructions than the limits.
        NoRecognisableContentError: no page holds extractable text (a scan).
    """
    check_signature(source)
    try:
        pdf = pdfplumber.open(io.BytesIO(source.data))
    except PdfminerException as error:
        cause = error.args[0] if error.args else error
        if isinstance(cause, PDFEncryptionError):
            raise EncryptedFileError(
                source.path,
                "le PDF est protégé par un mot de passe ; enregistrez-en une copie sans "
                "protection puis réessayez.",
            ) from error
        raise CorruptFileError(
            source.path,
            f"le PDF est endommagé et n'a pas pu être lu ({cause}) ; rouvrez le document "
            "d'origine et exportez-le à nouveau en PDF.",
        ) from error
    with pdf:
        page_count = len(pdf.pages)
        if page_count > settings.max_pages:
            raise FileTooLargeError(
                source.path,
                f"le PDF compte {page_count} pages, au-delà de la limite de "
                f"{settings.max_pages} ; découpez-le ou augmentez la limite "
                "(réglage ingest.max_pages).",
            )
        check_content_size(source, pdf.pages)
        blocks: list[Block] = []
        boilerplate = running_lines(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            blocks.extend(_read_page(page, source.name, number, boilerplate))
            page.close()
        title = _title(pdf.metadata)
    if not blocks:
        raise NoRecognisableContentError(
            source.path,
            "le PDF ne contient aucun texte sélectionnable (document numérisé ?) ; passez-le "
            "dans un logiciel de reconnaissance de caractères (OCR) ou utilisez le document "
            "Word d'origine.",
        )
    return source.document(blocks, pages=page_count, title=title)
