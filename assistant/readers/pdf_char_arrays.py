"""A PDF page's characters as arrays, and the visual lines of many groups of them at once.

The reader asks for the visual lines of every table cell (1,645 cells in a 30-page plan),
of every page and of the text outside the tables. `pdf_lines.text_lines` computes them
character by character, one call per cell: with the characters' dictionaries copied
and clipped for each cell, that was half the reading time of a plan. Here the same steps
run on numpy arrays, for every cell of a table in one pass: characters clustered into
lines by their top (within 3 pt), each line sorted left to right and cut into words (at a
space, at a gap over 3 pt, where the text jumps up or down), the words grouped into lines
again by their top. The results are `pdf_lines.text_lines`' own — same text, same boxes —
and a group holding a character that its direct path does not take (text in another
direction, a character whose text is empty or mixes letters and spaces) is left to it.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt
from pdfplumber.utils.text import LIGATURES

from assistant.readers.pdf_content import CharColumns
from assistant.readers.pdf_lines import text_lines

Char = dict[str, Any]
Line = dict[str, Any]
Floats = npt.NDArray[np.float64]
Indices = npt.NDArray[np.intp]
Flags = npt.NDArray[np.bool_]
Box = tuple[float, float, float, float]

#: The code points of the ligatures pdfplumber spells out (« ﬀ » → « ff »).
_LIGATURE_CODES = np.array([ord(ligature) for ligature in LIGATURES], np.uint32)
#: The code points `str.isspace` holds for (Unicode's White_Space and the separators
#: « \x1c » to « \x1f »), to tell a page's spaces apart at once.
SPACE_CODES = (
    *range(0x09, 0x0E),
    *range(0x1C, 0x21),
    0x85,
    0xA0,
    0x1680,
    *range(0x2000, 0x200B),
    0x2028,
    0x2029,
    0x202F,
    0x205F,
    0x3000,
)
_SPACE_CODES = np.array(SPACE_CODES, np.uint32)
#: pdfplumber's default tolerances, as in `pdf_lines`.
_X_TOLERANCE = 3.0
_Y_TOLERANCE = 3.0


def _direct(text: str, upright: bool) -> bool:
    """Whether `pdf_lines`' direct path gives this character's lines and this module can
    too: upright, and a text that is one letter, all spaces or letters without a space."""
    if not upright or not text:
        return False
    return len(text) == 1 or text.isspace() or not any(letter.isspace() for letter in text)


class PageChars:
    """A page's characters (page order) and their boxes as arrays."""

    def __init__(self, chars: Sequence[Char]) -> None:
        count = len(chars)
        self.chars = chars
        self._touching: dict[Box, Indices] = {}  # `touching` of the whole page, by box
        if isinstance(chars, CharColumns):
            texts = chars.text
            upright: Flags = chars.array("upright")
            self.x0: Floats = chars.array("x0")
            self.x1: Floats = chars.array("x1")
            self.top: Floats = chars.array("top")
            self.bottom: Floats = chars.array("bottom")
        else:
            texts = [str(char["text"]) for char in chars]
            upright = np.fromiter((bool(char["upright"]) for char in chars), np.bool_, count)
            self.x0 = np.fromiter(map(itemgetter("x0"), chars), np.float64, count)
            self.x1 = np.fromiter(map(itemgetter("x1"), chars), np.float64, count)
            self.top = np.fromiter(map(itemgetter("top"), chars), np.float64, count)
            self.bottom = np.fromiter(map(itemgetter("bottom"), chars), np.float64, count)
        self.letters: list[str] = texts  # each character's own text (ligatures as drawn)
        # each character's code point when every one is a single letter, spelt as drawn
        self.codes: npt.NDArray[np.uint32] | None = None
        joined = "".join(texts)
        if len(joined) == count and "" not in texts:  # one letter each (most pages)
            codes = np.frombuffer(joined.encode("utf-32-le"), np.uint32)
            self.space: Flags = np.isin(codes, _SPACE_CODES)
            self.direct: Flags = upright.copy()
            if np.isin(codes, _LIGATURE_CODES).any():
                self.texts: list[str] = list(map(LIGATURES.get, texts, texts))
                self.one_letter_each = False
            else:
                self.texts = list(texts)
                self.one_letter_each = True
                self.codes = codes
            return
        self.texts = list(map(LIGATURES.get, texts, texts))
        self.space = np.fromiter(map(str.isspace, texts), np.bool_, count)
        # most characters are one letter: the others are tested one by one
        single = np.fromiter(map(len, texts), np.intp, count) == 1
        self.direct = upright & single
        for index in np.flatnonzero(~single).tolist():
            self.direct[index] = _direct(texts[index], bool(upright[index]))
        # `pdf_lines` lists a line's character once per letter it writes (a ligature twice)
        self.one_letter_each = set(map(len, self.texts)) <= {1}

    def touching(self, bbox: Sequence[float], among: Indices | None = None) -> Indices:
        """The characters (of `among`, page order) that overlap `bbox`, as pdfplumber's
        crop tests it: the overlap is not negative either way and not nothing both ways."""
        x0, top, x1, bottom = (float(value) for value in bbox)
        if among is None:  # a table's box is asked for its cells, then for the text outside
            known = self._touching.get((x0, top, x1, bottom))
            if known is not None:
                return known
        index: Indices = np.arange(len(self.chars)) if among is None else among
        width = np.minimum(self.x1[index], x1) - np.maximum(self.x0[index], x0)
        height = np.minimum(self.bottom[index], bottom) - np.maximum(self.top[index], top)
        keep: Flags = (width >= 0) & (height >= 0) & (width + height > 0)
        touching: Indices = index[keep]
        if among is None:
            self._touching[(x0, top, x1, bottom)] = touching
        return touching

    def touching_each(self, bboxes: Sequence[Sequence[float]], among: Indices) -> list[Indices]:
        """`touching` of each of `bboxes` (a table's rows), at once."""
        boxes = np.array(bboxes, np.float64).reshape(-1, 4)
        x0, top, x1, bottom = (boxes[:, side : side + 1] for side in range(4))
        width = np.minimum(self.x1[among], x1) - np.maximum(self.x0[among], x0)
        height = np.minimum(self.bottom[among], bottom) - np.maximum(self.top[among], top)
        keep: Flags = (width >= 0) & (height >= 0) & (width + height > 0)
        return [among[row] for row in keep]


@dataclass
class _Entries:
    """Characters in groups (a cell's, a page's), group by group, page order within one."""

    group: Indices
    char: Indices
    x0: Floats
    top: Floats
    x1: Floats
    bottom: Floats


def cell_entries(
    page: PageChars, row: Indices, cells: Sequence[Box | None], first: int
) -> _Entries:
    """The characters of a row's cells, clipped to them (what cropping a page gives).

    A character belongs to the cell its centre lies in (borders included), as in
    `readers.pdf.cell_lines`; cells are numbered from `first`, a missing cell has none.
    """
    numbers = [number for number, bbox in enumerate(cells, start=first) if bbox is not None]
    boxes = np.array([bbox for bbox in cells if bbox is not None], np.float64).reshape(-1, 4)
    x0, x1, top, bottom = page.x0[row], page.x1[row], page.top[row], page.bottom[row]
    middle_x, middle_y = (x0 + x1) / 2, (top + bottom) / 2
    # cells × characters: whose centre lies in which cell (cell by cell, page order)
    left, high, right, low = (boxes[:, side : side + 1] for side in range(4))
    inside = (left <= middle_x) & (middle_x <= right) & (high <= middle_y) & (middle_y <= low)
    cell, char = np.nonzero(inside)
    # what cropping the page to the cell gives (pdfplumber's `clip_obj`)
    clipped_left = np.maximum(x0[char], boxes[cell, 0])
    clipped_right = np.minimum(x1[char], boxes[cell, 2])
    clipped_top = np.maximum(top[char], boxes[cell, 1])
    clipped_bottom = np.minimum(bottom[char], boxes[cell, 3])
    width, height = clipped_right - clipped_left, clipped_bottom - clipped_top
    keep = (width >= 0) & (height >= 0) & (width + height > 0)
    return _Entries(
        np.array(numbers, np.intp)[cell[keep]] if numbers else np.zeros(0, np.intp),
        row[char[keep]],
        clipped_left[keep],
        clipped_top[keep],
        clipped_right[keep],
        clipped_bottom[keep],
    )


def join_entries(parts: Sequence[_Entries]) -> _Entries:
    """Several rows' entries as one (their cells numbered apart)."""
    return _Entries(*(np.concatenate([getattr(part, name) for part in parts]) for name in _FIELDS))


_FIELDS = ("group", "char", "x0", "top", "x1", "bottom")


def page_entries(page: PageChars, chars: Indices) -> _Entries:
    """Some of a page's characters (page order) as one group, unclipped."""
    return _Entries(
        np.zeros(len(chars), np.intp),
        chars,
        page.x0[chars],
        page.top[chars],
        page.x1[chars],
        page.bottom[chars],
    )


def _chain_starts(group: Indices, values: Floats, tolerance: float) -> Indices:
    """Cluster numbers, per group, of values chained within `tolerance` once sorted
    (`pdf_lines._chain_clusters` in each group; numbers grow with the group)."""
    order = sort_by(group, values)
    ordered = values[order]
    new = np.ones(len(order), np.bool_)
    new[1:] = (group[order][1:] != group[order][:-1]) | (ordered[1:] > ordered[:-1] + tolerance)
    clusters = np.empty(len(order), np.intp)
    clusters[order] = np.cumsum(new) - 1
    return clusters


@dataclass
class GroupLines:
    """The visual lines of each group: text, box and the characters (page indices)."""

    group: list[int]
    text: list[str]
    x0: list[float]
    top: list[float]
    x1: list[float]
    bottom: list[float]
    chars: list[list[int]]

    def of(self, page: PageChars, number: int, with_chars: bool = True) -> list[Line]:
        """`pdf_lines.text_lines`' dictionaries for the lines of group `number`."""
        return [self.line(page, index, with_chars) for index in self.indices(number)]

    def with_glyphs(self, page: PageChars, number: int) -> list[Line]:
        """The lines of group `number` without their characters' dictionaries: each with
        ``glyphs``, its characters' (x0, x1, text) lists — what `pdf_unruled` reads of
        ``chars``, in the same order and as many times (a ligature once per letter)."""
        positions = self.indices(number)
        if not len(positions):
            return []
        chars = [self.chars[index] for index in positions]
        if not page.one_letter_each:  # once per letter, as `line` lists them
            texts = page.texts
            chars = [[char for char in line for _ in texts[char]] for line in chars]
        flat = np.fromiter(itertools.chain.from_iterable(chars), np.intp)
        x0, x1 = page.x0[flat].tolist(), page.x1[flat].tolist()
        letters = [page.letters[index] for index in flat.tolist()]
        bounds = list(itertools.accumulate(map(len, chars), initial=0))
        lines = []
        for index, (start, end) in zip(positions, itertools.pairwise(bounds), strict=True):
            line = self.line(page, index, with_chars=False)
            line["glyphs"] = (x0[start:end], x1[start:end], letters[start:end])
            lines.append(line)
        return lines

    def indices(self, number: int) -> range:
        """The positions of group `number`'s lines (groups are in order)."""
        start = bisect_left(self.group, number)
        return range(start, bisect_left(self.group, number + 1))

    def line(self, page: PageChars, index: int, with_chars: bool = True) -> Line:
        line: Line = {
            "text": self.text[index],
            "x0": self.x0[index],
            "top": self.top[index],
            "x1": self.x1[index],
            "bottom": self.bottom[index],
        }
        if with_chars:
            chars, made = self.chars[index], page.chars
            if page.one_letter_each:
                line["chars"] = [made[char] for char in chars]
            else:  # once per letter, as `pdf_lines` gives them
                texts = page.texts
                line["chars"] = [made[char] for char in chars for _ in texts[char]]
        return line


def group_lines(page: PageChars, entries: _Entries) -> GroupLines:
    """The visual lines of every group of `entries` (`pdf_lines.text_lines` of each)."""
    result = GroupLines([], [], [], [], [], [], [])
    if not len(entries.char):
        return result
    group, top = entries.group, entries.top
    # Lines of characters: clustered by top, each sorted left to right (stable sorts).
    clusters = _chain_starts(group, top, _Y_TOLERANCE)
    order = sort_by(clusters, entries.x0)
    cluster, x0, x1, top = clusters[order], entries.x0[order], entries.x1[order], top[order]
    space = page.space[entries.char[order]]
    # A word starts at a new line of characters, after a space, at a gap or a jump.
    new = np.ones(len(order), np.bool_)
    new[1:] = (
        (cluster[1:] != cluster[:-1])
        | space[:-1]
        | (x0[1:] > x1[:-1] + _X_TOLERANCE)
        | (np.abs(top[1:] - top[:-1]) > _Y_TOLERANCE)
    )
    kept = ~space
    order, new = order[kept], new[kept]
    if not len(order):
        return result
    new[0] = True
    starts = np.flatnonzero(new)
    # The words grouped into lines again: consecutive words whose tops chain together.
    word_group = entries.group[order][starts]
    word_top = np.minimum.reduceat(entries.top[order], starts)
    word_cluster = _chain_starts(word_group, word_top, _Y_TOLERANCE)
    line_new = np.ones(len(starts), np.bool_)
    line_new[1:] = word_cluster[1:] != word_cluster[:-1]
    line_starts = starts[line_new]
    result.group = entries.group[order][line_starts].tolist()
    result.x0 = np.minimum.reduceat(entries.x0[order], line_starts).tolist()
    result.top = np.minimum.reduceat(entries.top[order], line_starts).tolist()
    result.x1 = np.maximum.reduceat(entries.x1[order], line_starts).tolist()
    result.bottom = np.maximum.reduceat(entries.bottom[order], line_starts).tolist()
    chars = entries.char[order].tolist()
    line_bounds = [*line_starts.tolist(), len(order)]
    if page.codes is not None:  # one letter each: the lines' texts spelt at once
        result.text = _spelt(page.codes[entries.char[order]], starts, line_new, line_bounds)
        result.chars = [chars[a:b] for a, b in itertools.pairwise(line_bounds)]
        return result
    # the words cut out of all the letters joined at once (a letter may be several: "ﬀ")
    joined = "".join(map(page.texts.__getitem__, chars))
    if len(joined) == len(chars):
        word_bounds = [*starts.tolist(), len(order)]
    else:
        ends = np.cumsum([len(page.texts[char]) for char in chars])
        word_bounds = [0, *ends[starts[1:] - 1].tolist(), len(joined)]
    words = [joined[a:b] for a, b in itertools.pairwise(word_bounds)]
    line_words = [*np.flatnonzero(line_new).tolist(), len(starts)]
    result.text = [" ".join(words[a:b]) for a, b in itertools.pairwise(line_words)]
    result.chars = [chars[a:b] for a, b in itertools.pairwise(line_bounds)]
    return result


def _spelt(codes: Any, starts: Indices, line_new: Flags, line_bounds: list[int]) -> list[str]:
    """The text of each line: its letters (`codes`, line after line), a space before each
    word but the line's first (words start at `starts`, a line at the `line_new` ones,
    the lines' first letters and the end are `line_bounds`)."""
    inner = starts[~line_new]  # words that do not start a line
    spelt = np.insert(codes, inner, _SPACE).tobytes().decode("utf-32-le")
    # each line's bounds move by the spaces inserted before them
    before = np.searchsorted(inner, np.array(line_bounds, np.intp), side="left")
    bounds = (np.array(line_bounds, np.intp) + before).tolist()
    return [spelt[a:b] for a, b in itertools.pairwise(bounds)]


_SPACE = np.uint32(ord(" "))


def lines_of(
    page: PageChars, chars: Indices, with_chars: bool = True, *, glyphs: bool = False
) -> list[Line]:
    """The visual lines of some of a page's characters (page order): `pdf_lines.text_lines`.

    `glyphs`: each line computed here carries its characters' boxes and texts as lists
    (`GroupLines.with_glyphs`) instead of their dictionaries; lines `pdf_lines` computes
    (characters this module does not take) carry their dictionaries as ``chars``.
    """
    if not bool(page.direct[chars].all()):
        return text_lines([page.chars[index] for index in chars.tolist()], with_chars or glyphs)
    grouped = group_lines(page, page_entries(page, chars))
    return grouped.with_glyphs(page, 0) if glyphs else grouped.of(page, 0, with_chars)


_DUPLICATE_KEY = itemgetter("upright", "text", "fontname", "size")


def _chain_new(group: Indices | Flags, values: Floats, tolerance: float) -> Flags:
    """Where a new cluster starts, along values sorted within their group (`group`: the
    groups' numbers, or where a new group starts)."""
    new = np.ones(len(values), np.bool_)
    other = group[1:] if group.dtype == np.bool_ else group[1:] != group[:-1]
    new[1:] = other | (values[1:] > values[:-1] + tolerance)
    return new


def _text_codes(texts: list[str]) -> Indices:
    """A number per character telling their texts apart (equal texts, equal numbers)."""
    joined = "".join(texts)
    if len(joined) == len(texts):  # one letter each: its code point
        return np.frombuffer(joined.encode("utf-32-le"), np.uint32).astype(np.intp)
    numbers: dict[str, int] = {}
    return np.fromiter(map(numbers.setdefault, texts, itertools.count()), np.intp, len(texts))


def sort_by(keys: Indices, values: Floats) -> Indices:
    """``np.lexsort((values, keys))``: positions by key, then by value (stable).

    Characters mostly come in page order already sorted that way: by line, left to right
    (a line's letters), or by group (a cell's characters follow the cell before). Then
    the order is found by sorting integers only, or none, and checked: the same order,
    ties between equal values kept as `lexsort` keeps them; else `lexsort` gives it.
    """
    if len(keys) < _FEW:
        return np.lexsort((values, keys))
    if bool((keys[1:] >= keys[:-1]).all()):
        order: Indices = np.arange(len(keys))
        ordered_keys, ordered_values = keys, values
    else:
        order = np.argsort(keys, kind="stable")
        ordered_keys, ordered_values = keys[order], values[order]
    same_key = ordered_keys[1:] == ordered_keys[:-1]
    if (same_key & ~(ordered_values[1:] >= ordered_values[:-1])).any():  # NaN too
        if bool(same_key.all()):  # one key: the values' own stable order
            return np.argsort(values, kind="stable")
        return np.lexsort((values, keys))
    return order


#: Below this many positions `np.lexsort` is as quick as the checks.
_FEW = 64


def unique_indices(chars: Sequence[Char], tolerance: float = 1) -> Indices:
    """pdfplumber's duplicate-character filter (`pdfplumber.utils.text.dedupe_chars`).

    Characters of the same text, font, size and direction whose tops, then lefts, cluster
    within `tolerance` are one character: the one highest, then leftmost, then first drawn.
    Returns the kept characters' positions, in page order.
    """
    count = len(chars)
    if count < 2:
        return np.arange(count)
    if isinstance(chars, CharColumns):  # PDFium's: no font name (see `pdfium_pages`)
        key_columns = [chars.array("upright"), _text_codes(chars.text), chars.array("size")]
        tops, lefts = chars.array("top"), chars.array("x0")
    else:
        keys: dict[tuple[Any, ...], int] = {}
        described = map(_DUPLICATE_KEY, chars)
        key_columns = [np.fromiter(map(keys.setdefault, described, itertools.count()), np.intp)]
        tops = np.fromiter((float(char["doctop"]) for char in chars), np.float64, count)
        lefts = np.fromiter((float(char["x0"]) for char in chars), np.float64, count)
    # tops chained within a key, then lefts chained within a key's line (stable sorts)
    order = np.lexsort((tops, *key_columns[::-1]))
    other_key = np.zeros(count, np.bool_)
    for column in key_columns:
        ordered = column[order]
        other_key[1:] |= ordered[1:] != ordered[:-1]
    line = np.empty(count, np.intp)
    line[order] = np.cumsum(_chain_new(other_key, tops[order], tolerance))
    order = sort_by(line, lefts)
    new = _chain_new(line[order], lefts[order], tolerance)
    if new.all():  # no two characters alike at one place (most pages): all are kept
        return np.arange(count)
    cluster = np.empty(count, np.intp)
    cluster[order] = np.cumsum(new)
    # of each cluster, the highest, then leftmost, then first character
    order = np.lexsort((np.arange(count), lefts, tops, cluster))
    first = np.ones(count, np.bool_)
    first[1:] = cluster[order][1:] != cluster[order][:-1]
    return np.sort(order[first])


def unique_columns(chars: CharColumns) -> CharColumns:
    """`unique_chars` of characters by column."""
    kept = unique_indices(chars)
    return chars if len(kept) == len(chars) else chars.subset(kept.tolist())


def unique_chars(chars: list[Char]) -> list[Char]:
    """pdfplumber's ``dedupe_chars`` (same characters, same order) in n log n time.

    pdfplumber puts the kept characters back in page order with ``sorted(kept,
    key=chars.index)``, a linear search per character: two thirds of the reading time of
    a table-heavy page. The character kept from a group of duplicates is the first one
    (stable sorts), so its position in the page is its own index.
    """
    return [chars[index] for index in unique_indices(chars).tolist()]
