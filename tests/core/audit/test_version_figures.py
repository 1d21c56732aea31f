"""The « Chiffres » line of the changes between two versions of a plan, as printed."""

from __future__ import annotations

from assistant.audit.changes import describe_figures
from assistant.schema.changes import VersionFigures


def test_the_recommendations_of_a_version_are_the_ones_its_plan_cites() -> None:
    # The demo report counts 16 recommendations in « En bref » while its plan cites 13: the
    # version line said « 13 recommandations » beside it, read as a contradiction.
    figures = VersionFigures(actions=36, by_status={"done": 17, "postponed": 1}, recommendations=13)
    assert describe_figures(figures) == (
        "36 actions (17 réalisées, 1 reportée), 13 recommandations citées"
    )
    one = VersionFigures(actions=1, recommendations=1)
    assert describe_figures(one) == "1 action, 1 recommandation citée"
