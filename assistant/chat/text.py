"""French text helpers of the conversation: folding questions, numbers in words, stems, wording.

Coordinators type fast: no accents (« critere »), typos (« recomandation »), numbers in words
(« critère trois », « la deuxième reco »), abbreviations (« reco 5 », « R5 », « n°5 »). The
recogniser reads a *normalised* question where all of that is folded away, so that its
rules stay short. The same module holds the small wording helpers the composers use to
write correct French (agreement of counts, lists joined with « et », quotes).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable, Sequence
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from assistant.french.folding import fold, fold_accents, straight_apostrophes
from assistant.french.stems import MERGED_STEMS, split_stem
from assistant.french.stopwords import FRENCH_STOPWORDS
from assistant.retrieval.french import StemTokenizer

CARDINALS: dict[str, int] = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
    "quinze": 15, "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19, "vingt": 20,
}  # fmt: skip
ORDINALS: dict[str, int] = {
    "premier": 1, "premiere": 1, "1er": 1, "1ere": 1, "second": 2, "seconde": 2, "2nd": 2,
    "deuxieme": 2, "troisieme": 3, "quatrieme": 4, "cinquieme": 5, "sixieme": 6,
    "septieme": 7, "huitieme": 8, "neuvieme": 9, "dixieme": 10, "onzieme": 11,
    "douzieme": 12, "treizieme": 13, "quatorzieme": 14, "quinzieme": 15, "seizieme": 16,
    "vingtieme": 20,
}  # fmt: skip
_ORDINAL_DIGITS = re.compile(r"\b(\d+)\s?(?:e|eme|ieme|er|ere|nd|nde)\b")
_NUMBER_SIGN = re.compile(r"\b(?:n\s?°|n\s?º|no\.|num(?:ero)?\.?)\s*(?=\d)")
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
#: Words that introduce a criterion or a recommendation number (after fuzzy correction).
CRITERION_WORD = "critere"
RECOMMENDATION_WORD = "reco"
_CRITERION_FORMS = ("critere", "criteres", "crit", "criterium")
_RECOMMENDATION_FORMS = (
    "recommandation", "recommandations", "recommendation", "recommendations", "reco",
    "recos", "rec", "recommandat",
)  # fmt: skip


@cache
def abbreviations() -> dict[str, str]:
    """Shorthand → what it stands for (``data/abbreviations.json``): « cb » → « combien »."""
    loaded = json.loads(
        (Path(__file__).with_name("data") / "abbreviations.json").read_text("utf-8")
    )
    words: dict[str, str] = loaded["words"]
    return words


def _expanded(tokens: list[str]) -> list[str]:
    """The tokens with shorthand spelled out; a lone « c » before a number stays (« C 3 »)."""
    table = abbreviations()
    out: list[str] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        # « c » is « c'est » unless a number (« C 3 ») or « est » (« c'est ») follows
        lone_c = token == "c" and (following[:1].isdigit() or following in ("est", "etait"))
        if token in table and not lone_c:
            out += table[token].split()
        else:
            out.append(token)
    return out


def fold_text(text: str) -> str:
    """Lower case, no accents, straight apostrophes, single spaces."""
    return fold(straight_apostrophes(text))


def words(text: str) -> list[str]:
    """Folded words of a text, hyphenated words kept whole (« e-campus », « dix-sept »)."""
    return _WORD.findall(fold_text(text).replace("'", " "))


def _canonical_word(word: str) -> str:
    """'critere' / 'reco' for any spelling of those two key words, the word itself otherwise."""
    if word in _CRITERION_FORMS:
        return CRITERION_WORD
    if word in _RECOMMENDATION_FORMS:
        return RECOMMENDATION_WORD
    if len(word) >= 6 and word[0] == "c" and fuzz.ratio(word, "critere") >= 76:
        return CRITERION_WORD
    if (
        len(word) >= 8
        and word[0] == "r"
        and (fuzz.ratio(word, "recommandation") >= 80 or fuzz.ratio(word, "recommandations") >= 80)
    ):
        return RECOMMENDATION_WORD
    return word


def normalize_question(text: str) -> str:
    """The question as the rules read it.

    Folded, shorthand spelled out (« cb » → « combien »), « n°5 » → « 5 », « 3e »/« troisième » → « 3 », « critère trois » → « critere 3 »,
    every spelling of « critère » and « recommandation » (typos included) → « critere » /
    « reco ». Cardinals other than « un/une » become digits everywhere (« trois
    recommandations »); « un/une » only right after those two key words, since elsewhere
    it is an article.
    """
    folded = _NUMBER_SIGN.sub(" ", fold_text(text).replace("'", " "))
    folded = _ORDINAL_DIGITS.sub(r"\1", folded)
    tokens = [_canonical_word(word) for word in _expanded(_WORD.findall(folded))]
    out: list[str] = []
    for token in tokens:
        previous = out[-1] if out else ""
        if token in ORDINALS:
            out.append(str(ORDINALS[token]))
        elif token in CARDINALS and (
            token not in ("un", "une") or previous in (CRITERION_WORD, RECOMMENDATION_WORD)
        ):
            out.append(str(CARDINALS[token]))
        else:
            out.append(token)
    return " ".join(out)


@cache
def _tokenizer() -> StemTokenizer:
    return StemTokenizer()


def stems(text: str) -> list[str]:
    """French Snowball stems of the content words (stopwords dropped, accents folded), with
    the words Snowball merges across meanings told apart (« communication » ≠ « commune »)."""
    found = _tokenizer().tokenize(text)
    if MERGED_STEMS.isdisjoint(found):
        return found
    return [split_stem(word, stem) for word in words(text) for stem in _tokenizer().tokenize(word)]


def stem_word(word: str) -> str:
    """Stem of one word (empty string for a stopword)."""
    found = _tokenizer().tokenize(word)
    return found[0] if found else ""


def is_stopword(word: str) -> bool:
    return fold_accents(word) in FRENCH_STOPWORDS


def close(word: str, candidate: str) -> bool:
    """Same word up to a typo: one edit (two from 8 letters on), a swap counting as one.

    Words under 5 letters must be equal: « pas » and « par » are different words.
    """
    if word == candidate:
        return True
    shortest = min(len(word), len(candidate))
    if shortest < 5:
        return False
    return OSA.distance(word, candidate) <= (1 if shortest < 8 else 2)


# -- wording ---------------------------------------------------------------------------------


def count(n: int, singular: str, plural: str | None = None) -> str:
    """« 1 action », « 3 actions »."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def agree(n: int, singular: str, plural: str) -> str:
    """The form of a verb or adjective that agrees with `n` (« est » / « sont »)."""
    return singular if n == 1 else plural


def join_fr(items: Sequence[str]) -> str:
    """« A », « A et B », « A, B et C »."""
    items = [item for item in items if item]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " et " + items[-1]


def of(words: str) -> str:
    """« de stages », « d'ateliers d'écriture », « d'e-campus » (elision before a vowel or h)."""
    first = fold_text(words[:1])
    return f"d'{words}" if first and first in "aeiouyh" else f"de {words}"


def shorten(text: str, limit: int = 160) -> str:
    """The text on one line, cut at a word boundary with « … » when longer than `limit`."""
    one_line = " ".join(text.split())
    if len(one_line) <= limit:
        return one_line
    cut = one_line[:limit].rsplit(" ", 1)[0].rstrip(" ,;:.")
    return cut + " …"


def quoted(text: str, limit: int = 160) -> str:
    """« text », shortened; inner guillemets become quotes so the sentence splitter holds."""
    inner = shorten(text, limit).replace("«", "“").replace("»", "”")
    return f"« {inner} »"


#: Words of context kept around an asked word of a passage quoted from its middle.
_CONTEXT_WORDS = 3


def quoted_around(text: str, wanted: Collection[str], limit: int = 240) -> str:
    """« text » shortened around the words a question asks (their stems, `wanted`): a long
    passage is cut where those words are shown with the few words after them (« … qui se
    réunit au moins deux fois par an »), not always at its start, so that the quote holds
    the answer when the passage does."""
    one_line = " ".join(text.split())
    if len(one_line) <= limit or not wanted:
        return quoted(one_line, limit)
    tokens = list(re.finditer(r"\S+", one_line))
    asked = [j for j, t in enumerate(tokens) if set(stems(t.group(0))) & set(wanted)]
    last = len(tokens) - 1

    def shown(start: int) -> int:
        """Asked words shown with their next words, in the window opening at token `start`."""
        end = tokens[start].start() + limit - 2
        return sum(
            1 for j in asked if j >= start and tokens[min(j + _CONTEXT_WORDS, last)].end() <= end
        )

    starts = [0, *(max(0, j - _CONTEXT_WORDS) for j in asked)]
    best = max(starts, key=lambda start: (shown(start), -start))
    if best == 0:
        return quoted(one_line, limit)
    return quoted("… " + one_line[tokens[best].start() :], limit)


def unique(items: Iterable[str]) -> list[str]:
    """Items without repeats, first occurrence order."""
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)
