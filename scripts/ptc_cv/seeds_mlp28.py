"""Session 28: `run_mlp28.py`'s features computed once (they read only the text, the gold of the
train folds and the vectors, not the clause classifier's seed; the network's own seed fixed at
42), then the second stage and CV F1 per clause-classifier seed dump, and the one dev measurement.
Usage: python3 seeds_mlp28.py table cv42t.jsonl dev.jsonl vec64.npz tab.pkl
       [SETS=mlp,all] python3 seeds_mlp28.py cv tab.pkl cv2t.jsonl
       [SETS=mlp,all] python3 seeds_mlp28.py dev tab.pkl cv42t.jsonl dev.jsonl"""
import sys, os, pickle, numpy as np
from cv import *
from feats import lg, clause_labels
from run_lr import fit_lr, auc
import run_vecword27 as vw
import run_mlp28 as m
from dev_vec27 import best_on

COLS = {'vword': list(range(7)), 'mlp': [0, 1] + list(range(7, 12)), 'knn': [0, 1, 12, 13],
        'all': list(range(14))}


def table(tr_path, dv_path, vec_path, out):
    tr = load(tr_path); dv = load(dv_path); z = np.load(vec_path)
    w2i = {w: i for i, w in enumerate(z['vocab'])}; E = z['E']
    for d in tr + dv: m.prep(d, E, w2i)
    K = max(d['fold'] for d in tr) + 1; labs = [clause_labels(d) for d in tr]; cache = {}
    def get(kind, ex):
        key = (kind, frozenset(ex))
        if key not in cache:
            sub = [d for d in tr if d['fold'] not in ex]
            if kind == 'ridge': cache[key] = vw.ridge(sub, 10.0)
            elif kind == 'mlp': cache[key] = m.train_mlp(sub, 42 + len(cache))
            else: cache[key] = m.knn_pool(sub, [labs[i] for i, d in enumerate(tr) if d['fold'] not in ex])
        return cache[key]
    def rows(d, ex):
        a = vw.feats(d, get('ridge', ex)); b = m.mlp_feats(d, get('mlp', ex)); c = m.knn_feats(d, get('knn', ex))
        return [None if x is None else (x + y + w) for x, y, w in zip(a, b, c)]
    tab = {}
    for k in range(K):
        for i, d in enumerate(tr):
            key = (i, frozenset({d['fold'], k}))
            if key not in tab: tab[key] = rows(d, set(key[1]))
        print('fold', k, flush=True)
    dtab = [rows(d, set()) for d in dv]
    pickle.dump({'tab': tab, 'dev': dtab, 'labs': labs}, open(out, 'wb'))


def with_probs(r, d, ci):
    # columns 0 and 1 (clause and sentence log-odds) from the given dump's seed
    if r is None: return None
    sent = d['sentence']; a = d['clauses'][ci][0]; sp = d['sent']; si = sent[a]
    return [lg(d['clause_probs'][ci]), lg(sp[si]) if si < len(sp) else 0.0] + r[2:]


def oof_cps(tr, T, labs, cols):
    K = max(d['fold'] for d in tr) + 1; cps = [d['clause_probs'].copy() for d in tr]; S, Yall = [], []
    for k in range(K):
        X, Y = [], []
        for i, d in enumerate(tr):
            if d['fold'] == k: continue
            for ci, r in enumerate(T[(i, frozenset({d['fold'], k}))]):
                r = with_probs(r, d, ci)
                if r is not None: X.append(r); Y.append(labs[i][ci])
        f, _ = fit_lr(np.array(X)[:, cols], np.array(Y, float))
        for i, d in enumerate(tr):
            if d['fold'] != k: continue
            rr = [(ci, with_probs(r, d, ci)) for ci, r in enumerate(T[(i, frozenset({k}))]) if r is not None]
            p = f(np.array([r for _, r in rr])[:, cols])
            for (ci, _), v in zip(rr, p): cps[i][ci] = v; S.append(v); Yall.append(labs[i][ci])
    return cps, auc(np.array(S), np.array(Yall, float))


if __name__ == '__main__':
    mode = sys.argv[1]
    if mode == 'table': table(*sys.argv[2:6]); sys.exit()
    P = pickle.load(open(sys.argv[2], 'rb')); T, labs = P['tab'], P['labs']
    tr = load(sys.argv[3]); sets = os.environ.get('SETS', 'mlp,all').split(',')
    if mode == 'cv':
        for n in sets:
            cps, a = oof_cps(tr, T, labs, COLS[n]); print(n, 'AUC', round(a, 4), flush=True)
            cv_eval(tr, cps, label=n)
    else:
        dv = load(sys.argv[4])
        g_base, s_base = best_on(tr, None)
        print('dev bundled, its dev-tuned thresholds:', score(dv, BUNDLED))
        print('train OOF raw, thresholds chosen on it', g_base, s_base)
        print('dev bundled, thresholds chosen on train OOF', g_base, ':', score(dv, g_base), flush=True)
        for n in sets:
            cols = COLS[n]; cps, _ = oof_cps(tr, T, labs, cols); g_new, s_new = best_on(tr, cps)
            X, Y = [], []
            for i, d in enumerate(tr):
                for ci, r in enumerate(T[(i, frozenset({d['fold']}))]):
                    r = with_probs(r, d, ci)
                    if r is not None: X.append(r); Y.append(labs[i][ci])
            f, w = fit_lr(np.array(X)[:, cols], np.array(Y, float))
            dcps = []
            for j, d in enumerate(dv):
                c = d['clause_probs'].copy()
                rr = [(ci, with_probs(r, d, ci)) for ci, r in enumerate(P['dev'][j]) if r is not None]
                for (ci, _), v in zip(rr, f(np.array([r for _, r in rr])[:, cols])): c[ci] = v
                dcps.append(c)
            print(n, 'train OOF, thresholds chosen on it', g_new, s_new, '| weights', np.round(w, 3))
            print(n, 'dev, thresholds chosen on train OOF', g_new, ':', score(dv, g_new, dcps))
            print(n, 'dev, the bundled dev-tuned thresholds', BUNDLED, ':', score(dv, BUNDLED, dcps), flush=True)
