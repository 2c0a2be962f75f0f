#!/usr/bin/env python3
"""Table of the "X said (that) ..." attributions of PolNeAR the reported-speech stage misses,
finds without a speaker, or gives a wrong speaker, bucketed by the shape of the subject
(session 23 round 2, issue 11; rough keyword bucketing, first match wins).

Usage (train only: dev is for tuning, never for reading):
    NEWSPROBE_EVAL_DEBUG=1 target/release/newsprobe eval quotes \
        --data ../shared/eval/quotes/polnear --split train >/dev/null 2>/tmp/train.err
    python3 scripts/polnear_subjects/table.py train /tmp/train.err [SHAPE [N]]
SHAPE prints N examples of one bucket ("quantity", "coordinated verb", ...).
"""
import os, re, sys, collections
root=os.path.join(os.path.dirname(__file__), '../../../shared/eval/quotes/polnear', sys.argv[1])
err=open(sys.argv[2]).read().splitlines()
def nrm(s): return re.sub(r'\s+',' ',s).strip()
miss=collections.defaultdict(set); spk={}
doc=None
for l in err:
    if l.startswith('DOC '): doc=l[4:].strip(); continue
    m=re.match(r'all MISS (\w) \[(.*?)\] overlap (\d+)% \| (.*)',l)
    if m: miss[doc].add(nrm(m.group(4))[:40]); continue
    m=re.match(r'all SPEAKER gold (.*?) predicted "(.*?)" \((.*?)\) @(.*?) content \((\d+), (\d+)\)',l)
    if m: spk[(doc,int(m.group(5)))]=m.group(2)
SAYS=r'^(say|says|said|saying|argue[sd]?|arguing|claim(s|ed)?|insist(s|ed)?|warn(s|ed)?|assert(s|ed)?|contend(s|ed)?|declare[sd]?|allege[sd]?|note[sd]?|add(s|ed)?|wr(i|o)te|writes|told|tells?|acknowledge[sd]?|maintain(s|ed)?|stress(es|ed)?|explain(s|ed)?|announce[sd]?|predict(s|ed)?|admit(s|ted)?|report(s|ed)?)$'
tab=collections.Counter(); ex=collections.defaultdict(list); total=0
for f in sorted(os.listdir(root+'/attributions')):
    base=f[:-9] if re.search(r'_[0-9a-f]{4}\.ann$',f) else f[:-4]
    d=f[:-4]
    tp=root+'/text/'+base+'.txt'
    if not os.path.exists(tp): continue
    text=open(tp).read()
    T={};E=[]
    for l in open(root+'/attributions/'+f):
        p=l.rstrip('\n').split('\t')
        if len(p)<2: continue
        if p[0].startswith('T'):
            kind,*r=p[1].split(' '); spans=' '.join(r).split(';')
            T[p[0]]=(kind,int(spans[0].split()[0]),int(spans[-1].split()[-1]),p[2] if len(p)>2 else '')
        elif p[0].startswith('E'):
            E.append(dict(x.split(':') for x in p[1].split()[1:]))
    docname=None
    for k in (d,base):
        if k in miss or any(kk[0]==k for kk in spk): docname=k
    for e in E:
        if 'Cue' not in e or 'Content' not in e or 'Source' not in e: continue
        cue=T[e['Cue']]; con=T[e['Content']]; src=T[e['Source']]
        if not re.match(SAYS,cue[3].strip().lower()): continue
        key=nrm(con[3])[:40]
        missed = key in miss.get(docname or d,set())
        sp = spk.get((docname or d,con[1]))
        if not missed and sp is None: continue
        if sp is not None and sp!='': state='wrong'
        elif sp=='': state='nospk'
        else: state='miss'
        total+=1
        # context from line/sentence start to cue
        ls=max(text.rfind('\n',0,src[1]),0)
        pre=text[ls:src[1]]
        s0=max(pre.rfind('. '),pre.rfind('? '),pre.rfind('! '))
        sentpre=pre[s0+2:] if s0>=0 else pre
        between=text[src[2]:cue[1]] if src[2]<=cue[1] else ''
        s=src[3]
        shape='other'
        if src[1]>cue[1]: shape='source after cue'
        elif re.search(r'\((Reuters|AP|AFP|Bloomberg|CNN|UPI)\)\s*[-—–]|^\s*[A-Z][A-Za-z]{2,}\.? \d{1,2} \(|^\s*[A-Z][A-Z .,]{3,}(\([^)]*\))?\s*[-—–]',sentpre): shape='dateline'
        elif re.search(r'^(a |an |the )?(full |mere |some |about |nearly |almost |only |just |roughly |at least )?(\d|percent|majorit|minorit|plurality|half|third|quarter|two-thirds|one-third|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|most|many|few|several|number)',s.lower()): shape='quantity'
        elif re.search(r'\band\b',between) and not re.search(r'[,;:]',between[-3:]): shape='coordinated verb'
        elif re.search(r'\bwho\b',between): shape='who modifier'
        elif state=='wrong' and sp and sp.lower() in s.lower() and len(sp)<len(s) and not s.lower().startswith(sp.lower()): shape='cut inside subject'
        elif state=='wrong': shape='wrong other'
        elif len(between.strip())==0: shape='adjacent'
        elif re.search(r'[,—–(]',between): shape='aside/apposition'
        tab[(shape,state)]+=1
        ex[shape].append(f"{state} src={s!r} pred={sp!r} | ...{text[max(ls,src[1]-60):cue[2]]!r}")
print('total say-cue misses/speakerless/wrong:',total)
shapes=collections.Counter()
for (sh,st),n in tab.items(): shapes[sh]+=n
for sh,n in shapes.most_common():
    print(f"{sh:22s} {n:5d}  " + ' '.join(f"{st}={tab[(sh,st)]}" for st in ('miss','nospk','wrong')))
if len(sys.argv)>3:
    for e in ex[sys.argv[3]][:int(sys.argv[4]) if len(sys.argv)>4 else 30]: print(e)
