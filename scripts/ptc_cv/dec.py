import json, numpy as np, itertools, sys

def load(path):
    arts = []
    for line in open(path):
        d = json.loads(line)
        b = d['text'].encode('utf-8')
        d['bound'] = np.array([(x & 0xC0) != 0x80 for x in b], dtype=bool)
        d['n'] = len(b)
        g = np.zeros(len(b), bool)
        for s, e in merge(d['spans']):
            g[s:e] = True
        d['gmask'] = g
        d['gold_m'] = merge(d['spans'])
        for k in ('first', 'probs', 'sent', 'clause_probs', 'loaded'):
            d[k] = np.array(d[k], dtype=np.float64)
        arts.append(d)
    return arts

def merge(spans):
    out = []
    for s, e in sorted((s, e) for s, e in spans if s < e):
        if out and s < out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return out

def runs_between(probs, t, lo, hi, out):
    n = min(hi, len(probs)); i = lo
    while i < n:
        if probs[i] < t:
            i += 1; continue
        a = i; b = i + 1
        while True:
            if b < n and probs[b] >= t: b += 1
            elif b + 1 < n and probs[b + 1] >= t and probs[b] >= t * 0.5: b += 2
            else: break
        out.append((a, b, float(probs[a:b].mean())))
        i = b

def runs(d, probs, t):
    sent = d['sentence']; n = min(len(probs), len(sent)); out = []; a = 0
    while a < n:
        s = sent[a]; b = a + 1
        while b < n and sent[b] == s: b += 1
        runs_between(probs, t, a, b, out); a = b
    return out

def passages(d, dec, cp=None, keep=None):
    """dec = (clause, clause_word, clause_loaded, clause_run, loaded). cp: clause probs to use;
    keep: optional boolean per clause overriding cp >= clause."""
    clause, cw, cl, cr, lt = dec
    words, loaded = d['probs'], d['loaded']
    cp = d['clause_probs'] if cp is None else cp
    n = min(len(words), len(loaded)); sent = d['sentence']
    out = []
    for ci, ((a, b), p) in enumerate(zip(d['clauses'], cp)):
        b = min(b, n)
        sel = (p >= clause) if keep is None else keep[ci]
        if not sel or a >= b: continue
        bl = loaded[a:b].max()
        if bl >= cl:
            cut = []
            runs_between(loaded, cr, a, b, cut)
            if cut:
                out.extend((x, y, p, 'run') for x, y, _ in cut); continue
        at = [i for i in range(a, b) if words[i] >= cw]
        if at and (at[0], at[-1] + 1) != (a, b):
            ps = (at[0], at[-1] + 1, p, 'trim')
        else:
            ps = (a, b, p, 'whole')
        if out and ps[3] == 'whole' and out[-1][3] == 'whole' and out[-1][1] == a and sent[out[-1][0]] == sent[a]:
            l = out[-1]; out[-1] = (l[0], b, max(l[2], p), 'whole')
        else:
            out.append(ps)
    if lt < 9:
        m = len(out)
        for a, b, p in runs(d, loaded, lt):
            if not any(a < y and x < b for x, y, _, _ in out[:m]):
                out.append((a, b, p, 'lrun'))
    return out

class Score:
    def __init__(s): s.ps = 0.0; s.np = 0; s.rs = 0.0; s.ng = 0
    def add(s, d, pw):
        toks = d['tokens']
        pred = merge([(toks[x][0], toks[y - 1][1]) for x, y, *_ in pw])
        bound, g = d['bound'], d['gmask']
        pm = np.zeros(d['n'], bool)
        for a, b in pred: pm[a:b] = True
        for a, b in pred:
            L = bound[a:b].sum()
            if L > 0: s.ps += (bound[a:b] & g[a:b]).sum() / L; s.np += 1
        for a, b in d['gold_m']:
            L = bound[a:b].sum()
            if L > 0: s.rs += (bound[a:b] & pm[a:b]).sum() / L; s.ng += 1
        return s
    def p(s): return s.ps / s.np if s.np else 0
    def r(s): return s.rs / s.ng if s.ng else 0
    def f(s):
        p, r = s.p(), s.r(); return 2 * p * r / (p + r) if p + r else 0
    def __add__(s, o):
        t = Score(); t.ps = s.ps + o.ps; t.np = s.np + o.np; t.rs = s.rs + o.rs; t.ng = s.ng + o.ng; return t
    def __repr__(s): return f"P {s.p():.3f} R {s.r():.3f} F1 {s.f():.4f} (n {s.np}, gold {s.ng})"

def score(arts, dec, cps=None, keeps=None):
    sc = Score()
    for i, d in enumerate(arts):
        sc.add(d, passages(d, dec, None if cps is None else cps[i], None if keeps is None else keeps[i]))
    return sc

BUNDLED = (0.225, 0.55, 0.25, 0.10, 0.50)
if __name__ == '__main__':
    arts = load(sys.argv[1])
    print(score(arts, BUNDLED))
