"""PDF reading beside the library floor (issue 19, item 2), measured in the same run.

Our reading of a PDF plan (PDFium's characters and rules, ruled and unruled tables, then
the extraction into a `Plan`) is timed in CPU seconds beside the raw text extraction of the
same file by the fastest libraries at hand: pypdfium2 (BSD, our PDF backend) and PyMuPDF when it is importable (AGPL: a measurement reference only, never a
dependency), plus pdfplumber's own ``extract_text`` — the floor of any reading built on
pdfminer. The ratios are what issue 19 asks for: read+extract within 8 times the fastest
raw extraction, and under 3 s CPU for a 30-page plan. The read with the other backend
(``ingest.pdf_backend = "pdfplumber"``, pdfminer) is timed too, so the choice stays measured.

Usage (the bench's PDF worker calls `pdf_floor_figures`)::

    python -m evals.bench_pdf [FILE.pdf ...]
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assistant.settings import Settings

Figures = dict[str, Any]
ZOO = Path(__file__).resolve().parent / "zoo" / "rendered"
#: Issue 19's targets.
MAX_RATIO = 8.0
MAX_CPU_SECONDS = 3.0


def _cpu(work: Callable[[], object], runs: int) -> float:
    """Median CPU seconds of `runs` runs (CPU, not wall: the machine is shared)."""
    seconds = []
    for _ in range(runs):
        start = time.process_time()
        work()
        seconds.append(time.process_time() - start)
    return statistics.median(seconds)


def pdfium_text(path: Path) -> list[str]:
    """Raw text of every page with pypdfium2."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return [document[index].get_textpage().get_text_range() for index in range(len(document))]
    finally:
        document.close()


def pymupdf_text(path: Path) -> list[str] | None:
    """Raw text of every page with PyMuPDF, or None when it is not installed."""
    try:
        import pymupdf  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    with pymupdf.open(str(path)) as document:
        return [page.get_text() for page in document]


def plumber_text(path: Path) -> list[str]:
    """Raw text of every page with pdfplumber (pdfminer's layout, no tables)."""
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return [page.extract_text() for page in pdf.pages]


def _ours(path: Path, settings: Settings) -> None:
    from assistant.parsing import parse_file

    parse_file(path, settings)


def _read(path: Path, settings: Settings) -> None:
    from assistant.readers import read_document

    read_document(path, settings.ingest)


def _read_pdfminer(path: Path, settings: Settings) -> None:
    from assistant.readers import read_document

    read_document(path, settings.ingest.model_copy(update={"pdf_backend": "pdfplumber"}))


def pdf_floor_figures(
    paths: list[Path], runs: int = 3, prefix: str = "", *, warm: bool = True
) -> Figures:
    """CPU seconds of read+extract and of raw extraction over `paths`, and the ratios.

    `warm`: read each file once first (imports and caches warm, as in a server that has
    read a file already); otherwise only the first file is.
    """
    settings = Settings()
    for path in paths if warm else paths[:1]:
        _ours(path, settings)
        pdfium_text(path)
    ours = sum(_cpu(lambda p=path: _ours(p, settings), runs) for path in paths)
    read = sum(_cpu(lambda p=path: _read(p, settings), runs) for path in paths)
    pdfminer_read = sum(_cpu(lambda p=path: _read_pdfminer(p, settings), runs) for path in paths)
    pdfium = sum(_cpu(lambda p=path: pdfium_text(p), runs) for path in paths)
    plumber = sum(_cpu(lambda p=path: plumber_text(p), runs) for path in paths)
    figures: Figures = {
        f"{prefix}read+extract cpu s": ours,
        f"{prefix}read cpu s": read,
        f"{prefix}extract cpu s": max(0.0, ours - read),
        f"{prefix}read with pdfminer cpu s": pdfminer_read,
        f"{prefix}pypdfium2 text cpu s": pdfium,
        f"{prefix}pdfplumber text cpu s": plumber,
    }
    floors = {"pypdfium2": pdfium}
    if pymupdf_text(paths[0]) is not None:
        mupdf = sum(_cpu(lambda p=path: pymupdf_text(p), runs) for path in paths)
        figures[f"{prefix}pymupdf text cpu s"] = mupdf
        floors["pymupdf"] = mupdf
    fastest = min(floors, key=lambda name: floors[name])
    figures[f"{prefix}fastest raw"] = fastest
    figures[f"{prefix}ratio to fastest"] = ours / max(floors[fastest], 1e-9)
    figures[f"{prefix}ratio to pdfplumber text"] = ours / max(plumber, 1e-9)
    return figures


def zoo_pdfs() -> list[Path]:
    """The PDFs LibreOffice exported from the layout zoo's DOCX files."""
    return sorted(ZOO.glob("*/*.pdf"))


def describe(figures: Figures, prefix: str = "") -> str:
    """One line: ours, the floors, the ratios."""
    ours = figures.get(f"{prefix}read+extract cpu s")
    if ours is None:
        return "not measured"
    parts = [
        f"read+extract {ours:.2f} s CPU (read {figures[f'{prefix}read cpu s']:.2f} "
        f"+ extract {figures[f'{prefix}extract cpu s']:.2f}; the read with pdfminer "
        f"{figures[f'{prefix}read with pdfminer cpu s']:.2f})"
    ]
    for name in ("pypdfium2", "pymupdf", "pdfplumber"):
        value = figures.get(f"{prefix}{name} text cpu s")
        if value is not None:
            parts.append(f"{name} text {value:.3f} s")
    parts.append(
        f"ratio {figures[f'{prefix}ratio to fastest']:.0f}× the fastest "
        f"({figures[f'{prefix}fastest raw']}), "
        f"{figures[f'{prefix}ratio to pdfplumber text']:.1f}× pdfplumber's text"
    )
    return "; ".join(parts)


def verdict(figures: Figures, prefix: str = "") -> str:
    """MET, or MISSED with the figure that misses: the ratio, the CPU time or both."""
    ratio = figures.get(f"{prefix}ratio to fastest")
    cpu = figures.get(f"{prefix}read+extract cpu s")
    if ratio is None or cpu is None:
        return "not measured"
    missed = [
        name
        for name, miss in (("ratio", ratio > MAX_RATIO), ("CPU", cpu >= MAX_CPU_SECONDS))
        if miss
    ]
    return f"MISSED ({' and '.join(missed)})" if missed else "MET"


def main(argv: list[str] | None = None) -> int:
    paths = [Path(arg) for arg in (argv if argv is not None else sys.argv[1:])] or zoo_pdfs()
    figures = pdf_floor_figures(paths, runs=1)
    print(f"{len(paths)} PDF(s): {describe(figures)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
