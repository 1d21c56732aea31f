"""A HAND-WRITTEN audit for the report renderers — a fixture, not a real audit.

Nothing here comes from a real audit: the programme, documents, actions, gaps and drafts are
invented (but shaped like the real AEQES plans) so that every section of a report has
something to show — an uncovered and a partial recommendation, actions without owner,
indicator or deadline, gaps of every severity, two drafts with sources. The audit rules and
service are tested elsewhere; these tests only check how an audit is *rendered*.
"""

from __future__ import annotations

from datetime import date, datetime

from assistant.ids import document_id, item_id
from assistant.reports import ReportData
from assistant.schema import (
    Action,
    AuditReport,
    Coverage,
    CriterionSummary,
    Document,
    DocumentFormat,
    Draft,
    DraftField,
    DraftSource,
    ExplicitLink,
    Gap,
    LinkKind,
    Mapping,
    MappingLink,
    Recommendation,
    Severity,
    SmartScore,
    Span,
    StatusCategory,
    TargetKind,
)

EXPERTS = "rapport-experts-2023.pdf"
PLAN = "plan-de-suivi-2024.xlsx"
OLD_PLAN = "plan-action-2019.docx"
EXPERTS_ID = document_id(EXPERTS)
PLAN_ID = document_id(PLAN)
SHEET = "Plan 2024"

# fmt: off
# (criterion, number, page, lines, wording)
_RECOMMENDATIONS = [
    ("Critère 1", "1", 9, (4, 8), "Formaliser la politique qualité du département et la "
     "rendre visible à l'ensemble des membres du personnel."),
    ("Critère 1", "3", 10, (12, 15), "Renforcer la communication interne entre la direction, "
     "les enseignants et les étudiants : relais, calendrier, comptes rendus."),
    ("Critère 3", "2", 14, (3, 6), "Rédiger un référentiel de compétences propre au bachelier "
     "et l'aligner sur les fiches descriptives des UE."),
    ("Critère 3", "6", 16, (20, 24), "Objectiver et réduire la charge de travail des étudiants "
     "de Bloc 2, jugée excessive lors des entretiens."),
    ("Critère 4", "1", 19, (2, 5), "Développer l'aide à la réussite en Bloc 1 (tutorat, "
     "remédiation) et en mesurer les effets."),
    ("Critère 4", "4", 21, (8, 11), "Mettre en place une analyse systématique des données de "
     "pilotage (réussite, abandons, diplomation) et la partager avec les équipes !"),
]
# fmt: on


def _recommendation(
    criterion: str, number: str, page: int, lines: tuple[int, int], text: str
) -> Recommendation:
    key = f"c{criterion.split()[-1]}/r{number}"
    return Recommendation(
        id=item_id("rec", EXPERTS_ID, key),
        document_id=EXPERTS_ID,
        ref=f"{criterion}, Recommandation {number}",
        key=key,
        criterion=criterion,
        number=number,
        text=text,
        page_ref=f"p.{page}",
        source=Span(file=EXPERTS, page=page, line_start=lines[0], line_end=lines[1],
                    excerpt=text[:80]),
    )  # fmt: skip


RECS = [_recommendation(*spec) for spec in _RECOMMENDATIONS]
R1, R2, R3, R4, R5, R6 = RECS

_CATEGORY = {
    "Réalisé": StatusCategory.DONE,
    "En cours": StatusCategory.IN_PROGRESS,
    "Reporté": StatusCategory.POSTPONED,
    None: StatusCategory.UNKNOWN,
}


def _action(
    row: int,
    text: str,
    owner: str | None,
    deadline: tuple[str, date | None] | None,
    indicators: list[str],
    status: str | None,
    priority: int,
    answers: list[tuple[Recommendation, LinkKind]],
) -> Action:
    span = Span(file=PLAN, page=1, section=SHEET, line_start=row, line_end=row, excerpt=text[:80])
    return Action(
        id=item_id("act", PLAN_ID, text),
        document_id=PLAN_ID,
        text=text,
        axis="Axe 1 : Qualité et pilotage" if row < 8 else "Axe 2 : Réussite étudiante",
        owner=owner,
        deadline=deadline[0] if deadline else None,
        due=deadline[1] if deadline else None,
        indicators=indicators,
        status=status,
        status_category=_CATEGORY[status],
        priority=priority,
        links=[
            ExplicitLink(recommendation_id=rec.id, kind=kind, evidence=span)
            for rec, kind in answers
        ],
        source=span,
    )


EXPLICIT, PLACEMENT, SEMANTIC = LinkKind.EXPLICIT, LinkKind.PLACEMENT, LinkKind.SEMANTIC

# fmt: off
# Spreadsheet row, wording, owner, (deadline, due), indicators, status, priority, written links.
A1 = _action(4, "Rédiger et diffuser une charte qualité du département, présentée en "
             "assemblée générale", "Coordination qualité de département (CQD)",
             ("Q2 2025", date(2025, 6, 30)),
             ["Charte adoptée en conseil de département",
              "≥ 80 % des MDP ont pris connaissance de la charte"],
             "Réalisé", 3, [(R1, EXPLICIT)])
A2 = _action(5, "Organiser une revue annuelle du programme avec les représentants étudiants",
             "Direction de département (DD)", ("2026-2027", date(2027, 8, 31)),
             ["PV de la revue annuelle publié sur l'intranet"], "En cours", 2, [(R1, EXPLICIT)])
A3 = _action(6, "Créer une lettre d'information interne mensuelle", "Équipe enseignante",
             ("Rentrée 2025", date(2025, 9, 30)), ["Meilleure communication"], "Réalisé", 1, [])
A4 = _action(8, "Élaborer le référentiel de compétences du bachelier et aligner les fiches UE",
             "CAP et responsables d'UE", ("Juin 2027", date(2027, 6, 30)),
             ["Référentiel publié", "100 % des fiches UE alignées"], "En cours", 3,
             [(R3, EXPLICIT)])
A5 = _action(9, "Rééquilibrer les ECTS des UE du Bloc 2 après une enquête de charge de travail",
             None, ("2026-2027", date(2027, 8, 31)),
             ["Enquête de charge réalisée auprès des B2", "Écart ECTS / charge déclarée < 10 %"],
             None, 2, [(R4, PLACEMENT)])
A6 = _action(11, "Mettre en place un tutorat par les pairs pour les étudiants de Bloc 1",
             "Service d'aide à la réussite (SAR)", ("Q1 2025", date(2025, 1, 31)), [],
             "En cours", 3, [(R5, EXPLICIT)])
A7 = _action(12, "Organiser des séances de remédiation en mathématiques et en français",
             "Enseignants de B1", None, ["Nombre de séances organisées par quadrimestre"],
             "Réalisé", 2, [(R5, EXPLICIT)])
A8 = _action(14, "Réaménager les locaux de la bibliothèque", "Direction",
             ("2027", date(2027, 12, 31)), ["Travaux terminés"], "Reporté", 1, [])
# fmt: on
ACTIONS = [A1, A2, A3, A4, A5, A6, A7, A8]


def _link(action: Action, kind: LinkKind, score: float = 1.0) -> MappingLink:
    return MappingLink(action_id=action.id, kind=kind, score=score, evidence=[action.source])


def _mapping(
    rec: Recommendation, coverage: Coverage, reason: str, links: list[MappingLink]
) -> Mapping:
    return Mapping(
        recommendation_id=rec.id,
        recommendation_ref=rec.ref,
        recommendation_key=rec.key,
        criterion=rec.criterion,
        text=rec.text,
        coverage=coverage,
        reason=reason,
        links=links,
    )


# fmt: off
MAPPINGS = [
    _mapping(R1, Coverage.COVERED, "Deux actions du plan citent cette recommandation.",
             [_link(A1, EXPLICIT), _link(A2, EXPLICIT)]),
    _mapping(R2, Coverage.PARTIAL, "Aucune action ne la cite ; une action y répond en partie "
             "(proximité des textes 0,48).", [_link(A3, SEMANTIC, 0.48)]),
    _mapping(R3, Coverage.COVERED, "Une action du plan cite cette recommandation.",
             [_link(A4, EXPLICIT)]),
    _mapping(R4, Coverage.COVERED, "L'action est placée sous la citation de la recommandation.",
             [_link(A5, PLACEMENT)]),
    _mapping(R5, Coverage.COVERED, "Deux actions du plan citent cette recommandation.",
             [_link(A6, EXPLICIT), _link(A7, EXPLICIT)]),
    _mapping(R6, Coverage.UNCOVERED, "Aucune action ne la cite et aucune ne s'en approche "
             "(meilleure proximité 0,21).", []),
]
# fmt: on


def _gap(kind: str, severity: Severity, target: Recommendation | Action, message: str) -> Gap:
    target_kind = TargetKind.ACTION if isinstance(target, Action) else TargetKind.RECOMMENDATION
    return Gap(
        id=f"gap-{kind}-{target.id}",
        kind=kind,
        severity=severity,
        target_id=target.id,
        target_kind=target_kind,
        message=message,
        evidence=[target.source],
    )


# fmt: off
GAPS = [
    _gap("recommendation_uncovered", Severity.CRITICAL, R6,
         "Aucune action du plan ne répond à cette recommandation : ajoutez au moins une action "
         "avec un responsable, une échéance et un indicateur."),
    _gap("recommendation_partial", Severity.MAJOR, R2,
         "Seule une action proche par le sens y répond, sans la citer : vérifiez le lien et "
         "citez la recommandation dans le plan."),
    _gap("action_without_owner", Severity.MAJOR, A5,
         "Action sans responsable : désignez une personne ou une fonction précise."),
    _gap("deadline_passed", Severity.MAJOR, A6,
         "Échéance dépassée (Q1 2025) alors que l'action est « En cours » : actualisez "
         "l'échéance ou l'état."),
    _gap("action_without_indicator", Severity.MAJOR, A6,
         "Action sans indicateur de suivi : ajoutez un indicateur mesurable (un nombre, un taux, "
         "un livrable)."),
    _gap("action_without_deadline", Severity.MAJOR, A7,
         "Action sans échéance : indiquez une date, une année académique ou un quadrimestre."),
    _gap("collective_owner", Severity.MINOR, A3,
         "Responsable collectif (« Équipe enseignante ») : nommez une fonction qui rend compte."),
    _gap("vague_indicator", Severity.MINOR, A3,
         "Indicateur non mesurable (« Meilleure communication ») : précisez ce qui est compté."),
    _gap("action_without_recommendation", Severity.INFO, A8,
         "Action qui ne répond à aucune recommandation des experts (initiative propre ?)."),
]
# fmt: on

OLD_ACTION_SPAN = Span(
    file=OLD_PLAN,
    line_start=41,
    line_end=41,
    excerpt="Enquête charge de travail B2 | Coordination pédagogique B2",
)

DRAFTS = [
    Draft(
        id=f"draft-owner-{A5.id}",
        action_id=A5.id,
        field=DraftField.OWNER,
        proposal="Coordination pédagogique du Bloc 2",
        confidence=0.62,
        rationale="Une action très proche du plan 2019 était portée par la coordination "
        "pédagogique du Bloc 2, une fonction qui existe toujours dans l'organigramme.",
        sources=[
            DraftSource(
                kind="action",
                ref="act-2019-charge-b2",
                label="« Enquête charge de travail B2 », portée par la coordination pédagogique B2",
                span=OLD_ACTION_SPAN,
            ),
            DraftSource(
                kind="role",
                ref="role:coordination-pedagogique",
                label="Coordination pédagogique de bloc (organigramme du DAE)",
            ),
        ],
    ),
    Draft(
        id=f"draft-indicator-{A6.id}",
        action_id=A6.id,
        field=DraftField.INDICATOR,
        proposal="Taux de réussite en Bloc 1 des étudiants tutorés",
        indicator_kind="outcome",
        measure="crédits acquis / crédits inscrits des étudiants ayant suivi au moins "
        "3 séances de tutorat",
        target="≥ 60 %",
        due="Juin 2027",
        confidence=0.41,
        rationale="Les plans comparables mesurent le tutorat par la réussite du public "
        "tutoré plutôt que par le nombre de séances.",
        sources=[
            DraftSource(
                kind="pattern",
                ref="pattern:taux-reussite-public-cible",
                label="Taux de réussite d'un public cible",
            ),
            DraftSource(
                kind="action",
                ref=A7.id,
                label="Indicateur de la remédiation B1 (même plan)",
                span=A7.source,
            ),
        ],
    ),
]


def _smart(action: Action, flags: str) -> SmartScore:
    """flags: five letters S M A R T, '-' where the criterion is not met."""
    met = [letter != "-" for letter in flags]
    return SmartScore(
        action_id=action.id,
        score=sum(met),
        specific=met[0],
        measurable=met[1],
        assigned=met[2],
        time_bound=met[3],
        tracked=met[4],
    )


SMART = [
    _smart(A1, "SMART"),
    _smart(A2, "SMART"),
    _smart(A3, "---RT"),
    _smart(A4, "SMART"),
    _smart(A5, "SM-R-"),
    _smart(A6, "S-AR-"),
    _smart(A7, "SMA-T"),
    _smart(A8, "S-ART"),
]

# fmt: off
CRITERIA = [
    CriterionSummary(criterion="Critère 1", recommendations=2, covered=1, partial=1,
                     uncovered=0, actions=3, gaps=3),
    CriterionSummary(criterion="Critère 3", recommendations=2, covered=2, partial=0,
                     uncovered=0, actions=2, gaps=1),
    CriterionSummary(criterion="Critère 4", recommendations=2, covered=1, partial=0,
                     uncovered=1, actions=2, gaps=4),
]

DOCUMENTS = [
    Document(id=EXPERTS_ID, name=EXPERTS, format=DocumentFormat.PDF, sha256="3f" * 32,
             size_bytes=1_843_200, pages=28,
             title="Rapport d'évaluation — Bachelier Instituteur primaire", language="fr"),
    Document(id=PLAN_ID, name=PLAN, format=DocumentFormat.XLSX, sha256="a7" * 32,
             size_bytes=48_640, pages=2, title=None, language="fr"),
]
# fmt: on


def make_report_data() -> ReportData:
    """The fixture, built fresh (tests may modify their copy)."""
    report = AuditReport(
        generated_at=datetime(2026, 11, 23, 14, 5, 0),
        as_of=date(2026, 11, 23),
        documents=DOCUMENTS,
        mappings=MAPPINGS,
        gaps=GAPS,
        drafts=DRAFTS,
        smart=SMART,
        criteria=CRITERIA,
    )
    return ReportData(
        report=report.model_copy(deep=True),
        actions={action.id: action.model_copy(deep=True) for action in ACTIONS},
        recommendations={rec.id: rec.model_copy(deep=True) for rec in RECS},
        title="Suivi des recommandations — évaluation continue AEQES",
        programme="Bachelier Instituteur primaire — Haute École fictive de Wallonie (exemple)",
    )
