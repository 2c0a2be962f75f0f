"""The tuned-on group `fnc1-pool` (session 14): the first 12 bodies of the tuning pool
(tuning_pool.py's order), at most one per story. Run from the repo root:

    python3 eval/review/select_pool.py          # Body ID, words, story of each pick
"""
import os, sys

sys.path.insert(0, os.path.dirname(__file__))
from tuning_pool import pool_bodies  # noqa: E402

N = 12


def select_pool(n=N):
    picks, stories = [], set()
    for i, words, story, _ in pool_bodies():
        if story in stories:
            continue
        stories.add(story)
        picks.append((i, words, story))
        if len(picks) == n:
            break
    return picks


if __name__ == "__main__":
    for i, w, s in select_pool():
        print(i, w, s, sep="\t")
