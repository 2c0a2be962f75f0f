"""What the judged picks (s20_pick.py, s21_pick.py) share: analyse the picked records with the
engine, and read a judgments file back.

    run_analyze(recs, BIN, OUT) -> path of OUT/pick.out (one JSON report a line)
    read_judged(path, key_columns) -> {tuple of the first key_columns fields: the next field}
"""
import json, os, re, subprocess


_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HEADS = set()
for _line in open(os.path.join(_ROOT, "crates/newsprobe/data/speaker_heads.txt")):
    _f = _line.rstrip("\n").split("\t")
    if not _line.startswith("#") and len(_f) == 4 and _f[1] != "suffix":
        HEADS.add(_f[0])
ENDS = set("of at in for from with who that which whose whom on to by than during after before as and or".split())


def head_word(name):
    """The head word of a speaker's name: lower-cased, "the" dropped, cut at a connector."""
    ws = [w for w in re.sub(r"[^a-z0-9 ]", "", name.lower()).split() if w]
    if ws and ws[0] == "the":
        ws = ws[1:]
    for k in range(1, len(ws)):
        if ws[k] in ENDS:
            ws = ws[:k]
            break
    return ws[-1] if ws else ""


def is_head(h):
    """Whether `h`, or a plural or singular form of it, is a person/organisation/group head."""
    forms = {h, h + "s", h + "es", h[:-1] if h.endswith("s") else h, h[:-2] if h.endswith("es") else h,
             h[:-3] + "y" if h.endswith("ies") else h, h[:-3] + "man" if h.endswith("men") else h}
    return bool(forms & HEADS)


def run_analyze(recs, binary, out_dir):
    """Writes the records ({id, text}) to OUT/pick.jsonl and the engine's reports to OUT/pick.out."""
    with open(f"{out_dir}/pick.jsonl", "w") as out:
        for r in recs:
            out.write(json.dumps(r) + "\n")
    with open(f"{out_dir}/pick.out", "w") as o:
        subprocess.run([binary, "analyze", "--threads", "1", "--format", "jsonl", f"{out_dir}/pick.jsonl"],
                       stdout=o, check=False)
    return f"{out_dir}/pick.out"


def read_judged(path, key_columns):
    """The verdicts of a judgments TSV (comment lines start with #), keyed by its first columns."""
    judged = {}
    if os.path.exists(path):
        for line in open(path):
            if line.strip() and not line.startswith("#"):
                fields = line.rstrip("\n").split("\t")
                judged[tuple(fields[:key_columns])] = fields[key_columns]
    return judged


def sources_listed(pick_out):
    """Each quotation's source in the reports of OUT/pick.out, with what a judge reads beside it:
    (document id, the source object, its entity's type, the cue's text, the mention's text, up to
    320 characters of the mention's paragraph from 160 before it)."""
    for line in open(pick_out):
        r = json.loads(line)
        doc = r["source"]["id"]
        text = r.get("text") or ""
        ents = {e["id"]: e for e in r.get("entities", [])}
        for q in r["quotes"]:
            s = q["source"]
            m = s.get("mention") or {}
            et = ents.get(s.get("entity"), {}).get("type", "-")
            a = m.get("start", (q.get("cue") or {}).get("start", 0))
            b0, b1 = text.rfind("\n", 0, a) + 1, text.find("\n", a)
            sent = text[max(b0, a - 160):(b1 if b1 >= 0 else len(text))][:320].replace("\n", " ").replace("\t", " ")
            yield doc, s, et, str((q.get("cue") or {}).get("text")), str(m.get("text")), sent
