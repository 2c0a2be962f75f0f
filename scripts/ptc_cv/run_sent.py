import numpy as np
from dec import load
from run_lr import fit_lr, auc
X = np.load('X.npy'); Y = np.load('Y.npy'); A = np.load('A.npy'); C = np.load('C.npy')
arts = load((__import__('os').environ.get('CV', 'cv42.jsonl')))
S = np.array([arts[a]['sentence'][arts[a]['clauses'][c][0]] for a, c in zip(A, C)])
keys = A * 10000 + S
uk, inv = np.unique(keys, return_inverse=True)
n = len(uk)
def agg(col, f=np.max):
    out = np.full(n, -1e9) if f is np.max else np.zeros(n)
    if f is np.max: np.maximum.at(out, inv, X[:, col])
    else:
        np.add.at(out, inv, X[:, col]); out /= np.bincount(inv)
    return out
ys = np.zeros(n); np.maximum.at(ys, inv, Y)
maxcp = agg(0); first = lambda j: X[np.unique(inv, return_index=True)[1], j]
base = np.c_[maxcp, first(1)]
new = np.c_[base] 
newcols = [first(j) for j in range(18, 34) if j not in (26, 27)] + [agg(15, np.mean), agg(16), agg(17), agg(26, np.mean), agg(27, np.mean)]
artcols = [first(j) for j in range(3, 11)]
fold = np.array([arts[a]['fold'] for a in uk // 10000])
def oof(M):
    s = np.zeros(n)
    for k in range(5):
        f, _ = fit_lr(M[fold != k], ys[fold != k]); s[fold == k] = f(M[fold == k])
    return s
def within_auc(s):
    return np.mean([auc(s[fold == k], ys[fold == k]) for k in range(5)])
print('sentences', n, 'with gold', ys.mean())
print('max clause prob AUC (within-fold mean)', round(within_auc(maxcp), 4))
print('sentence prob AUC', round(within_auc(first(1)), 4))
print('LR base', round(within_auc(oof(base)), 4))
print('LR base+new sentence feats', round(within_auc(oof(np.c_[base, np.array(newcols).T])), 4))
print('LR base+article', round(within_auc(oof(np.c_[base, np.array(artcols).T])), 4))
print('LR all', round(within_auc(oof(np.c_[base, np.array(newcols).T, np.array(artcols).T])), 4))
