#!/usr/bin/env bash
# mutations.sh: the characterization tests pass on a copy of practice/domain/legacy and fail on each of the
# three one-line mutations of exercise 2.
set -uo pipefail
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
run_on() {  # run_on OLD NEW: a fresh copy with OLD replaced by NEW in legacy_pricing.py; prints pytest's exit code
  rm -rf "$work/legacy"; cp -R practice/domain/legacy "$work/legacy"
  find "$work/legacy" -name __pycache__ -prune -exec rm -rf {} +   # compiled for the original path
  python3 - "$work/legacy/legacy_pricing.py" "$1" "$2" <<'PY'
import sys
p, old, new = sys.argv[1:]
s = open(p).read()
if old not in s:
    sys.exit(f"mutation target not found: {old}")
open(p, "w").write(s.replace(old, new, 1))
PY
  [ $? -eq 0 ] || { echo 99; return; }
  (cd "$work" && python3 -m pytest -q -p no:cacheprovider legacy >"$work/pytest.log" 2>&1); echo $?
}
if [ "$(run_on 'def price' 'def price')" -ne 0 ]; then
  tail -n 15 "$work/pytest.log"; echo "FAIL the tests do not pass on the unmutated code"; exit 1
fi
status=0
for mutation in 'total > 100|total >= 100' 'coupon[4:]|coupon[5:]' 'p * 0.9|p * 0.95'; do
  rc=$(run_on "${mutation%%|*}" "${mutation#*|}")
  case $rc in
    0) echo "FAIL mutation '$mutation' survived"; status=1 ;;
    99) echo "FAIL mutation '$mutation' has no target in legacy_pricing.py"; status=1 ;;
    *) echo "ok   mutation '$mutation' is caught" ;;
  esac
done
exit $status
