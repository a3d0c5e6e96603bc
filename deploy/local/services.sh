# shellcheck shell=bash
# PostgreSQL and Redis as plain processes on loopback, for deploy/local/start.sh and tests/run.sh.
# Source it; every function is prefixed fedi_. PostgreSQL refuses to run as root, so as root its
# programs run as the `postgres` system user (the Debian package creates it), which must own its folder.

# The folder with initdb and pg_ctl: PATH first, else the highest /usr/lib/postgresql/<version>/bin.
fedi_pg_bindir() {
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [[ -n $dir && -x $dir/initdb ]] && echo "$dir"
}

fedi_is_root() { [[ $(id -u) -eq 0 ]]; }

# Runs a PostgreSQL program as the user the server runs as, from / (the caller's folder may be closed to it).
fedi_as_pg() {
  if fedi_is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

# Makes a folder the server's: owned by postgres when root. Usage: fedi_pg_own DIR
fedi_pg_own() {
  mkdir -p "$1"
  chmod 700 "$1"
  if fedi_is_root; then chown -R postgres: "$1"; fi
}

# Can the server's user reach DIR (every folder on the way must be searchable)? Usage: fedi_pg_can_reach DIR
fedi_pg_can_reach() {
  if fedi_is_root; then
    runuser -u postgres -- test -x "$1"
  else
    test -x "$1"
  fi
}

# Usage: fedi_pg_init DATADIR [initdb options…]; trust auth on loopback, superuser `postgres`.
fedi_pg_init() {
  local data=$1
  shift
  fedi_pg_own "$data"
  fedi_as_pg "$(fedi_pg_bindir)/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-locale "$@"
}

# Usage: fedi_pg_start DATADIR PORT LOGFILE [server options, e.g. "-c fsync=off"]
# Listens on 127.0.0.1:PORT, with its unix socket in DATADIR; waits until it accepts connections.
fedi_pg_start() {
  local data=$1 port=$2 log=$3 options=${4:-}
  fedi_as_pg "$(fedi_pg_bindir)/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-p $port -h 127.0.0.1 -k $data $options" start
}

# Usage: fedi_pg_stop DATADIR; fast shutdown (disconnects clients, checkpoints, exits).
fedi_pg_stop() {
  [[ -f $1/postmaster.pid ]] || return 0
  fedi_as_pg "$(fedi_pg_bindir)/pg_ctl" -D "$1" -m fast -w -t 60 stop
}

# Usage: fedi_pg_psql PORT SQL; runs SQL as the superuser on the postgres database.
fedi_pg_psql() {
  fedi_as_pg "$(fedi_pg_bindir)/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$1" -U postgres -d postgres -tA -c "$2"
}

# True when something accepts TCP connections on 127.0.0.1:PORT.
fedi_port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints a random loopback port nothing listens on.
fedi_free_port() {
  local port
  while true; do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    fedi_port_in_use "$port" || { echo "$port"; return; }
  done
}

# True when a Redis on 127.0.0.1:PORT answers PING (no redis-cli needed).
fedi_redis_ping() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'PING\r\n' >&3
    read -r -t 2 reply <&3 && [[ $reply == +PONG* ]]
  ) 2>/dev/null
}

# Usage: fedi_redis_start PORT DIR [redis-server options…]; runs in the background (pid in DIR/redis.pid,
# log in DIR/redis.log) and waits until it answers PING.
fedi_redis_start() {
  local port=$1 dir=$2
  shift 2
  mkdir -p "$dir"
  redis-server --port "$port" --bind 127.0.0.1 --dir "$dir" --daemonize yes \
    --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" "$@"
  local tries=0
  until fedi_redis_ping "$port"; do
    if ((++tries > 100)); then
      echo "Redis did not answer on port $port; its log:" >&2
      tail -n 20 "$dir/redis.log" >&2
      return 1
    fi
    sleep 0.1
  done
}

# Usage: fedi_redis_stop DIR; SHUTDOWN by SIGTERM (saves first when persistence is on), waits for the exit.
fedi_redis_stop() {
  local pidfile=$1/redis.pid pid tries=0
  [[ -f $pidfile ]] || return 0
  pid=$(cat "$pidfile")
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if ((++tries > 300)); then kill -KILL "$pid" 2>/dev/null; break; fi
    sleep 0.1
  done
}
