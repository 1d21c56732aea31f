"""The demo corpus files the ingest tests import (real readers and extractor)."""

from __future__ import annotations

from pathlib import Path

DEMO = Path(__file__).resolve().parents[3] / "corpus" / "demo"
PLAN_FORMATS = [DEMO / f"plan-action.{ext}" for ext in ("md", "docx", "pdf", "xlsx")]
REPORTS = [DEMO / "rapport-experts.md", DEMO / "rapport-experts.pdf"]
SWOT = DEMO / "analyse-swot.md"
SEEDS = Path(__file__).resolve().parents[4] / "shared" / "seeds"
