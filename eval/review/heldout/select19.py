#!/usr/bin/env python3
"""Seeded choice of the nineteenth held-out round (session 20) of the reviewed sample: PTC dev
articles into eval/review/heldout/ptc-3 (the third and last PTC round; select17.py drew ptc-1,
select18.py ptc-2).

The rule is the one of select17.py and select18.py, shared in ptc_rounds.py: PTC *dev* articles
(the FNV-1a 64 hash of the id 0 mod 5, `is_dev` in crates/newsprobe-framing/src/propaganda/data.rs,
checked against the Rust on the ids in ptc_rounds.CHECK) in sha256 order of SEED:id, skipping any
already in the sample, any under 150 words (whitespace-separated, title included) and any with no
quotation (no pair of quotation marks, straight or curly, around 12 characters or more). COUNT is
all that remain: 11 dev articles pass the rule after ptc-1 and ptc-2, so this round spends the PTC
dev split (what is left fails the filter). Helpers read PTC *train* articles for speakers and
entities, so no speaker, quote or entity rule was tuned on the dev articles; the propaganda
tagger's thresholds were tuned on them, so framing spans of the rule `model:propaganda-ptc` on
this group are not held-out evidence. `eval review` reads each article in place from
../shared/eval (no article text is kept in eval/review). Run from the repo root:
python3 eval/review/heldout/select19.py"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptc_rounds import main  # noqa: E402  (the rule, shared with the other PTC groups)

SEED = "newsprobe-review-heldout-2026-12-r19"
FOLDER = "ptc-3"
COUNT = None  # all that remain (the loop ends when the dev ids do): 11 pass the rule

if __name__ == "__main__":
    main(SEED, FOLDER, COUNT, dev=True)
