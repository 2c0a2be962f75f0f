"""Session 26 tries on out-of-fold clause probabilities of PTC train (numpy only).

    python3 run_s26.py cv42t.jsonl            # all tries on one seed's dump
    TRIES=raw,new,ctx SETS=lcp+voice,lcp+ctx python3 run_s26.py cv1t.jsonl   # some sets only

Tries (each scored by `cv.cv_eval`: decoding thresholds tuned on four folds, scored on the fifth):
- `len`: a length-aware decision: the clause's log-odds shifted by beta x (log words - mean), so
  that long (or short) clauses need less to be kept; beta chosen on CV.
- `new`: a logistic second stage over the clause probability plus passage features the clause
  model lacks (new word classes: doubt, flag-waving, Nazi comparisons, name-calling epithets,
  calls to action and imperative openings, second person, all-capital words; whose voice: inside
  a quotation with a verb of saying in the sentence or not; sentence position in the article
  (title, lead, last); the article's out-of-fold gold density predicted from article features).
  The fair reference is the second stage over the clause probability alone (`lcp`).
- `ctx`: the second stage plus the neighbouring clauses' probabilities in the same sentence
  (max, mean) and the sentence's rank in the article.
"""
import os, re, sys, numpy as np
from cv import *
from feats import lg, quote_mask, clause_labels
from run_lr import fit_lr, auc

DOUBT = {'so-called', 'allegedly', 'supposedly', 'purported', 'purportedly', 'dubious', 'questionable',
         'suspicious', 'claim', 'claims', 'claimed', 'alleged', 'apparently', 'conveniently', 'why',
         'really', 'unproven', 'baseless', 'hoax', 'narrative', 'lie', 'lies', 'lied', 'lying'}
FLAG = {'america', 'american', 'americans', 'patriot', 'patriots', 'patriotic', 'nation', 'national',
        'country', 'freedom', 'freedoms', 'liberty', 'constitution', 'flag', 'homeland', 'sovereignty',
        'sovereign', 'heritage', 'founders', 'western', 'civilization', 'christian', 'christians'}
NAZI = {'nazi', 'nazis', 'hitler', 'fascist', 'fascists', 'fascism', 'gestapo', 'stalin', 'stalinist',
        'communist', 'communists', 'totalitarian', 'reich', 'holocaust', 'soviet', 'marxist', 'dictator',
        'tyranny', 'tyrant', 'regime'}
NAME = {'liberal', 'liberals', 'leftist', 'leftists', 'globalist', 'globalists', 'radical', 'radicals',
        'elite', 'elites', 'thug', 'thugs', 'traitor', 'traitors', 'idiot', 'idiots', 'corrupt', 'crooked',
        'fake', 'puppet', 'puppets', 'snowflake', 'snowflakes', 'jihadist', 'jihadists', 'terrorist',
        'terrorists', 'extremist', 'extremists', 'deep', 'swamp', 'mob', 'criminal', 'criminals',
        'crook', 'propaganda', 'shill', 'hypocrite', 'hypocrites', 'hypocrisy', 'evil', 'disgrace'}
ACTION = {'must', 'should', 'need', 'needs', 'demand', 'stop', 'time', 'wake', 'join', 'share', 'vote',
          'fight', 'resist', 'enough'}
IMPER = {'let', 'stop', 'think', 'remember', 'imagine', 'look', 'consider', 'wake', 'join', 'share', 'read',
         'watch', 'vote', 'tell', 'ask', 'make', 'get', 'take', 'keep', 'never', "don't", 'do', 'see', 'call',
         'demand', 'fight', 'forget', 'note', 'beware', 'support', 'help', 'pray'}
SECOND = {'you', 'your', 'yours', 'yourself', 'yourselves'}
SAY = {'said', 'says', 'say', 'told', 'tells', 'tell', 'according', 'stated', 'wrote', 'added', 'asked',
       'claimed', 'argued', 'declared', 'tweeted', 'explained', 'insisted', 'noted'}


def rows_of(d):
    b = d['text'].encode('utf-8'); toks = d['tokens']; sent = np.array(d['sentence'])
    words = [b[s:e].decode('utf-8', 'replace') for s, e in toks]
    low = [w.lower() for w in words]
    nT = len(toks); nS = max(int(sent.max()) + 1, 1) if nT else 1
    qm = quote_mask(b)
    inq = np.array([qm[s:e].any() for s, e in toks]) if nT else np.zeros(0, bool)
    caps = np.array([len(w) >= 4 and w.isalpha() and w.isupper() for w in words], float)
    cls = {n: np.array([w in S for w in low], float) for n, S in
           (('doubt', DOUBT), ('flag', FLAG), ('nazi', NAZI), ('name', NAME), ('action', ACTION),
            ('second', SECOND), ('say', SAY))}
    first_tok = {}
    say_in_sent = {}
    for i in range(nT):
        s = sent[i]
        first_tok.setdefault(s, i)
        say_in_sent[s] = say_in_sent.get(s, 0) + cls['say'][i]
    cp = d['clause_probs']; sp = d['sent']
    # neighbouring clauses in the sentence
    cl_sent = [sent[a] if a < nT else -1 for a, _ in d['clauses']]
    # sentence rank in the article by sentence probability
    srank = np.argsort(np.argsort(-sp)) / max(len(sp) - 1, 1) if len(sp) else sp
    out = []
    for ci, (a, e) in enumerate(d['clauses']):
        e = min(e, nT)
        if a >= e: out.append(None); continue
        si = sent[a]
        neigh = [cp[j] for j in range(max(0, ci - 3), min(len(cp), ci + 4))
                 if j != ci and cl_sent[j] == si]
        fi = first_tok[si]
        imper = float(low[fi] in IMPER) if fi < nT else 0.0
        quoted = float(inq[a:e].mean() > 0.5)
        f = dict(
            lcp=lg(cp[ci]),
            doubt=cls['doubt'][a:e].sum(), flag=cls['flag'][a:e].sum(), nazi=cls['nazi'][a:e].sum(),
            name=cls['name'][a:e].sum(), action=cls['action'][a:e].sum(),
            second=float(cls['second'][a:e].any()), caps=caps[a:e].sum(), imper=imper,
            quoted_said=quoted * float(say_in_sent.get(si, 0) > 0),
            quoted_bare=quoted * float(say_in_sent.get(si, 0) == 0),
            said=float(say_in_sent.get(si, 0) > 0) * (1 - quoted),
            title=float(si == 0), lead=float(1 <= si <= 2), last=float(si == nS - 1),
            relpos=si / max(nS - 1, 1),
            nmax=lg(max(neigh)) if neigh else 0.0, nmean=lg(float(np.mean(neigh))) if neigh else 0.0,
            nany=float(bool(neigh)), srank=float(srank[si]) if si < len(srank) else 0.5,
            loglen=np.log(e - a),
        )
        out.append(f)
    return out


def art_feats(d):
    cp = d['clause_probs']; sp = d['sent']
    return [lg(float(cp.mean())) if len(cp) else 0, lg(float(cp.max())) if len(cp) else 0,
            lg(float(np.mean(sp))) if len(sp) else 0, float((d['loaded'] > 0.3).mean()) if len(d['loaded']) else 0,
            np.log(len(d['tokens']) + 1)]


def main():
    arts = load(sys.argv[1])
    tries = os.environ.get('TRIES', 'raw,len,new,ctx').split(',')
    folds_a = np.array([d['fold'] for d in arts]); K = folds_a.max() + 1
    R, Y, A, C = [], [], [], []
    for i, d in enumerate(arts):
        lab = clause_labels(d)
        for ci, r in enumerate(rows_of(d)):
            if r is None: continue
            R.append(r); Y.append(lab[ci]); A.append(i); C.append(ci)
    names = list(R[0].keys())
    X = np.array([[r[k] for k in names] for r in R]); Y = np.array(Y, float); A = np.array(A); C = np.array(C)
    folds = folds_a[A]
    # the article's gold density out of fold (ridge over article features, trained on other folds)
    AF = np.array([art_feats(d) for d in arts])
    dens = np.array([clause_labels(d) for d in arts], dtype=object)
    dy = np.array([np.mean(x) if len(x) else 0 for x in dens])
    pred = np.zeros(len(arts))
    for k in range(K):
        tr = folds_a != k
        Z = np.c_[AF[tr], np.ones(tr.sum())]
        w = np.linalg.solve(Z.T @ Z + 1.0 * np.eye(Z.shape[1]), Z.T @ dy[tr])
        pred[~tr] = np.c_[AF[~tr], np.ones((~tr).sum())] @ w
    print('article density r (out of fold)', round(np.corrcoef(pred, dy)[0, 1], 3))
    X = np.c_[X, pred[A]]; names.append('artdens')
    print(X.shape, 'positives', round(Y.mean(), 3))
    for j, n in enumerate(names):
        nz = X[:, j] != 0
        if n in ('lcp', 'relpos', 'nmax', 'nmean', 'srank', 'loglen', 'artdens'): continue
        print(f'  {n:12s} share {nz.mean():.3f}  gold rate where set {Y[nz].mean() if nz.any() else 0:.3f}')

    def to_cps(s):
        cps = [d['clause_probs'].copy() for d in arts]
        for v, i, ci in zip(s, A, C): cps[i][ci] = v
        return cps

    def oof(cols, l2=1.0):
        s = np.zeros(len(Y))
        for k in range(K):
            f, _ = fit_lr(X[folds != k][:, cols], Y[folds != k], l2)
            s[folds == k] = f(X[folds == k][:, cols])
        return s

    res = {}
    if 'raw' in tries:
        res['raw'] = cv_eval(arts, label='raw')[0].f()
    if 'len' in tries:
        L = X[:, names.index('loglen')]; mu = L.mean()
        for beta in (-0.4, -0.2, 0.2, 0.4):
            s = 1 / (1 + np.exp(-(X[:, 0] + beta * (L - mu))))
            res[f'len{beta}'] = cv_eval(arts, to_cps(s), label=f'len beta {beta}')[0].f()
    ix = lambda ns: [names.index(n) for n in ns]
    base = ['lcp']
    lex = ['doubt', 'flag', 'nazi', 'name', 'action', 'second', 'caps', 'imper']
    voice = ['quoted_said', 'quoted_bare', 'said']
    pos = ['title', 'lead', 'last', 'relpos']
    ctx = ['nmax', 'nmean', 'nany', 'srank']
    sets = {}
    if 'new' in tries:
        sets.update({'lcp': base, 'lcp+lex': base + lex, 'lcp+voice': base + voice, 'lcp+pos': base + pos,
                     'lcp+artdens': base + ['artdens'], 'lcp+new': base + lex + voice + pos + ['artdens']})
    if 'ctx' in tries:
        sets.update({'lcp+ctx': base + ctx, 'lcp+ctx+new': base + ctx + lex + voice + pos + ['artdens', 'loglen']})
    only = os.environ.get('SETS')
    for name, cols in sets.items():
        if only and name not in only.split(','): continue
        s = oof(ix(cols))
        print(f'{name}: AUC {auc(s, Y):.4f}', flush=True)
        res[name] = cv_eval(arts, to_cps(s), label=name)[0].f()
    print('SUMMARY', sys.argv[1], ' '.join(f'{k}={v:.4f}' for k, v in res.items()))


if __name__ == '__main__':
    main()
