#!/usr/bin/env bash
# names-commit.sh FILE: FILE exists and names a commit of this repository.
set -uo pipefail
[ -s "$1" ] || { echo "FAIL $1 is missing or empty"; exit 1; }
for sha in $(grep -oE '\b[0-9a-f]{7,40}\b' "$1"); do
  if git cat-file -e "$sha^{commit}" 2>/dev/null; then echo "ok   $1 names commit $sha"; exit 0; fi
done
echo "FAIL $1 names no commit of this repository"; exit 1
