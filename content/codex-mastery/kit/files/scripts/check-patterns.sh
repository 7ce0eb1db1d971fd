#!/bin/sh
# scripts/check-patterns.sh: fail when a data-layer function throws without an allowance
[ -d src/data ] || { echo "check-patterns: src/data/ not found; run from the repository root" >&2; exit 2; }
hits=$(grep -rn "throw new" src/data/ --include=*.ts | grep -v "allowed:")
if [ -n "$hits" ]; then
  echo "$hits"
  echo "pattern violation: src/data returns Result (see AGENTS.md, data-layer pattern)"
  exit 1
fi
echo "check-patterns: ok"
