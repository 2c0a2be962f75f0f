"""Session 25 (s25-junk25): a seeded pick of 20 articles nobody tuned on before — 10 PTC train
articles (never dev, no file of eval/review by its name, none of s20/s24_articles.txt) and 10 FNC-1
bodies of the tuning pool (pool stories only, none in eval/review, none of s21/s24_articles.txt) —
analysed, every shown and every suggested speaker listed with what a judge reads beside it, and
each flagged `cand` where its head word is no person/organisation/group head
(crates/newsprobe/data/speaker_heads.txt, the reviewed sample's junk check) and the engine found no
person or organisation entity for it. The judgments are in `s25_judged.tsv`; the articles are
listed in `s25_articles.txt` (tuned-on from now).

    python3 scripts/junk_speakers/s25_pick.py BINARY OUT   # from the project root; OUT/listed.tsv
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seeded_pick import main  # noqa: E402

main(session=25, seed=25, each=10, earlier_files=("s20_articles.txt", "s21_articles.txt", "s24_articles.txt"))
