#!/usr/bin/env bash
# gate-modes.sh: scripts/validate.sh fast prints the commit hash and the dirty-file count; an unknown mode fails.
set -uo pipefail
out=$(scripts/validate.sh fast 2>&1); rc=$?
echo "$out" | tail -n 5
head=$(git rev-parse --short HEAD)
grep -qE "commit=$head[0-9a-f]* .*dirty_files=[0-9]+" <<<"$out" || { echo "FAIL the fast run does not print commit=$head and dirty_files="; exit 1; }
[ $rc -eq 0 ] || { echo "FAIL scripts/validate.sh fast exited $rc"; exit 1; }
scripts/validate.sh no-such-mode >/dev/null 2>&1 && { echo "FAIL an unknown mode passes"; exit 1; }
echo "ok   fast mode prints commit and dirty_files; an unknown mode fails"
