#!/usr/bin/env python3
"""Seeded choice of the fifth held-out round (session 7) of the reviewed sample: FNC-1 article
bodies into eval/review/heldout/fnc1 (later_rounds.select_fnc1, 12), then Scrapinghub pages into
eval/review/heldout/scrapinghub-5 with later_rounds.py's rule to make 16 in all, if the rule
still yields any (see eval/review/README.md). Run from the repo root:
python3 eval/review/heldout/select5.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select, select_fnc1

SEED = "newsprobe-review-heldout-2026-12-r5"
bodies = select_fnc1(SEED, "fnc1", 12)
select(SEED, "scrapinghub-5", 16 - len(bodies))
