#!/usr/bin/env bash
# npm run bench: the benchmarks in bench/ (never part of npm test). Each bench starts and stops what it
# needs (embedded PostgreSQL, the Temporal dev server, the API and worker processes) and prints the machine
# and its figures. An entry point is a file under bench/ with a `// Run: … tsx bench/…` line; the others
# are its modules. Arguments pick benches by a part of their path:
#   npm run bench                         every bench
#   npm run bench -- case-engine          bench/case-engine/*
#   npm run bench -- inbox screening      several
#   npm run bench -- feed -- --events 400 arguments after a second `--` go to each selected bench
# The exit code is 1 when any selected bench failed (the others still run).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$REPO_ROOT/scripts/lib/install.sh"
cd "$REPO_ROOT"

ensure_node_modules
use_project_node
hydrate_postgres
ensure_prisma_client
ensure_temporal_cli

patterns=()
bench_args=()
while (($#)); do
  if [[ $1 == -- ]]; then
    shift
    bench_args=("$@")
    break
  fi
  patterns+=("$1")
  shift
done
set -- "${patterns[@]}"

mapfile -t entries < <(grep -rlE --include='*.ts' '^// Run: .*tsx bench/' bench | sort)
selected=()
for entry in "${entries[@]}"; do
  if (($# == 0)); then
    selected+=("$entry")
    continue
  fi
  for pattern in "$@"; do
    if [[ "$entry" == *"$pattern"* ]]; then
      selected+=("$entry")
      break
    fi
  done
done
((${#selected[@]})) || die "no bench matches '$*' (entry points: ${entries[*]})"

failed=()
for entry in "${selected[@]}"; do
  say "▶ tsx $entry"
  start=$SECONDS
  runner=(tsx "$entry" "${bench_args[@]}")
  # An entry that asks for DATABASE_URL gets a throw-away embedded PostgreSQL unless one is given.
  if [[ -z "${DATABASE_URL:-}" ]] && grep -qE '^// Run: .*DATABASE_URL=' "$entry"; then
    runner=(tsx bench/case-engine/lib/with-postgres.ts tsx "$entry" "${bench_args[@]}")
  fi
  if "${runner[@]}"; then
    say "${_c_ok}✔${_c_off} $entry ($((SECONDS - start))s)"
  else
    say "${_c_err}✖${_c_off} $entry failed after $((SECONDS - start))s"
    failed+=("$entry")
  fi
done
((${#failed[@]} == 0)) || die "failed: ${failed[*]}"
