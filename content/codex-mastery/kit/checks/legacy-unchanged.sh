#!/usr/bin/env bash
# legacy-unchanged.sh: legacy_pricing.py was committed exactly as the kit supplies it, unchanged until the
# characterization tests were committed, and those tests pass.
set -uo pipefail
area=practice/domain/legacy
first_tests=$(git log --format=%H --diff-filter=A -- "$area/test_characterization.py" | tail -n 1)
[ -n "$first_tests" ] || { echo "FAIL $area/test_characterization.py is not committed"; exit 1; }
if ! git show "$first_tests:$area/legacy_pricing.py" | cmp -s - "$MASTERY_KIT/files/$area/legacy_pricing.py"; then
  echo "FAIL legacy_pricing.py differs from the supplied version in the commit that added the tests"; exit 1
fi
echo "ok   legacy_pricing.py is the supplied version in $(git log -1 --format='%h %s' "$first_tests")"
python3 -m pytest -q "$area/test_characterization.py" | tail -n 3
