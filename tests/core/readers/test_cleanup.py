"""Markup left by converters becomes the text a coordinator would read."""

from __future__ import annotations

import pytest

from assistant.readers.cleanup import clean_fragment, normalise_lines, strip_markdown


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<p>a</p> <p>b</p>", "a\nb"),
        ("<p><b>-Assiduité</b> examinée</p>", "-Assiduité examinée"),
        ("ligne 1<br>ligne 2<br/>ligne 3", "ligne 1\nligne 2\nligne 3"),
        ("Indicateurs <sup>2</sup>", "Indicateurs"),
        ("2<sup>ème</sup> CAP Etterbeek", "2ème CAP Etterbeek"),
        ('<a href="mailto:x@y.be">x@y.be</a>', "x@y.be"),
        ("<span class='x'>texte</span> &amp; suite &eacute;", "texte & suite é"),
        ("moins de 10 < 20", "moins de 10 < 20"),
        ("  espaces   multiples\t ici  ", "espaces multiples ici"),
    ],
)
def test_clean_fragment(raw: str, expected: str) -> None:
    assert clean_fragment(raw) == expected


def test_footnote_definition_keeps_its_number() -> None:
    assert clean_fragment("<sup>1</sup> Actualisé en Avril 2021.") == "1 Actualisé en Avril 2021."


def test_double_space_in_a_table_cell_is_a_paragraph_break() -> None:
    raw = "Avant l'entrée en formation  Début du cursus"
    assert clean_fragment(raw, table_cell=True) == "Avant l'entrée en formation\nDébut du cursus"
    assert clean_fragment(raw) == "Avant l'entrée en formation Début du cursus"


def test_double_space_between_links_in_a_cell() -> None:
    raw = '<a href="mailto:a@x.be">a@x.be</a>  <a  href="mailto:b@x.be">b@x.be</a>'
    assert clean_fragment(raw, table_cell=True) == "a@x.be\nb@x.be"


def test_single_spaces_around_removed_tags_do_not_split_a_cell() -> None:
    raw = "-Eviter les <b>représentations</b> de la <i>formation</i>"
    assert clean_fragment(raw, table_cell=True) == "-Eviter les représentations de la formation"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("**objectifs** du plan", "objectifs du plan"),
        ("Ce plan *visé à coordonner* les actions", "Ce plan visé à coordonner les actions"),
        ("### **VISÉES ET OBJECTIFS**", "### VISÉES ET OBJECTIFS"),
        ("voir [le site](https://x.be)", "voir le site"),
        ("__important__", "important"),
        # Priority marks of flattened tables are content, not emphasis.
        ("*/**/***", "*/**/***"),
        ("*** Pouvoir organisateur,", "*** Pouvoir organisateur,"),
        ("** Coordonnateur de", "** Coordonnateur de"),
        ("5 * 3 * 2", "5 * 3 * 2"),
        ("fichier plan_2024_v2.docx", "fichier plan_2024_v2.docx"),
    ],
)
def test_strip_markdown(raw: str, expected: str) -> None:
    assert strip_markdown(raw) == expected


def test_normalise_lines_drops_empty_lines_and_collapses_spaces() -> None:
    assert normalise_lines("  a \u00a0 b \n\n  \n c\t") == "a b\nc"
