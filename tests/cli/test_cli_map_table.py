"""The `map` table says which links are to be confirmed (a « lien probable »)."""

from __future__ import annotations

from rich.console import Console

from assistant.cli.analysis_commands import _mapping_table
from assistant.schema import Coverage, LinkKind, Mapping, MappingLink


def _table_text(link: MappingLink) -> str:
    mapping = Mapping(
        recommendation_id="r1",
        recommendation_ref="Critère 1, Recommandation 1",
        recommendation_key="c1/r1",
        text="Consigner les décisions.",
        coverage=Coverage.PARTIAL,
        reason="Lien probable, à confirmer.",
        links=[link],
    )
    console = Console(width=200, record=True)
    console.print(_mapping_table([mapping], {"a1": "Rédiger un compte rendu"}))
    return console.export_text()


def test_a_probable_link_is_to_be_confirmed_and_a_confirmed_one_says_so() -> None:
    def link(**flags: bool) -> MappingLink:
        return MappingLink(action_id="a1", kind=LinkKind.SEMANTIC, score=0.27, **flags)

    assert "(par le contenu, 0.27)" in _table_text(link())
    assert "(par le contenu, probable, à confirmer, 0.27)" in _table_text(link(probable=True))
    assert "(par le contenu, confirmé, 0.27)" in _table_text(link(confirmed=True))
