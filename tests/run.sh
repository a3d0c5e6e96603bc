#!/usr/bin/env bash
# The test command. Builds the solution in Release, starts one PostgreSQL and one Redis for the whole
# run (tests make their own databases and key prefixes on them), installs the Node packages of
# tests/compat, runs every test assembly, and ends with the line `N passed, N failed[, N skipped]`.
# Exits non-zero when a test failed or a test assembly crashed or gave no result.
# Extra arguments go to `dotnet test`, e.g.: bash tests/run.sh --filter "FullyQualifiedName~Streaming"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=../deploy/local/services.sh
source deploy/local/services.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en

work=$(mktemp -d "${TMPDIR:-/tmp}/fedi-tests.XXXXXX")
chmod 755 "$work" # the postgres user must reach $work/pg
pg_data=$work/pg
redis_dir=$work/redis

cleanup() {
  # Silent: the count line must stay the last line of the output.
  fedi_redis_stop "$redis_dir" >/dev/null 2>&1 || true
  fedi_pg_stop "$pg_data" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail_with_log() { # Usage: fail_with_log MESSAGE LOGFILE
  echo "$1" >&2
  tail -n 60 "$2" >&2
  exit 1
}

# 1. Build.
if ! dotnet build Fedi.sln -c Release -nologo -v q -tl:off >"$work/build.log" 2>&1; then
  echo "Build failed:" >&2
  grep -E ': (error|warning) ' "$work/build.log" | sort -u >&2 || tail -n 60 "$work/build.log" >&2
  exit 1
fi

# 2. One PostgreSQL and one Redis for the whole run; durability off, they die with the run.
if [[ -z $(fedi_pg_bindir) ]]; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql)." >&2
  exit 1
fi
command -v redis-server >/dev/null || { echo "Redis is not installed (apt-get install -y redis-server)." >&2; exit 1; }

fedi_pg_init "$pg_data" --no-sync >"$work/initdb.log" 2>&1 || fail_with_log "initdb failed:" "$work/initdb.log"
pg_port=$(fedi_free_port)
fedi_pg_start "$pg_data" "$pg_port" "$pg_data/postgres.log" \
  "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500" >/dev/null 2>&1 ||
  fail_with_log "PostgreSQL did not start:" "$pg_data/postgres.log"
export FEDI_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"

redis_port=$(fedi_free_port)
fedi_redis_start "$redis_port" "$redis_dir" --save "" --appendonly no
export FEDI_TEST_REDIS_URL="redis://127.0.0.1:$redis_port"

# 3. Node packages of the Mastodon-client compatibility tests (reinstalled only when the lock file changed).
if [[ -f tests/compat/package.json ]]; then
  if ! command -v npm >/dev/null; then
    echo "npm is not installed: the tests in tests/compat cannot run (apt-get install -y nodejs npm)." >&2
  else
    lock_hash=$(cat tests/compat/package.json tests/compat/package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1)
    stamp=tests/compat/node_modules/.fedi-installed
    if [[ ! -f $stamp || $(cat "$stamp") != "$lock_hash" ]]; then
      npm_command=install
      [[ -f tests/compat/package-lock.json ]] && npm_command=ci
      # A failed install fails only the tests that need these packages, not the whole run.
      if (cd tests/compat && npm "$npm_command" --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1; then
        echo "$lock_hash" >"$stamp"
      else
        echo "npm $npm_command in tests/compat failed; the tests that use it will fail:" >&2
        tail -n 20 "$work/npm.log" >&2
      fi
    fi
  fi
fi

# 4. Run every test assembly; show failures and the per-assembly summaries, hide the rest. With
# FEDI_TEST_ECHO_LOGS=1 the console logger is verbose, as that is where the processes' output shows.
verbosity=minimal
[[ ${FEDI_TEST_ECHO_LOGS:-} == 1 ]] && verbosity=normal
noise='^(Test run for |A total of [0-9]+ test files? matched|Results File: |Data collector .Blame. message: All tests finished|Starting test execution|No test matches the given testcase filter|No test is available in|  Skipped |$)'
set +e
dotnet test Fedi.sln -c Release --no-build -tl:off \
  --logger "console;verbosity=$verbosity" --logger trx --results-directory "$work/results" \
  --blame-hang-timeout "${FEDI_TEST_HANG_TIMEOUT:-20m}" --blame-hang-dump-type none \
  "$@" 2>&1 | tee "$work/test.log" | grep --line-buffered -vE "$noise"
test_status=${PIPESTATUS[0]}
set -e

# 5. Add up the results file of each assembly. A crashed or hung test host (or one that left no
# results file at all) counts as one failure.
passed=0 failed=0 skipped=0 problem=0
shopt -s nullglob
results=("$work"/results/*.trx)
count() { sed -nE "s/.* $1=\"([0-9]+)\".*/\1/p" <<<"$counters" | grep . || echo 0; } # Usage: count ATTRIBUTE
for trx in "${results[@]}"; do
  counters=$(grep -o -m 1 '<Counters [^>]*>' "$trx" || true)
  bad=$(($(count failed) + $(count error) + $(count timeout) + $(count aborted)))
  ((passed += $(count passed), failed += bad, skipped += $(count total) - $(count executed))) || true
  outcome=$(sed -nE 's/.*<ResultSummary outcome="([A-Za-z]+)".*/\1/p' "$trx" | head -n 1)
  if grep -q '<RunInfo [^>]*outcome="Error"' "$trx" || [[ $outcome != Completed && $bad -eq 0 ]]; then
    name=$(grep -o -m 1 'Running all tests in [^&<]*' "$trx" | sed 's#.*/##' || true)
    echo "${name:-A test assembly}: the run was aborted (test host crashed or hung, see above)." >&2
    ((failed += 1))
    problem=1
  fi
done
started=$(grep -c '^Test run for ' "$work/test.log" || true)
if ((started == 0)); then
  echo "No test assembly ran." >&2
  tail -n 40 "$work/test.log" >&2
  problem=1
elif ((${#results[@]} < started)); then
  echo "$((started - ${#results[@]})) test assemblies left no results." >&2
  ((failed += started - ${#results[@]}))
  problem=1
elif ((test_status != 0 && failed == 0)); then
  echo "dotnet test exited with code $test_status." >&2
  problem=1
fi

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
((failed == 0 && problem == 0))
