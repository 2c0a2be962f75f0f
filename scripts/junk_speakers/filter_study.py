"""Session 25 (s25-junk25): can a learned junk filter over shown and suggested speakers separate
junk from right speakers well enough to act on? An offline study, not a model of the engine.

Examples (train and tuned-on text only):
  - the judged picks of sessions 20, 21, 24 and 25 (s20/s21/s24/s25_pick.py, re-run on BINARY and
    read back through their judged TSVs: a `junk:*` verdict is junk, `ok`/`type:*` or a name the
    judge read and did not list is no junk; a name the current engine shows that no judge read is
    left out);
  - PolNeAR train (minus s20's 20 articles): every shown speaker whose mention overlaps an
    annotated Source span (any annotator) is no junk — the filter's cost side.
Features: what the engine's report gives about the name (route `via`, entity type, source type,
words, capitalisation, head in speaker_heads.txt, first word common / given name / -ing / a
determiner, a capitalised word or possessive just outside the mention — a fragment of a longer
name —, how often the name's last word recurs in the text, suggested or shown). A logistic
regression (numpy, L2, seeded) is scored leave-one-source-out (each pick, and PolNeAR train in five
folds): the share of junk caught against the right speakers removed at each threshold.

    [L2=0.01] [JW=0.2] python3 scripts/junk_speakers/filter_study.py BINARY OUT   # from the project root
(runs the four picks into OUT/s20 ... OUT/s25 and PolNeAR train into OUT/polnear.out unless there;
L2: the penalty, JW: the junk examples' weight as a share of the class balance.)
"""
import glob, json, os, re, subprocess, sys
from collections import Counter

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from judged_pick import ENDS, head_word, is_head, read_judged  # noqa: E402

BIN, OUT = sys.argv[1], sys.argv[2]
os.makedirs(OUT, exist_ok=True)
E = os.path.join(os.path.dirname(ROOT), "shared", "eval")
PICKS = {p: os.path.join(OUT, p) for p in ("s20", "s21", "s24", "s25")}
for p, d in PICKS.items():
    if not os.path.exists(f"{d}/pick.out"):
        os.makedirs(d, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(HERE, f"{p}_pick.py"), BIN, d], check=True,
                       stdout=subprocess.DEVNULL)

COMMON = {l.strip() for l in open(os.path.join(ROOT, "crates/newsprobe-quotes/data/common_words.txt"))
          if l.strip() and not l.startswith("#")}
GIVEN = {l.strip() for l in open(os.path.join(ROOT, "crates/newsprobe-quotes/data/given_names.txt"))
         if l.strip() and not l.startswith("#")}
DETS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my",
        "some", "many", "one", "two", "three", "several", "all", "both", "each", "other", "another"}


def features(s, et, text, how):
    name = s.get("name") or s.get("suggested") or ""
    m = s.get("mention") or {}
    ws = name.split()
    f = [f"via={s.get('via')}", f"et={et}", f"type={s.get('type')}", f"how={how}",
         f"words={min(len(ws), 4)}", f"via_et={s.get('via')}|{et}"]
    h = head_word(name)
    f.append(f"head={'known' if is_head(h) else 'unknown'}")
    f.append(f"head_known_et={is_head(h)}|{et}")
    first = ws[0] if ws else ""
    fl = first.lower().strip(".,’'")
    caps = all(w[:1].isupper() for w in ws if w.lower() not in ENDS | {"the"})
    f.append(f"allcaps={caps}")
    if first[:1].isupper() and fl in COMMON and fl not in DETS:
        f.append("first_common_cap")
    if first in GIVEN:
        f.append("first_given")
    if fl.endswith("ing") and first[:1].isupper():
        f.append("first_ing")
    if fl in DETS:
        f.append(f"det={fl}")
    if any(c.isdigit() for c in name):
        f.append("digit")
    if "—" in name or "–" in name or "'s" in name or "’s" in name:
        f.append("dash_or_possessive")
    if any(w.isupper() and len(w) > 2 for w in ws):
        f.append("acronym_word")
    a, b = m.get("start"), m.get("end")
    if a is not None and b is not None and text:
        mt = text[a:b]
        f.append(f"name_in_mention={name in mt}")
        before = text[max(0, a - 40):a]
        after = text[b:b + 40]
        pw = re.findall(r"[\w’'&.-]+", before)
        nw = re.findall(r"[\w’'&.-]+", after)
        if pw and pw[-1][:1].isupper() and not re.search(r"[.!?:\"“”]\s*$", before):
            f.append("cap_before")
        if pw and re.search(r"[’']s?\s*$", before) and pw[-1][:1].isupper():
            f.append("possessive_before")
        if nw and nw[0][:1].isupper() and not re.match(r"^\s*[,.;:!?\"“”(—–-]", after):
            f.append("cap_after")
        if pw and pw[-1].lower() in ("of", "by", "from", "on", "to", "in", "with"):
            f.append(f"prep_before")
    last = ws[-1] if ws else ""
    if last and text:
        n = len(re.findall(r"\b" + re.escape(last) + r"\b", text))
        f.append(f"last_count={min(n, 3)}")
    return f


def rows_of(pick_out):
    for line in open(pick_out):
        r = json.loads(line)
        doc, text = r["source"]["id"], r.get("text") or ""
        ents = {e["id"]: e for e in r.get("entities", [])}
        for q in r["quotes"]:
            s = q["source"]
            how, name = ("shown", s.get("name")) if s.get("name") else ("suggested", s.get("suggested"))
            if not name:
                continue
            et = ents.get(s.get("entity"), {}).get("type", "-")
            yield doc, how, name, str(s.get("type")), s, et, text


data = []  # (group, label, feats, desc)
for p, d in PICKS.items():
    if p == "s20":
        judged = {(k[0], "shown", k[1], k[2]): v for k, v in
                  read_judged(os.path.join(HERE, "s20_judged.tsv"), 3).items()}
        listed_all = False  # s20 listed every shown name; unlisted ones are new since
    else:
        judged = read_judged(os.path.join(HERE, f"{p}_judged.tsv"), 4)
        listed_all = p in ("s24", "s25")  # names not listed were read and are ok
    for doc, how, name, typ, s, et, text in rows_of(f"{d}/pick.out"):
        if p == "s20" and how != "shown":
            continue
        v = judged.get((doc, how, name, typ))
        if v is None and not listed_all:
            continue
        label = 1 if (v or "").startswith("junk") else 0
        data.append((p, label, features(s, et, text, how), f"{doc}|{how}|{name}|{v}"))

# PolNeAR train: shown speakers on an annotated Source span.
s20_docs = {l.strip()[len("polnear:"):] for l in open(os.path.join(HERE, "s20_articles.txt"))
            if l.startswith("polnear:")}
if not os.path.exists(f"{OUT}/polnear.out"):
    with open(f"{OUT}/polnear.jsonl", "w") as out:
        for t in sorted(glob.glob(E + "/quotes/polnear/train/text/*.txt")):
            name = os.path.basename(t)[:-4]
            if name not in s20_docs:
                out.write(json.dumps({"id": name, "text": open(t).read()}) + "\n")
    with open(f"{OUT}/polnear.out", "w") as o:
        subprocess.run([BIN, "analyze", "--threads", "1", "--format", "jsonl", f"{OUT}/polnear.jsonl"],
                       stdout=o, check=False)
gold = {}
for doc, how, name, typ, s, et, text in rows_of(f"{OUT}/polnear.out"):
    if doc not in gold:
        spans = []
        for ann in glob.glob(f"{E}/quotes/polnear/train/attributions/{doc}_*.ann"):
            for line in open(ann):
                parts = line.split("\t")
                if len(parts) < 2 or not parts[1].startswith("Source "):
                    continue
                for piece in parts[1][len("Source "):].split(";"):
                    a, b = piece.split()
                    spans.append((int(a), int(b)))
        gold[doc] = spans
    m = s.get("mention") or {}
    if how == "shown" and any(a < m.get("end", -1) and m.get("start", -1) < b for a, b in gold[doc]):
        fold = f"polnear{sum(map(ord, doc)) % 5}"
        data.append((fold, 0, features(s, et, text, how), f"{doc}|{how}|{name}|gold"))

vocab = sorted({f for _, _, fs, _ in data for f in fs})
idx = {f: i for i, f in enumerate(vocab)}
X = np.zeros((len(data), len(vocab) + 1))
for i, (_, _, fs, _) in enumerate(data):
    X[i, -1] = 1.0
    for f in fs:
        X[i, idx[f]] = 1.0
y = np.array([l for _, l, _, _ in data], dtype=float)
groups = np.array([g for g, _, _, _ in data])


L2 = float(os.environ.get("L2", "1e-2"))
JW = float(os.environ.get("JW", "0.2"))


def fit(X, y, l2=L2, epochs=400, rate=0.5, seed=25):
    rng = np.random.default_rng(seed)
    w = rng.normal(0, 1e-3, X.shape[1])
    pos = y.sum()
    sw = np.where(y == 1, (len(y) - pos) / max(pos, 1) * JW, 1.0)  # junk up-weighted (JW: share of the balance)
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-X @ w))
        g = X.T @ ((p - y) * sw) / sw.sum() + l2 * w
        w -= rate * g
    return w


scores = np.zeros(len(y))
for g in sorted(set(groups)):
    te = groups == g
    w = fit(X[~te], y[~te])
    scores[te] = 1 / (1 + np.exp(-X[te] @ w))
print(f"examples {len(y)}: junk {int(y.sum())}, no junk {int((1 - y).sum())} "
      f"(judged picks {sum(1 for g in groups if g.startswith('s'))}, PolNeAR train gold-source shown "
      f"{sum(1 for g in groups if g.startswith('polnear'))})")
print("held-out-by-source scores: threshold, junk caught / junk, no-junk removed / no-junk "
      "(of them PolNeAR gold sources; judged-pick ok)")
for t in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
    r = scores >= t
    pol = np.array([g.startswith("polnear") for g in groups])
    print(f"  {t:.2f}: {int((r & (y == 1)).sum())}/{int(y.sum())}, "
          f"{int((r & (y == 0)).sum())}/{int((y == 0).sum())} "
          f"({int((r & (y == 0) & pol).sum())}; {int((r & (y == 0) & ~pol).sum())})")
order = np.argsort(-scores)
best = 0
for k in range(1, len(order) + 1):
    tp = y[order[:k]].sum()
    if tp / k >= 0.9:
        best = max(best, int(tp))
print(f"most junk caught with 9 in 10 removals junk (out of sample): {best}/{int(y.sum())}")
w = fit(X, y)
top = sorted(zip(w[:-1], vocab), reverse=True)
print("heaviest junk features:", ", ".join(f"{f} {v:+.2f}" for v, f in top[:12]))
print("heaviest no-junk features:", ", ".join(f"{f} {v:+.2f}" for v, f in top[-8:]))
with open(f"{OUT}/scored.tsv", "w") as o:
    for (g, l, fs, desc), sc in sorted(zip(data, scores), key=lambda z: -z[1]):
        o.write(f"{sc:.3f}\t{l}\t{g}\t{desc}\t{' '.join(fs)}\n")
cnt = Counter()
for (g, l, fs, desc), sc in zip(data, scores):
    if l == 1:
        cnt["caught at 0.8" if sc >= 0.8 else "missed at 0.8"] += 1
print(dict(cnt), f"-> {OUT}/scored.tsv")
