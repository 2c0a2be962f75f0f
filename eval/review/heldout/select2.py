#!/usr/bin/env python3
"""Seeded choice of the second held-out round (session 4) of the reviewed sample: Scrapinghub pages
into eval/review/heldout/scrapinghub-2 (see eval/review/README.md; the rule is later_rounds.py's).
Run from the repo root: python3 eval/review/heldout/select2.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select

select("newsprobe-review-heldout-2026-12", "scrapinghub-2", 12)
