"""Stable identifiers: the same input always gets the same id, across runs and machines."""

from __future__ import annotations

import hashlib


def stable_id(prefix: str, *parts: object, length: int = 16) -> str:
    """``prefix`` + a hex digest of the parts; equal parts give equal ids."""
    digest = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}{digest[:length]}"
