#!/usr/bin/env python3
"""agent-catalog.py: practice/integration/agent holds a system prompt, a Python loop and a tool catalog of at
least two tools whose schemas set required fields and additionalProperties false."""
import json, sys
from pathlib import Path
agent = Path("practice/integration/agent")
problems = []
if not (agent / "system.md").is_file():
    problems.append("no system.md")
if not list(agent.glob("*.py")):
    problems.append("no loop (*.py)")
try:
    catalog = json.loads((agent / "tools.json").read_text())
    tools = catalog["tools"] if isinstance(catalog, dict) else catalog
except (OSError, ValueError, KeyError) as e:
    tools = []
    problems.append(f"cannot read tools.json: {e}")
if len(tools) < 2:
    problems.append(f"{len(tools)} tools, expected at least 2")
for t in tools:
    params = t.get("parameters") or t.get("inputSchema") or {}
    if not params.get("required"):
        problems.append(f"{t.get('name')}: no required fields")
    if params.get("additionalProperties") is not False:
        problems.append(f"{t.get('name')}: additionalProperties is not false")
for p in problems:
    print("FAIL", p)
print(f"{len(tools)} tools")
sys.exit(1 if problems else 0)
