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


# two (or three) apostrophes; not an inch mark after feet (the 6'8'' forward), while ''1'' is a quote
_DOUBLE_APOSTROPHES = re.compile(r"(?<!')(?<!\d'\d)(?<!\d'\d\d)'''?(?!')")


def double_apostrophe_marks(text: str) -> str:
    """The text with each pair of apostrophes used as a double quotation mark (''We won,'' she said)
    written as '"', padded with a space on its outer side so that every offset stays where it was.

    Some archives (newspaper databases, old wire feeds) print every double quotation mark as two
    apostrophes. Only a text that uses them as its double marks (more of them than '"' and curly
    double marks together, and at least two) is rewritten; others come back unchanged, and so does
    PTB text (``like this''), whose apostrophe pairs only close. In a run of three the inner
    quote's apostrophe is kept ('''No,' he said,'' -> the last two are the mark).
    """
    if "``" in text:
        return text
    runs = list(_DOUBLE_APOSTROPHES.finditer(text))
    if len(runs) < 2 or len(runs) <= sum(text.count(c) for c in '"\u201c\u201d'):
        return text
    out = list(text)
    for m in runs:
        i, j = m.start(), m.end()
        before = text[i - 1] if i > 0 else " "
        after = text[j] if j < len(text) else " "
        opening = (before.isspace() or before in "([\u2014-") and not after.isspace()
        if j - i == 3:
            i, j = (i, i + 2) if opening else (i + 1, j)
        out[i:j] = [" ", '"'] if opening else ['"', " "]
    return "".join(out)
