import itertools, numpy as np
from dec import *
INF = 99.0
GRID = [(c, cw, cl, 0.10, lt) for c in np.arange(0.10, 0.501, 0.025) for cw in (0.45, 0.55, 0.65)
        for cl in (0.25, 0.30, 0.35) for lt in (0.40, INF)]

def per_article(arts, cps, grid=GRID, keeps=None):
    # tab[g][i] = Score of article i under grid point g
    return [[Score().add(d, passages(d, g, None if cps is None else cps[i], None if keeps is None else keeps[i]))
             for i, d in enumerate(arts)] for g in grid]

def cv_eval(arts, cps=None, grid=GRID, label=''):
    folds = np.array([d['fold'] for d in arts]); K = folds.max() + 1
    tab = per_article(arts, cps, grid)
    total = Score(); chosen = []
    for k in range(K):
        best = None
        for gi, row in enumerate(tab):
            s = Score()
            for i, sc in enumerate(row):
                if folds[i] != k: s = s + sc
            if best is None or s.f() > best[0]: best = (s.f(), gi)
        chosen.append(grid[best[1]])
        for i, sc in enumerate(tab[best[1]]):
            if folds[i] == k: total = total + sc
    print(f"CV {label}: {total}  thresholds {[tuple(round(float(x),3) for x in c) for c in chosen]}", flush=True)
    return total, chosen
