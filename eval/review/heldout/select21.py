#!/usr/bin/env python3
"""Seeded choice of the twenty-first held-out round (session 26) of the reviewed sample: FNC-1 article
bodies into eval/review/heldout/fnc1-14, under the rule of the twentieth round
(later_rounds.select_fnc1_heldout_stories, select20.py).

Why FNC-1 again: ECB+ and Scrapinghub were spent in session 13, PTC dev after the nineteenth round
(and the propaganda eval tunes its thresholds on PTC dev; PTC train is read and tuned on), FNC-1
bodies of new stories after the sixteenth round. Bodies of stories that so far have bodies only in
held-out rounds are as unread as any held-out text, and FNC-1 holds the most of them (news bodies
with a quotation mark and "said"). The rule skips every body already in the sample (the twentieth
round's included), every body of a tuning-pool story or of a story with a body in a tuned-on group,
a second body of a story picked in the round, and near-duplicates (first 200 characters, or a word
8-gram overlap >= 0.5, with a sample or pool body or an earlier pick). The filter is select_fnc1's:
250-900 words, a quotation mark and "said". (See eval/review/README.md, "The twenty-first round".)
Run from the repo root: python3 eval/review/heldout/select21.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from later_rounds import select_fnc1_heldout_stories  # noqa: E402

SEED = "newsprobe-review-heldout-2026-12-r21"
FOLDER = "fnc1-14"
COUNT = 12

if __name__ == "__main__":
    select_fnc1_heldout_stories(SEED, FOLDER, COUNT)
