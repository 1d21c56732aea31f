"""Paraphrase-robust mapping: the committee's words and the institution's count as the same
concept; below the usual threshold, a recommendation's best candidate is kept as « lien
probable, à confirmer » when that action answers it best too, and the verdict says so."""

from __future__ import annotations

from pathlib import Path

from assistant.mapping.paraphrase import Concepts, _groups
from assistant.mapping.semantic import Calibration
from assistant.mapping.service import build_mappings
from assistant.parsing import parse_file
from assistant.retrieval.french import StemTokenizer
from assistant.schema import (
    Coverage,
    LinkKind,
    Passage,
    PassageFilter,
    PassageKind,
    Plan,
    SearchHit,
)
from assistant.settings import Settings

TOKENIZE = StemTokenizer().tokenize

REPORT = """\
# Rapport

## Critère 1 : politique qualité

### Recommandations

1. Consigner les décisions du conseil dans des procès-verbaux diffusés à l'équipe.
2. Renouveler le matériel informatique des salles de cours.
3. Développer la recherche appliquée avec les partenaires.
"""

PLAN = """\
# Plan

| Objectif | Action | Responsable | Échéance |
|---|---|---|---|
| Traçabilité | Rédiger un compte rendu après chaque réunion et l'envoyer aux collègues | Direction | 2026 |
| Équipement | Acheter quarante ordinateurs neufs pour les locaux | Direction | 2026 |
"""


class FixedCosineSearcher:
    """A FAKE retriever: every action comes back, with the same weak cosine."""

    def __init__(self, plans: list[Plan], cosine: float) -> None:
        self.passages = [
            Passage(
                id=a.id,
                kind=PassageKind.ACTION,
                document_id=a.document_id,
                text=a.text,
                source=a.source,
            )
            for plan in plans
            for a in plan.actions
        ]
        self.cosine = cosine

    def search(
        self, query: str, *, k: int = 10, filter: PassageFilter | None = None
    ) -> list[SearchHit]:
        return [
            SearchHit(passage=p, score=self.cosine, dense_score=self.cosine)
            for p in self.passages[:k]
        ]


def _plans(tmp_path: Path) -> list[Plan]:
    (tmp_path / "rapport.md").write_text(REPORT, encoding="utf-8")
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    return [parse_file(tmp_path / name, Settings()) for name in ("rapport.md", "plan.md")]


def test_synonyms_are_one_concept() -> None:
    concepts = Concepts(TOKENIZE)
    report = concepts.of(TOKENIZE("des procès-verbaux diffusés aux enseignants"))
    plan = concepts.of(TOKENIZE("un compte rendu envoyé aux collègues"))
    assert len(report & plan) >= 3  # minutes, sending, teaching staff
    assert not concepts.of(TOKENIZE("cafétéria")) & report


def _every_phrase_at_every_position(tokens: list[str]) -> set[str]:
    """The concepts of a text the slow way: each phrase of the lexicon tried everywhere."""
    single: dict[str, str] = {}
    phrases: list[tuple[tuple[str, ...], str]] = []
    for index, group in enumerate(_groups()):
        for phrase in group:
            stems = tuple(TOKENIZE(phrase))
            if len(stems) == 1:
                single.setdefault(stems[0], f"§{index}")
            elif stems:
                phrases.append((stems, f"§{index}"))
    found: set[str] = set()
    covered: set[int] = set()
    for stems, concept in phrases:
        for start in range(len(tokens) - len(stems) + 1):
            if tuple(tokens[start : start + len(stems)]) == stems:
                found.add(concept)
                covered.update(range(start, start + len(stems)))
    return found | {single.get(t, t) for i, t in enumerate(tokens) if i not in covered}


def test_concepts_found_by_first_stem_are_those_of_every_phrase_tried_everywhere() -> None:
    concepts = Concepts(TOKENIZE)
    lexicon = [phrase for group in _groups() for phrase in group]
    texts = [
        "un compte rendu envoyé aux collègues après chaque conseil de section",
        "des procès-verbaux diffusés aux enseignants, compte rendu et compte rendu",
        " ".join(lexicon[:40]),
        " et ".join(reversed(lexicon[-40:])),
        "cafétéria",
        "",
    ]
    for text in texts:
        tokens = TOKENIZE(text)
        assert concepts.of(tokens) == _every_phrase_at_every_position(tokens), text
        assert concepts.of(tokens) == concepts.of(tokens)  # remembered, the same answer
    remembered = concepts.of(TOKENIZE(texts[0]))
    remembered.add("changed by a caller")
    assert "changed by a caller" not in concepts.of(TOKENIZE(texts[0]))


def test_best_candidates_become_probable_links(tmp_path: Path) -> None:
    plans = _plans(tmp_path)
    base = dict(dense_weight=0.5, covered=0.6, partial=0.6, candidate=0.6)
    searcher = FixedCosineSearcher(plans, cosine=0.2)
    strict = build_mappings(plans, searcher, TOKENIZE, params=Calibration(**base, synonyms=True))
    assert all(m.coverage is Coverage.UNCOVERED for m in strict)  # all below the floor
    params = Calibration(**base, synonyms=True, probable=0.15)
    mappings = build_mappings(plans, searcher, TOKENIZE, params=params)
    by_number = {m.recommendation_key: m for m in mappings}
    actions = {a.text[:7]: a.id for a in plans[1].actions}
    minutes, equipment, research = by_number["c1/r1"], by_number["c1/r2"], by_number["c1/r3"]
    assert [(link.action_id, link.kind, link.probable) for link in minutes.links] == [
        (actions["Rédiger"], LinkKind.SEMANTIC, True)
    ]
    assert minutes.coverage is Coverage.PARTIAL and "probable" in minutes.reason
    assert [link.action_id for link in equipment.links] == [actions["Acheter"]]
    # its best candidate answers another recommendation better: no link, uncovered
    assert research.links == [] and research.coverage is Coverage.UNCOVERED


def test_without_synonyms_paraphrases_share_almost_nothing(tmp_path: Path) -> None:
    plans = _plans(tmp_path)
    searcher = FixedCosineSearcher(plans, cosine=0.0)
    base = dict(dense_weight=0.5, covered=0.6, partial=0.6, candidate=0.6, probable=0.1)
    plain = build_mappings(plans, searcher, TOKENIZE, params=Calibration(**base))
    expanded = build_mappings(plans, searcher, TOKENIZE, params=Calibration(**base, synonyms=True))
    assert sum(bool(m.links) for m in expanded) > sum(bool(m.links) for m in plain)
