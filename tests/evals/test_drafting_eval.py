"""The drafting evaluation's scorers, on tiny synthetic plans and a FAKE embedder (no model)."""

from __future__ import annotations

from pathlib import Path

from fakes import HashingEmbedder
from rich.console import Console

from assistant.drafting import build_context
from assistant.ids import document_id
from assistant.retrieval.french import StemTokenizer
from assistant.retrieval.workspace_indexes import workspace_passages
from assistant.schema import Action, Document, DocumentFormat, Plan, Span
from evals.drafting_eval import (
    AS_OF,
    DraftingSection,
    best_overlap,
    evaluate,
    owner_keys,
    retriever_for,
    score_owners,
    token_f1,
)
from evals.section import RunOptions


def _plan(name: str, rows: list[tuple[str, str, str | None, list[str]]]) -> Plan:
    doc = document_id(name)
    actions = [
        Action(
            id=action_id,
            document_id=doc,
            text=text,
            owner=owner,
            indicators=indicators,
            source=Span(file=name, line_start=i + 1, line_end=i + 1, excerpt=text),
        )
        for i, (action_id, text, owner, indicators) in enumerate(rows)
    ]
    document = Document(id=doc, name=name, format=DocumentFormat.TXT, sha256="0" * 64, size_bytes=1)
    return Plan(document=document, actions=actions)


PLAN = _plan(
    "synthetic.txt",
    [
        (
            "A1",
            "Organiser une bourse aux stages entre étudiants et institutions",
            "Coordination des milieux professionnels",
            ["Nombre d'institutions présentes"],
        ),
        (
            "A2",
            "Organiser une bourse aux stages pour les étudiants de B2",
            "Coordination des milieux professionnels",
            ["Taux de participation des étudiants"],
        ),
        ("A3", "Rédiger le guide du travail de fin d'études", "Coordination TFE", ["Guide publié"]),
        ("A4", "Adopter une charte de communication interne", "Direction", []),
        ("A5", "Remercier les partenaires", "L'équipe", []),
    ],
)


def test_an_owner_recoverable_from_one_similar_action_is_found_at_top_1() -> None:
    searcher = retriever_for(workspace_passages([PLAN]), HashingEmbedder())
    figures = score_owners(PLAN, "synthetic", build_context([PLAN], searcher, AS_OF))
    assert figures.actions == 5
    # A1 and A2 each recover the other's role; « Coordination TFE » and « Direction » exist
    # nowhere else once hidden, and « L'équipe » is never proposed.
    assert (figures.top1, figures.top3) == (2, 2)
    assert {miss[0] for miss in figures.misses} == {"A3", "A4", "A5"}
    assert figures.top1_rate == 0.4


def test_indicator_scores() -> None:
    searcher = retriever_for(workspace_passages([PLAN]), HashingEmbedder())
    owners, indicators = evaluate([("synthetic", PLAN)], searcher)
    assert owners[0].actions == 5
    figures = indicators[0]
    assert figures.actions == 3
    assert figures.drafted == 6 and figures.measurable == 6  # two per action, all measurable
    assert 0 < figures.mean_overlap <= 1
    assert figures.real_measurable_rate == 1.0


def test_token_f1_on_french_stems() -> None:
    tokenize = StemTokenizer().tokenize
    assert (
        token_f1(
            "Taux de participation des étudiants",
            "taux de participations des étudiant-e-s",
            tokenize,
        )
        == 1.0
    )
    assert token_f1("Guide publié", "Nombre de séances", tokenize) == 0.0
    assert (
        best_overlap(["Guide publié", "Taux de réussite"], ["réussite"], tokenize)
        == 2 * (0.5 * 1) / 1.5
    )
    assert best_overlap([], ["x"], tokenize) == 0.0


def test_owner_keys_normalise_every_role() -> None:
    assert owner_keys("DAE – Directions Aux Enseignements + Coordination B3") == {
        "direction enseignement",
        "coordination b3",
    }
    assert owner_keys(None) == set()


def test_the_section_is_skipped_without_shared_data(tmp_path: Path) -> None:
    result = DraftingSection().run(
        RunOptions(shared=tmp_path / "absent"), Console(file=None, quiet=True)
    )
    assert result.name == "drafting"
    assert result.passed is None and result.skipped


def test_the_split_keeps_about_a_third_of_the_queries_aside_and_never_moves() -> None:
    from evals.drafting_split import part_of, zoo_layouts

    parts = [part_of("helha", f"A{i}") for i in range(300)]
    assert 70 < parts.count("aside") < 130
    assert part_of("helha", "A1") == part_of("helha", "A1")
    assert set(zoo_layouts("aside")).isdisjoint(zoo_layouts("in-sample"))


def test_a_deadline_is_within_one_period_of_its_own_kind() -> None:
    from evals.drafting_deadlines import within_one_period

    assert within_one_period("juillet 2027", "juin 2027")
    assert not within_one_period("septembre 2027", "juin 2027")  # a month's plan: one month
    assert within_one_period("juin 2027", "2026-2027")  # an academic year: a year
    assert not within_one_period("2029-2030", "2026-2027")
    assert not within_one_period("pérenne", "juin 2027")
