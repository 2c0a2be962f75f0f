# One dev measurement of the finalist "clause prob + lam x (predicted article rate - mean)":
# the article-rate ridge regression fitted on the 148 train articles' out-of-fold probabilities
# (cv dump), thresholds tuned on the train out-of-fold probabilities (not on dev), then dev once.
import sys, numpy as np
from cv import *
from feats import *
train = load(sys.argv[1]); dev = load(sys.argv[2]); lam = float(sys.argv[3]) if len(sys.argv) > 3 else 0.5
def art_feats(d):
    rows = [r for r in clause_features(d) if r is not None]; return np.array(rows[0][3:11])
def rate(d): return float(np.mean(clause_labels(d)))
F = np.array([art_feats(d) for d in train]); R = np.array([rate(d) for d in train])
mu, sd = F.mean(0), F.std(0) + 1e-9
Z = np.c_[(F - mu) / sd, np.ones(len(F))]
w = np.linalg.solve(Z.T @ Z + 5 * np.eye(Z.shape[1]), Z.T @ R)
pred = lambda d: float(np.r_[(art_feats(d) - mu) / sd, 1] @ w)
print('ridge weights', np.round(w, 4))
def tune(arts, cps):
    tab = per_article(arts, cps)
    best = max(range(len(GRID)), key=lambda g: sum(tab[g], Score()).f())
    return GRID[best], sum(tab[best], Score())
for name, l in (('baseline', 0.0), (f'blend {lam}', lam)):
    cps_t = [d['clause_probs'] + l * (pred(d) - R.mean()) for d in train]
    g, s = tune(train, cps_t)
    cps_d = [d['clause_probs'] + l * (pred(d) - R.mean()) for d in dev]
    print(f'{name}: thresholds tuned on train OOF {tuple(round(float(x),3) for x in g)} (train {s}); dev once: {score(dev, g, cps_d)}', flush=True)
