#!/usr/bin/env python3
"""Seeded choice of the sixteenth held-out round (session 18) of the reviewed sample: FNC-1 article
bodies into eval/review/heldout/fnc1-12 (later_rounds.select_fnc1 with one_per_story and
exclude_pool: at most one body per story, none of a story already in the sample, and none of a
story in the tuning pool, eval/review/tuning_pool.py, that engineers may read; the earlier rounds'
rule otherwise unchanged: 250-900 words, a quotation mark and "said"). The ECB+ and Scrapinghub
rules are spent (session 13: both yield none) and are not called. The rule yields 10 bodies, not 12: every other FNC-1 story
that passes it is in the sample or in the tuning pool (FNC-1 is spent after this round). (See eval/review/README.md.)
Run from the repo root: python3 eval/review/heldout/select16.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select_fnc1

SEED = "newsprobe-review-heldout-2026-12-r16"
FNC1 = 12
bodies = select_fnc1(SEED, "fnc1-12", FNC1, one_per_story=True, exclude_pool=True)
