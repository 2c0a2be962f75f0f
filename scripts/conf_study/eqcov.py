import sys, collections, math
from logo import *
groups, train, dev, arts = load(sys.argv[1])
def scored_logo(**kw):
    pooled = []; per = {}
    for g in sorted(groups):
        rest = collections.defaultdict(lambda: [0, 0])
        for h, c in groups.items():
            if h == g: continue
            for k, v in c.items(): rest[k][0] += v[0]; rest[k][1] += v[1]
        s = scorer(model(rest, train, **kw))
        sc = [(math.inf if k == '-' else s(k), r, n) for k, (r, n) in groups[g].items()]
        per[g] = sc; pooled += sc
    allc = collections.defaultdict(lambda: [0, 0])
    for c in groups.values():
        for k, v in c.items(): allc[k][0] += v[0]; allc[k][1] += v[1]
    s = scorer(model(allc, train, **kw))
    dsc = [(math.inf if k == '-' else s(k), r, n) for k, (r, n) in dev.items()]
    return pooled, dsc, per
def at_cov(sc, cov):
    allq = sum(n for _, _, n in sc)
    ts = sorted({s for s, _, _ in sc}, reverse=True)
    for t in ts:
        r = sum(a for s, a, b in sc if s >= t); n = sum(b for s, a, b in sc if s >= t)
        if n >= cov * allq: return f"{r}/{n} {r/n:.3f}"
designs = [("base", {}), ("l2=30", dict(l2=30.0)), ("l2=100", dict(l2=100.0)), ("dropform", dict(drop=("named&","pronoun&","description&"))), ("rw=2", dict(rw=2.0))]
if len(sys.argv) > 2 and sys.argv[2] == "one": designs = designs[:1]
if len(sys.argv) > 2 and sys.argv[2] == "rest": designs = designs[1:]
for name, kw in designs:
    p, d, per = scored_logo(**kw)
    print(name, "LOGO pooled", " ".join(f"cov{c}:{at_cov(p, c)}" for c in (0.88, 0.90, 0.92, 0.94)), "| dev", " ".join(f"cov{c}:{at_cov(d, c)}" for c in (0.90, 0.92)), "| ptc-train-2", " ".join(f"cov{c}:{at_cov(per['ptc-train-2'], c)}" for c in (0.80, 0.85, 0.90)))
    sys.stdout.flush()
