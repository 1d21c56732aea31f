"""What a question names: a criterion, a recommendation, an action, a theme, a status.

References come in every form a plan uses and a coordinator types: « critère 3,
recommandation 5 », « la reco 5 du critère trois », « R5 », « C3R5 », « C3-R5 »,
« recommandation n°1 p.9 ». They are read from the normalised question
(`assistant.chat.text.normalize_question`), where numbers in words are already digits and
every spelling of « critère »/« recommandation » is already « critere »/« reco ». Actions
and themes are read from the question as typed, so that they can be shown back with their
accents; resolving them against the workspace is `assistant.chat.resolve`'s job.
"""

from __future__ import annotations

import re
from typing import Literal

from assistant.audit.french import word_set
from assistant.chat.lexicon import QUIET, CueMatch, cue_words, expression, function_words
from assistant.chat.text import CARDINALS, ORDINALS, fold_text, is_stopword
from assistant.schema import StatusCategory
from assistant.schema.chat import Entities, MissingField

_NUM = r"(\d{1,2}(?:\.\d{1,2}){0,2})"
_CRITERION_AND_RECOMMENDATION = (
    re.compile(rf"\bc\s?{_NUM}\s?[-/.]?\s?r\s?(\d{{1,2}})\b"),
    re.compile(rf"\bcritere\s{_NUM}\s(?:\w+\s){{0,2}}?reco\s(\d{{1,2}})\b"),
)
_RECOMMENDATION_AND_CRITERION = (
    re.compile(rf"\breco\s(\d{{1,2}})\s(?:\w+\s){{0,3}}?critere\s{_NUM}\b"),
    re.compile(rf"\b(\d{{1,2}})\sreco\s(?:\w+\s){{0,3}}?critere\s{_NUM}\b"),
    re.compile(rf"\breco\s(\d{{1,2}})\s(?:\w+\s){{0,3}}?c{_NUM}\b"),
)
_CRITERION = (
    re.compile(rf"\bcritere\s{_NUM}\b"),
    re.compile(rf"\b{_NUM}\scritere\b"),
    re.compile(r"\bc(\d)\b"),
)
_RECOMMENDATION = (
    re.compile(r"\breco\s(\d{1,2})\b"),
    re.compile(r"\b(\d{1,2})\sreco\b"),
    re.compile(r"\br\s?(\d{1,2})\b"),
)
_PAGE = re.compile(r"\b(?:p|page)\s?(\d{1,3})\b")
_PRONOUN = re.compile(
    r"\bqui (?:en|les|s en|l|la|le|y)\b|\b(?:cette|ces) actions?\b|\bcel(?:le|les|ui)[ -](?:ci|la)\b|\bceux[ -](?:ci|la)\b"
    r"\b|\belles?\b|\bleurs?\b|\b(?:en|les) (?:est|sont|porte|portent|pilote|s occupe)\b|^(?:et )?(?:les|la) ?quelles?\b"
    # « c'est pour quand ? », « ça en est où ? » right after an answer: what it listed
    r"|^(?:et )?(?:c|ca|cela) (?:est|sera|serait|en est)\b(?= (?:pour )?(?:quand|qui|ou)\b)"
    # « qui pourrait les prendre en charge ? », « qui va s'en occuper ? »: an object pronoun
    # between a modal and its infinitive
    r"|\b(?:pourrai(?:t|en?t)|peu(?:t|vent)|doi(?:t|vent)|devrai(?:t|ent)|va|vont|faudrait|voudrai(?:t|ent))"
    r" (?:les|l|s en|en|la|le|y|lui|leur) \w+(?:er|ir|re)\b"
)
_ACTION_ID = re.compile(r"\bact-[0-9a-f]{6,}\b")
_QUOTED = re.compile(r"[«“\"]\s*(.+?)\s*[»”\"]")
_ACTION_PHRASE = re.compile(r"\bl\s?['’]?\s?action\s+(.+)$", re.IGNORECASE)
_LEADING_LINK_WORDS = re.compile(
    r"^(?:n\s?°\s?|sur|de|du|des|concernant|qui|intitul[ée]e?|appel[ée]e?|nomm[ée]e?|:|-)\s+",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"[\s?!.;:,]+$")
_WORD = re.compile(r"[\w]+(?:-[\w]+)*")
_INVERSION = re.compile(r"-(?:t-)?(?:ils?|elles?|on|nous|vous)$")

#: Words that are never a theme: question words, auxiliaries, domain words of every question.
GENERIC_WORDS = (
    word_set(
        """comment quoi quel quelle quels quelles qui que qu est-ce ce cela ca nous notre nos vous
    votre vos avons avez ont a sont est etait sera fait faire faites donne donner montre montrer
    dis dire liste lister peux pouvez pourrais pourriez svp merci il ils elle elles y en sur
    concernant propos autour theme themes sujet sujets domaine question questions plan plans
    reco critere criteres recommandation recommandations action actions ont-ils ont-elles
    est-ce avons-nous a-t-on t-on fait-on existe existent y-a-t-il quelqu chose choses ete
    traite traitee traitees traites gere gerent aborde abordee abordees concernent concerne
    porte portent prevu prevue prevues avons-nous-prevu ailleurs autres autre etablissements
    etablissement ecoles ecole institutions institution hautes programmes sections collegues
    nous-memes et ou donc alors aussi encore deja bien tout tous toute toutes liees lie liee
    relatives relatif relative parle parlent reco recos rec quest quelqu un organise
    organisee organisees organises organisent organiser met mis mettre place gere gerer
    aborde traite fait-il ont-elles ont-ils s-y occupe occupent"""
    )
    | frozenset(CARDINALS)
    | frozenset(ORDINALS)
)

_STATUS_CUES = (
    ("postponed", StatusCategory.POSTPONED),
    ("abandoned", StatusCategory.ABANDONED),
    ("done", StatusCategory.DONE),
    ("upcoming", StatusCategory.PLANNED),
)
#: « (***) », « priorité 2 »: the priority as the plan writes it (stars, or a number).
_STARS = re.compile(r"(?<![*])(\*{1,3})(?![*])|\bpriorite (\d)\b")
_BY_OWNER = re.compile(r"\bqui\b|\bresponsables?\b|\bporteurs?\b|\bpersonnes?\b")
_BY_CRITERION = re.compile(r"\bpar critere|\bcriteres\b|\bpar reco")
_BY_STATUS = re.compile(r"\betats?\b|\bstatuts?\b|\bstatus\b|\bavancement\b")
#: « le moins », not « au moins » nor « du moins » (a floor, « au moins une action »).
_LEAST = re.compile(r"(?<!\bau )(?<!\bdu )\b(?:le |la |les )?moins\b")
_MOST = re.compile(r"\b(?:le |la |les )?(?:plus|mieux)\b")
_ASKS_WEAKNESS = re.compile(r"\bfaiblesses?\b|\bpoints? faibles?\b|\bfaibles\b")
_ASKS_THREAT = re.compile(r"\bmenaces?\b|\brisques?\b")
_FIELD_CUES = (
    ("owner", MissingField.OWNER),
    ("deadline", MissingField.DEADLINE),
    ("indicator", MissingField.INDICATOR),
)


def _first(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        found = pattern.search(text)
        if found:
            return found
    return None


def criterion_label(number: str) -> str:
    return f"Critère {number}"


def references(normalized: str) -> tuple[str | None, str | None, str | None]:
    """(criterion, recommendation number, page) named in a normalised question."""
    criterion = number = None
    if both := _first(_CRITERION_AND_RECOMMENDATION, normalized):
        criterion, number = both.group(1), both.group(2)
    elif both := _first(_RECOMMENDATION_AND_CRITERION, normalized):
        number, criterion = both.group(1), both.group(2)
    else:
        if found := _first(_CRITERION, normalized):
            criterion = found.group(1)
        if found := _first(_RECOMMENDATION, normalized):
            number = found.group(1)
    page = _PAGE.search(normalized)
    return (
        criterion_label(criterion) if criterion else None,
        str(int(number)) if number else None,
        page.group(1) if page else None,
    )


def action_query(text: str) -> str | None:
    """Words that name an action: its id, a quoted title, or what follows « l'action »."""
    if found := _ACTION_ID.search(text):
        return found.group(0)
    if found := _QUOTED.search(text):
        return found.group(1).strip()
    if found := _ACTION_PHRASE.search(text):
        phrase = _TRAILING.sub("", found.group(1).strip())
        previous = None
        while phrase != previous:
            previous = phrase
            phrase = _LEADING_LINK_WORDS.sub("", phrase).strip()
        return phrase or None
    return None


def theme(text: str, drop: frozenset[str] = frozenset()) -> str | None:
    """Content words of the question once question words, cue words and references are gone.

    Args:
        text: the question as typed (accents kept for display).
        drop: extra folded words to leave out (the cue words the chosen intent used).
    """
    kept: list[re.Match[str]] = []
    for found in _WORD.finditer(text.replace("’", "'").replace("'", " ")):
        word = found.group(0)
        # « gèrent-ils », « a-t-on »: the verb of an inverted question, without its pronoun
        folded = _INVERSION.sub("", fold_text(word))
        if (
            folded in GENERIC_WORDS
            or folded in function_words()
            or folded in drop
            or is_stopword(folded)
            or folded.isdigit()
            or len(folded) < 2
            or re.fullmatch(r"(?:c\d+|r\d+|c\d+-?r\d+|p\d+|act-[0-9a-f]+|n)", folded)
        ):
            continue
        kept.append(found)
    if not kept:
        return None
    # The words as typed, from the first kept to the last: « ateliers d'écriture ».
    span = text[kept[0].start() : kept[-1].end()].strip()
    return span if span.isupper() else span[:1].lower() + span[1:]


def group_by(normalized: str) -> Literal["owner", "criterion", "status"] | None:
    """What an aggregate is asked per: « par critère », « par état », « qui … le plus »."""
    if _BY_CRITERION.search(normalized):
        return "criterion"
    if _BY_STATUS.search(normalized):
        return "status"
    if _BY_OWNER.search(normalized):
        return "owner"
    return None


def extreme(normalized: str) -> Literal["most", "least"] | None:
    """« le moins … » / « le plus … », « le mieux … » (None: no comparison)."""
    if _LEAST.search(normalized):
        return "least"
    return "most" if _MOST.search(normalized) else None


def swot_kinds(normalized: str) -> list[Literal["weakness", "threat"]]:
    """« faiblesses », « menaces » or both, as the question names them (none: empty)."""
    kinds: list[Literal["weakness", "threat"]] = []
    if _ASKS_WEAKNESS.search(normalized):
        kinds.append("weakness")
    if _ASKS_THREAT.search(normalized):
        kinds.append("threat")
    return kinds


#: « sans état », « pas de statut », « n'ont aucun état »: the status is the missing field.
_NO_STATUS = re.compile(r"\b(?:sans|pas d|pas de|aucun|ni) (?:etat|statut)s?\b")
_DENIED_DONE = re.compile(
    r"\b(?:pas|non|jamais|ni)(?: \w+){0,2} (?:realise|realisee|realisees|realises|termine|"
    r"terminee|terminees|termines|fini|finie|finies|finis|acheve|achevee|achevees|acheves|"
    r"fait|faite|faites|faits|boucle|bouclee|bouclees|boucles)\b"
)
#: « est-ce qu'il reste des actions à faire ? », « celles encore à mener »: not done yet.
_STILL_TO_DO = re.compile(
    r"\b(?:reste|restent|rester)\b(?: \w+){0,3} a (?:faire|mener|realiser|terminer)\b"
    r"|\bencore a (?:faire|mener|realiser)\b"
)


#: « des actions qui ne répondent à aucune reco », « actions sans référence »: the actions
#: come first, the recommendation is denied after them (the reverse asks for uncovered ones).
_NO_REFERENCE = re.compile(
    r"\bactions?\b.*\b(?:sans|aucune?|pas de|pas d|ni)(?: \w+){0,2} (?:reco|references?)\b"
)
#: A field word denied: « sans responsable », « ni échéance », « pas d'indicateur ».
_DENIED = r"\b(?:sans|ni|pas d|pas de|aucun|aucune)\s(?:\w+\s){{0,2}}?{word}\b"
_EITHER = re.compile(r"\bou\b(?! pas\b)")


def denied_fields(normalized: str, cues: CueMatch) -> list[MissingField]:
    """The fields a question denies, in its order (« ni responsable ni échéance »)."""
    found: list[tuple[int, MissingField]] = []
    for cue, value in _FIELD_CUES:
        for word in cues.words_of(cue):
            if denied := re.search(_DENIED.format(word=re.escape(word)), normalized):
                found.append((denied.start(), value))
                break
    return [value for _, value in sorted(found, key=lambda pair: pair[0])]


def priority(text: str, normalized: str, cues: CueMatch) -> int | None:
    """The priority asked about: the stars or number written, else *** for « prioritaires »."""
    if written := _STARS.search(text) or _STARS.search(normalized):
        level = len(written.group(1)) if written.group(1) else int(written.group(2))
        return level if 1 <= level <= 3 else None
    # « les actions prioritaires »: *** ; « quelle est la priorité de … ? » asks the field
    return 3 if re.search(r"\bprioritaires?\b", normalized) else None


_SEVERITIES: tuple[Literal["critical", "major", "minor"], ...] = ("critical", "major", "minor")


def severity(normalized: str) -> Literal["critical", "major", "minor"] | None:
    """The severity of gaps named (« critiques », « les plus graves », « mineures »)."""
    return next((s for s in _SEVERITIES if expression(f"severity_{s}").search(normalized)), None)


def extract(text: str, normalized: str, cues: CueMatch) -> Entities:
    """Entities of a question (not yet checked against the workspace)."""
    criterion, number, page = references(normalized)
    status = next((category for cue, category in _STATUS_CUES if cues.has(cue)), None)
    if status is None and re.search(r"\ben cours\b", normalized):
        status = StatusCategory.IN_PROGRESS
    # « pas encore faites », « encore à mener », « il reste combien d'actions à réaliser ? »
    still_to_do = status in (None, StatusCategory.DONE) and bool(
        _STILL_TO_DO.search(normalized) or (status is None and _DENIED_DONE.search(normalized))
    )
    if still_to_do:
        status = StatusCategory.DONE  # denied below: the actions not done yet
    field = next((value for cue, value in _FIELD_CUES if cues.has(cue)), None)
    if field is None and _NO_STATUS.search(normalized):
        field = MissingField.STATUS
    denied = denied_fields(normalized, cues)
    if denied:
        field = denied[0]
    elif _NO_REFERENCE.search(normalized):
        field = MissingField.RECOMMENDATION
    return Entities(
        criterion=criterion,
        recommendation_number=number,
        page=page,
        action_query=action_query(text),
        field=field,
        fields=denied if len(denied) > 1 else [],
        any_field=len(denied) > 1 and bool(_EITHER.search(normalized)),
        status=status.value if status else None,
        status_negated=status is StatusCategory.DONE
        and (still_to_do or bool(_DENIED_DONE.search(normalized))),
        partial=cues.has("partial"),
        priority=priority(text, normalized, cues),
        group_by=group_by(normalized),
        swot_kinds=swot_kinds(normalized),
        pronoun=bool(_PRONOUN.search(normalized)),
        extreme=extreme(normalized),
        severity=severity(normalized),
    )


def theme_drop_words(cues: CueMatch, *names: str) -> frozenset[str]:
    """Words to leave out of the theme: those that showed the given cues (all cues if none)."""
    if names:
        return frozenset(word for name in (*names, QUIET) for word in cues.words_of(name))
    return frozenset(word for words in cues.found.values() for word in words) | cue_words()
