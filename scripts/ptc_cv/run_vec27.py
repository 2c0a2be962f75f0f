"""Session 27: the clause's word vectors (`vec27.py`, PPMI + SVD over training-split text) as
features of a logistic second stage over the clause and sentence probabilities, out of fold by
the dump's article folds; clause AUC and CV span F1 (`cv_eval`), against the fair reference
(the two probabilities alone, recalibrated) and the raw pipeline.
Usage: [SETS=ref,vec] [L2=1,30] python3 run_vec27.py cv42t.jsonl vec64.npz"""
import os, sys, numpy as np
from cv import *
from feats import lg, clause_labels
from run_lr import fit_lr, auc
from vec27 import norm

def word_vectors(d, E, w2i):
    b = d['text'].encode('utf-8'); dim = E.shape[1]
    W = np.zeros((len(d['tokens']), dim), np.float32); has = np.zeros(len(d['tokens']), bool)
    for t, (s, e) in enumerate(d['tokens']):
        w = b[s:e].decode('utf-8', 'replace')
        if not w or not (w[0].isalnum()): continue
        j = w2i.get(norm(w))
        if j is not None: W[t] = E[j]; has[t] = True
    return W, has

def rows(d, E, w2i):
    W, has = word_vectors(d, E, w2i); dim = E.shape[1]
    sent = np.array(d['sentence']); nT = len(d['tokens'])
    cp, sp = d['clause_probs'], d['sent']
    smean = {}
    for si in range(len(sp)):
        m = (sent == si) & has
        smean[si] = W[m].mean(0) if m.any() else np.zeros(dim)
    out = []
    for ci, (a, e) in enumerate(d['clauses']):
        e = min(e, nT)
        if a >= e: out.append(None); continue
        si = sent[a]; m = has[a:e]
        cm = W[a:e][m].mean(0) if m.any() else np.zeros(dim)
        cx = W[a:e][m].max(0) if m.any() else np.zeros(dim)
        f = np.r_[lg(cp[ci]), lg(sp[si]) if si < len(sp) else 0.0, cm, cx, smean.get(si, np.zeros(dim))]
        out.append(f)
    return out

def build(arts, E, w2i):
    X, Y, A, Cc = [], [], [], []
    for i, d in enumerate(arts):
        lab = clause_labels(d)
        for ci, r in enumerate(rows(d, E, w2i)):
            if r is None: continue
            X.append(r); Y.append(lab[ci]); A.append(i); Cc.append(ci)
    return np.array(X), np.array(Y, float), np.array(A), np.array(Cc)

def colsets(dim):
    m = list(range(2, 2 + dim)); x = list(range(2 + dim, 2 + 2 * dim)); s = list(range(2 + 2 * dim, 2 + 3 * dim))
    return {'ref': [0, 1], 'mean': [0, 1] + m, 'mean+max': [0, 1] + m + x, 'vec': [0, 1] + m + x + s,
            'veconly': m + x + s}

if __name__ == '__main__':
    arts = load(sys.argv[1]); z = np.load(sys.argv[2])
    vocab = list(z['vocab']); E = z['E']; w2i = {w: i for i, w in enumerate(vocab)}
    X, Y, A, Cc = build(arts, E, w2i)
    folds = np.array([arts[i]['fold'] for i in A])
    sets = colsets(E.shape[1])
    only = os.environ.get('SETS', 'ref,mean,mean+max,vec').split(',')
    l2s = [float(x) for x in os.environ.get('L2', '1').split(',')]
    print(X.shape, 'pos rate', round(Y.mean(), 3), 'raw AUC', round(auc(X[:, 0], Y), 4), flush=True)
    if os.environ.get('RAW', '1') == '1': cv_eval(arts, None, label='raw')
    for name in only:
        for l2 in l2s:
            s = np.zeros(len(Y))
            for k in range(folds.max() + 1):
                f, _ = fit_lr(X[folds != k][:, sets[name]], Y[folds != k], l2)
                s[folds == k] = f(X[folds == k][:, sets[name]])
            print(name, 'l2', l2, 'AUC', round(auc(s, Y), 4), flush=True)
            if os.environ.get('F1', '1') == '1':
                cps = [d['clause_probs'].copy() for d in arts]
                for v, i, ci in zip(s, A, Cc): cps[i][ci] = v
                cv_eval(arts, cps, label=f'{name} l2 {l2}')
