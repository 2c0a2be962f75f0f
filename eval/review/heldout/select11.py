#!/usr/bin/env python3
"""Seeded choice of the eleventh held-out round (session 13) of the reviewed sample: FNC-1 article
bodies into eval/review/heldout/fnc1-7 (later_rounds.select_fnc1 with one_per_story: at most one
body per story, none of a story already in the sample; the earlier rounds' rule unchanged: 250-900
words, a quotation mark and "said"). ECB+ documents (later_rounds.select_ecbplus, into
eval/review/heldout/ecbplus-8) and Scrapinghub pages (later_rounds.select, into
eval/review/heldout/scrapinghub-7) are taken too where the old rules still allow one: in session 13
both rules yield none (session 12 took the last ECB+ document and the last two pages they allow).
(See eval/review/README.md.) Run from the repo root: python3 eval/review/heldout/select11.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select, select_ecbplus, select_fnc1

SEED = "newsprobe-review-heldout-2026-12-r11"
FNC1, ECBPLUS, PAGES = 12, 4, 4
bodies = select_fnc1(SEED, "fnc1-7", FNC1, one_per_story=True)
docs = select_ecbplus(SEED, "ecbplus-8", ECBPLUS)
pages = select(SEED, "scrapinghub-7", PAGES)
