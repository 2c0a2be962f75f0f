"""Train-split text for the junk-speaker listing (session 10): PolNeAR train texts, GUM train
documents of every genre, ECB+ train documents not in eval/review, and the Scrapinghub pages
minus every held-out page of eval/review (dropped before anything is listed). Not FNC-1, from
which held-out rounds are drawn. Writes OUT/{polnear,gum,ecbplus,scrapinghub}.jsonl records
for `newsprobe analyze --format jsonl`.

    python3 scripts/junk_speakers/build_corpus.py OUT   # from the project root
"""
import glob, gzip, json, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
E = os.path.join(os.path.dirname(ROOT), "shared", "eval")
R = os.path.join(ROOT, "eval", "review")
OUT = sys.argv[1] if len(sys.argv) > 1 else "/tmp/junk-speakers"
os.makedirs(OUT, exist_ok=True)
review_ids, heldout_pages = set(), set()
for f in glob.glob(R + "/**/*.json", recursive=True):
    d = json.load(open(f))
    review_ids.add(d.get("id"))
    if "/heldout/" in f and d.get("dataset") == "scrapinghub":
        heldout_pages.add(d["id"])
out = {k: open(f"{OUT}/{k}.jsonl", "w") for k in ["polnear", "gum", "ecbplus", "scrapinghub"]}
n = {k: 0 for k in out}
for p in sorted(glob.glob(E + "/quotes/polnear/train/text/*.txt")):
    rec = {"id": "polnear:" + os.path.basename(p)[:-4], "text": open(p).read()}
    out["polnear"].write(json.dumps(rec) + "\n"); n["polnear"] += 1
for line in open(E + "/entities/gum-all/gum_all.jsonl"):
    d = json.loads(line)
    if d["split"] == "train":
        out["gum"].write(json.dumps({"id": "gum:" + d["doc_id"], "text": d["text"]}) + "\n"); n["gum"] += 1
for line in open(E + "/stories/ecbplus/ecbplus_docs.jsonl"):
    d = json.loads(line)
    if d["split"] == "train" and d["doc_id"] not in review_ids:
        out["ecbplus"].write(json.dumps({"id": "ecbplus:" + d["doc_id"], "text": d["text"]}) + "\n"); n["ecbplus"] += 1
gt = json.load(open(E + "/extraction/scrapinghub/ground-truth.json"))
for pid in sorted(gt):
    if pid in heldout_pages:
        continue
    h = gzip.open(f"{E}/extraction/scrapinghub/html/{pid}.html.gz").read().decode("utf-8", "replace")
    out["scrapinghub"].write(json.dumps({"id": "sh:" + pid, "url": gt[pid].get("url"), "html": h}) + "\n"); n["scrapinghub"] += 1
print(f"held-out pages dropped: {len(heldout_pages)}; records: {n}")
