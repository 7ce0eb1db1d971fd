#!/usr/bin/env bash
# plan-commits.sh PLAN MIN: at least MIN commits change the plan together with other files.
set -uo pipefail
plan=$1; min=$2
[ -f "$plan" ] || { echo "FAIL $plan does not exist"; exit 1; }
n=0
for c in $(git log --format=%H -- "$plan"); do
  if git show --name-only --format= "$c" | grep -qvxF "$plan"; then n=$((n + 1)); echo "ok   $(git log -1 --format='%h %s' "$c")"; fi
done
[ "$n" -ge "$min" ] || { echo "FAIL $n commits change $plan together with code, expected at least $min"; exit 1; }
