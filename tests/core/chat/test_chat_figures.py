"""« Combien de … ? » asked of documents that do not give the figure (issue 14, fresh-12).

Phrasings of our own on the demo corpus (FAKE embedder). The aside files are not read here.
"""

from __future__ import annotations

import pytest

from assistant.chat.figures import counted_noun, gives_the_figure
from assistant.chat.service import ConversationService
from assistant.chat.text import normalize_question, stems
from assistant.ids import fold
from assistant.schema.chat import Intent


def test_the_counted_noun() -> None:
    assert counted_noun(normalize_question("combien d'étudiants ont réussi ?")) == "etudiants"
    assert counted_noun(normalize_question("cb de stagiaires cette année")) == "stagiaires"
    assert counted_noun(normalize_question("le plan est revu tous les combien ?")) is None


@pytest.mark.parametrize(
    ("text", "noun", "others", "expected"),
    [
        ("contact après 20 % d'absences dans le supérieur", "absences", "contact supérieur", True),
        ("la commission se réunit deux fois par an", "fois", "commission réunit", True),
        ("taux de réussite suivi ; ≥ 90 % des étudiants de B1", "etudiants", "", False),
        ("inscriptions en baisse depuis 2024 étudiants", "etudiants", "", False),
        (
            "groupes de douze étudiants, du Bloc 1 au Bloc 3",
            "etudiants",
            "inscrits bloc année",
            False,
        ),
    ],
)
def test_a_figure_counts_the_noun(text: str, noun: str, others: str, expected: bool) -> None:
    assert gives_the_figure(text, noun, stems(others)) is expected


@pytest.mark.parametrize(
    "question",
    [
        "combien d'étudiants ont eu un entretien individuel l'an dernier ?",
        "combien de diplômés ont répondu à l'enquête ?",
    ],
)
def test_a_figure_the_documents_do_not_give_is_said_missing(
    demo_service: ConversationService, question: str
) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.FREE
    assert "ne trouve" in fold(answer.text)
    assert answer.grounded


def test_a_figure_the_documents_give_is_quoted(demo_service: ConversationService) -> None:
    answer = demo_service.ask("la commission qualité doit se réunir combien de fois par an ?")
    assert "deux fois par an" in fold(answer.text) or "2 reunions par an" in fold(answer.text)
