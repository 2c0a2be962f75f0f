"""The fifth tuned-on tuning-pool group `fnc1-pool-5` (session 18): the 3 pool bodies
(tuning_pool.py) that `fnc1-pool-4` left over, none in the four earlier groups nor a
near-duplicate of one or of each other (same first 200 characters): 559 of story 5, 738 and 2132
of story 530. `select_rest` takes at most one body per story, so it is called again with its
own picks added to the earlier groups' until nothing is left (one per story first, then the
second body of a story), up to N. The pool is spent after this group. Run from the repo root:

    python3 eval/review/select_pool5.py          # Body ID, words, story of each pick
"""
import os, sys

sys.path.insert(0, os.path.dirname(__file__))
from select_pool import select_pool  # noqa: E402
from select_pool2 import select_pool2  # noqa: E402
from select_pool3 import select_pool3, select_rest  # noqa: E402
from select_pool4 import select_pool4  # noqa: E402

SEED = "newsprobe-tuning-pool-5:session-18"
N = 12


def select_pool5(n=N):
    earlier = select_pool() + select_pool2() + select_pool3() + select_pool4()
    picks = []
    while len(picks) < n:
        more = select_rest(earlier + picks, SEED, n - len(picks))
        if not more:
            break
        picks += more
    return picks


if __name__ == "__main__":
    for i, w, s in select_pool5():
        print(i, w, s, sep="\t")
