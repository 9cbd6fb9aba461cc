"""One word, one meaning: no two status codes that mean different things are shown with the same word,
in either language (the tier/star ``on_track`` and the revenue ``on_pace`` both read 符合进度)."""

from __future__ import annotations

import pytest

from console.present.labels import SAME_STATUS, status_word
from console.words.changes import CHANGE_CODES as CODE_WORDS
from console.words.status import STATUS as STATUS_WORDS


def _one_fact(code: str) -> str:
    return SAME_STATUS.get(code, code)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_two_status_codes_share_a_word_unless_declared_one_fact(lang: str) -> None:
    seen: dict[str, str] = {}
    for code in STATUS_WORDS:
        word = status_word(code, lang).casefold()
        if word in seen:
            assert _one_fact(seen[word]) == _one_fact(code), (word, seen[word], code)
        seen[word] = code


def test_a_star_target_reached_so_far_is_not_worded_as_revenue_on_pace() -> None:
    for lang in ("zh", "en"):
        assert status_word("on_track", lang) != status_word("on_pace", lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_kinds_of_change_have_words_of_their_own(lang: str) -> None:
    words = [pair[0 if lang == "zh" else 1] for pair in CODE_WORDS.values()]
    assert len(set(words)) == len(words)
    # A kind of change is not worded as a status either.
    assert not set(words) & {status_word(c, lang) for c in STATUS_WORDS}
