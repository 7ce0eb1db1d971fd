#!/usr/bin/env bash
python3 -c "import pricing" 2>/dev/null || exit 125
python3 -c "import sys, pricing; sys.exit(0 if pricing.total_cents(10, 25) == 13 else 1)"
