"""Expert reports read as committees write them: sections of a criterion chapter told
apart, strengths and points to improve kept as findings, the report's own numbering kept
(per criterion, running, per page, « principale n°k »), numbered chapter headings read as
headings. Built from lines by hand, as each reader would give them."""

from __future__ import annotations

from pathlib import Path

from assistant.extract.report_sections import Section, section_heading
from assistant.extract.stream import Line
from assistant.parsing import parse_file
from assistant.schema import FindingKind, Plan, Span
from assistant.settings import Settings

REPORT = """\
# Rapport d'évaluation

## 1. Synthèse

### Recommandations principales

1. Doter le programme d'une stratégie à cinq ans partagée avec les parties prenantes.
2. Renforcer l'ancrage professionnel du programme.

## 4. Critère 1 : politique qualité

### Constats et analyses

La démarche qualité est jeune ; le comité recommande d'y associer les étudiants.

### Forces principales

- Une équipe engagée dans la démarche qualité.
- Un dossier d'autoévaluation lucide.

### Points d'amélioration

- Les décisions ne sont pas consignées.

### Recommandations

1. Consigner les décisions du conseil dans des procès-verbaux.
2. Communiquer aux étudiants les résultats des enquêtes.
3. Définir les missions de la coordination qualité.
4. Associer les employeurs à la révision du programme.
5. Publier le calendrier du travail de fin d'études dès la rentrée.

## 5. Critère 2 : pertinence

### Recommandations

- Réunir chaque année un panel d'employeurs.
"""


def _parse(tmp_path: Path, text: str, name: str = "rapport.md") -> Plan:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path, Settings())


def _line(text: str, heading: int | None = None, raw: str | None = None) -> Line:
    span = Span(file="r.pdf", page=3, line_start=1, line_end=1, excerpt=text)
    return Line(text=text, raw=raw or text, span=span, gap_before=0, heading_level=heading)


def test_section_headings_are_told_apart() -> None:
    assert section_heading(_line("Forces principales")) is Section.STRENGTH
    assert section_heading(_line("Points d’amélioration :")) is Section.IMPROVEMENT
    assert section_heading(_line("3.2 Recommandations du comité")) is Section.RECOMMENDATION
    assert section_heading(_line("Recommandations principales")) is Section.PRINCIPAL
    assert section_heading(_line("Constats et analyses", heading=2)) is Section.ANALYSIS
    # an item, not a heading
    assert section_heading(_line("Recommandation 3 : Formaliser la politique.")) is None
    assert section_heading(_line("Forces et faiblesses du programme sont décrites.")) is None


def test_only_recommendations_are_recommendations(tmp_path: Path) -> None:
    plan = _parse(tmp_path, REPORT)
    keys = [r.key for r in plan.recommendations]
    assert keys == [
        "principale/r1",
        "principale/r2",
        "c1/r1",
        "c1/r2",
        "c1/r3",
        "c1/r4",
        "c1/r5",  # a five-item list stays five
        "c2/r1",
    ]
    principal = plan.recommendations[1]
    assert principal.principal == 2 and principal.global_number is None
    assert [r.global_number for r in plan.recommendations[2:]] == [1, 2, 3, 4, 5, 6]
    assert [(f.kind, f.criterion) for f in plan.findings] == [
        (FindingKind.STRENGTH, "Critère 1"),
        (FindingKind.STRENGTH, "Critère 1"),
        (FindingKind.IMPROVEMENT, "Critère 1"),
    ]
    assert plan.findings[0].text == "Une équipe engagée dans la démarche qualité."
    assert plan.actions == []


def test_word_lists_without_rendered_numbers_are_one_item_per_paragraph(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Critère 3 : cohérence interne", level=1)
    document.add_heading("Forces principales", level=2)
    document.add_paragraph("Des stages progressifs du Bloc 1 au Bloc 3.")
    document.add_heading("Recommandations", level=2)
    document.add_paragraph("Harmoniser l'évaluation des stages par une grille commune.")
    document.add_paragraph("Publier le calendrier du travail de fin d'études.")
    path = tmp_path / "rapport.docx"
    document.save(str(path))
    plan = parse_file(path, Settings())
    assert [(r.key, r.text) for r in plan.recommendations] == [
        ("c3/r1", "Harmoniser l'évaluation des stages par une grille commune."),
        ("c3/r2", "Publier le calendrier du travail de fin d'études."),
    ]
    assert [f.text for f in plan.findings] == ["Des stages progressifs du Bloc 1 au Bloc 3."]


def test_pdf_pages_give_each_recommendation_its_rank_on_the_page() -> None:
    pdf = Path(__file__).parents[3] / "evals/report_pairs/pairs/bachelier-hotellerie/rapport.pdf"
    plan = parse_file(pdf, Settings())
    ranks = [(r.source.page, r.page_index) for r in plan.recommendations if r.page_index]
    assert ranks[:3] == [(1, 1), (1, 2), (1, 3)]  # the synthesis on page 1
    per_page: dict[int | None, list[int | None]] = {}
    for page, rank in ranks:
        per_page.setdefault(page, []).append(rank)
    assert all(ranks_ == list(range(1, len(ranks_) + 1)) for ranks_ in per_page.values())
    assert not any("Forces" in (r.text or "") for r in plan.recommendations)


QUOTED = """\
# Rapport d'évaluation

## Critère 2 : pertinence du programme

### Constats et analyses

Les options évoluent sans avis extérieur ; le comité recommande d'en parler.

Le comité formule la recommandation suivante :

« Créer un conseil consultatif réunissant des employeurs du secteur »

La recherche touche peu les étudiants. Il recommande dès lors :

« Ouvrir les projets du centre de recherche aux étudiants de dernière année. »

Le comité recommande : « Publier chaque année un bilan des partenariats. »

### Points d'amélioration

- L'avis des employeurs est recueilli informellement.
"""


def test_quoted_recommendations_inside_the_constats_are_recommendations(tmp_path: Path) -> None:
    plan = _parse(tmp_path, QUOTED)
    assert [(r.key, r.text) for r in plan.recommendations] == [
        ("c2/r1", "Créer un conseil consultatif réunissant des employeurs du secteur"),
        ("c2/r2", "Ouvrir les projets du centre de recherche aux étudiants de dernière année."),
        ("c2/r3", "Publier chaque année un bilan des partenariats."),
    ]
    # the prose « le comité recommande d'en parler » is analysis, not a recommendation
    assert [f.text for f in plan.findings] == [
        "L'avis des employeurs est recueilli informellement."
    ]
