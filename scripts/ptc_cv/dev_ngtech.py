"""Session 25: the one dev measurement of a finalist second stage (`run_tech.py`'s sets) with
decoding thresholds chosen on train's out-of-fold probabilities (not on dev), against the
bundled clause probabilities with thresholds chosen the same way.
Usage: python3 dev_ngtech.py cv42t.jsonl dev.jsonl SET"""
import sys, numpy as np
import cv
from cv import *
from feats import clause_labels
from run_lr import fit_lr
import run_ngram as ng
from run_tech import tech_rows

def best_on(arts, cps):
    tab = per_article(arts, cps)
    best = max(range(len(GRID)), key=lambda g: sum((sc for sc in tab[g]), Score()).f())
    return GRID[best], sum(tab[best], Score())

if __name__ == '__main__':
    tr = load(sys.argv[1]); dv = load(sys.argv[2]); name = sys.argv[3]
    for d in tr + dv: ng.prep(d)
    for d in dv: d['fold'] = -1
    K = max(d['fold'] for d in tr) + 1
    NG = 17
    cols = {'lcp+lsent+tech': [0, 1] + list(range(NG, NG + 16)), 'ngram+tech': None,
            'ngram': list(range(NG)), 'lcp+lsent': [0, 1]}[name]
    tables = {}
    def tbl(arts, ex):
        ex = frozenset(ex)
        if ex not in tables: tables[ex] = ng.make_table(arts, ex)
        return tables[ex]
    labs = [clause_labels(d) for d in tr]
    def rows(d, table):
        t = tech_rows(d)
        return [(ci, r + t[ci]) for ci, r in enumerate(ng.feats(d, table)) if r is not None]
    def pick(X):
        X = np.array(X); return X if cols is None else X[:, cols]
    # out-of-fold second-stage probabilities on train (for the thresholds)
    cps = [d['clause_probs'].copy() for d in tr]
    for k in range(K):
        X, Y = [], []
        for i, d in enumerate(tr):
            if d['fold'] == k: continue
            for ci, r in rows(d, tbl(tr, {d['fold'], k})): X.append(r); Y.append(labs[i][ci])
        f, _ = fit_lr(pick(X), np.array(Y, float))
        for i, d in enumerate(tr):
            if d['fold'] != k: continue
            rr = rows(d, tbl(tr, {k}))
            for (ci, _), v in zip(rr, f(pick([r for _, r in rr]))): cps[i][ci] = v
    g_base, s_base = best_on(tr, None)
    g_new, s_new = best_on(tr, cps)
    print('train OOF, thresholds chosen on it: raw', g_base, s_base, '|', name, g_new, s_new, flush=True)
    # final second stage: all train rows (rates out of each row's fold), applied to dev (rates of all train)
    X, Y = [], []
    for i, d in enumerate(tr):
        for ci, r in rows(d, tbl(tr, {d['fold']})): X.append(r); Y.append(labs[i][ci])
    f, w = fit_lr(pick(X), np.array(Y, float))
    full = ng.make_table(tr, set())
    dcps = []
    for d in dv:
        c = d['clause_probs'].copy(); rr = rows(d, full)
        for (ci, _), v in zip(rr, f(pick([r for _, r in rr]))): c[ci] = v
        dcps.append(c)
    print('dev bundled, its dev-tuned thresholds:', score(dv, BUNDLED))
    print('dev bundled, thresholds chosen on train OOF', g_base, ':', score(dv, g_base))
    print('dev', name, 'thresholds chosen on train OOF', g_new, ':', score(dv, g_new, dcps))
