#!/usr/bin/env bash
# render-refuses.sh KIT_DIR: a template rendered without its slot values exits 1 and names a missing slot.
set -uo pipefail
cd "$1" || exit 1
tpl=$(ls .codex/prompts/*.md 2>/dev/null | head -n 1)
[ -n "$tpl" ] || { echo "FAIL no template in $1/.codex/prompts"; exit 1; }
out=$(python3 scripts/render_prompt.py "$tpl" 2>&1); rc=$?
echo "$out" | tail -n 3
[ $rc -eq 1 ] || { echo "FAIL render without values exited $rc, expected 1"; exit 1; }
grep -qE '\{\{[A-Za-z0-9_]+\}\}' <<<"$out" || { echo "FAIL the error does not name a slot"; exit 1; }
echo "ok   $tpl: a failed render names the missing slot and exits 1"
