"""« Quelles sont les lacunes du plan ? »: the audit's gaps, as the report counts and groups them.

The printed report says « 28 lacunes, dont 3 critiques (regroupées en 16 constats) »; the
chat must say the same. So nothing is counted here: the gaps are the audit's
(`Knowledge.audit`, the very audit the report shows), grouped into findings and counted by
`assistant.audit.findings`, the module the report uses. This composer only chooses which
gaps the question is about (a severity, a criterion, a recommendation, an action, the gaps
about one field of the actions) and words them, most severe first, each line citing the
gaps it states (their evidence is where the coordinator can see them) and the
recommendation, action or SWOT item concerned.
"""

from __future__ import annotations

import re

from assistant.audit.findings import (
    RULE_FIELD,
    SEVERITY_ORDER,
    Finding,
    critical_clause,
    gap_tally,
    group_findings,
    kind_label,
    related_gaps,
)
from assistant.audit.service import NO_CRITERION
from assistant.chat.answers_topics import recommendations_about
from assistant.chat.grounding import split_sentences
from assistant.chat.knowledge import Knowledge
from assistant.chat.lexicon import find_cues
from assistant.chat.reply import Reply
from assistant.chat.resolve import (
    find_actions,
    find_recommendation,
    key_parts,
    recommendations_of_criterion,
    theme_actions,
)
from assistant.chat.text import count, fold_text, quoted
from assistant.schema import Gap, Severity, TargetKind
from assistant.schema.chat import Focus, Question

#: « critiques », « majeures »: how a line names the gaps of one severity.
_SEVERITY_WORDS: dict[Severity, tuple[str, str]] = {
    Severity.CRITICAL: ("critique", "critiques"),
    Severity.MAJOR: ("majeure", "majeures"),
    Severity.MINOR: ("mineure", "mineures"),
    Severity.INFO: ("pour information", "pour information"),
}
_FIELD_WORDS = {
    "owner": "les responsables",
    "indicator": "les indicateurs",
    "deadline": "les échéances",
    "status": "les états de réalisation",
}
#: « les lacunes par type », « quels types de lacunes ? »: counted per rule.
_BY_KIND = re.compile(
    r"\bpar (?:type|nature|categorie|genre|regle|sorte)s?\b|\b(?:types?|categories?|sortes?|natures?) de\b"
)
#: Actions named in a grouped finding (all of them are cited).
_NAMED = 5
_COUNTING = re.compile(r"\bcombien\b|\bnombre\b|\bau total\b|\ben une phrase\b|\bresume")


def gaps(knowledge: Knowledge, question: Question, focus: Focus) -> Reply:
    """The gaps the question asks about: counted, listed by finding, or counted per kind."""
    entities = question.entities
    pool: list[Gap] = list(knowledge.audit.gaps)
    where = ""
    if entities.recommendation_number:
        lookup = find_recommendation(
            knowledge,
            entities.recommendation_number,
            entities.criterion,
            entities.page,
            focus.criterion,
        )
        if lookup.found is None:
            return Reply(confidence=0.6).say(
                f"Je ne trouve pas la recommandation {entities.recommendation_number}"
                + (f" du {entities.criterion.lower()}" if entities.criterion else "")
                + " : précisez son critère, par exemple « les lacunes de la recommandation 2 du "
                "critère 3 »"
            )
        mapping = lookup.found
        recs = {mapping.recommendation_id, *mapping.also_cited_as}
        pool = related_gaps(pool, recs, {link.action_id for link in mapping.links})
        criterion_number, number, _ = key_parts(mapping.recommendation_key)
        where = (
            f" pour la recommandation {number} du critère {criterion_number}"
            if criterion_number and number
            else f" pour {mapping.recommendation_ref}"
        )
    elif entities.criterion:
        mappings = recommendations_of_criterion(knowledge, entities.criterion)
        recs = {m.recommendation_id for m in mappings}
        pool = related_gaps(pool, recs, {link.action_id for m in mappings for link in m.links})
        where = f" pour le {entities.criterion.lower()}"
    elif entities.action_query:
        matches = find_actions(knowledge, entities.action_query)
        if not matches:
            return Reply(confidence=0.6).say(
                f"Je ne trouve pas d'action « {entities.action_query} » dans le plan"
            )
        action = matches[0][0]
        pool = [gap for gap in pool if gap.target_id == action.id]
        where = f" pour l'action {quoted(action.text, 90)}"
    elif subject := _subject(question):
        match = theme_actions(knowledge, subject, knowledge.main_actions)
        mappings = recommendations_about(knowledge, subject, match.actions)
        if not match.actions and not mappings:
            return Reply(confidence=0.6).say(
                f"Je ne trouve ni action ni recommandation sur « {subject} » : vous pouvez "
                "demander les lacunes d'un critère, par exemple « quelles lacunes pour le "
                "critère 3 ? »"
            )
        recs = {m.recommendation_id for m in mappings}
        pool = related_gaps(pool, recs, {a.id for a in match.actions})
        where = f" sur « {subject} »"
    field = entities.field.value if entities.field is not None else None
    if field in _FIELD_WORDS:
        pool = [gap for gap in pool if RULE_FIELD.get(gap.kind) == field]
        where += f" sur {_FIELD_WORDS[field]}"
    severity = Severity(entities.severity) if entities.severity else None
    if severity is not None:
        pool = [gap for gap in pool if gap.severity is severity]
    reply = Reply().about(
        "actions",
        criterion=entities.criterion,
        recommendations=[g.target_id for g in pool if g.target_kind is TargetKind.RECOMMENDATION],
        actions=[g.target_id for g in pool if g.target_kind is TargetKind.ACTION],
    )
    if not pool:
        qualifier = f" {_SEVERITY_WORDS[severity][0]}" if severity else ""
        return reply.say(f"Je ne trouve aucune lacune{qualifier}{where} dans l'audit du plan")
    findings = group_findings(pool)
    normalized = question.normalized
    if _BY_KIND.search(normalized):
        return _per_kind(knowledge, reply, pool, where)
    if entities.group_by == "criterion" and not entities.criterion:
        return _per_criterion(knowledge, reply, pool, where)
    cues = find_cues(normalized.split(), knowledge.vocabulary())
    counting = cues.has("count") or bool(_COUNTING.search(normalized))
    if severity is None:
        opening = f"{where.strip()[:1].upper()}{where.strip()[1:]}, l'audit" if where else "L'audit"
        reply.say(f"{opening} relève {gap_tally(pool, len(findings))}", *_cites(knowledge, pool))
    if counting and severity is None:
        for level, of_level in _by_severity(findings):
            reply.item(
                _severity_line(level, of_level, bullet=True),
                *_cites(knowledge, _gaps_of(of_level)),
            )
        first = _SEVERITY_WORDS[findings[0].severity][1]
        return reply.say(
            f"Vous pouvez demander le détail, par exemple « quelles sont les lacunes {first} ? »"
        )
    for level, of_level in _by_severity(findings):
        reply.say(
            _severity_line(level, of_level, where=where),
            *_cites(knowledge, _gaps_of(of_level)),
            end=" :",
        )
        for finding in of_level:
            reply.item(*_finding_line(knowledge, finding))
    return reply.say(
        "Vous pouvez demander les lacunes d'un critère ou d'une recommandation, par exemple "
        "« quelles lacunes pour le critère 3 ? »"
    )


def _by_severity(findings: list[Finding]) -> list[tuple[Severity, list[Finding]]]:
    grouped = [(level, [f for f in findings if f.severity is level]) for level in SEVERITY_ORDER]
    return [(level, members) for level, members in grouped if members]


def _gaps_of(findings: list[Finding]) -> list[Gap]:
    return [gap for finding in findings for gap in finding.gaps]


def _ids(gaps: list[Gap]) -> list[str]:
    return [gap.id for gap in gaps]


def _cites(knowledge: Knowledge, gaps: list[Gap]) -> list[str]:
    """The gaps and the items they are about (whose wording says which criterion)."""
    targets = [g.target_id for g in gaps if knowledge.kind_of(g.target_id) is not None]
    return [*_ids(gaps), *targets]


def _severity_line(
    level: Severity, findings: list[Finding], *, bullet: bool = False, where: str = ""
) -> str:
    """« 18 lacunes majeures, en 10 constats », or « 3 critiques » in a list under the tally."""
    n = sum(len(f.gaps) for f in findings)
    singular, plural = _SEVERITY_WORDS[level]
    adjective = singular if n == 1 else plural
    text = f"{n} {adjective}" if bullet else f"{count(n, 'lacune')} {adjective}{where}"
    if len(findings) != n:
        text += f", en {count(len(findings), 'constat')}"
    return text


def _finding_line(knowledge: Knowledge, finding: Finding) -> tuple[str, ...]:
    """One finding as a bullet, and what it cites: its gaps and the items they are about."""
    targets = [g.target_id for g in finding.gaps if knowledge.kind_of(g.target_id) is not None]
    if finding.grouped:
        actions = [knowledge.actions[t] for t in targets if t in knowledge.actions]
        named = ", ".join(quoted(action.text, 70) for action in actions[:_NAMED])
        among = " entre autres" if len(actions) > _NAMED else ""  # every one cited, a few named
        text = f"{kind_label(finding.kind)} ({count(len(finding.gaps), 'action')}){among} : {named}"
    else:
        gap = finding.gaps[0]
        first = split_sentences(gap.message)
        text = (first[0] if first else gap.message).rstrip(". ")
    return (text, *_ids(list(finding.gaps)), *targets)


def _per_kind(knowledge: Knowledge, reply: Reply, pool: list[Gap], where: str) -> Reply:
    """« les lacunes par type » : how many gaps each rule found, most severe first."""
    reply.say(f"Voici les lacunes de l'audit par type{where}", *_cites(knowledge, pool), end=" :")
    kinds: dict[str, list[Gap]] = {}
    for gap in sorted(pool, key=lambda g: SEVERITY_ORDER.index(g.severity)):
        kinds.setdefault(gap.kind, []).append(gap)
    for kind, members in kinds.items():
        level = _SEVERITY_WORDS[members[0].severity][0]
        reply.item(f"{kind_label(kind)} ({level}) : {len(members)}", *_ids(members))
    return reply


def _per_criterion(knowledge: Knowledge, reply: Reply, pool: list[Gap], where: str) -> Reply:
    """« les lacunes par critère »: each criterion's gaps, as its row of the report counts them
    (a gap about an action answering two criteria is in both rows)."""
    reply.say(
        f"Voici les lacunes de l'audit par critère{where}", *_cites(knowledge, pool), end=" :"
    )
    outside = {gap.id for gap in pool}
    for summary in knowledge.audit.criteria:
        mappings = [
            m for m in knowledge.mappings if (m.criterion or NO_CRITERION) == summary.criterion
        ]
        if not mappings:
            continue
        recs = {m.recommendation_id for m in mappings}
        related = related_gaps(pool, recs, {link.action_id for m in mappings for link in m.links})
        if not related:
            continue
        outside -= {gap.id for gap in related}
        critical = sum(gap.severity is Severity.CRITICAL for gap in related)
        reply.item(
            f"{summary.criterion} : {count(len(related), 'lacune')}, {critical_clause(critical)}",
            *_cites(knowledge, related),
        )
    if outside:
        rest = [gap for gap in pool if gap.id in outside]
        reply.item(
            f"Hors critère (analyse SWOT, actions non liées) : {count(len(rest), 'lacune')}",
            *_cites(knowledge, rest),
        )
    return reply


#: « sur les stages », « concernant le TFE »: the words that introduce the subject asked.
_TOPICAL = (
    r"\b(?:sur|concernant|autour d|quant aux?|a propos d|touchant|relatives? aux?|liees? aux?)"
    r"\s+(?:les |la |le |l |des |du |de la |de l |d |e )?"
)


def _subject(question: Question) -> str | None:
    """The subject the gaps are asked about, when the question introduces one (« sur les
    stages »): a theme read elsewhere in the question (« avant la visite ») is no subject."""
    theme = question.entities.theme
    if not theme:
        return None
    first = fold_text(theme).replace("'", " ").split()
    if first and re.search(_TOPICAL + re.escape(first[0]) + r"\b", question.normalized):
        return theme
    return None
