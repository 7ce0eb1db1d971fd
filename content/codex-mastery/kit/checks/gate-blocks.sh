#!/usr/bin/env bash
# gate-blocks.sh: in a clone of HEAD, practice/quality/gate.sh passes a harmless staged change and blocks a
# debug statement, a newly skipped test, a test edit under IMPL_ONLY=1 and a failing test.
set -uo pipefail
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
git clone -q . "$work/repo" || exit 1
cd "$work/repo" || exit 1
impl=$(git ls-files 'practice/tdd/*.py' | grep -v '/test_' | head -n 1)
test_file=$(git ls-files 'practice/tdd/test_*.py' | head -n 1)
[ -n "$impl" ] && [ -n "$test_file" ] || { echo "FAIL practice/tdd has no committed module and test file"; exit 1; }
attempt() {  # attempt NAME ENV FUNCTION: stage FUNCTION's change; the gate must block it
  git reset -q --hard && "$3" && git add -A
  if env "$2" practice/quality/gate.sh >/dev/null 2>&1; then echo "FAIL the gate accepted: $1"; exit 1; fi
  echo "ok   blocked: $1"
}
debug() { printf '\nbreakpoint()\n' >> "$impl"; }
skip() { python3 - "$test_file" <<'PY'
import re, sys
p = sys.argv[1]; s = open(p).read()
open(p, "w").write(re.sub(r"^(\s*)def test_", r"\1@unittest.skip('later')\n\1def test_", s, count=1, flags=re.M))
PY
}
edit_test() { printf '\n# edited\n' >> "$test_file"; }
break_impl() { printf '\nraise RuntimeError("broken on purpose")\n' >> "$impl"; }
harmless() { printf '\n# a harmless comment\n' >> "$impl"; }
harmless && git add -A
practice/quality/gate.sh || { echo "FAIL the gate blocks a harmless change"; exit 1; }
attempt "debug statement" IMPL_ONLY=0 debug
attempt "newly skipped test" IMPL_ONLY=0 skip
attempt "test edit with IMPL_ONLY=1" IMPL_ONLY=1 edit_test
attempt "failing test" IMPL_ONLY=0 break_impl
