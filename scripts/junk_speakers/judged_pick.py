"""What the judged picks (s20_pick.py, s21_pick.py) share: analyse the picked records with the
engine, and read a judgments file back.

    run_analyze(recs, BIN, OUT) -> path of OUT/pick.out (one JSON report a line)
    read_judged(path, key_columns) -> {tuple of the first key_columns fields: the next field}
"""
import json, os, subprocess


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
