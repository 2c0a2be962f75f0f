#!/usr/bin/env python3
"""Seeded choice of the fourth held-out round (session 6) of the reviewed sample: Scrapinghub
pages into eval/review/heldout/scrapinghub-4 with later_rounds.py's rule (as many as it still
yields, up to 8), then ECB+ documents into eval/review/heldout/ecbplus-2 to make 16 in all
(see eval/review/README.md). Run from the repo root: python3 eval/review/heldout/select4.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select, select_ecbplus

SEED = "newsprobe-review-heldout-2026-12-r4"
pages = select(SEED, "scrapinghub-4", 8)
select_ecbplus(SEED, "ecbplus-2", 16 - len(pages))
