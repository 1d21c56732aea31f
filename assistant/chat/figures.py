"""« Combien d'étudiants … ? » asked of documents that may not give the figure.

A count of something the plan does not tally (students enrolled, requests received) is
searched in the documents' text; the passages that share the question's words often hold
no figure at all (« Nombre de demandes d'aménagements raisonnables » is an indicator, not a
count). The answer then says that the documents do not give that figure, rather than quoting
passages as if they answered. A passage gives the figure when a number stands just before the
counted noun (« douze étudiants », « 20 % d'absences », « deux fois par an »); a year
(« 2024 ») is a date, not a count.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from assistant.chat.text import CARDINALS, fold_text, stem_word, stems

#: « combien de X », « combien d'X » (normalised): the counted noun.
_COUNTED = re.compile(r"\bcombien (?:de|d) ([a-z][a-z-]+)")
#: Words that may stand between a number and its noun (« 20 % d'absences »). Not « des »:
#: « 90 % des étudiants » is a share of them (a target), not how many there are.
_BETWEEN = frozenset({"%", "pour", "cent", "de", "d", "environ", "au", "moins", "plus"})
#: How many words after a number its noun may come.
_REACH = 4


def counted_noun(normalized: str) -> str | None:
    """The noun a « combien de … ? » question counts (None: it counts nothing named)."""
    found = _COUNTED.search(normalized)
    return found.group(1) if found else None


def _is_count(token: str) -> bool:
    if token.isdigit():
        return not (len(token) == 4 and token[:2] in ("19", "20"))  # a year is a date
    return token in CARDINALS


def gives_the_figure(text: str, noun: str, others: Collection[str] = ()) -> bool:
    """True when a passage holds a number counting `noun` (« douze étudiants ») in a
    sentence that also holds half of the question's other words (`others`, stems), when
    there are any: « groupes de douze étudiants » does not count the students enrolled."""
    wanted = stem_word(noun)
    if not wanted:
        return False
    other_stems = set(others) - {wanted}
    for sentence in re.split(r"[.;:!?\n]", fold_text(text)):
        tokens = re.findall(r"\d+|%|[a-z]+(?:-[a-z]+)*", sentence)
        if other_stems and len(other_stems & set(stems(sentence))) < len(other_stems) / 2:
            continue
        if _counts(tokens, wanted):
            return True
    return False


def _counts(tokens: list[str], wanted: str) -> bool:
    for position, token in enumerate(tokens):
        if not _is_count(token):
            continue
        for following in tokens[position + 1 : position + 1 + _REACH]:
            if stem_word(following) == wanted:
                return True
            if following not in _BETWEEN:
                break
    return False


def as_typed(question: str, folded: str) -> str:
    """The word of the question as typed (« étudiants ») for its folded form."""
    for word in re.findall(r"[\w-]+", question):
        if fold_text(word) == folded:
            return str(word)
    return folded
