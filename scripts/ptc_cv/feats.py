import re, numpy as np
from collections import Counter
FIRST = {'i', 'we', 'our', 'us', 'my', 'me', 'ourselves', 'myself'}
SECOND = {'you', 'your', 'yours', 'yourself', 'yourselves'}
def lg(p): p = np.clip(p, 1e-4, 1 - 1e-4); return np.log(p / (1 - p))

def quote_mask(b):
    # bytes inside a quotation: between opening and closing marks, reset at paragraph breaks
    t = b.decode('utf-8', 'replace')
    inq = np.zeros(len(b), bool)
    # map char index -> byte offset
    offs = []; o = 0
    for ch in t:
        offs.append(o); o += len(ch.encode('utf-8'))
    state = False; straight = False
    for ci, ch in enumerate(t):
        if ch == '\n' and ci + 1 < len(t) and t[ci + 1] == '\n': state = False
        if ch == '\u201c': state = True; continue
        if ch == '\u201d': state = False; continue
        if ch == '"': state = not state; continue
        if state: inq[offs[ci]] = True
    # fill continuation bytes
    for i in range(1, len(b)):
        if (b[i] & 0xC0) == 0x80: inq[i] = inq[i - 1]
    return inq

def clause_features(d):
    b = d['text'].encode('utf-8'); toks = d['tokens']; sent = np.array(d['sentence'])
    words = [b[s:e].decode('utf-8', 'replace') for s, e in toks]
    low = [w.lower() for w in words]
    nT = len(toks); nS = len(d['sent'])
    qm = quote_mask(b)
    inq_tok = np.array([qm[s:e].any() for s, e in toks]) if nT else np.zeros(0, bool)
    bigr = Counter(zip(low, low[1:]))
    rep_tok = np.zeros(nT)
    for i in range(nT - 1):
        if low[i][:1].isalpha() and bigr[(low[i], low[i + 1])] > 1: rep_tok[i] = rep_tok[i + 1] = 1
    uni = Counter(w for w in low if len(w) > 3 and w.isalpha())
    cap = np.array([w[:1].isupper() for w in words], float)
    first_of_sent = np.r_[True, sent[1:] != sent[:-1]] if nT else np.zeros(0, bool)
    ne = cap * (~first_of_sent)
    # sentence-level aggregates
    S = {}
    for si in range(nS):
        idx = np.where(sent == si)[0]
        if len(idx) == 0: S[si] = None; continue
        ws = [low[i] for i in idx]
        lo = toks[idx[0]][0]; hi = toks[idx[-1] + 1][0] if idx[-1] + 1 < nT else len(b)
        st = b[lo:hi]
        S[si] = dict(
            excl=float(b'!' in st), ques=float(b'?' in st),
            first=float(any(w in FIRST for w in ws)), second=float(any(w in SECOND for w in ws)),
            cap=float(cap[idx].mean()), ne=float(ne[idx].mean()), inq=float(inq_tok[idx].mean()),
            rep=float(rep_tok[idx].mean()), loadedmax=float(d['loaded'][idx].max()),
            loadedsum=float((d['loaded'][idx] > 0.2).sum()), n=len(idx))
    cp = d['clause_probs']
    art_mean = float(cp.mean()) if len(cp) else 0; art_max = float(cp.max()) if len(cp) else 0
    sp = d['sent']
    rank = np.argsort(np.argsort(-cp)) / max(len(cp) - 1, 1) if len(cp) else cp
    art_q = float(inq_tok.mean()) if nT else 0
    art_excl = np.mean([S[s]['excl'] for s in S if S[s]]) if nS else 0
    art_first = np.mean([S[s]['first'] for s in S if S[s]]) if nS else 0
    art_loaded = float((d['loaded'] > 0.3).mean()) if nT else 0
    rows = []
    for ci, (a, e) in enumerate(d['clauses']):
        e = min(e, nT)
        if a >= e: rows.append(None); continue
        si = sent[a]; s = S[si]
        prv = S.get(si - 1); nxt = S.get(si + 1)
        cw = low[a:e]
        f = [
            lg(cp[ci]), lg(sp[si]) if si < len(sp) else 0, rank[ci],
            lg(art_mean), lg(art_max), lg(float(np.mean(sp))) if len(sp) else 0,
            np.log(nT + 1), art_q, art_excl, art_first, art_loaded,
            lg(d['probs'][a:e].max()), lg(d['loaded'][a:e].max()), lg(d['first'][a:e].max()),
            np.log(e - a + 1), float(inq_tok[a:e].mean()),
            float(any(w in FIRST for w in cw)), float(any(w in SECOND for w in cw)),
            s['excl'], s['ques'], s['first'], s['second'], s['cap'], s['ne'], s['inq'], s['rep'],
            float(rep_tok[a:e].mean()), float(np.mean([uni[w] > 1 for w in cw])),
            lg(sp[si - 1]) if prv else 0, lg(sp[si + 1]) if nxt else 0,
            prv['loadedsum'] if prv else 0, nxt['loadedsum'] if nxt else 0,
            s['loadedsum'], si / max(nS, 1),
        ]
        rows.append(f)
    return rows

NAMES = ['lcp', 'lsent', 'rank', 'art_mean', 'art_max', 'art_sent', 'log_len_art', 'art_q', 'art_excl',
         'art_first', 'art_loaded', 'maxword', 'maxloaded', 'maxfirst', 'loglen', 'cl_inq', 'cl_first',
         'cl_second', 'excl', 'ques', 's_first', 's_second', 'cap', 'ne', 's_inq', 's_rep', 'cl_rep',
         'cl_uni_rep', 'prev_sent', 'next_sent', 'prev_loaded', 'next_loaded', 's_loaded', 'pos']

def clause_labels(d):
    toks = d['tokens']; g = d['gmask']; out = []
    for a, e in d['clauses']:
        e = min(e, len(toks))
        if a >= e: out.append(0); continue
        out.append(int(g[toks[a][0]:toks[e - 1][1]].any()))
    return out
