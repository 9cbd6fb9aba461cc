"""Textual widgets of the devzones console. They render what console.present built.

A widget imports console.present (and console.core), never the engine, data, outputs, reports, CLI or
app; nothing in console/ but the app imports a widget (import-linter contracts in pyproject.toml)."""
