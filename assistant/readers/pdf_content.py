"""What the PDF reader needs of a page, whichever library read it.

The reading (`readers.pdf`) works on each page's characters with their boxes and on its
ruling lines as edges, in pdfplumber's dictionaries (coordinates in points from the
page's top-left corner: ``x0``, ``x1``, ``top``, ``bottom``), so that pdfplumber's table
finder and its text lines run unchanged on what pypdfium2 gives (`readers.pdfium_pages`)
as on what pdfminer gives. PDFium's characters come by column (`CharColumns`): the
reading works on the columns, and a character's dictionary is made only when asked for.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, overload

import numpy as np

PdfObject = dict[str, Any]
#: The numeric columns of `CharColumns` and their arrays' types.
_ARRAY_TYPES = {
    "x0": np.float64,
    "x1": np.float64,
    "top": np.float64,
    "bottom": np.float64,
    "size": np.float64,
    "upright": np.bool_,
}


class _Column:
    """A numeric column of `CharColumns` as a list, made from its array on first use."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, chars: CharColumns, owner: type | None = None) -> list[Any]:
        found = chars._lists.get(self.name)
        if found is None:
            found = chars._lists[self.name] = chars._arrays[self.name].tolist()
        return found


class CharColumns(Sequence[PdfObject]):
    """A page's characters (drawing order) by column; `self[i]` is pdfplumber's dictionary
    of the i-th, made on first use (a 30-page plan has 65,000 characters, and most are
    only ever read through the columns). Characters given by arrays (`from_arrays`) keep
    them, and a column's list is made only when read."""

    x0 = _Column()
    x1 = _Column()
    top = _Column()
    bottom = _Column()
    upright = _Column()
    size = _Column()

    def __init__(
        self,
        text: list[str] | None = None,
        x0: list[float] | None = None,
        x1: list[float] | None = None,
        top: list[float] | None = None,
        bottom: list[float] | None = None,
        upright: list[bool] | None = None,
        size: list[float] | None = None,
    ) -> None:
        self.text: list[str] = [] if text is None else text
        given = {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "upright": upright}
        given["size"] = size
        self._lists: dict[str, list[Any]] = {
            name: [] if column is None else column for name, column in given.items()
        }
        self._made: dict[int, PdfObject] = {}
        # the numeric columns as numpy arrays, kept from the reader or made on first use
        self._arrays: dict[str, Any] = {}

    @classmethod
    def from_arrays(cls, text: list[str], **columns: Any) -> CharColumns:
        """The characters of `text` with their numeric columns given as arrays (kept: the
        reading works on arrays, and converting them back costs as much as reading)."""
        chars = cls(text)
        chars._lists = {}
        chars._arrays = dict(columns)
        return chars

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CharColumns):
            return NotImplemented
        return self.text == other.text and all(
            getattr(self, name) == getattr(other, name) for name in _ARRAY_TYPES
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"CharColumns({len(self)} characters)"

    def array(self, name: str) -> Any:
        """The numeric column `name` (``x0``, ``top``, ``size``, ``upright``...) as an array,
        not to be written to."""
        found = self._arrays.get(name)
        if found is None:
            found = self._arrays[name] = np.array(getattr(self, name), _ARRAY_TYPES[name])
        return found

    def __len__(self) -> int:
        return len(self.text)

    @overload
    def __getitem__(self, index: int) -> PdfObject: ...

    @overload
    def __getitem__(self, index: slice) -> list[PdfObject]: ...

    def __getitem__(self, index: int | slice) -> PdfObject | list[PdfObject]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        made = self._made.get(index)
        if made is None:
            x0, x1, top, bottom = (
                self.x0[index],
                self.x1[index],
                self.top[index],
                self.bottom[index],
            )
            made = {
                "object_type": "char",
                "text": self.text[index],
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": x1 - x0,
                "height": bottom - top,
                "upright": self.upright[index],
                "fontname": "",  # not read (see `pdfium_pages`)
                "size": self.size[index],
            }
            self._made[index] = made
        return made

    def __iter__(self) -> Iterator[PdfObject]:
        return (self[index] for index in range(len(self)))

    def subset(self, indices: Sequence[int]) -> CharColumns:
        """The characters at `indices`, in that order."""
        if len(self._arrays) == len(_ARRAY_TYPES):
            kept = np.asarray(indices, np.intp)
            columns = {name: array[kept] for name, array in self._arrays.items()}
            return CharColumns.from_arrays([self.text[index] for index in indices], **columns)
        return CharColumns(
            text=[self.text[index] for index in indices],
            x0=[self.x0[index] for index in indices],
            x1=[self.x1[index] for index in indices],
            top=[self.top[index] for index in indices],
            bottom=[self.bottom[index] for index in indices],
            upright=[self.upright[index] for index in indices],
            size=[self.size[index] for index in indices],
        )


@dataclass
class PageContent:
    """One page: its size, its characters (drawing order) and its ruling edges."""

    number: int
    width: float
    height: float
    chars: Sequence[PdfObject]
    edges: list[PdfObject]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (0.0, 0.0, self.width, self.height)
