#!/usr/bin/env bash
# Checks of exercise 4.1 (red first), run by `mastery check 4.1` in the practice repository:
#   red-first.sh order       the tests were committed before the implementation, against the stub
#   red-first.sh locked      no commit after the red one changed the tests together with the implementation
#   red-first.sh transcript  the transcript's Red section is real unittest output failing for the right reason
#   red-first.sh green       the transcript's Green section is the full output of a passing run
#   red-first.sh mutation    the transcript's Mutation section names the test that caught it
# Exit 0 when the check holds; otherwise 1, with what is wrong on stderr.
set -euo pipefail

TESTS=practice/tdd/test_duration.py
IMPL=practice/tdd/duration.py
TRANSCRIPT=practice/tdd/04_tdd-transcript.md

fail() {
  echo "$*" >&2
  exit 1
}

git rev-parse --git-dir >/dev/null 2>&1 || fail "$PWD is not a git repository."

red_commit() {
  local red
  red=$(git log --reverse --format=%H --diff-filter=A -- "$TESTS" | head -n 1)
  [ -n "$red" ] || fail "No commit adds $TESTS: commit the tests alone first (step 4)."
  echo "$red"
}

changed_in() { git diff-tree --root --no-commit-id --name-only -r "$1"; }
describe() { git log -1 --format='%h %s' "$1"; }

# The text under a heading whose title starts with $1, up to the next heading.
section() {
  [ -f "$TRANSCRIPT" ] || fail "There is no $TRANSCRIPT."
  awk -v name="$1" '
    /^#+[ \t]/ { title = $0; sub(/^#+[ \t]+/, "", title); inside = (index(tolower(title), tolower(name)) == 1); next }
    inside { print }
  ' "$TRANSCRIPT"
}

case "${1:-}" in
  order)
    red=$(red_commit)
    if changed_in "$red" | grep -qxF "$IMPL"; then fail "The red commit $(describe "$red") also changes $IMPL."; fi
    git show "$red:$IMPL" 2>/dev/null | grep -q NotImplementedError ||
      fail "At the red commit $(describe "$red"), $IMPL is not the stub that raises NotImplementedError."
    green=$(git log --reverse --format=%H "$red..HEAD" -- "$IMPL" | head -n 1)
    [ -n "$green" ] || fail "No commit after the red commit $(describe "$red") changes $IMPL: commit the implementation."
    echo "red:   $(describe "$red")"
    echo "green: $(describe "$green")"
    ;;
  locked)
    red=$(red_commit)
    later=0
    for commit in $(git rev-list "$red..HEAD" -- "$TESTS"); do
      if changed_in "$commit" | grep -qxF "$IMPL"; then fail "Commit $(describe "$commit") changes the tests and the implementation together."; fi
      later=$((later + 1))
    done
    git diff --quiet HEAD -- "$TESTS" || fail "$TESTS has uncommitted changes."
    echo "The tests of $(describe "$red") changed in $later test-only commit(s) since, never with the implementation."
    ;;
  transcript)
    red=$(section Red)
    [ -n "$red" ] || fail "$TRANSCRIPT has no section headed Red."
    grep -Eq '^Ran [0-9]+ tests? in' <<<"$red" || fail "The Red section holds no unittest output (no \"Ran N tests\" line)."
    if grep -Eq 'ImportError|ModuleNotFoundError|SyntaxError|NameError' <<<"$red"; then
      fail "The Red section fails for a wrong reason: $(grep -Eo 'ImportError|ModuleNotFoundError|SyntaxError|NameError' <<<"$red" | sort -u | tr '\n' ' ')"
    fi
    grep -Eq 'NotImplementedError|AssertionError' <<<"$red" || fail "The Red section shows no NotImplementedError or AssertionError."
    grep -Eq '^FAILED \(' <<<"$red" || fail "The Red run did not fail (no FAILED line)."
    echo "Red: $(grep -E '^(Ran|FAILED)' <<<"$red" | tr '\n' ' ')"
    ;;
  green)
    green=$(section Green)
    [ -n "$green" ] || fail "$TRANSCRIPT has no section headed Green."
    grep -Eq '^Ran [0-9]+ tests? in' <<<"$green" || fail "The Green section holds no unittest output (no \"Ran N tests\" line): paste the output, not a summary."
    grep -Eq '^OK' <<<"$green" || fail "The Green run did not end with OK."
    echo "Green: $(grep -E '^(Ran|OK)' <<<"$green" | tr '\n' ' ')"
    ;;
  mutation)
    mutation=$(section Mutation)
    [ -n "$mutation" ] || fail "$TRANSCRIPT has no section headed Mutation."
    grep -Eq 'test_[A-Za-z0-9_]+' <<<"$mutation" || fail "The Mutation section names no test (test_…) that caught it."
    grep -Eiq 'revert|restore|git checkout|git restore' <<<"$mutation" || fail "The Mutation section does not record the revert."
    echo "Mutation caught by: $(grep -Eo 'test_[A-Za-z0-9_]+' <<<"$mutation" | sort -u | tr '\n' ' ')"
    ;;
  *)
    fail "usage: red-first.sh order|locked|transcript|green|mutation"
    ;;
esac
