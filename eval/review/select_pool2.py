"""The second tuned-on tuning-pool group `fnc1-pool-2` (session 15): 12 further bodies of the
tuning pool (tuning_pool.py), none in `fnc1-pool` nor a near-duplicate of one (same first 200
characters), in sha256 order of SEED:Body ID, at most one per story: first the pool stories
`fnc1-pool` does not use, then (the pool has 19 stories, `fnc1-pool` took 12) one further body
each of `fnc1-pool`'s stories until 12. Run from the repo root:

    python3 eval/review/select_pool2.py          # Body ID, words, story of each pick
"""
import hashlib, os, sys

sys.path.insert(0, os.path.dirname(__file__))
from tuning_pool import pool_bodies  # noqa: E402
from select_pool import select_pool  # noqa: E402

SEED = "newsprobe-tuning-pool-2:session-15"
N = 12


def select_pool2(n=N):
    first = select_pool()
    first_ids = {i for i, _, _ in first}
    first_stories = {s for _, _, s in first}
    bodies = {i: t for i, _, _, t in pool_bodies()}
    heads = {bodies[i][:200] for i in first_ids}
    rest = [b for b in pool_bodies() if b[0] not in first_ids and b[3][:200] not in heads]
    rest.sort(key=lambda b: hashlib.sha256((SEED + ":" + b[0]).encode()).hexdigest())
    picks, stories = [], set()
    for fresh in (True, False):
        for i, words, story, text in rest:
            if story in stories or (story in first_stories) == fresh or text[:200] in heads:
                continue
            stories.add(story)
            heads.add(text[:200])
            picks.append((i, words, story))
            if len(picks) == n:
                return picks
    return picks


if __name__ == "__main__":
    for i, w, s in select_pool2():
        print(i, w, s, sep="\t")
