#!/usr/bin/env bash
# Builds practice/bisect-lab: 40 commits, one regression, a few commits that do not import.
set -euo pipefail
rm -rf practice/bisect-lab && mkdir -p practice/bisect-lab && cd practice/bisect-lab
git init -q && git checkout -q -b main
git config user.name lab && git config user.email lab@example.invalid
bad=$(( RANDOM % 20 + 15 ))
cat > pricing.py <<'PY'
from decimal import Decimal, ROUND_HALF_UP

def total_cents(net_cents, rate_percent):
    """Gross in cents. Invoice rule: round half up."""
    gross = Decimal(net_cents) * (100 + Decimal(rate_percent)) / 100
    return int(gross.quantize(Decimal(1), rounding=ROUND_HALF_UP))
PY
cat > test_pricing.py <<'PY'
import unittest
from pricing import total_cents

class TotalCents(unittest.TestCase):
    def test_whole_amounts(self):
        self.assertEqual(total_cents(1000, 20), 1200)
        self.assertEqual(total_cents(0, 20), 0)
PY
echo "# Changelog" > CHANGELOG.md; echo "def header(): return 'Report'" > report.py
git add -A && git commit -qm "Initial pricing module"
for i in $(seq 1 39); do
  echo "- change $i" >> CHANGELOG.md
  echo "def section_$i(): return 'Section $i'" >> report.py
  msg="Report section $i"
  if [ "$i" -eq $((bad - 4)) ]; then echo "def _draft(:" >> pricing.py; msg="WIP pricing helpers"; fi
  if [ "$i" -eq $((bad - 1)) ]; then grep -v _draft pricing.py > p.tmp && mv p.tmp pricing.py; msg="Drop pricing draft"; fi
  if [ "$i" -eq "$bad" ]; then
    python3 - <<'PY'
import re
src = open("pricing.py").read()
src = re.sub(r"    gross = .*\n    return int\(.*\)\n",
             "    return round(net_cents * (100 + rate_percent) / 100)\n", src)
open("pricing.py", "w").write(src)
PY
    msg="Tidy pricing and report helpers"
  fi
  git add -A && git commit -qm "$msg"
done
echo "Built $(git rev-list --count HEAD) commits."
echo "Bug report: total_cents(10, 25) returns 12; invoices expect 13."
