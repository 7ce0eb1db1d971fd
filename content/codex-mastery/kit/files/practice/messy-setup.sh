#!/usr/bin/env bash
# Builds practice/messy-lab: main plus two feature branches that do not integrate cleanly.
set -euo pipefail
rm -rf practice/messy-lab && mkdir -p practice/messy-lab && cd practice/messy-lab
git init -q && git checkout -q -b main
git config user.name lab && git config user.email lab@example.invalid
printf 'FEATURES = [\n    "invoices",\n]\n' > config.py
cat > shop.py <<'PY'
import random

def retry_delay(attempt):
    """Delay before retry number `attempt`, in seconds."""
    return 2 ** attempt

def discount(price_cents, percent):
    return price_cents * (100 - percent) // 100
PY
cat > test_shop.py <<'PY'
import unittest
from shop import retry_delay, discount

class Shop(unittest.TestCase):
    def test_retry_delay(self):
        self.assertEqual(retry_delay(3), 8)
    def test_discount(self):
        self.assertEqual(discount(1000, 10), 900)
PY
git add -A && git commit -qm "Shop core"

git checkout -q -b feature/orders
printf 'FEATURES = [\n    "invoices",\n    "orders",\n]\n' > config.py
python3 - <<'PY'
s = open("shop.py").read()
s = s.replace('in seconds."""\n    return 2', 'in milliseconds (all durations are ms now)."""\n    return 1000 * 2')
s = s.replace("    return price_cents", "    percent = min(percent, 50)  # policy: never more than 50% off\n    return price_cents")
s += "\ndef new_order_ids(n):\n    return [random.randint(1, 50) for _ in range(n)]\n"
open("shop.py", "w").write(s)
t = open("test_shop.py").read().replace("retry_delay(3), 8)", "retry_delay(3), 8000)")
t += """
class Orders(unittest.TestCase):
    def test_ids_unique(self):
        from shop import new_order_ids
        self.assertEqual(len(set(new_order_ids(6))), 6)
    def test_discount_cap(self):
        self.assertEqual(discount(1000, 60), 500)
"""
open("test_shop.py", "w").write(t)
PY
git add -A && git commit -qm "Orders: ids, 50% discount cap, retry delays in ms"

git checkout -q main && git checkout -q -b feature/sync
printf 'FEATURES = [\n    "invoices",\n    "sync",\n]\n' > config.py
cat > sync.py <<'PY'
import os
from shop import retry_delay

REGION = os.environ["APP_REGION"]  # set in my shell profile

def seconds_left(budget_seconds, attempt):
    return budget_seconds - retry_delay(attempt)
PY
cat > test_sync.py <<'PY'
import unittest
from sync import seconds_left
from shop import discount

class Sync(unittest.TestCase):
    def test_seconds_left(self):
        self.assertEqual(seconds_left(30, 2), 26)
    def test_clearance_sixty_percent(self):
        # Ticket: clearance week allows 60% off
        self.assertEqual(discount(1000, 60), 400)
PY
git add -A && git commit -qm "Sync: retry budget, clearance pricing (tests pass locally)"
git checkout -q main
echo "Ready. Integrate feature/orders and feature/sync into main, then make the suite trustworthy."
