"""The tuning pool (session 14): FNC-1 article bodies that engineers MAY read, run `analyze` on and
tune rules on, kept apart from every held-out round.

A body is in the pool when its story (later_rounds.fnc1_stories; a body with no stance pair is a
story of its own) hashes into the first quarter of sha256("newsprobe-tuning-pool:" + story) and
no body of that story is anywhere in eval/review. From session 14 on, select_fnc1 (with
exclude_pool=True) never draws a held-out body of a pool story, so what is read here can never
become held-out text. Run from the repo root:

    python3 eval/review/tuning_pool.py            # Body ID, words, story of each pool body (250-900 words, a quotation mark and "said")
    python3 eval/review/tuning_pool.py --text ID  # the body's text
    python3 eval/review/tuning_pool.py --jsonl N   # the first N pool bodies as JSON Lines {id, text} for `newsprobe analyze`
"""
import csv, hashlib, json, os, re, sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "heldout"))
from later_rounds import fnc1_stories, in_tuning_pool, sample_ids  # noqa: E402

SALT = "newsprobe-tuning-pool:"


def in_pool_story(story):
    return in_tuning_pool(story)


def pool_story_ids():
    """Every story id (fnc1_stories' value, or the Body ID of a body with no stance pair) in the pool."""
    story = fnc1_stories()
    rows = csv.DictReader(open("../shared/eval/stance/fnc1/train_bodies.csv", encoding="utf-8"))
    # The pool's own tuned-on groups (eval/review/fnc1-pool, select_pool.py; eval/review/fnc1-pool-2,
    # select_pool2.py, session 15) are pool text: they do not take their stories out of the pool.
    used = sample_ids("/fnc1-pool")
    used_stories = {story.get(i, i) for i in used}
    return {story.get(r["Body ID"], r["Body ID"]) for r in rows
            if in_pool_story(story.get(r["Body ID"], r["Body ID"]))
            and story.get(r["Body ID"], r["Body ID"]) not in used_stories}


def pool_bodies():
    story = fnc1_stories()
    stories = pool_story_ids()
    out = []
    for r in csv.DictReader(open("../shared/eval/stance/fnc1/train_bodies.csv", encoding="utf-8")):
        i, text = r["Body ID"], r["articleBody"]
        s = story.get(i, i)
        if s not in stories:
            continue
        words = len(text.split())
        if not (250 <= words <= 900) or not re.search(r"[\"\u201c\u201d]", text) or not re.search(r"\bsaid\b", text):
            continue
        out.append((i, words, s, text))
    out.sort(key=lambda t: hashlib.sha256((SALT + t[0]).encode()).hexdigest())
    return out


if __name__ == "__main__":
    bodies = pool_bodies()
    if len(sys.argv) == 3 and sys.argv[1] == "--text":
        print(next(t for i, _, _, t in bodies if i == sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == "--jsonl":
        for i, _, _, t in bodies[: int(sys.argv[2])]:
            print(json.dumps({"id": "fnc1-" + i, "text": t}))
    else:
        for i, w, s, _ in bodies:
            print(i, w, s, sep="\t")
