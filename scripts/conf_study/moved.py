import sys, collections
from logo import *
groups, train, dev, arts = load(sys.argv[1])
def pool(gs):
    allc = collections.defaultdict(lambda: [0, 0])
    for g in gs:
        for k, v in groups[g].items(): allc[k][0] += v[0]; allc[k][1] += v[1]
    return allc
a = model(pool(groups), train)
b = model(pool([g for g in groups if g != 'ptc-train-2']), train)
d = sorted(((a.get(f,0)-b.get(f,0), f, b.get(f,0), a.get(f,0)) for f in set(a)|set(b)), key=lambda x: -abs(x[0]))
for x in d[:25]: print(f"{x[1]:28s} {x[2]:+.3f} -> {x[3]:+.3f} ({x[0]:+.3f})")
# which ptc-train-2 cells are held back by the full model, with counts
s = scorer(a); s0 = scorer(b)
rows = [(s(k), s0(k), r, n, k) for k, (r, n) in pool(['ptc-train-2']).items() if k != '-']
print("ptc-train-2: cells under 0.8204 with the full model")
for x in sorted(rows):
    if x[0] < 0.8204: print(f"{x[0]:.3f} (w/o {x[1]:.3f}) {x[2]}/{x[3]} {x[4]}")
