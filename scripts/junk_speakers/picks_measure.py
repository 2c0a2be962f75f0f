"""Session 26 (s26-junk26): the judged junk-speaker picks (s20, s21, s24, s25, s26; s27 from session 27) re-run on an
engine and read back through their judged TSVs: rows by verdict (`junk`, `ok` — a name a judge read
and did not list, or `ok`/`type:*`/`wrong:*` —, `unread`: a name no judge read), and with a base run
the rows that came or went (the names a judge must read before an after figure is trusted).

    python3 scripts/junk_speakers/picks_measure.py BINARY OUT [BASE_OUT]   # from the project root
"""
import os, subprocess, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from judged_pick import read_judged, sources_listed  # noqa: E402

PICKS = ("s20", "s21", "s24", "s25", "s26", "s27")


def rows(pick, d):
    """(doc, how, name, type) -> verdict class for each shown (and, after s20, suggested) name."""
    if pick == "s20":
        judged = {(k[0], "shown", k[1], k[2]): v for k, v in read_judged(f"{HERE}/s20_judged.tsv", 3).items()}
    else:
        judged = read_judged(f"{HERE}/{pick}_judged.tsv", 4)
    listed_all = pick in ("s24", "s25", "s26", "s27")  # names not listed were read and are ok
    out = {}
    for doc, s, _et, _cue, _mention, _sent in sources_listed(f"{d}/pick.out"):
        how, name = ("shown", s.get("name")) if s.get("name") else ("suggested", s.get("suggested"))
        if not name or (pick == "s20" and how != "shown"):
            continue
        key = (doc, how, name, str(s.get("type")))
        v = judged.get(key)
        out[key] = "junk" if (v or "").startswith("junk") else ("ok" if v is not None or listed_all else "unread")
    return out


def main():
    binary, out = sys.argv[1], sys.argv[2]
    base = sys.argv[3] if len(sys.argv) > 3 else None
    for p in PICKS:
        d = os.path.join(out, p)
        os.makedirs(d, exist_ok=True)
        subprocess.run([sys.executable, f"{HERE}/{p}_pick.py", binary, d], check=True, stdout=subprocess.DEVNULL)
        now = rows(p, d)
        c = Counter(now.values())
        print(f"{p}: distinct rows {len(now)}: junk {c['junk']}, ok {c['ok']}, unread {c['unread']}")
        if base:
            was = rows(p, os.path.join(base, p))
            for k in sorted(set(was) - set(now)):
                print(f"    gone {was[k]:6s} " + " | ".join(k))
            for k in sorted(set(now) - set(was)):
                print(f"    new  {now[k]:6s} " + " | ".join(k))


main()
