#!/usr/bin/env bash
# append-only.sh PLAN BASE_FILE: since the commit in BASE_FILE, no dated entry (a line starting with a date,
# as in Progress Per Session, the Decision Log and the plan log) was removed from PLAN.
set -uo pipefail
base=$(cat "$2") || { echo "FAIL $2 does not exist"; exit 1; }
removed=$(git diff "$base" -- "$1" | grep '^-' | grep -v '^--- ' | grep -E '^-[[:space:]]*([-*|][[:space:]]*)?\[?[0-9]{4}-[0-9]{2}-[0-9]{2}' || true)
if [ -n "$removed" ]; then echo "$removed"; echo "FAIL dated entries were removed or changed since $base"; exit 1; fi
echo "ok   no dated entry of $1 changed since $base"
