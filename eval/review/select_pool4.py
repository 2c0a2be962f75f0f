"""The fourth tuned-on tuning-pool group `fnc1-pool-4` (session 17): the pool bodies
(tuning_pool.py) left over, none in `fnc1-pool`, `fnc1-pool-2` or `fnc1-pool-3` nor a
near-duplicate of one or of each other (same first 200 characters), at most one per story: the
candidates in order of (bodies of the story already in the three groups, sha256 of SEED:Body ID),
up to N. 11 bodies of 8 stories are left (the brief lifted one-per-story only with fewer than 8
stories), so the group has 8 bodies, one per story; the 3 bodies left over (a second of stories
5 and 530, a third of 530) stay in the pool for a later group. Run from the repo root:

    python3 eval/review/select_pool4.py          # Body ID, words, story of each pick
"""
import os, sys

sys.path.insert(0, os.path.dirname(__file__))
from select_pool import select_pool  # noqa: E402
from select_pool2 import select_pool2  # noqa: E402
from select_pool3 import select_pool3, select_rest  # noqa: E402

SEED = "newsprobe-tuning-pool-4:session-17"
N = 12


def select_pool4(n=N):
    return select_rest(select_pool() + select_pool2() + select_pool3(), SEED, n)


if __name__ == "__main__":
    for i, w, s in select_pool4():
        print(i, w, s, sep="\t")
