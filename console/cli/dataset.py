"""``devzones init`` and ``devzones generate``: start a real dataset, or write a sample one."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from console.cli.common import EXIT_FILES, EXIT_OK, EXIT_USAGE, CommandFailed, print_json, visible
from console.cli.failures import told, writing
from console.words import as_lang
from console.words.cli import CLI

if TYPE_CHECKING:
    from console.core.config import Settings


def init_command(args: argparse.Namespace, settings: Settings) -> int:
    """The plan tables, empty progress tables and manifest in a new folder, and the steps that follow."""
    from console.reports.new_dataset import InitRefused, init_dataset

    lang = as_lang(settings.lang)
    try:
        with writing(args.dir, lang):
            written = init_dataset(args.dir, force=args.force)
    except InitRefused as exc:
        raise CommandFailed(EXIT_FILES, told(exc, lang)) from None  # a dataset already there
    if args.json:
        print_json({"command": "init", "out": str(args.dir), "written": [str(p) for p in written]})
    else:
        import shlex

        where = visible(args.dir.absolute(), 4096)  # the steps work from any folder, pasted as printed
        toml = json.dumps(where, ensure_ascii=False)  # a TOML basic string: quotes and \ escaped
        shown = {"out": where, "data": shlex.quote(where), "toml": toml}
        print(CLI("init_done", lang, count=len(written), **shown))
    return EXIT_OK


def generate_command(args: argparse.Namespace, settings: Settings) -> int:
    """The sample dataset (or a synthetic plan of --zones zones), deterministic for a seed."""
    from console.data.loader import load_tables
    from console.sample.generate import (
        AS_OF,
        DEFAULT_SEED,
        PLAN_TABLES,
        copy_plan_files,
        dataset_files,
        generate_progress,
        manifest_for,
        sample_revision,
        synthetic_plan,
        write_dataset,
        write_sample_history,
    )

    lang = as_lang(settings.lang)
    plan_dir = args.plan or settings.data_dir
    seed = DEFAULT_SEED if args.seed is None else args.seed
    if args.zones is not None and args.zones < 1:
        raise CommandFailed(EXIT_USAGE, CLI("zones_min", lang))
    existing = dataset_files(args.out)
    if existing and not args.force:  # as init refuses: a file-system refusal, in the chosen language
        said = CLI("generate_exists", lang, out=visible(args.out, 4096), name=visible(existing[0].name))
        raise CommandFailed(EXIT_FILES, said)
    plan = load_tables(plan_dir, list(PLAN_TABLES))
    if args.zones is not None:
        plan = synthetic_plan(args.zones, plan, seed)
        tables = {**plan, **generate_progress(plan, seed, AS_OF, tier_sizes=None)}  # ranked 1..N
    else:
        tables = generate_progress(plan, seed, AS_OF)
    with writing(args.out, lang):
        written = write_dataset(tables, manifest_for(args.zones, seed, AS_OF), args.out, force=args.force)
        if args.zones is None:
            copy_plan_files(plan_dir, args.out)
        revision = sample_revision(tables, AS_OF, seed)  # so every kind of change appears (issue 13)
        if revision is not None:
            written += write_sample_history(args.out, tables, revision)
    if args.json:
        print_json({"command": "generate", "out": str(args.out), "written": [str(p) for p in written]})
    else:
        print(CLI("generated", lang, count=len(tables), out=visible(args.out, 4096)))
    return EXIT_OK
