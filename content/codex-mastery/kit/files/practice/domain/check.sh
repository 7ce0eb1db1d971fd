#!/usr/bin/env bash
# practice/domain/check.sh: validation gate for the module 6 practice area.
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"
area=practice/domain/legacy
python3 -m pytest -q "$area"
if git grep -nE 'API_TOKEN|FAKE_TOKEN' -- "$area"; then
  echo "check.sh: possible secret in $area" >&2; exit 1
fi
last=$(git tag --list 'm6-*' --sort=-refname | head -n 1)
if [ -n "$last" ] && ! git merge-base --is-ancestor "$last" HEAD; then
  echo "check.sh: HEAD does not contain checkpoint $last" >&2; exit 1
fi
echo "check.sh: ok (last checkpoint: ${last:-none})"
