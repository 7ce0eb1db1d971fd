#!/usr/bin/env bash
# repro-exit-codes.sh: in a clone of practice/bisect-lab, practice/bisect-repro.sh exits 0 on the first commit,
# 1 on the last commit the setup made, and 125 on the commit that does not import.
set -uo pipefail
repro=$(realpath practice/bisect-repro.sh) || { echo "FAIL practice/bisect-repro.sh does not exist"; exit 1; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
git clone -q practice/bisect-lab "$work/lab" || exit 1
cd "$work/lab" || exit 1
status=0
expect() {  # expect LABEL REV CODE
  [ -n "$2" ] && git checkout -q "$2" || { echo "FAIL no commit for $1"; exit 1; }
  "$repro" >/dev/null 2>&1; rc=$?
  if [ "$rc" -eq "$3" ]; then echo "ok   $1: exit $rc"; else echo "FAIL $1: exit $rc, expected $3"; status=1; fi
}
first=$(git rev-list --max-parents=0 --all | head -n 1)
last=$(git log --format=%H -1 --grep '^Report section 39$' --all)
wip=$(git log --format=%H -1 --grep '^WIP' --all)
expect "first commit" "$first" 0
expect "last setup commit" "$last" 1
expect "WIP commit" "$wip" 125
exit $status
