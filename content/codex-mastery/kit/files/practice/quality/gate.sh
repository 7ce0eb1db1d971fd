#!/usr/bin/env bash
# practice/quality/gate.sh (fast tier). Exit 0 accepts, 1 blocks.
set -uo pipefail
# added lines of the staged diff; the gate's own folder is excluded or it matches itself
added=$(git diff --cached -U0 -- . ':(exclude)practice/quality' | grep -E '^\+[^+]' || true)
fail=0
check() { local name=$1; shift
  if "$@"; then echo "PASS $name"; else echo "FAIL $name"; fail=1; fi; }
no_debug() { ! grep -nE 'breakpoint\(\)|pdb\.set_trace|console\.log\(' <<<"$added"; }
check "no debug statements" no_debug
check "unit tests" python3 -m unittest discover -s practice/tdd -q
exit $fail
