# Small shell helpers for the benches under bench/ (source it; bash only). Everything a helper
# starts is registered with bench_on_exit and stopped by bench_cleanup (call it from a trap).
# Loopback only.

BENCH_PY=${BENCH_PY:-/usr/bin/python3}
BENCH_PGBIN=${BENCH_PGBIN:-/usr/lib/postgresql/15/bin}
_bench_exit_actions=()

# Registers a command to run at exit (last registered runs first).
bench_on_exit() { _bench_exit_actions=("$*" "${_bench_exit_actions[@]}"); }

bench_cleanup() {
  local action
  for action in "${_bench_exit_actions[@]}"; do eval "$action" || true; done
  _bench_exit_actions=()
}

# Stops one process we started (by its id), and waits for it.
bench_stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

# JSON field of stdin: bench_json "d['id']"
bench_json() { $BENCH_PY -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

# curl that fails the run (showing the answer) when the answer is not a 2xx.
bench_api() {
  local body code
  body=$(curl -s -w '\n%{http_code}' "$@")
  code=${body##*$'\n'}; body=${body%$'\n'*}
  [[ "$code" == 2* ]] || { echo "HTTP $code from $*: $body" >&2; return 1; }
  printf '%s' "$body"
}

# Waits until URL answers (any HTTP status when $4 = any, else a 2xx); fails if PID dies first.
bench_wait_http() { # url pid log seconds [any]
  local url=$1 pid=$2 log=$3 seconds=${4:-300} any=${5:-} started code
  started=$(date +%s)
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    if [ -n "$any" ] && [ "$code" != 000 ]; then break; fi
    [[ "$code" == 2* ]] && break
    kill -0 "$pid" 2>/dev/null || { echo "process $pid ended before $url answered; see $log" >&2; tail -20 "$log" >&2; return 1; }
    [ $(( $(date +%s) - started )) -lt "$seconds" ] || { echo "$url did not answer within $seconds s; see $log" >&2; return 1; }
    sleep 0.5
  done
  echo "$url answered after $(( $(date +%s) - started )) s"
}

# A PostgreSQL 15 on 127.0.0.1:PORT: the one already listening there (DESIGN.md "Real services by
# hand"), or a throwaway cluster in DIR (initdb, trust auth, stopped and removed at exit).
bench_pg_start() { # dir port
  local dir=$1 port=$2
  if "$BENCH_PGBIN/pg_isready" -q -h 127.0.0.1 -p "$port"; then
    echo "PostgreSQL already listening on 127.0.0.1:$port: using it"
    return 0
  fi
  rm -rf "$dir"; mkdir -p "$dir"
  local run=()
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$dir"; chmod 700 "$dir"; run=(runuser -u postgres --); fi
  "${run[@]}" "$BENCH_PGBIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  "${run[@]}" "$BENCH_PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200" -w start >/dev/null \
    || { cat "$dir/log" >&2; return 1; }
  bench_on_exit "${run[*]} $BENCH_PGBIN/pg_ctl -D $dir/data -m fast -w stop >/dev/null; rm -rf $dir"
  echo "throwaway PostgreSQL 15 started on 127.0.0.1:$port ($dir)"
}

# CPU seconds (user + system) used so far by these processes (all their threads), summed.
bench_cpu() {
  local total=0 pid f
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] || continue
    f=$(sed -E 's/^.*\) //' "/proc/$pid/stat")
    total=$(( total + $(awk '{print $12 + $13}' <<<"$f") ))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'
}

# The processes of the PostgreSQL cluster in DIR (postmaster and its children), if it is ours.
bench_pg_pids() { # dir
  local pm
  [ -r "$1/data/postmaster.pid" ] || return 0
  pm=$(head -1 "$1/data/postmaster.pid")
  echo "$pm" $(pgrep -P "$pm")
}

# CPU clock ticks (user + system, all threads) used so far by one process; 0 once it is gone.
bench_cpu_ticks() { # pid
  [ -r "/proc/$1/stat" ] || { echo 0; return 0; }
  sed -E 's/^.*\) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}

# A free TCP port on the loopback interface.
bench_free_port() {
  $BENCH_PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# A throwaway Redis on 127.0.0.1:PORT (Debian's redis-server, no persistence), logging to LOG;
# sets BENCH_REDIS_PID; stopped at exit unless bench_stop_pid stops it earlier.
bench_redis_start() { # port log
  local port=$1 log=$2
  [ -x /usr/bin/redis-server ] || { echo "/usr/bin/redis-server is not installed (apt-get install redis-server)" >&2; return 1; }
  /usr/bin/redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
    --protected-mode yes > "$log" 2>&1 &
  BENCH_REDIS_PID=$!
  bench_on_exit "bench_stop_pid $BENCH_REDIS_PID"
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "throwaway Redis started on 127.0.0.1:$port (pid $BENCH_REDIS_PID)"
      return 0
    fi
    kill -0 "$BENCH_REDIS_PID" 2>/dev/null || break
    sleep 0.25
  done
  echo "redis-server did not listen on 127.0.0.1:$port; see $log" >&2
  return 1
}
