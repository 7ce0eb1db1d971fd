#!/usr/bin/env bash
# practice/quality/gate.sh: fast tier. Exit 0 accepts, 1 blocks.
# DIFF_CMD lets the post-commit hook check the last commit instead of the index.
set -uo pipefail
cd "$(git rev-parse --show-toplevel)"
diff_cmd=${DIFF_CMD:-"git diff --cached"}
added=$($diff_cmd -U0 -- . ':(exclude)practice/quality' | grep -E '^\+[^+]' || true)
files=$($diff_cmd --name-only)
out=$(mktemp); trap 'rm -f "$out"' EXIT
fail=0
check() {
  local name=$1; shift; local t0=$SECONDS
  if "$@" >"$out" 2>&1; then echo "PASS  $name ($((SECONDS - t0))s)"
  else echo "FAIL  $name"; sed 's/^/      /' "$out" | head -20; fail=1; fi
}
no_debug()     { ! grep -nE 'breakpoint\(\)|pdb\.set_trace|console\.log\(' <<<"$added"; }
no_skips()     { ! grep -nE '@unittest\.skip|expectedFailure|\.only\(|\bxit\(' <<<"$added"; }
tests_locked() { [ "${IMPL_ONLY:-0}" != 1 ] || ! grep -E '(^|/)test_[^/]*\.py$' <<<"$files"; }
unit_tests()   { python3 -m unittest discover -s practice/tdd -q; }
check "no debug statements"          no_debug
check "no new skipped/focused tests" no_skips
check "tests locked (IMPL_ONLY=1)"   tests_locked
check "unit tests"                   unit_tests
exit $fail
