"""The README's install and cron instructions stay true: the Python it names is pyproject's, and every
devzones command in its crontab is one the command line accepts, with each ``%`` escaped as cron needs.
(Running them for real, as root and as another user, is in the README's own words: it needs root.)"""

from __future__ import annotations

import itertools
import re
import shlex
import tomllib

from console.cli.parser import parse_command_line
from tests.support.paths import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _crontab() -> list[str]:
    """The job lines (five time fields, then the command) of the crontab under "Running from cron"."""
    section = README.split("### Running from cron", 1)[1]
    block = section.split("```\n", 2)[1]
    # Not a comment, not a variable (SHELL=…, MAILTO=…).
    return [line for line in block.splitlines() if re.match(r"^[\d*][^=\s]*\s+(\S+\s+){4}\S", line)]


def test_the_readme_names_the_python_pyproject_requires() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11"
    assert 'requires-python = ">=3.11"' in README and "**Python 3.11 or later**" in README


def test_every_crontab_line_escapes_percent_and_runs_a_command_devzones_accepts() -> None:
    jobs = _crontab()
    assert len(jobs) == 2 and any("--fail-on-missing" in job for job in jobs)
    assert any("bulletin" in job for job in jobs)
    for job in jobs:
        command = re.split(r"\s+", job, maxsplit=5)[5]
        # cron turns an unescaped % into a new line: the date format must be written \%Y-\%m.
        assert not re.search(r"(?<!\\)%", command), job
        for call in re.findall(r"devzones [^)|&;]*", command):
            # "$m" is the month the job's date command makes; the shell removes the quotes.
            words = shlex.split(call.replace('"$m"', "2026-10").replace("$m", "2026-10"))
            # Up to a redirection (2>&1), which the shell takes.
            words = list(itertools.takewhile(lambda word: not re.match(r"\d*[<>]", word), words))
            parse_command_line(words[1:], "en")  # a usage error would raise SystemExit
