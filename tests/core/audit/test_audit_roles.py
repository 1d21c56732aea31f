"""Owner cells split into roles; one key per role however it is written; the role catalog."""

from __future__ import annotations

import pytest
from audit_helpers import MakeAction

from assistant.audit.french import content_words
from assistant.audit.roles import (
    RoleCatalog,
    is_vague_owner,
    is_vague_role,
    role_acronyms,
    role_key,
    split_owner,
)


@pytest.mark.parametrize(
    ("owner", "roles"),
    [
        (
            "DAE + équipes de la Cellule d'Aide à la Réussite",
            ["DAE", "équipes de la Cellule d'Aide à la Réussite"],
        ),
        ("Direction et professeurs responsables", ["Direction", "professeurs responsables"]),
        ("Cellule d'Aide à la Réussite", ["Cellule d'Aide à la Réussite"]),
        (
            "Coordination qualité ; Direction de catégorie",
            ["Coordination qualité", "Direction de catégorie"],
        ),
        (
            "Pouvoir organisateur, direction, enseignant de référence",
            ["Pouvoir organisateur", "direction", "enseignant de référence"],
        ),
        ("DAE – Directions Aux Enseignements", ["DAE – Directions Aux Enseignements"]),
        ("DAE - Directions Aux Enseignements", ["DAE - Directions Aux Enseignements"]),
        (
            "Coordinateur TFE - Coordination pédagogique - Direction de Département",
            ["Coordinateur TFE", "Coordination pédagogique", "Direction de Département"],
        ),
        (
            "Collège du Département de l'Education et du Social",
            ["Collège du Département de l'Education et du Social"],
        ),
        (
            "Titulaires des cours de méthodologie du TS en B2 HJ et HD",
            ["Titulaires des cours de méthodologie du TS en B2 HJ et HD"],
        ),
        ("Equipe stages (3 responsables) + DAE", ["Equipe stages (3 responsables)", "DAE"]),
        ("Cellule d'appui pédagogique (CAP)", ["Cellule d'appui pédagogique (CAP)"]),
        ("tuteurs/tutrices", ["tuteurs/tutrices"]),
        ("Enseignants/experts responsables", ["Enseignants", "experts responsables"]),
        # a line break lost between two roles
        (
            "Coordination promotion réussite Responsable du Centre de Documentation",
            ["Coordination promotion réussite", "Responsable du Centre de Documentation"],
        ),
        ("DAE Coordination Pédagogique", ["DAE", "Coordination Pédagogique"]),
        ("Personne de référence VA", ["Personne de référence VA"]),
        ("Coordinateur·rice des TFE", ["Coordinateur·rice des TFE"]),
        (
            "Chargée de mission et responsable pédagogique de B2 Coordination pédagogique et DAE",
            [
                "Chargée de mission",
                "responsable pédagogique de B2",
                "Coordination pédagogique",
                "DAE",
            ],
        ),
        (None, []),
        ("  ", []),
    ],
)
def test_split_owner(owner: str | None, roles: list[str]) -> None:
    assert split_owner(owner) == roles


@pytest.mark.parametrize(
    "variants",
    [
        [
            "DAE",
            "DAE – Directions Aux Enseignements",
            "DAE - Directions Aux Enseignements",
            "Directions aux Enseignements",
        ],
        [
            "DD",
            "Direction de Département",
            "Directions de département",
            "DD – Direction de Département",
        ],
        ["CAP", "Cellule d'appui pédagogique (CAP)", "cellule d'appui pédagogique"],
        [
            "CAR",
            "Cellule d'Aide à la Réussite",
            "Equipe de la Cellule d'Aide à la Réussite",
            "Equipe CAR",
        ],
        [
            "Coordinateur·rice de section",
            "Coordinatrice de section",
            "coordinateurs de section",
            "Coordination de section",
        ],
        [
            "Responsable RI local",
            "Responsables RI locaux",
            "Responsable des relations internationales local",
        ],
        ["enseignant-e-s", "Enseignants", "enseignant·e·s", "les enseignantes"],
        ["Secrétariat des étudiant·e·s", "Secrétariat des étudiants"],
        ["Référent-e qualité", "Référente qualité", "Référent qualité"],
        ["coordonnateur de secteur", "Coordonnateur de secteur"],
    ],
)
def test_role_key_merges_spellings(variants: list[str]) -> None:
    assert len({role_key(v) for v in variants}) == 1, [role_key(v) for v in variants]


def test_dae_as_an_owner_is_the_direction() -> None:
    assert role_key("DAE") == "direction enseignement"
    assert role_acronyms()["DAE"] == "Direction aux enseignements"


@pytest.mark.parametrize(
    ("role", "vague"),
    [
        ("L'équipe", True),
        ("Tous les enseignants", True),
        ("les enseignants", True),
        ("équipe pédagogique", True),
        ("Professeurs de la section", True),
        ("La direction", False),
        ("Responsable des stages", False),
        ("Enseignant-e-s du B1", False),
        ("Equipe CAR", False),
    ],
)
def test_vague_roles(role: str, vague: bool) -> None:
    assert is_vague_role(role) is vague


def test_an_owner_is_vague_only_if_all_its_roles_are() -> None:
    assert is_vague_owner("Etudiants et enseignants")
    assert not is_vague_owner("Direction + équipe pédagogique")
    assert not is_vague_owner(None)


def test_catalog_counts_actions_and_keeps_the_usual_label(make_action: MakeAction) -> None:
    actions = [
        make_action(owner="DAE"),
        make_action(owner="DAE + Coordination pédagogique"),
        make_action(owner="DAE – Directions Aux Enseignements"),
        make_action(owner="L'équipe"),
    ]
    catalog = RoleCatalog.from_actions(actions)
    assert len(catalog) == 3
    direction = catalog.get(role_key("DAE"))
    assert direction is not None
    assert direction.label == "DAE"
    assert direction.action_ids == [a.id for a in actions[:3]]
    assert [e.label for e in catalog.precise()] == ["DAE", "Coordination pédagogique"]
    assert [e.label for e in catalog.roles_of("Coordination pédagogique + DAE")] == [
        "Coordination pédagogique",
        "DAE",
    ]


def test_remembered_splits_and_acronyms_are_not_shared_with_callers() -> None:
    # split_owner, content_words and role_acronyms are cached per text: a caller that
    # edits what it got back must not change what the next caller gets.
    roles = split_owner("DAE + Responsable des stages")
    roles.append("Intrus")
    assert split_owner("DAE + Responsable des stages") == ["DAE", "Responsable des stages"]
    words = content_words("Organiser une visite de stage")
    words.clear()
    assert content_words("Organiser une visite de stage") == ["organiser", "visite", "stage"]
    role_acronyms()["DAE"] = "Intrus"
    assert role_acronyms()["DAE"] != "Intrus"
    assert role_key("DAE") == role_key("Directions aux enseignements")
