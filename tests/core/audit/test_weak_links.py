"""A semantic link the verdict does not rest on is a proposal, not an answer (issue 13).

The demo's matrix printed A30 « Repérer les étudiants en difficulté… » (semantic 0.40) as
an action answering C1-R2 — the evaluation of teaching, which A04 and A05 answer
explicitly — and counted it, with its gaps, in the row of Critère 1.
"""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.audit.service import criterion_summaries
from assistant.audit.weak_links import answering, mark_weak_links
from assistant.reports.markdown import render_markdown
from assistant.schema import Coverage, LinkKind, Mapping, MappingLink

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reports"))
from demo_data import demo_report_data

#: The calibrated threshold at which a semantic link covers a recommendation (any value will do).
COVERED_AT = 0.405


def mark(mappings: list[Mapping]) -> list[Mapping]:
    return mark_weak_links(mappings, covered=COVERED_AT)


def _link(action: str, kind: LinkKind, score: float = 1.0, **flags: bool) -> MappingLink:
    return MappingLink(action_id=action, kind=kind, score=score, evidence=[], **flags)


def _mapping(coverage: Coverage, *links: MappingLink) -> Mapping:
    return Mapping(
        recommendation_id="rec-1",
        recommendation_ref="Critère 1, Recommandation 2",
        recommendation_key="c1/r2",
        criterion="Critère 1",
        coverage=coverage,
        reason="",
        links=list(links),
    )


def test_a_semantic_link_beside_written_ones_is_to_be_confirmed() -> None:
    [marked] = mark(
        [
            _mapping(
                Coverage.COVERED,
                _link("a04", LinkKind.EXPLICIT),
                _link("a30", LinkKind.SEMANTIC, 0.40),
            )
        ]
    )
    assert [link.probable for link in marked.links] == [False, True]
    assert [link.action_id for link in answering(marked)] == ["a04"]


def test_a_semantic_link_the_verdict_rests_on_answers() -> None:
    # No action cites it; the mapping found it covered by content: that link is the answer.
    by_content = _mapping(Coverage.COVERED, _link("a09", LinkKind.SEMANTIC, 0.52))
    confirmed = _mapping(
        Coverage.COVERED,
        _link("a01", LinkKind.EXPLICIT),
        _link("a09", LinkKind.SEMANTIC, 0.41, confirmed=True),
    )
    assert mark([by_content, confirmed]) == [by_content, confirmed]


def test_a_link_below_the_covering_threshold_beside_the_one_that_covers_is_to_be_confirmed() -> (
    None
):
    # The verdict rests on A09 (0.52 ≥ the threshold); A30 made the shortlist (0.401) but is
    # too weak to cover anything by itself: it is a proposal, not a second answer.
    [marked] = mark(
        [
            _mapping(
                Coverage.COVERED,
                _link("a09", LinkKind.SEMANTIC, 0.52),
                _link("a30", LinkKind.SEMANTIC, 0.401),
                _link("a12", LinkKind.SEMANTIC, 0.405),
            )
        ]
    )
    assert [link.probable for link in marked.links] == [False, True, False]
    assert [link.action_id for link in answering(marked)] == ["a09", "a12"]


def test_close_actions_of_a_partial_verdict_are_to_be_confirmed() -> None:
    # « des actions proches existent, à confirmer ou à compléter »
    [marked] = mark([_mapping(Coverage.PARTIAL, _link("a04", LinkKind.SEMANTIC, 0.40))])
    assert marked.links[0].probable and answering(marked) == []


def test_the_criterion_counts_only_the_answering_actions() -> None:
    mappings = mark(
        [
            _mapping(
                Coverage.COVERED,
                _link("a04", LinkKind.EXPLICIT),
                _link("a05", LinkKind.EXPLICIT),
                _link("a30", LinkKind.SEMANTIC, 0.40),
            )
        ]
    )
    [row] = criterion_summaries(mappings, [])
    assert row.actions == 2


def test_the_report_shows_the_weak_link_as_to_be_confirmed_and_does_not_count_it() -> None:
    data = demo_report_data()
    report = data.report
    a30 = next(a for a in data.actions.values() if a.text.startswith("Repérer les étudiants"))
    c1r2 = next(m for m in report.mappings if m.recommendation_key == "c1/r2")
    assert a30.id not in {link.action_id for link in c1r2.links}
    # the link the real model adds (semantic 0.40), as the mapping hands it over
    added = _link(a30.id, LinkKind.SEMANTIC, 0.40).model_copy(update={"evidence": [a30.source]})
    mappings = mark(
        [
            m.model_copy(update={"links": [*m.links, added]}) if m is c1r2 else m
            for m in report.mappings
        ]
    )
    criteria = criterion_summaries(mappings, report.gaps)
    shown = render_markdown(
        data.model_copy(
            update={
                "report": report.model_copy(update={"mappings": mappings, "criteria": criteria})
            }
        )
    )

    [row] = [
        line
        for line in shown.splitlines()
        if line.startswith("| **Critère 1, Recommandation 2**") and "Repérer les étudiants" in line
    ]
    assert "| sémantique 0,40, probable, à confirmer |" in row
    [before] = [c for c in report.criteria if c.criterion == "Critère 1"]
    # the row of Critère 1 counts the same actions and gaps as without the weak link
    [criterion_row] = [line for line in shown.splitlines() if line.startswith("| Critère 1 |")]
    assert criterion_row.endswith(f"| {before.actions} | {before.gaps} |")
