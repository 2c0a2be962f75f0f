"""Offline replica of newsprobe::review::calibrate's leave-group-out curves from a
NEWSPROBE_CALIBRATE_CELLS dump; for comparing model designs quickly."""
import sys, math, collections, os
import numpy as np

UNL = {"entity-pronoun", "pronoun", "entity-description"}

def form_of(path):
    if path in ("named", "surname"): return "named"
    if "pronoun" in path or path == "continued": return "pronoun"
    return "description"

def features(key, extra=None):
    pieces = key.split('|')
    table = pieces[0]
    plus = table.split('+')
    head = plus[0]
    path = head.split('/')[0]
    form = form_of(path)
    out = ["bias", "p:" + path, "pb:" + head] + ["k:" + p for p in plus[1:]]
    for e in pieces[1:]:
        out.append("f:" + e); out.append(form + "&" + e)
    if extra: out += extra(key)
    return out

def load(path):
    groups = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    train = collections.defaultdict(lambda: [0, 0]); dev = collections.defaultdict(lambda: [0, 0])
    arts = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
    for line in open(path):
        g, a, k, r, n = line.rstrip('\n').split('\t')
        r, n = int(r), int(n)
        if g == 'polnear-train': d = train
        elif g == 'polnear-dev': d = dev
        elif g == 'polnear-train-choice': continue
        else:
            d = groups[g]; arts[(g, a)][k][0] += r; arts[(g, a)][k][1] += n
        d[k][0] += r; d[k][1] += n
    return groups, train, dev, arts

def fit(cells, l2, drop=()):
    names = {}
    for fs, r, n, w in cells:
        for f in fs:
            if not any(f.startswith(d) for d in drop if d): names.setdefault(f, None)
    names = {f: i for i, f in enumerate(sorted(names))}
    d = len(names)
    rows = []
    X = np.zeros((len(cells), d)); R = np.zeros(len(cells)); N = np.zeros(len(cells))
    for j, (fs, r, n, w) in enumerate(cells):
        for f in set(fs):
            if f in names: X[j, names[f]] = 1
        R[j] = r * w; N[j] = n * w
    b = names.get("bias")
    reg = np.full(d, l2)
    if b is not None: reg[b] = 1e-6
    w = np.zeros(d)
    for _ in range(25):
        z = X @ w; p = 1 / (1 + np.exp(-z))
        g = X.T @ (N * p - R); h = (X.T * (N * p * (1 - p))) @ X
        g = g + np.where(np.arange(d) == b, 0, l2 * w) if b is not None else g + l2 * w
        h = h + np.diag(reg)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-7: break
    return {f: w[i] for f, i in names.items()}

def scorer(wts, extra=None):
    def s(k):
        z = sum(wts.get(f, 0.0) for f in features(k, extra))
        return 1 / (1 + math.exp(-z))
    return s

def model(review, train, l2=10.0, rw=1.0, drop=(), extra=None, trainw=1.0):
    cells = []
    for k, (r, n) in train.items():
        if k.split('/')[0] in UNL or k == '-' or n == 0: continue
        cells.append((features(k, extra), r, n, trainw))
    for k, (r, n) in review.items():
        if k == '-' or n == 0: continue
        cells.append((features(k, extra), r, n, rw))
    return fit(cells, l2, drop)

def curve_at(scored, ts=(0.75, 0.8, 0.85, 0.9)):
    allq = sum(n for _, r, n in scored)
    out = {}
    for t in ts:
        r = sum(a for s, a, b in scored if s >= t); n = sum(b for s, a, b in scored if s >= t)
        out[t] = (r, n, allq)
    return out

def logo(groups, train, dev, thr=0.80, **kw):
    res = {}
    pooled = []
    for g in sorted(groups):
        rest = collections.defaultdict(lambda: [0, 0])
        for h, c in groups.items():
            if h == g: continue
            for k, v in c.items(): rest[k][0] += v[0]; rest[k][1] += v[1]
        s = scorer(model(rest, train, **kw), kw.get('extra'))
        sc = [(math.inf if k == '-' else s(k), r, n) for k, (r, n) in groups[g].items()]
        res[g] = curve_at(sc, (thr,))[thr]
        pooled += sc
    res['pooled'] = curve_at(pooled, (thr,))[thr]
    allc = collections.defaultdict(lambda: [0, 0])
    for c in groups.values():
        for k, v in c.items(): allc[k][0] += v[0]; allc[k][1] += v[1]
    s = scorer(model(allc, train, **kw), kw.get('extra'))
    dsc = [(math.inf if k == '-' else s(k), r, n) for k, (r, n) in dev.items()]
    res['polnear-dev'] = curve_at(dsc, (thr,))[thr]
    return res

def show(res, label=""):
    parts = []
    for g, (r, n, a) in res.items():
        parts.append(f"{g} {r}/{n} ({r/max(n,1):.3f}, cov {n/max(a,1):.3f})")
    print(label + " | " + "; ".join(parts))

if __name__ == '__main__':
    groups, train, dev, arts = load(sys.argv[1])
    thr = float(sys.argv[2]) if len(sys.argv) > 2 else 0.80
    show(logo(groups, train, dev, thr), f"base@{thr}")
