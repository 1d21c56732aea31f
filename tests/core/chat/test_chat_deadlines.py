"""Deadlines in a period, the next deadline, costs, and time words (issue 14, session 11).

Written before the rules, on the demo plan at the reference date 23 November 2026: ten
actions are due in 2027 (four in June 2027, six at the end of the academic year 2026-2027),
none between the reference date and the end of May 2027, two in the first half of 2026.
The plan gives no budget. A third of the phrasings is kept aside in
`evals/questions/fresh8-demo.aside.json`.
"""

from __future__ import annotations

from datetime import date

import pytest

from assistant.chat.periods import asked_period
from assistant.chat.service import ConversationService
from assistant.ids import fold
from assistant.schema.chat import Intent

AS_OF = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("qui se terminent en 2027", date(2027, 1, 1), date(2027, 12, 31)),
        ("avant juin", AS_OF, date(2027, 5, 31)),
        ("d ici mai", AS_OF, date(2027, 5, 31)),
        ("echeances du premier semestre 2026", date(2026, 1, 1), date(2026, 6, 30)),
        ("au 1er semestre 2026", date(2026, 1, 1), date(2026, 6, 30)),
        ("second semestre 2027", date(2027, 7, 1), date(2027, 12, 31)),
        ("en juin 2027", date(2027, 6, 1), date(2027, 6, 30)),
        ("cette annee", date(2026, 1, 1), date(2026, 12, 31)),
        ("l annee prochaine", date(2027, 1, 1), date(2027, 12, 31)),
        # relative to the reference date (session 12, fresh-10 in-sample)
        ("l an prochain", date(2027, 1, 1), date(2027, 12, 31)),
        ("l annee suivante", date(2027, 1, 1), date(2027, 12, 31)),
        ("l an dernier", date(2025, 1, 1), date(2025, 12, 31)),
        ("l annee passee", date(2025, 1, 1), date(2025, 12, 31)),
        ("le mois dernier", date(2026, 10, 1), date(2026, 10, 31)),
        ("le mois suivant", date(2026, 12, 1), date(2026, 12, 31)),
        ("d ici la fin de l annee", AS_OF, date(2026, 12, 31)),
        ("en 2025-2026", date(2025, 9, 15), date(2026, 9, 14)),
        ("apres 2027", date(2028, 1, 1), None),
    ],
)
def test_a_period_is_read_from_the_question(text: str, start: date, end: date | None) -> None:
    period = asked_period(text, AS_OF)
    assert period is not None and (period.start, period.end) == (start, end)


@pytest.mark.parametrize(
    "text", ["quelle est la prochaine echeance", "qui porte le portfolio", "combien d actions"]
)
def test_no_period_in_a_question_without_dates(text: str) -> None:
    assert asked_period(text, AS_OF) is None


@pytest.mark.parametrize(
    "question",
    [
        "quelles actions se terminent en 2027 ?",
        "qu'est-ce qui doit être fini en 2027 ?",
        "les échéances de 2027",
    ],
)
def test_actions_due_in_a_year(demo_service: ConversationService, question: str) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.DUE and answer.grounded
    text = fold(answer.text)
    assert text.startswith("10 actions")
    assert "portfolio numerique" in text and "evaluation des enseignements" in text
    assert "guide du tfe" not in text and "repertoire des tfe" not in text


@pytest.mark.parametrize(
    "question",
    [
        "quelles actions arrivent à échéance avant juin ?",
        "qu'est-ce qui doit être terminé d'ici mai ?",
    ],
)
def test_none_due_before_a_month_gives_the_next_deadline(
    demo_service: ConversationService, question: str
) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.DUE and answer.grounded
    text = fold(answer.text)
    assert text.startswith("je ne trouve aucune action")
    assert "31 mai 2027" in text and "juin 2027" in text  # the period said, then what comes next


@pytest.mark.parametrize(
    "question",
    [
        "échéances du premier semestre 2026",
        "quelles actions étaient prévues pour le 1er semestre 2026 ?",
    ],
)
def test_actions_due_in_a_half_year(demo_service: ConversationService, question: str) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.DUE and answer.grounded
    text = fold(answer.text)
    assert text.startswith("2 actions")
    assert "plan pluriannuel" in text and "designer un responsable" in text


def test_actions_due_in_a_month(demo_service: ConversationService) -> None:
    answer = demo_service.ask("qu'est-ce qui se termine en juin 2027 ?")
    assert answer.intent is Intent.DUE and fold(answer.text).startswith("4 actions")


@pytest.mark.parametrize(
    "question",
    [
        "quelle est la prochaine échéance ?",
        "c'est quoi la prochaine date butoir ?",
        "prochaines échéances du plan ?",
    ],
)
def test_the_next_deadline(demo_service: ConversationService, question: str) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.DUE and answer.grounded
    text = fold(answer.text)
    assert text.startswith("la prochaine echeance")
    assert "juin 2027" in text and "evaluation des enseignements" in text
    assert "repertoire des tfe" not in text.split("puis")[0]


@pytest.mark.parametrize(
    "question",
    [
        "ils coûtent combien ?",
        "combien coûte le portfolio numérique ?",
        "quel est le budget prévu pour les actions ?",
    ],
)
def test_a_cost_question_is_not_a_count(demo_service: ConversationService, question: str) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.FREE and answer.grounded
    text = fold(answer.text)
    assert text.startswith("je ne trouve ni budget ni cout")
    assert "le plan compte" not in text and "36 actions" not in text


@pytest.mark.parametrize(
    "question",
    ["quel temps fera-t-il demain ?", "quelle heure est-il ?", "il fait beau aujourd'hui ?"],
)
def test_time_words_alone_are_out_of_scope(
    demo_service: ConversationService, question: str
) -> None:
    answer = demo_service.ask(question)
    assert answer.intent is Intent.FREE and answer.grounded
    assert "hors du champ" in answer.text
    assert not answer.citations and "passages les plus proches" not in answer.text
    assert "« temps »" not in answer.text and "« demain »" not in answer.text


def test_a_follow_up_asks_another_period(demo_service: ConversationService) -> None:
    conversation = demo_service.conversation().id
    demo_service.ask("quelles actions se terminent en 2027 ?", conversation)
    answer = demo_service.ask("et en 2028 ?", conversation)
    assert answer.intent is Intent.DUE
    assert "repertoire des tfe" in fold(answer.text)


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # « prochaine » qualifies a meeting, not a deadline: no action is due « next » here
        ("c'est quand la prochaine réunion de la commission qualité ?", None),
        ("quelles actions sont en retard en 2026 ?", Intent.LATE),
        ("les échéances à venir ?", Intent.DUE),
    ],
)
def test_what_a_date_in_a_question_asks(
    demo_service: ConversationService, question: str, intent: Intent | None
) -> None:
    understood = demo_service.understand(question).intent
    assert understood is intent if intent is not None else understood is not Intent.DUE


def test_a_period_question_keeps_the_state_it_asks(demo_service: ConversationService) -> None:
    """« non réalisées prévues en 2026 »: the actions of the period still open, the others
    counted; « en cours » keeps that status; « finies en 2027 » names the deadline only."""
    knowledge = demo_service.knowledge()
    in_2026 = [a for a in knowledge.main_actions if a.due is not None and a.due.year == 2026]
    still_open = [a for a in in_2026 if a.status_category.value not in ("done", "abandoned")]
    answer = demo_service.ask("actions non réalisées prévues en 2026")
    assert answer.intent is Intent.DUE and answer.grounded
    listed = set(answer.follow_up_context.action_ids)
    assert listed == {a.id for a in still_open} and still_open
    assert f"{len(in_2026) - len(still_open)} autres actions de la période" in answer.text
    in_progress = demo_service.ask("quelles actions en cours se terminent en 2027 ?")
    assert all(knowledge.actions[i].status_category.value == "in_progress"
               for i in in_progress.follow_up_context.action_ids)  # fmt: skip
    every = demo_service.ask("qu'est-ce qui doit être fini en 2027 ?")
    assert len(every.follow_up_context.action_ids) > len(in_progress.follow_up_context.action_ids)
