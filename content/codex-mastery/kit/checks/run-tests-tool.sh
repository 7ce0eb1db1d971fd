#!/usr/bin/env bash
# run-tests-tool.sh: practice/bin/run-tests refuses bad modes, outside paths and command-like paths with exit 2,
# never uses eval, and prints at most 60 lines in full mode.
set -uo pipefail
tool=practice/bin/run-tests
[ -x "$tool" ] || { echo "FAIL $tool missing or not executable"; exit 1; }
if grep -nwE 'eval' "$tool"; then echo "FAIL $tool uses eval"; exit 1; fi
probe=$(mktemp -d); trap 'rm -rf "$probe"' EXIT
expect2() { "$tool" "$@" >/dev/null 2>&1; rc=$?; [ $rc -eq 2 ] || { echo "FAIL run-tests $* exited $rc, expected 2"; exit 1; }; echo "ok   run-tests $* exits 2"; }
expect2 bogus
expect2 full /
expect2 full "$probe"
expect2 full "x; touch $probe/pwned"
[ ! -e "$probe/pwned" ] || { echo "FAIL a path argument ran as a command"; exit 1; }
n=$("$tool" full 2>/dev/null | wc -l)
[ "$n" -le 60 ] || { echo "FAIL run-tests full printed $n lines, more than 60"; exit 1; }
echo "ok   run-tests full printed $n lines"
