"""The visit pack grows linearly with the plan (issue 15).

A plan just under the item cap (``ingest.max_items``) gives a pack of some 50,000
paragraphs. python-docx's `Document.add_paragraph` looks for the body's section properties
from the body's first child at each insertion (quadratic: 4,000 actions took 64 s of CPU,
and the pack at the cap held the server for many minutes after an import) and resolves the
style name against every style. These tests count the work (the body children scanned for
each block added, the style look-ups) as the plan grows from n to 4n actions, never a time.
"""

from __future__ import annotations

import io
from types import FrameType

from call_watch import watch_calls
from docx import Document
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.styles.styles import Styles
from report_fixture import make_report_data

from assistant.reports import ReportData, render


def scaled(copies: int) -> ReportData:
    """The hand-written fixture with each action written `copies` times (its own wording,
    links and gaps), all answering the fixture's recommendations."""
    data = make_report_data()
    actions = {}
    for copy in range(copies):
        for action in data.actions.values():
            twin = action.model_copy(
                update={"id": f"{action.id}-{copy}", "text": f"{action.text} (n° {copy})"}
            )
            actions[twin.id] = twin
    report = data.report
    mappings = []
    for mapping in report.mappings:
        links = [
            link.model_copy(update={"action_id": f"{link.action_id}-{copy}"})
            for copy in range(copies)
            for link in mapping.links
        ]
        mappings.append(mapping.model_copy(update={"links": links}))
    gaps = [gap for gap in report.gaps if gap.target_id not in data.actions]
    gaps += [
        gap.model_copy(update={"id": f"{gap.id}-{copy}", "target_id": f"{gap.target_id}-{copy}"})
        for copy in range(copies)
        for gap in report.gaps
        if gap.target_id in data.actions
    ]
    return ReportData(
        report=report.model_copy(update={"mappings": mappings, "gaps": gaps}),
        actions=actions,
        recommendations=data.recommendations,
        title=data.title,
        programme=data.programme,
    )


def test_the_scaled_pack_holds_every_copy() -> None:
    # The growth below measures a pack that really grows: every action, once per copy.
    data = scaled(3)
    document = Document(io.BytesIO(render(data, "visite-docx")))
    rows = sum(len(table.rows) - 1 for table in document.tables)
    assert rows == 3 * sum(len(m.links) for m in make_report_data().report.mappings)
    texts = {paragraph.text for paragraph in document.paragraphs}
    assert any("(n° 2)" in text for text in texts)


def _work(data: ReportData) -> tuple[int, int]:
    """(body children scanned to place new blocks, style names resolved) for one pack."""
    scanned, lookups = [0], [0]
    lookup = Styles.get_style_id.__code__

    def on_call(frame: FrameType) -> None:
        if frame.f_code is lookup:
            lookups[0] += 1
        elif (element := frame.f_locals["self"]).tag == qn("w:body"):
            scanned[0] += len(element)

    with watch_calls(on_call, BaseOxmlElement.first_child_found_in, Styles.get_style_id):
        render(data, "visite-docx")
    return scanned[0], lookups[0]


def test_the_pack_places_each_block_without_scanning_the_body_again() -> None:
    # Quadratic before: 16 times the scanning at 4 times the actions.
    small, large = _work(scaled(10)), _work(scaled(40))
    assert large[0] <= small[0]


def test_the_pack_resolves_each_style_name_once() -> None:
    small, large = _work(scaled(10)), _work(scaled(40))
    assert 0 < large[1] <= small[1]
