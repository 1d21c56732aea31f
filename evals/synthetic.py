"""Synthetic French action plans and expert reports, for the benchmark (`evals.bench`).

Real plans are confidential and few; measuring how cost grows from 1 to 100 plans needs many
more. This module writes as many as asked, deterministically (seeded), from the vocabulary
of the fictional demo corpus (`corpus/demo/`): its action wordings, owners, deadlines,
indicators, statuses, axes and objectives, and its expert report's criteria and
recommendations. Every plan answers one expert report ("Critère N, Recommandation M",
"CN-RM"), like the programmes of one institution answering a transversal evaluation.

What keeps the corpus realistic rather than repetitive:

* every action wording is unique across the corpus (a demo action, completed by a
  qualifier and sometimes the programme or site), so the embedding cache cannot make
  the benchmark cheaper than real plans would be;
* every recommendation of the report is distinct enough that the mapper does not unify
  two of them (`assistant.mapping.unify`, 90 % token-set similarity);
* plans keep the demo's gaps at similar rates (missing owners, deadlines, indicators and
  references).

Documents are written as Markdown and converted with the demo corpus's own converters
(`scripts/build_demo_corpus.py`): DOCX, PDF (landscape ruled tables, ~6 actions a page)
and XLSX. Usage::

    python -m evals.synthetic --plans 10 --actions 40 --out /tmp/corpus [--format pdf]
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Literal

from rapidfuzz import fuzz

from assistant.ids import fold
from evals.shared import REPO_ROOT

DEMO = REPO_ROOT / "corpus" / "demo"
BUILDER = REPO_ROOT / "scripts" / "build_demo_corpus.py"

Format = Literal["md", "docx", "pdf", "xlsx"]
FORMATS: tuple[Format, ...] = ("pdf", "docx", "xlsx", "md")

#: The report's criteria: AEQES evaluates five.
CRITERIA = 5
#: Shares of plan rows that leave a field empty (the demo plan: about 3 in 36 each).
MISSING_RATE = 0.08
MISSING_REFERENCE_RATE = 0.1
#: The unifier merges two wordings at 90 % token-set similarity; stay well below.
_DISTINCT_RECOMMENDATIONS = 85.0

PROGRAMMES = (
    "Bachelier en soins infirmiers",
    "Bachelier en Techniques de laboratoire médical",
    "Bachelier en comptabilité",
    "Bachelier en informatique de gestion",
    "Bachelier en kinésithérapie",
    "Bachelier assistant de direction",
    "Bachelier en marketing",
    "Bachelier instituteur primaire",
    "Bachelier en éducation physique",
    "Bachelier en diététique",
    "Bachelier en ergothérapie",
    "Bachelier en logopédie",
    "Bachelier en imagerie médicale",
    "Bachelier en biotechnologie",
    "Bachelier en agronomie",
    "Bachelier assistant social",
    "Master en ingénierie industrielle",
    "Master en architecture",
    "Bachelier en tourisme",
    "Bachelier en électromécanique",
)
SITES = (
    "Saint-Rémi-sur-Meuse",
    "Val-d'Ourthe",
    "Montfleury",
    "Hautcoeur",
    "Brivelles",
    "Lorsy-la-Neuve",
    "Sainte-Aldegonde",
    "Mirwart-le-Château",
)
#: Complements that turn one demo action into many plausible ones.
QUALIFIERS = (
    "pour les étudiants du Bloc 1",
    "pour les étudiants du Bloc 2",
    "pour les étudiants de dernière année",
    "en concertation avec les délégués étudiants",
    "avec l'appui de la cellule d'appui pédagogique",
    "en lien avec la commission qualité",
    "avec les maîtres de stage",
    "en collaboration avec le service des relations internationales",
    "sur la plateforme Moodle",
    "dans chaque unité d'enseignement",
    "avec le personnel technique des laboratoires",
    "en associant les représentants du monde professionnel",
    "à partir des résultats de l'enquête auprès des diplômés",
    "dans le respect du plan stratégique de la haute école",
    "au cours du premier quadrimestre",
    "avant la prochaine évaluation de suivi",
    "en s'appuyant sur les retours des employeurs",
    "avec le soutien de la direction de catégorie",
    "pour les étudiants en situation de handicap",
    "pour les étudiants en reprise d'études",
    "en partenariat avec les autres hautes écoles du pôle",
    "en lien avec le service d'aide à la réussite",
    "dans le cadre du projet Erasmus+ de la haute école",
    "avec un calendrier partagé par l'équipe enseignante",
)
#: Second halves of recommendations ("…, en veillant à <action>").
_REC_LINKS = ("en veillant à", "notamment pour", "et prévoir de", "en particulier pour")


# -- the demo corpus's vocabulary --------------------------------------------------------


@cache
def demo_builder() -> ModuleType:
    """`scripts/build_demo_corpus.py`, imported as a module (it is a script, not a package)."""
    name = "build_demo_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, BUILDER)
    if spec is None or spec.loader is None:  # pragma: no cover - the file is in the repo
        raise ImportError(f"cannot load {BUILDER}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class DemoAction:
    """One action row of the demo plan, where it sits in the plan."""

    text: str
    axis: str
    objective: str


@dataclass(frozen=True)
class Vocabulary:
    """What the generator draws from, read from the demo corpus's Markdown sources."""

    title: str
    introduction: tuple[str, ...]
    conclusion: tuple[str, ...]
    actions: tuple[DemoAction, ...]
    axes: tuple[str, ...]
    objectives: tuple[str, ...]  # in plan order, each under one axis
    owners: tuple[str, ...]
    deadlines: tuple[str, ...]
    indicators: tuple[str, ...]
    statuses: tuple[str, ...]
    criteria: tuple[str, ...]  # "Critère N : L'établissement/l'entité ..." headings
    report_paragraphs: dict[int, tuple[tuple[str, str], ...]]  # criterion -> (heading, text)
    recommendations: dict[int, tuple[str, ...]]  # criterion -> demo recommendation texts


def _split(cell: str, separators: str) -> list[str]:
    builder = demo_builder()
    parts: list[str] = []
    for line in builder.cell_lines(builder.plain(cell)):
        parts += [part.strip() for part in re.split(separators, line) if part.strip()]
    return parts


@cache
def load_vocabulary(demo: Path = DEMO) -> Vocabulary:
    """Read the demo plan and report into the generator's vocabulary."""
    builder = demo_builder()
    plan = builder.load(demo, builder.PLAN_MD)
    rows = builder.plan_rows(plan)
    report = builder.load(demo, builder.REPORT_MD)
    paragraphs = [builder.plain(b.text) for b in plan if isinstance(b, builder.Para)]
    criteria: list[str] = []
    sections: dict[int, list[tuple[str, str]]] = {}
    recommendations: dict[int, list[str]] = {}
    heading = ""
    for block in report:
        if isinstance(block, builder.Heading) and block.level == 2:
            if block.text.startswith("Critère "):
                criteria.append(block.text)
            heading = ""
        elif isinstance(block, builder.Heading) and block.level == 3:
            heading = block.text
        elif isinstance(block, builder.Para) and criteria and heading:
            number = len(criteria)
            match = re.match(r"\*\*Recommandation \d+\*\* : (.+)$", block.text)
            if match:
                recommendations.setdefault(number, []).append(match.group(1))
            else:
                sections.setdefault(number, []).append((heading, builder.plain(block.text)))
    return Vocabulary(
        title=builder.plain(next(b.text for b in plan if isinstance(b, builder.Heading))),
        introduction=tuple(paragraphs[2:4]),
        conclusion=tuple(paragraphs[-1:]),
        actions=tuple(
            DemoAction(builder.plain(row.cells[1]), row.axis, row.objective or "") for row in rows
        ),
        axes=tuple(dict.fromkeys(row.axis for row in rows)),
        objectives=tuple(dict.fromkeys(row.objective or "" for row in rows)),
        owners=tuple(sorted({o for row in rows for o in _split(row.cells[2], r"\s*;\s*")})),
        deadlines=tuple(sorted({row.cells[3] for row in rows if row.cells[3]})),
        indicators=tuple(sorted({i for row in rows for i in _split(row.cells[4], r"\s*;\s*")})),
        statuses=tuple(sorted({row.cells[5] for row in rows})),
        criteria=tuple(criteria),
        report_paragraphs={n: tuple(items) for n, items in sections.items()},
        recommendations={n: tuple(items) for n, items in recommendations.items()},
    )


# -- documents ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Recommendation:
    """One recommendation of the synthetic report."""

    criterion: int
    number: int
    text: str
    action: DemoAction  # the demo action its second half is built from

    @property
    def ref(self) -> str:
        return f"Critère {self.criterion}, Recommandation {self.number}"


@dataclass(frozen=True)
class SyntheticReport:
    """An expert report: `recommendations` numbered within each of the five criteria."""

    name: str
    markdown: str
    recommendations: tuple[Recommendation, ...]


@dataclass(frozen=True)
class SyntheticPlan:
    """An action plan and what parsing it must find."""

    name: str
    programme: str
    markdown: str
    actions: int  # action rows
    cited: frozenset[tuple[int, int]]  # (criterion, number) of every recommendation cited
    explicit_links: int  # (action, recommendation) pairs written in reference cells


@dataclass(frozen=True)
class SyntheticCorpus:
    """A report and the plans answering it."""

    report: SyntheticReport
    plans: tuple[SyntheticPlan, ...]
    swot_markdown: str

    @property
    def actions(self) -> int:
        return sum(plan.actions for plan in self.plans)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _numbering(count: int) -> list[tuple[int, int]]:
    """(criterion, number) of `count` recommendations spread over the five criteria."""
    per = [count // CRITERIA + (1 if c < count % CRITERIA else 0) for c in range(CRITERIA)]
    return [(c + 1, n + 1) for c in range(CRITERIA) for n in range(per[c])]


def generate_report(recommendations: int = 100, *, seed: int = 0) -> SyntheticReport:
    """An expert report with `recommendations` recommendations over the five AEQES criteria.

    Each one is a demo recommendation of its criterion followed by a demo action
    ("…, en veillant à créer une commission qualité…"), and no two are similar enough to
    be taken for the same recommendation.
    """
    vocab = load_vocabulary()
    rng = random.Random(f"report-{seed}")
    made: list[Recommendation] = []
    folded: list[str] = []
    for criterion, number in _numbering(recommendations):
        bases = vocab.recommendations[criterion]
        # The demo recommendation's first clause: a long shared half would make siblings alike.
        base = re.split(r"[,:;] ", bases[(number - 1) % len(bases)])[0].rstrip(". ")
        for attempt in range(10_000):
            action = rng.choice(vocab.actions)
            link = _REC_LINKS[(number + attempt) % len(_REC_LINKS)]
            wording = _lower_first(action.text).rstrip(". ")
            if link.endswith(" de") and wording[:1] in "aeéèiouy":
                link, wording = link[:-2] + "d'", wording  # "prévoir d'adopter"
                text = f"{base}, {link}{wording}."
            else:
                text = f"{base}, {link} {wording}."
            candidate = fold(text)
            if all(
                fuzz.token_set_ratio(candidate, other) < _DISTINCT_RECOMMENDATIONS
                for other in folded
            ):
                break
        else:  # pragma: no cover - only for absurd sizes
            raise ValueError(f"cannot make {recommendations} distinct recommendations")
        folded.append(candidate)
        made.append(Recommendation(criterion, number, text, action))
    lines = [
        "# Rapport d'évaluation — Évaluation transversale de la Haute École du Val de Meuse",
        "",
        "Haute École du Val de Meuse (HEVM) — rapport synthétique généré pour les mesures "
        "de performance (document fictif)",
        "",
        "## Introduction",
        "",
        "Le comité des experts a évalué l'ensemble des programmes de la haute école. Le "
        "rapport est structuré selon les cinq critères du référentiel AEQES ; pour chacun, "
        "il présente les forces, les points d'amélioration et des recommandations "
        "numérotées, dont la numérotation recommence à chaque critère.",
        "",
    ]
    for index, heading in enumerate(vocab.criteria[:CRITERIA], start=1):
        lines += [f"## {heading}", ""]
        for title, text in vocab.report_paragraphs.get(index, ()):
            lines += [f"### {title}", "", text, ""]
        lines += ["### Recommandations", ""]
        for rec in (r for r in made if r.criterion == index):
            lines += [f"**Recommandation {rec.number}** : {rec.text}", ""]
    lines += ["## Conclusion", "", "Le comité remercie l'établissement pour son accueil.", ""]
    return SyntheticReport("rapport-experts-synthetique", "\n".join(lines), tuple(made))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


def _reference(
    rng: random.Random, recs: Sequence[Recommendation], main: Recommendation
) -> tuple[str, list[Recommendation]]:
    """A reference cell citing `main` (and sometimes a second one), in one of the demo's forms."""
    roll = rng.random()
    if roll < 0.5:
        return main.ref, [main]
    if roll < 0.9:
        return f"C{main.criterion}-R{main.number}", [main]
    other = rng.choice(recs)
    if other == main:
        return main.ref, [main]
    return f"C{main.criterion}-R{main.number}, C{other.criterion}-R{other.number}", [main, other]


def _maybe(rng: random.Random, value: str, rate: float = MISSING_RATE) -> str:
    return "" if rng.random() < rate else value


def generate_plan(
    index: int,
    report: SyntheticReport,
    actions: int = 40,
    *,
    seed: int = 0,
    used: set[str] | None = None,
) -> SyntheticPlan:
    """Plan number `index` (its programme, site and rows follow from it and the seed).

    Args:
        index: the plan's number in the corpus (chooses programme and site).
        report: the expert report the plan answers (its references cite it).
        actions: action rows.
        seed: the corpus seed.
        used: action wordings already taken by other plans (updated): kept unique.
    """
    vocab = load_vocabulary()
    rng = random.Random(f"plan-{seed}-{index}")
    used = set() if used is None else used
    programme = PROGRAMMES[index % len(PROGRAMMES)]
    site = SITES[(index // len(PROGRAMMES)) % len(SITES)]
    recs = report.recommendations
    rows: list[tuple[DemoAction, list[str]]] = []
    cited: set[tuple[int, int]] = set()
    links = 0
    for _ in range(actions):
        main = rng.choice(recs)
        # Most actions answer their recommendation in its own words; some only by topic.
        base = main.action if rng.random() < 0.6 else rng.choice(vocab.actions)
        for attempt in range(1_000):
            context = ("", f"au sein du {programme}", f"sur l'implantation de {site}")[
                (attempt // len(QUALIFIERS)) % 3
            ]
            qualifier = rng.choice(QUALIFIERS)
            text = f"{base.text.rstrip('. ')} {qualifier}"
            text = f"{text} {context}" if context else text
            if text not in used:
                break
            base = rng.choice(vocab.actions)
        used.add(text)
        reference, answered = (
            ("", []) if rng.random() < MISSING_REFERENCE_RATE else _reference(rng, recs, main)
        )
        cited |= {(r.criterion, r.number) for r in answered}
        links += len(answered)
        owner = rng.choice(vocab.owners)
        if rng.random() < 0.15:
            owner = f"{owner} ; {rng.choice(vocab.owners)}"
        indicators = "<br>".join(rng.sample(vocab.indicators, rng.randint(1, 3)))
        cells = [
            reference,
            text,
            _maybe(rng, owner),
            _maybe(rng, rng.choice(vocab.deadlines)),
            _maybe(rng, indicators),
            rng.choice(vocab.statuses),
            rng.choice(("*", "**", "***")),
        ]
        rows.append((base, cells))
    markdown = _plan_markdown(vocab, programme, site, rows)
    return SyntheticPlan(
        name=f"plan-{index:03d}-{_slug(programme)}",
        programme=programme,
        markdown=markdown,
        actions=actions,
        cited=frozenset(cited),
        explicit_links=links,
    )


def _plan_markdown(
    vocab: Vocabulary, programme: str, site: str, rows: list[tuple[DemoAction, list[str]]]
) -> str:
    builder = demo_builder()
    header = "| " + " | ".join(builder.PLAN_COLUMNS) + " |"
    separator = "|" + "---|" * len(builder.PLAN_COLUMNS)
    lines = [
        f"# Plan d'action — {programme}",
        "",
        f"Haute École du Val de Meuse (HEVM) — implantation de {site}",
        "",
        "Version initiale : décembre 2024 — mis à jour en novembre 2026 (point d'étape)",
        "",
        "## Introduction",
        "",
        *[line for paragraph in vocab.introduction for line in (paragraph, "")],
    ]
    # Rows sit under their demo action's axis and objective, in the demo plan's order.
    order = {objective: n for n, objective in enumerate(vocab.objectives)}
    grouped = sorted(enumerate(rows), key=lambda item: (order[item[1][0].objective], item[0]))
    axis = objective = None
    for _, (base, cells) in grouped:
        if base.axis != axis:
            axis, objective = base.axis, None
            lines += [f"## {axis}", ""]
        if base.objective != objective:
            if objective is not None:
                lines.append("")
            objective = base.objective
            lines += [f"### {objective}", "", header, separator]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Suivi du plan", "", *vocab.conclusion, ""]
    return "\n".join(lines)


def generate_corpus(
    plans: int, actions_per_plan: int = 40, recommendations: int = 100, *, seed: int = 0
) -> SyntheticCorpus:
    """A report with `recommendations` recommendations and `plans` plans answering it."""
    report = generate_report(recommendations, seed=seed)
    used: set[str] = set()
    made = tuple(
        generate_plan(index, report, actions_per_plan, seed=seed, used=used)
        for index in range(plans)
    )
    swot = (DEMO / "analyse-swot.md").read_text(encoding="utf-8")
    return SyntheticCorpus(report, made, swot)


# -- files -------------------------------------------------------------------------------


def render(markdown: str, kind: Literal["plan", "report"], fmt: Format) -> bytes:
    """A document's bytes in one format (Markdown, or the demo corpus's converters)."""
    builder = demo_builder()
    if fmt == "md":
        return markdown.encode("utf-8")
    blocks = builder.parse_markdown(markdown)
    if kind == "report":
        if fmt != "pdf":
            raise ValueError("reports are written as Markdown or PDF")
        return bytes(builder.build_report_pdf(blocks))
    converters = {
        "docx": builder.build_plan_docx,
        "pdf": builder.build_plan_pdf,
        "xlsx": builder.build_plan_xlsx,
    }
    return bytes(converters[fmt](blocks))


def write_plan(plan: SyntheticPlan, directory: Path, fmt: Format) -> Path:
    """Write one plan in `fmt`; returns its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{plan.name}.{fmt}"
    path.write_bytes(render(plan.markdown, "plan", fmt))
    return path


def write_corpus(
    corpus: SyntheticCorpus,
    directory: Path,
    formats: Sequence[Format] = FORMATS,
    *,
    report_format: Format = "md",
) -> list[Path]:
    """Write the report, the SWOT and the plans (plan i in ``formats[i % len(formats)]``).

    Returns:
        The paths written: report, SWOT, then the plans in order.
    """
    directory.mkdir(parents=True, exist_ok=True)
    report = directory / f"{corpus.report.name}.{report_format}"
    report.write_bytes(render(corpus.report.markdown, "report", report_format))
    swot = directory / "analyse-swot.md"
    swot.write_text(corpus.swot_markdown, encoding="utf-8")
    plans = [
        write_plan(plan, directory, formats[index % len(formats)])
        for index, plan in enumerate(corpus.plans)
    ]
    return [report, swot, *plans]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m evals.synthetic", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--plans", type=int, default=10)
    parser.add_argument("--actions", type=int, default=40, help="actions per plan")
    parser.add_argument("--recommendations", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--format", choices=FORMATS, action="append", help="plan formats, in rotation"
    )
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    corpus = generate_corpus(args.plans, args.actions, args.recommendations, seed=args.seed)
    paths = write_corpus(corpus, args.out, tuple(args.format or FORMATS))
    print(
        f"{len(paths)} files, {corpus.actions} actions, {len(corpus.report.recommendations)} "
        f"recommendations in {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
