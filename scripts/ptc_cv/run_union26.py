"""Session 26: the word tagger's own runs unioned with the clause passages (a word-level tagger's
spans added outside the kept clauses), and kept whole clauses widened to their sentence when
most of it is kept. Usage: python3 run_union26.py cv42t.jsonl  (WRUN=0.5,0.7: the word runs' thresholds; WIDEN=0.5: the
shares, empty for none)"""
import sys, numpy as np
import cv, dec
from cv import cv_eval, load

base_passages = dec.passages


def with_word_runs(t, min_len):
    def p(d, g, cp=None, keep=None):
        out = base_passages(d, g, cp, keep)
        m = len(out)
        for a, b, pr in dec.runs(d, d['probs'], t):
            if b - a >= min_len and not any(a < y and x < b for x, y, *_ in out[:m]):
                out.append((a, b, pr, 'wrun'))
        return out
    return p


def widened(share):
    def p(d, g, cp=None, keep=None):
        out = base_passages(d, g, cp, keep)
        sent = d['sentence']; n = len(sent)
        res = []
        for x, y, pr, kind in out:
            if kind == 'whole':
                s = sent[x]; lo = x; hi = y
                while lo > 0 and sent[lo - 1] == s: lo -= 1
                while hi < n and sent[hi] == s: hi += 1
                if (y - x) >= share * (hi - lo): x, y = lo, hi
            res.append((x, y, pr, kind))
        return res
    return p


if __name__ == '__main__':
    arts = load(sys.argv[1])
    import os
    res = {}
    ts = [float(x) for x in os.environ.get('WRUN', '0.5,0.7').split(',') if x]
    widen = [float(x) for x in os.environ.get('WIDEN', '0.5').split(',') if x]
    for t in ts:
        for ml in (1,):
            cv.passages = with_word_runs(t, ml)
            res[f'wrun{t}/{ml}'] = cv_eval(arts, label=f'word runs t {t} min {ml}')[0].f()
    for sh in widen:
        cv.passages = widened(sh)
        res[f'widen{sh}'] = cv_eval(arts, label=f'widen share {sh}')[0].f()
    cv.passages = base_passages
    print('SUMMARY', sys.argv[1], ' '.join(f'{k}={v:.4f}' for k, v in res.items()))
