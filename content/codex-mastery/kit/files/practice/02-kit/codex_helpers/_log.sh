# codex_helpers/_log.sh: sourced by every wrapper; appends one JSON line per call.
log_call() {  # log_call HELPER_NAME EXIT_CODE START_EPOCH
  mkdir -p practice/logs   # git-ignored; .codex/ is read-only to sandboxed commands
  printf '{"ts":"%s","helper":"%s","exit":%s,"seconds":%s}\n' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" "$2" "$(( $(date +%s) - $3 ))" \
    >> practice/logs/helpers.jsonl
}
