#!/usr/bin/env bash
# plan-sync.sh PLAN_FILE : report drift between an ExecPlan and the working tree.
# Run from the repository root. Exit 0 = in sync, 1 = drift found, 2 = usage error.
set -u
[ $# -eq 1 ] && [ -f "$1" ] || { echo "usage: plan-sync.sh PLAN_FILE" >&2; exit 2; }
plan="$1"
since="$(git log -1 --format=%H -- "$plan")"
[ -n "$since" ] || { echo "commit the plan first" >&2; exit 2; }
report="$(mktemp)"
trap 'rm -f "$report"' EXIT

# 1. Every `path:line` reference must name an existing file at least that long.
grep -oE '`[A-Za-z0-9_./-]+:[0-9]+`' "$plan" | tr -d '`' | sort -u |
while IFS=: read -r path line; do
  if [ ! -f "$path" ]; then
    echo "missing-file      $path" >> "$report"
  elif [ "$(wc -l < "$path")" -lt "$line" ]; then
    echo "stale-line        $path:$line" >> "$report"
  fi
done

# 2. Tracked files changed since the plan was last committed but not named in it.
git diff --name-only "$since" -- . ":(exclude)$plan" |
while read -r f; do
  grep -qF "$f" "$plan" || echo "unplanned-change  $f" >> "$report"
done

# 3. One worker, one task in progress.
n="$(grep -c '| in_progress |' "$plan")"
[ "$n" -le 1 ] || echo "multiple-in-progress  $n rows" >> "$report"

if [ -s "$report" ]; then cat "$report"; exit 1; fi
echo "plan and tree agree"
