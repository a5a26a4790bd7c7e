#!/usr/bin/env bash
# npm start: installs whatever is missing (first run: npm ci, Temporal CLI build, console build), then
# hands over to scripts/supervise.ts, which runs PostgreSQL, Temporal, the worker and the API.
# Extra arguments go to the supervisor (e.g. `npm start -- --infra-only`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
source "$REPO_ROOT/scripts/lib/install.sh"
cd "$REPO_ROOT"

ensure_start_prerequisites
# exec: Ctrl-C and SIGTERM go straight to the supervisor, which stops its children in order.
exec node --import tsx scripts/supervise.ts "$@"
