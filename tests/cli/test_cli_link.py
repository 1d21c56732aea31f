"""`plan-assistant link`: confirm (or reject with --rejeter) a proposed link, by the ids that
`map -f json` prints; the decision is stored and the next `map` counts it (the FAKE embedder,
passed in by `invoke_cli`)."""

from __future__ import annotations

import json
from pathlib import Path

from fakes import invoke_cli

REPORT = """\
# Rapport

## Critère 1 : politique qualité

### Recommandations

1. Consigner les décisions du conseil de section dans des procès-verbaux.
2. Renouveler le matériel informatique des salles de cours.
"""

PLAN = """\
# Plan

| Objectif | Action | Responsable | Échéance |
|---|---|---|---|
| Traçabilité | Rédiger un compte rendu après chaque réunion | Direction | 2026 |
| Équipement | Acheter quarante ordinateurs neufs | Direction | 2026 |
"""


def _map(workspace: Path) -> dict[str, dict[str, object]]:
    result = invoke_cli(["map", "-w", str(workspace), "-f", "json"])
    assert result.exit_code == 0, result.output
    return {m["recommendation_key"]: m for m in json.loads(result.stdout)["mappings"]}


def test_link_confirms_and_rejects(tmp_path: Path) -> None:
    (tmp_path / "rapport.md").write_text(REPORT, encoding="utf-8")
    (tmp_path / "plan.md").write_text(PLAN, encoding="utf-8")
    workspace = tmp_path / "espace"
    files = [str(tmp_path / "rapport.md"), str(tmp_path / "plan.md")]
    ingested = invoke_cli(["ingest", *files, "-w", str(workspace)])
    assert ingested.exit_code == 0, ingested.output
    exported = invoke_cli(["export", "-w", str(workspace)])
    assert exported.exit_code == 0, exported.output
    actions = json.loads(exported.stdout)["actions"]
    writing = next(a["id"] for a in actions if a["text"].startswith("Rédiger"))
    minutes = _map(workspace)["c1/r1"]
    confirmed = invoke_cli(
        ["link", str(minutes["recommendation_id"]), writing, "-w", str(workspace)]
    )
    assert confirmed.exit_code == 0, confirmed.output
    assert "Lien confirmé" in confirmed.output
    after = _map(workspace)["c1/r1"]
    assert after["coverage"] == "covered"
    assert [link["confirmed"] for link in after["links"]] == [True]  # type: ignore[union-attr]
    refused = invoke_cli(
        ["link", str(minutes["recommendation_id"]), "inconnue", "--rejeter", "-w", str(workspace)],
    )
    assert refused.exit_code != 0 and "Aucune action" in refused.output
