import numpy as np, sys
from cv import *
from run_lr import fit_lr
X = np.load('X.npy'); Y = np.load('Y.npy'); A = np.load('A.npy'); C = np.load('C.npy')
arts = load((__import__('os').environ.get('CV', 'cv42.jsonl'))); na = len(arts)
folds = np.array([d['fold'] for d in arts])
rate = np.array([Y[A == i].mean() for i in range(na)])
cols = [3, 4, 5, 6, 7, 8, 9, 10]  # article-level features
F = np.array([X[A == i][0, cols] for i in range(na)])
# linear regression of the logit of the rate, OOF by fold (ridge)
pred = np.zeros(na)
for k in range(folds.max() + 1):
    tr = folds != k
    mu, sd = F[tr].mean(0), F[tr].std(0) + 1e-9
    Z = np.c_[(F[tr] - mu) / sd, np.ones(tr.sum())]
    w = np.linalg.solve(Z.T @ Z + 5 * np.eye(Z.shape[1]), Z.T @ rate[tr])
    pred[~tr] = np.c_[(F[~tr] - mu) / sd, np.ones((~tr).sum())] @ w
print('OOF corr(predicted, true rate) %.3f' % np.corrcoef(pred, rate)[0, 1])
grid = [(0.5, cw, cl, 0.10, lt) for cw in (0.55, 0.65, 0.75) for cl in (0.25, 0.3, 0.35) for lt in (0.4, 99.0)]
for mult in (1.0, 1.5, 2.0):
    cps = []
    for i, d in enumerate(arts):
        cp = d['clause_probs']; k = int(round(mult * max(pred[i], 0) * len(cp)))
        r = np.argsort(np.argsort(-cp)); cps.append(np.where(r < k, 0.9, 0.0))
    cv_eval(arts, cps, grid=grid, label=f'predicted share x{mult}')
# blend: clause prob shifted by predicted article rate
for lam in (0.5, 1.0):
    cps = [d['clause_probs'] + lam * (pred[i] - rate.mean()) for i, d in enumerate(arts)]
    cv_eval(arts, cps, label=f'clause prob + {lam} x (predicted rate - mean)')
