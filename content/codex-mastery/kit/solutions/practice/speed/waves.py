#!/usr/bin/env python3
# practice/speed/waves.py UNITS_JSON: group units into waves; exit 1 if a file is in two write scopes of one wave.
import json, sys
from collections import defaultdict

units = {u["id"]: u for u in json.load(open(sys.argv[1]))}
wave = {}
def level(uid):
    if uid not in wave:
        deps = units[uid].get("depends_on", [])
        wave[uid] = 1 + max((level(d) for d in deps), default=-1)
    return wave[uid]
for uid in units:
    level(uid)

by_wave = defaultdict(list)
for uid, w in wave.items():
    by_wave[w].append(uid)
clash_found = False
for w in sorted(by_wave):
    ids = by_wave[w]
    owners = defaultdict(list)
    for uid in ids:
        for f in units[uid]["writes"]:
            owners[f].append(uid)
    clashes = {f: o for f, o in owners.items() if len(o) > 1}
    clash_found = clash_found or bool(clashes)
    longest = max(units[u]["minutes"] for u in ids)
    print(f"wave {w}: {ids} longest={longest} min clashes={clashes or 'none'}")
sys.exit(1 if clash_found else 0)
