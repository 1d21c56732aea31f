"""General mechanisms behind the fresh-10 in-sample failures (issue 14, session 12).

Each test states a mechanism on phrasings of its own, not the wording of a fresh question:
relative periods (« l'an prochain »), a count of something the plan does not tally
(« combien de fois »), every recommendation asked about at once, a subject put first
(« pour X, qu'est-ce qu'on a prévu ? »), a word cut short answered in the plan's word,
and a long passage quoted where the asked words are. Demo plan, reference date 23 November
2026. The fresh-10 aside third (`evals/questions/fresh10-demo.aside.json`) is not read here.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.chat.intents import recognize
from assistant.chat.periods import asked_period
from assistant.chat.question_shapes import counts_something_else
from assistant.chat.service import ConversationService
from assistant.chat.text import normalize_question, quoted_around, stems
from assistant.ids import fold
from assistant.schema.chat import Intent

AS_OF = date(2026, 11, 23)


def test_last_month_in_january_is_december_of_the_year_before() -> None:
    period = asked_period("le mois passe", date(2027, 1, 10))
    assert period is not None and (period.start, period.end) == (
        date(2026, 12, 1),
        date(2026, 12, 31),
    )


@pytest.mark.parametrize(
    "question",
    ["combien de fois par an ?", "combien d'étudiants en B1 ?", "le nombre de crédits du stage"],
)
def test_a_count_of_something_the_plan_does_not_tally(question: str) -> None:
    assert counts_something_else(normalize_question(question))
    assert recognize(question).intent is not Intent.COUNTS


@pytest.mark.parametrize(
    "question",
    ["combien d'actions ?", "combien de recos ?", "combien de lacunes ?", "nombre de menaces",
     "combien de trucs sont finis ?", "combien sont en cours ?"],
)  # fmt: skip
def test_a_count_of_the_plan_items_stays_a_count(question: str) -> None:
    assert not counts_something_else(normalize_question(question))


@pytest.mark.parametrize(
    "question",
    ["est-ce que chaque recommandation a une action ?",
     "toutes les recos sont-elles traitées ?",
     "est ce que toutes les recommandations ont au moins une réponse dans le plan"],
)  # fmt: skip
def test_every_recommendation_asked_at_once_gives_the_uncovered_ones(
    demo_service: ConversationService, question: str
) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.UNCOVERED and answer.grounded
    assert fold(answer.text).startswith("3 recommandations ne sont couvertes")


def test_au_moins_is_a_floor_not_a_comparison() -> None:
    question = recognize("toutes les actions ont au moins un indicateur ?")
    assert question.entities.extreme is None


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("pour le tutorat, qu'est-ce qu'on a prévu ?", "tutorat"),
        ("les stages : qu'avons-nous fait ?", "stage"),
        ("pour la mobilité erasmus, on a prévu quoi ?", "erasmus"),
    ],
)
def test_a_subject_put_first_asks_where_it_stands(
    demo_service: ConversationService, question: str, words: str
) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.THEME_STATUS and answer.grounded
    assert words in fold(answer.text)


def test_a_word_cut_short_is_answered_in_the_plan_word(demo_service: ConversationService) -> None:
    answer = demo_service.ask("qui porte le test de positionnement en maths ?")
    assert answer.grounded, answer.warnings
    assert "mathematiques" in fold(answer.text)
    assert any("mathématiques" in w for w in answer.warnings)


def test_a_long_passage_is_quoted_where_the_asked_words_are() -> None:
    passage = ("Formaliser le pilotage en créant une instance réunissant enseignants, étudiants, "
               "personnel technique et partenaires du monde professionnel, dont les membres sont "
               "désignés pour trois ans par le conseil, qui se réunit au moins deux fois par an "
               "et dont les procès-verbaux sont diffusés.")  # fmt: skip
    shown = quoted_around(passage, set(stems("réunir fois")), limit=160)
    assert "deux fois par an" in shown and shown.startswith("« …")
    assert quoted_around(passage, set(stems("formaliser pilotage")), limit=160).startswith(
        "« Formaliser"
    )


def test_a_short_passage_is_quoted_whole() -> None:
    assert (
        quoted_around("Créer une commission qualité", {"commiss"})
        == "« Créer une commission qualité »"
    )


def test_a_word_cut_very_short_is_completed_from_the_actions_found(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask("la charte de com, qui la porte ?")
    assert answer.grounded, answer.warnings
    assert "charte de communication" in fold(answer.text)
    assert any("« com » lu comme « communication »" in w for w in answer.warnings)
