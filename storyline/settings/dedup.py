"""Tunables of the dedup stage, each with the measurement that justifies it.

Measurements: ``storyline.evaluate.copies`` on the generator ``storyline.dedup.copygen`` (fictional
wire stories; copies at three edit strengths; hard negatives: same-topic stories with the same
people and town, follow-ups that reuse two background paragraphs word for word, different stories
under an identical headline), and ``benchmarks/bench_dedup.py``. Thresholds were swept on seed 5
(``python -m storyline.evaluate.copies --sweep``) and the numbers quoted as "held out" come from the
default run on seed 11 (``python -m storyline.evaluate.copies``), a corpus the sweep never saw.

Changing SHINGLE_WORDS, NUM_PERM, SEED or SCHEME changes the stored signature format (the SQLite
index then refuses to open, see ``storyline.store.dedup.ensure_params``); changing LSH_THRESHOLD or
LSH_WEIGHTS only re-bands the stored signatures; COPY_CONTAINMENT applies to new decisions.
"""

from __future__ import annotations

# Words per shingle. Exact-set measurements on 80 stories per strength: with 3-word shingles,
# independent same-topic stories share up to 0.47 of their shingles (containment) and follow-ups up
# to 0.60, overlapping heavy copies (min 0.55); 4 words bring those to 0.37 / 0.55 while heavy
# copies keep >= 0.48 (p5 0.60); 5 words cut negatives further (0.29 / 0.51) but heavy copies drop
# to 0.41. In the full sweep k=4 gave the best heavy-copy F1 at equal light/medium scores.
SHINGLE_WORDS = 4

# MinHash permutations: standard error of a Jaccard estimate is sqrt(J(1-J)/128) ~ 0.04 at J=0.5,
# small next to the gap between copies and look-alikes; datasketch's update_batch cost grows
# linearly with it and 128 keeps the whole step above 1,000 articles per CPU-second.
NUM_PERM = 128

# Permutation seed and datasketch scheme: part of the stored signature format; never change silently.
SEED = 1
SCHEME = "affine32"

# A later article is a copy of an earlier one when this share of its shingles (estimated from the
# MinHash Jaccard and the two shingle counts) is already in the earlier one. Containment rather than
# Jaccard, because outlets trim wire copy: a copy keeping 60% of the paragraphs has Jaccard ~0.5 but
# containment ~0.9, while a long write-through that embeds an earlier brief has a low containment in
# it and stays an article of its own. Sweep (k=4, LSH 0.2), precision/recall light | medium | heavy:
#   0.45: .952/.973 | .953/.987 | .966/1.0     0.50: .987/1.0 | .985/.993 | .989/.996
#   0.55: .998/1.0  | 1.0/1.0   | .995/.976    0.60: 1.0/1.0  | 1.0/1.0   | .995/.884
# 0.55 is where false copies (follow-ups reusing background) stop while heavy recall holds.
COPY_CONTAINMENT = 0.55

# LSH banding: datasketch's ``_optimal_param(LSH_THRESHOLD, NUM_PERM, *LSH_WEIGHTS)``. Candidates
# are found by Jaccard, and heavy copies (a third of the text trimmed, local paragraphs added) have
# Jaccard 0.2-0.45 for a containment above 0.55, so the bands are tuned low, weighting misses 4:1;
# every candidate is then verified on its signature. Held out (seed 11, 600 copies per strength):
# LSH 0.3 (42 bands x 3 rows) finds 93.2% of heavy copies, 0.25 (35 x 2) and 0.2 (56 x 2) 97.2%;
# 0.25 gets that recall with fewer bands than 0.2 (cheaper SQLite look-ups and inserts).
LSH_THRESHOLD = 0.25
LSH_WEIGHTS = (0.2, 0.8)

# Articles with fewer words are neither indexed nor marked as copies: two briefs of a dozen words
# share most of their few shingles by chance ("Police said on Monday..."), and with ~17 shingles one
# changed word moves the estimate by ~0.2. Empty, one-word and one-line items are never copies.
MIN_WORDS = 20

# Shingle hashes go into the MinHash in chunks of this many, so that a 1 MB article (~170k
# shingles) never builds a 170k x 128 matrix at once (87 MB as uint32); 20k keeps it under 11 MB.
HASH_CHUNK = 20_000

# Passages (sentences, quotations; paragraphs of any length) are traced from this many words.
# Generator sweep (150 stories, follow-ups lifting two paragraphs): lifted paragraphs are all traced
# for 4-10 words and 94% at 12. Shorter stock lines ("He declined to comment.", 4 words) recur
# independently across outlets; 8 words keeps them out while full recall holds. On the generator
# 20% of the characters of independent same-topic stories still read as reused, because its
# grammar produces identical 8-15 word sentences for stories with the same people and town
# (a generator artefact: two real reporters rarely write the same 8-word sentence).
PASSAGE_MIN_WORDS = 8
