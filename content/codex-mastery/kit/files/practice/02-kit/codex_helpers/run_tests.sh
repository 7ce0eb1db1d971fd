#!/usr/bin/env bash
# codex_helpers/run_tests.sh DIR [FILTER]
# Prints one status line and at most 40 lines of output; the full log stays on disk.
set -euo pipefail
source "$(dirname "$0")/_log.sh"
cd "$(dirname "$0")/.."   # run from the kit root, whatever the caller's directory
[ $# -ge 1 ] && [ $# -le 2 ] || { echo "usage: run_tests.sh DIR [FILTER]" >&2; exit 2; }
dir="$1"
filter="${2:-}"
[ -d "$dir" ] || { echo "ERROR: not a directory: $dir" >&2; exit 2; }
start=$(date +%s)
mkdir -p practice/logs   # never under .codex/ or .git/: read-only to sandboxed commands
log="practice/logs/tests-$(date +%Y%m%d-%H%M%S)-$$.log"
args=(-m unittest discover -s "$dir")
[ -n "$filter" ] && args+=(-k "$filter")
set +e
python3 "${args[@]}" >"$log" 2>&1
status=$?
set -e
log_call run_tests "$status" "$start"
echo "run_tests exit=$status log=$log"
tail -n 40 "$log"
exit "$status"
