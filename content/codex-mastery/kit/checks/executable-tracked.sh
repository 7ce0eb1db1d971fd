#!/usr/bin/env bash
# executable-tracked.sh PATH...: each path is committed and executable in git (mode 100755).
set -uo pipefail
status=0
for f in "$@"; do
  mode=$(git ls-files -s -- "$f" | cut -d' ' -f1)
  if [ "$mode" = 100755 ]; then echo "ok   $f is committed and executable"
  else echo "FAIL $f is ${mode:+committed with mode $mode, not executable}${mode:-not committed}"; status=1; fi
done
exit $status
