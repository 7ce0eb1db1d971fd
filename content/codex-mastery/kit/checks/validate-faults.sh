#!/usr/bin/env bash
# validate-faults.sh KIT_DIR: validate_codex.py passes the kit, and fails with a FAIL line on a copy with a
# broken catalog and on a copy with a wrapper that lost its executable bit.
set -uo pipefail
kit=$1
python3 "$kit/scripts/validate_codex.py" || { echo "FAIL validate_codex.py does not pass the clean kit"; exit 1; }
copy=$(mktemp -d); trap 'rm -rf "$copy"' EXIT
seed() {  # seed NAME FUNCTION: apply FUNCTION to a fresh copy; validate_codex.py must exit 1 with a FAIL line
  rm -rf "$copy/kit"; cp -a "$kit" "$copy/kit"
  (cd "$copy/kit" && "$2")
  out=$(python3 "$copy/kit/scripts/validate_codex.py" 2>&1); rc=$?
  if [ $rc -eq 1 ] && grep -q '^FAIL ' <<<"$out"; then echo "ok   $1: $(grep -m1 '^FAIL ' <<<"$out")"
  else echo "FAIL $1 was not reported (exit $rc)"; exit 1; fi
}
broken_catalog() { printf '{ broken' > .codex/functions.json; }
wrapper_not_executable() { chmod -x codex_helpers/*.sh; }
seed "broken catalog" broken_catalog
seed "wrapper not executable" wrapper_not_executable
