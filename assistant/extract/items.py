"""Splitting a cell into its items (indicators, owners, deadlines).

Extraction loses line breaks: "Nombre de tuteurs et de tutoré-e-s Nombre de séances" was
two indicators. Items are recovered at paragraph breaks, at list dashes followed by a
capital, and before a capitalised *item head* (a measure noun such as "Taux", "Nombre", or
an infinitive such as "Améliorer") that does not follow a function word ("par le Conseil"
is one item; "ConnectED Taux de participation" is two).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from assistant.extract.infinitives import is_infinitive
from assistant.extract.text import squash
from assistant.ids import fold

_DASH_ITEM = re.compile(r"(?:^|(?<=\s))[-–—•▪]\s*(?=[A-ZÀ-ÖØ-Þ0-9«\"])")
_LEADING_DASH = re.compile(r"^\s*[-–—•▪]\s*")

FUNCTION_WORDS = frozenset(
    [
        "à",
        "a",
        "au",
        "aux",
        "avec",
        "chez",
        "contre",
        "dans",
        "de",
        "des",
        "du",
        "d",
        "en",
        "entre",
        "et",
        "ou",
        "l",
        "la",
        "le",
        "les",
        "par",
        "pour",
        "sans",
        "sous",
        "sur",
        "vers",
        "un",
        "une",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "notre",
        "nos",
        "votre",
        "vos",
        "ce",
        "cet",
        "cette",
        "ces",
        "selon",
        "dont",
        "que",
        "qui",
        "via",
        "lors",
        "the",
        "of",
        "and",
        "auprès",
        "depuis",
        "dès",
    ]
)

ITEM_HEADS = frozenset(
    [
        "nombre",
        "taux",
        "pourcentage",
        "proportion",
        "ratio",
        "moyenne",
        "évaluation",
        "evaluation",
        "participation",
        "amélioration",
        "augmentation",
        "diminution",
        "réduction",
        "baisse",
        "hausse",
        "mise",
        "création",
        "rapport",
        "note",
        "document",
        "liste",
        "questionnaire",
        "enquête",
        "publication",
        "adoption",
        "validation",
        "feedback",
        "procédure",
        "délivrable",
        "livrable",
        "modalités",
        "modifications",
        "modification",
        "échange",
        "echange",
        "révision",
        "organisation",
        "réalisation",
        "résultats",
        "résultat",
        "pv",
        "charge",
        "invitation",
        "accès",
        "base",
        "brochure",
        "guide",
        "charte",
        "convention",
        "calendrier",
        "grille",
        "fiches",
        "fiche",
        "tableau",
        "satisfaction",
        "degré",
        "indice",
        "score",
        "présence",
        "fréquence",
        "fréquentation",
        "suivi",
        "bilan",
        "compte",
        "inventaire",
        "cartographie",
        "identification",
        "projection",
        "référentiel",
        "dispositif",
        "production",
        "diffusion",
        "analyse",
        "existence",
        "nouvelle",
        "nouveau",
        "nouvelles",
        "nouveaux",
        "meilleure",
        "meilleur",
        "formalisation",
        "mise",
        "actualisation",
        "prise",
    ]
)

_WORD = re.compile(r"\S+")


def _looks_infinitive(word: str) -> bool:
    return is_infinitive(word)


def _is_head(word: str) -> bool:
    bare = word.strip("«»\"'(),:;")
    if len(bare) < 2 or not bare[0].isupper() or not bare[1:2].islower():
        return False
    return bare.lower() in ITEM_HEADS or _looks_infinitive(bare)


def _is_titlecase(word: str) -> bool:
    bare = word.strip("«»\"'(),:;")
    return len(bare) > 1 and bare[0].isupper() and bare[1:].islower()


def split_run_on(text: str) -> list[str]:
    """Split one line where a lost line break joined two items (see module docstring)."""
    words = _WORD.findall(text)
    items: list[list[str]] = [[]]
    for index, word in enumerate(words):
        # the cheap tests first: most words open no item
        if index > 0 and len(items[-1]) >= 2 and _is_head(word):
            previous = words[index - 1]
            prev_key = previous.lower().strip(",;:'’").split("'")[-1].split("’")[-1]
            proper_noun_chain = (
                _is_titlecase(previous) and word.strip("«»\"'(),:;").lower() not in ITEM_HEADS
            )
            boundary = (
                not proper_noun_chain
                and prev_key not in FUNCTION_WORDS
                and not previous.endswith((",", ":", "'", "’", "+", "/", "-"))
            )
        else:
            boundary = False
        if boundary:
            items.append([])
        items[-1].append(word)
    return [" ".join(item) for item in items if item]


def split_items(cell: str, *, run_on: bool = True) -> list[str]:
    """The items of a cell: paragraphs, dash-list entries, then run-on repairs."""
    items: list[str] = []
    # ";" separates items in French lists ("100 % des UE évaluées ; taux ≥ 40 %")
    for paragraph in re.split(r"\n|\s;\s|;\s(?=[A-ZÀ-ÖØ-Þ0-9])", cell):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        for piece in _DASH_ITEM.split(paragraph):
            piece = squash(_LEADING_DASH.sub("", piece))
            if not piece:
                continue
            items.extend(split_run_on(piece) if run_on else [piece])
    return [item.strip(" ;") for item in items if item.strip(" ;-")]


_UNDECIDED = frozenset(
    json.loads((Path(__file__).parent / "data" / "cell_lexicon_fr.json").read_text("utf-8"))[
        "undecided_values"
    ]
)


def indicator_items(cell: str) -> list[str]:
    """The indicators of a cell, without the words saying there is none yet (« À définir »)."""
    return [item for item in split_items(cell) if fold(item).strip(" .…") not in _UNDECIDED]


def join_list_cell(cell: str) -> str | None:
    """A cell of names or periods as one string: paragraphs and dash-list items joined by '; '.

    A cell that starts with a list dash is a list ("-Direction -Secrétariat"); otherwise
    inner dashes are kept ("Coordination d'année - coordination pédagogique").
    """
    paragraphs = [p.strip() for p in cell.split("\n") if p.strip()]
    parts: list[str] = []
    for paragraph in paragraphs:
        if _LEADING_DASH.match(paragraph):
            pieces = re.split(r"(?:^|\s)[-–—•▪]\s*(?=\S)", paragraph)
            parts.extend(squash(piece) for piece in pieces if piece.strip())
        else:
            parts.append(squash(paragraph))
    joined = "; ".join(part for part in parts if part)
    return joined or None
