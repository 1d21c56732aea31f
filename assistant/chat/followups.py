"""Follow-up questions: what a question that refers back to the last answer points at.

A follow-up starts with « et », « pour », « même question »… or names only a slot
(« et la 2 ? »): it reuses the last intent with its entities updated (`merge`,
`bare_number`). An *ordinal* (« la première », « le 2e », « la dernière ») that names no
noun of its own (not « la première recommandation ») points at one item of the last
answer's list: the question is read with that item's words in its place
(`with_ordinal_referent`), so that every composer finds it as if it had been named, and a
number never turns into a recommendation number by accident.
"""

from __future__ import annotations

import re

from assistant.chat.lexicon import CueMatch
from assistant.ids import fold
from assistant.schema.chat import Entities, Focus

#: « ok », « d'accord », « bon »…: a word for the last answer before the follow-up itself
#: (« ok et la reco 2 ? », « d'accord, et leurs échéances ? »), as normalised questions spell it.
ACKNOWLEDGED = (
    r"(?:(?:ok|okay|oki|d accord|bon|tres bien|parfait|super|merci|oui|ouais|entendu|"
    r"compris|ah|hmm|euh|donc|alors)\s+)*"
)
FOLLOW_UP = re.compile(
    rf"^{ACKNOWLEDGED}(?:et|pour|idem|meme question|meme chose|aussi|puis|sinon|ensuite)\b"
)

_ORDINAL_WORDS = {
    "premiere": 1, "premier": 1, "1re": 1, "1ere": 1, "1er": 1,
    "deuxieme": 2, "seconde": 2, "second": 2, "2e": 2, "2eme": 2, "2nde": 2,
    "troisieme": 3, "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "4eme": 4,
    "cinquieme": 5, "5e": 5, "5eme": 5, "derniere": -1, "dernier": -1,
}  # fmt: skip
#: « la première », « le 2e », « de la dernière » — not followed by a noun of its own.
_ORDINAL_ALONE = re.compile(
    r"\b(?:la|le|l|de la|du)\s?(" + "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True)) + r")\b"
    r"(?!\s*(?:reco\w*|recommandation\w*|critere\w*|axe\w*|objectif\w*|action\w*|"
    r"faiblesse\w*|menace\w*|force\w*|version\w*|fois|page\w*|annee\w*|\d))"
)
#: How many words of an item's wording stand for it in the question.
_REFERENT_WORDS = 12


def ordinal_of(text: str) -> int | None:
    """The position an ordinal standing alone points at (1-based, -1 for the last), or None."""
    found = _ORDINAL_ALONE.search(fold(text).replace("'", " ").replace("’", " "))
    return _ORDINAL_WORDS[found.group(1)] if found else None


def with_ordinal_referent(text: str, focus: Focus | None, wording: dict[str, str]) -> str:
    """The question with « la première » replaced by the wording of the item it points at.

    Args:
        text: the question as typed.
        focus: the conversation's focus (its lists, in the order the last answer gave them).
        wording: item id → the words standing for it in a question (`action_referent`,
            « la recommandation 2 du critère 4 »).

    Returns:
        The question unchanged when it holds no ordinal standing alone, when nothing was
        listed, or when the list is shorter than the position asked.
    """
    position = ordinal_of(text)
    if position is None or focus is None:
        return text
    items = focus.action_ids if focus.subject != "recommendations" else focus.recommendation_ids
    items = [i for i in items if i in wording] or [
        i for i in (*focus.action_ids, *focus.recommendation_ids) if i in wording
    ]
    if not items or position > len(items):
        return text
    chosen = items[position - 1] if position > 0 else items[-1]
    folded = fold(text).replace("’", "'")
    found = _ORDINAL_ALONE.search(folded.replace("'", " "))
    if found is None or len(folded) != len(text):
        return text
    return text[: found.start()] + wording[chosen] + text[found.end() :]


def action_referent(wording: str) -> str:
    """How an action stands in a question: the first words of its wording, quoted."""
    words = wording.replace("«", " ").replace("»", " ").split()[:_REFERENT_WORDS]
    return "« " + " ".join(words) + " »"


def asks_advice_back(normalized: str, cues: CueMatch, advice: re.Pattern[str]) -> bool:
    """« tu proposerais quoi ? », « que faire alors ? »: advice, naming nothing (not who)."""
    if cues.any("owner", "who", "indicator"):
        return False
    return cues.any("advice", "propose", "hypothetical") or bool(advice.search(normalized))


#: « et le 5 ? », « et du 4 ? », « et la 2 ? »: a bare number, read as the focus's slot.
_BARE_NUMBER = re.compile(
    rf"^{ACKNOWLEDGED}(?:et |pour |puis )*(?:le |la |du |de la |au |a la |pour le )?(\d{{1,2}})$"
)


def bare_number(normalized: str, focus: Focus, entities: Entities) -> None:
    """Fill the slot a bare number stands for: a recommendation when the last question
    named one (or the article is feminine, « la 2 »), else a criterion."""
    found = _BARE_NUMBER.match(normalized)
    if found is None or entities.criterion or entities.recommendation_number:
        return
    number = found.group(1)
    feminine = bool(re.search(r"\bla \d", normalized))
    if (
        feminine
        or (focus.entities.recommendation_number and not focus.entities.criterion)
        or (
            focus.entities.recommendation_number and not re.search(r"\b(?:le|du|au) \d", normalized)
        )
    ):
        entities.recommendation_number = number
    else:
        entities.criterion = f"Critère {number}"


def merge(previous: Entities, new: Entities) -> Entities:
    """Entities of a follow-up: the previous ones, updated with what the new question names."""
    update = {name: value for name, value in new.model_dump().items() if value not in (None, False)}
    merged = previous.model_copy(update=update)
    merged.pronoun = new.pronoun
    return merged
