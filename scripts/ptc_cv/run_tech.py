"""Session 25: the technique classifier's distribution over each clause (out of fold, the
`clause_tech` field of `ptc_cv`'s dump) as clause features of a logistic second stage, alone and
with the n-gram in-span rates of `run_ngram.py`; CV F1 by `cv_eval`.
Usage: python3 run_tech.py cv42t.jsonl"""
import sys, numpy as np
from cv import *
from feats import lg, clause_labels
from run_lr import fit_lr, auc
import run_ngram as ng

def tech_rows(d):
    out = []
    for p in d['clause_tech']:
        p = np.clip(np.array(p, float), 1e-6, 1)
        out.append(list(np.log(p)) + [np.log(p.max()), -(p * np.log(p)).sum()])
    return out

if __name__ == '__main__':
    arts = load(sys.argv[1]); [ng.prep(d) for d in arts]
    K = max(d['fold'] for d in arts) + 1
    tables = {}
    def tbl(ex):
        ex = frozenset(ex)
        if ex not in tables: tables[ex] = ng.make_table(arts, ex)
        return tables[ex]
    labs = [clause_labels(d) for d in arts]
    techs = [tech_rows(d) for d in arts]
    def rows_for(i, ex):
        return [(ci, r + techs[i][ci]) for ci, r in enumerate(ng.feats(arts[i], tbl(ex))) if r is not None]
    NG = 17  # lcp, lsent, 15 n-gram columns; then 14 log technique probs, log max, entropy
    sets = {'lcp+lsent+tech': [0, 1] + list(range(NG, NG + 16)),
            'lcp+lsent+techconf': [0, 1, NG + 14, NG + 15],
            'ngram+tech': None}
    import os
    if os.environ.get('SETS'): sets = {n: c for n, c in sets.items() if n in os.environ['SETS'].split(',')}
    cps = {n: [d['clause_probs'].copy() for d in arts] for n in sets}
    allY, allS = [], {n: [] for n in sets}
    for k in range(K):
        X, Y = [], []
        for i, d in enumerate(arts):
            if d['fold'] == k: continue
            for ci, r in rows_for(i, {d['fold'], k}):
                X.append(r); Y.append(labs[i][ci])
        X = np.array(X); Y = np.array(Y, float)
        Xt, where = [], []
        for i, d in enumerate(arts):
            if d['fold'] != k: continue
            for ci, r in rows_for(i, {k}):
                Xt.append(r); where.append((i, ci)); allY.append(labs[i][ci])
        Xt = np.array(Xt)
        for n, cols in sets.items():
            cols = list(range(X.shape[1])) if cols is None else cols
            f, w = fit_lr(X[:, cols], Y, 1.0)
            p = f(Xt[:, cols]); allS[n] += list(p)
            for (i, ci), v in zip(where, p): cps[n][i][ci] = v
        print('fold', k, flush=True)
    allY = np.array(allY)
    if os.environ.get('RAW'): cv_eval(arts, None, label='raw')
    for n in sets:
        print(n, 'AUC', round(auc(np.array(allS[n]), allY), 4), flush=True)
        cv_eval(arts, cps[n], label=n)
