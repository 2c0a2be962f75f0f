"""Session 25: the task metric's quirk measured (precision is the mean over predicted spans of
each span's share of gold characters, recall the mean over gold spans of each one's covered
share): the same decoded passages, (a) as they are, (b) split into pieces of at most N words,
(c) cut to their words the loaded-words tagger scores highest (the densest window). CV F1 by
`cv_eval`, thresholds re-tuned per variant. Usage: python3 run_split.py cv42.jsonl"""
import sys, re, numpy as np
import cv, dec
from cv import *

ALNUM = re.compile(rb'\w')
orig = dec.passages

def split_into(d, pw, n):
    b = d['text'].encode('utf-8'); toks = d['tokens']; out = []
    for x, y, p, kind in pw:
        words = [i for i in range(x, y) if ALNUM.search(b[toks[i][0]:toks[i][1]])]
        for j in range(0, len(words), n):
            c = words[j:j + n]
            out.append((c[0], c[-1] + 1, p, kind))
    return out

def densest(d, pw, w):
    # each passage longer than w words cut to the w-word window of highest summed loaded prob
    L = d['loaded']; out = []
    for x, y, p, kind in pw:
        if y - x <= w: out.append((x, y, p, kind)); continue
        s = np.convolve(L[x:y], np.ones(w), 'valid'); j = int(np.argmax(s))
        out.append((x + j, x + j + w, p, kind))
    return out

VARIANTS = {
    'as decoded': lambda d, pw: pw,
    'split 1 word': lambda d, pw: split_into(d, pw, 1),
    'split 3 words': lambda d, pw: split_into(d, pw, 3),
    'densest 8': lambda d, pw: densest(d, pw, 8),
    'densest 12': lambda d, pw: densest(d, pw, 12),
}

if __name__ == '__main__':
    arts = load(sys.argv[1])
    for name, f in VARIANTS.items():
        cv.passages = lambda d, g, cp=None, keep=None, f=f: f(d, orig(d, g, cp, keep))
        cv_eval(arts, None, label=name)
