"""The indicator pattern library loads, is well-formed and yields measurable indicators."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from assistant.audit.indicator_patterns import (
    IndicatorLibraryError,
    load_indicator_patterns,
    parse_library,
    template_fields,
)
from assistant.audit.measurability import assess_indicator

THEMES_EXPECTED = [
    "stage",
    "TFE",
    "EEE",
    "mobilité",
    "aide à la réussite",
    "Moodle",
    "alumni",
    "formation continue",
    "communication interne",
    "charge de travail",
    "évaluation des acquis",
    "monde professionnel",
    "pilotage",
    "aménagements raisonnables",
    "laboratoire",
]


def _raw() -> dict[str, Any]:
    text = resources.files("assistant.audit").joinpath("data/indicator_patterns.json").read_text()
    data: dict[str, Any] = json.loads(text)
    return data


def test_library_loads_with_40_to_80_patterns() -> None:
    library = load_indicator_patterns()
    assert 40 <= len(library.patterns) <= 80
    assert {p.kind for p in library.patterns} == {"output", "outcome"}
    assert len({p.id for p in library.patterns}) == len(library.patterns)


def test_every_placeholder_is_declared_and_has_a_default() -> None:
    library = load_indicator_patterns()
    for pattern in library.patterns:
        for name in template_fields(pattern.template):
            assert name in library.placeholders, (pattern.id, name)
            assert pattern.defaults[name], (pattern.id, name)


@pytest.mark.parametrize("pattern_id", [p.id for p in load_indicator_patterns().patterns])
def test_every_rendered_pattern_is_measurable(pattern_id: str) -> None:
    pattern = load_indicator_patterns().get(pattern_id)
    rendered = pattern.render()
    assert "{" not in rendered
    verdict = assess_indicator(rendered)
    assert verdict.measurable, (rendered, verdict.reason)


def test_the_usual_themes_are_covered() -> None:
    themes = " | ".join(t for p in load_indicator_patterns().patterns for t in p.themes)
    for theme in THEMES_EXPECTED:
        assert theme in themes, theme


def test_render_with_values() -> None:
    pattern = load_indicator_patterns().get("stage-conventions-signees")
    text = pattern.render(cible="12", echeance="juin 2028")
    assert "(cible : 12)" in text and "juin 2028" in text
    with pytest.raises(IndicatorLibraryError):
        pattern.render(inconnu="x")


def test_match_finds_the_theme_of_an_action() -> None:
    library = load_indicator_patterns()
    best, _ = library.match("Conclure des conventions-cadres avec les lieux de stage")[0]
    assert best.id == "stage-conventions-signees"
    ids = [p.id for p, _ in library.match("Développer un tutorat par les pairs en B1")]
    assert "reussite-tutorat-pairs" in ids
    assert library.match("zzz") == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["patterns"][0].update(template="Nombre de {inconnu}"), "inconnu"),
        (lambda d: d["patterns"][0]["defaults"].clear(), "pas de valeur par défaut"),
        (lambda d: d["patterns"][1].update(id=d["patterns"][0]["id"]), "en double"),
        (lambda d: d["patterns"][0].update(kind="impact"), "kind"),
        (lambda d: d["patterns"][0].update(id="Avec Espaces"), "identifiant invalide"),
        (lambda d: d["patterns"][0].update(themes=[]), "themes"),
    ],
)
def test_invalid_libraries_are_refused_with_a_reason(change: Any, problem: str) -> None:
    data = _raw()
    change(data)
    with pytest.raises(IndicatorLibraryError, match=problem):
        parse_library(json.dumps(data))


def test_invalid_json_is_refused() -> None:
    with pytest.raises(IndicatorLibraryError, match="JSON"):
        parse_library("{not json")
