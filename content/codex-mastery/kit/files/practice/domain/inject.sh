#!/usr/bin/env bash
# practice/domain/inject.sh: apply ONE random failure to the practice area.
# Drill use only. Refuses to run on a dirty tree so no real work is at risk.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
area=practice/domain/legacy
if ! git diff --quiet || ! git diff --cached --quiet; then
  echo "inject.sh: commit or stash your work first" >&2; exit 1
fi
file_with() { grep -rlF --include='*.py' "$1" "$area" | grep -v test_ | head -n 1 || true; }
for attempt in 1 2 3 4 5 6 7 8; do
  n=$(( RANDOM % 4 + 1 ))
  case $n in
    1) f=$(file_with 'total > 100'); [ -n "$f" ] || continue
       perl -pi -e 's/total > 100/total >= 100/' "$f" ;;
    2) f=$(file_with 'coupon[4:]'); [ -n "$f" ] || continue
       perl -pi -e 's/coupon\[4:\]/coupon[5:]/' "$f"
       git commit -q -m "refactor: simplify coupon parsing" -- "$f" ;;
    3) git rev-parse -q --verify HEAD~1 >/dev/null || continue
       git reset -q --hard HEAD~1 ;;
    4) f="$area/checkout.py"; [ -f "$f" ] || continue
       printf '\nAPI_TOKEN = "FAKE_TOKEN_%s"\n' "$RANDOM" >> "$f"
       git commit -q -m "wip: local settings" -- "$f" ;;
  esac
  printf '%s\n' "$n" | base64 > "$(git rev-parse --git-path m6-injected)"
  echo "inject.sh: one failure injected. Detect it, recover, write the incident report."
  exit 0
done
echo "inject.sh: no injection applied (patterns not found)" >&2; exit 1
