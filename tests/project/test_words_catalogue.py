"""The one catalogue of words (issue 21): every user-visible string is in console/words/, keyed, in
both languages, and no code outside it spells words of its own.

A string literal outside ``console/words/`` fails when it holds a Chinese character or an English
sentence (three or more words of letters), unless it is a docstring, Textual CSS, an assertion's
message, or it stands in a module of :data:`DATA_MODULES` (text that is data, not the console's words),
or a comment ``# not words: <why>`` says it is not the console's words (an internal error's message
that never reaches a user, a file-format token, a pattern that reads data): on the literal's own line,
or on the line above a statement, which it then covers whole.
"""

from __future__ import annotations

import ast
import importlib
import io
import pkgutil
import re
import string
import tokenize
from pathlib import Path

import pytest

import console.words
from console.words import LANGS, Catalogue

ROOT = Path(__file__).resolve().parents[1]
while not (ROOT / "pyproject.toml").exists():
    ROOT = ROOT.parent

# Modules whose string literals are data rather than the console's words, and why.
DATA_MODULES: dict[str, str] = {
    "console/data/scale_forms.py": "the forms a data cell may write a star, tier, quarter or date in",
    "console/sample/sample_text.py": "the generated sample dataset's own content (made-up names, units)",
    "console/present/plan_text.py": "tokens of the plan's text and data files that code matches or splits",
    "console/present/typography.py": "character classes for line breaking, cutting and pinyin collation",
    "console/outputs/docx_faces.py": "typeface names, Chinese numerals and language tags of a Word file",
}

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
SENTENCE = re.compile(r"[A-Za-z][a-z']+(?:[ ,;:]+[A-Za-z][a-z']*){2,}")


def _exempt_nodes(tree: ast.AST) -> set[int]:
    """The string constants that are not words: docstrings, bare strings, Textual CSS, assert messages."""
    exempt: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            exempt.add(id(node.value))  # docstrings and attribute docstrings
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id in {"DEFAULT_CSS", "CSS"} for t in targets):
                exempt.update(id(sub) for sub in ast.walk(node.value) if node.value is not None)
        elif isinstance(node, ast.Assert) and node.msg is not None:
            exempt.update(id(sub) for sub in ast.walk(node.msg))
    return exempt


MARKER = "# not words:"


def _marked_lines(source: str, tree: ast.AST) -> set[int]:
    """The lines a ``# not words:`` comment covers: its own, and when it stands on a line of its own,
    every line of a statement that starts on the next line."""
    comments = [
        token
        for token in tokenize.generate_tokens(io.StringIO(source).readline)
        if token.type == tokenize.COMMENT and token.string.startswith(MARKER)
    ]
    lines = {token.start[0] for token in comments}
    above = {token.start[0] + 1 for token in comments if token.line.lstrip().startswith("#")}
    for node in ast.walk(tree):
        if isinstance(node, ast.stmt) and node.lineno in above:
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def inline_words(root: Path) -> list[str]:
    """``path:line: literal`` for every literal outside the catalogue that holds words."""
    found = []
    for path in sorted([*root.joinpath("console").rglob("*.py"), *root.joinpath("widgets").rglob("*.py")]):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("console/words/") or rel in DATA_MODULES:
            continue
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        exempt = _exempt_nodes(tree)
        marked = _marked_lines(source, tree)
        literals = [
            node
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in exempt
            if node.lineno not in marked
        ]
        for node in sorted(literals, key=lambda n: (n.lineno, n.col_offset)):
            if CJK.search(node.value) or SENTENCE.search(node.value):
                found.append(f"{rel}:{node.lineno}: {node.value[:60]!r}")
    return found


def test_no_words_outside_the_catalogue() -> None:
    found = inline_words(ROOT)
    assert not found, f"{len(found)} literals hold words outside console/words/:\n" + "\n".join(found[:40])


def test_the_check_finds_a_pair_spelled_in_code(tmp_path: Path) -> None:
    """The scanner itself: a pair written inline, in either language, is caught; a docstring is not."""
    module = tmp_path / "console" / "present" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        '"""Docstrings say what they like."""\n'
        'def f(lang):\n    return "开发区" if lang == "zh" else "Zone"\n'
        'def g():\n    return "the zone is behind its target"\n'
        'def h():\n    # not words: a bug, never shown\n    raise ValueError(\n        "a year out of the plan"\n    )\n'
        "def k():\n    return 1  # not words: the marker covers its statement only\n"
        'def m():\n    return "未设"\n',
        encoding="utf-8",
    )
    assert [line.split(": ")[0] for line in inline_words(tmp_path)] == [
        "console/present/x.py:3",
        "console/present/x.py:5",
        "console/present/x.py:14",
    ]


def catalogues() -> dict[str, Catalogue]:
    """Every area's catalogue: each Catalogue held by a module of console/words, by its area."""
    found: dict[str, Catalogue] = {}
    for info in pkgutil.iter_modules(console.words.__path__):
        module = importlib.import_module(f"console.words.{info.name}")
        found.update((c.area, c) for c in vars(module).values() if isinstance(c, Catalogue))
    return found


def _fields(words: str) -> set[str]:
    """The ``str.format`` fields of ``words`` (their names, before any attribute or index)."""
    names = {name for _, name, _, _ in string.Formatter().parse(words) if name is not None}
    return {re.split(r"[.\[]", name, maxsplit=1)[0] for name in names}


class _Any:
    """A stand-in for any field value: formats under any spec, has any attribute or item."""

    def __format__(self, spec: str) -> str:
        return "x"

    def __getattr__(self, name: str) -> _Any:
        return self

    def __getitem__(self, key: object) -> _Any:
        return self


@pytest.mark.parametrize("area", sorted(catalogues()))
def test_every_key_has_both_languages_that_format(area: str) -> None:
    """Each key: Chinese and English both there (or both empty), the English translated, and both
    formatting with named fields only. The languages may take different fields (Chinese numerals
    ``{cn}`` where English writes ``{n}``), so each is formatted with the fields of both."""
    catalogue: Catalogue = catalogues()[area]
    assert len(catalogue) > 0
    for key, pair in catalogue.items():
        assert isinstance(pair, tuple) and len(pair) == len(LANGS), f"{area}.{key}: {pair!r}"
        zh, en = pair
        assert isinstance(zh, str) and isinstance(en, str), f"{area}.{key}"
        # Words for one language only (a note that explains the other language) end their key in _only.
        if not key.endswith("_only"):
            assert zh.strip() or not en.strip(), f"{area}.{key} has English but no Chinese"
            assert en.strip() or not zh.strip(), f"{area}.{key} has Chinese but no English"
        fields = _fields(zh) | _fields(en)
        assert "" not in fields, f"{area}.{key}: a positional field; name it"
        for words in pair:
            words.format(**dict.fromkeys(fields, _Any()))
        assert not (CJK.search(zh) and zh == en), f"{area}.{key}: the English is the Chinese untranslated"
