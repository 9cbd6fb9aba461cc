"""Where the repository's files are, for tests that read the README, the data or the plan's text."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PLAN_TEXT = REPO / "data" / "source" / "plan-2024-2026.zh.txt"
