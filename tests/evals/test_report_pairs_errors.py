"""`python -m evals.report_pairs.errors` reads each verdict as the coordinator does and sorts
the wrong ones by what went wrong (ranking, threshold or decision rule)."""

from __future__ import annotations

from assistant.schema import Coverage, LinkKind, Mapping, MappingLink, Span
from evals.report_pairs.errors import Row, summary, verdict_kind

SOURCE = Span(file="rapport.pdf", page=1, line_start=1, line_end=1)


def _mapping(coverage: Coverage, *links: MappingLink) -> Mapping:
    return Mapping(
        recommendation_id="r1",
        recommendation_ref="Recommandation 1",
        recommendation_key="r1",
        text="Former les maîtres de stage",
        source=SOURCE,
        coverage=coverage,
        reason="…",
        links=list(links),
    )


def _link(kind: LinkKind, *, probable: bool = False, confirmed: bool = False) -> MappingLink:
    return MappingLink(action_id="a1", kind=kind, score=0.3, probable=probable, confirmed=confirmed)


def test_verdicts_are_read_as_the_coordinator_reads_them() -> None:
    assert verdict_kind(None) == "non couverte"
    assert verdict_kind(_mapping(Coverage.UNCOVERED)) == "non couverte"
    probable = _link(LinkKind.SEMANTIC, probable=True)
    assert verdict_kind(_mapping(Coverage.PARTIAL, probable)) == "probable"
    # a confirmed link is no longer probable, nor is a verdict a written link settles
    confirmed = _link(LinkKind.SEMANTIC, probable=True, confirmed=True)
    assert verdict_kind(_mapping(Coverage.PARTIAL, confirmed)) == "partielle"
    written = _link(LinkKind.EXPLICIT)
    assert verdict_kind(_mapping(Coverage.COVERED, written, probable)) == "couverte"


def _row(rec: str, gold: bool, kind: str, first: int | None, taken: bool) -> Row:
    return Row("paire", rec, False, gold, kind, first, 0.3, 0.4, first == 1, taken)


def test_wrong_verdicts_are_grouped_by_their_shape() -> None:
    rows = [
        _row("r1", True, "probable", 1, False),  # right
        _row("r2", False, "non couverte", None, False),  # right
        _row("r3", True, "non couverte", 1, True),  # one action, two recommendations
        _row("r4", True, "non couverte", 2, True),  # the answer ranked second
        _row("r5", True, "non couverte", 2, True),
        _row("r6", False, "probable", None, False),  # a theme shared, nothing answers
    ]
    result = summary(rows)
    assert [r.rec for r in result["wrong"]] == ["r3", "r4", "r5", "r6"]
    assert result["matrix"]["répondue", "non couverte"] == 3
    assert result["matrix"]["sans réponse", "probable"] == 1
    shapes = result["shapes"].most_common()
    assert shapes[0] == (
        ("non couverte", "sémantique", "juste au rang 2", "meilleur pris ailleurs"),
        2,
    )
    assert len(shapes) == 3
