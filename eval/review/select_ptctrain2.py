#!/usr/bin/env python3
"""Seeded choice of the second tuned-on PTC group of the reviewed sample (session 22): PTC *train*
articles into eval/review/ptc-train-2.

The rule of select_ptctrain.py (session 19's `ptc-train`, the held-out PTC rounds' rule with
`not is_dev`: PTC **train** ids only, never dev), with its own seed: train articles in sha256 order
of SEED:id, skipping any already in the sample (the 8 of `ptc-train` among them), any under 150
words (whitespace-separated, title included) and any with no quotation (no pair of quotation
marks, straight or curly, around 12 characters or more); the first 12. `eval review` reads each in
place from ../shared/eval as `newsprobe analyze` reads a text file (its first line, followed by a
blank line, is the title). Run from the repo root: python3 eval/review/select_ptctrain2.py"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "heldout"))
from ptc_rounds import main  # noqa: E402  (the rule, shared with the held-out PTC rounds)

SEED = "newsprobe-review-ptctrain2-2026-12"
FOLDER = "ptc-train-2"
COUNT = 12

if __name__ == "__main__":
    main(SEED, FOLDER, COUNT, dev=False)
