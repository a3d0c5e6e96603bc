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
      (cd tests/compat && npm "$npm_command" --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1 ||
        fail_with_log "npm $npm_command in tests/compat failed:" "$work/npm.log"
      echo "$lock_hash" >"$stamp"
    fi
  fi
fi

# 4. Run every test assembly; show failures and the per-assembly summaries, hide the rest.
noise='^(Test run for |A total of [0-9]+ test files? matched|Results File: |Data collector .Blame. message: All tests finished|Starting test execution|No test matches the given testcase filter|No test is available in|  Skipped |$)'
set +e
dotnet test Fedi.sln -c Release --no-build -tl:off \
  --results-directory "$work/results" \
  --blame-hang-timeout "${FEDI_TEST_HANG_TIMEOUT:-20m}" --blame-hang-dump-type none \
  "$@" 2>&1 | tee "$work/test.log" | grep --line-buffered -vE "$noise"
test_status=${PIPESTATUS[0]}
set -e

# 5. Add up the per-assembly summaries. An assembly that started but gave no summary (nor "no test
# matches") crashed or hung; it counts as one failure.
passed=0 failed=0 skipped=0
declare -A started=() finished=()
while read -r dll; do started[$dll]=1; done < <(sed -nE 's#^Test run for (.*/)?([^/]+\.dll) \(.*#\2#p' "$work/test.log")
while read -r dll; do finished[$dll]=1; done < <(sed -nE 's#^No test (matches the given testcase filter .* in|is available in) (.*/)?([^/]+\.dll).*#\3#p' "$work/test.log")
while read -r dll p f s; do
  finished[$dll]=1
  ((passed += p, failed += f, skipped += s)) || true
done < <(sed -nE 's#^(Passed|Failed|Skipped)! +- Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+), Total: +[0-9]+, Duration: .* - ([^ ]+\.dll) .*#\5 \3 \2 \4#p' "$work/test.log")

problem=0
for dll in "${!started[@]}"; do
  if [[ -z ${finished[$dll]:-} ]]; then
    echo "$dll gave no result: its test host crashed or hung (see above)." >&2
    ((failed += 1))
    problem=1
  fi
done
if ((${#started[@]} == 0)); then
  echo "No test assembly ran." >&2
  tail -n 40 "$work/test.log" >&2
  problem=1
elif ((test_status != 0 && failed == 0)); then
  echo "dotnet test exited with code $test_status." >&2
  problem=1
fi

summary="$passed passed, $failed failed"
((skipped > 0)) && summary+=", $skipped skipped"
echo "$summary"
((failed == 0 && problem == 0))
