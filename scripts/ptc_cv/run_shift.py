import sys, numpy as np
from cv import *
SMALL = [(c, 0.65, cl, 0.10, lt) for c in np.arange(0.10, 0.401, 0.025) for cl in (0.25, 0.30) for lt in (0.40, 99.0)]
for path in sys.argv[1:]:
    arts = load(path)
    cv_eval(arts, grid=SMALL, label=f'{path} baseline (small grid)')
    for lam in (0.5, 1.0, 2.0):
        cps = [d['clause_probs'] + lam * d['clause_probs'].mean() for d in arts]
        grid = [(c + lam * 0.2, *rest) for c, *rest in SMALL]
        cv_eval(arts, cps, grid=grid, label=f'{path} clause prob + {lam} x article mean clause prob')
