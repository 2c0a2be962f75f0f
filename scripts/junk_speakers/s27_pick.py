"""Session 27 (s27-junk27): a seeded pick of 30 articles nobody tuned on before — 15 PTC train
articles (never dev, no file of eval/review by its name, none of s20/s21/s24/s25/s26_articles.txt)
and 15 FNC-1 bodies of the tuning pool (pool stories only, none in eval/review, none of the
earlier picks; with or without a quotation mark, as in session 26) — analysed, every shown and
every suggested speaker listed with what a judge reads beside it, each flagged `cand` where its
head word is no person/organisation/group head and the engine found no person or organisation
entity for it. The judgments are in `s27_judged.tsv`; the articles are listed in
`s27_articles.txt` (tuned-on from now).

    python3 scripts/junk_speakers/s27_pick.py BINARY OUT   # from the project root; OUT/listed.tsv
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from seeded_pick import main  # noqa: E402

main(session=27, seed=2727, each=15,
     earlier_files=("s20_articles.txt", "s21_articles.txt", "s24_articles.txt", "s25_articles.txt",
                    "s26_articles.txt"),
     fnc1_quoted=False)
