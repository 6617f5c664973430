"""The gender a given name usually has, for pronoun agreement ("Ada Quill ... she said").

Two sources, in order: the short curated lists in ``settings/quotes.py`` (``MALE_FIRST_NAMES``,
``FEMALE_FIRST_NAMES``), then a lexicon of about 13,000 given names (``data/given_names.txt``)
derived from the name data of the ``nomquamgender`` package 0.1.4 (Ian Van Buskirk; MIT licence,
``data/given_names.LICENSE.txt``), which gives for each name how many public name-gender sources
list it (up to 35), how many people they count and the share of them that are women. Only names
that are clearly gendered there are kept: at least 5 sources, at least 500 people counted, and a
female share of at most 2% (male) or at least 98% (female). Names used for both ("Lindsey", "Dana",
"Kim", "Jean") stay unknown, and an unknown gender agrees with either pronoun, so the lexicon only
ever adds evidence.

The curated lists still decide what counts as a first name when a name is split ("Will", "Grace"
and "Morning" are common words as well as names); the lexicon is read for gender only.

Rebuild the file from the package's data: ``python -m storyline.nlp.given_names name_data.json``.
"""

from __future__ import annotations

import json
import re
import sys
from functools import lru_cache
from pathlib import Path

from storyline.settings import quotes as cfg

LEXICON = Path(__file__).with_name("data") / "given_names.txt"
MIN_SOURCES = 5
MIN_COUNT = 500
MAX_SHARE_OTHER = 0.02


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    if not LEXICON.exists():
        return {}
    found: dict[str, str] = {}
    for line in LEXICON.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            found[name] = gender
    return found


def given_name_gender(first: str | None) -> str | None:
    """"m", "f" or None for a lower-case given name."""
    if not first:
        return None
    if first in cfg.MALE_FIRST_NAMES:
        return "m"
    if first in cfg.FEMALE_FIRST_NAMES:
        return "f"
    if cfg.GIVEN_NAME_LEXICON:
        return _lexicon().get(first)
    return None


def build_lexicon(name_data: Path, out: Path = LEXICON) -> int:
    """Write the lexicon from nomquamgender's ``name_data.json`` ({name: [sources, count, p(female),
    ...]}); returns the number of names kept."""
    data = json.loads(name_data.read_text(encoding="utf-8"))
    rows: list[str] = []
    for name, (sources, count, p_female, *_rest) in sorted(data.items()):
        if not re.fullmatch(r"[a-z]+", name) or sources < MIN_SOURCES or count < MIN_COUNT:
            continue
        if p_female <= MAX_SHARE_OTHER:
            rows.append(f"{name}\tm")
        elif p_female >= 1 - MAX_SHARE_OTHER:
            rows.append(f"{name}\tf")
    header = (
        "# Given names and their usual gender (m/f), derived from nomquamgender's name_data.json\n"
        "# (MIT licence, Copyright (c) 2022 Ian Van Buskirk: given_names.LICENSE.txt). See given_names.py.\n"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    print(build_lexicon(Path(sys.argv[1])), "names written to", LEXICON)
