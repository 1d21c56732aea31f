"""Read ``.csv`` files: a plan exported from a spreadsheet, as one table.

Belgian and French exports use ';' (the decimal comma takes ','), others ',' or TAB, in
any encoding, sometimes with Excel's "sep=;" first line. Line numbers are the file's
lines; a quoted cell spanning several lines gives its row a multi-line span.
"""

from __future__ import annotations

import csv
import io
import re

from assistant.errors import EmptyFileError
from assistant.readers.base import RawDocument, Table, TableRow
from assistant.readers.cleanup import clean_fragment
from assistant.readers.encoding import decode_text
from assistant.readers.source_file import SourceFile
from assistant.readers.spans import make_span, row_excerpt
from assistant.readers.table_parts import separate_tables
from assistant.settings import IngestSettings

_DELIMITERS = ";,\t"
_SAMPLE_CHARS = 64 * 1024
_EXCEL_SEPARATOR_LINE = re.compile(r"^sep=(.)\s*$")


def _count_outside_quotes(line: str, delimiter: str) -> int:
    return len(re.sub(r'"[^"]*"', "", line).split(delimiter)) - 1


def sniff_delimiter(sample: str) -> str:
    """The delimiter among ';', ',' and TAB: csv.Sniffer, else the most regular one.

    The fallback keeps the candidate found the same number of times on most lines (a
    comma inside prose is irregular; a real separator is not); ';' wins ties.
    """
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        pass
    lines = [line for line in sample.split("\n")[:50] if line.strip()]
    best, best_score = ";", 0
    for delimiter in _DELIMITERS:
        counts = [_count_outside_quotes(line, delimiter) for line in lines]
        nonzero = [count for count in counts if count]
        if not nonzero:
            continue
        most_common = max(set(nonzero), key=nonzero.count)
        score = nonzero.count(most_common)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read(source: SourceFile, settings: IngestSettings) -> RawDocument:
    """Read a CSV file as one table, or several when a narrower one follows an empty row
    (`table_parts`: a legend under the plan); HTML fragments in cells are cleaned as in TXT.

    Raises:
        CorruptFileError: the file is not text.
        EmptyFileError: it holds no value.
    """
    text = decode_text(source.data, source.path)
    first_line, _, rest = text.partition("\n")
    offset = 0
    if separator := _EXCEL_SEPARATOR_LINE.match(first_line):
        delimiter, text, offset = separator.group(1), rest, 1
    else:
        delimiter = sniff_delimiter(text[:_SAMPLE_CHARS])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[TableRow] = []
    previous_end = 0
    for raw_cells in reader:
        start, end = previous_end + 1, reader.line_num
        previous_end = end
        cells = tuple(clean_fragment(cell) for cell in raw_cells)
        if not any(cells):
            continue
        span = make_span(source.name, start + offset, end + offset, row_excerpt(cells))
        rows.append(TableRow(cells=cells, span=span))
    if not rows:
        raise EmptyFileError(
            source.path,
            "le fichier CSV ne contient aucune valeur ; vérifiez que vous avez choisi le bon "
            "fichier.",
        )
    parts = separate_tables(
        rows,
        [row.cells for row in rows],
        [
            at > 0 and row.span.line_start > rows[at - 1].span.line_end + 1
            for at, row in enumerate(rows)
        ],
    )
    tables = [_table(part, source.name) for part in parts]
    return source.document(list(tables), title=source.path.stem)


def _table(rows: list[TableRow], file: str) -> Table:
    span = make_span(file, rows[0].span.line_start, rows[-1].span.line_end, rows[0].span.excerpt)
    return Table(rows=tuple(rows), span=span)
