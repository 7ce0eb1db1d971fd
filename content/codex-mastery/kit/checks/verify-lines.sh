#!/usr/bin/env bash
# verify-lines.sh [FILE]: every "verify: COMMAND" line in FILE (default AGENTS.md) runs and exits 0; there is one at least.
set -uo pipefail
file=${1:-AGENTS.md}
[ -f "$file" ] || { echo "FAIL $file does not exist"; exit 1; }
n=0; status=0
while IFS= read -r cmd; do
  n=$((n + 1))
  if bash -c "$cmd" >/dev/null 2>&1; then echo "ok   $cmd"; else echo "FAIL $cmd"; status=1; fi
done < <(sed -nE 's/^[[:space:]]*(- )?verify:[[:space:]]*//p' "$file")
[ $n -gt 0 ] || { echo "FAIL $file has no verify: lines"; exit 1; }
exit $status
