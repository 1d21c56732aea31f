"""French wording for indicator drafts: the action's own nouns, its public, its date.

A proposed indicator convinces a coordinator when it speaks of *her* action: « Taux de
participation des étudiants de B1 aux ateliers d'écriture ≥ 70 % d'ici juin 2027 », not
« Taux de participation ». These helpers pull what an indicator needs out of the action's
wording (what is done, to whom, by when) with a few rules on French articles and
participles. They never invent content: everything comes from the action, its plan, or a
default the caller names in the draft's rationale.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from assistant.audit.french import plain_text, word_set
from assistant.extract.dates import due_date
from assistant.french.months import MONTH_NAMES
from assistant.schema import Action, Plan


def month_year(day: date) -> str:
    """« juin 2027 »."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


# --- when -------------------------------------------------------------------------------

# A deadline cell that is only a period can be reused as written ("2026-2027", "juin 2027").
_CLEAN_PERIOD = re.compile(
    r"^(?:(?:19|20)\d{2}\s*[-–/]\s*(?:19|20)?\d{2}|[a-zéû]+\.?\s+(?:19|20)\d{2}|"
    r"q[1-3]\s+(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DraftDue:
    """The date an indicator draft aims at, and why that one (for the rationale)."""

    text: str  # « juin 2027 », « 2026-2027 »
    day: date  # the last day it stands for
    from_deadline: bool
    note: str


def academic_year_end(as_of: date) -> date:
    """End of June of the current academic year, or of the next one from May on.

    From May, the current year's June is too close to measure anything new.
    """
    year = as_of.year + 1 if as_of.month >= 5 else as_of.year
    return date(year, 6, 30)


def draft_due(action: Action, as_of: date) -> DraftDue:
    """The action's deadline when it can be read and is not past, else the academic year's end."""
    deadline = (action.deadline or "").strip()
    due = action.due or due_date(deadline)
    if due is not None and due >= as_of:
        text = deadline if _CLEAN_PERIOD.match(deadline) else month_year(due)
        return DraftDue(text, due, True, f"l'échéance est celle de l'action (« {deadline} »)")
    end = academic_year_end(as_of)
    year = f"{end.year - 1}-{end.year}"
    if due is not None:
        why = f"l'échéance écrite (« {deadline} ») est dépassée"
    elif deadline:
        why = f"l'échéance « {deadline} » n'est pas une date"
    else:
        why = "l'action n'a pas d'échéance"
    return DraftDue(
        month_year(end),
        end,
        False,
        f"{why} : la date proposée est la fin de l'année académique {year}, à ajuster",
    )


# --- who --------------------------------------------------------------------------------

_BLOC = re.compile(r"\b(?:B|BA|Bac\s?|Bloc\s?|bloc\s?)([1-3])\b")


def public_of(text: str) -> str | None:
    """The years of study an action names: « B1 », « B2 et B3 », or None."""
    blocs = sorted({f"B{m.group(1)}" for m in _BLOC.finditer(text)})
    if not blocs:
        return None
    return blocs[0] if len(blocs) == 1 else ", ".join(blocs[:-1]) + f" et {blocs[-1]}"


# Platforms and councils a plan names: the drafts use the institution's own ones.
_PLATFORMS = ("Moodle", "ConnectED", "E-campus", "Classroom", "Teams", "intranet")
_INSTANCES = (
    "conseil de section", "conseil des études", "conseil de département", "commission qualité",
    "comité pédagogique", "conseil pédagogique", "collège de direction", "conseil de catégorie",
)  # fmt: skip


def _most_named(plan: Plan | None, names: tuple[str, ...]) -> str | None:
    if plan is None:
        return None
    text = plain_text(" ".join(f"{a.text} {' '.join(a.indicators)}" for a in plan.actions))
    counts = Counter({name: text.count(plain_text(name)) for name in names})
    best, count = counts.most_common(1)[0]
    return best if count else None


def platform_of(plan: Plan | None) -> str | None:
    """The online platform the plan names most (« ConnectED », « Moodle »), or None."""
    return _most_named(plan, _PLATFORMS)


def instance_of(plan: Plan | None) -> str | None:
    """The council the plan names most (« conseil de section »), or None."""
    return _most_named(plan, _INSTANCES)


# --- what -------------------------------------------------------------------------------

# Nominal openings ("Organisation de...", "Mise en place d'...") and the verb they stand for.
_NOMINAL = {
    "organisation": "organiser", "mise en place": "mettre en place", "creation": "créer",
    "developpement": "développer", "elaboration": "élaborer", "redaction": "rédiger",
    "realisation": "réaliser", "mise en oeuvre": "mettre en œuvre", "publication": "publier",
    "elargissement": "élargir", "renforcement": "renforcer", "constitution": "constituer",
    "formalisation": "formaliser", "revision": "réviser", "introduction": "introduire",
    "poursuite": "poursuivre", "diffusion": "diffuser", "production": "produire",
}  # fmt: skip
_IRREGULAR = {
    "faire": "fait", "conclure": "conclu", "inclure": "inclus", "poursuivre": "poursuivi",
    "suivre": "suivi", "acquérir": "acquis", "courir": "couru",
}  # fmt: skip
# Endings of irregular families, longest first: « transmettre » → « transmis ».
_ENDINGS = (
    ("prendre", "pris"), ("mettre", "mis"), ("crire", "crit"), ("uire", "uit"), ("eindre", "eint"),
    ("aindre", "aint"), ("oindre", "oint"), ("vrir", "vert"), ("frir", "fert"), ("venir", "venu"),
    ("tenir", "tenu"), ("er", "é"), ("ir", "i"), ("re", "u"),
)  # fmt: skip
_ARTICLE = re.compile(
    r"^(?:(?P<word>une|un|des|les|le|la|de la|du|de|aux|au)\s+|(?P<elided>de l|l|d)['’]\s*)"
    r"(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_DIRECT_OBJECT = re.compile(r"\s(?:une?|des|les|la|le|l['’])\s*(?=\w)", re.IGNORECASE)
# Adverbs between the verb and its object ("Assurer au moins une visite").
_ADVERBS = re.compile(
    r"^(?:au moins|chaque année|davantage|systématiquement|progressivement|aussi)\s+", re.IGNORECASE
)
_CUT = re.compile(
    r"\s*(?:\(|:|;|,|\s[-–]\s|\bpour\b|\bafin\b|\ben vue\b|\blors\b|\bdans le cadre\b|"
    r"\bpendant\b|\bavec\b|\bauprès\b|\bqui\b|\bdont\b|\bpar\b|\bentre\b|\bsur base\b|\bà partir\b|"
    r"\bà\s+(?=[a-zéèê]+(?:er|ir|re)\b)|\baux?\s+(?=étudiant|enseignant|membres|MDP|MFP))"
)
_SITE_PREFIX = re.compile(r"^\s*[A-ZÀ-Ý][A-ZÀ-Ý'-]{2,20}\s*:?\s+(?=\S)")
_VERB = re.compile(
    r"^(?P<verb>(?!\w+aire\b)[a-zàâçéèêëîïôûùüÿœ-]+(?:er|ir|re|oir)"
    r"(?:\s+et\s+[a-zàâçéèêëîïôûùüÿœ-]+(?:er|ir|re|oir))?|faire)"
    r"(?P<particle>\s+(?:en place|en œuvre|en oeuvre|à jour|au point|en ligne))?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ActionObject:
    """What an action produces, as written: « une procédure d'aménagements raisonnables »."""

    verb: str  # infinitive, lower case (« rédiger », « mettre en place »)
    noun: str  # the noun phrase without its article (« procédure d'aménagements raisonnables »)
    feminine: bool
    plural: bool

    @property
    def participle(self) -> str:
        """« rédigée », « mis en place », « organisés », « rédigé et communiqué »."""
        return " et ".join(self._participle(verb) for verb in self.verb.split(" et "))

    def _participle(self, verb_phrase: str) -> str:
        verb, _, particle = verb_phrase.partition(" ")
        base = _IRREGULAR.get(verb)
        if base is None:
            ending, participle = next(
                (pair for pair in _ENDINGS if verb.endswith(pair[0])), ("", "")
            )
            base = verb[: len(verb) - len(ending)] + participle
        ending = ("e" if self.feminine else "") + ("s" if self.plural else "")
        if base.endswith("s") and ending == "s":
            ending = ""
        word = base + ending
        return f"{word} {particle}" if particle else word

    @property
    def with_article(self) -> str:
        """« les ateliers d'écriture », « la grille », « l'atelier »."""
        if self.plural:
            return f"les {self.noun}"
        if self.noun[:1].lower() in "aeiouyéèêàâîôûh":
            return f"l'{self.noun}"
        return f"{'la' if self.feminine else 'le'} {self.noun}"

    @property
    def after_a(self) -> str:
        """The phrase after « à »: « aux ateliers », « à la grille », « à l'atelier »."""
        phrase = self.with_article
        if phrase.startswith("les "):
            return "aux " + phrase[4:]
        if phrase.startswith("le "):
            return "au " + phrase[3:]
        return "à " + phrase

    @property
    def after_de(self) -> str:
        """The phrase after « de »: « des ateliers », « du tutorat », « de la grille »."""
        phrase = self.with_article
        if phrase.startswith("les "):
            return "des " + phrase[4:]
        if phrase.startswith("le "):
            return "du " + phrase[3:]
        return "de " + phrase

    @property
    def about_people(self) -> bool:
        """The object is people (« les étudiants », « les nouveaux enseignants »), not a thing."""
        return any(plain_text(word).rstrip("s") in _PEOPLE for word in self.noun.split()[:2])

    @property
    def capitalised(self) -> str:
        return self.noun[:1].upper() + self.noun[1:]


def strip_site(text: str) -> str:
    """« LLN : organisation de... » → « organisation de... »."""
    return _SITE_PREFIX.sub("", text, count=1) if _SITE_PREFIX.match(text) else text


def _noun_phrase(rest: str, max_words: int = 7) -> str:
    cut = _CUT.split(rest, maxsplit=1)[0].strip(" .")
    for opening, closing in (("«", "»"), ("(", ")")):
        if cut.count(opening) > cut.count(closing):  # a quote the cut left open
            cut = cut[: cut.rindex(opening)]
    if cut.count('"') % 2:
        cut = cut[: cut.rindex('"')]
    words = cut.split()
    if len(words) > max_words:
        words = words[:max_words]
    # never end on a function word ("ateliers de", "journée ou")
    while words and plain_text(words[-1]) in _DANGLING:
        words.pop()
    return " ".join(words).strip(" ,;'’«»\"")


_PEOPLE = word_set(
    """etudiant enseignant membre maitre delegue tuteur professeur personne diplome
    stagiaire titulaire mdp mfp acteur participant"""
)


def elide(words: str, following: str) -> str:
    """« Taux de » + « étudiants » → « Taux d'étudiants »."""
    if words.endswith(" de") and following[:1].lower() in "aeiouyéèêàâîôûh":
        return f"{words[:-3]} d'{following}"
    return f"{words} {following}"


_DANGLING = word_set("""de d des du la le les l a au aux et ou en sur pour par dans avec un une""")


def action_object(action: Action) -> ActionObject | None:
    """The verb and object of an action (« Rédiger une procédure... »), or None if unclear."""
    return _object_of(action.text)


@lru_cache(maxsize=8192)
def _object_of(wording: str) -> ActionObject | None:
    # Asked again by every pattern that may name the action's deliverable.
    text = " ".join(strip_site(wording).split())
    folded = plain_text(text)
    verb: str | None = None
    rest = text
    for nominal, infinitive in _NOMINAL.items():
        if folded.startswith(nominal + " "):
            verb, rest = infinitive, text[len(nominal) :].strip()
            break
    if verb is None:
        match = _VERB.match(text)
        if match is None:
            return None
        verb = (match["verb"] + (match["particle"] or "")).lower()
        rest = match["rest"]
    rest = _ADVERBS.sub("", rest.strip())
    article = _ARTICLE.match(rest)
    if article is None:
        return None
    kind = plain_text(article["word"] or article["elided"]).strip()
    rest = article["rest"]
    if kind in {"au", "aux"} and (direct := _DIRECT_OBJECT.search(rest)):
        # « Communiquer aux étudiants une synthèse »: the object is the synthèse
        article = _ARTICLE.match(rest[direct.start() + 1 :])
        if article is None:
            return None
        kind = plain_text(article["word"] or article["elided"]).strip()
        rest = article["rest"]
    if kind in {"de", "d", "du", "des"} and (inner := _ARTICLE.match(rest)):
        # "Mise en place d'un tutorat": the complement's own article tells gender and number
        inner_kind = plain_text(inner["word"] or inner["elided"]).strip()
        if inner_kind in {"un", "une", "la", "le", "l", "les"}:
            kind, rest = inner_kind, inner["rest"]
    noun = _noun_phrase(rest)
    if len(noun) < 3:
        return None
    plural = kind in {"des", "les", "aux", "de"} or (kind == "d" and noun.split()[0].endswith("s"))
    feminine = kind in {"une", "la", "de la"}
    return ActionObject(verb, noun, feminine=feminine, plural=plural)
