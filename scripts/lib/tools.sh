# The Temporal time-skipping test server (Java) for workflow tests with long timers (sourced).
# .tools/ is not committed, so this file writes the Maven project and the wrapper, then fetches the jars
# from Maven Central once. Requires scripts/lib/common.sh.

TEMPORAL_TESTING_VERSION=1.31.0
TEST_SERVER_DIR="$REPO_ROOT/.tools/temporal-test-server"

# Writes $2 to file $1 only when it differs, so mtimes (and "is it up to date" checks) stay meaningful.
write_if_changed() {
  if [[ ! -f "$1" ]] || [[ "$(cat "$1")" != "$2" ]]; then
    printf '%s\n' "$2" >"$1"
  fi
}

ensure_test_server() {
  mkdir -p "$TEST_SERVER_DIR"
  write_if_changed "$TEST_SERVER_DIR/pom.xml" "<project xmlns=\"http://maven.apache.org/POM/4.0.0\">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>tts</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>io.temporal</groupId><artifactId>temporal-testing</artifactId><version>$TEMPORAL_TESTING_VERSION</version></dependency>
  </dependencies>
</project>"
  write_if_changed "$TEST_SERVER_DIR/test-server" '#!/bin/sh
# Temporal time-skipping test server; the TypeScript SDK starts it with the port as argument.
exec java -cp "$(dirname "$0")/lib/*" io.temporal.testserver.TestServer "$@"'
  chmod +x "$TEST_SERVER_DIR/test-server"
  export TEMPORAL_TEST_SERVER="$TEST_SERVER_DIR/test-server"

  # The stamp is written only after a complete copy, so an interrupted download is redone.
  local stamp="$TEST_SERVER_DIR/lib/.complete-$TEMPORAL_TESTING_VERSION"
  [[ -f "$stamp" ]] && return 0
  command -v java >/dev/null || die "Java not found: install a JDK 17+ (Debian: apt-get install openjdk-17-jdk-headless)"
  command -v mvn >/dev/null || die "Maven not found: install it (Debian: apt-get install maven)"
  rm -rf "$TEST_SERVER_DIR/lib"
  HINT="Maven could not fetch the Temporal test server: check that this machine reaches Maven Central (repo.maven.apache.org), then run the same command again" \
    run_logged "Temporal test server jars (mvn, first run only)" \
    mvn -q -B -f "$TEST_SERVER_DIR/pom.xml" dependency:copy-dependencies -DoutputDirectory="$TEST_SERVER_DIR/lib"
  touch "$stamp"
}

# schemathesis (the API fuzzer of `npm run fuzz`) in a Python venv under .tools/, from PyPI.
SCHEMATHESIS_VERSION=4.32.5
SCHEMATHESIS_DIR="$REPO_ROOT/.tools/schemathesis"

ensure_schemathesis() {
  local stamp="$SCHEMATHESIS_DIR/.complete-$SCHEMATHESIS_VERSION"
  [[ -f "$stamp" && -x "$SCHEMATHESIS_DIR/bin/st" ]] && return 0
  if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
    [[ $(id -u) -eq 0 ]] || die "Python 3 with its venv module is needed: run 'sudo apt-get install -y python3 python3-venv'"
    local apt_hint="python3-venv could not be installed: run 'apt-get install -y python3 python3-venv' yourself and look at its error"
    HINT=$apt_hint run_logged "apt-get update" apt-get update
    HINT=$apt_hint run_logged "apt-get install python3-venv" env DEBIAN_FRONTEND=noninteractive apt-get install -y python3 python3-venv
  fi
  rm -rf "$SCHEMATHESIS_DIR"
  run_logged "python3 -m venv .tools/schemathesis" python3 -m venv "$SCHEMATHESIS_DIR"
  HINT="pip could not install schemathesis: check that this machine reaches PyPI (pypi.org), then run the same command again" \
    run_logged "pip install schemathesis==$SCHEMATHESIS_VERSION (first run only)" \
    "$SCHEMATHESIS_DIR/bin/pip" install --disable-pip-version-check -q "schemathesis==$SCHEMATHESIS_VERSION"
  touch "$stamp"
}
