"""The experts' recommendation and the institution's answer in prose: recommandation-reponse-prose.

A two-column table « Recommandation des experts | Réponse de l'établissement ». Each left
cell opens with « Recommandation N : » in bold, then the recommendation; each right cell is
prose: a sentence or two of context, and one to three actions written as sentences with
their owner and deadline words (« La cellule qualité organisera … d'ici juin 2026. »).
Gold: one action per action sentence, its text the whole sentence (without its full stop),
its owner the subject named in it (without its article), its deadline the time phrase
without its preposition (« juin 2026 » from « d'ici juin 2026 »). Context sentences are not
actions. No indicator, no status.
"""

from __future__ import annotations

from evals.zoo.layouts.common import layout, title_blocks
from evals.zoo.model import Block, Cell, GoldBook, Layout, Paragraph, Table, header_row

# One sentence of an answer: context (owner None) or an action with its owner and deadline
# as written inside it.
_Sentence = tuple[str, str | None, str | None]

_COACHING: tuple[tuple[str, str, tuple[_Sentence, ...]], ...] = (
    (
        "1",
        "Formaliser les modalités de pilotage du programme et y associer les partenaires sportifs.",
        (
            ("La section partage ce constat et a déjà réuni ses partenaires en 2023.", None, None),
            (
                "La direction de département installera un comité de pilotage annuel avec les "
                "fédérations sportives d'ici décembre 2025",
                "direction de département",
                "décembre 2025",
            ),
            (
                "La cellule qualité en rédigera le règlement d'ordre intérieur avant juin 2025",
                "cellule qualité",
                "juin 2025",
            ),
        ),
    ),
    (
        "2",
        "Renforcer la place de la préparation physique des publics spécifiques (seniors, "
        "personnes en situation de handicap).",
        (
            (
                "La coordinatrice pédagogique introduira une unité d'enseignement consacrée aux "
                "activités physiques adaptées pour la rentrée 2025",
                "coordinatrice pédagogique",
                "rentrée 2025",
            ),
            (
                "Cette unité s'appuiera sur les compétences déjà présentes dans l'équipe.",
                None,
                None,
            ),
        ),
    ),
    (
        "3",
        "Diversifier les lieux de stage et mieux encadrer les stagiaires sur le terrain.",
        (
            (
                "Le responsable des stages prospectera au moins cinq nouveaux clubs et centres "
                "de revalidation au cours de l'année académique 2024-2025",
                "responsable des stages",
                "année académique 2024-2025",
            ),
            (
                "Les superviseurs de stage visiteront chaque stagiaire deux fois par stage dès "
                "le second quadrimestre 2024-2025",
                "superviseurs de stage",
                "second quadrimestre 2024-2025",
            ),
            (
                "La direction de département révisera la convention de stage avec les lieux "
                "d'accueil d'ici septembre 2025",
                "direction de département",
                "septembre 2025",
            ),
        ),
    ),
    (
        "4",
        "Mieux informer les candidats sur les exigences physiques et théoriques de la formation.",
        (
            (
                "Les demandes d'information reçues montrent que la confusion porte surtout sur "
                "les cours de sciences.",
                None,
                None,
            ),
            (
                "Le service de communication publiera une brochure présentant la part des "
                "sciences biomédicales dans le programme avant mars 2025",
                "service de communication",
                "mars 2025",
            ),
        ),
    ),
    (
        "5",
        "Soutenir davantage les étudiants de première année en difficulté dans les cours de "
        "sciences.",
        (
            (
                "Le service d'aide à la réussite ouvrira des séances de remédiation en anatomie "
                "et en physiologie dès octobre 2024",
                "service d'aide à la réussite",
                "octobre 2024",
            ),
            (
                "Les titulaires des cours de sciences proposeront un test formatif à mi-"
                "quadrimestre pour la session de janvier 2025",
                "titulaires des cours de sciences",
                "session de janvier 2025",
            ),
        ),
    ),
    (
        "6",
        "Moderniser l'équipement de la salle de musculation et du laboratoire d'analyse du "
        "mouvement.",
        (
            (
                "Un budget a été demandé au pouvoir organisateur pour l'exercice 2025.",
                None,
                None,
            ),
            (
                "Le responsable des infrastructures sportives remplacera les appareils de "
                "musculation hors d'usage d'ici août 2025",
                "responsable des infrastructures sportives",
                "août 2025",
            ),
            (
                "Le coordinateur du laboratoire acquerra deux centrales inertielles pour "
                "l'analyse du mouvement au plus tard en décembre 2025",
                "coordinateur du laboratoire",
                "décembre 2025",
            ),
        ),
    ),
)


def _answer(sentences: tuple[_Sentence, ...]) -> str:
    return " ".join(s if s.endswith(".") else s + "." for s, _, _ in sentences)


def recommandation_reponse_prose() -> Layout:
    book = GoldBook()
    rows: list[tuple[Cell | None, ...]] = [
        header_row("Recommandation des experts", "Réponse de l'établissement")
    ]
    for number, wording, sentences in _COACHING:
        ref = f"Recommandation {number}"
        rec_id = book.rec(ref, text=wording, number=number)
        for sentence, owner, deadline in sentences:
            if owner is None:
                continue
            assert owner in sentence and deadline is not None and deadline in sentence
            book.act(sentence, owner=owner, deadline=deadline, addresses=[rec_id])
        rows.append(
            (
                Cell((Paragraph(wording, label=f"{ref} :"),)),
                Cell((Paragraph(_answer(sentences)),)),
            )
        )
    blocks: list[Block] = [
        *title_blocks(
            "Droit de réponse et plan d'action",
            "Haute École de la Molignée — Département des sciences de la motricité",
            "Bachelier en coaching sportif",
            "Suite au rapport préliminaire d'évaluation (février 2024)",
        ),
        Paragraph(
            "Pour chacune des recommandations du comité des experts, le département expose "
            "sa position et les mesures qu'il engage."
        ),
        Table(tuple(rows), widths=(2.0, 3.0)),
    ]
    return layout(
        "recommandation-reponse-prose",
        book,
        blocks,
        institution="Haute École de la Molignée",
        programme="Bachelier en coaching sportif",
        plan_date="2024",
        notes="Two columns: recommendation ('Recommandation N :' bold, then its wording) and "
        "the answer in prose. Each action sentence of an answer is one action (text = the "
        "sentence without its full stop; owner = the subject named in it without its article; "
        "deadline = the time phrase without its preposition, 'juin 2025' from 'avant juin "
        "2025'); context sentences are not actions. No indicators, no status.",
    )
