"""Offline: a per-article style signal as a feature (computed from the article's own quote
keys, as the engine could at run time); PolNeAR train cells carry none."""
import sys, collections
from logo import *
groups0, train, dev, arts = load(sys.argv[1])
thr = float(sys.argv[2])
mode = sys.argv[3] if len(sys.argv) > 3 else 'said'
def signal(cells):
    n = sum(v[1] for k, v in cells.items() if k != '-')
    if n == 0: return None
    said = sum(v[1] for k, v in cells.items() if any(p in k for p in ('|cue-said', '|cue-told', '|cue-acc')))
    part = sum(v[1] for k, v in cells.items() if '+q-partial' in k)
    if mode == 'said': return 'g-lowsaid' if said / n < 0.5 else None
    if mode == 'partial': return 'g-partial' if part / n >= 0.3 else None
    if mode == 'both': return 'g-style' if said / n < 0.5 or part / n >= 0.3 else None
groups = collections.defaultdict(lambda: collections.defaultdict(lambda: [0, 0]))
cnt = collections.Counter()
for (g, a), cells in arts.items():
    s = signal(cells)
    cnt[(g, s)] += 1
    for k, v in cells.items():
        kk = k if (s is None or k == '-') else k + '|' + s
        groups[g][kk][0] += v[0]; groups[g][kk][1] += v[1]
for x in sorted(cnt.items(), key=str): print(x)
show(logo(groups, train, dev, thr), f"genre-{mode}@{thr}")
