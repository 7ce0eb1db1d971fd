#!/usr/bin/env bash
# scripts/validate.sh: the definition of done for this repository
set -uo pipefail
tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
run() {
  local name=$1; shift
  if "$@" >"$tmp" 2>&1; then echo "ok   $name"
  else echo "FAIL $name"; tail -n 40 "$tmp"; exit 1; fi
}
run format npx prettier --check .     # replace each command with your project's own
run lint   npx eslint .
run tests  npm test --silent
echo "validate: all checks passed"
