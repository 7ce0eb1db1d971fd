#!/usr/bin/env bash
# scripts/test_gate.sh: prove the pre-commit gate blocks a broken catalog.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
hook="$(git config --get core.hooksPath || echo .git/hooks)/pre-commit"
[ -x "$hook" ] || { echo "GATE OFF: $hook missing or not executable"; exit 1; }
backup=$(mktemp)
cp .codex/functions.json "$backup"
trap 'cp "$backup" .codex/functions.json; rm -f "$backup"' EXIT
printf '{ broken' > .codex/functions.json
if "$hook" >/dev/null 2>&1; then
  echo "GATE OPEN: $hook accepted a broken catalog"; exit 1
fi
echo "gate ok: $hook blocked a broken catalog"
