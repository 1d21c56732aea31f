"""Flattened tables without anchors: cells re-cut by what they hold, in the header's order."""

from __future__ import annotations

from pathlib import Path

from assistant.parsing import parse_file
from assistant.settings import Settings


def _plan(tmp_path: Path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings())


# What `pdftotext -raw` gives for a ruled table: each row's cells one after the other, a
# cell's wrapped lines in a row, two cells sometimes on one line.
RAW = """Plan d'action de la section
N
°
Que faire ? Qui ? Quand ? Comment mesurer
?
1 Proposer aux étudiants de Bloc 1 un
atelier de prise de parole en classe
Maîtres-assistants
de français
Octobre
2024
Nombre d'ateliers
donnés
2 Observer des classes multiâges lors
des stages de Bloc 2
Coordination des stages
2024-2025 Rapports
d'observation
déposés
3 Mettre en commun une banque de
préparations de leçons commentées
Équipe des
didacticiens
Juin 2025 Nombre de
préparations
partagées
"""


def test_raw_text_of_a_table_is_read_row_by_row(tmp_path: Path) -> None:
    plan = _plan(tmp_path, RAW)
    assert [(a.text, a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Proposer aux étudiants de Bloc 1 un atelier de prise de parole en classe",
         "Maîtres-assistants de français", "Octobre 2024", ["Nombre d'ateliers donnés"]),
        ("Observer des classes multiâges lors des stages de Bloc 2",
         "Coordination des stages", "2024-2025", ["Rapports d'observation déposés"]),
        ("Mettre en commun une banque de préparations de leçons commentées",
         "Équipe des didacticiens", "Juin 2025", ["Nombre de préparations partagées"]),
    ]  # fmt: skip
    assert plan.structure.readers[0] == "flattened_rows"
    assert any("aplati" in warning for warning in plan.warnings)


# A flattened table whose rows open with a criterion and a reference, whose titles wrap over
# several lines, and whose status closes the indicator's line.
CITED = """Plan de suivi
Critère
du référentiel
Référence du
rapport
Mesure Organe Terme Indicateurs de suivi État
Critère 2.1 C2-R3 Ouvrir une permanence d'orientation
pour les étudiants de Bloc 1
Service d'aide à la réussite Mars 2026 Nombre d'étudiants reçus Réalisé
Critère 4 Recommandations principales n°1 et n°2
(synthèse)
Publier chaque année le bilan
du plan de suivi
Commission qualité Juin 2026 Bilan publié En cours
"""

# A timeline: periods as column titles, one piece a line, and marks under them.
TIMELINE = """Plan et calendrier
Action Porteur Indicateur Calendrier
S1
2026
S2
2026
S1
2027
Revoir les grilles d'évaluation
des stages
Coordination des stages
Grilles révisées X X
Créer un espace de travail
collaboratif en bibliothèque
Direction Espace ouvert X
"""


def test_leading_references_wrapped_titles_and_a_closing_status(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CITED)
    assert [(a.text, a.owner, a.deadline, a.indicators, a.status) for a in plan.actions] == [
        (
            "Ouvrir une permanence d'orientation pour les étudiants de Bloc 1",
            "Service d'aide à la réussite",
            "Mars 2026",
            ["Nombre d'étudiants reçus"],
            "Réalisé",
        ),
        (
            "Publier chaque année le bilan du plan de suivi",
            "Commission qualité",
            "Juin 2026",
            ["Bilan publié"],
            "En cours",
        ),
    ]
    refs = {r.id: r.ref for r in plan.recommendations}
    cited = [[refs[link.recommendation_id] for link in a.links] for a in plan.actions]
    assert cited[0] == ["C2-R3"]  # the criterion is not a recommendation
    assert len(cited[1]) == 2  # « n°1 et n°2 »: two recommendations


def test_a_timeline_header_and_its_marks_are_not_cells_of_the_actions(tmp_path: Path) -> None:
    plan = _plan(tmp_path, TIMELINE)
    assert [(a.text, a.owner, a.indicators) for a in plan.actions] == [
        (
            "Revoir les grilles d'évaluation des stages",
            "Coordination des stages",
            ["Grilles révisées"],
        ),
        (
            "Créer un espace de travail collaboratif en bibliothèque",
            "Direction",
            ["Espace ouvert"],
        ),
    ]
    assert all(a.deadline is None for a in plan.actions)  # marks without their periods
    # the user is told why the deadlines are missing and where to find them
    assert any(
        "croix" in warning and "périodes" in warning and "échéance" in warning
        for warning in plan.warnings
    ), plan.warnings


# Headings between the rows and the header repeated under each: the rows keep the headings
# they are under, and the reading that cuts at statuses loses to the one that reads cells.
SECTIONS = """Plan de développement
Axe 1 : Vie étudiante
Objectif 1.1 : Mieux accueillir
Action Pilote Échéance Indicateurs État
Organiser une journée
d'accueil des nouveaux étudiants
Service social
Septembre
2026
Taux de participation Réalisé
Objectif 1.2 : Mieux informer
Action Pilote Échéance Indicateurs État
Publier un guide de l'étudiant
en ligne
Secrétariat des études 2026-2027 Guide publié En cours
Axe 2 : Ouverture
Action Pilote Échéance Indicateurs État
Signer deux accords Erasmus
avec des écoles partenaires
Bureau des relations
internationales
Juin 2027 Accords signés Non entamé
"""


def test_headings_between_rows_and_repeated_headers(tmp_path: Path) -> None:
    plan = _plan(tmp_path, SECTIONS)
    assert [(a.text, a.axis, a.objective, a.owner, a.deadline, a.status) for a in plan.actions] == [
        (
            "Organiser une journée d'accueil des nouveaux étudiants",
            "Axe 1 : Vie étudiante",
            "Objectif 1.1 : Mieux accueillir",
            "Service social",
            "Septembre 2026",
            "Réalisé",
        ),
        (
            "Publier un guide de l'étudiant en ligne",
            "Axe 1 : Vie étudiante",
            "Objectif 1.2 : Mieux informer",
            "Secrétariat des études",
            "2026-2027",
            "En cours",
        ),
        (
            "Signer deux accords Erasmus avec des écoles partenaires",
            "Axe 2 : Ouverture",
            None,
            "Bureau des relations internationales",
            "Juin 2027",
            "Non entamé",
        ),
    ]
    assert any("aplati" in warning for warning in plan.warnings)  # announced, to check


# `pdftotext -raw` of a table with a criterion column beside a recommendation column: the
# first lines of the criterion, reference and owner cells come out on one line.
CRITERION_BESIDE_REFERENCES = """Plan d'amélioration
Action Critère Réf. rapport Responsable Échéance Indicateur
Réécrire le guide du mémoire
de fin d'études
Critère 3 R2 et R5 Jury des
mémoires
Juin 2026 Guide publié
Ouvrir un tutorat entre
étudiants de master
C1 R1 Service d'aide
à la réussite
Octobre 2025 Nombre de tuteurs
"""


def test_a_criterion_column_beside_the_references_stays_the_criterion(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CRITERION_BESIDE_REFERENCES)
    keys = {r.id: r.key for r in plan.recommendations}
    assert [
        (a.text, a.criterion, [keys[link.recommendation_id] for link in a.links], a.owner)
        for a in plan.actions
    ] == [
        ("Réécrire le guide du mémoire de fin d'études", "Critère 3", ["r2", "r5"],
         "Jury des mémoires"),
        ("Ouvrir un tutorat entre étudiants de master", "Critère 1", ["r1"],
         "Service d'aide à la réussite"),
    ]  # fmt: skip


# Narrow columns cut words without a hyphen (« académiqu / e ») or at a hyphen (« techno- /
# pédagogique »); `pdftotext -raw` prints each piece on its own line.
CUT_WORDS = """Plan de suivi
Action Porteur Échéance Indicateur
Former les assistants à la
classe inversée
Cellule techno-
pédagogique
Rentrée
académiqu
e 2026
Nombre de
personnes
formées
Publier un guide des
stages en entreprise
Coordination des stages Juin 2027 Guide publié
"""


def test_words_cut_by_a_narrow_column_are_joined_back(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CUT_WORDS)
    assert [(a.owner, a.deadline) for a in plan.actions] == [
        ("Cellule techno-pédagogique", "Rentrée académique 2026"),
        ("Coordination des stages", "Juin 2027"),
    ]


# Columns a TAB kept apart in Word come out of `pdftotext -raw` as one line a row, the cells
# separated by a single space: each line is cut where the header's next column begins.
ONE_LINE_ROWS = """Plan de la section informatique
Action Responsable Échéance Statut
Moderniser le parc de la salle réseau Service informatique 2025-2026 En cours
Inviter des développeurs en Bloc 3 Coordinatrice des stages Printemps 2026 Réalisé
Publier les fiches UE en anglais Direction de département Q3 2025 Non entamé
"""


def test_a_row_printed_on_one_line_is_cut_in_the_header_order(tmp_path: Path) -> None:
    plan = _plan(tmp_path, ONE_LINE_ROWS)
    assert [(a.text, a.owner, a.deadline, a.status) for a in plan.actions] == [
        ("Moderniser le parc de la salle réseau", "Service informatique", "2025-2026", "En cours"),
        ("Inviter des développeurs en Bloc 3", "Coordinatrice des stages", "Printemps 2026",
         "Réalisé"),
        ("Publier les fiches UE en anglais", "Direction de département", "Q3 2025", "Non entamé"),
    ]  # fmt: skip


# A header whose titles wrap over several lines in `pdftotext -raw`, one of them completed by
# a date (« Situation au / 31/12/2025 »): every title is a column, the date is no cell.
WRAPPED_HEADER = """Suivi du plan
Réf. Action Porteur Échéance
prévue
Situation au
31/12/2025
Remarque
Critère 2,
Recommandation 1
Ouvrir un local de travail pour les
étudiants de master
Service logistique Mars 2025 Réalisé Local ouvert en mars.
Critère 3,
Recommandation 2
Publier les résultats des enquêtes
Cellule qualité Juin 2025 En cours Premier rapport publié.
"""


def test_a_header_wrapped_over_lines_names_every_column(tmp_path: Path) -> None:
    plan = _plan(tmp_path, WRAPPED_HEADER)
    keys = {r.id: r.key for r in plan.recommendations}
    assert [
        (a.text, a.owner, a.deadline, a.status, [keys[link.recommendation_id] for link in a.links])
        for a in plan.actions
    ] == [
        ("Ouvrir un local de travail pour les étudiants de master", "Service logistique",
         "Mars 2025", "Réalisé", ["c2/r1"]),
        ("Publier les résultats des enquêtes", "Cellule qualité", "Juin 2025", "En cours",
         ["c3/r2"]),
    ]  # fmt: skip


# A Word table saved as text (LibreOffice « Texte »): one cell a line, the row's number alone
# on its line, an empty cell an empty line.
CELL_PER_LINE = """Plan d'amélioration
N°
Quoi ?
Qui ?
Pour quand ?
Indicateur
1
Créer une charte de l'évaluation continue
Conseil pédagogique
Juin 2026
Charte adoptée
2
Organiser des permanences d'aide au mémoire
Bibliothèque

Nombre de permanences
3
Publier les grilles d'évaluation des stages
Coordination des stages
Septembre 2026
Grilles en ligne
"""


def test_a_table_saved_as_text_one_cell_a_line(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CELL_PER_LINE)
    assert [(a.text, a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Créer une charte de l'évaluation continue", "Conseil pédagogique", "Juin 2026",
         ["Charte adoptée"]),
        ("Organiser des permanences d'aide au mémoire", "Bibliothèque", None,
         ["Nombre de permanences"]),
        ("Publier les grilles d'évaluation des stages", "Coordination des stages",
         "Septembre 2026", ["Grilles en ligne"]),
    ]  # fmt: skip


# A two-level header flattened: group titles on the first line, the titles under them on
# the next (« Responsables » over « Porteur / Partenaires », « Dates » over « Début / Fin »).
GROUPED_HEADER = """Plan de suivi de la section
N° Mesure Responsables Dates Avancement
Porteur Partenaires Début Fin Situation au
31/03/2026
1 Réécrire le règlement des études
Directrice des études
Délégués étudiants Sept. 2025 Mars 2026 Réalisé
2 Ouvrir une permanence d'accueil
Service social
Tuteurs Oct. 2025 Juin 2026 En cours
3 Publier le calendrier des examens
Secrétariat
Conseil étudiant Janv. 2026 Févr. 2026 Réalisé
"""


def test_titles_under_grouped_titles_are_the_columns(tmp_path: Path) -> None:
    plan = _plan(tmp_path, GROUPED_HEADER)
    assert [(a.text, a.owner, a.deadline, a.status) for a in plan.actions] == [
        ("Réécrire le règlement des études", "Directrice des études", "Mars 2026", "Réalisé"),
        ("Ouvrir une permanence d'accueil", "Service social", "Juin 2026", "En cours"),
        ("Publier le calendrier des examens", "Secrétariat", "Févr. 2026", "Réalisé"),
    ]


def test_a_first_cell_waiting_for_its_number_is_not_a_title(tmp_path: Path) -> None:
    text = (
        "Suivi du plan\n"
        "Recommandation Action Responsable Échéance\n"
        "Recommandation n°\n1\nOuvrir un guichet unique\nSecrétariat\nJuin 2026\n"
        "Recommandation n°\n2\nPublier les horaires en ligne\nService communication\nMai 2026\n"
    )
    plan = _plan(tmp_path, text)
    keys = {r.id: r.key for r in plan.recommendations}
    assert [
        (a.text, a.owner, a.deadline, [keys[link.recommendation_id] for link in a.links])
        for a in plan.actions
    ] == [
        ("Ouvrir un guichet unique", "Secrétariat", "Juin 2026", ["r1"]),
        ("Publier les horaires en ligne", "Service communication", "Mai 2026", ["r2"]),
    ]


# Recommendations printed across the table (band rows), wrapped, the actions under each.
BAND_ROWS = """Plan d'action
N° Action Porteur Échéance
Recommandation 1 — Mieux accueillir les étudiants de première année dans tous les
programmes
1.1 Créer un parrainage
par les étudiants de bloc 2
Délégués étudiants
Septembre 2026
1.2 Ouvrir une permanence d'accueil
Secrétariat
Octobre 2026
Recommandation 2 — Suivre l'insertion des diplômés
Actions prévues :
2.1 Lancer une enquête annuelle
Cellule qualité
Juin 2027
"""


def test_recommendations_across_the_table_place_the_actions_below(tmp_path: Path) -> None:
    plan = _plan(tmp_path, BAND_ROWS)
    keys = {r.id: r.key for r in plan.recommendations}
    texts = {r.key: r.text for r in plan.recommendations}
    assert [
        (a.text, a.owner, a.deadline, [keys[link.recommendation_id] for link in a.links])
        for a in plan.actions
    ] == [
        ("Créer un parrainage par les étudiants de bloc 2", "Délégués étudiants",
         "Septembre 2026", ["r1"]),
        ("Ouvrir une permanence d'accueil", "Secrétariat", "Octobre 2026", ["r1"]),
        ("Lancer une enquête annuelle", "Cellule qualité", "Juin 2027", ["r2"]),
    ]  # fmt: skip
    assert texts["r1"] == (
        "Mieux accueillir les étudiants de première année dans tous les programmes"
    )


def test_a_recommendation_defined_in_prose_keeps_its_numbered_list(tmp_path: Path) -> None:
    text = (
        "Avis du comité sur le programme\n"
        "Recommandation 3 : Le comité recommande de :\n"
        "1. Revoir les fiches des unités d'enseignement ;\n"
        "2. Publier les grilles d'évaluation.\n"
    )
    path = tmp_path / "rapport.txt"
    path.write_text(text, encoding="utf-8")
    plan = parse_file(path, Settings())
    assert [r.text for r in plan.recommendations] == [
        "Le comité recommande de : 1. Revoir les fiches des unités d'enseignement ; "
        "2. Publier les grilles d'évaluation."
    ]


# Rows keyed by action codes (« B2.1 »: objective 2, action 1) under a « Code » title.
CODED = """Plan de la section de biologie
Code Action Porteur Échéance Réf. recommandation
B1.1 Harmoniser les consignes des
rapports de laboratoire
Équipe des
travaux pratiques
Mai 2025 Reco 2
B1.2 Ouvrir une permanence d'aide
en statistique
Service d'aide à la
réussite
Octobre
2025
Reco 4
B2.1 Réviser les fiches des unités
du bloc 3
Conseil des études
Juin 2026 Reco 1 et 4
"""


def test_rows_keyed_by_action_codes(tmp_path: Path) -> None:
    plan = _plan(tmp_path, CODED)
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Harmoniser les consignes des rapports de laboratoire",
         "Équipe des travaux pratiques", "Mai 2025"),
        ("Ouvrir une permanence d'aide en statistique",
         "Service d'aide à la réussite", "Octobre 2025"),
        ("Réviser les fiches des unités du bloc 3", "Conseil des études", "Juin 2026"),
    ]  # fmt: skip
    keys = {r.id: r.key for r in plan.recommendations}
    assert [[keys[link.recommendation_id] for link in a.links] for a in plan.actions] == [
        ["r2"],
        ["r4"],
        ["r1", "r4"],
    ]


# One row per objective: its actions, deadlines and indicators are bullets at the same
# positions in their cells, the owner is shared (`pdftotext -raw` of such a table).
BULLETED = """Plan d'action de la section
Objectif Actions Responsable Échéances Indicateurs
Mieux accueillir les étudiants
de première année
• Organiser une journée
d'accueil par implantation
• Désigner un parrain par
groupe de travaux pratiques
Service d'aide à la
réussite
• Septembre 2025
• Octobre 2025
• Taux de participation
• Nombre de parrains
Renforcer les liens avec les
employeurs
• Réunir un comité
d'employeurs chaque année
• Publier une enquête sur
l'insertion des diplômés
Direction de catégorie
• 2025-2026
• Juin 2026
• Procès-verbaux des réunions
• Enquête publiée
"""


def test_bulleted_actions_in_a_flattened_row_are_actions_of_their_objective(
    tmp_path: Path,
) -> None:
    plan = _plan(tmp_path, BULLETED)
    assert [(a.text, a.objective, a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Organiser une journée d'accueil par implantation",
         "Mieux accueillir les étudiants de première année", "Service d'aide à la réussite",
         "Septembre 2025", ["Taux de participation"]),
        ("Désigner un parrain par groupe de travaux pratiques",
         "Mieux accueillir les étudiants de première année", "Service d'aide à la réussite",
         "Octobre 2025", ["Nombre de parrains"]),
        ("Réunir un comité d'employeurs chaque année",
         "Renforcer les liens avec les employeurs", "Direction de catégorie",
         "2025-2026", ["Procès-verbaux des réunions"]),
        ("Publier une enquête sur l'insertion des diplômés",
         "Renforcer les liens avec les employeurs", "Direction de catégorie",
         "Juin 2026", ["Enquête publiée"]),
    ]  # fmt: skip


def test_a_period_wrapped_before_its_year_is_one_deadline(tmp_path: Path) -> None:
    text = """Plan de suivi
Action Pilote Échéance Indicateur Où en est-on ?
Revoir les fiches des unités
de bloc 2
Conseil pédagogique
2e quadrimestre
2025-2026
Fiches publiées
En cours
Ouvrir un lieu de stage
en santé mentale
Coordinatrice des
stages
Premier semestre
2026
Convention signée
Pas commencé
"""
    plan = _plan(tmp_path, text)
    assert [(a.owner, a.deadline, a.status) for a in plan.actions] == [
        ("Conseil pédagogique", "2e quadrimestre 2025-2026", "En cours"),
        ("Coordinatrice des stages", "Premier semestre 2026", "Pas commencé"),
    ]


# Objectives, the bodies responsible, then the objective's numbered actions in one cell,
# each with its deadline after « : » (`pdftotext -raw` of such a table).
NUMBERED_ITEMS = """Plan d'action
Objectifs Instances
responsables
Actions
Améliorer l'accueil des
étudiants
Service social
Délégués étudiants
1. Ouvrir une permanence sociale par
implantation : septembre 2025
2. Publier un guide d'accueil : octobre 2025
Renforcer les stages
Coordination des stages
3. Signer des conventions avec les hôpitaux
partenaires : juin 2026
4. Former les maîtres de stage : mars 2026
Calendrier de mise en œuvre
Numéros des actions prévues et réalisées, mois par mois.
Mois Actions prévues Actions réalisées
Septembre 2025 1 1
Octobre 2025 2 —
Mars 2026 4 —
"""


def test_numbered_actions_in_one_cell_after_their_objective_and_bodies(tmp_path: Path) -> None:
    plan = _plan(tmp_path, NUMBERED_ITEMS)
    assert [(a.text, a.objective, a.owner, a.deadline) for a in plan.actions] == [
        ("Ouvrir une permanence sociale par implantation", "Améliorer l'accueil des étudiants",
         "Service social; Délégués étudiants", "septembre 2025"),
        ("Publier un guide d'accueil", "Améliorer l'accueil des étudiants",
         "Service social; Délégués étudiants", "octobre 2025"),
        ("Signer des conventions avec les hôpitaux partenaires", "Renforcer les stages",
         "Coordination des stages", "juin 2026"),
        ("Former les maîtres de stage", "Renforcer les stages", "Coordination des stages",
         "mars 2026"),
    ]  # fmt: skip


def test_a_title_dated_in_the_header_is_a_title(tmp_path: Path) -> None:
    # « État au 30/06/2025 » names the status column at a date: a title, not a first cell
    text = """Point d'étape du plan
Réf.
Action
Responsable
Échéance initiale
État de réalisation au 30/06/2025
Commentaire
Critère 1, Recommandation 1
Désigner un responsable qualité par finalité
Direction de l'école
Septembre 2022
Réalisé
Trois responsables désignés.
Critère 2, Recommandation 2
Créer un conseil industriel consultatif
Direction de l'école
Juin 2023
En cours
Deux réunions tenues.
Critère 3, Recommandation 1
Ouvrir un laboratoire de mesure partagé
Service technique
2024-2025
Pas commencé
Budget demandé.
"""
    plan = _plan(tmp_path, text)
    assert [(a.text, a.deadline, a.status) for a in plan.actions] == [
        ("Désigner un responsable qualité par finalité", "Septembre 2022", "Réalisé"),
        ("Créer un conseil industriel consultatif", "Juin 2023", "En cours"),
        ("Ouvrir un laboratoire de mesure partagé", "2024-2025", "Pas commencé"),
    ]


def test_a_reference_and_a_month_wrapped_before_their_numbers(tmp_path: Path) -> None:
    # « Critère 1, / Recommandation / 1 »: the number the reference waits for; « Direction
    # de l'école Septembre / 2022 »: the owner, then the month waiting for its year
    text = """Suivi du plan
Réf. Action Responsable Échéance État
Critère 1,
Recommandation
1
Désigner un responsable qualité par
finalité du master
Direction de l'école Septembre
2022
Réalisé
Critère 2,
Recommandation
3
Créer un conseil industriel consultatif
Service qualité Juin
2023
En cours
Critère 3,
Recommandation
2
Ouvrir un laboratoire partagé
Service technique 2024-2025
Pas commencé
"""
    plan = _plan(tmp_path, text)
    keys = {r.id: r.key for r in plan.recommendations}
    assert [
        (a.text, a.owner, a.deadline, [keys[link.recommendation_id] for link in a.links])
        for a in plan.actions
    ] == [
        ("Désigner un responsable qualité par finalité du master", "Direction de l'école",
         "Septembre 2022", ["c1/r1"]),
        ("Créer un conseil industriel consultatif", "Service qualité", "Juin 2023", ["c2/r3"]),
        ("Ouvrir un laboratoire partagé", "Service technique", "2024-2025", ["c3/r2"]),
    ]  # fmt: skip


def _lines(*texts: str) -> list:
    from assistant.extract.stream import Line
    from assistant.schema import Span

    return [
        Line(t, t, Span(file="plan.txt", line_start=1, line_end=1, excerpt=t), 0) for t in texts
    ]


def test_titles_qualified_by_an_adjective_and_a_number_sign_cut_narrow() -> None:
    from assistant.extract.flat_headers import flat_header
    from assistant.extract.vocabulary import Column

    header = flat_header(
        _lines(
            "N",
            "°",
            "Axe stratégique Objectif",
            "opérationnel",
            "Action Pilote Échéance",
            "01 Axe A",
        )
    )
    assert header == (
        [
            Column.IGNORED,
            Column.AXIS,
            Column.OBJECTIVE,
            Column.ACTION,
            Column.OWNER,
            Column.DEADLINE,
        ],
        5,
    )


# A plan of two tables: the actions with the recommendations they answer, then their
# planning keyed by the action's number (« Action n° »), under the next section's heading.
TWO_TABLES = """Plan d'amélioration
1. Actions retenues
N° Recommandation du
rapport
Action
1 Recommandation 1 Introduire un séminaire de méthodologie en bloc 2
2 Recommandations 1 et 2 Accompagner la rédaction du mémoire par des ateliers
3 Recommandation 2 Publier un calendrier des étapes du mémoire
2. Planification et suivi
Les actions sont reprises par leur numéro.
Action
n°
Responsable Échéance Indicateur
1 Président de la commission Septembre 2025 Séminaire inscrit au programme
2 Centre de didactique de l'écrit Février 2026 Nombre d'ateliers par an
3 Secrétariat du département Juin 2025 Calendrier publié
"""


def test_a_table_of_recommendations_and_actions_then_its_planning(tmp_path: Path) -> None:
    plan = _plan(tmp_path, TWO_TABLES)
    keys = {r.id: r.key for r in plan.recommendations}
    assert [(a.text, [keys[link.recommendation_id] for link in a.links]) for a in plan.actions] == [
        ("Introduire un séminaire de méthodologie en bloc 2", ["r1"]),
        ("Accompagner la rédaction du mémoire par des ateliers", ["r1", "r2"]),
        ("Publier un calendrier des étapes du mémoire", ["r2"]),
    ]


# One table per owner, named above it (« Porteur : … »), no owner column; a title cut by
# a narrow column without a hyphen (« Recomman » / « dation »).
BY_OWNER = """Plan d'action par porteur
Porteur : Direction de département
Action Recomman
dation
Échéance Indicateur
Recruter un maître-assistant en
cybersécurité
Rec. 2 Septembre
2025
Poste pourvu
Ouvrir un laboratoire de réseaux Rec. 1 2025-2026 Laboratoire équipé
Porteur : Coordination qualité
Action Recomman
dation
Échéance Indicateur
Généraliser l'évaluation des
enseignements
Rec. 4 Janvier
2026
Taux d'UE évaluées
Publier les résultats des évaluations Rec. 4 Juin 2026 Synthèse publiée
"""


def test_an_owner_named_above_each_table_and_a_title_cut_in_two(tmp_path: Path) -> None:
    plan = _plan(tmp_path, BY_OWNER)
    assert [(a.text, a.owner) for a in plan.actions] == [
        ("Recruter un maître-assistant en cybersécurité", "Direction de département"),
        ("Ouvrir un laboratoire de réseaux", "Direction de département"),
        ("Généraliser l'évaluation des enseignements", "Coordination qualité"),
        ("Publier les résultats des évaluations", "Coordination qualité"),
    ]
    assert [a.deadline for a in plan.actions][::2] == ["Septembre 2025", "Janvier 2026"]
    assert all(a.links for a in plan.actions)


# `pdftotext -raw` of a table whose reference and objective cells are merged down over the
# rows of their actions: the objective, worded as an action, prints as a cell of its own
# before the first action, alone, with nothing of an action's fields after it.
MERGED_OBJECTIVES = """Plan d'amélioration de la section
Réf. Objectif Action Porteur Échéance Indicateur
Recommandation 1
Améliorer l'accueil
des étudiants
Ouvrir une permanence d'orientation
en septembre
Service social
Septembre 2025 Nombre de
rendez-vous
Publier un guide de la
première année
Cellule pédagogique
Juin 2025 Guide publié
Recommandation 2
Renforcer les stages
Revoir les grilles d'évaluation
des stages
Coordination des stages
2025-2026 Grilles adoptées
Réunir les maîtres de stage
une fois par an
Coordination des stages
Mai 2026 Compte rendu
"""


def test_an_objective_merged_down_over_its_actions_is_their_objective(tmp_path: Path) -> None:
    plan = _plan(tmp_path, MERGED_OBJECTIVES)
    refs = {r.id: r.key for r in plan.recommendations}
    assert [
        (a.text, a.objective, [refs[link.recommendation_id] for link in a.links])
        for a in plan.actions
    ] == [
        ("Ouvrir une permanence d'orientation en septembre", "Améliorer l'accueil des étudiants", ["r1"]),
        ("Publier un guide de la première année", "Améliorer l'accueil des étudiants", ["r1"]),
        ("Revoir les grilles d'évaluation des stages", "Renforcer les stages", ["r2"]),
        ("Réunir les maîtres de stage une fois par an", "Renforcer les stages", ["r2"]),
    ]  # fmt: skip
    assert plan.actions[0].owner == "Service social"


# A weakness stated once over the actions that answer it, then each action's cost and the
# partners it needs: money and « Aucun coût » are no field of the action, and a sum's
# thousands (« 12 000 € ») are not the number of the next row.
COSTED = """Plan d'amélioration du bachelier en soins infirmiers
Constat de l'autoévaluation Action Porteur Échéance Coût estimé Partenaires
Peu de pratique en simulation
avant le premier stage
Équiper une salle de simulation
avec deux mannequins haute fidélité
Direction de la catégorie
Mars 2026 12 000 € (subside
FSE)
CHU de Liège
Former trois enseignants à la
simulation en santé
Coordinatrice des
stages
Juin 2025 2 500 € Centre de
simulation Namur
Suivi des étudiants en stage
irrégulier
Planifier une visite de chaque
étudiant en stage de bloc 2
Coordinatrice des
stages
Novembre 2025 Aucun coût —
Tenir un carnet de stage numérique
commun aux trois implantations
Service informatique
Septembre
2026
800 € —
"""


def test_costs_and_partners_after_the_deadline_stay_out_of_the_actions(tmp_path: Path) -> None:
    plan = _plan(tmp_path, COSTED)
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Équiper une salle de simulation avec deux mannequins haute fidélité",
         "Direction de la catégorie", "Mars 2026"),
        ("Former trois enseignants à la simulation en santé",
         "Coordinatrice des stages", "Juin 2025"),
        ("Planifier une visite de chaque étudiant en stage de bloc 2",
         "Coordinatrice des stages", "Novembre 2025"),
        ("Tenir un carnet de stage numérique commun aux trois implantations",
         "Service informatique", "Septembre 2026"),
    ]  # fmt: skip
    assert any("aplati" in warning for warning in plan.warnings)


# Each row numbered, then its axis and objective before the action: what follows the
# number is the row's first column, not its action.
NUMBERED_AXES = """Tableau de bord du plan
N° Axe Objectif Action Responsable Échéance Indicateur
1 Axe 1 —
Accueil
Mieux orienter
les nouveaux
Ouvrir une permanence
d'orientation en août
Service social
Août 2025
Nombre de visites
2 Mieux orienter
les nouveaux
Publier un guide de la
première année
Cellule communication
Juin 2025
Guide publié
3 Axe 2 —
Stages
Suivre les
stagiaires
Visiter chaque stagiaire
de bloc 3 une fois
Coordination des stages
Mai 2026
Visites réalisées
"""


def test_a_numbered_row_opens_at_its_first_column(tmp_path: Path) -> None:
    plan = _plan(tmp_path, NUMBERED_AXES)
    assert [(a.text, a.owner, a.deadline, a.indicators) for a in plan.actions] == [
        ("Ouvrir une permanence d'orientation en août", "Service social", "Août 2025",
         ["Nombre de visites"]),
        ("Publier un guide de la première année", "Cellule communication", "Juin 2025",
         ["Guide publié"]),
        ("Visiter chaque stagiaire de bloc 3 une fois", "Coordination des stages", "Mai 2026",
         ["Visites réalisées"]),
    ]  # fmt: skip
    assert [a.objective for a in plan.actions] == [
        "Mieux orienter les nouveaux",
        "Mieux orienter les nouveaux",
        "Suivre les stagiaires",
    ]


# The recommendation column titled by its abbreviation (« Rec. »), as a narrow first column
# is: the raw text of the table still opens with its titles.
ABBREVIATED = """Plan d'action 2025-2027
Rec. Action Responsable Échéance Indicateur
R1 Ouvrir un tutorat par les pairs
en Bloc 1
Service d'aide
à la réussite
Octobre
2025
Nombre de
tuteurs formés
R2 Réviser le règlement des études
avec les délégués
Direction de
section
Juin 2026 Règlement
adopté
"""


def test_an_abbreviated_recommendation_title_opens_the_header(tmp_path: Path) -> None:
    plan = _plan(tmp_path, ABBREVIATED)
    assert [(a.text, a.owner, a.deadline) for a in plan.actions] == [
        ("Ouvrir un tutorat par les pairs en Bloc 1", "Service d'aide à la réussite",
         "Octobre 2025"),
        ("Réviser le règlement des études avec les délégués", "Direction de section",
         "Juin 2026"),
    ]  # fmt: skip
    refs = {r.id: r.ref for r in plan.recommendations}
    assert [[refs[link.recommendation_id] for link in a.links] for a in plan.actions] == [
        ["R1"],
        ["R2"],
    ]


# The titles end with a timeline's periods on their own line (« Indicateur 2025 2026 »):
# the header goes on through them, and the indicator cell is no owner's.
PERIODS_INLINE = """Plan d'action 2025-2026
Action Responsable
principal
Indicateur 2025 2026
Ouvrir un tutorat par les pairs
en Bloc 1
Service d'aide
à la réussite
Nombre de
tuteurs formés
Service d'aide
à la réussite
Réviser le règlement des études
avec les délégués
Direction de
section
Règlement
adopté
Direction de
section
"""


def test_periods_after_the_last_title_continue_the_header(tmp_path: Path) -> None:
    plan = _plan(tmp_path, PERIODS_INLINE)
    assert [(a.text, a.owner, a.indicators) for a in plan.actions] == [
        ("Ouvrir un tutorat par les pairs en Bloc 1", "Service d'aide à la réussite",
         ["Nombre de tuteurs formés"]),
        ("Réviser le règlement des études avec les délégués", "Direction de section",
         ["Règlement adopté"]),
    ]  # fmt: skip
    assert any("croix" in warning or "période" in warning for warning in plan.warnings)
