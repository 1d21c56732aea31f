"""The last reading: a document whose layout was not recognised still yields candidates.

Written before the rule (issue 12 item 4: « a document that contains a table or numbered
items never yields nothing recognised: at worst it yields candidates marked à vérifier »).
A plan printed with no column titles the parser knows, one row a line, is still a list of
actions worded as actions (an infinitive first): those lines are offered « à vérifier »,
with what each line's end holds (an owner, a deadline) when its pieces clearly say so.
Prose that is not a plan stays refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import NoRecognisableContentError
from assistant.parsing import parse_file
from assistant.settings import Settings

# Rows with no header at all, under criterion headings and quoted recommendations.
NO_HEADER = """Plan d'action

Critère 2 : pertinence du programme
« Renforcer les liens avec le monde professionnel »
Organiser des réunions trimestrielles avec les lieux de stage Directrice de catégorie 2025
Créer un répertoire des ressources pédagogiques Coordinateur des stages 2026
Critère 3 : cohérence interne
« Mieux évaluer la charge de travail »
Évaluer la charge de travail des étudiants Conseil de catégorie 2026
Revoir les fiches ECTS des unités d'enseignement Responsables d'UE Juin 2025
"""

# Each action wraps over two lines; nothing else on the lines.
WRAPPED = """Suivi des actions du bachelier

Réviser le règlement des études pour
clarifier les modalités de seconde session
Mettre en place un comité de suivi des
stages avec les maîtres de stage
Développer une offre de cours en
anglais pour les étudiants entrants
"""

PROSE = """Compte rendu de la réunion du conseil

Le conseil s'est réuni le 12 mars en présence de la direction et des délégués.
Les membres ont examiné le budget de l'année écoulée et la situation des locaux.
La séance a été levée à midi ; la prochaine réunion aura lieu en mai.
"""


def _parse(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings())


def test_rows_without_a_header_become_candidates_to_check(tmp_path: Path) -> None:
    plan = _parse(tmp_path, NO_HEADER)
    texts = [action.text for action in plan.actions]
    assert [text.split()[0] for text in texts] == ["Organiser", "Créer", "Évaluer", "Revoir"]
    assert plan.structure.needs_review
    assert any("à vérifier" in warning for warning in plan.warnings)


def test_a_candidate_row_keeps_its_owner_and_deadline_when_they_are_clear(tmp_path: Path) -> None:
    plan = _parse(tmp_path, NO_HEADER)
    first = plan.actions[0]
    assert first.text == "Organiser des réunions trimestrielles avec les lieux de stage"
    assert first.owner == "Directrice de catégorie"
    assert first.deadline == "2025"


def test_wrapped_candidate_lines_are_one_action(tmp_path: Path) -> None:
    plan = _parse(tmp_path, WRAPPED)
    assert [action.text for action in plan.actions] == [
        "Réviser le règlement des études pour clarifier les modalités de seconde session",
        "Mettre en place un comité de suivi des stages avec les maîtres de stage",
        "Développer une offre de cours en anglais pour les étudiants entrants",
    ]
    assert (plan.actions[0].source.line_start, plan.actions[0].source.line_end) == (3, 4)
    assert plan.structure.needs_review


def test_prose_that_is_no_plan_is_still_refused(tmp_path: Path) -> None:
    with pytest.raises(NoRecognisableContentError):
        _parse(tmp_path, PROSE)


def test_two_lines_worded_as_actions_are_not_a_plan(tmp_path: Path) -> None:
    text = PROSE + "\nOrganiser la prochaine réunion en mai avec les délégués\n"
    with pytest.raises(NoRecognisableContentError):
        _parse(tmp_path, text)
