"""Input sanity (binary data, mojibake), language identification and extraction confidence."""

from __future__ import annotations

import re

from storyline.settings import text as settings

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
# UTF-8 read as cp1252/latin-1: "â€™" for "’", "Ã©" for "é", "Â " for a no-break space.
_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CONT}]")


def control_share(text: str, sample: int = 100_000) -> float:
    """Share of control and replacement characters in the first ``sample`` characters."""
    head = text[:sample]
    if not head:
        return 0.0
    return len(_CONTROL.findall(head)) / len(head)


def looks_binary(text: str) -> bool:
    return "\x00" in text[:100_000] or control_share(text) > settings.MAX_CONTROL_SHARE


def _as_bytes(text: str) -> bytes | None:
    """The bytes a cp1252/latin-1 decoder turned into ``text`` (C1 controls pass through, as browsers
    do), or None when ``text`` holds characters no single-byte decode produces."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:
                out.append(ord(ch))
            else:
                return None
    return bytes(out)


_MOJIBAKE_RUN = re.compile(f"[\u00c2-\u00f4][{_CONT}]{{1,3}}")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded as cp1252 or latin-1, when that is plainly what happened.

    Cheap and conservative: nothing happens unless the text carries at least two mojibake pairs
    ("\u00e2\u20ac\u2122" for "\u2019", "\u00c3\u00a9" for "\u00e9"). Then the whole text is re-decoded
    if it round-trips, else each mojibake run is repaired on its own (text that mixes mojibake with
    characters outside cp1252). ftfy does this more thoroughly but is a dependency for a case that
    ingest should already prevent by decoding with the declared or detected charset.
    """
    if len(_MOJIBAKE.findall(text)) < 2:
        return text
    raw = _as_bytes(text)
    if raw is not None:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            pass

    def fix(m: re.Match[str]) -> str:
        chunk = _as_bytes(m.group(0))
        if chunk is None:
            return m.group(0)
        try:
            return chunk.decode("utf-8")
        except UnicodeDecodeError:
            return m.group(0)

    return _MOJIBAKE_RUN.sub(fix, text)


def identify_language(text: str) -> str:
    """ISO 639-1 code of the text's language; "und" when there is too little text.

    py3langid on the first 2,000 characters: ~1 ms per article here (on 5,000 it was ~3 ms, and
    the language of a news article is settled long before its end)."""
    sample = text[:2000]
    if len(re.findall(r"\w+", sample)) < 3:
        return "und"
    import py3langid

    lang, _ = py3langid.classify(sample)
    return str(lang)[:2] if lang else "und"


def confidence(
    *,
    words: int,
    kept_chars: int,
    removed_chars: int,
    cookie_or_paywall: bool,
    truncated: bool,
    extraction_ratio: float | None = None,
    fallback: bool = False,
) -> float:
    """How sure we are that the text is the article and only the article, in [0, 1].

    Multiplicative penalties: short text (a teaser or a stub), a large share of the input removed as
    boilerplate (the page was mostly furniture, some may remain), cookie banners or paywall prompts
    (the article is likely cut), input truncated at the size cap, and for HTML an extraction that
    kept almost nothing of the page or fell back to all visible text.
    """
    score = 1.0
    if words < settings.CONFIDENT_WORDS:
        score *= 0.4 + 0.6 * (words / settings.CONFIDENT_WORDS)
    total = kept_chars + removed_chars
    if total:
        share = removed_chars / total
        if share > 0.3:
            score *= max(0.5, 1.0 - (share - 0.3))
    if cookie_or_paywall:
        score *= settings.COOKIE_PAYWALL_FACTOR
    if truncated:
        score *= settings.TRUNCATED_FACTOR
    if extraction_ratio is not None and extraction_ratio < 0.02:
        score *= 0.7
    if fallback:
        score *= 0.4
    return round(max(0.0, min(1.0, score)), 3)
