#!/usr/bin/env bash
# scripts/validate.sh: the one definition of "acceptable" (Module 1's script, grown).
# Called by the agent, the pre-commit hook and CI. Usage: scripts/validate.sh [fast|full]
set -euo pipefail
mode="${1:-full}"
case "$mode" in fast|full) ;; *) echo "usage: scripts/validate.sh [fast|full]" >&2; exit 2;; esac
mkdir -p .gate-logs
log=".gate-logs/$(date -u +%Y%m%dT%H%M%SZ)-$mode.log"
run() { echo "+ $*"; "$@"; }
{
  echo "commit=$(git rev-parse --short HEAD) dirty_files=$(git status --porcelain | wc -l) mode=$mode"
  run make lint
  run make typecheck
  if [ "$mode" = fast ]; then run make test-unit; else run make test; fi
  echo "gate: PASS"
} 2>&1 | tee "$log"
