#!/usr/bin/env python3
"""scripts/validate_codex.py: exit 1 if the agent configuration is inconsistent."""
import json, os, re, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
errors = []

try:
    catalog = json.loads((root / ".codex/functions.json").read_text())
    context = (root / "AGENTS.md").read_text()
except (OSError, json.JSONDecodeError) as e:
    print(f"FAIL cannot load config: {e}")
    sys.exit(1)

names = set()
for i, h in enumerate(catalog.get("helpers", [])):
    name = h.get("name", "")
    where = f"functions.json helpers[{i}] {name or '(no name)'}"
    if not re.fullmatch(r"[a-z][a-z0-9_]{2,40}", name):
        errors.append(f"{where}: name must be snake_case")
    if name in names:
        errors.append(f"{where}: duplicate name")
    names.add(name)
    if len(h.get("description", "")) < 40:
        errors.append(f"{where}: description under 40 characters")
    params = h.get("parameters", {})
    props = params.get("properties", {})
    if params.get("type") != "object":
        errors.append(f"{where}: parameters.type must be \"object\"")
    for req in params.get("required", []):
        if req not in props:
            errors.append(f"{where}: required \"{req}\" is not in properties")
    cmd = root / h.get("command", "")
    if not cmd.is_file() or not os.access(cmd, os.X_OK):
        errors.append(f"{where}: command {h.get('command')!r} missing or not executable")
    if name and not re.search(rf"\b{re.escape(name)}\b", context):
        errors.append(f"{where}: not mentioned in AGENTS.md")

commands = {h.get("command") for h in catalog.get("helpers", [])}
for f in sorted((root / "codex_helpers").iterdir()):
    rel = f"codex_helpers/{f.name}"
    if not f.name.startswith("_") and rel not in commands:
        errors.append(f"{rel}: wrapper has no catalog entry")

for tpl in sorted((root / ".codex/prompts").glob("*.md")):
    for inc in re.findall(r"^@include (\S+)", tpl.read_text(), re.M):
        if not (tpl.parent / inc).is_file():
            errors.append(f"{tpl.name}: include {inc} not found")

for e in errors:
    print(f"FAIL {e}")
print(f"validate_codex: {len(names)} helpers, {len(errors)} problems")
sys.exit(1 if errors else 0)
