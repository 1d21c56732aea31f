"""Near-duplicate actions, vague collective owners, personal names as owners."""

from __future__ import annotations

from datetime import date

from audit_helpers import MakeAction

from assistant.audit.duplicates import THRESHOLD, duplicate_action, similarity, site_label
from assistant.audit.owners import looks_like_a_person, owner_is_a_person, vague_owner
from assistant.schema import Action


def test_reworded_copy_is_a_duplicate(make_action: MakeAction, as_of: date) -> None:
    first = make_action(
        "Former les maîtres de stage à l'usage de la grille d'évaluation commune des stages",
        status="À venir",
    )
    other = make_action(
        "Élaborer, avec des maîtres de stage, une grille d'évaluation des stages commune aux "
        "trois blocs"
    )
    copy = make_action(
        "Organiser une formation des maîtres de stage à l'utilisation de la grille commune "
        "d'évaluation",
        status="Réalisé",
    )
    (gap,) = duplicate_action([first, other, copy], as_of)
    assert gap.target_id == copy.id
    assert gap.evidence == [copy.source, first.source]
    assert "À venir / Réalisé" in gap.message


def test_local_variants_at_different_sites_are_not_duplicates(
    make_action: MakeAction, as_of: date
) -> None:
    text = "module d'initiation aux outils numériques durant la semaine d'accueil du B1"
    lln = make_action(f"LLN : {text}", owner="Responsable informatique")
    mons = make_action(f"MONS : {text}", owner="Facilitateur·rice numérique")
    montignies = make_action(f"MONTIGNIES : {text}", owner="Cellule d'Aide à la Réussite")
    assert duplicate_action([lln, mons, montignies], as_of) == []
    assert similarity(lln, mons) == 0


def test_same_site_same_wording_is_a_duplicate(make_action: MakeAction, as_of: date) -> None:
    text = "LLN : organisation d'ateliers de recherche de stage en B1"
    gaps = duplicate_action([make_action(text), make_action(text)], as_of)
    assert len(gaps) == 1


def test_same_wording_with_two_owners_is_reported(make_action: MakeAction, as_of: date) -> None:
    text = "Associer davantage les enseignant-e-s à la politique de recherche et de formation"
    first = make_action(text, owner="Responsable du CERSO", status="Réalisé")
    second = make_action(text, owner="Directions de département", status="En cours")
    (gap,) = duplicate_action([first, second], as_of)
    assert "avec un autre responsable" in gap.message


def test_close_but_different_actions_are_not_duplicates(
    make_action: MakeAction, as_of: date
) -> None:
    general = make_action(
        "Rédiger et communiquer un règlement général relatif aux épreuves intégrées"
    )
    specific = make_action(
        "Rédiger et communiquer un règlement spécifique relatif à l'épreuve intégrée de la section"
    )
    assert duplicate_action([general, specific], as_of) == []


def test_actions_of_two_documents_are_not_compared(make_action: MakeAction, as_of: date) -> None:
    text = "Rédiger et publier un guide du TFE"
    a = make_action(text, document_id="doc-a")
    b = make_action(text, document_id="doc-b")
    assert duplicate_action([a, b], as_of) == []


def test_site_label() -> None:
    assert site_label("LLN : Mise en place d'un tutorat") == ("lln", "Mise en place d'un tutorat")
    assert site_label("LLN Invitation des anciens")[0] == "lln"
    assert site_label("Mettre à jour les fiches UE") == (None, "Mettre à jour les fiches UE")


def test_vague_owner_cites_the_role_that_owns_the_subject(
    make_action: MakeAction, as_of: date
) -> None:
    objective = "Harmoniser l'encadrement et l'évaluation des stages"
    actions = [
        make_action(
            "Élaborer une grille d'évaluation des stages",
            owner="Responsable des stages",
            objective=objective,
        ),
        make_action(
            "Publier le calendrier des examens", owner="Secrétariat des étudiants", objective="X"
        ),
        make_action(
            "Assurer au moins une visite de stage par étudiant",
            owner="L'équipe",
            objective=objective,
        ),
    ]
    (gap,) = vague_owner(actions, as_of)
    assert gap.target_id == actions[2].id
    assert "« Responsable des stages » porte déjà des actions sur le même sujet" in gap.message


def test_vague_owner_without_a_related_role(make_action: MakeAction, as_of: date) -> None:
    actions = [
        make_action("Publier le calendrier des examens", owner="Secrétariat des étudiants"),
        make_action("Mettre en place un système de tutorat", owner="Etudiants et enseignants"),
    ]
    (gap,) = vague_owner(actions, as_of)
    assert "« Secrétariat des étudiants »" in gap.message


def test_an_owner_naming_one_precise_role_is_not_vague(
    make_action: MakeAction, as_of: date
) -> None:
    actions = [
        make_action(owner="Direction + équipe pédagogique"),
        make_action(owner="La direction"),
        make_action(owner="Enseignant-e-s du B1"),
    ]
    assert vague_owner(actions, as_of) == []


def test_owner_is_a_person(make_action: MakeAction, as_of: date) -> None:
    person = make_action(owner="Mme Dupont ; Coordination qualité")
    gaps = owner_is_a_person([person, make_action(owner="Responsable CERSO")], as_of)
    assert [g.target_id for g in gaps] == [person.id]
    assert looks_like_a_person("J. Martin")
    assert looks_like_a_person("Marie DUPONT")
    for role in ("Responsable CERSO", "Equipe CAR", "Pôle Hainuyer", "Direction de catégorie"):
        assert not looks_like_a_person(role), role


def _first_earlier_alike(actions: list[Action]) -> dict[str, str]:
    """Each repeated action → the first earlier one `similarity` finds alike, pair by pair."""
    found: dict[str, str] = {}
    for index, action in enumerate(actions):
        for earlier in actions[:index]:
            same_plan = earlier.document_id == action.document_id
            if same_plan and similarity(earlier, action) >= THRESHOLD:
                found[action.id] = earlier.id
                break
    return found


def test_all_pairs_scored_at_once_find_what_each_pair_compared_finds(
    make_action: MakeAction, as_of: date
) -> None:
    wordings = [
        "Former les maîtres de stage à l'usage de la grille d'évaluation commune des stages",
        "Organiser une formation des maîtres de stage à l'utilisation de la grille commune",
        "Rédiger un règlement général des études pour les étudiants en reprise d'études",
        "Rédiger un règlement spécifique des études pour les étudiants en reprise d'études",
        "Publier le calendrier des jurys sur Moodle avant la session de janvier",
        "Stages",
        "Former",
    ]
    sites = ("", "LLN : ", "MONS : ")
    actions = [
        make_action(f"{site}{wording}{suffix}", document_id=document)
        for suffix in ("", " en B1", " en B1.")
        for document in ("doc-a", "doc-b")
        for site in sites
        for wording in wordings
    ]
    gaps = duplicate_action(actions, as_of)
    expected = _first_earlier_alike(actions)
    assert len(expected) > 50  # many repeats, across sites, plans and short wordings
    assert {gap.target_id: gap.evidence[-1] for gap in gaps} == {
        later: next(a.source for a in actions if a.id == earlier)
        for later, earlier in expected.items()
    }
    assert [gap.target_id for gap in gaps] == [a.id for a in actions if a.id in expected]
