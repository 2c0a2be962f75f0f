import sys, numpy as np
from cv import *
from feats import *
def auc(s, y):
    o = np.argsort(s); r = np.empty(len(s)); r[o] = np.arange(1, len(s) + 1)
    npos = y.sum(); return (r[y == 1].sum() - npos * (npos + 1) / 2) / (npos * (len(y) - npos))

def fit_lr(X, y, l2=1.0, iters=300):
    mu, sd = X.mean(0), X.std(0) + 1e-9; Z = (X - mu) / sd
    Z = np.c_[Z, np.ones(len(Z))]; w = np.zeros(Z.shape[1])
    for _ in range(iters):  # Newton
        p = 1 / (1 + np.exp(-Z @ w)); g = Z.T @ (p - y) + l2 * np.r_[w[:-1], 0]
        H = (Z * (p * (1 - p))[:, None]).T @ Z + l2 * np.eye(len(w))
        step = np.linalg.solve(H, g); w -= step
        if np.abs(step).max() < 1e-6: break
    return lambda Xn: 1 / (1 + np.exp(-np.c_[(Xn - mu) / sd, np.ones(len(Xn))] @ w)), w

if __name__ == '__main__':
    arts = load(sys.argv[1] if len(sys.argv) > 1 else 'cv42.jsonl')
    X, Y, A, C = [], [], [], []
    for i, d in enumerate(arts):
        rows = clause_features(d); lab = clause_labels(d)
        for ci, r in enumerate(rows):
            if r is None: continue
            X.append(r); Y.append(lab[ci]); A.append(i); C.append(ci)
    X = np.array(X, float); Y = np.array(Y, float); A = np.array(A); C = np.array(C)
    folds = np.array([arts[i]['fold'] for i in A])
    if not __import__('os').environ.get('SETS'): np.save('X.npy', X); np.save('Y.npy', Y); np.save('A.npy', A); np.save('C.npy', C)
    print(X.shape, Y.mean())
    
    def oof(cols, l2=1.0):
        s = np.zeros(len(Y))
        for k in range(folds.max() + 1):
            f, _ = fit_lr(X[folds != k][:, cols], Y[folds != k], l2)
            s[folds == k] = f(X[folds == k][:, cols])
        return s
    
    def to_cps(s):
        cps = [d['clause_probs'].copy() for d in arts]
        for v, i, ci in zip(s, A, C): cps[i][ci] = v
        return cps
    
    print('AUC clause classifier', round(auc(X[:, 0], Y), 4))
    sets = {
      'lcp only': [0],
      'lcp+article': [0, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      'lcp+sentence new': [0, 1] + list(range(15, 34)),
      'all': list(range(X.shape[1])),
    }
    only = __import__('os').environ.get('SETS')
    for name, cols in sets.items():
        if only and name not in only.split(','): continue
        s = oof(cols)
        print(name, 'AUC', round(auc(s, Y), 4), flush=True)
        if len(sys.argv) > 2: cv_eval(arts, to_cps(s), label=name)
