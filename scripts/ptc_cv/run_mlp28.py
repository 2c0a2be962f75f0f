"""Session 28: two non-linear uses of session 27's word vectors, nested out of fold like
`run_vecword27.py` (a clause of fold j in the model tested on fold k reads models fitted outside
{j, k}), as features of the logistic second stage over the clause and sentence probabilities:
(1) `mlp`: a one-hidden-layer network (numpy, Adam) of "this token lies in a gold span" on a
window of five token vectors (the token and two either side, each with its in-vocabulary flag),
pooled per clause (mean, max, top-3 mean) and per sentence (mean, max) like the ridge score;
(2) `knn`: instance-based, the gold rate of a clause's nearest training clauses (cosine of the
clauses' mean vectors, the K nearest, as a smoothed log-odds) and the same for its sentence.
Sets: ref (the two probabilities), vword (session 27's ridge score), mlp, knn, vword+mlp, all.
Usage: [HID=64] [EPOCHS=4] [KNN=25] [SETS=...] python3 run_mlp28.py cv42t.jsonl vec64.npz [seed]"""
import os, sys, numpy as np
from cv import *
from feats import lg, clause_labels
from run_lr import fit_lr, auc
from run_vec27 import word_vectors
import run_vecword27 as vw

HID = int(os.environ.get('HID', 64)); EPOCHS = int(os.environ.get('EPOCHS', 4))
KNN = int(os.environ.get('KNN', 25)); WIN = 2


def prep(d, E, w2i):
    vw.prep(d, E, w2i)
    W, has = word_vectors(d, E, w2i)
    n, dim = W.shape; sent = d['sent_a']
    cols = []
    for o in range(-WIN, WIN + 1):
        S = np.zeros((n, dim + 1), np.float32)
        lo, hi = max(0, -o), min(n, n - o)
        idx = np.arange(lo, hi)
        same = sent[idx] == sent[idx + o]
        S[idx[same], :dim] = W[idx[same] + o]
        S[idx[same], dim] = has[idx[same] + o]
        cols.append(S)
    d['WX'] = np.concatenate(cols, 1)
    # clause and sentence mean vectors, unit length
    d['W'] = W
    nT = len(W)
    def mean_vec(a, e):
        m = W[a:e][has[a:e]]
        if len(m) == 0: return np.zeros(dim, np.float32)
        v = m.mean(0); return v / (np.linalg.norm(v) + 1e-9)
    d['CV'] = np.array([mean_vec(a, min(e, nT)) for a, e in d['clauses']], np.float32)
    d['SV'] = np.array([mean_vec(*_sent_range(sent, si)) for si in range(len(d['sent']))], np.float32)
    d['slab'] = np.array([d['tgold'][sent == si].any() if (sent == si).any() else 0
                          for si in range(len(d['sent']))], float)


def _sent_range(sent, si):
    idx = np.where(sent == si)[0]
    return (idx[0], idx[-1] + 1) if len(idx) else (0, 0)


def train_mlp(arts, seed):
    X = np.concatenate([d['WX'][d['has']] for d in arts]); y = np.concatenate([d['tgold'][d['has']] for d in arts])
    rng = np.random.default_rng(seed)
    mu, sd = X.mean(0), X.std(0) + 1e-6; X = (X - mu) / sd
    D = X.shape[1]
    P = {'W1': (rng.standard_normal((D, HID)) * np.sqrt(2 / D)).astype(np.float32), 'b1': np.zeros(HID, np.float32),
         'w2': (rng.standard_normal(HID) * np.sqrt(1 / HID)).astype(np.float32), 'b2': np.float32(lg(y.mean()))}
    M = {k: np.zeros_like(v) for k, v in P.items()}; V = {k: np.zeros_like(v) for k, v in P.items()}
    lr, wd, B, t = 1e-3, 1e-4, 512, 0
    for _ in range(EPOCHS):
        order = rng.permutation(len(X))
        for s in range(0, len(X), B):
            i = order[s:s + B]; x = X[i]; yy = y[i]
            h = np.maximum(x @ P['W1'] + P['b1'], 0); z = h @ P['w2'] + P['b2']
            g = (1 / (1 + np.exp(-z)) - yy) / len(i)
            G = {'w2': h.T @ g + wd * P['w2'], 'b2': g.sum()}
            gh = np.outer(g, P['w2']) * (h > 0)
            G['W1'] = x.T @ gh + wd * P['W1']; G['b1'] = gh.sum(0)
            t += 1
            for k in P:
                M[k] = 0.9 * M[k] + 0.1 * G[k]; V[k] = 0.999 * V[k] + 0.001 * G[k] ** 2
                P[k] = P[k] - lr * (M[k] / (1 - 0.9 ** t)) / (np.sqrt(V[k] / (1 - 0.999 ** t)) + 1e-8)
    def score(Xn):
        h = np.maximum(((Xn - mu) / sd) @ P['W1'] + P['b1'], 0); return h @ P['w2'] + P['b2']
    return score


def mlp_feats(d, model):
    s = model(d['WX']).astype(float); s[~d['has']] = np.nan
    sent = d['sent_a']; nT = len(s)
    def agg(v):
        v = v[~np.isnan(v)]
        return [0.0, 0.0, 0.0] if len(v) == 0 else [v.mean(), v.max(), np.sort(v)[-3:].mean()]
    S = {si: agg(s[sent == si])[:2] for si in range(len(d['sent']))}
    out = []
    for a, e in d['clauses']:
        e = min(e, nT)
        out.append(None if a >= e else agg(s[a:e]) + S.get(sent[a], [0.0, 0.0]))
    return out


def knn_pool(arts, labs):
    C = np.concatenate([d['CV'] for d in arts]); cy = np.concatenate([np.array(l, float) for l in labs])
    S = np.concatenate([d['SV'] for d in arts]); sy = np.concatenate([d['slab'] for d in arts])
    return C, cy, S, sy


def knn_rate(Q, P, py, base):
    sim = Q @ P.T
    top = np.argpartition(-sim, KNN, axis=1)[:, :KNN]
    r = (py[top].sum(1) + 5 * base) / (KNN + 5)
    return lg(r)


def knn_feats(d, pool):
    C, cy, S, sy = pool
    cr = knn_rate(d['CV'], C, cy, cy.mean()); sr = knn_rate(d['SV'], S, sy, sy.mean())
    sent = d['sent_a']; nT = len(d['tokens'])
    return [None if a >= min(e, nT) else [cr[ci], sr[sent[a]] if sent[a] < len(sr) else 0.0]
            for ci, (a, e) in enumerate(d['clauses'])]


if __name__ == '__main__':
    arts = load(sys.argv[1]); z = np.load(sys.argv[2]); seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
    w2i = {w: i for i, w in enumerate(z['vocab'])}; E = z['E']
    for d in arts: prep(d, E, w2i)
    labs = [clause_labels(d) for d in arts]
    K = max(d['fold'] for d in arts) + 1; lam = float(os.environ.get('LAM', 10))
    cache = {}
    def get(kind, ex):
        key = (kind, frozenset(ex))
        if key not in cache:
            sub = [d for d in arts if d['fold'] not in ex]
            if kind == 'ridge': cache[key] = vw.ridge(sub, lam)
            elif kind == 'mlp': cache[key] = train_mlp(sub, seed + len(cache))
            else: cache[key] = knn_pool(sub, [labs[i] for i, d in enumerate(arts) if d['fold'] not in ex])
        return cache[key]
    def rows(d, ex):
        a = vw.feats(d, get('ridge', ex)); b = mlp_feats(d, get('mlp', ex)); c = knn_feats(d, get('knn', ex))
        return [None if x is None else x + y + w for x, y, w in zip(a, b, c)]
    # columns: 0 lcp, 1 lsp, 2-6 ridge, 7-11 mlp, 12-13 knn
    sets = {'ref': [0, 1], 'vword': list(range(7)), 'mlp': [0, 1] + list(range(7, 12)),
            'knn': [0, 1, 12, 13], 'vword+mlp': list(range(12)), 'all': list(range(14))}
    only = os.environ.get('SETS', ','.join(sets)).split(',')
    sets = {n: c for n, c in sets.items() if n in only}
    cps = {n: [d['clause_probs'].copy() for d in arts] for n in sets}; allS = {n: [] for n in sets}
    allY, allX = [], []
    for k in range(K):
        X, Y = [], []
        for i, d in enumerate(arts):
            if d['fold'] == k: continue
            for ci, r in enumerate(rows(d, {d['fold'], k})):
                if r is not None: X.append(r); Y.append(labs[i][ci])
        X = np.array(X); Y = np.array(Y, float); Xt, where = [], []
        for i, d in enumerate(arts):
            if d['fold'] != k: continue
            for ci, r in enumerate(rows(d, {k})):
                if r is not None: Xt.append(r); where.append((i, ci)); allY.append(labs[i][ci])
        Xt = np.array(Xt); allX.append(Xt)
        for n, c in sets.items():
            f, _ = fit_lr(X[:, c], Y, float(os.environ.get('L2', 1)))
            p = f(Xt[:, c]); allS[n] += list(p)
            for (i, ci), v in zip(where, p): cps[n][i][ci] = v
        print('fold', k, 'done', flush=True)
    allY = np.array(allY); allX = np.concatenate(allX)
    for j, nm in ((2, 'ridge clause mean'), (7, 'mlp clause mean'), (12, 'knn clause'), (13, 'knn sentence')):
        print(nm, 'alone AUC', round(auc(allX[:, j], allY), 4), flush=True)
    if os.environ.get('RAW', '1') == '1': cv_eval(arts, None, label='raw')
    for n in sets:
        print(n, 'AUC', round(auc(np.array(allS[n]), allY), 4), flush=True)
        if os.environ.get('F1', '1') == '1': cv_eval(arts, cps[n], label=n)
