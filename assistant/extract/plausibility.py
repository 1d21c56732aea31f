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

from assistant.extract.builder import PlanBuilder
from assistant.schema import Action, StructureReport, TableKind, TableReport

#: Below this confidence a table's reading is announced as unsure.
LOW_CONFIDENCE = 0.6
_FRAGMENT_REF = re.compile(r"^(?:ref:)?[a-zà-ÿ]")


def check(plan: PlanBuilder) -> None:
    """Fill the structure report's checks, readers and confidence; add French warnings."""
    structure = plan.structure
    structure.readers = _readers(plan)
    checks: list[str] = []
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
            f"{where} : lecture peu sûre (confiance {table.confidence:.0%})"
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
