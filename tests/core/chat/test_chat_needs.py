"""Questions no ordered rule foresaw, understood by what their intent needs (issue 14);
ordinals pointing at an item of the last list; negated statuses; subjects that narrow."""

from __future__ import annotations

from chat_helpers import action_id, rec_id

from assistant.chat.followups import ordinal_of, with_ordinal_referent
from assistant.chat.intent_needs import intent_by_needs, scored_intents
from assistant.chat.lexicon import CueMatch
from assistant.chat.service import ConversationService
from assistant.schema.chat import Focus, Intent


def test_an_intent_is_chosen_only_when_its_needs_are_met() -> None:
    late = CueMatch(found={"late": ["traine"]})
    assert intent_by_needs(late, frozenset()) is Intent.LATE
    advice = CueMatch(found={"propose": ["proposer"]})
    assert intent_by_needs(advice, frozenset({"subject"})) is Intent.ADVICE
    assert intent_by_needs(advice, frozenset()) is None  # a proposal, but about nothing


def test_a_tie_between_intents_is_not_understood() -> None:
    cues = CueMatch(found={"late": ["retard"], "duplicate": ["doublon"]})
    ranked = scored_intents(cues, frozenset())
    assert {intent for _, intent in ranked} >= {Intent.LATE, Intent.DUPLICATES}
    assert intent_by_needs(cues, frozenset()) is None


def test_an_excluded_cue_removes_the_candidate() -> None:
    cues = CueMatch(found={"propose": ["proposer"], "owner": ["responsable"]})
    assert Intent.ADVICE not in {i for _, i in scored_intents(cues, frozenset({"subject"}))}


def test_ordinals_standing_alone_point_at_the_list() -> None:
    assert ordinal_of("qui pourrait reprendre la deuxième ?") == 2
    assert ordinal_of("et la dernière ?") == -1
    assert ordinal_of("la première recommandation du critère 2") is None
    assert ordinal_of("le 3e critère") is None
    focus = Focus(action_ids=["a", "b"], subject="actions")
    wording = {"a": "« Ouvrir un atelier »", "b": "« Publier le guide »"}
    assert with_ordinal_referent("et la seconde ?", focus, wording) == "et « Publier le guide » ?"
    assert with_ordinal_referent("et la troisième ?", focus, wording) == "et la troisième ?"


def test_the_first_of_the_list_is_the_first_action_listed(
    demo_service: ConversationService,
) -> None:
    listed = demo_service.ask("Quelles actions sont sans responsable ?")
    first = listed.follow_up_context.action_ids[0]
    answer = demo_service.ask("qui pourrait se charger de la première ?", listed.conversation_id)
    assert answer.intent is Intent.OWNER_DRAFTS
    assert first in {c.id for c in answer.citations}
    assert "recommandation 1" not in answer.text.lower()


def test_the_second_recommendation_listed_gets_advice(demo_service: ConversationService) -> None:
    listed = demo_service.ask("Quelles recommandations ne sont couvertes par aucune action ?")
    second = listed.follow_up_context.recommendation_ids[1]
    answer = demo_service.ask("pour la deuxième, que proposer ?", listed.conversation_id)
    assert answer.intent is Intent.ADVICE
    assert second in {c.id for c in answer.citations}


def test_two_denied_statuses_leave_the_others(demo_service: ConversationService) -> None:
    answer = demo_service.ask("quelles actions ne sont ni terminées ni en cours ?")
    cited = {c.id for c in answer.citations}
    assert action_id(demo_service, "plan pluriannuel de renouvellement") in cited
    assert action_id(demo_service, "tutorat par les pairs") not in cited  # en cours
    assert action_id(demo_service, "guide du TFE") not in cited  # réalisé


def test_priority_actions_not_done_yet(demo_service: ConversationService) -> None:
    answer = demo_service.ask("les actions prioritaires pas encore faites")
    cited = {c.id for c in answer.citations}
    assert action_id(demo_service, "plan pluriannuel de renouvellement") in cited
    assert (
        action_id(demo_service, "Créer une commission qualité de section") not in cited
    )  # réalisée


def test_a_subject_narrows_a_status_question(demo_service: ConversationService) -> None:
    answer = demo_service.ask("quelles actions sont réalisées sur le TFE ?")
    cited = {c.id for c in answer.citations}
    assert action_id(demo_service, "guide du TFE") in cited
    assert action_id(demo_service, "Créer une commission qualité de section") not in cited


def test_a_word_cut_short_is_read_in_the_action_that_holds_it(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask("où en est la lettre d'info ?")
    assert action_id(demo_service, "lettre d'information trimestrielle") in {
        c.id for c in answer.citations
    }


def test_a_proposal_on_a_subject_is_advice(demo_service: ConversationService) -> None:
    answer = demo_service.ask("que proposer sur la biosécurité ?")
    assert answer.intent is Intent.ADVICE
    assert rec_id(demo_service, "c4/r2") in {c.id for c in answer.citations}


def test_what_is_left_to_do_counts_the_open_actions(demo_service: ConversationService) -> None:
    answer = demo_service.ask("il reste combien d'actions à réaliser ?")
    assert answer.intent is Intent.COUNTS
    assert "18 actions" in answer.text  # 36, less 17 done and 1 abandoned


def test_taken_in_charge_asks_whether_a_subject_is_covered(
    demo_service: ConversationService,
) -> None:
    answer = demo_service.ask("la recommandation sur la biosécurité est-elle prise en charge ?")
    assert answer.intent is Intent.THEME_STATUS
    assert rec_id(demo_service, "c4/r2") in {c.id for c in answer.citations}


def test_unsure_offers_questions_on_the_words_it_knows(demo_service: ConversationService) -> None:
    answer = demo_service.ask("de quelle couleur sont les automates du parking ?")
    assert "« couleur » et « parking » n'apparaissent" in answer.text
    assert "« Où en est-on sur automates ? »" in answer.text
    assert answer.grounded and not answer.warnings


def test_words_no_document_uses_are_no_subject_to_answer_on(
    demo_service: ConversationService,
) -> None:
    for question in ("tu en penses quoi franchement ?", "tu proposerais quoi franchement ?"):
        answer = demo_service.ask(question)
        assert answer.intent is Intent.FREE, question
        assert "compris" in answer.text
