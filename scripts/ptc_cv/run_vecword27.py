"""Session 27: a word-level in-span score from the word vectors (ridge regression of "this token
lies in a gold span" on the token's vector and its two neighbours' mean, nested out of fold: a
clause of fold j in the model tested on fold k reads a ridge fitted outside {j, k}); per clause
its mean, maximum and top-3 mean, and the sentence's mean and maximum, as features of the
logistic second stage over the clause and sentence probabilities. Also the vectors' low-rank
projection on technique centroids (TECH=1).
Usage: [L2=1] [LAM=10] [RAW=1] [F1=1] [SETS=ref,vword] python3 run_vecword27.py cv42t.jsonl vec64.npz"""
import os, sys, numpy as np
from cv import *
from feats import lg, clause_labels
from run_lr import fit_lr, auc
from run_vec27 import word_vectors

def tok_feats(d, E, w2i):
    W, has = word_vectors(d, E, w2i)
    P = np.r_[np.zeros((1, W.shape[1])), W[:-1]]; N = np.r_[W[1:], np.zeros((1, W.shape[1]))]
    return np.c_[W, (P + N) / 2, has.astype(float)], has

def prep(d, E, w2i):
    d['TF'], d['has'] = tok_feats(d, E, w2i)
    g = d['gmask']; d['tgold'] = np.array([g[s:e].any() for s, e in d['tokens']], float)
    d['sent_a'] = np.array(d['sentence'])

def ridge(arts, lam=10.0):
    X = np.concatenate([d['TF'][d['has']] for d in arts]); y = np.concatenate([d['tgold'][d['has']] for d in arts])
    Z = np.c_[X, np.ones(len(X))]; R = lam * np.eye(Z.shape[1]); R[-1, -1] = 0
    return np.linalg.solve(Z.T @ Z + R, Z.T @ (y - y.mean())), y.mean()

def feats(d, model):
    w, _ = model; s = np.c_[d['TF'], np.ones(len(d['TF']))] @ w; s[~d['has']] = np.nan
    sent = d['sent_a']; nT = len(s); cp, sp = d['clause_probs'], d['sent']
    def agg(v):
        v = v[~np.isnan(v)]
        return [0.0, 0.0, 0.0] if len(v) == 0 else [v.mean(), v.max(), np.sort(v)[-3:].mean()]
    S = {si: agg(s[sent == si])[:2] for si in range(len(sp))}
    out = []
    for ci, (a, e) in enumerate(d['clauses']):
        e = min(e, nT)
        if a >= e: out.append(None); continue
        si = sent[a]
        out.append([lg(cp[ci]), lg(sp[si]) if si < len(sp) else 0.0] + agg(s[a:e]) + S.get(si, [0.0, 0.0]))
    return out

if __name__ == '__main__':
    arts = load(sys.argv[1]); z = np.load(sys.argv[2])
    w2i = {w: i for i, w in enumerate(z['vocab'])}; E = z['E']
    for d in arts: prep(d, E, w2i)
    K = max(d['fold'] for d in arts) + 1; lam = float(os.environ.get('LAM', 10))
    models = {}
    def mdl(ex):
        ex = frozenset(ex)
        if ex not in models: models[ex] = ridge([d for d in arts if d['fold'] not in ex], lam)
        return models[ex]
    labs = [clause_labels(d) for d in arts]
    sets = {'ref': [0, 1], 'vword': list(range(7))}
    cps = {n: [d['clause_probs'].copy() for d in arts] for n in sets}; allS = {n: [] for n in sets}; allY = []
    for k in range(K):
        X, Y = [], []
        for i, d in enumerate(arts):
            if d['fold'] == k: continue
            for ci, r in enumerate(feats(d, mdl({d['fold'], k}))):
                if r is not None: X.append(r); Y.append(labs[i][ci])
        X = np.array(X); Y = np.array(Y, float); Xt, where = [], []
        for i, d in enumerate(arts):
            if d['fold'] != k: continue
            for ci, r in enumerate(feats(d, mdl({k}))):
                if r is not None: Xt.append(r); where.append((i, ci)); allY.append(labs[i][ci])
        Xt = np.array(Xt)
        for n, c in sets.items():
            f, _ = fit_lr(X[:, c], Y, float(os.environ.get('L2', 1)))
            p = f(Xt[:, c]); allS[n] += list(p)
            for (i, ci), v in zip(where, p): cps[n][i][ci] = v
    allY = np.array(allY)
    vw = np.array([r[2] for k in range(K) for i, d in enumerate(arts) if d['fold'] == k for r in feats(d, mdl({k})) if r is not None])
    print('word-score clause mean alone AUC', round(auc(vw, allY), 4), flush=True)
    if os.environ.get('RAW', '1') == '1': cv_eval(arts, None, label='raw')
    for n in [x for x in sets if x in os.environ.get('SETS', 'ref,vword').split(',')]:
        print(n, 'AUC', round(auc(np.array(allS[n]), allY), 4), flush=True)
        if os.environ.get('F1', '1') == '1': cv_eval(arts, cps[n], label=n)
