"""Recommandations screen: filter the list, open one, see its actions and evidence."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select, Static
from tui_helpers import SMALL, of_type, record_messages, settle

from assistant.audit.weak_links import counts
from assistant.schema import Coverage, LinkKind, Mapping, MappingLink, Severity
from tui import messages as msg
from tui.app import PlanAssistantApp
from tui.screens.passage import PassageScreen
from tui.screens.recommendation_detail import RecommendationDetailScreen, proposed_actions
from tui.screens.recommendations import (
    RecommendationsScreen,
    answering_actions,
    filter_mappings,
)
from tui.widgets.evidence import EvidenceView
from tui.widgets.tables import ListTable

pytestmark = pytest.mark.anyio


async def test_opening_a_recommendation_shows_its_actions_and_evidence(
    demo_app: PlanAssistantApp,
) -> None:
    seen = record_messages(demo_app)
    async with demo_app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("2")
        screen = demo_app.screen
        assert isinstance(screen, RecommendationsScreen)
        table = screen.query_one("#rec-table", ListTable)
        assert table.row_count == 16
        assert table.has_focus

        # filters: coverage, then words typed without accents; Escape returns to the list
        screen.query_one("#rec-coverage", Select).value = Coverage.UNCOVERED
        await pilot.pause()
        assert table.row_count == 3
        screen.query_one("#rec-coverage", Select).clear()
        await pilot.press("slash", *"biosecurite")
        await pilot.pause()
        assert table.row_count == 1
        search = screen.query_one("#rec-search", Input)
        assert search.has_focus
        search.value = ""
        await pilot.press("escape")
        assert table.has_focus and table.row_count == 16
        assert table.selected_key() == next(  # the cursor stayed on the one found
            m.recommendation_id
            for m in demo_app.model.audit().report.mappings
            if m.recommendation_key == "c4/r2"
        )
        await pilot.press("home", "enter")
        await settle(pilot)

        detail = demo_app.screen
        assert isinstance(detail, RecommendationDetailScreen)
        assert detail.mapping.recommendation_ref == "Critère 1, Recommandation 1"
        [opened] = of_type(seen, msg.RecommendationOpened)
        assert isinstance(opened, msg.RecommendationOpened)
        assert opened.recommendation_id == detail.recommendation_id
        evidence = list(detail.query(EvidenceView))
        cited_files = {view.span.file for view in evidence}
        assert cited_files == {"rapport-experts.md", "plan-action.md"}
        # the citing cell is highlighted inside the row that holds it
        assert any(view.marks for view in evidence)

        # the first piece of evidence has the focus; Tab goes to the next one (an action's),
        # Enter opens the cited passage in its document
        assert demo_app.focused is evidence[0]
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert isinstance(demo_app.screen, PassageScreen)
        context = demo_app.screen.context
        assert context.span.file == "plan-action.md"
        assert any(context.cited(number) for number, _text in context.lines)
        assert of_type(seen, msg.PassageOpened)
        await pilot.press("escape", "escape")
        assert isinstance(demo_app.screen, RecommendationsScreen)


def test_filter_by_criterion_coverage_and_words(demo_app: PlanAssistantApp) -> None:
    data = demo_app.model.audit()
    mappings = data.report.mappings
    criterion_3 = filter_mappings(mappings, criterion="Critère 3")
    assert [m.recommendation_key for m in criterion_3] == ["c3/r1", "c3/r2", "c3/r3", "c3/r4"]
    uncovered = filter_mappings(mappings, coverage=Coverage.UNCOVERED)
    assert {m.recommendation_ref for m in uncovered} == {
        "Critère 2, Recommandation 2",
        "Critère 3, Recommandation 1",
        "Critère 4, Recommandation 2",
    }
    assert filter_mappings(mappings, words="STAGE évaluation") == filter_mappings(
        mappings, words="stage evaluation"
    )


async def test_an_unanswered_recommendation_shows_the_actions_proposed_for_it(
    demo_app: PlanAssistantApp,
) -> None:
    # Issue 13, item 4: the critical gaps get draft actions. The report printed them; the
    # TUI said « Aucune action liée. » and nothing else on the very recommendation a
    # coordinator must answer first.
    mappings = demo_app.model.audit().report.mappings
    c2r2 = next(m for m in mappings if m.recommendation_key == "c2/r2")
    assert c2r2.coverage is Coverage.UNCOVERED
    async with demo_app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await demo_app.run_in_area("recommandations", f"open({c2r2.recommendation_id!r})")
        await settle(pilot)
        detail = demo_app.screen
        assert isinstance(detail, RecommendationDetailScreen)
        shown = "\n".join(str(static.render()) for static in detail.query(Static))

    assert "Actions proposées, à valider (2)" in shown
    assert "Des propositions, pas des faits" in shown
    assert "Mettre en place un suivi de l'insertion professionnelle des diplômés" in shown
    assert "Constituer un réseau d'alumni" in shown  # the recommendation's two parts
    assert "Responsable proposé : " in shown and "Indicateurs proposés : " in shown
    assert "à valider · confiance 0," in shown
    assert "recommandation des experts : Critère 2, Recommandation 2" in shown  # its source


async def test_the_proposed_actions_are_listed_strongest_first(
    demo_app: PlanAssistantApp,
) -> None:
    data = demo_app.model.audit()
    for mapping in data.report.mappings:
        listed = proposed_actions(data, mapping.recommendation_id)
        assert [d.confidence for d in listed] == sorted(
            (d.confidence for d in listed), reverse=True
        )
    assert sum(len(proposed_actions(data, m.recommendation_id)) for m in data.report.mappings) == (
        len(data.report.action_drafts)
    )


def test_the_actions_column_counts_no_link_to_be_confirmed() -> None:
    # « Act. » says how many actions answer: a « lien probable, à confirmer » is a proposal
    # (`assistant.audit.weak_links`), counted nowhere else (summary, XLSX, Markdown) either.
    def link(action: str, kind: LinkKind, probable: bool = False) -> MappingLink:
        return MappingLink(action_id=action, kind=kind, score=0.4, evidence=[], probable=probable)

    def mapping(coverage: Coverage, *links: MappingLink) -> Mapping:
        return Mapping(recommendation_id="r", recommendation_ref="R1", recommendation_key="r1",
                       coverage=coverage, reason="", links=list(links))  # fmt: skip

    probable_only = mapping(Coverage.PARTIAL, link("a1", LinkKind.SEMANTIC, probable=True))
    beside_written = mapping(
        Coverage.COVERED, link("a2", LinkKind.EXPLICIT), link("a3", LinkKind.SEMANTIC, True)
    )
    by_content = mapping(Coverage.COVERED, link("a4", LinkKind.SEMANTIC))
    assert [answering_actions(m) for m in (probable_only, beside_written, by_content)] == [0, 1, 1]


async def test_the_detail_heading_counts_the_answering_actions_only(
    demo_app: PlanAssistantApp,
) -> None:
    # « Actions liées (N) » counted every link: a « lien probable, à confirmer » and a link
    # written for the previous report (`weak_links.counts`) were shown as answers. They are
    # now listed under their own heading, with their own count. The links are set on the
    # demo's real C1-R2 (the marking is tested in tests/core/audit).
    mappings = demo_app.model.audit().report.mappings
    c1r2 = next(m for m in mappings if m.recommendation_key == "c1/r2")
    answering = len(c1r2.links)
    assert all(counts(link) for link in c1r2.links)  # the demo's two written links
    linked = {link.action_id for link in c1r2.links}
    others = [a for a in demo_app.model.audit().actions if a not in linked][:3]
    added = [
        MappingLink(action_id=others[0], kind=LinkKind.SEMANTIC, score=0.31, probable=True),
        MappingLink(action_id=others[1], kind=LinkKind.SEMANTIC, score=0.30, probable=True),
        MappingLink(action_id=others[2], kind=LinkKind.EXPLICIT, score=1.0, previous_report=True),
    ]
    mapping = c1r2.model_copy(update={"links": [*c1r2.links, *added]})
    async with demo_app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await demo_app.push_screen(RecommendationDetailScreen(mapping))
        await settle(pilot)
        detail = demo_app.screen
        sections = [str(s.render()) for s in detail.query(".section").results(Static)]

    assert sections[:3] == [
        f"Actions liées ({answering})",
        "Liens probables, à confirmer — ne comptent pas (2)",
        "Lien écrit pour l'ancien rapport, à vérifier — ne compte pas (1)",
    ]


def test_the_dashboard_says_no_critical_gap_as_the_reports_do(demo_app: PlanAssistantApp) -> None:
    # « dont 0 critique » was printed when no gap is critical; the dashboard reads the
    # reports' own sentence (`gap_tally`), so it says « aucune critique » as they do.
    from tui.widgets.dashboard import gaps_panel

    data = demo_app.model.audit()
    gaps = [g.model_copy(update={"severity": Severity.MAJOR}) for g in data.report.gaps]
    shown = str(gaps_panel(data.model_copy(
        update={"report": data.report.model_copy(update={"gaps": gaps})}
    )))  # fmt: skip
    assert f"{len(gaps)} lacunes, aucune critique" in shown
    assert "dont 0" not in shown
