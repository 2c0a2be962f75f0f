#!/usr/bin/env python3
"""Seeded choice of the tenth held-out round (session 12) of the reviewed sample: FNC-1 article
bodies into eval/review/heldout/fnc1-6 (later_rounds.select_fnc1 with one_per_story: at most one
body per story, none of a story already in the sample), then ECB+ documents into
eval/review/heldout/ecbplus-7 (later_rounds.select_ecbplus). The ECB+ rule is nearly spent (in
session 12 it yields one document of the four asked for), so the shortfall is made up with
Scrapinghub pages into eval/review/heldout/scrapinghub-6 (later_rounds.select; select6.py to
select9.py fell back only when the ECB+ rule yielded none, which never happened). (See
eval/review/README.md.) Run from the repo root: python3 eval/review/heldout/select10.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select, select_ecbplus, select_fnc1

SEED = "newsprobe-review-heldout-2026-12-r10"
FNC1, ECBPLUS = 10, 4
bodies = select_fnc1(SEED, "fnc1-6", FNC1, one_per_story=True)
docs = select_ecbplus(SEED, "ecbplus-7", ECBPLUS)
if len(docs) < ECBPLUS:
    select(SEED, "scrapinghub-6", ECBPLUS - len(docs))
