"""Session 27: the one dev measurement of `run_vecword27.py`'s second stage: trained on all of
train's rows (each row's word scores from a ridge fitted outside its fold), applied to dev (the
ridge of all train), decoding thresholds chosen on train's out-of-fold probabilities (not on
dev), against the bundled clause probabilities with thresholds chosen the same way.
Usage: python3 dev_vec27.py cv42t.jsonl dev.jsonl vec64.npz"""
import sys, os, numpy as np
from cv import *
from feats import clause_labels
from run_lr import fit_lr
import run_vecword27 as vw

def best_on(arts, cps):
    tab = per_article(arts, cps)
    best = max(range(len(GRID)), key=lambda g: sum((sc for sc in tab[g]), Score()).f())
    return GRID[best], sum(tab[best], Score())

if __name__ == '__main__':
    tr = load(sys.argv[1]); dv = load(sys.argv[2]); z = np.load(sys.argv[3])
    w2i = {w: i for i, w in enumerate(z['vocab'])}; E = z['E']
    for d in tr + dv: vw.prep(d, E, w2i)
    K = max(d['fold'] for d in tr) + 1; lam = float(os.environ.get('LAM', 10))
    models = {}
    def mdl(ex):
        ex = frozenset(ex)
        if ex not in models: models[ex] = vw.ridge([d for d in tr if d['fold'] not in ex], lam)
        return models[ex]
    labs = [clause_labels(d) for d in tr]
    cps = [d['clause_probs'].copy() for d in tr]
    for k in range(K):
        X, Y = [], []
        for i, d in enumerate(tr):
            if d['fold'] == k: continue
            for ci, r in enumerate(vw.feats(d, mdl({d['fold'], k}))):
                if r is not None: X.append(r); Y.append(labs[i][ci])
        f, _ = fit_lr(np.array(X), np.array(Y, float))
        for i, d in enumerate(tr):
            if d['fold'] != k: continue
            rr = [(ci, r) for ci, r in enumerate(vw.feats(d, mdl({k}))) if r is not None]
            for (ci, _), v in zip(rr, f(np.array([r for _, r in rr]))): cps[i][ci] = v
    g_base, s_base = best_on(tr, None); g_new, s_new = best_on(tr, cps)
    print('train OOF, thresholds chosen on it: raw', g_base, s_base, '| vword', g_new, s_new, flush=True)
    X, Y = [], []
    for i, d in enumerate(tr):
        for ci, r in enumerate(vw.feats(d, mdl({d['fold']}))):
            if r is not None: X.append(r); Y.append(labs[i][ci])
    f, w = fit_lr(np.array(X), np.array(Y, float)); print('second stage weights', np.round(w, 3))
    full = mdl(set()); dcps = []
    for d in dv:
        c = d['clause_probs'].copy(); rr = [(ci, r) for ci, r in enumerate(vw.feats(d, full)) if r is not None]
        for (ci, _), v in zip(rr, f(np.array([r for _, r in rr]))): c[ci] = v
        dcps.append(c)
    print('dev bundled, its dev-tuned thresholds:', score(dv, BUNDLED))
    print('dev bundled, thresholds chosen on train OOF', g_base, ':', score(dv, g_base))
    print('dev vword, thresholds chosen on train OOF', g_new, ':', score(dv, g_new, dcps))
