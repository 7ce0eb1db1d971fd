#!/usr/bin/env bash
# commands-log.sh both|last-pass: check the validation runs in practice/01-internals/commands.jsonl.
# both: at least one failing and one passing run of scripts/validate.sh. last-pass: the last such run passed.
set -euo pipefail
log=practice/01-internals/commands.jsonl
[ -f "$log" ] || { echo "FAIL $log does not exist"; exit 1; }
python3 - "$log" "${1:-both}" <<'PY'
import json, sys
runs = []
for n, line in enumerate(open(sys.argv[1]), 1):
    if line.strip():
        entry = json.loads(line)
        if "validate.sh" in entry.get("cmd", ""):
            if "ts" not in entry or "rc" not in entry:
                sys.exit(f"FAIL line {n}: a validation run without ts or rc")
            runs.append(entry)
passed = [r for r in runs if r["rc"] == 0]
failed = [r for r in runs if r["rc"] != 0]
print(f"{len(runs)} validation runs: {len(passed)} passed, {len(failed)} failed")
if sys.argv[2] == "last-pass":
    sys.exit(0 if runs and runs[-1]["rc"] == 0 else "FAIL the last validation run did not exit 0")
sys.exit(0 if passed and failed else "FAIL expected at least one failing and one passing run")
PY
