#!/usr/bin/env bash
# hook-runs.sh COMMAND: core.hooksPath is .githooks, and the tracked, executable .githooks/pre-commit runs COMMAND.
set -uo pipefail
path=$(git config --get core.hooksPath || true)
[ "$path" = .githooks ] || { echo "FAIL core.hooksPath is '${path}', expected .githooks"; exit 1; }
[ "$(git ls-files -s -- .githooks/pre-commit | cut -d' ' -f1)" = 100755 ] || { echo "FAIL .githooks/pre-commit is not committed as executable"; exit 1; }
grep -qF -- "$1" .githooks/pre-commit || { echo "FAIL .githooks/pre-commit does not run $1"; exit 1; }
echo "ok   .githooks/pre-commit runs $1"
