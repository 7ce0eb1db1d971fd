#!/usr/bin/env python3
"""pattern-cards.py: the repository's AGENTS.md files hold at least two pattern cards, each with a Check line
and an Exemplar path that exists."""
import re, subprocess, sys
from pathlib import Path
files = subprocess.run(["git", "ls-files", "AGENTS.md", "*/AGENTS.md"], capture_output=True, text=True).stdout.split()
cards, problems = 0, []
for f in files:
    for card in re.split(r"^(?=#+\s*Pattern:)", Path(f).read_text(), flags=re.M)[1:]:
        cards += 1
        title = card.splitlines()[0].strip()
        exemplar = re.search(r"^Exemplar:\s*`?([^\s`,]+)", card, re.M)
        if not exemplar:
            problems.append(f"{f}: {title}: no Exemplar line")
        elif not Path(exemplar.group(1)).exists():
            problems.append(f"{f}: {title}: exemplar {exemplar.group(1)} does not exist")
        if not re.search(r"^Check:\s*\S", card, re.M):
            problems.append(f"{f}: {title}: no Check line")
for p in problems:
    print("FAIL", p)
print(f"{cards} pattern cards in {len(files)} AGENTS.md files")
sys.exit(1 if problems or cards < 2 else 0)
