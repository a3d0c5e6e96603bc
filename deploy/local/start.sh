#!/usr/bin/env bash
# Runs Fedi on this machine with one command: PostgreSQL and Redis under a data folder, then the web
# (:3000), streaming (:4000) and worker (health on :9394) processes, their output merged on this console.
# Ctrl-C stops everything; the next start finds all data again.
#
# Settings (all optional):
#   FEDI_DATA_DIR    data folder (default <repo>/data)
#   FEDI_PG_PORT     port of the local PostgreSQL (default 5433); ignored when DATABASE_URL is set
#   FEDI_REDIS_PORT  port of the local Redis (default 6380); ignored when REDIS_URL is set
#   FEDI_WEB_PORT, FEDI_STREAMING_PORT, FEDI_WORKER_PORT  ports of the three processes (3000, 4000, 9394)
#   FEDI_NO_BUILD=1  use the binaries already built instead of building first
#   FEDI_ADMIN_EMAIL e-mail (login) of the admin made on the first run (default admin@localhost)
#   DATABASE_URL, REDIS_URL, LOCAL_DOMAIN, … any Fedi setting (see deploy/fedi.env.sample) is passed on.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
# shellcheck source=services.sh
source deploy/local/services.sh

say() { printf '[start] %s\n' "$*"; }
die() { printf '[start] %s\n' "$*" >&2; exit 1; }

pg_port=${FEDI_PG_PORT:-5433}
redis_port=${FEDI_REDIS_PORT:-6380}
web_port=${FEDI_WEB_PORT:-3000} streaming_port=${FEDI_STREAMING_PORT:-4000} worker_port=${FEDI_WORKER_PORT:-9394}
own_pg=$([[ -z ${DATABASE_URL:-} ]] && echo 1 || echo 0)
own_redis=$([[ -z ${REDIS_URL:-} ]] && echo 1 || echo 0)

# 1. Programs: PostgreSQL, Redis and ffmpeg from apt when missing (as root), .NET from the machine.
command -v dotnet >/dev/null || die "The .NET 10 SDK is missing: see https://learn.microsoft.com/dotnet/core/install/linux-debian"
missing=()
((own_pg)) && [[ -z $(fedi_pg_bindir) ]] && missing+=(postgresql)
((own_redis)) && ! command -v redis-server >/dev/null && missing+=(redis-server)
# Video, audio and animated GIF uploads are converted by ffmpeg; images need nothing (libvips ships with Fedi).
if ! command -v ffmpeg >/dev/null; then
  if fedi_is_root; then missing+=(ffmpeg); else say "ffmpeg is missing: video, audio and GIF uploads will fail (sudo apt-get install -y ffmpeg)."; fi
fi
if ((${#missing[@]} > 0)); then
  if ! fedi_is_root; then
    die "Missing ${missing[*]}. Install with: sudo apt-get install -y ${missing[*]}"
  fi
  say "Installing ${missing[*]} with apt-get…"
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
fi

# 2. The data folder. As root, PostgreSQL runs as `postgres`, which must be able to reach it.
data=${FEDI_DATA_DIR:-$repo/data}
mkdir -p "$data"
if ((own_pg)) && ! fedi_pg_can_reach "$data"; then
  [[ -n ${FEDI_DATA_DIR:-} ]] && die "The postgres user cannot reach $data; choose another FEDI_DATA_DIR."
  data=/var/lib/fedi-local/$(printf '%s' "$repo" | sha256sum | cut -c1-12)
  mkdir -p "$data"
  chmod 755 /var/lib/fedi-local "$data"
  say "The postgres user cannot reach $repo/data, so the data lives in $data."
fi
data=$(cd "$data" && pwd)

# One run per data folder, found out before anything is built or started: the lock is held for as long as
# this script (or a process it started) runs, and the kernel drops it however the run ends.
exec 9>>"$data/start.lock"
flock -n 9 || die "Fedi is already running on $data (another start.sh holds $data/start.lock); stop that one first."
for port in "$web_port" "$streaming_port" "$worker_port"; do
  fedi_port_in_use "$port" && die "Port $port is taken (is Fedi already running?); nothing was started."
done

tier_pids=()
started_pg=0 started_redis=0
cleanup() {
  if ((${#tier_pids[@]} > 0)); then
    say "Stopping web, streaming and worker…"
    kill -TERM "${tier_pids[@]}" 2>/dev/null || true
    local tries=0
    while kill -0 "${tier_pids[@]}" 2>/dev/null && ((tries++ < 300)); do sleep 0.1; done
    kill -KILL "${tier_pids[@]}" 2>/dev/null || true
    wait "${tier_pids[@]}" 2>/dev/null || true
  fi
  if ((started_redis)); then
    say "Stopping Redis (its data is saved in $data/redis)…"
    fedi_redis_stop "$data/redis"
  fi
  if ((started_pg)); then
    say "Stopping PostgreSQL…"
    fedi_pg_stop "$data/postgres" >/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 3. PostgreSQL: created on the first run, reused after.
if ((own_pg)); then
  pg_data=$data/postgres
  if [[ ! -f $pg_data/PG_VERSION ]]; then
    say "Creating a PostgreSQL cluster in $pg_data…"
    fedi_pg_init "$pg_data" >"$data/initdb.log" 2>&1 || { cat "$data/initdb.log" >&2; die "initdb failed."; }
  fi
  if fedi_as_pg "$(fedi_pg_bindir)/pg_ctl" -D "$pg_data" status >/dev/null 2>&1; then
    say "PostgreSQL of $pg_data is already running; using it (and leaving it running)."
  else
    fedi_port_in_use "$pg_port" && die "Port $pg_port is taken; set FEDI_PG_PORT to a free one."
    # 9>&-: the server outlives this run and must not hold its lock.
    fedi_pg_start "$pg_data" "$pg_port" "$pg_data/postgres.log" "-c max_connections=200" >/dev/null 9>&- ||
      { tail -n 30 "$pg_data/postgres.log" >&2; die "PostgreSQL did not start."; }
    started_pg=1
  fi
  if [[ -z $(fedi_pg_psql "$pg_port" "SELECT 1 FROM pg_database WHERE datname = 'fedi'") ]]; then
    fedi_pg_psql "$pg_port" "CREATE ROLE fedi LOGIN PASSWORD 'fedi'" >/dev/null
    fedi_pg_psql "$pg_port" "CREATE DATABASE fedi OWNER fedi" >/dev/null
  fi
  export DATABASE_URL="postgres://fedi:fedi@127.0.0.1:$pg_port/fedi"
fi

# 4. Redis, with an append-only file so feeds and queued jobs survive a restart.
if ((own_redis)); then
  if [[ -f $data/redis/redis.pid ]] && fedi_redis_ping "$redis_port"; then
    say "Redis of $data/redis is already running; using it (and leaving it running)."
  else
    fedi_port_in_use "$redis_port" && die "Port $redis_port is taken; set FEDI_REDIS_PORT to a free one."
    fedi_redis_start "$redis_port" "$data/redis" --appendonly yes 9>&-
    started_redis=1
  fi
  export REDIS_URL="redis://127.0.0.1:$redis_port"
fi

# 5. Build, migrate, and on the first run make an admin.
if [[ ${FEDI_NO_BUILD:-} != 1 ]]; then
  say "Building…"
  dotnet build Fedi.sln -c Release -nologo -v q -tl:off >"$data/build.log" 2>&1 ||
    { grep -E ': error ' "$data/build.log" | sort -u >&2; die "The build failed; the full log is $data/build.log."; }
fi

export LOCAL_DOMAIN=${LOCAL_DOMAIN:-localhost:$web_port}
export STREAMING_API_BASE_URL=${STREAMING_API_BASE_URL:-ws://localhost:$streaming_port}
export LOG_FORMAT=${LOG_FORMAT:-text}
# The local domain is a loopback address, so federation with peers on this machine needs both.
export ALLOWED_PRIVATE_ADDRESSES=${ALLOWED_PRIVATE_ADDRESSES:-127.0.0.0/8, ::1}
export FEDERATION_ALLOW_HTTP=${FEDERATION_ALLOW_HTTP:-true}
export MEDIA_ROOT=${MEDIA_ROOT:-$data/media}
unset PORT
dll() { echo "$repo/$1/bin/Release/net10.0/$1.dll"; }

dotnet "$(dll Fedi.Web)" migrate >"$data/migrate.log" 2>&1 || { cat "$data/migrate.log" >&2; die "migrate failed."; }

admin_email=${FEDI_ADMIN_EMAIL:-admin@localhost}
if [[ ! -f $data/admin-created ]]; then
  if output=$(dotnet "$(dll Fedi.Web)" accounts create admin --email "$admin_email" --admin 2>&1) &&
    password=$(sed -nE 's/^[[:space:]]*password:[[:space:]]*(.+)$/\1/p' <<<"$output" | head -n 1) && [[ -n $password ]]; then
    line=$(printf '%*s' 60 '' | tr ' ' '=')
    printf '\n%s\n  Admin account (shown this once; change the password after signing in)\n' "$line"
    printf '    login:     %s\n    username:  admin\n    password:  %s\n' "$admin_email" "$password"
    printf '    web:       http://%s\n%s\n\n' "$LOCAL_DOMAIN" "$line"
    date -u +%FT%TZ >"$data/admin-created"
  else
    say "Could not create the admin account (the next start tries again):"
    printf '%s\n' "$output" >&2
  fi
fi

# 6. The three processes, one console. Each line is prefixed with its process's name.
for port in "$web_port" "$streaming_port" "$worker_port"; do
  fedi_port_in_use "$port" && die "Port $port is taken (is Fedi already running?)."
done
start_tier() { # Usage: start_tier NAME PROJECT PORT
  # The prefixer ignores Ctrl-C so that it still relays the process's last lines while it stops.
  PORT=$3 dotnet "$(dll "$2")" > >(trap '' INT TERM; exec sed -u "s/^/[$1] /") 2>&1 &
  tier_pids+=($!)
  tier_names[$!]=$1
}
declare -A tier_names=()
start_tier web Fedi.Web "$web_port"
start_tier streaming Fedi.Streaming "$streaming_port"
start_tier worker Fedi.Worker "$worker_port"
say "Fedi is starting on http://$LOCAL_DOMAIN (streaming :$streaming_port, worker health :$worker_port). Ctrl-C stops it."
say "Federation: plain http and loopback peers allowed ($ALLOWED_PRIVATE_ADDRESSES), for local use only."

# 7. Run until Ctrl-C/SIGTERM, or until one process exits on its own (then stop the rest and fail).
stop_requested=0
trap 'stop_requested=1' INT TERM
set +e
wait -n -p exited "${tier_pids[@]}"
status=$?
set -e
if ((stop_requested)); then
  exit 0
fi
say "${tier_names[$exited]:-a process} exited with code $status; stopping the others."
exit 1
