"""Questions on a fact the documents state in their text, not in their items (issue 14, fresh-11).

Phrasings of our own, on the demo corpus (FAKE embedder): the experts' visit and the plan's
yearly review are written in the documents' sentences, in no action. The fresh-11 aside
files are not read here.
"""

from __future__ import annotations

from assistant.chat.question_shapes import counts_something_else
from assistant.chat.service import ConversationService
from assistant.chat.text import normalize_question
from assistant.ids import fold
from assistant.schema.chat import Intent


def test_a_fact_of_the_documents_text_is_answered_from_it(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask("à quelle date le comité des experts a-t-il fait sa visite ?")
    assert answer.intent is Intent.FREE
    assert "mars 2024" in fold(answer.text)
    assert any(c.kind == "text" and c.span is not None for c in answer.citations)
    assert answer.grounded


def test_how_often_is_not_a_tally_of_actions(demo_service: ConversationService) -> None:
    assert counts_something_else(normalize_question("à quelle fréquence le plan est-il revu ?"))
    answer = demo_service.ask("à quelle fréquence le plan est-il revu ?")
    assert answer.intent is Intent.FREE
    assert "chaque annee" in fold(answer.text)


def test_a_question_on_the_actions_stays_about_the_actions(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask("qui gère le tutorat par les pairs ?")
    assert answer.intent is not Intent.FREE
