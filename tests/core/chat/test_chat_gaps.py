"""The audit's gaps in the chat: « lacunes », counted and grouped as the report does (issue 14).

The demo's printed report says « 28 lacunes, dont 3 critiques (regroupées en 16 constats) »
with the real embedder (the fake one of these tests links differently, so the figures here
are read from the audit, never written down); the chat must give the same figures from the
same audit, critical gaps first, every gap cited with where it can be seen. The phrasings were written first, in
`evals/questions/fresh9-demo.json` (a third kept aside in `fresh9-demo.aside.json`).
"""

from __future__ import annotations

import pytest
from chat_helpers import rec_id

from assistant.audit.findings import group_findings
from assistant.chat.service import ConversationService
from assistant.chat.tools import run_tool
from assistant.reports.data import build_report_data
from assistant.reports.view import build_view
from assistant.schema import Severity, TargetKind
from assistant.schema.chat import Focus, Intent


def _report_tally(service: ConversationService) -> str:
    knowledge = service.knowledge()
    return build_view(build_report_data(knowledge.audit, knowledge.scope)).tally


def test_the_chat_counts_the_gaps_as_the_report_does(demo_service: ConversationService) -> None:
    answer = demo_service.ask("Combien de lacunes y a-t-il ?")
    assert answer.intent is Intent.GAPS
    tally = _report_tally(demo_service)
    assert "lacunes, dont" in tally and "constats" in tally
    assert tally in answer.text
    assert "36 actions" not in answer.text and answer.grounded


def test_the_list_puts_critical_gaps_first_and_cites_every_gap(
    demo_service: ConversationService,
) -> None:
    knowledge = demo_service.knowledge()
    answer = demo_service.ask("Quelles sont les lacunes du plan ?")
    assert answer.intent is Intent.GAPS and answer.grounded
    cited = {c.id: c for c in answer.citations}
    assert {gap.id for gap in knowledge.audit.gaps} <= set(cited)
    # every gap is cited with its source: a file and a line a coordinator can open
    assert all(cited[gap.id].span is not None for gap in knowledge.audit.gaps if gap.evidence)
    bullets = [line for line in answer.text.splitlines() if line.startswith("- ")]
    findings = group_findings(knowledge.audit.gaps)
    assert len(bullets) == len(findings)
    critical = sum(f.severity is Severity.CRITICAL for f in findings)
    assert critical and all("aucune action du plan n'y répond" in b for b in bullets[:critical])
    assert answer.text.index("lacunes critiques") < answer.text.index("lacunes majeures")
    assert "n'apparaît dans aucun document" not in answer.text


@pytest.mark.parametrize(
    ("question", "severity", "word"),
    [
        ("quelles lacunes critiques ?", Severity.CRITICAL, "critiques"),
        ("montre-moi les lacunes majeures", Severity.MAJOR, "majeures"),
        ("les lacunes mineures ?", Severity.MINOR, "mineures"),
    ],
)
def test_a_severity_keeps_only_its_gaps(
    demo_service: ConversationService, question: str, severity: Severity, word: str
) -> None:
    knowledge = demo_service.knowledge()
    answer = demo_service.ask(question)
    cited = {c.id for c in answer.citations}
    kept = {gap.id for gap in knowledge.audit.gaps if gap.severity is severity}
    assert len(kept) > 1 and kept <= cited
    assert answer.text.startswith(f"{len(kept)} lacunes {word}")
    assert not {gap.id for gap in knowledge.audit.gaps} - kept & cited
    assert answer.grounded


def test_each_criterion_has_the_gaps_of_its_summary_row(
    demo_service: ConversationService,
) -> None:
    for summary in demo_service.knowledge().audit.criteria:
        answer = demo_service.ask(f"quelles lacunes pour le {summary.criterion.lower()} ?")
        assert answer.intent is Intent.GAPS and answer.grounded, answer.text
        n = summary.gaps
        assert f"{n} lacune{'s' if n > 1 else ''}," in answer.text.split("\n")[0], answer.text


def test_the_gaps_of_one_recommendation_and_of_one_field(
    demo_service: ConversationService,
) -> None:
    stalled = demo_service.ask("quelles lacunes pour la recommandation 1 du critère 4 ?")
    assert rec_id(demo_service, "c4/r1") in {c.id for c in stalled.citations}
    assert rec_id(demo_service, "c4/r2") not in {c.id for c in stalled.citations}
    indicators = demo_service.ask("combien de lacunes concernent les indicateurs ?")
    assert indicators.text.startswith("Sur les indicateurs, l'audit relève 7 lacunes")
    knowledge = demo_service.knowledge()
    kinds = {knowledge.gaps[c.id].kind for c in indicators.citations if c.kind == "gap"}
    assert kinds == {"action_without_indicator", "vague_indicator"}


def test_follow_ups_keep_to_the_gaps(demo_service: ConversationService) -> None:
    gaps = demo_service.knowledge().audit.gaps
    first = demo_service.ask("Combien de lacunes ?")
    critical = demo_service.ask("lesquelles sont critiques ?", first.conversation_id)
    n = sum(gap.severity is Severity.CRITICAL for gap in gaps)
    assert critical.intent is Intent.GAPS and critical.text.startswith(f"{n} lacunes critiques")
    major = demo_service.ask("et les majeures ?", first.conversation_id)
    n = sum(gap.severity is Severity.MAJOR for gap in gaps)
    assert major.intent is Intent.GAPS and major.text.startswith(f"{n} lacunes majeures")
    per_criterion = demo_service.ask("et pour le critère 2 ?", first.conversation_id)
    assert per_criterion.intent is Intent.GAPS and "critère 2" in per_criterion.text


def test_owner_gaps_lead_to_the_owner_drafts(demo_service: ConversationService) -> None:
    knowledge = demo_service.knowledge()
    owners = demo_service.ask("quelles lacunes sur les responsables ?")
    targets = {
        knowledge.gaps[c.id].target_id
        for c in owners.citations
        if c.kind == "gap" and knowledge.gaps[c.id].target_kind is TargetKind.ACTION
    }
    drafts = demo_service.ask("qui pourrait s'en charger ?", owners.conversation_id)
    assert drafts.intent is Intent.OWNER_DRAFTS
    assert targets <= {c.id for c in drafts.citations}


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # what is missing for one recommendation stays that recommendation's answer
        ("qu'est ce qui manque pour la reco 3 du critere 2 ?", Intent.RECOMMENDATION),
        ("que manque-t-il pour la recommandation 4 du critère 3 ?", Intent.RECOMMENDATION),
        # the SWOT's gaps are its weaknesses and threats without action
        ("quelles lacunes concernent l'analyse SWOT ?", Intent.SWOT_GAPS),
        ("qu'est-ce qui manque dans notre plan ?", Intent.GAPS),
        ("les points faibles du plan ?", Intent.GAPS),
        ("quels sont nos points faibles dans la SWOT ?", Intent.SWOT_GAPS),
    ],
)
def test_what_is_missing_where(
    demo_service: ConversationService, question: str, intent: Intent
) -> None:
    assert demo_service.ask(question).intent is intent


def test_the_gaps_tool_answers_as_the_default_mode(demo_service: ConversationService) -> None:
    text = run_tool("lacunes_du_plan", {"gravite": "critique"}, demo_service.compose, Focus())
    assert "lacunes critiques" in text and "majeures" not in text
    per_criterion = run_tool("lacunes_du_plan", {"critere": "5"}, demo_service.compose, Focus())
    (row,) = [c for c in demo_service.knowledge().audit.criteria if c.criterion == "Critère 5"]
    assert f"Pour le critère 5, l'audit relève {row.gaps} lacune" in per_criterion


def test_the_gaps_per_criterion_are_the_report_rows(demo_service: ConversationService) -> None:
    answer = demo_service.ask("lacunes par critère")
    assert answer.intent is Intent.GAPS and answer.grounded
    for row in demo_service.knowledge().audit.criteria:
        n = row.gaps
        assert f"- {row.criterion} : {n} lacune{'s' if n > 1 else ''}" in answer.text


def test_a_subject_introduced_keeps_its_gaps_a_passing_word_does_not(
    demo_service: ConversationService,
) -> None:
    knowledge = demo_service.knowledge()
    biosecurity = demo_service.ask("quelles lacunes sur la biosécurité ?")
    assert rec_id(demo_service, "c4/r2") in {c.id for c in biosecurity.citations}
    assert rec_id(demo_service, "c2/r2") not in {c.id for c in biosecurity.citations}
    # « avant la visite » names when, not what: the whole plan's gaps
    whole = demo_service.ask("Avant la visite, qu'est-ce qu'il faut corriger dans le plan ?")
    assert {g.id for g in knowledge.audit.gaps} <= {c.id for c in whole.citations}
    nothing = demo_service.ask("quelles lacunes sur le parking ?")
    assert nothing.text.startswith("Je ne trouve ni action ni recommandation sur « parking »")


def test_a_large_finding_names_a_few_actions_and_cites_them_all(
    demo_service: ConversationService,
) -> None:
    """A real plan has 86 actions without deadline in one finding: five are named, all cited."""
    from assistant.audit.findings import Finding
    from assistant.chat.answers_gaps import _finding_line
    from assistant.schema import Gap

    knowledge = demo_service.knowledge()
    actions = knowledge.main_actions[:7]
    gaps = tuple(
        Gap(id=f"gap-{n}", kind="action_without_deadline", severity=Severity.MAJOR,
            target_id=a.id, target_kind=TargetKind.ACTION, message="…")
        for n, a in enumerate(actions)
    )  # fmt: skip
    text, *cites = _finding_line(knowledge, Finding(Severity.MAJOR, gaps[0].kind, gaps))
    assert text.startswith("Action sans échéance (7 actions) entre autres : ")
    assert text.count("« ") == 5
    assert {a.id for a in actions} | {g.id for g in gaps} == set(cites)
