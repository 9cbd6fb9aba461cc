"""devzones: a terminal console for Zhumadian's 2024-2026 development-zone action plan.

The package is layered, each layer importing only those below it: ``words`` (the one catalogue of
words, in Chinese and English) < ``core`` (paths, settings) <
``data`` (schemas, reading, validation) < ``engine`` (status, progress, rankings, rules, audit) <
``present`` (what each tab and drill-down shows, as plain data) < ``outputs`` (exports, bulletin, CLI
tables) | ``reports`` (templates, ingest) | ``sample`` (generated data) < ``cli`` | ``tui`` (the
Textual app). Only ``tui`` and the ``widgets`` package import Textual; the import-linter contracts
in pyproject.toml enforce all of this (see README, "Architecture"), and each layer's docstring says
what it may import.
"""

__version__ = "0.1.0"
