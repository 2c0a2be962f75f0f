#!/usr/bin/env python3
"""Seeded choice of the third held-out round (session 5) of the reviewed sample: Scrapinghub pages
into eval/review/heldout/scrapinghub-3 (see eval/review/README.md; the rule is later_rounds.py's).
Run from the repo root: python3 eval/review/heldout/select3.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select

select("newsprobe-review-heldout-2026-12-r3", "scrapinghub-3", 14)
