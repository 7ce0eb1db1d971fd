#!/usr/bin/env python3
"""break_kit.py [N]: apply one fault (random among those not yet used) to a
clean kit; append its number to .fault, to be read only after diagnosis."""
import json, os, random, re, subprocess, sys
from pathlib import Path

if subprocess.run(["git", "status", "--porcelain"],
                  capture_output=True, text=True, check=True).stdout.strip():
    sys.exit("commit first: the working tree must be clean")

cat = Path(".codex/functions.json")
load = lambda: json.loads(cat.read_text())
save = lambda d: cat.write_text(json.dumps(d, indent=2, ensure_ascii=False) + "\n")

def f1():  # invalid JSON: a comma before the last closing bracket
    t = cat.read_text(); i = t.rfind("]"); cat.write_text(t[:i] + "," + t[i:])
def f2():  # the first wrapper loses its executable bit
    os.chmod(load()["helpers"][0]["command"], 0o644)
def f3():  # catalog name drifts away from AGENTS.md
    d = load(); d["helpers"][0]["name"] += "_v2"; save(d)
def f4():  # required no longer matches properties
    d = load(); p = d["helpers"][0]["parameters"]
    p["required"] = [r + "_path" for r in p.get("required", [])] or ["path"]; save(d)
def f5():  # git looks for hooks in a folder that does not exist
    subprocess.run(["git", "config", "core.hooksPath", ".hooks"], check=True)
def f6():  # the hook fails open
    h = Path(".githooks/pre-commit"); t = h.read_text()
    if "scripts/validate.sh" not in t: sys.exit("hook does not call scripts/validate.sh")
    h.write_text(t.replace("scripts/validate.sh", "scripts/validate.sh || true", 1))
def f7():  # a slot renamed in one template only
    tpl = sorted(Path(".codex/prompts").glob("*.md"))[0]; t = tpl.read_text()
    slot = re.search(r"\{\{(\w+)\}\}", t).group(1)
    tpl.write_text(t.replace("{{" + slot + "}}", "{{" + slot + "s}}", 1))

faults = [f1, f2, f3, f4, f5, f6, f7]
log = Path(".fault")
done = {int(x) for x in log.read_text().split()} if log.exists() else set()
if len(sys.argv) > 1:
    n = int(sys.argv[1])
else:
    left = [k for k in range(1, len(faults) + 1) if k not in done] or list(range(1, len(faults) + 1))
    n = random.choice(left)
faults[n - 1]()
with log.open("a") as f:
    f.write(f"{n}\n")
print("One fault applied. Start from symptoms.")
