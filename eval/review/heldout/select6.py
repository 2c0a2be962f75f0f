#!/usr/bin/env python3
"""Seeded choice of the sixth held-out round (session 8) of the reviewed sample: FNC-1 article
bodies into eval/review/heldout/fnc1-2 (later_rounds.select_fnc1, skipping every body already in
the sample and near-duplicates of them), then ECB+ documents into eval/review/heldout/ecbplus-3
(later_rounds.select_ecbplus), or, if that rule yields none, Scrapinghub pages into
eval/review/heldout/scrapinghub-6 (later_rounds.select) (see eval/review/README.md). Run from the
repo root: python3 eval/review/heldout/select6.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select, select_ecbplus, select_fnc1

SEED = "newsprobe-review-heldout-2026-12-r6"
FNC1, ECBPLUS = 12, 4
bodies = select_fnc1(SEED, "fnc1-2", FNC1)
docs = select_ecbplus(SEED, "ecbplus-3", ECBPLUS)
if not docs:
    select(SEED, "scrapinghub-6", ECBPLUS)
