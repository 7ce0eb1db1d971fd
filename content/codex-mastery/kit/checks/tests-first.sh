#!/usr/bin/env bash
# tests-first.sh TEST_FILE TEST_COMMAND: the latest commit that changed TEST_FILE and no other code is red
# (TEST_COMMAND fails there), a later commit is green, and HEAD passes TEST_COMMAND.
set -uo pipefail
test_file=$1; cmd=$2
red=""
for c in $(git log --format=%H -- "$test_file"); do
  others=$(git show --name-only --format= "$c" | grep -vxF "$test_file" | grep -E '\.(py|ts|js|go|rs|rb|java)$' || true)
  if [ -z "$others" ]; then red=$c; break; fi
done
[ -n "$red" ] || { echo "FAIL no commit changes $test_file alone"; exit 1; }
[ "$red" != "$(git rev-parse HEAD)" ] || { echo "FAIL the test commit $red has no green commit after it"; exit 1; }
work=$(mktemp -d); trap 'git worktree remove --force "$work/red" >/dev/null 2>&1; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/red" "$red" || exit 1
if (cd "$work/red" && bash -c "$cmd") >/dev/null 2>&1; then echo "FAIL the test commit $(git log -1 --format='%h %s' "$red") is not red"; exit 1; fi
echo "ok   red at $(git log -1 --format='%h %s' "$red")"
bash -c "$cmd" >/dev/null 2>&1 || { echo "FAIL $cmd fails at HEAD"; exit 1; }
echo "ok   green at HEAD $(git log -1 --format='%h %s')"
