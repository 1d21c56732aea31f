"""The visit pack's page cutting, without a printer: the height estimate and the cut.

The printed checks (tests/core/reports/test_report_pdf_visit.py) go through LibreOffice and
are slow; these read the cut itself on dossiers built by hand: a short dossier holds on one
page, a long one goes on headed « (suite) », every piece is printed once and in order, a
section's heading is never left alone at the foot of a page, and a taller piece (a longer
text, a narrower column) takes more room.
"""

from __future__ import annotations

import pytest

from assistant.reports.visit import Dossier, DossierAction
from assistant.reports.visit_pages import (
    DossierPage,
    dossier_pages,
    pack_pages,
    wrapped_lines,
)
from assistant.schema import Action, Coverage, Mapping, Span

_SPAN = Span(file="plan.docx", line_start=1, line_end=1)


def _action(n: int, *, text: str = "", owner: str = "Coordination qualité",
            indicator: str = "Taux de réponse ≥ 60 %") -> DossierAction:  # fmt: skip
    action = Action(
        id=f"act-{n}",
        document_id="doc-plan",
        text=text or f"Action numéro {n} : organiser une réunion annuelle du conseil de section",
        owner=owner,
        deadline="juin 2027",
        indicators=[indicator],
        status="En cours",
        source=_SPAN,
    )
    return DossierAction(action=action, link="explicite", source="plan.docx, l. 1")


def _dossier(actions: int, **kwargs: str) -> Dossier:
    mapping = Mapping(
        recommendation_id="rec-1", recommendation_ref="Critère 1, Recommandation 1",
        recommendation_key="c1/r1", criterion="Critère 1", coverage=Coverage.COVERED,
        text="Associer les étudiants au suivi de la qualité de la section.",
        reason="Les actions du plan citent cette recommandation.",
    )  # fmt: skip
    return Dossier(
        mapping=mapping,
        coverage="Couverte",
        actions=[_action(n, **kwargs) for n in range(actions)],
        evidence=["plan.docx, l. 4 — « Associer les délégués étudiants »"],
        missing=["L'action n'a pas d'indicateur mesurable."],
        questions=["Comment les étudiants sont-ils associés au suivi ?"],
    )


def _printed(pages: list[DossierPage]) -> list[str]:
    """Every piece in the order the pages print it (actions by id, list items by text)."""
    return [
        piece
        for page in pages
        for section in page.sections
        for piece in [*(item.action.id for item in section.actions), *section.items]
    ]


def _expected(dossier: Dossier) -> list[str]:
    return [
        *(item.action.id for item in dossier.actions),
        *dossier.proposals,
        *dossier.evidence,
        *dossier.missing,
        *dossier.questions,
    ]


@pytest.mark.parametrize(
    ("text", "chars", "lines"),
    [
        ("", 10, 1),
        ("un deux trois", 13, 1),  # exactly the line
        ("un deux trois", 12, 2),  # one character too many: « trois » goes down
        ("a" * 25, 10, 3),  # a word longer than the line is broken
        ("un " + "b" * 20 + " deux", 10, 4),  # « un », the broken word on two, « deux »
    ],
)
def test_wrapped_lines_counts_lines_as_a_cell_wraps_them(text: str, chars: int, lines: int) -> None:
    assert wrapped_lines(text, chars) == lines


def test_a_short_dossier_holds_on_one_page_with_its_sections_in_order() -> None:
    dossier = _dossier(3)
    pages = dossier_pages(dossier)
    assert len(pages) == 1
    assert not pages[0].continued and not pages[0].continues
    assert [s.kind for s in pages[0].sections] == ["actions", "evidence", "missing", "questions"]
    assert _printed(pages) == _expected(dossier)


def test_an_empty_section_prints_its_message_and_no_proposals_section_is_printed() -> None:
    dossier = _dossier(0)
    dossier.evidence = []
    (page,) = dossier_pages(dossier)
    kinds = {s.kind: s for s in page.sections}
    assert "proposals" not in kinds
    assert kinds["actions"].empty == "Aucune action du plan." and not kinds["actions"].actions
    assert kinds["evidence"].empty == "Aucune." and not kinds["evidence"].items


def test_a_long_dossier_goes_on_headed_and_prints_every_piece_once_in_order() -> None:
    dossier = _dossier(40)
    pages = dossier_pages(dossier)
    assert len(pages) >= 3
    assert [p.continued for p in pages] == [False] + [True] * (len(pages) - 1)
    assert [p.continues for p in pages] == [True] * (len(pages) - 1) + [False]
    assert _printed(pages) == _expected(dossier)
    # the actions table goes on: the next page opens it again (its heading, its header row)
    assert pages[1].sections[0].kind == "actions" and pages[1].sections[0].actions
    # no heading alone at the foot of a page: every section printed holds a piece
    assert all(s.actions or s.items for p in pages for s in p.sections)


def test_pages_grow_with_the_dossier_and_the_pack_title_takes_room() -> None:
    counts = [len(dossier_pages(_dossier(n))) for n in range(0, 60, 3)]
    assert counts == sorted(counts) and counts[0] == 1 and counts[-1] > 1
    first = [len(dossier_pages(_dossier(n), first_of_pack=True)) for n in range(0, 60, 3)]
    assert all(a >= b for a, b in zip(first, counts, strict=True))
    # somewhere the title is what pushes the last piece onto a second page
    assert any(a > b for a, b in zip(first, counts, strict=True))


def test_a_taller_row_takes_more_room() -> None:
    long = "Service d'aide à la réussite et cellule d'appui pédagogique, en lien avec la direction"
    short_rows = len(dossier_pages(_dossier(24)))
    # the same long text wraps on more lines in the narrow owner column than in the wide
    # indicators column: the rows are taller, the dossier needs more pages
    wide = len(dossier_pages(_dossier(24, indicator=long)))
    narrow = len(dossier_pages(_dossier(24, owner=long)))
    assert short_rows <= wide < narrow


def test_a_piece_taller_than_a_page_is_printed_whole_on_the_first_page() -> None:
    dossier = _dossier(1, text="Organiser " * 700)
    pages = dossier_pages(dossier)
    assert pages[0].sections[0].actions == dossier.actions  # not pushed to an empty page
    assert len(pages) == 2 and pages[0].continues and pages[1].continued
    assert _printed(pages) == _expected(dossier)


def test_the_pack_gives_the_title_room_to_its_first_dossier_only() -> None:
    dossiers = [_dossier(n) for n in (2, 40, 2)]
    pages = pack_pages(dossiers)
    alone = [dossier_pages(d, first_of_pack=i == 0) for i, d in enumerate(dossiers)]
    assert len(pages) == sum(len(p) for p in alone)
    assert [p.dossier for p in pages] == [d for d, p in zip(dossiers, alone, strict=True)
                                          for _ in p]  # fmt: skip
