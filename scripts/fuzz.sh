#!/usr/bin/env bash
# npm run fuzz: schemathesis against the served OpenAPI document as each role (test/fuzz/run.ts).
# Installs what is missing (schemathesis into .tools/schemathesis, the Temporal CLI, PostgreSQL binaries),
# starts a stack of its own and stops it. Settings: FUZZ_EXAMPLES, FUZZ_SEED, FUZZ_ROLES, FUZZ_WORKERS.
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
ensure_schemathesis

say "▶ tsx test/fuzz/run.ts"
exec tsx test/fuzz/run.ts
