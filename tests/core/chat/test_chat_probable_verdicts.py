"""The chat's « what is missing » and advice answers use the audit's verdicts, probable
links included (issue 13).

A recommendation no action cites, whose only link is a « lien probable, à confirmer »,
is « Partielle » in the audit, its reason asking to confirm the link
(`assistant.mapping.verdicts.verdict`). The advice answer listed that action among
« Actions déjà prévues », and « ce qui manque » counted its wording as an answer. The
answers now say the verdict rests on a probable link, to confirm, and name the action.

The link is set on the demo's real audit, with the verdict the mapping gives it.
"""

from __future__ import annotations

import pytest
from chat_helpers import action_id, make_service, rec_id

from assistant.chat.service import ConversationService
from assistant.mapping.semantic import calibration
from assistant.mapping.verdicts import verdict
from assistant.schema import Coverage, LinkKind, MappingLink

#: C2-R2 (uncovered on the demo) gets a probable link to this action.
PROBABLE = "Créer sur Moodle un espace"


@pytest.fixture(scope="module")
def service(demo_workspace) -> ConversationService:  # type: ignore[no-untyped-def]
    service = make_service(demo_workspace)
    knowledge = service.knowledge()
    audit = knowledge.audit
    c2r2 = rec_id(service, "c2/r2")
    link = MappingLink(action_id=action_id(service, PROBABLE), kind=LinkKind.SEMANTIC,
                       score=0.31, probable=True)  # fmt: skip
    coverage, reason = verdict([link], knowledge.actions, calibration())
    assert coverage is Coverage.PARTIAL and "Lien probable" in reason  # as the audit says it
    mappings = [
        m.model_copy(update={"links": [link], "coverage": coverage, "reason": reason})
        if m.recommendation_id == c2r2
        else m
        for m in audit.mappings
    ]
    altered = audit.model_copy(update={"mappings": mappings})
    knowledge._audit, knowledge._ordered = altered, None
    knowledge._index_audit(altered)
    return service


def _says_probable(service: ConversationService, text: str, cited: list[str]) -> None:
    probable = action_id(service, PROBABLE)
    assert "lien probable, à confirmer" in text.lower(), text
    assert "« Créer sur Moodle un espace" in text, text  # the action is named
    assert probable in cited


@pytest.mark.parametrize(
    "question",
    [
        "Que manque-t-il pour la recommandation 2 du critère 2 ?",
        "Qu'avons-nous prévu pour la recommandation 2 du critère 2 ?",
    ],
)
def test_what_is_missing_says_the_verdict_rests_on_a_probable_link(
    service: ConversationService, question: str
) -> None:
    answer = service.ask(question)
    cited = [c.id for c in answer.citations]
    _says_probable(service, answer.text, cited)
    assert "couverte que partiellement" in answer.text  # the audit's verdict, « Partielle »
    assert "y fait référence" not in answer.text  # no action cites it


def test_advice_does_not_count_a_probable_link_as_a_planned_action(
    service: ConversationService,
) -> None:
    answer = service.ask("Que devrait-on faire pour la recommandation 2 du critère 2 ?")
    text = answer.text
    _says_probable(service, text, [c.id for c in answer.citations])
    planned = text.partition("Actions déjà prévues")[2]
    assert "Créer sur Moodle un espace" not in planned, text


def test_missing_parts_do_not_count_a_probable_link(service: ConversationService) -> None:
    from assistant.chat.answers_topics import missing_parts

    knowledge = service.knowledge()
    mapping = knowledge.mapping_for(rec_id(service, "c2/r2"))
    assert mapping is not None and mapping.text
    # nothing answers it: every clause of two words or more is still missing
    parts = missing_parts(knowledge, mapping)
    assert parts and " ".join(parts).count(" ") >= len(mapping.text.split()) // 2
