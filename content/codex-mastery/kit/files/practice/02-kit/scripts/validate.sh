#!/usr/bin/env bash
# scripts/validate.sh (kit version): the definition of done, as in Module 1
set -euo pipefail
cd "$(dirname "$0")/.."
python3 scripts/validate_codex.py
python3 -m unittest discover -s tests -q
echo "validate: all checks passed"
