"""What the options select in the data: the dataset, the --year and --county asked for, and a quarter
(--as-of, --since, --from, --to), each checked against the data; a value the data does not have is a
usage error that lists the valid ones."""

from __future__ import annotations

import argparse
import difflib
import re
from typing import TYPE_CHECKING

from console.cli.common import EXIT_USAGE, CommandFailed, join_choices, visible
from console.words import Lang, in_lang_of
from console.words.cli import CLI, COUNTY_SEPARATORS

if TYPE_CHECKING:
    from console.core.config import Settings
    from console.data.dataset import Dataset
    from console.data.scales import Period


def counties_of(raw: list[str] | None) -> list[str]:
    """The counties of every --county given, split at commas (either width)."""
    return [c.strip() for item in raw or [] for c in re.split(f"[{COUNTY_SEPARATORS}]", item) if c.strip()]


def dataset(settings: Settings) -> Dataset:
    """The dataset the settings name, loaded and validated."""
    from console.data.loader import load_dataset

    return load_dataset(settings.data_dir)


def choices(ds: Dataset, args: argparse.Namespace, lang: Lang) -> tuple[int | None, list[str]]:
    """The --year and --county asked for, checked against the data; a usage error lists the valid ones."""
    year: int | None = getattr(args, "year", None)
    counties = counties_of(getattr(args, "county", None))
    if year is not None and year not in ds.years:
        raise CommandFailed(
            EXIT_USAGE, CLI("unknown_year", lang, value=year, valid=join_choices(ds.years, lang))
        )
    if counties:
        zones = ds["zones"]
        chinese = list(dict.fromkeys(zones.get_column("county").to_list()))
        english = list(dict.fromkeys(zones.get_column("county_en").drop_nulls().to_list()))
        for county in counties:
            if county not in chinese and county not in english:
                valid = join_choices(in_lang_of(chinese, english, lang), lang)
                near = difflib.get_close_matches(county, chinese + english, n=1, cutoff=0.5)
                hint = CLI("did_you_mean", lang, value=near[0]) if near else ""
                raise CommandFailed(
                    EXIT_USAGE, CLI("unknown_county", lang, value=county, hint=hint, valid=valid)
                )
    return year, counties


def as_of(ds: Dataset, raw: str | None, lang: Lang, option: str = "--as-of") -> Dataset:
    """``ds`` as it stood at the end of the quarter ``raw`` names (unchanged for None); a quarter the
    data does not cover is a usage error naming what it covers."""
    if raw is None:
        return ds
    from console.engine.as_of import dataset_as_of

    return dataset_as_of(ds, quarter(ds, raw, lang, option))


def quarter(ds: Dataset, raw: str, lang: Lang, option: str) -> Period:
    """The quarter ``raw`` names, one the data covers (a usage error naming ``option`` otherwise)."""
    from console.engine.as_of import AsOfRefused, parse_as_of

    try:
        return parse_as_of(ds, raw)
    except AsOfRefused as exc:
        words = CLI(
            f"as_of_{exc.kind}", lang, option=option, value=visible(raw, 40), first=exc.first, last=exc.last
        )
        raise CommandFailed(EXIT_USAGE, words) from None
