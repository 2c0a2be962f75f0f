import numpy as np
from cv import *
X = np.load('X.npy'); Y = np.load('Y.npy'); A = np.load('A.npy'); C = np.load('C.npy')
arts = load((__import__('os').environ.get('CV', 'cv42.jsonl')))
na = len(arts)
rate = np.array([Y[A == i].mean() for i in range(na)])
mcp = np.array([X[A == i, 0].mean() for i in range(na)])
mcp_p = np.array([arts[i]['clause_probs'].mean() for i in range(na)])
print('article positive rate: mean %.3f sd %.3f min %.3f max %.3f' % (rate.mean(), rate.std(), rate.min(), rate.max()))
print('corr(rate, mean clause prob) %.3f' % np.corrcoef(rate, mcp_p)[0, 1])
for j, n in enumerate(['lcp','lsent','rank','art_mean','art_max','art_sent','log_len_art','art_q','art_excl','art_first','art_loaded']):
    v = np.array([X[A == i, j].mean() for i in range(na)])
    print(n, round(np.corrcoef(rate, v)[0, 1], 3))
# oracle: per-article keep share = true rate (top clauses by cp)
import sys
if len(sys.argv) > 1:
    for mult in (0.5, 0.75, 1.0, 1.5):
        cps = []
        for i, d in enumerate(arts):
            cp = d['clause_probs']; k = int(round(mult * rate[i] * len(cp)))
            r = np.argsort(np.argsort(-cp))
            cps.append(np.where(r < k, 0.9, 0.0))
        grid = [(0.5, cw, cl, 0.10, lt) for cw in (0.55, 0.65, 0.75) for cl in (0.25, 0.3, 0.35) for lt in (0.4, 99.0)]
        cv_eval(arts, cps, grid=grid, label=f'oracle share x{mult}')
