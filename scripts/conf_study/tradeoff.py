"""Session 25 (`s25-shown25`): the speaker confidence's threshold trade-off, measured without
the held-out part. From a NEWSPROBE_CALIBRATE_CELLS dump: per threshold, leave-one-group-out
(LOGO: each tuned-on group scored by the model fitted without it, PolNeAR train kept) pooled
shown precision and coverage, the worst group's LOGO precision, and PolNeAR dev (the whole
model) shown precision and coverage; then reliability per score bin (mean score, right/all) on
both. Design options as `key=value` arguments (l2, rw: tuned-on weight, trainw: PolNeAR train
weight).

    python3 scripts/conf_study/tradeoff.py CELLS [l2=10] [rw=1] [trainw=1]
"""
import sys, math, collections
from logo import load, model, scorer

THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.75, 0.8, 0.82, 0.84, 0.86, 0.88, 0.9, 0.92, 0.95)
BINS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.85), (0.85, 0.9), (0.9, 0.95), (0.95, 1.01))


def scored(groups, train, dev, **kw):
    per = {}
    for g in sorted(groups):
        rest = collections.defaultdict(lambda: [0, 0])
        for h, c in groups.items():
            if h == g:
                continue
            for k, v in c.items():
                rest[k][0] += v[0]
                rest[k][1] += v[1]
        s = scorer(model(rest, train, **kw))
        per[g] = [(math.inf if k == '-' else s(k), r, n) for k, (r, n) in groups[g].items()]
    allc = collections.defaultdict(lambda: [0, 0])
    for c in groups.values():
        for k, v in c.items():
            allc[k][0] += v[0]
            allc[k][1] += v[1]
    s = scorer(model(allc, train, **kw))
    d = [(math.inf if k == '-' else s(k), r, n) for k, (r, n) in dev.items()]
    return per, d


def at(sc, t):
    r = sum(a for s, a, b in sc if s >= t)
    n = sum(b for s, a, b in sc if s >= t)
    return r, n, sum(b for _, _, b in sc)


def fmt(r, n, a):
    return f"{r}/{n} {r / max(n, 1):.3f} cov {n / max(a, 1):.3f}"


def table(per, dev):
    pooled = [x for v in per.values() for x in v]
    print("| threshold | LOGO pooled shown (right/shown, precision, coverage) | worst group LOGO | PolNeAR dev shown |")
    print("|---|---|---|---|")
    for t in THRESHOLDS:
        worst = min(((at(v, t)[0] / max(at(v, t)[1], 1)), g) for g, v in per.items())
        print(f"| {t:.2f} | {fmt(*at(pooled, t))} | {worst[1]} {worst[0]:.3f} | {fmt(*at(dev, t))} |")
    print()
    print("| score bin | LOGO pooled: mean score, right/all | PolNeAR dev: mean score, right/all |")
    print("|---|---|---|")
    for lo, hi in BINS:
        cells = []
        for sc in (pooled, dev):
            xs = [(s, r, n) for s, r, n in sc if lo <= s < hi]
            n = sum(b for _, _, b in xs)
            r = sum(a for _, a, _ in xs)
            m = sum(s * b for s, _, b in xs) / max(n, 1)
            cells.append(f"{m:.3f}, {r}/{n} ({r / max(n, 1):.3f})")
        print(f"| [{lo:.2f}, {min(hi, 1.0):.2f}) | {cells[0]} | {cells[1]} |")


if __name__ == '__main__':
    groups, train, dev, _ = load(sys.argv[1])
    kw = {}
    for a in sys.argv[2:]:
        k, v = a.split('=')
        kw[k] = float(v)
    per, d = scored(groups, train, dev, **kw)
    table(per, d)
