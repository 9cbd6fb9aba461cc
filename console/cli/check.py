"""``devzones check``: validate the dataset and audit the plan against itself."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from console.cli.common import EXIT_INVALID, EXIT_OK, lean_allocator, print_json, visible
from console.cli.ingest import recover_notices
from console.cli.selection import dataset
from console.words import as_lang
from console.words.cli import CLI

if TYPE_CHECKING:
    from console.core.config import Settings
    from console.engine.audit import Finding
    from console.words import Lang


def check_command(args: argparse.Namespace, settings: Settings) -> int:
    """Every data problem (file, row, column) or ✓ and the plan's self-audit; with --json, both."""
    lean_allocator()  # before polars is loaded
    from console.data.errors import DataInvalid
    from console.engine.audit import audit
    from console.engine.coverage import coverage
    from console.present.labels import sample_line, text

    lang = as_lang(settings.lang)
    recover_notices(settings)  # an interrupted ingest is finished or rolled back before checking
    try:
        ds = dataset(settings)
    except DataInvalid as exc:
        if not args.json:
            raise
        print_json({"ok": False, "errors": [e.to_json() for e in exc.errors], "audit": []})
        return EXIT_INVALID
    findings = audit(ds, settings.pace_share)
    if args.json:
        print_json({"ok": True, "errors": [], "audit": [finding_json(f, lang) for f in findings]})
        return EXIT_OK
    from rich.text import Text

    from console.outputs.text_tables import make_console, print_audit  # rich: the text only, not --json

    out = make_console()
    colon = CLI("colon", lang)
    out.print(Text(f"✓ {text('valid', lang)}{colon}{visible(settings.data_dir, 4096)}", style="green"))
    if ds.sample:
        out.print(Text(sample_line(lang, own_targets=coverage(ds).own_targets), style="yellow"))
    print_audit(findings, lang, settings.ascii, out)
    return EXIT_OK


def finding_json(finding: Finding, lang: Lang) -> dict[str, object]:
    """A finding as ``check --json`` prints it: a level counted per star or tier as a code (``star_1``,
    ``tier_2``: the overview's codes) in every language, its words beside it in ``level_words``."""
    from console.data.scales import ScaleError, parse_star, parse_tier, star_label, tier_label

    data = finding.to_json(lang)
    level = finding.level
    data["level_words"] = level
    kinds = {"star_count": ("star", parse_star, star_label), "tier_count": ("tier", parse_tier, tier_label)}
    if level is not None and finding.check in kinds:
        kind, parse, label = kinds[finding.check]
        try:
            number = parse(level)
        except ScaleError:
            return data
        if number is not None:
            data["level"], data["level_words"] = f"{kind}_{number}", label(number, lang)
    order = ("check", "year", "level", "level_words")
    return {**{key: data[key] for key in order}, **{k: v for k, v in data.items() if k not in order}}
