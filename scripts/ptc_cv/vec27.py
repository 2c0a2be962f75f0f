"""Session 27: dense word vectors trained by the project itself, PPMI + truncated SVD over
training-split text only: PTC train articles (the non-dev ids, FNV-1a of the id not 0 mod 5),
PolNeAR train texts and GUM (all genres) train documents. No dev or held-out text, no FNC-1
body (the reviewed sample's held-out rounds draw FNC-1 bodies), nothing downloaded.
Deterministic (no random draw: the SVD is an eigendecomposition of the context Gram matrix).
Usage: python3 vec27.py OUT.npz [DIM=64] [VOCAB=20000] [CTX=5000] [WIN=5]"""
import os, re, sys, json, glob, numpy as np
from collections import Counter

EVAL = os.environ.get('EVAL', os.path.join(os.path.dirname(__file__), '../../../shared/eval'))
TOK = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)*|[0-9]+(?:[.,][0-9]+)*")

def is_dev(i):
    h = 0xcbf29ce484222325
    for b in i.encode():
        h ^= b; h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h % 5 == 0

def norm(w):
    w = w.lower().replace('\u2019', "'")
    return '<num>' if w[0].isdigit() else w

def texts():
    for p in sorted(glob.glob(f'{EVAL}/propaganda/ptc/articles/article*.txt')):
        i = os.path.basename(p)[7:-4]
        if not is_dev(i): yield open(p, encoding='utf-8').read()
    for p in sorted(glob.glob(f'{EVAL}/quotes/polnear/train/text/*.txt')):
        yield open(p, encoding='utf-8').read()
    for l in open(f'{EVAL}/entities/gum-all/gum_all.jsonl', encoding='utf-8'):
        d = json.loads(l)
        if d['split'] == 'train': yield d['text']

def train(dim=64, V=20000, C=5000, win=5, alpha=0.75):
    docs = [[norm(w) for w in TOK.findall(t)] for t in texts()]
    cnt = Counter(w for d in docs for w in d)
    vocab = [w for w, c in cnt.most_common(V) if c >= 3]
    idx = {w: i for i, w in enumerate(vocab)}
    V = len(vocab)
    M = np.zeros((V, C), np.float32)
    for d in docs:
        ids = np.array([idx.get(w, -1) for w in d], np.int64)
        for k in range(1, win + 1):
            wt = 1.0 / k
            for a, b in ((ids[:-k], ids[k:]), (ids[k:], ids[:-k])):
                m = (a >= 0) & (b >= 0) & (b < C)
                np.add.at(M, (a[m], b[m]), wt)
    tot = M.sum(); pw = M.sum(1) / tot; pc = M.sum(0) ** alpha; pc /= pc.sum()
    with np.errstate(divide='ignore'):
        P = np.log(M / tot) - np.log(pw[:, None] + 1e-12) - np.log(pc[None, :] + 1e-12)
    P = np.maximum(P, 0).astype(np.float32); P[~np.isfinite(P)] = 0
    G = (P.T @ P).astype(np.float64)
    ev, evec = np.linalg.eigh(G)
    top = np.argsort(ev)[::-1][:dim]
    s = np.sqrt(np.maximum(ev[top], 1e-12)); Vt = evec[:, top]
    # sign convention: the largest-magnitude context loading of each dimension positive
    sg = np.sign(Vt[np.abs(Vt).argmax(0), np.arange(dim)]); Vt = Vt * sg
    U = (P @ Vt) / s                     # left singular vectors
    E = U * np.sqrt(s)                   # eigenvalue weighting p = 0.5
    E /= np.linalg.norm(E, axis=1, keepdims=True) + 1e-9
    return vocab, E.astype(np.float32), sum(len(d) for d in docs)

if __name__ == '__main__':
    out = sys.argv[1]; dim = int(sys.argv[2]) if len(sys.argv) > 2 else 64
    V = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
    C = int(sys.argv[4]) if len(sys.argv) > 4 else 5000
    win = int(sys.argv[5]) if len(sys.argv) > 5 else 5
    vocab, E, n = train(dim, V, C, win)
    np.savez(out, vocab=np.array(vocab), E=E)
    print(f'{n} tokens, {len(vocab)} words, {E.shape[1]} dims -> {out}')
    w2i = {w: i for i, w in enumerate(vocab)}
    for q in ('liberal', 'traitor', 'terrorist', 'said', 'obama', 'disgusting'):
        if q in w2i:
            s = E @ E[w2i[q]]; print(q, [vocab[j] for j in np.argsort(-s)[1:8]])
