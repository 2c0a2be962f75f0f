#!/usr/bin/env python3
"""Organisation errors by cause, on GUM (news dev+test, all-genre dev) and on the tuned-on groups of
the reviewed sample (session 18).

    python3 scripts/entities/org_errors.py [BINARY] [--list]
    NER_MODEL=FILE python3 scripts/entities/org_errors.py ...   # another tagger model file

Causes: `boundary` (a predicted organisation overlaps a gold one but spans other words: "Bedford
District Court" for "New Bedford District Court", or one gold name split in two), `type` (the
name found, typed person or place; or a person/place typed organisation), `untyped` (the name
found but typed other), `missed` (no predicted name there), `spurious` (an organisation where the
gold has no name). Each error is also put down to the rules or to the learned stage: `rule` when
the rules alone (`NEWSPROBE_NER_MODEL` pointed at no model) make the same error, `tagger` when only
the tagger and typer make it; `fixed` counts the rules' errors the tagger and typer mend.

GUM is read with `NEWSPROBE_EVAL_DEBUG` one document at a time; the sample with `eval review
--verbose`, whose error listing holds only the tuned-on groups (never held-out errors).
"""
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "eval", "entities")
TUNED = ["ecbplus", "scrapinghub", "fnc1-pool", "fnc1-pool-2", "fnc1-pool-3", "fnc1-pool-4"]


def run(binary, args, env_extra=None):
    env = dict(os.environ)
    # NER_MODEL=FILE: the model the engine reads instead of its bundled one (a retrained model
    # before it is built in); the rules-alone runs point NEWSPROBE_NER_MODEL at no model.
    if os.environ.get("NER_MODEL"):
        env["NEWSPROBE_NER_MODEL"] = os.environ["NER_MODEL"]
    env.update(env_extra or {})
    p = subprocess.run([binary] + args, capture_output=True, text=True, env=env, cwd=ROOT)
    return p.stdout, p.stderr


def gum_errors(binary, docs, rules):
    """Organisation-related FP/FN lines per document: (doc, kind, cause, text)."""
    out = []
    with tempfile.TemporaryDirectory() as tmp:
        env = {"NEWSPROBE_EVAL_DEBUG": "1"}
        if rules:
            none = os.path.join(tmp, "none.bin")
            open(none, "w").write("no model")
            env["NEWSPROBE_NER_MODEL"] = none
        for doc_id, line in docs:
            path = os.path.join(tmp, "d.jsonl")
            open(path, "w").write(line)
            _, err = run(binary, ["eval", "entities", "--data", path], env)
            for l in err.splitlines():
                m = re.match(r'(FP|FN) (\w+) "(.*)" \((?:gold|pred) (.*)\)$', l)
                if not m:
                    continue
                kind, t, text, other = m.groups()
                if "Organization" not in (t, other.replace("Some(", "").rstrip(")")):
                    continue
                if t == "Organization":
                    if kind == "FN":
                        cause = {"None": "missed", "Some(Other)": "untyped",
                                 "Some(Organization)": "boundary"}.get(other, "type")
                    else:
                        cause = {"None": "spurious", "Some(Organization)": "boundary"}.get(other, "type")
                else:
                    # A person or place error whose other side is an organisation: counted with
                    # the organisation's own line (FP Organization / FN Organization); skip.
                    continue
                out.append((doc_id, kind, cause, text))
    return out


def gum_docs(path, keep):
    docs = []
    for line in open(path):
        if not line.strip():
            continue
        d = json.loads(line)
        if keep(d):
            docs.append((d["doc_id"], line))
    return docs


def review_errors(binary, rules):
    """Organisation errors of the tuned-on groups: (doc, kind, cause, text)."""
    env = {}
    tmp = None
    if rules:
        tmp = tempfile.NamedTemporaryFile("w", suffix=".bin", delete=False)
        tmp.write("no model")
        tmp.close()
        env["NEWSPROBE_NER_MODEL"] = tmp.name
    out, _ = run(binary, ["eval", "review", "--data", "eval/review", "--verbose"], env)
    if tmp:
        os.unlink(tmp.name)
    lines = []
    on = False
    for l in out.splitlines():
        if l.startswith("-- entity errors"):
            on = True
            continue
        if l.startswith("-- "):
            on = False
        if on and l.strip():
            lines.append(l)
    per_doc = defaultdict(list)
    for l in lines:
        doc, rest = l.split(": ", 1)
        per_doc[doc].append(rest)
    gold = gold_orgs()
    errs = []
    for doc, rs in per_doc.items():
        typed_other = set()
        typed_wrong = set()
        spurious = []
        for r in rs:
            m = re.match(r'"(.*)" typed (\w+), gold (\w+)$', r)
            if m:
                name, got, want = m.groups()
                if want == "organization":
                    if got == "other":
                        typed_other.add(name)
                        errs.append((doc, "FN", "untyped", name))
                    else:
                        typed_wrong.add(name)
                        errs.append((doc, "FN", "type", name))
                elif got == "organization":
                    errs.append((doc, "FP", "type", name))
                continue
            m = re.match(r'"(.*)" \(organization\) is no gold entity$', r)
            if m:
                spurious.append(m.group(1))
        names = gold.get(doc, [])
        for name in spurious:
            low = name.lower()
            hit = any(low in g or g in low for g in names if len(g) > 2)
            errs.append((doc, "FP", "boundary" if hit else "spurious", name))
        for r in rs:
            m = re.match(r'missed "(.*)" \(organization\)$', r)
            if not m:
                continue
            name = m.group(1)
            if name in typed_other or name in typed_wrong:
                continue
            low = name.lower()
            hit = any(s.lower() in low or low in s.lower() for s in spurious if len(s) > 2)
            errs.append((doc, "FN", "boundary" if hit else "missed", name))
    return errs


def gold_orgs():
    out = {}
    for g in TUNED:
        d = os.path.join(ROOT, "eval", "review", g)
        if not os.path.isdir(d):
            continue
        for f in sorted(os.listdir(d)):
            if not f.endswith(".json"):
                continue
            j = json.load(open(os.path.join(d, f)))
            names = []
            for e in j.get("entities", []):
                if e.get("type") == "organization":
                    names += [n.lower() for n in [e["name"]] + e.get("aliases", [])]
            out[f"{j['dataset']}/{j['id']}"] = names
    return out


def table(title, now, rules):
    key = lambda e: (e[0], e[1], e[2], e[3])
    rule_set = Counter(key(e) for e in rules)
    rows = Counter()
    by = Counter()
    for e in now:
        src = "rule" if rule_set[key(e)] > 0 else "tagger"
        if rule_set[key(e)] > 0:
            rule_set[key(e)] -= 1
        rows[(e[2], src)] += 1
        by[e[2]] += 1
    fixed = Counter(e[2] for e in rules)  # rules' errors
    left = Counter(e[2] for e in now)
    print(f"\n{title}: {len(now)} organisation errors (rules alone {len(rules)})")
    print(f"  {'cause':<9} {'all':>4} {'rule':>5} {'tagger':>7} {'rules alone':>12}")
    for c in ["boundary", "type", "untyped", "missed", "spurious"]:
        print(f"  {c:<9} {by[c]:>4} {rows[(c, 'rule')]:>5} {rows[(c, 'tagger')]:>7} {fixed[c]:>12}")


def main():
    binary = os.path.join(ROOT, "target", "release", "newsprobe")
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if args:
        binary = os.path.abspath(args[0])
    listing = "--list" in sys.argv
    news = gum_docs(os.path.join(SHARED, "gum-news", "gum_news.jsonl"), lambda d: d["split"] != "train")
    dev = gum_docs(os.path.join(SHARED, "gum-all", "gum_all.jsonl"), lambda d: d["split"] == "dev")
    for title, docs in [("GUM news dev+test", news), ("GUM all-genre dev", dev)]:
        now, rules = gum_errors(binary, docs, False), gum_errors(binary, docs, True)
        table(title, now, rules)
        if listing:
            for e in now:
                print("   ", *e)
    now, rules = review_errors(binary, False), review_errors(binary, True)
    for g in TUNED:
        pre = {"ecbplus": "ecbplus/", "scrapinghub": "scrapinghub/"}.get(g)
        ids = set()
        d = os.path.join(ROOT, "eval", "review", g)
        for f in os.listdir(d):
            if f.endswith(".json"):
                j = json.load(open(os.path.join(d, f)))
                ids.add(f"{j['dataset']}/{j['id']}")
        table(f"sample {g}", [e for e in now if e[0] in ids], [e for e in rules if e[0] in ids])
    table("sample, tuned-on groups together", now, rules)
    if listing:
        for e in now:
            print("   ", *e)


if __name__ == "__main__":
    main()
