"""Unicode folding for matching. Stored text keeps what was printed; comparisons use these forms."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
        "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
        "\u200b": "", "\u200c": "", "\u200d": "", "\ufeff": "",
        "\u2026": "...",
    }
)
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")


def fold_punctuation(text: str) -> str:
    """Curly quotes, apostrophes, dashes and odd spaces to their ASCII forms; NFKC first."""
    return unicodedata.normalize("NFKC", text).translate(_FOLD)


def normalize_for_match(text: str) -> str:
    """Folded punctuation, lower case, single spaces: two printings of one sentence compare equal."""
    return _SPACES.sub(" ", fold_punctuation(text)).strip().lower()


def words(text: str) -> list[str]:
    """Lower-cased word tokens of the folded text (apostrophes and hyphens inside words kept)."""
    return _WORD.findall(fold_punctuation(text).lower())
