"""Session 25: smoothed in-span rates of word 1-3-grams learned from PTC train spans (nested
out of fold: a clause of fold j scored for the model tested on fold k reads rates counted on the
folds outside {j, k}), as clause features of a logistic second stage over the clause and
sentence probabilities; CV F1 by `cv_eval`. Usage: [NGSMOOTH=20] python3 run_ngram.py cv42.jsonl"""
import sys, os, numpy as np
from collections import Counter
from cv import *
from feats import lg, clause_labels
from run_lr import fit_lr, auc

A_SMOOTH = float(os.environ.get('NGSMOOTH', 20.0))
NS = (1, 2, 3)

def prep(d):
    b = d['text'].encode('utf-8'); toks = d['tokens']
    d['low'] = [b[s:e].decode('utf-8', 'replace').lower() for s, e in toks]
    g = d['gmask']
    d['tgold'] = np.array([g[s:e].any() for s, e in toks], bool)
    d['sent_a'] = np.array(d['sentence'])

def grams(d, n):
    low, sent = d['low'], d['sent_a']
    for i in range(len(low) - n + 1):
        if sent[i] != sent[i + n - 1]: continue
        yield i, tuple(low[i:i + n])

def counts(arts):
    tab = {}
    for d in arts:
        for n in NS:
            for i, gr in grams(d, n):
                t = tab.setdefault(gr, [0, 0]); t[0] += 1; t[1] += int(d['tgold'][i:i + n].all())
    return tab

def make_table(arts, excl):
    sub = [d for d in arts if d['fold'] not in excl]
    tab = counts(sub)
    ntok = sum(len(d['low']) for d in sub); nin = sum(int(d['tgold'].sum()) for d in sub)
    prior = nin / ntok
    return tab, prior

def token_scores(d, table):
    tab, prior = table
    n = len(d['low']); out = {}
    for k in NS:
        s = np.zeros(n); c = np.zeros(n)
        for i, gr in grams(d, k):
            t = tab.get(gr)
            if t is None: r = prior
            else: r = (t[1] + A_SMOOTH * prior) / (t[0] + A_SMOOTH)
            v = lg(r) - lg(prior)
            s[i:i + k] += v; c[i:i + k] += 1
        out[k] = np.where(c > 0, s / np.maximum(c, 1), 0.0)
    return out

def feats(d, table):
    ts = token_scores(d, table); sent = d['sent_a']; nT = len(d['low'])
    cp = d['clause_probs']; sp = d['sent']
    S = {}
    for k in NS:
        v = ts[k]
        for si in range(len(sp)):
            idx = np.where(sent == si)[0]
            if len(idx): S[(k, si)] = (v[idx].mean(), v[idx].max())
    rows = []
    for ci, (a, e) in enumerate(d['clauses']):
        e = min(e, nT)
        if a >= e: rows.append(None); continue
        si = sent[a]
        f = [lg(cp[ci]), lg(sp[si]) if si < len(sp) else 0]
        for k in NS:
            v = ts[k][a:e]
            f += [v.mean(), v.max(), np.sort(v)[-3:].mean(), S[(k, si)][0], S[(k, si)][1]]
        rows.append(f)
    return rows

if __name__ == '__main__':
    arts = load(sys.argv[1]); [prep(d) for d in arts]
    K = max(d['fold'] for d in arts) + 1
    tables = {}
    def tbl(ex):
        ex = frozenset(ex)
        if ex not in tables: tables[ex] = make_table(arts, ex)
        return tables[ex]
    labs = [clause_labels(d) for d in arts]
    # test rows: table excluding the test fold; train rows for fold k: table excluding {j,k}
    def rows_for(i, ex):
        return [(ci, r) for ci, r in enumerate(feats(arts[i], tbl(ex))) if r is not None]
    test = {}
    for i, d in enumerate(arts):
        test[i] = rows_for(i, {d['fold']})
    cols_sets = {'lcp+lsent': [0, 1], 'ngram all': None, 'lcp+1g': [0, 1, 2, 3, 4, 5, 6],
                 'lcp+clause ngrams': [0, 1, 2, 3, 4, 7, 8, 9, 12, 13, 14]}
    cps = {name: [d['clause_probs'].copy() for d in arts] for name in cols_sets}
    allY, allS = [], {name: [] for name in cols_sets}
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
            for ci, r in test[i]:
                Xt.append(r); where.append((i, ci)); allY.append(labs[i][ci])
        Xt = np.array(Xt)
        for name, cols in cols_sets.items():
            cols = list(range(X.shape[1])) if cols is None else cols
            f, w = fit_lr(X[:, cols], Y, 1.0)
            p = f(Xt[:, cols]); allS[name] += list(p)
            for (i, ci), v in zip(where, p): cps[name][i][ci] = v
        print('fold', k, 'done', flush=True)
    allY = np.array(allY)
    cv_eval(arts, None, label='raw')
    for name in cols_sets:
        print(name, 'AUC', round(auc(np.array(allS[name]), allY), 4), flush=True)
        cv_eval(arts, cps[name], label=name)
