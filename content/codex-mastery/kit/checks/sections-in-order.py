#!/usr/bin/env python3
"""sections-in-order.py FILE HEADING...: FILE has a heading (any level) starting with each HEADING, in this order."""
import re, sys
try:
    headings = [m.group(1).strip() for m in re.finditer(r"^#+\s+(.*)$", open(sys.argv[1]).read(), re.M)]
except OSError as e:
    sys.exit(f"FAIL {e}")
position = 0
for wanted in sys.argv[2:]:
    found = next((i for i in range(position, len(headings)) if headings[i].lower().startswith(wanted.lower())), None)
    if found is None:
        sys.exit(f"FAIL no heading '{wanted}' after '{headings[position - 1] if position else 'the start'}'")
    print(f"ok   {wanted}")
    position = found + 1
