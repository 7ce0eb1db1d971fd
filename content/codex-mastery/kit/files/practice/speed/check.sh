#!/usr/bin/env bash
# practice/speed/check.sh — run from the repository root
set -euo pipefail       # pipefail: a failing pytest must fail the script, even when piped into tail
pytest -q 2>&1 | tail -n 15
ruff check .            # replace with your linter
git diff --stat main    # compare with the unit's write scope by eye or with a script
echo "DoD mechanical checks passed"
