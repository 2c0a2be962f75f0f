"""The junk classes of shown speakers (session 10), shared by list.py (the listing over
build_corpus.py's text) and measure.py (PolNeAR dev and the un-held-out Scrapinghub pages): word
lists and shapes checked by hand, not a model."""
import re

PREP={'of','for','at','from','in','with','on','who','which','that','to','familiar','close','alike','inside','outside','within','near','among','by'}
VERBS=set('went sought comes came began tried used allow seeks looking searching trying participating reducing take spurns gave got made says said told went goes asked called know think'.split())
ADVERBS=set('please whenever currently apparently especially directly briefly longer much subsequent yes no however meanwhile instead also still already now then often weirdly everywhere nationwide thanks'.split())
TIME=set('monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december nov oct sept dec jan feb aug day days week weeks month months year years hours hour minutes tonight today yesterday morning evening night quarter-century generation decade'.split())
FURN=set('transcript note farewell boom billions charged feeling sister team bomb more polls beat read watch click advertisement photo playlist edition video: subscribe'.split())
ADJ=set('democratic muslim canadian turkish russian kurdish portuguese islamophobic royal white mixed local fervent smaller evangelical populist mainstream shy personal violent former english german french american british chinese'.split())
THING=set('plan tissue images stones excavations list aspect shift trends use look orientation reason legend wave undercurrent boost nod approval efforts attention addition comparison section point string batch wariness signs count assessment rejection mention copy sign tweets views attack attacks show shows calls movie film book series slogan pledge projects platform commitment exchange initiative law laws rule rules regulations guidelines bill act amendment manipulations model images scan experiment trial arrest killings estimates figures numbers number data facts evidence findings results'.split())
OKNUM=re.compile(r'^(nearly |about |almost |more than |roughly |some |just |only |a |an )?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|[a-z]+-[a-z]+)( (percent|in \d+|in ten|of \w+.*))', re.I)
NUMONLY=re.compile(r'^(a |an |nearly |about )?([\d,.]+|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|hundreds|thousands|[a-z]+-(one|two|three|four|five|six|seven|eight|nine))( (hundred|thousand|million|billion|six|one|two|three|four|five|seven|eight|nine))?$', re.I)
NOUN_CUES=set('attack attacks show shows calls call views tweets tweet report reports warning pledge note notes claim claims statement remarks comments vows'.split())
def head(n):
    ws=re.findall(r"[\w’'.-]+",n)
    for i,w in enumerate(ws[1:],1):
        if w.lower() in PREP: ws=ws[:i]; break
    return ws[-1] if ws else n, ws
def cls(r):
    n=r['name']; h,ws=head(n); hl=h.lower().strip('.')
    if r['etype'] in ('person','organization'): return 'ok:entity'
    low=[w.lower() for w in ws]
    if any(w in VERBS for w in low[1:]) : return 'JUNK:clause (verb inside)'
    if NUMONLY.match(n): return 'JUNK:number alone' if not (r['cue'] or '').lower() in ('said','say','says','support','want','agreed','told') else 'ok:share of respondents'
    if OKNUM.match(n) or hl in ('percent','half','third','two-thirds','three-quarters','majority','majorities','quarter'): return 'ok:share of respondents'
    if len(ws)==1 and hl in ADVERBS: return 'JUNK:adverb/discourse word'
    if hl in TIME: return 'JUNK:time word'
    if n.isupper() and len(n)>3 and hl in FURN or hl in ('transcript','playlist'): return 'JUNK:page furniture'
    if n.isupper() and len(ws)==1 and len(n)>4 and n not in ('TRUMP','CLINTON','FALLIN'): return 'JUNK?:all-caps word'
    if (r['cue'] or '').lower() in NOUN_CUES and r['mention'] and len(ws)<=3 and (ws[-1][:1].isupper() or hl in ('tv','million','democratic','republican')) and not any(x in low for x in ('spokesman','official')):
        return 'JUNK?:modifier of a noun cue'
    if hl in ADJ and len(ws)<=2: return 'JUNK:adjective'
    if hl in THING: return 'THING?:'+hl
    return 'ok?'

MOD_JUNK = {"Paris", "Benghazi", "Orlando", "TV", "San Bernardino", "Another", "Bombshell",
            "Islamic State-linked", "That’s", "Muslim", "Cleveland", "Republican", "Islamophobic",
            "Jobs", "Puerto Rico", "Such", "Brussels", "Truck", "Democratic", "Wall Street",
            "Florida", "Alongside BLM", "Rules", "Side", "Anyone with any", "Targeted", "Web",
            "Personal"}
OK_ALLCAPS = {"SEACOM", "BFMTV", "F.B.I.", "F.A.A.", "KING-TV", "R-S.C.", "TENET"}


def row(q, ents):
    """A shown quote's speaker as the classes read it: name, entity type, cue, mention text."""
    s = q["source"]
    et = ents[s["entity"]]["type"] if s.get("entity") in ents else None
    return dict(name=s["name"], etype=et, cue=(q.get("cue") or {}).get("text"),
                mention=(s.get("mention") or {}).get("text"))


def judge(r):
    """cls, with the name-by-name buckets settled (MOD_JUNK, OK_ALLCAPS)."""
    k = cls(r)
    if k == "JUNK?:modifier of a noun cue":
        k = "JUNK:modifier of a cue read as a noun" if r["name"] in MOD_JUNK else "ok"
    elif k == "JUNK?:all-caps word":
        k = "ok" if r["name"] in OK_ALLCAPS else "JUNK:page furniture"
    return k
