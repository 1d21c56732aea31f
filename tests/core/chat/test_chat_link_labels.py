"""The chat counts a recommendation's answers as the audit does (`weak_links.answering`).

A « lien probable, à confirmer » (a semantic link below the calibrated threshold) and a
link written for the previous report whose number was reused (« ancien rapport, à
vérifier ») are not answers: the chat listed them among « les actions du plan qui y font
référence ». They are now shown apart, labelled, and not counted. An uncovered verdict
that asks to check (the closest action went to another recommendation) is passed on.

The links below are set on the demo's real audit (the marking itself is tested in
tests/core/audit): what is tested here is what the chat says of them.
"""

from __future__ import annotations

import pytest
from chat_helpers import action_id, make_service, rec_id

from assistant.chat.service import ConversationService
from assistant.mapping.verdicts import contested_reason
from assistant.schema import Coverage, LinkKind, MappingLink
from assistant.store import Workspace

PROBABLE = "du site internet de la section"
EARLIER = "Mettre à jour les fiches UE"
CLOSEST = "Créer sur Moodle un espace"


@pytest.fixture(scope="module")
def service(demo_workspace: Workspace) -> ConversationService:
    """A service of its own (the shared one stays untouched), its audit altered: C1-R2 gets
    a probable link and a link of the previous report; C2-R2, uncovered, a contested reason."""
    service = make_service(demo_workspace)
    knowledge = service.knowledge()
    audit = knowledge.audit
    c1r2, c2r2 = rec_id(service, "c1/r2"), rec_id(service, "c2/r2")
    probable = MappingLink(action_id=action_id(service, PROBABLE), kind=LinkKind.SEMANTIC,
                           score=0.31, probable=True)  # fmt: skip
    earlier = MappingLink(action_id=action_id(service, EARLIER), kind=LinkKind.EXPLICIT,
                          score=1.0, previous_report=True)  # fmt: skip
    closest = knowledge.actions[action_id(service, CLOSEST)].text
    mappings = []
    for mapping in audit.mappings:
        if mapping.recommendation_id == c1r2:
            mapping = mapping.model_copy(update={"links": [*mapping.links, probable, earlier]})
        elif mapping.recommendation_id == c2r2:
            assert mapping.coverage is Coverage.UNCOVERED
            reason = contested_reason(closest, 0.34, "Critère 1, Recommandation 3")
            mapping = mapping.model_copy(update={"reason": reason})
        mappings.append(mapping)
    altered = audit.model_copy(update={"mappings": mappings})
    knowledge._audit, knowledge._ordered = altered, None
    knowledge._index_audit(altered)
    return service


def test_probable_and_earlier_links_are_not_counted_as_answers(
    service: ConversationService,
) -> None:
    answer = service.ask("Qu'avons-nous prévu pour la recommandation 2 du critère 1 ?")
    text = answer.text
    assert not answer.warnings, answer.warnings
    knowledge = service.knowledge()
    mapping = knowledge.mapping_for(rec_id(service, "c1/r2"))
    assert mapping is not None
    probable = next(link.action_id for link in mapping.links if link.probable)
    earlier = action_id(service, EARLIER)
    # the count is the answering one: the two added links do not raise it
    assert "2 actions du plan y font référence" in text
    answers, _, rest = text.partition("à confirmer")
    assert rest, text
    assert probable not in answers and earlier not in answers
    assert "Lien probable, à confirmer" in text
    assert "ancien rapport, à vérifier" in text
    assert probable in rest and earlier in rest


def test_an_uncovered_recommendation_to_check_says_why(service: ConversationService) -> None:
    answer = service.ask("Qu'avons-nous prévu pour la recommandation 2 du critère 2 ?")
    assert "Aucune action du plan n'y répond" in answer.text
    assert not answer.warnings, answer.warnings
    assert "c'est à vérifier" in answer.text
    assert "« Créer sur Moodle un espace" in answer.text
    assert "répond mieux à Critère 1, Recommandation 3" in answer.text
    listed = service.ask("Quelles recommandations ne sont couvertes par aucune action ?")
    line = next(x for x in listed.text.splitlines() if "Critère 2, Recommandation 2" in x)
    assert "à vérifier" in line


def test_partial_list_names_only_answering_actions(service: ConversationService) -> None:
    answer = service.ask("Quelles recommandations ne sont couvertes que partiellement ?")
    line = next(x for x in answer.text.splitlines() if "Critère 1, Recommandation 2" in x)
    assert action_id(service, EARLIER) not in line
    assert "à confirmer" in line  # the links set apart are announced, not listed as actions
