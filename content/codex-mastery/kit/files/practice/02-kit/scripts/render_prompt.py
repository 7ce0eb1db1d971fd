#!/usr/bin/env python3
"""Render a prompt template: expand @include lines, fill {{slots}}, refuse leftovers.
Usage: scripts/render_prompt.py TEMPLATE key=value ...
"""
import re, sys
from pathlib import Path

def expand(path, depth=0):
    if depth > 3:
        sys.exit(f"include depth exceeded at {path}")
    lines = []
    for line in Path(path).read_text().splitlines():
        m = re.fullmatch(r"@include (\S+)", line.strip())
        lines.append(expand(Path(path).parent / m.group(1), depth + 1) if m else line)
    return "\n".join(lines)

if len(sys.argv) < 2 or any("=" not in arg for arg in sys.argv[2:]):
    print(__doc__.strip().splitlines()[1], file=sys.stderr)
    sys.exit(2)
values = dict(arg.split("=", 1) for arg in sys.argv[2:])
text = re.sub(r"\{\{(\w+)\}\}",
              lambda m: values.get(m.group(1), m.group(0)),
              expand(sys.argv[1]))
missing = sorted(set(re.findall(r"\{\{\w+\}\}", text)))
if missing:
    sys.exit("unfilled slots: " + ", ".join(missing))
print(text)
