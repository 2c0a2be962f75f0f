"""Session 25: confidence designs compared at equal coverage (LOGO pooled over the tuned-on
groups, PolNeAR dev), from a NEWSPROBE_CALIBRATE_CELLS dump. Ranking quality is what a design
can change (a monotone recalibration moves only the threshold).

    python3 scripts/conf_study/designs25.py CELLS
"""
import sys
from tradeoff import scored
from logo import load


def at_cov(sc, cov):
    allq = sum(n for _, _, n in sc)
    for t in sorted({s for s, _, _ in sc}, reverse=True):
        r = sum(a for s, a, b in sc if s >= t)
        n = sum(b for s, a, b in sc if s >= t)
        if n >= cov * allq:
            return r, n


def row(name, per, dev):
    pooled = [x for v in per.values() for x in v]
    out = [name]
    for c in (0.75, 0.80, 0.85, 0.90):
        r, n = at_cov(pooled, c)
        out.append(f"{r}/{n} {r / n:.3f}")
    for c in (0.75, 0.80, 0.85, 0.90):
        r, n = at_cov(dev, c)
        out.append(f"{r}/{n} {r / n:.3f}")
    print("| " + " | ".join(out) + " |")
    sys.stdout.flush()


DESIGNS = [
    ("base (L2 10, rw 1, trainw 1)", {}),
    ("PolNeAR train weight 2", dict(trainw=2.0)),
    ("PolNeAR train weight 0.5", dict(trainw=0.5)),
    ("tuned-on weight 3", dict(rw=3.0)),
    ("L2 30", dict(l2=30.0)),
    ("L2 3", dict(l2=3.0)),
]

if __name__ == '__main__':
    groups, train, dev, _ = load(sys.argv[1])
    pick = sys.argv[2:] or [d[0] for d in DESIGNS]
    print("| design | LOGO cov 0.75 | 0.80 | 0.85 | 0.90 | PolNeAR dev cov 0.75 | 0.80 | 0.85 | 0.90 |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, kw in DESIGNS:
        if any(name.startswith(p) for p in pick):
            row(name, *scored(groups, train, dev, **kw))
