#!/usr/bin/env python3
"""catalog.py FILE: every helper in the catalog has a use-when and a do-not-use sentence, a required list
and additionalProperties false; the file is valid JSON."""
import json, re, sys
try:
    helpers = json.load(open(sys.argv[1]))["helpers"]
except (OSError, ValueError, KeyError) as e:
    sys.exit(f"FAIL cannot read the catalog: {e}")
problems = []
for i, h in enumerate(helpers):
    where = f"helpers[{i}] {h.get('name', '(no name)')}"
    text = h.get("description", "")
    if not re.search(r"\buse (it )?(when|after|before|for)\b", text, re.I):
        problems.append(f"{where}: no use-when sentence")
    if not re.search(r"\bdo not use\b|\bdon't use\b|\bnever use\b", text, re.I):
        problems.append(f"{where}: no do-not-use-when sentence")
    params = h.get("parameters", {})
    if not isinstance(params.get("required"), list) or not params["required"]:
        problems.append(f"{where}: no required list")
    if params.get("additionalProperties") is not False:
        problems.append(f"{where}: additionalProperties is not false")
for p in problems:
    print("FAIL", p)
print(f"{len(helpers)} helpers, {len(problems)} problems")
sys.exit(1 if problems or not helpers else 0)
