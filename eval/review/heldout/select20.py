#!/usr/bin/env python3
"""Seeded choice of the twentieth held-out round (session 21) of the reviewed sample: FNC-1 article
bodies into eval/review/heldout/fnc1-13, under a new rule (later_rounds.select_fnc1_heldout_stories).

Every held-out source was spent under its rule (FNC-1 after select16.py: at most one body per story,
none of a story already in the sample). The new rule allows a body of a story that so far has bodies
only in *held-out* rounds: nobody reads held-out text or the engine's output on it, and nobody reads
the other bodies of those stories either (they are neither in the tuning pool nor in a tuned-on
group), so such a body is as unread as any. It still skips every body already in the sample, every
body of a tuning-pool story and of a story with a body in a tuned-on group (fnc1-pool to fnc1-pool-5:
text engineers read and tuned on), takes at most one new body per story, and skips near-duplicates
(the same first 200 characters as a sample or pool body, or a word 8-gram overlap >= 0.5 with one or
with an earlier pick: wire copy reprinted). The filter is select_fnc1's: 250-900 words, a quotation
mark and "said". (See eval/review/README.md, "The twentieth round".)
Run from the repo root: python3 eval/review/heldout/select20.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select_fnc1_heldout_stories  # noqa: E402

SEED = "newsprobe-review-heldout-2026-12-r20"
FOLDER = "fnc1-13"
COUNT = 12

if __name__ == "__main__":
    select_fnc1_heldout_stories(SEED, FOLDER, COUNT)
