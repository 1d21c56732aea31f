"""Does what was extracted look like a real plan? French warnings when it does not.

The extractor can be confidently wrong: a table read with its columns shifted gives
« actions » of one word, a PDF whose words were cut gives references such as
« éalisation : R », an owner column that is really something else gives no owner at all.
These checks look at the result as a reviewer would and turn what looks wrong into
warnings (`Plan.warnings`) and into the structure report's confidence, so that every
screen can say « à vérifier » instead of presenting a wrong reading as a sure one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from assistant.extract.action_codes import code_key
from assistant.extract.builder import PlanBuilder
from assistant.extract.infinitives import is_infinitive
from assistant.extract.stream import Item, Line
from assistant.french.numbers import percent
from assistant.schema import Action, StructureReport, TableKind, TableReport

#: Below this confidence a table's reading is announced as unsure.
LOW_CONFIDENCE = 0.6
_FRAGMENT_REF = re.compile(r"^(?:ref:)?[a-zà-ÿ]")


def check(plan: PlanBuilder, items: Sequence[Item] = ()) -> None:
    """Fill the structure report's checks, readers and confidence; add French warnings.
    `items`, the document's lines, tell what was left unread after the actions."""
    structure = plan.structure
    structure.readers = _readers(plan)
    checks: list[str] = _codes_unread(plan, items)
    actions = plan.actions
    if actions:
        tiny = [a for a in actions if len(a.text.split()) <= 2]
        if len(tiny) >= 3 and len(tiny) >= 0.2 * len(actions):
            checks.append(
                f"{len(tiny)} actions sur {len(actions)} n'ont qu'un ou deux mots "
                f"(ex. « {tiny[0].text} ») : le tableau a sans doute été mal découpé."
            )
        repeated = [text for text, n in Counter(a.text for a in actions).items() if n >= 3]
        if repeated:
            checks.append(
                f"La même action apparaît 3 fois ou plus (« {_short(repeated[0])} ») : "
                "des lignes ont peut-être été dédoublées (saut de page, cellules fusionnées)."
            )
    checks.extend(_field_checks(actions))
    fragments = [
        r.ref
        for r in plan.recommendations.values()
        if r.key.startswith("ref:") and (_FRAGMENT_REF.match(r.ref) or len(r.ref) < 12)
    ]
    if fragments:
        checks.append(
            f"{len(fragments)} référence(s) de recommandation ressemblent à des fragments de "
            f"mots (ex. « {fragments[0]} ») : la colonne des références a été mal lue."
        )
    for table in structure.tables:
        checks.extend(_table_checks(table, _actions_of(plan, table.index)))
    structure.checks = checks
    structure.confidence = _confidence(structure, checks)
    structure.needs_review = structure.needs_review or structure.confidence < LOW_CONFIDENCE
    plan.warnings.extend(checks)
    if structure.needs_review and actions:
        plan.warnings.append(
            "Lecture incertaine de la structure du document : les actions extraites sont des "
            "candidates « à vérifier » (voir le rapport de structure, et corrigez les rôles des "
            "colonnes si besoin)."
        )


_MIN_CODES = 3  # actions coded in the plan, for their codes coming back to mean a table
_MIN_CODE_LINES = 2


def _codes_unread(plan: PlanBuilder, items: Sequence[Item]) -> list[str]:
    """Codes of the plan's actions (« A1.2 ») standing alone on lines after the last action,
    no field filled from them: another table keyed by those codes (indicators, deadlines,
    a calendar) was not read, and the fields it holds are missing."""
    if len(plan.action_codes) < _MIN_CODES or any(a.derived for a in plan.actions):
        return []
    last = max((a.source.line_end for a in plan.actions), default=0)
    coded = [
        item
        for item in items
        if isinstance(item, Line)
        and item.span.line_start > last
        and code_key(item.text) in plan.action_codes
    ]
    if len(coded) < _MIN_CODE_LINES:
        return []
    return [
        f"Les codes des actions (ex. « {coded[0].text.strip()} ») reviennent plus loin dans le "
        f"document (l. {coded[0].span.line_start}) sans avoir été lus : un autre tableau "
        "(indicateurs, échéances, calendrier) les complète sans doute ; vérifiez ces champs."
    ]


# A cell's text that stops mid-phrase (« Président du », « Direction de »), or a deadline
# that is only the start of a period (« Rentrée », « Fin »): its row was cut, by a page
# break or a row boundary read in the wrong place.
_CUT_END = re.compile(
    r"(?:\b(?:de|du|des|d'|la|le|les|l'|à|au|aux|et|ou|en|pour|par|avec|sur)|[,;:/(-])$",
    re.IGNORECASE,
)
_PERIOD_START = re.compile(
    r"^(?:rentr[ée]e|fin|d[ée]but|mi|avant|apr[èe]s|d[èe]s|courant)$", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# A second action run into the first: a capitalised infinitive after a lower-case word.
_SECOND_ACTION = re.compile(r"(?<=[a-zà-ÿ0-9)]) (?P<verb>[A-ZÀ-Ý][a-zà-ÿ]+(?:er|ir|re))\b")
_MIN_FOR_OWNERS = 5


_MIN_UNDER_OWNED = 3  # actions without owner under owned ones, for a lost merge to be likely


def _field_checks(actions: list[Action]) -> list[str]:
    """What the actions' own fields show: cut cells, two rows in one, two actions in one."""
    if not actions:
        return []
    out: list[str] = []
    cut = [
        value
        for a in actions
        for value in (a.owner, a.deadline)
        if value and (_CUT_END.search(value.strip()) or _PERIOD_START.match(value.strip()))
    ]
    if cut:
        out.append(
            f"{len(cut)} responsable(s) ou échéance(s) semblent coupés (ex. « {cut[0]} ») : "
            "une ligne du tableau a peut-être été coupée par un saut de page."
        )
    bled = [
        value
        for a in actions
        for value in (
            a.owner if a.owner and _YEAR.search(a.owner) else None,
            a.deadline if a.deadline and ";" in a.deadline and _two_dates(a.deadline) else None,
        )
        if value
    ]
    if bled:
        out.append(
            f"{len(bled)} champ(s) semblent mêler deux lignes du tableau (ex. « {_short(bled[0])} ») "
            ": vérifiez les lignes voisines."
        )
    doubled = [a.text for a in actions if _holds_two_actions(a.text)]
    if doubled:
        out.append(
            f"{len(doubled)} action(s) semblent contenir deux actions (ex. « {_short(doubled[0])} ») : "
            "deux lignes du tableau ont peut-être été fusionnées."
        )
    under = [
        a
        for index, a in enumerate(actions)
        if not a.owner and any(b.owner for b in actions[:index])
    ]
    if len(under) >= _MIN_UNDER_OWNED and len(under) >= 0.3 * len(actions):
        out.append(
            f"{len(under)} actions n'ont pas de responsable, sous des actions qui en ont un "
            f"(ex. « {_short(under[0].text)} ») : la cellule du responsable était peut-être "
            "fusionnée sur plusieurs lignes, ce que le texte ne garde pas ; vérifiez dans le "
            "fichier d'origine (Word, Excel)."
        )
    if len(actions) >= _MIN_FOR_OWNERS and not any(a.owner for a in actions):
        out.append(
            f"Aucun responsable n'a été lu pour les {len(actions)} actions : la colonne ou "
            "la mention des responsables n'a pas été reconnue ; vérifiez le document."
        )
    return out


def _two_dates(value: str) -> bool:
    return sum(1 for piece in value.split(";") if _YEAR.search(piece)) >= 2


def _holds_two_actions(text: str) -> bool:
    for match in _SECOND_ACTION.finditer(text):
        if is_infinitive(match.group("verb").lower()) and match.start() > 12:
            return True
    return False


def _table_checks(table: TableReport, actions: list[Action]) -> list[str]:
    if table.kind is not TableKind.PLAN:
        return []
    out = []
    where = f"Tableau {table.index} (l. {table.source.line_start})"
    roles = {c.role: c for c in table.columns}
    if actions and "owner" in roles and not any(a.owner for a in actions):
        out.append(
            f"{where} : la colonne « {roles['owner'].header or 'responsable'} » ne donne aucun "
            "responsable ; vérifiez le rôle des colonnes."
        )
    if (
        actions
        and "deadline" in roles
        and sum(bool(a.deadline) for a in actions) < 0.2 * len(actions)
    ):
        out.append(
            f"{where} : presque aucune échéance lue dans la colonne « "
            f"{roles['deadline'].header or 'échéance'} » ; vérifiez le rôle des colonnes."
        )
    if table.rows >= 4 and table.rows_not_understood >= 0.3 * table.rows:
        out.append(
            f"{where} : {table.rows_not_understood} ligne(s) sur {table.rows} n'ont pas été "
            "comprises."
        )
    unsure = [c for c in table.columns if c.role and c.confidence < LOW_CONFIDENCE]
    if table.confidence < LOW_CONFIDENCE and (unsure or table.note):
        names = ", ".join(f"« {c.header or c.index + 1} » → {c.role}" for c in unsure[:4])
        out.append(
            f"{where} : lecture peu sûre (confiance {percent(table.confidence)})"
            + (f" ; colonnes incertaines : {names}" if names else "")
            + (f" ; {table.note}" if table.note else "")
            + "."
        )
    return out


def _actions_of(plan: PlanBuilder, table_index: int) -> list[Action]:
    return [a for a, t in zip(plan.actions, plan.action_tables, strict=True) if t == table_index]


def _readers(plan: PlanBuilder) -> list[str]:
    readers = list(dict.fromkeys(plan.action_readings))
    if plan.swot:
        readers.append("swot")
    if plan.recommendations:
        readers.append("recommendations")
    return readers


def _confidence(structure: StructureReport, checks: list[str]) -> float:
    plan_tables = [t for t in structure.tables if t.kind is TableKind.PLAN and t.actions]
    base = min((t.confidence for t in plan_tables), default=1.0)
    return round(max(0.0, base - 0.15 * len(checks)), 2)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
