"""Plausibility checks: what looks wrong in a reading is said, in French (written first)."""

from __future__ import annotations

from assistant.extract.builder import ActionDraft, PlanBuilder
from assistant.extract.plausibility import check
from assistant.schema import Document, DocumentFormat, Span

_SPAN = Span(file="plan.txt", line_start=1, line_end=1, excerpt="x")


def _plan(*drafts: ActionDraft) -> PlanBuilder:
    document = Document(
        id="plan", name="plan.txt", format=DocumentFormat.TXT, sha256="0", size_bytes=1
    )
    plan = PlanBuilder(document)
    for draft in drafts:
        plan.add_action(draft)
    return plan


def _action(text: str, **fields: object) -> ActionDraft:
    return ActionDraft(text=text, source=_SPAN, **fields)  # type: ignore[arg-type]


_GOOD = [
    _action(
        "Organiser une journée d'accueil des étudiants", owner="Direction", deadline="Juin 2025"
    ),
    _action("Réviser les fiches des unités d'enseignement", owner="Conseil", deadline="2025-2026"),
    _action("Publier le plan sur l'intranet", owner="Cellule qualité", deadline="Mars 2026"),
    _action("Former les enseignants au tutorat", owner="Service pédagogique", deadline="Q1 2026"),
    _action("Créer un comité de programme", owner="Direction de catégorie", deadline="Mai 2025"),
]


def test_a_plausible_plan_gets_no_warning() -> None:
    plan = _plan(*_GOOD)
    check(plan)
    assert plan.warnings == []


def test_cells_cut_in_the_middle_of_a_phrase_are_said() -> None:
    plan = _plan(
        *_GOOD[:3],
        _action(
            "Fixer des dates intermédiaires de remise", owner="Président du", deadline="Rentrée"
        ),
        _action("Revoir le calendrier des jurys", owner="Direction de", deadline="Juin 2025"),
    )
    check(plan)
    text = " ".join(plan.warnings)
    assert "coupé" in text and "« Président du »" in text


def test_values_of_two_rows_in_one_field_are_said() -> None:
    plan = _plan(
        *_GOOD[:3],
        _action(
            "Évaluer le dispositif de tutorat",
            owner="Cellule qualité",
            deadline="Janvier 2022; Juin 2024",
        ),
        _action(
            "Ouvrir un local d'étude", owner="Service technique Septembre 2025", deadline="2025"
        ),
    )
    check(plan)
    text = " ".join(plan.warnings)
    assert "deux lignes" in text


def test_an_action_holding_two_actions_is_said() -> None:
    plan = _plan(
        *_GOOD[:3],
        _action(
            "Mettre en place un tutorat par les pairs en Bloc 1 Réviser le règlement des stages"
        ),
        _action("Créer un espace numérique pour les stages Organiser une réunion de rentrée"),
    )
    check(plan)
    assert any("deux actions" in warning for warning in plan.warnings)


def test_no_owner_at_all_is_said() -> None:
    plan = _plan(*(_action(a.text, deadline=a.deadline) for a in _GOOD))
    check(plan)
    assert any("responsable" in warning for warning in plan.warnings)


def test_codes_of_actions_coming_back_unread_after_the_plan_are_announced() -> None:
    """A second table keyed by the actions' codes (indicators) that nothing read: its
    codes stand alone on lines after the plan, and the fields they bring are missing."""
    from document_blocks import extracted, table

    from assistant.readers.base import Paragraph
    from assistant.schema import Span

    plan_table = table(
        1,
        ("Code", "Action", "Responsable", "Échéance"),
        ("A1.1", "Définir les acquis communs aux ateliers", "Collège des titulaires", "Juin 2025"),
        ("A1.2", "Publier des grilles critériées pour les jurys", "Vice-doyen", "Janvier 2026"),
        ("A2.1", "Créer un cours d'histoire contemporaine", "Département d'histoire", "2025"),
    )
    unread = [
        Paragraph(text, Span(file="plan.docx", line_start=n, line_end=n, excerpt=text))
        for n, text in enumerate(
            ["Indicateurs de suivi", "A1.1", "Référentiel adopté", "A1.2", "Part des jurys"], 10
        )
    ]
    plan = extracted(plan_table, *unread)
    assert any("reviennent plus loin" in warning for warning in plan.warnings)
    keyed = table(
        10,
        ("Code action", "Indicateur"),
        ("A1.1", "Référentiel adopté"),
        ("A1.2", "Part des jurys"),
    )
    read = extracted(plan_table, keyed)
    assert read.actions[0].indicators == ["Référentiel adopté"]
    assert not any("reviennent plus loin" in warning for warning in read.warnings)


def test_owners_missing_under_an_owned_action_in_text_are_said() -> None:
    # text keeps no merges: an owner written once over several actions leaves the others
    # with none, which the reader cannot tell from no owner at all — it says so
    owners = ["Direction", None, None, "Cellule qualité", None]
    plan = _plan(
        *(_action(a.text, owner=o, deadline=a.deadline) for a, o in zip(_GOOD, owners, strict=True))
    )
    check(plan)
    assert any("fusionnée" in warning and "3 action" in warning for warning in plan.warnings)


def test_one_owner_missing_is_no_merge() -> None:
    owners = ["Direction", None, "Conseil", "Cellule qualité", "Service"]
    plan = _plan(
        *(_action(a.text, owner=o, deadline=a.deadline) for a, o in zip(_GOOD, owners, strict=True))
    )
    check(plan)
    assert not any("fusionnée" in warning for warning in plan.warnings)
