#!/usr/bin/env bash
# npm test: installs whatever is missing (as npm start does, plus the Temporal time-skipping test server
# and Chromium), then runs every test tier with vitest. Arguments go to vitest, e.g.
#   npm test -- test/unit            (no PostgreSQL or Temporal is started for unit-only runs)
#   npm test -- -t "claims a task"
# The exit code is vitest's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$REPO_ROOT/scripts/lib/install.sh"
source "$REPO_ROOT/scripts/lib/tools.sh"
cd "$REPO_ROOT"

ensure_node_modules
use_project_node
hydrate_postgres
ensure_prisma_client
ensure_temporal_cli
ensure_test_server
ensure_chromium
ensure_console

say "▶ layers (dependency-cruiser)"
npm run --silent lint:layers
# The whole run also lints and checks formatting; a run of chosen files or tests (a path or -t among the
# arguments) skips it: minutes of type-aware linting on 2 cores for every file one works on.
whole_run=1
for arg in "$@"; do
  [[ -e $arg || $arg == -t || $arg == --testNamePattern* ]] && whole_run=0
done
if ((whole_run)); then
  HINT="run 'npm run format' to fix the formatting, then fix what ESLint still reports" run_logged "npm run lint" npm run --silent lint
fi
say "▶ vitest run $*"
exec vitest run "$@"
