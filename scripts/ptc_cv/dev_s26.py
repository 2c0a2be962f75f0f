"""Session 26: the one dev measurement of a finalist, decoding thresholds chosen on train's
out-of-fold probabilities (never on dev), against the bundled probabilities with thresholds
chosen the same way. Usage: python3 dev_s26.py cv42t.jsonl dev.jsonl lcp+ctx|lcp+voice|wrun|widen"""
import sys, numpy as np
import cv, dec
from cv import GRID, per_article, load, score, Score, BUNDLED
from feats import clause_labels
from run_lr import fit_lr
from run_s26 import rows_of
from run_union26 import with_word_runs, widened

COLS = {'lcp+ctx': ['lcp', 'nmax', 'nmean', 'nany', 'srank'],
        'lcp+voice': ['lcp', 'quoted_said', 'quoted_bare', 'said']}


def best_on(arts, cps):
    tab = per_article(arts, cps)
    best = max(range(len(GRID)), key=lambda g: sum((sc for sc in tab[g]), Score()).f())
    return GRID[best], sum(tab[best], Score())


def rows(arts, cols):
    X, Y, A, C = [], [], [], []
    for i, d in enumerate(arts):
        lab = clause_labels(d)
        for ci, r in enumerate(rows_of(d)):
            if r is None: continue
            X.append([r[k] for k in cols]); Y.append(lab[ci]); A.append(i); C.append(ci)
    return np.array(X), np.array(Y, float), A, C


def to_cps(arts, s, A, C):
    cps = [d['clause_probs'].copy() for d in arts]
    for v, i, ci in zip(s, A, C): cps[i][ci] = v
    return cps


if __name__ == '__main__':
    tr = load(sys.argv[1]); dv = load(sys.argv[2]); name = sys.argv[3]
    g_base, s_base = best_on(tr, None)
    print('train OOF raw', g_base, s_base, flush=True)
    print('dev bundled, its dev-tuned thresholds:', score(dv, BUNDLED))
    print('dev bundled, thresholds chosen on train OOF', g_base, ':', score(dv, g_base), flush=True)
    if name in ('wrun', 'widen'):
        cv.passages = with_word_runs(0.7, 1) if name == 'wrun' else widened(0.5); dec_p = cv.passages
        g_new, s_new = best_on(tr, None)
        sc, sb = Score(), Score()
        for d in dv: sc.add(d, dec_p(d, g_new)); sb.add(d, dec_p(d, BUNDLED))
        print('train OOF', name, g_new, s_new, '| dev', name, sc, '| dev', name, 'bundled thresholds', sb)
    else:
        cols = COLS[name]
        X, Y, A, C = rows(tr, cols)
        folds = np.array([tr[i]['fold'] for i in A]); s = np.zeros(len(Y))
        for k in range(folds.max() + 1):
            f, _ = fit_lr(X[folds != k], Y[folds != k]); s[folds == k] = f(X[folds == k])
        g_new, s_new = best_on(tr, to_cps(tr, s, A, C))
        f, w = fit_lr(X, Y)
        Xd, _, Ad, Cd = rows(dv, cols)
        print('train OOF', name, g_new, s_new, '| weights', np.round(w, 3))
        print('dev', name, 'thresholds chosen on train OOF', g_new, ':', score(dv, g_new, to_cps(dv, f(Xd), Ad, Cd)))
