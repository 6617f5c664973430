"""What changed between two printings of an article: silent edits to stories are news."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any

from storyline.model import Article
from storyline.text.normalize import fold_punctuation, normalize_for_match

_QUOTED = re.compile(r'"([^"]{3,})"')


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _quoted(text: str) -> set[str]:
    return {normalize_for_match(m) for m in _QUOTED.findall(fold_punctuation(text))}


def describe_revision(previous: Mapping[str, Any], current: Article) -> list[str]:
    """Human-readable changes from an earlier revision (a store row) to the current article:
    headline, paragraphs added, removed or reworded, quotes added or removed."""
    changes: list[str] = []
    old_title, new_title = previous.get("title"), current.title
    if (old_title or "") != (new_title or ""):
        changes.append(f"headline: {old_title!r} → {new_title!r}")
    old_paras = _paragraphs(str(previous.get("text") or ""))
    new_paras = _paragraphs(current.text)
    matcher = difflib.SequenceMatcher(a=old_paras, b=new_paras, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "insert":
            changes.extend(f"paragraph added: {p[:120]}" for p in new_paras[j1:j2])
        elif tag == "delete":
            changes.extend(f"paragraph removed: {p[:120]}" for p in old_paras[i1:i2])
        elif tag == "replace":
            for old, new in zip(old_paras[i1:i2], new_paras[j1:j2], strict=False):
                changes.append(f"paragraph reworded: {old[:80]!r} → {new[:80]!r}")
            changes.extend(f"paragraph removed: {p[:120]}" for p in old_paras[i1 + (j2 - j1) : i2])
            changes.extend(f"paragraph added: {p[:120]}" for p in new_paras[j1 + (i2 - i1) : j2])
    old_quotes, new_quotes = _quoted(str(previous.get("text") or "")), _quoted(current.text)
    changes.extend(f"quote added: “{q[:100]}”" for q in sorted(new_quotes - old_quotes))
    changes.extend(f"quote removed: “{q[:100]}”" for q in sorted(old_quotes - new_quotes))
    return changes
