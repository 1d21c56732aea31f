"""What a question that cannot be answered is made of: keyboard noise, or a question about
the assistant itself.

When nothing in a question names a subject of the documents, the answer says so and offers
questions it can answer (`assistant.chat.answers_search`). It may quote the words it did not
find (« couleur » et « ciel » n'apparaissent dans aucun document), but quoting keyboard noise
(« sdfgh », « blablabla ») back to a person reads as a machine echoing: such tokens are not
words, and are not quoted. A question about how the assistant works (« ça marche comment ? »)
names no subject of the documents either, whatever its words. A thank-you (« ok merci »)
asks nothing: it is answered politely, with what else can be asked. And a request to *do*
something (« exporte le plan en Excel », « envoie un rappel aux responsables ») is not a
question about the documents: the assistant says it cannot, and what it can do instead.
"""

from __future__ import annotations

import re

from assistant.chat.lexicon import expression

_VOWELS = frozenset("aeiouy")
#: Four consonants in a row: not French (« sdfgh »); « str », « ngl » are three.
_CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxz]{4,}")
#: A short unit said three times or more: « blablabla », « hahaha », « lalala ».
_REPEATED_UNIT = re.compile(r"^(.{2,4})\1{2,}$")
_ABOUT_THE_ASSISTANT = expression("about_the_assistant")


#: Words of a thank-you or an acknowledgement (« ok merci beaucoup », « super, parfait »).
_THANKS = frozenset(
    [
        "merci",
        "mercii",
        "beaucoup",
        "bien",
        "ok",
        "okay",
        "oki",
        "super",
        "parfait",
        "top",
        "genial",
        "cool",
        "nickel",
        "excellent",
        "d",
        "accord",
        "dac",
        "ca",
        "marche",
        "vais",
        "voir",
        "je",
        "vois",
        "entendu",
        "compris",
        "tres",
    ]
)


def is_thanks(normalized: str) -> bool:
    """True for a thank-you or an acknowledgement, with nothing asked."""
    tokens = normalized.split()
    return (
        bool(tokens)
        and all(t in _THANKS for t in tokens)
        and bool(
            {"merci", "mercii", "ok", "okay", "super", "parfait", "top", "nickel"} & set(tokens)
        )
    )


def looks_like_a_word(word: str) -> bool:
    """False for keyboard noise: no vowel, four consonants in a row, a repeated syllable."""
    folded = word.lower()
    if not _VOWELS.intersection(folded):
        return False
    return not (_CONSONANT_RUN.search(folded) or _REPEATED_UNIT.match(folded))


def about_the_assistant(normalized: str) -> bool:
    """True for a question on the assistant itself (« ton truc, ça marche comment ? »)."""
    return bool(_ABOUT_THE_ASSISTANT.search(normalized))


#: A request, not a question: « tu peux … », « pourrais-tu … », « exporte … », « fais-moi … ».
_REQUEST = expression("request")
#: What a request asks the assistant to do, as « Je ne peux pas … » says it, and its words.
_OPERATIONS: tuple[tuple[str, re.Pattern[str], bool], ...] = (
    # (what, words, recognised without a request's frame)
    ("produire de fichier (Excel, PDF…)",
     re.compile(r"\bexport\w*|\bexcel\b|\bcsv\b|\btableur\b"), True),
    ("produire de fichier (Excel, PDF…)", re.compile(r"\btelecharg\w*|\bfichier\b"), False),
    ("envoyer de message",
     re.compile(r"\benvo(?:i|y)\w*|\be ?mails?\b|\bcourriels?\b|\brelanc\w*|\bnotifi\w*|"
                r"\bprevien\w*|\bprevenir\b|\brappels?\b"), False),
    ("imprimer", re.compile(r"\bimprim\w*"), True),
    ("modifier les documents",
     re.compile(r"\bmodifi\w*|\bsupprim\w*|\bcorrig\w*|\bremplac\w*|\bmettre a jour\b|"
                r"\bmets a jour\b|\bajout(?:e|er|ez)\b|\bchange(?:r|z)?\b"), False),
)  # fmt: skip


def asked_operation(normalized: str) -> str | None:
    """What a request asks the assistant to do that it cannot (« envoyer de message »), or
    None for a question. Words of documents (« modifiées ») count only inside a request."""
    request = bool(_REQUEST.search(normalized))
    for what, words, alone in _OPERATIONS:
        if words.search(normalized) and (request or alone):
            return what
    return None
