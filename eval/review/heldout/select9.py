#!/usr/bin/env python3
"""Seeded choice of the ninth held-out round (session 11) of the reviewed sample: FNC-1 article
bodies into eval/review/heldout/fnc1-5 (later_rounds.select_fnc1 with one_per_story: at most one
body per story, none of a story already in the sample), then ECB+ documents into
eval/review/heldout/ecbplus-6 (later_rounds.select_ecbplus), or, if that rule yields none,
Scrapinghub pages into eval/review/heldout/scrapinghub-6 (later_rounds.select) (see
eval/review/README.md). Run from the repo root: python3 eval/review/heldout/select9.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select, select_ecbplus, select_fnc1

SEED = "newsprobe-review-heldout-2026-12-r9"
FNC1, ECBPLUS = 10, 4
bodies = select_fnc1(SEED, "fnc1-5", FNC1, one_per_story=True)
docs = select_ecbplus(SEED, "ecbplus-6", ECBPLUS)
if not docs:
    select(SEED, "scrapinghub-6", ECBPLUS)
