"""Can an indicator actually be measured? A rule-based French reader.

Experts ask for « des indicateurs clairs » and plans answer with « Meilleure visibilité » or
« Renforcement de la culture qualité »: a wish, not a measure. An indicator is measurable
when, at the follow-up visit, someone can answer it with a number or a yes/no that a
document proves. The reader looks, in this order, for:

1. a measure noun (taux, nombre, pourcentage, ratio, moyenne, score, indice...);
2. a quantity or a threshold (a number that is a target, %, ≥, « cible », « au moins »);
3. a vague head: the indicator starts with a change or quality word without a measure
   (« Amélioration de... », « Meilleure... », « Renforcement... », « Intérêt manifesté... »),
   uses a comparative (« plus cohérente »), or is an objective written as a verb
   (« Favoriser les échanges... »);
4. a deliverable or an event that can be checked (guide, note, rapport, charte, PV, grille,
   procédure, calendrier, convention, réunion tenue...) or a noun followed by a past
   participle (« Rapport produit », « Base de données constituée »);
5. a date (« à la rentrée 2025 », « en avril 22 »).

Anything else is vague: nothing in it can be counted, checked or dated. The first match
decides, so « Augmentation du nombre de partenariats » is measurable (a count) while
« Augmentation des partenariats » is not.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from assistant.audit.french import plain_text
from assistant.french.months import MONTH_WORDS_FOLDED


class Signal(StrEnum):
    """What decided the verdict."""

    MEASURE = "measure"  # a measure noun: taux, nombre...
    QUANTITY = "quantity"  # a target number, a percentage, a threshold
    DELIVERABLE = "deliverable"  # a document or an event that can be checked
    DATE = "date"  # a dated milestone
    VAGUE_HEAD = "vague_head"  # a change or quality word with nothing to measure
    OBJECTIVE = "objective"  # written as a verb: an objective, not an indicator
    NOTHING = "nothing"  # no measurable element at all


@dataclass(frozen=True)
class Measurability:
    """The verdict on one indicator and why, in French for the coordinator."""

    indicator: str
    measurable: bool
    signal: Signal
    cue: str  # the words that decided ("taux", "meilleure", "guide publié")
    reason: str


_MEASURE_NOUNS = (
    r"taux|nombres?|nbre?|pourcentages?|proportions?|ratios?|moyennes?|scores?|indices?|"
    r"quantites?|volumes?|frequence|duree moyenne|delai moyen|part des|part d|"
    r"statistiques?|chiffres?|montants?|budget|effectifs?|classement|note moyenne"
)
# "Résultats des UE" as the head of an indicator: grades and pass rates, a measure. Not
# "adaptation ... en fonction des résultats du test", where the results are only a means.
_MEASURE = re.compile(rf"\b(?:{_MEASURE_NOUNS})\b|^resultats?\b")

_NUMBER_WORDS = (
    r"deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|"
    r"quarante|cinquante|cent|mille|dizaine|douzaine|quinzaine|vingtaine|trentaine|centaine"
)
_THRESHOLD = re.compile(
    r"[%≥≤<>]|‰|\bcibles?\b|\bau moins\b|\bau plus\b|\bminimum\b|\bmaximum\b|\bseuil\b|"
    r"\bobjectif chiffre"
)
# Codes that contain digits but count nothing: B1, Q2, M1, UE 15, AA3, E.I. 2...
_CODES = re.compile(
    r"\b(?:b|bac|bloc|q|m|ue|aa|ects|axe|critere|recommandation|objectif|art|article|p)\s?\.?\s?\d+\b"
)
# A number that only describes the scope ("les 3 implantations", "des 3 années").
_SCOPE_NUMBER = re.compile(rf"\b(?:des|les|aux|ses|leurs|nos|ces)\s+(?:\d+|{_NUMBER_WORDS})\b")
_NUMBER = re.compile(rf"\b(?:\d+(?:[.,]\d+)?|{_NUMBER_WORDS})\b")

_MONTHS = MONTH_WORDS_FOLDED
_DATE = re.compile(
    rf"\b(?:(?:{_MONTHS})\.?\s+(?:19|20)?\d{{2}}|(?:{_MONTHS})\b|"
    r"(?:rentree|fin|debut|d ici|avant|en|des|a partir de|annee academique|session)\s+"
    r"(?:de\s+)?(?:19|20)\d{2}|(?:19|20)\d{2}\s*[-/–]\s*(?:19|20)?\d{2}|q[1-3]\s*(?:19|20)\d{2}|"
    r"\d{1,2}/\d{1,2}/(?:19|20)?\d{2}|\d{1,2}/(?:19|20)?\d{2}|apres (?:un|une|\d+) (?:an|annee|mois))\b"
)
_YEARS = re.compile(r"\b(?:19|20)\d{2}\b|\(\d{2}\s*-\s*\d{2}\)")

# Head words of wishes: a direction of change or a quality, with nothing to count.
_VAGUE_HEADS = (
    r"meilleure?s?|mieux|amelioration|ameliore|renforcement|renforce|augmentation|"
    r"accroissement|hausse|diminution|baisse|reduction|developpement|maintien|adhesion|"
    r"comprehension|connaissance|interet|qualite|plus-value|impact|implication|visibilite|"
    r"participation|sensibilisation|valorisation|optimisation|consolidation|soutien|"
    r"appropriation|transposition|prise en compte|prise de conscience|evolution|engagement|"
    r"motivation|bien-etre|coherence|dynamique|culture|satisfaction|reconnaissance|"
    r"ouverture|efficacite|fluidite|clarte|clarification|harmonisation|echanges?|collecte|"
    r"reflexion|dialogue|liens?|suivi|attention|vigilance|integration|accompagnement|"
    r"encouragement|amplification|intensification|perennisation|stimulation|facilitation|"
    r"adaptation par|modifications?|invitation|plus grande|bonne|bon|accroche"
)
_VAGUE_HEAD = re.compile(rf"^(?:(?:une?|la|le|les|des|de|du)\s+)?(?:{_VAGUE_HEADS})\b")
_COMPARATIVE = re.compile(
    r"\b(?:plus|moins)\s+(?!de\b|d\b|que\b|ou\b)[a-z]{4,}|\bdavantage\b|\baccrue?s?\b"
)

# Verbs that open an objective ("Favoriser les échanges...") rather than a measure.
_OBJECTIVE_VERBS = (
    r"aider|ameliorer|accroitre|augmenter|analyser|assurer|clarifier|communiquer|constituer|"
    r"consolider|coordonner|creer|definir|redefinir|developper|diminuer|diversifier|"
    r"encourager|etablir|faciliter|favoriser|formaliser|garantir|harmoniser|identifier|"
    r"informer|initier|mettre|mobiliser|optimiser|organiser|permettre|perenniser|"
    r"promouvoir|proposer|realiser|reduire|renforcer|repondre|sensibiliser|simplifier|"
    r"soutenir|stimuler|susciter|valoriser|veiller|viser|offrir|elargir|impliquer|"
    r"integrer|limiter|maintenir|motiver|outiller|preparer|prevenir|rendre|structurer"
)
_OBJECTIVE_VERB = re.compile(rf"^(?:{_OBJECTIVE_VERBS})\b")

# Documents and events that can be shown at the follow-up visit.
_DELIVERABLE_NOUNS = (
    r"guides?|notes?|rapports?|consignes|documents?|chartes?|pv|proces-verbaux|proces-verbal|grilles?|"
    r"procedures?|calendriers?|conventions?|listes?|brochures?|livrets?|livres?|"
    r"base de donnees|plans?|tableaux? de bord|tableaux?|fiches?|repertoires?|reglements?|"
    r"referentiels?|modules?|questionnaires?|enquetes?|sondages?|cahiers? des charges|"
    r"etat des lieux|syntheses?|portfolios?|espaces? en ligne|comites?|commissions?|"
    r"ateliers?|seances?|sessions?|reunions?|journees?|rencontres?|colloques?|conferences?|"
    r"seminaires?|formations? organisees?|conseils? des etudes|page|site|vademecum|memento|"
    r"feuille de route|bilans?|comptes? rendus?|inventaires?|cartographies?|catalogues?|"
    r"contrats?|accords?|partenariats? (?:signe|conclu)|dossiers?|livrables?|delivrables?|"
    r"attestations?|certificats?|registres?|logiciels?|plateformes?|outils? (?:publie|diffuse|"
    r"disponible)|programmes? de formation|contenus? revises?|fiches? ue|dispositifs? evalue|"
    r"videos?|capsules?|affiches?|newsletters?|lettres? d information|courriers?|"
    r"evaluations? (?:intermediaire|finale|positive|du dispositif|par les)|processus|comite de pilotage"
)
_DELIVERABLE = re.compile(rf"\b(?:{_DELIVERABLE_NOUNS})\b")
# Nouns of decisions and events that are either done or not ("Adoption du document").
_EVENT = re.compile(
    r"^(?:adoption|validation|publication|diffusion|signature|approbation|vote|mise en ligne|"
    r"creation|constitution|designation|nomination|conclusion|redaction|production|remise|"
    r"depot|lancement|tenue|presentation|revision|mise au point|elaboration|organisation|"
    r"affectation|attribution|realisation|formulation|actualisation|inscription|nouvelle?)\b"
)
# "Rapport produit", "Base de données constituée", "Feedback collecté": a past participle
# right after the head noun (or its complement) states a result that can be checked. Read
# on the accented text: "publié" is a participle, "rapide" is not.
_PARTICIPLE = re.compile(
    r"^[\w-]+(?:\s+(?:de|des|du|d'|d’)\s*[\w-]+)?\s+"
    r"(?:[\w-]+(?:é|ée|és|ées)|(?:produit|inscrit|introduit|fait|écrit|mis|tenu|défini|établi|"
    r"conclu|obtenu|atteint|rempli|construit|ouvert|offert|remis|soumis|transmis|admis)"
    r"(?:e|s|es)?)(?!\w)"
)


def _accented(indicator: str) -> str:
    """Lower-case text with its accents (participles are told apart by them)."""
    text = unicodedata.normalize("NFC", indicator).casefold().strip(" -–•*:;.")
    return re.sub(r"\s+", " ", text)


def _meaningful_numbers(text: str) -> list[str]:
    without_codes = _CODES.sub(" ", _DATE.sub(" ", text))
    without_years = _YEARS.sub(" ", without_codes)
    without_scope = _SCOPE_NUMBER.sub(" ", without_years)
    return _NUMBER.findall(without_scope)


def _as_written(indicator: str, cue: str) -> str:
    """The words of the indicator that the folded cue stands for ("amelioration" → "Amélioration")."""
    words = indicator.split()
    size = len(cue.split())
    for start in range(len(words) - size + 1):
        window = " ".join(words[start : start + size])
        if plain_text(window).strip(' -–•*:;.,()«»"') == cue:
            return window.strip(' ,;:()«»"')
    return cue


@lru_cache(maxsize=16_384)
def assess_indicator(indicator: str) -> Measurability:
    """Tell whether one indicator can be measured, and why (see the module docstring).

    Remembered per text (the verdict is frozen and depends on the text alone): drafting
    reads the indicators of the same similar actions for every action it drafts.
    """
    text = plain_text(indicator).strip(" -–•*:;.")

    def verdict(measurable: bool, signal: Signal, cue: str, reason: str) -> Measurability:
        if cue:
            written = _as_written(indicator, cue)
            reason = reason.replace(f"« {cue}", f"« {written}")
            cue = written
        return Measurability(indicator, measurable, signal, cue, reason)

    if match := _MEASURE.search(text):
        cue = match.group(0)
        return verdict(True, Signal.MEASURE, cue, f"mesure chiffrée « {cue} »")
    if match := _THRESHOLD.search(text):
        cue = match.group(0)
        return verdict(True, Signal.QUANTITY, cue, f"seuil ou cible « {cue} »")
    if numbers := _meaningful_numbers(text):
        return verdict(True, Signal.QUANTITY, numbers[0], f"quantité « {numbers[0]} »")
    if match := _VAGUE_HEAD.match(text):
        cue = match.group(0)
        return verdict(
            False,
            Signal.VAGUE_HEAD,
            cue,
            f"souhait d'évolution « {cue} », sans quantité, taux, livrable ni date",
        )
    if match := _OBJECTIVE_VERB.match(text):
        cue = match.group(0)
        return verdict(
            False,
            Signal.OBJECTIVE,
            cue,
            f"objectif formulé par un verbe « {cue}… », pas une mesure",
        )
    if match := _COMPARATIVE.search(text):
        cue = match.group(0)
        return verdict(
            False,
            Signal.VAGUE_HEAD,
            cue,
            f"comparatif « {cue} », sans point de départ ni cible",
        )
    if match := _DELIVERABLE.search(text):
        cue = match.group(0)
        return verdict(True, Signal.DELIVERABLE, cue, f"livrable vérifiable « {cue} »")
    if match := _EVENT.match(text):
        cue = match.group(0)
        return verdict(True, Signal.DELIVERABLE, cue, f"décision ou fait vérifiable « {cue} »")
    if match := _PARTICIPLE.match(_accented(indicator)):
        cue = match.group(0)
        return verdict(True, Signal.DELIVERABLE, cue, f"résultat constatable « {cue} »")
    if match := _DATE.search(text):
        cue = match.group(0)
        return verdict(True, Signal.DATE, cue, f"jalon daté « {cue} »")
    return verdict(
        False, Signal.NOTHING, "", "ni quantité, ni taux, ni livrable, ni date : rien à mesurer"
    )


def is_measurable(indicator: str) -> bool:
    """True when the indicator holds a measure, a target, a deliverable or a date."""
    return assess_indicator(indicator).measurable
