#!/usr/bin/env python3
"""bundle.py fields|scopes [BUNDLE]: check practice/speed/bundle.json.
fields: at least three threads, each with worktree, branch, writes and verify, plus shared_preamble, validate,
output_contract and base_commit. scopes: each thread's branch changes only its write scope since base_commit."""
import json, subprocess, sys
mode = sys.argv[1]
path = sys.argv[2] if len(sys.argv) > 2 else "practice/speed/bundle.json"
try:
    bundle = json.load(open(path))
except (OSError, ValueError) as e:
    sys.exit(f"FAIL cannot read {path}: {e}")
threads = bundle.get("threads", [])
problems = []
if mode == "fields":
    problems += [f"no {key}" for key in ("shared_preamble", "validate", "output_contract", "base_commit") if not bundle.get(key)]
    if len(threads) < 3:
        problems.append(f"{len(threads)} threads, expected at least 3")
    for t in threads:
        problems += [f"thread {t.get('id', '?')}: no {key}" for key in ("worktree", "branch", "writes", "verify") if not t.get(key)]
else:
    for t in threads:
        diff = subprocess.run(["git", "diff", "--name-only", f"{bundle.get('base_commit')}...{t.get('branch')}"],
                              capture_output=True, text=True)
        if diff.returncode != 0:
            problems.append(f"thread {t.get('id')}: {diff.stderr.strip()}")
            continue
        outside = [f for f in diff.stdout.split() if f not in t.get("writes", [])]
        print(f"thread {t.get('id')}: {len(diff.stdout.split())} files changed, {len(outside)} outside its write scope")
        problems += [f"thread {t.get('id')}: {f} is outside its write scope" for f in outside]
for p in problems:
    print("FAIL", p)
sys.exit(1 if problems else 0)
