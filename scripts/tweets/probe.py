#!/usr/bin/env python3
"""Dry run of an embedded-tweet rule (session 19, ptctune; NOT in the engine): the largest error class
of the tuned-on group eval/review/ptc-train is the tweet pasted as text with its signature line
"— Name (@handle) December 1, 2017" (19 of its 33 missed quotes, all in 711596363). This prints,
for one PTC *train* article, each signature's name and the lines the rule would report as that
name's direct quotes: back to a line that introduces the tweet (ending in "…" or ":", 6 lines at
most, only when the signature's own line holds no tweet text) or to the previous signature (3 lines
at most); else the signature line's own text, or the one line above it (precision first).
A Rust port (quotes::tweet, cue-less Found entries, so the ranker leaves them) was drafted but
neither built nor measured before the session's end.

    python3 scripts/tweets/probe.py ../shared/eval/propaganda/ptc/articles/article711596363.txt
"""
import os
sys_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "junk_speakers")
import sys
sys.path.insert(0, sys_path)
from ptc_split import is_dev  # noqa: E402
_id = os.path.basename(sys.argv[1])[len("article"):-len(".txt")]
assert not is_dev(_id), "a PTC dev article: the held-out source, not to be read"
import re
MONTHS="January February March April May June July August September October November December".split()
def handle_at(s):
    for m in re.finditer(r"\(@([A-Za-z0-9_]+)\)", s):
        after=s[m.end():].lstrip()
        if any(after.startswith(x) for x in MONTHS): return m.start()
    return None
def name_after_dash(s):
    d=s.rfind('—')
    if d<0: return None
    a=d+1; name=s[a:]
    lead=len(name)-len(name.lstrip(' ?')); tr=name.rstrip(' ?')
    st,en=a+lead,a+len(tr)
    if st>=en or en-st>60: return None
    n=s[st:en]
    if n[0].isupper() and not any(c in n for c in '!#@,;') and len(n.split())<=5: return (st,en,d)
def says(s): return any(sum(c.isalpha() for c in w)>=2 for w in s.split() if not (w.startswith('#') or w.startswith('@') or 'pic.twitter.com' in w or '://' in w))
def intro(s): t=s.rstrip(); return t.endswith('…') or t.endswith(':') or t.endswith('...') or t.startswith('* * *')
text=open(sys.argv[1]).read(); ls=text.split('\n')
floor=0
for i,s in enumerate(ls):
    h=handle_at(s)
    if h is None: continue
    if '—' in s[:h]: line,before=i,s[:h]
    elif s[:h].strip()=='' and i>0: line,before=i-1,ls[i-1]
    else: continue
    r=name_after_dash(before)
    if not r: continue
    st,en,d=r; name=before[st:en]; body=[]
    if says(ls[line][:d]): body.append(ls[line][:d])
    head=body[:]
    j=line; cand=[]; bounded=False
    while line-j<6 and j>0:
        j-=1; t=ls[j]
        if j<floor or handle_at(t) is not None:
            bounded = line-j-1<=3; break
        if intro(t): bounded=not head; break
        if not t.strip(): break
        cand.insert(0,t)
    if not bounded: cand = [] if head else cand[-1:]
    body=[t for t in cand if says(t)]+head
    floor=line+1 if handle_at(ls[line]) is not None else line+2
    print(repr(name), body)
