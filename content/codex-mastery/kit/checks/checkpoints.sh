#!/usr/bin/env bash
# checkpoints.sh: tags m6-1-expand, m6-2-migrate and m6-3-contract exist, the legacy tests pass at each, and the
# characterization tests change between m6-1-expand and m6-3-contract only in the function name.
set -uo pipefail
area=practice/domain/legacy
work=$(mktemp -d); trap 'git worktree remove --force "$work/wt" >/dev/null 2>&1; rm -rf "$work"' EXIT
for tag in m6-1-expand m6-2-migrate m6-3-contract; do
  git rev-parse -q --verify "refs/tags/$tag" >/dev/null || { echo "FAIL tag $tag does not exist"; exit 1; }
  git worktree remove --force "$work/wt" >/dev/null 2>&1
  git worktree add -q --detach "$work/wt" "$tag" || exit 1
  (cd "$work/wt" && python3 -m pytest -q -p no:cacheprovider "$area" >/dev/null 2>&1) || { echo "FAIL the tests fail at $tag"; exit 1; }
  echo "ok   tests pass at $tag"
done
changed=$(git diff -U0 m6-1-expand m6-3-contract -- "$area/test_characterization.py" | grep -E '^[-+][^-+]' \
  | sed -E 's/\bquote_total\b/price/g; s/^[-+]//' | sort | uniq -u)
[ -z "$changed" ] || { echo "$changed"; echo "FAIL the characterization tests changed beyond the function name"; exit 1; }
echo "ok   the characterization tests changed only in the function name"
