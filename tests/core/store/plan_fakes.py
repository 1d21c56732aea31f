"""A deterministic FAKE parser (an `assistant.parsing.Parser`), and files for it to read.

The store must be tested without the real readers and extractor (they are written
separately and are slow on real PDFs). The fake reads a tiny line format, one item per
line, and builds ids the way the real extractor does (`assistant.ids`), so that an item
whose wording does not change keeps its id when the file changes elsewhere:

    rec: Critère 1, Recommandation 2 | Renforcer le pilotage
    act: Créer un comité | Direction | 2025-2026 | En cours | Nombre de réunions; PV | Critère 1, Recommandation 2
    swot: weakness | Peu de suivi des diplômés

The real preliminary checks run first (missing file, folder, extension, size, empty file);
a line containing CORROMPU then makes the fake raise `CorruptFileError`. The store tests
pass it in (`ingest_files(..., parser=fake_parse_file)`); nothing is monkeypatched.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from assistant.errors import CorruptFileError
from assistant.ids import document_id, fold, item_id
from assistant.readers.source_file import SourceFile, load_source
from assistant.schema import (
    Action,
    Document,
    DocumentFormat,
    ExplicitLink,
    LinkKind,
    Plan,
    Recommendation,
    Span,
    StatusCategory,
    SwotItem,
    SwotKind,
)
from assistant.settings import Settings

_STATUS = {"en cours": StatusCategory.IN_PROGRESS, "realise": StatusCategory.DONE}


def fake_parse_file(source: SourceFile | Path, settings: Settings, /) -> Plan:
    """FAKE parser: a loaded file (as the ingest service gives it) or a path, read here."""
    if isinstance(source, Path):
        source = load_source(source, settings.ingest)
    path, data = source.path, source.data
    name = path.name
    text = data.decode("utf-8")
    if "CORROMPU" in text:
        raise CorruptFileError(path, "le fichier est endommagé ; réenregistrez-le.")
    doc_id = document_id(name)
    seen: Counter[str] = Counter()
    plan = Plan(
        document=Document(
            id=doc_id,
            name=name,
            format=DocumentFormat(Path(name).suffix.lstrip(".").lower()),
            sha256=hashlib.sha256(data).hexdigest(),
            size_bytes=len(data),
        )
    )
    recommendation_ids: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        kind, _, rest = line.partition(":")
        fields = [field.strip() for field in rest.split("|")]
        span = Span(file=name, line_start=number, line_end=number, excerpt=line)

        def new_id(prefix: str, key: str) -> str:
            occurrence = seen[prefix + fold(key)]
            seen[prefix + fold(key)] += 1
            return item_id(prefix, doc_id, key, occurrence)

        if kind == "rec":
            ref, wording = fields[0], fields[1] if len(fields) > 1 else None
            criterion, _, rec_number = ref.partition(", Recommandation ")
            rec = Recommendation(
                id=new_id("rec", ref),
                document_id=doc_id,
                ref=ref,
                key=f"c{criterion.removeprefix('Critère ')}/r{rec_number}",
                criterion=criterion or None,
                number=rec_number or None,
                text=wording,
                source=span,
            )
            recommendation_ids[ref] = rec.id
            plan.recommendations.append(rec)
        elif kind == "act":
            fields += [""] * (6 - len(fields))
            wording, owner, deadline, status, indicators, refs = fields[:6]
            plan.actions.append(
                Action(
                    id=new_id("act", wording),
                    document_id=doc_id,
                    text=wording,
                    owner=owner or None,
                    deadline=deadline or None,
                    status=status or None,
                    status_category=_STATUS.get(fold(status), StatusCategory.UNKNOWN),
                    indicators=[i.strip() for i in indicators.split(";") if i.strip()],
                    links=[
                        ExplicitLink(
                            recommendation_id=recommendation_ids[ref.strip()],
                            kind=LinkKind.EXPLICIT,
                            evidence=span,
                        )
                        for ref in refs.split(";")
                        if ref.strip() in recommendation_ids
                    ],
                    source=span,
                )
            )
        elif kind == "swot":
            quadrant, wording = fields[0], fields[1]
            plan.swot.append(
                SwotItem(
                    id=new_id("swot", quadrant + " " + wording),
                    document_id=doc_id,
                    kind=SwotKind(quadrant),
                    text=wording,
                    source=span,
                )
            )
        elif kind == "warning":
            plan.warnings.append(rest.strip())
    return plan


PLAN_A = """\
rec: Critère 1, Recommandation 1 | Formaliser la politique qualité
rec: Critère 3, Recommandation 6 | Mieux répartir la charge de travail
act: Créer une cellule qualité | Direction | 2025-2026 | En cours | Nombre de réunions; PV publiés | Critère 1, Recommandation 1
act: Revoir les fiches ECTS | Coordinateur pédagogique | Q1 2026 | Réalisé | Fiches revues | Critère 3, Recommandation 6
act: Enquête auprès des diplômés | | | | |
swot: strength | Équipe motivée
swot: weakness | Peu de suivi des diplômés
warning: Tableau p.3 mal aligné
"""

PLAN_B = """\
rec: Critère 2, Recommandation 1 | Renforcer les liens avec le monde professionnel
act: Organiser un forum des métiers | Service stages | 2026 | À venir | Nombre d'entreprises présentes | Critère 2, Recommandation 1
"""
