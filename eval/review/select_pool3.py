"""The third tuned-on tuning-pool group `fnc1-pool-3` (session 16): 12 further bodies of the
tuning pool (tuning_pool.py), none in `fnc1-pool` or `fnc1-pool-2` nor a near-duplicate of one
(same first 200 characters), at most one per story, preferring the stories the two earlier
groups used fewest times: the candidates in order of (bodies of the story already in the two
groups, sha256 of SEED:Body ID). Run from the repo root:

    python3 eval/review/select_pool3.py          # Body ID, words, story of each pick
"""
import hashlib, os, sys

sys.path.insert(0, os.path.dirname(__file__))
from tuning_pool import pool_bodies  # noqa: E402
from select_pool import select_pool  # noqa: E402
from select_pool2 import select_pool2  # noqa: E402

SEED = "newsprobe-tuning-pool-3:session-16"
N = 12


def select_rest(earlier, seed, n):
    """Up to `n` pool bodies not among `earlier`'s picks (Body ID, words, story) nor a
    near-duplicate of one or of each other (same first 200 characters), at most one per story,
    in order of (bodies of the story already picked, sha256 of seed:Body ID)."""
    used_ids = {i for i, _, _ in earlier}
    used = {}
    for _, _, s in earlier:
        used[s] = used.get(s, 0) + 1
    bodies = {i: t for i, _, _, t in pool_bodies()}
    heads = {bodies[i][:200] for i in used_ids}
    rest = [b for b in pool_bodies() if b[0] not in used_ids and b[3][:200] not in heads]
    rest.sort(key=lambda b: (used.get(b[2], 0), hashlib.sha256((seed + ":" + b[0]).encode()).hexdigest()))
    picks, stories = [], set()
    for i, words, story, text in rest:
        if story in stories or text[:200] in heads:
            continue
        stories.add(story)
        heads.add(text[:200])
        picks.append((i, words, story))
        if len(picks) == n:
            break
    return picks


def select_pool3(n=N):
    return select_rest(select_pool() + select_pool2(), SEED, n)


if __name__ == "__main__":
    for i, w, s in select_pool3():
        print(i, w, s, sep="\t")
