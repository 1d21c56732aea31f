"""« Qu'est-ce qui a changé depuis la dernière version ? »: a clear answer without versions,
and, once a revised plan (and a later cycle's report) is imported over the stored one, each
change cited — the current actions by their ids, the removed ones in the version that held
them — from the same comparison the audit report shows."""

from __future__ import annotations

import pytest
from chat_helpers import CORPUS, DEMO_FILES, make_service

from assistant.chat.formatting import numbered
from assistant.chat.history import asked_aspects
from assistant.chat.service import ConversationService
from assistant.ingest import ingest_files
from assistant.schema.chat import Intent
from assistant.settings import Settings
from assistant.store import Workspace

_EARLIER_ACTION = (
    "| C4-R3 | Organiser une journée portes ouvertes des laboratoires pour les futurs "
    "étudiants | Direction de catégorie | mars 2025 | Nombre de visiteurs | À venir | * |"
)
_EARLIER_REPORT = """# Rapport d'évaluation — cycle précédent

## Critère 1 : Politique de qualité

### Recommandations

**Recommandation 1** : Formaliser le pilotage qualité de la section en créant une commission qualité réunissant enseignants, étudiants et personnel technique.

**Recommandation 2** : Rédiger une charte graphique commune pour les supports de cours.
"""


def _earlier_plan() -> str:
    """The demo plan as it was before: one action less, one more, a status and a deadline
    moved (the test's own revision, not the eval's)."""
    lines = []
    for line in (CORPUS / "plan-action.md").read_text("utf-8").splitlines():
        if "Développer un tutorat par les pairs" in line:
            continue  # added since
        if "Établir un plan pluriannuel de renouvellement" in line:
            line = line.replace("| Reporté |", "| En cours |")
        if "Rédiger une procédure d'aménagements raisonnables" in line:
            line = line.replace("| juin 2028 |", "| juin 2026 |")
        lines.append(line)
        if "Ouvrir une permanence hebdomadaire" in line:
            lines.append(_EARLIER_ACTION)  # removed since
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def versions_service(tmp_path_factory: pytest.TempPathFactory) -> ConversationService:
    earlier = tmp_path_factory.mktemp("earlier")
    (earlier / "plan-action.md").write_text(_earlier_plan(), "utf-8")
    (earlier / "rapport-experts.md").write_text(_EARLIER_REPORT, "utf-8")
    workspace = Workspace.open(tmp_path_factory.mktemp("versions") / "ws", Settings())
    ingest_files(workspace, [earlier / "rapport-experts.md", earlier / "plan-action.md"])
    ingest_files(workspace, DEMO_FILES)
    service = make_service(workspace)
    service.warm_up()
    return service


def test_without_versions_the_answer_says_so(demo_service: ConversationService) -> None:
    answer = demo_service.ask("qu'est-ce qui a changé depuis la dernière version ?")
    assert answer.intent is Intent.HISTORY and answer.grounded
    assert "Je ne trouve aucune version précédente de « plan-action.md »" in answer.text
    assert not answer.citations
    report = demo_service.ask("qu'est-ce qui a changé depuis le dernier rapport ?")
    assert "aucune version précédente de « rapport-experts.md »" in report.text


def test_every_change_since_the_previous_version_is_cited(
    versions_service: ConversationService,
) -> None:
    answer = versions_service.ask("qu'est-ce qui a changé depuis la version précédente du plan ?")
    assert answer.intent is Intent.HISTORY and answer.grounded, answer.warnings
    text = numbered(answer)
    assert "1 action ajoutée" in text and "tutorat par les pairs" in text
    assert "1 action retirée" in text and "journée portes ouvertes" in text
    assert "état « En cours » → « Reporté »" in text
    assert "échéance « juin 2026 » → « juin 2028 »" in text
    # the removed action is cited in the version that held it, where it is written
    removed = next(c for c in answer.citations if "portes ouvertes" in c.quote)
    assert removed.kind == "action" and removed.document == "plan-action.md (version 1)"
    assert removed.span is not None and "plan-action.md (version 1)" in text
    current = versions_service.knowledge().actions
    tutoring = next(c for c in answer.citations if "tutorat" in c.quote)
    assert tutoring.id in current


def test_one_side_of_the_changes_is_answered_alone(versions_service: ConversationService) -> None:
    removed = versions_service.ask("quelles actions ont été retirées du plan ?")
    assert removed.intent is Intent.HISTORY and removed.grounded
    assert "portes ouvertes" in removed.text and "tutorat" not in removed.text
    added = versions_service.ask("quelles nouvelles actions depuis l'ancienne version ?")
    assert "tutorat" in added.text and "portes ouvertes" not in added.text
    none = versions_service.ask("quelles actions ont été reformulées depuis la dernière version ?")
    assert "Je ne trouve aucune action reformulée" in none.text and none.grounded


def test_a_later_cycle_report_names_the_recommendations_that_come_back(
    versions_service: ConversationService,
) -> None:
    answer = versions_service.ask("qu'est-ce qui a changé depuis le dernier rapport ?")
    assert answer.grounded, answer.warnings
    assert "1 recommandation du nouveau rapport revient du rapport précédent" in answer.text
    assert "Critère 1, Recommandation 1 reprend" in answer.text
    assert "pourtant marquée" in answer.text and "commission qualité" in answer.text
    kinds = {(c.kind, c.document) for c in answer.citations}
    assert ("recommendation", "rapport-experts.md (version 1)") in kinds


@pytest.mark.parametrize(
    ("question", "aspects"),
    [
        ("quelles actions ont été ajoutées ?", {"added"}),
        ("qu'est-ce qui a changé dans la nouvelle version du plan ?", set()),
        ("des échéances repoussées ?", {"deadline"}),
        ("quelles recommandations reviennent dans le nouveau rapport ?", {"report"}),
    ],
)
def test_what_a_question_about_changes_asks_for(question: str, aspects: set[str]) -> None:
    assert asked_aspects(question) == aspects
