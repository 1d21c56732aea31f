"""The words that signal what a question asks for, as data, and how they are found.

The intent rules (`assistant.chat.intents`) never look at raw words: they ask whether a
question shows a *cue* (« owner », « late », « negation »...). Each cue is a list of French
words as coordinators write them; a word of the question shows the cue when its stem equals
the stem of one of those words, or is one typo away from it (rapidfuzz), so that plurals
(« responsables »), missing accents (« echeance ») and slips (« retart ») all count. Fuzzy
matches are remembered: they lower the confidence of the intent they support.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from assistant.chat.text import close, stem_word

#: Cue → words that show it (folded, i.e. without accents).
CUES: dict[str, tuple[str, ...]] = {
    "cover": (
        "couvert", "couverte", "couvertes", "couverture", "couvrir", "couvre", "traite",
        "traitee", "traitees", "repondu", "repondent", "adresse", "adressees", "abordee",
        "abordees",
    ),
    "forgotten": ("oubliee", "oubliees", "orpheline", "orphelines", "ignoree", "ignorees", "delaissee", "delaissees"),
    "negation": (
        "aucune", "aucun", "pas", "non", "sans", "jamais", "rien", "manque", "manquant",
        "manquent", "vide", "vides",
    ),
    "owner": (
        "responsable", "responsables", "porteur", "porteurs", "porte", "portent", "porter",
        "pilote", "pilotent", "piloter", "occupe", "occupent", "gere", "gerent", "garant",
        "referent", "charge",
    ),
    "who": ("qui",),
    "late": (
        "retard", "retards", "retarde", "retardee", "retardees", "depasse", "depassee",
        "depassees", "echu", "echue", "echues", "souffrance", "tard",
    ),
    "deadline": ("echeance", "echeances", "date", "dates", "delai", "delais", "quand", "calendrier"),
    "indicator": ("indicateur", "indicateurs", "kpi", "mesurer", "mesurable", "cible", "cibles"),
    "propose": (
        "propose", "proposer", "proposez", "proposition", "propositions", "suggere",
        "suggerer", "suggerez", "suggestion", "suggestions", "idee", "idees", "aide", "aider",
        "imagine", "imaginer", "conseille", "conseiller",
    ),
    "progress": (
        "avancement", "avancee", "avance", "resume", "resumer", "resumez", "synthese",
        "bilan", "progres", "progression", "situation", "etat",
    ),
    "other": ("autres", "autre", "ailleurs", "comparer", "comparaison", "benchmark"),
    "institution": (
        "etablissements", "etablissement", "ecoles", "ecole", "institutions", "institution",
        "universites", "hautes", "plans", "sections", "programmes", "collegues",
    ),
    "planned": (
        "prevu", "prevue", "prevues", "prevoit", "prevoyons", "planifie", "fait", "faisons",
        "faire", "quoi", "repondre", "reponse", "reponses", "actions", "action",
    ),
    "partial": ("partiellement", "partielle", "partielles", "partiel", "faiblement", "moitie"),
    "done": (
        "realise", "realisee", "realisees", "termine", "terminee", "terminees", "fini",
        "finie", "finies", "acheve", "achevee", "achevees", "implemente", "implementee",
        "implementees",
    ),
    "ongoing": ("cours",),
    "postponed": ("reporte", "reportee", "reportees", "reportes", "suspendu", "suspendue", "suspendues"),
    "abandoned": (
        "abandonne", "abandonnee", "abandonnees", "abandonnes", "annule", "annulee",
        "annulees", "actualite",
    ),
    "upcoming": ("venir", "planifier", "planifiee", "planifiees", "demarre", "commence", "lancee"),
    "action": ("action", "actions", "chantier", "chantiers", "projet", "projets"),
    "list": ("quelles", "quels", "lesquelles", "lesquels", "liste", "lister", "combien", "donne", "montre"),
    "pronoun": ("en", "les", "celle", "celles", "celui", "ceux", "cette", "ces", "elle", "elles", "lui", "leur"),
}  # fmt: skip

#: Cues matched on the exact folded word only (short or ambiguous words).
EXACT_ONLY = frozenset({"who", "pronoun", "list", "ongoing", "negation"})


@dataclass
class CueMatch:
    """Cues found in a question, with the words that showed them."""

    found: dict[str, list[str]] = field(default_factory=dict)
    fuzzy: set[str] = field(default_factory=set)

    def has(self, *cues: str) -> bool:
        """True when every cue is present."""
        return all(cue in self.found for cue in cues)

    def any(self, *cues: str) -> bool:
        return any(cue in self.found for cue in cues)

    def fuzzy_count(self, *cues: str) -> int:
        """How many of these cues were found only through a typo-tolerant match."""
        return sum(1 for cue in cues if cue in self.fuzzy)

    def words_of(self, cue: str) -> list[str]:
        return self.found.get(cue, [])


@cache
def _cue_stems() -> dict[str, frozenset[str]]:
    return {
        cue: frozenset(s for s in (stem_word(word) for word in words) if s)
        for cue, words in CUES.items()
    }


@cache
def cue_words() -> frozenset[str]:
    """Every cue word, folded: they are never part of a theme."""
    return frozenset(word for words in CUES.values() for word in words)


def find_cues(tokens: list[str]) -> CueMatch:
    """The cues shown by the (normalised, folded) words of a question."""
    match = CueMatch()
    stems = _cue_stems()
    for token in tokens:
        parts = [token, *token.split("-")] if "-" in token else [token]
        for part in parts:
            part_stem = stem_word(part) or part
            for cue, words in CUES.items():
                if part in words:
                    match.found.setdefault(cue, []).append(part)
                    match.fuzzy.discard(cue)
                    continue
                if cue in EXACT_ONLY or cue in match.found:
                    continue
                if part_stem in stems[cue]:
                    match.found.setdefault(cue, []).append(part)
                elif len(part) >= 5 and any(close(part, word) for word in words):
                    match.found.setdefault(cue, []).append(part)
                    match.fuzzy.add(cue)
    return match
