"""Word automatic numbering and bullets (``w:numPr``), rendered as the labels a reader sees.

In a Word file, « 1. », « a) » or « • » in front of a list item is not text: it is computed
from the paragraph's numbering properties (its own ``w:numPr`` or its style's) and the
numbering part's level definitions. A reader that takes only the runs' text loses it, and
five numbered actions in one table cell become one run-on paragraph. This module keeps
one counter per list and level, as Word does, and gives each numbered paragraph its label.

Layout recovery only: no domain words here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml.etree import XPath, _Element

_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{_W_NS}}}"


def _xpath(path: str) -> XPath:
    return XPath(path, namespaces={"w": _W_NS})


_NUM_ID = _xpath("./w:pPr/w:numPr/w:numId/@w:val")
_ILVL = _xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
_STYLE_ID = _xpath("./w:pPr/w:pStyle/@w:val")

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
#: Bullet glyphs (often from the Symbol or Wingdings fonts) shown as one plain bullet.
BULLET = "•"


def _roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def _letters(number: int) -> str:
    out = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("a") + rest) + out
    return out


def format_number(number: int, kind: str) -> str:
    """One level's counter in the level's format ('decimal', 'lowerLetter', ...)."""
    if kind == "lowerLetter":
        return _letters(number)
    if kind == "upperLetter":
        return _letters(number).upper()
    if kind == "lowerRoman":
        return _roman(number)
    if kind == "upperRoman":
        return _roman(number).upper()
    if kind == "decimalZero":
        return f"{number:02d}"
    return str(number)


@dataclass(frozen=True)
class Level:
    """How one level of a list is labelled."""

    format: str = "decimal"  # w:numFmt: decimal, bullet, lowerLetter, none...
    text: str = "%1."  # w:lvlText: "%1.", "%1.%2", "(%1)", a bullet glyph
    start: int = 1


def _val(element: _Element | None, name: str) -> str | None:
    if element is None:
        return None
    child = element.find(f"{_W}{name}")
    return None if child is None else child.get(f"{_W}val")


def _levels(container: _Element) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in container.findall(f"{_W}lvl"):
        index = int(lvl.get(f"{_W}ilvl", "0"))
        start = _val(lvl, "start")
        text = _val(lvl, "lvlText")
        levels[index] = Level(
            format=_val(lvl, "numFmt") or "decimal",
            text=f"%{index + 1}." if text is None else text,
            start=int(start) if start and start.isdigit() else 1,
        )
    return levels


@dataclass
class Numbering:
    """The numbering definitions of one document and the running counters of its lists."""

    lists: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> levels
    abstract_of: dict[str, str] = field(default_factory=dict)  # numId -> abstractNumId
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)  # abstract id -> per level

    @classmethod
    def from_parts(cls, numbering: _Element | None, styles: _Element | None) -> Numbering:
        """Read the numbering part (``word/numbering.xml``) and the styles that number."""
        result = cls()
        if numbering is not None:
            abstract: dict[str, dict[int, Level]] = {}
            for node in numbering.findall(f"{_W}abstractNum"):
                abstract[node.get(f"{_W}abstractNumId", "")] = _levels(node)
            for node in numbering.findall(f"{_W}num"):
                num_id = node.get(f"{_W}numId", "")
                abstract_id = _val(node, "abstractNumId") or ""
                levels = dict(abstract.get(abstract_id, {}))
                for override in node.findall(f"{_W}lvlOverride"):
                    index = int(override.get(f"{_W}ilvl", "0"))
                    lvl = override.find(f"{_W}lvl")
                    if lvl is not None:
                        levels.update(_levels(override))
                    start = _val(override, "startOverride")
                    if start and start.isdigit() and index in levels:
                        old = levels[index]
                        levels[index] = Level(old.format, old.text, int(start))
                result.lists[num_id] = levels
                # Lists sharing an abstract definition share its counters, unless the list
                # overrides a level (a restart): then it counts on its own.
                restarted = bool(node.findall(f"{_W}lvlOverride"))
                result.abstract_of[num_id] = f"{abstract_id}#{num_id}" if restarted else abstract_id
        if styles is not None:
            for style in styles.findall(f"{_W}style"):
                num_pr = style.find(f"{_W}pPr/{_W}numPr")
                if num_pr is None:
                    continue
                num_id = _val(num_pr, "numId")
                if num_id and num_id != "0":
                    ilvl = _val(num_pr, "ilvl")
                    style_id = style.get(f"{_W}styleId", "")
                    result.style_numbering[style_id] = (num_id, int(ilvl or 0))
        return result

    def _list_of(self, paragraph: _Element) -> tuple[str, int] | None:
        num_ids = _NUM_ID(paragraph)
        if num_ids:
            num_id = str(num_ids[0])
            if num_id == "0":
                return None  # numbering explicitly removed
            ilvl = _ILVL(paragraph)
            return num_id, int(ilvl[0]) if ilvl and str(ilvl[0]).isdigit() else 0
        style = _STYLE_ID(paragraph)
        if style:
            return self.style_numbering.get(str(style[0]))
        return None

    def label(self, paragraph: _Element) -> str | None:
        """The label Word shows before this paragraph ("3.", "b)", "•"), counting it.

        Call once per paragraph, in document order (counters advance).
        """
        found = self._list_of(paragraph)
        if found is None:
            return None
        num_id, ilvl = found
        levels = self.lists.get(num_id)
        if not levels:
            return None
        level = levels.get(ilvl, Level())
        if level.format == "none":
            return None
        key = self.abstract_of.get(num_id, num_id)
        counters = self.counters.setdefault(key, [])
        while len(counters) <= ilvl:
            depth = len(counters)
            counters.append(levels.get(depth, Level()).start - 1)
        counters[ilvl] += 1
        del counters[ilvl + 1 :]  # deeper levels restart
        if level.format == "bullet":
            return BULLET
        text = level.text
        for depth in range(ilvl, -1, -1):
            placeholder = f"%{depth + 1}"
            if placeholder in text:
                parent = levels.get(depth, Level())
                value = max(counters[depth], parent.start)  # a level never used shows its start
                text = text.replace(placeholder, format_number(value, parent.format))
        return text.strip() or None
