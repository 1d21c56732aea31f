"""The grounding check: every claim of an answer must be supported by the items it cites.

An answer is trusted only if a coordinator can verify it, so each factual sentence ends with
the ids of its evidence in brackets, and this module checks, claim by claim (the words
before each bracket):

1. every cited id exists in the workspace;
2. the claim's content words (French stems, minus the answer's own frame vocabulary:
   « action », « responsable », « couverte »...) are mostly found in the cited items;
3. every number is found in them, is the number of items cited, or is the reference date;
4. every « quote » is found (nearly verbatim) in a cited item;
5. claims about coverage, owners, lateness and statuses agree with the audit for every
   cited item (« non couverte » citing a covered recommendation is refused);
6. a sentence that says all recommendations are covered is refused while one is not,
   with or without citations — the very sentence a planted instruction would ask for.

Sentences without citations pass only when they state nothing: questions back to the
coordinator, guidance (« Précisez... »), and statements of absence (« Je ne trouve pas... »).
The default mode runs the check on its own answers (a test asserts they always pass); the
LLM mode drops the sentences that fail and says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from assistant.audit.findings import SEVERITY_ORDER, group_findings
from assistant.audit.french import word_set
from assistant.chat.knowledge import Knowledge
from assistant.chat.lexicon import expression
from assistant.chat.reply import CITATION_GROUP
from assistant.chat.synonyms import named_by_synonyms
from assistant.chat.text import CARDINALS, fold_text, stems
from assistant.schema import Coverage, StatusCategory

#: Words of the answers' frame (templates, connectors): not content a source must contain.
FRAME_WORDS = word_set(
    """
action actions recommandation recommandations critere criteres plan plans couverte couvertes
couvert couverture partiellement partielle entierement aucune aucun responsable responsables
echeance echeances etat indicateur indicateurs suivi suivis porte portent portee portees
porter porteur lien liens liee liees lie ecrite ecrites ecrit reference references citee
citees repond repondent repondu proche proches contenu passage passages document documents
source sources compte comptent elle elles votre vos notre nos autre autres plan etablissement
etablissements espace travail seule seul seules seuls note notee notees sans retard dernier
depassee depassees depasse encore venir cours realisee realisees realise reportee reportees
reporte abandonnee abandonnees abandonne actualite planifier planifiee etat non precise
precisee parle parlent concerne concernent proposition propositions suggestion suggestions
valider pas fait faits reformuler ajuster deja dans alors autrement dit egalement aussi
ainsi que parmi dont total ensemble chacune chacun lesquelles laquelle celle celles voici
points attention lacune lacunes audit releve relevees relevee collectif collective vague
vagues mesurable indicatif indicative cible realisation resultat bibliotheque modele modeles
similaire similaires date dates jour termes part apparait apparaissent figure figurent
trouve trouvent trouver mentionne mentionnent selon prevu prevue prevues prevoit
ouverte ouvertes toujours champ rempli moins equipe font faire reference ailleurs verifier
numerotee numerotees chaque existe plusieurs
experts expert rattacher cet cette element renforcer completer prevues proposes apres
intitule
manque manquent traite traitent traitee traitees reprend presque mot pour doublons probables
proposer propositions pourrait porter semblable semblables paire analyse swot faiblesse
faiblesses menace menaces element recommandations sujet parle parlent nombre
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
version versions precedente ajoutee ajoutees modifiee modifiees modifie depuis toutes tous
reste restent mener ni
retiree retirees reformulee reformulees devient deplacee perdu leur reprend revient reviennent
rapport nouveau pourtant marquee change changee changees changement changements derniere
figurait figuraient mieux egalite plus
priorite prioritaire prioritaires
entre avant ici fin jusqu prochaine prochaines puis periode
critique critiques majeure majeures mineure mineures constat constats regroupee regroupees
type types information hors
probable confirmer ancien compte comptes si sinon celle-ci confirmez completez verifiez
cite semble repondre abord score
"""
)
_FRAME = frozenset(s for word in FRAME_WORDS for s in stems(word))

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# « trois recommandations » states a count as surely as « 3 » (« un/une » are articles).
_NUMBER_WORD = re.compile(
    r"\b(?:"
    + "|".join(sorted((w for w in CARDINALS if w not in ("un", "une")), key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_QUOTE = re.compile(r"«\s*(.+?)\s*»")
_COUNTED = re.compile(r"\b(\d+) (?:autres? )?(recommandations?|actions?)\b")
_NOT_FACTUAL = expression("not_factual_opening")
_UNCOVERED = expression("uncovered")
_PARTIAL = expression("partial")
_COVERED = re.compile(r"\bcouvertes?\b")
_NO_OWNER = expression("no_owner")
_LATE = expression("late")
_ALL_COVERED = expression("all_covered")
_CRITERION = re.compile(r"critere (\d+(?:\.\d+)*)")
_STATUS_WORDS: tuple[tuple[re.Pattern[str], StatusCategory], ...] = (
    (re.compile(r"\brealisee?s?\b|\bterminee?s?\b|\bimplementee?s?\b"), StatusCategory.DONE),
    (re.compile(r"\ben cours\b"), StatusCategory.IN_PROGRESS),
    (re.compile(r"\ba venir\b|\ba planifier\b|\bplanifiee?s?\b"), StatusCategory.PLANNED),
    (re.compile(r"\breportee?s?\b"), StatusCategory.POSTPONED),
    (re.compile(r"\babandonnee?s?\b|plus d actualite"), StatusCategory.ABANDONED),
    (re.compile(r"\bsans etat\b|\betat non precise\b"), StatusCategory.UNKNOWN),
)
#: Share of a claim's content stems that its sources must contain.
SUPPORT_THRESHOLD = 0.6


@dataclass
class SentenceCheck:
    """The verdict on one sentence."""

    sentence: str
    ids: list[str]
    factual: bool
    supported: bool
    reason: str | None = None


@dataclass
class GroundingReport:
    checks: list[SentenceCheck] = field(default_factory=list)

    @property
    def grounded(self) -> bool:
        return all(check.supported for check in self.checks)

    @property
    def unsupported(self) -> list[SentenceCheck]:
        return [check for check in self.checks if not check.supported]


def split_sentences(text: str) -> list[str]:
    """Sentences of a markdown-light text: each line, cut after « . ! ? » outside quotes."""
    sentences: list[str] = []
    for line in text.splitlines():
        depth, start = 0, 0
        for index, char in enumerate(line):
            if char == "«":
                depth += 1
            elif char == "»":
                depth = max(0, depth - 1)
            elif char in ".!?" and depth == 0:
                rest = line[index + 1 :]
                if not rest.strip() or (rest.startswith(" ") and rest.lstrip()[:1].isupper()):
                    sentences.append(line[start : index + 1].strip())
                    start = index + 1
        if line[start:].strip():
            sentences.append(line[start:].strip())
    return [s for s in sentences if s]


_WORD = re.compile(r"[\w’'-]+")
_ANY_ID = re.compile(r"\b(?:act|rec|swot|gap|draft|doc|pattern)[-:][\w.-]{4,}")


def _surface(words: str, missing: set[str]) -> list[str]:
    """The words of a claim as written whose stems are missing (never the stems themselves)."""
    found = [w for w in _WORD.findall(_QUOTE.sub(" ", words) + " " + " ".join(_QUOTE.findall(words)))
             if set(stems(w)) & missing]  # fmt: skip
    return list(dict.fromkeys(w.strip("’'-").lower() for w in found)) or ["?"]


def note_for_people(sentence: str, reason: str | None, *, removed: bool = False) -> str:
    """The warning a coordinator reads about a sentence that failed the check.

    It quotes the sentence without its bracketed ids and gives the reason in words (no
    internal id, no stem), e.g. « Phrase non vérifiée (nombre absent des sources citées :
    12) : « 12 actions sont réalisées » ».
    """
    shown = " ".join(CITATION_GROUP.sub("", sentence).split()).replace(" .", ".")
    why = _ANY_ID.sub("", reason or "non vérifiée").strip(" :") or "non vérifiée"
    if why.startswith("source inconnue"):
        why = "une source citée est introuvable dans l'espace de travail"
    return f"{'Phrase retirée' if removed else 'Phrase non vérifiée'} ({why}) : « {shown} »"


def _folded(text: str) -> str:
    return " ".join(fold_text(text).replace("'", " ").split())


def _claims(sentence: str) -> list[tuple[str, list[str]]]:
    """(words, cited ids) for each claim: the text before each bracket of ids."""
    claims: list[tuple[str, list[str]]] = []
    start = 0
    for found in CITATION_GROUP.finditer(sentence):
        ids = [item.strip() for item in found.group(1).split(",")]
        claims.append((sentence[start : found.start()], ids))
        start = found.end()
    tail = sentence[start:].strip(" .;:!?")
    if tail and claims:
        words, ids = claims[-1]
        claims[-1] = (words + " " + tail, ids)
    elif tail:
        claims.append((tail, []))
    return claims


class GroundingChecker:
    """Checks sentences against one `Knowledge` (support texts are cached per item)."""

    def __init__(self, knowledge: Knowledge, context_numbers: Iterable[str] = ()) -> None:
        self.knowledge = knowledge
        self.context_numbers = frozenset(context_numbers) | {
            str(knowledge.as_of.day),
            str(knowledge.as_of.year),
        }
        self._stems: dict[str, frozenset[str]] = {}
        self._numbers: dict[str, frozenset[str]] = {}

    def _support(self, item_id: str) -> tuple[str, frozenset[str], frozenset[str]] | None:
        text = self.knowledge.support_text(item_id)
        if text is None:
            return None
        if item_id not in self._stems:
            self._stems[item_id] = frozenset(stems(text))
            self._numbers[item_id] = frozenset(n.replace(",", ".") for n in _NUMBER.findall(text))
        return text, self._stems[item_id], self._numbers[item_id]

    def check_text(self, text: str) -> GroundingReport:
        return GroundingReport([self.check_sentence(s) for s in split_sentences(text)])

    def check_sentence(self, sentence: str) -> SentenceCheck:
        body = sentence[2:] if sentence.startswith("- ") else sentence
        claims = _claims(body)
        ids = [i for _, cited in claims for i in cited]
        if problem := self._global_claims(_folded(CITATION_GROUP.sub(" ", body))):
            return SentenceCheck(sentence, ids, True, False, problem)
        if not ids:
            folded = _folded(body)
            content = self._content(body)
            if body.rstrip().endswith("?") or _NOT_FACTUAL.match(folded) or not content:
                return SentenceCheck(sentence, ids, False, True)
            return SentenceCheck(sentence, ids, True, False, "affirmation sans source citée")
        for words, cited in claims:
            if problem := self._check_claim(words, cited):
                return SentenceCheck(sentence, ids, True, False, problem)
        return SentenceCheck(sentence, ids, True, True)

    def _content(self, words: str) -> tuple[list[str], list[str]]:
        """Content stems and numbers of a claim; number words count as numbers outside quotes."""
        quotes = " ".join(_QUOTE.findall(words))
        outside = _NUMBER_WORD.sub(
            lambda m: str(CARDINALS[m.group(0).casefold()]), _QUOTE.sub(" ", words)
        )
        content = [s for s in stems(f"{outside} {quotes}") if s not in _FRAME and not s.isdigit()]
        numbers = [n.replace(",", ".") for n in _NUMBER.findall(f"{outside} {quotes}")]
        return (content, numbers) if content or numbers else ([], [])

    def _check_claim(self, words: str, cited: list[str]) -> str | None:
        if not cited:
            content, numbers = self._content(words)
            if content or numbers:
                return "affirmation sans source citée"
            return None
        supports = []
        for item_id in cited:
            support = self._support(item_id)
            if support is None:
                return f"source inconnue : {item_id}"
            supports.append(support)
        stems_found = frozenset().union(*(s for _, s, _ in supports))
        content, numbers = self._content(words)
        # « fiches UE » is supported by a source that writes « unité d'enseignement »
        stems_found |= named_by_synonyms(content, stems_found)
        numbers_found = frozenset().union(*(n for _, _, n in supports))
        if content:
            share = sum(1 for s in content if s in stems_found) / len(content)
            if share < SUPPORT_THRESHOLD:
                missing = {s for s in content if s not in stems_found}
                return f"mots absents des sources citées : {', '.join(_surface(words, missing))}"
        counts = self._counts(cited)
        for number in numbers:
            if (
                number not in numbers_found
                and number not in counts
                and number not in self.context_numbers
            ):
                return f"nombre absent des sources citées : {number}"
        if problem := self._counted(words, cited):
            return problem
        for quote in _QUOTE.findall(words):
            target = _folded(quote.removesuffix("…").strip())
            if target and not any(
                fuzz.partial_ratio(target, _folded(text)) >= 90 for text, _, _ in supports
            ):
                return f"citation introuvable dans les sources : « {quote} »"
        return self._structured_claims(_folded(_QUOTE.sub(" ", words)), cited)

    def _counted(self, words: str, cited: list[str]) -> str | None:
        """« 3 recommandations », « 4 actions »: the count of the items of that kind cited."""
        outside = _NUMBER_WORD.sub(
            lambda m: str(CARDINALS[m.group(0).casefold()]), _QUOTE.sub(" ", words)
        )
        for number, noun in _COUNTED.findall(_folded(outside)):
            kind = "recommendation" if noun.startswith("recommandation") else "action"
            # an action of the previous version counts as an action (« 2 actions retirées »)
            n = sum(
                1
                for i in set(cited)
                if (self.knowledge.kind_of(i) or "").removeprefix("earlier_") == kind
            )
            if int(number) != n:
                return f"compte faux : {number} {noun} pour {n} citée(s)"
        return None

    def _counts(self, cited: list[str]) -> frozenset[str]:
        kinds: dict[str, int] = {}
        for item_id in cited:
            kind = self.knowledge.kind_of(item_id) or "?"
            kinds[kind] = kinds.get(kind, 0) + 1
        found = {str(len(set(cited))), *(str(n) for n in kinds.values())}
        # « 28 lacunes, dont 3 critiques (regroupées en 16 constats) »: the cited gaps per
        # severity, and the findings they make, grouped as the audit's report groups them
        gaps = [self.knowledge.gaps[i] for i in set(cited) if self.knowledge.kind_of(i) == "gap"]
        if gaps:
            found |= {str(sum(g.severity is level for g in gaps)) for level in SEVERITY_ORDER}
            found.add(str(len(group_findings(gaps))))
        return frozenset(found)

    def _structured_claims(self, folded: str, cited: list[str]) -> str | None:
        knowledge = self.knowledge
        recs = [i for i in cited if knowledge.kind_of(i) == "recommendation"]
        actions = [knowledge.actions[i] for i in cited if knowledge.kind_of(i) == "action"]
        wanted: Coverage | None = None
        if _UNCOVERED.search(folded):
            wanted = Coverage.UNCOVERED
        elif _PARTIAL.search(folded):
            wanted = Coverage.PARTIAL
        elif _COVERED.search(folded):
            wanted = Coverage.COVERED
        if wanted is not None:
            for rec_id in recs:
                mapping = knowledge.mapping_for(rec_id)
                if mapping is not None and mapping.coverage is not wanted:
                    return f"couverture contredite par l'audit : {mapping.recommendation_ref}"
        if _NO_OWNER.search(folded) and any(a.owner and a.owner.strip() for a in actions):
            return "une action citée a un responsable"
        if _LATE.search(folded) and any(not knowledge.is_late(a.id) for a in actions):
            return "une action citée n'est pas en retard"
        named = {category for pattern, category in _STATUS_WORDS if pattern.search(folded)}
        if named and actions and any(a.status_category not in named for a in actions):
            return "état de réalisation contredit par le plan"
        return None

    def _global_claims(self, folded: str) -> str | None:
        if not _ALL_COVERED.search(folded):
            return None
        criterion = _CRITERION.search(folded)
        wanted = f"Critère {criterion.group(1)}" if criterion else None
        uncovered = [
            m for m in self.knowledge.mappings
            if m.coverage is Coverage.UNCOVERED and (wanted is None or m.criterion == wanted)
        ]  # fmt: skip
        if uncovered:
            return f"contredit par l'audit : {uncovered[0].recommendation_ref} n'est pas couverte"
        return None
