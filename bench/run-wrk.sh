#!/usr/bin/env bash
# API-call throughput and CPU per call as ratios to the same server's unauthenticated baseline, in
# one run, with metering on (issues 9 and 12). Starts Portico from the built jar once per nonce
# store (--portico.gateway.nonce-store=memory|redis|database; for redis beside a throwaway
# redis-server on a free loopback port), each time on a fresh database (H2 by default, or
# PostgreSQL when BENCH_DB_URL is set), creates a company whose admin holds an API key and an
# OAuth token of a company app (both metered, USE-2), pre-signs requests, then alternates wrk runs
# of GET /ping (baseline) and GET /api/users/sessioninfo with each credential:
#   signed    the member key, signed (KEY-5): metered, nonce through the server's nonce store
#   bearer    the company app's access token (API-1): metered          } on the first store's
#   basic     the member key with Basic (KEY-6): metered, no nonce      } server only (they do
#   operator  the operator's own key with Basic: NOT metered (USE-2)    } not use the nonce store)
# All go through the same wrk Lua script with the same headers, so the client costs the same and
# the ratios are the server's. The Portico process's CPU time (utime + stime, /proc/PID/stat) is
# read before and after each wrk run and divided by the requests wrk completed. Loopback only;
# stops by itself (everything it started is stopped at exit). Summary: target/bench/summary.txt.
#
#   bench/run-wrk.sh                                  # H2 embedded default, ~7–9 min
#   BENCH_DURATION=5s BENCH_ROUNDS=1 bench/run-wrk.sh # a quick check that it works
#   BENCH_DB_URL=jdbc:postgresql://127.0.0.1:55432/portico BENCH_DB_USER=postgres bench/run-wrk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/bench.sh
. bench/lib/portico.sh
. bench/lib/gateway.sh

PORT=${BENCH_PORT:-18080}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-15s}
# every server gets at least this much warm-up in all (its modes repeated): a server measuring two
# modes after 2 × 15 s was still JIT-compiling, and its baseline came out at half the first one's
WARMUP_TOTAL=${BENCH_WARMUP_TOTAL:-75s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
ROUNDS=${BENCH_ROUNDS:-3}
seconds() { case $1 in *m) echo $(( ${1%m} * 60 )) ;; *s) echo "${1%s}" ;; *) echo "$1" ;; esac; }
# fresh nonces for 50 000 calls a second per run (a run that runs out answers 401: non-2xx)
REQUESTS=${BENCH_REQUESTS_COUNT:-$(( $(seconds "$DURATION") * 50000 > 200000 ? $(seconds "$DURATION") * 50000 : 200000 ))}
STORES=${BENCH_STORES:-memory redis database}
read -r -a STORE_LIST <<<"$STORES"
OTHERS_ON=${STORE_LIST[0]} # the server that also measures bearer, basic and operator
OUT=target/bench
ACCESS=BenchOperatorAccessKey01
SECRET=BenchOperatorSecretKey0123456789abcdefABCDEF
BASE="http://127.0.0.1:$PORT"
OPERATOR="Authorization: $(bench_basic "$ACCESS" "$SECRET")"
rm -rf "$OUT" && mkdir -p "$OUT"
trap bench_cleanup EXIT

# Rebuild when the jar is missing or older than the sources: never measure a stale build.
if [ ! -f target/portico-0.1.0-SNAPSHOT.jar ] || [ -n "$(find src pom.xml -newer target/portico-0.1.0-SNAPSHOT.jar -print -quit)" ]; then
  ./mvnw -B -ntp -o -q package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
fi

# Starts Portico with this nonce store (and these extra arguments) on a fresh database; sets SERVER.
start_portico() { # store [argument …]
  local store=$1; shift
  local db=(--spring.datasource.url="jdbc:h2:file:$PWD/$OUT/$store/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE")
  if [ -n "${BENCH_DB_URL:-}" ]; then
    db=(--spring.datasource.url="$BENCH_DB_URL" --spring.datasource.username="${BENCH_DB_USER:-postgres}" --spring.datasource.password="${BENCH_DB_PASSWORD:-}")
  fi
  PORTICO_BOOTSTRAP_OPERATOR_EMAIL=bench-ops@portico.test \
  PORTICO_BOOTSTRAP_OPERATOR_PASSWORD=bench-operator-password \
  PORTICO_BOOTSTRAP_OPERATOR_KEY="$ACCESS:$SECRET" \
  java -Xms512m -Xmx1g ${BENCH_JAVA_OPTS:-} -jar target/portico-0.1.0-SNAPSHOT.jar \
    --server.port="$PORT" --server.address=127.0.0.1 "${db[@]}" \
    --portico.apikeys.key-file="$OUT/apikey.key" \
    --portico.gateway.rate-limit-per-minute=1000000000 \
    --portico.gateway.nonce-store="$store" "$@" \
    --logging.level.root=WARN ${BENCH_SERVER_ARGS:-} > "$OUT/$store/server.log" 2>&1 &
  SERVER=$!
  bench_on_exit "bench_stop_pid $SERVER"
  bench_wait_http "$BASE/ping" "$SERVER" "$OUT/$store/server.log" 300
  bench_wait_operator_key "$BASE" "$OPERATOR"
}

mode_env() { # mode → the env of signed.lua, in MODE_ENV
  case $1 in
    baseline) MODE_ENV=(BENCH_BASELINE=1) ;; signed) MODE_ENV=() ;;
    bearer) MODE_ENV=("BENCH_BASIC=$BEARER") ;;
    basic) MODE_ENV=("BENCH_BASIC=$(bench_basic "$MEMBER_ACCESS" "$MEMBER_SECRET")") ;;
    operator) MODE_ENV=("BENCH_BASIC=$(bench_basic "$ACCESS" "$SECRET")") ;;
  esac
}

# One wrk run into FILE, with the CPU ticks Portico (and Redis, if any) spent during it appended.
run() { # file duration [NAME=value …]
  local file=$1 duration=$2 before redis_before; shift 2
  before=$(bench_cpu_ticks "$SERVER"); redis_before=$(bench_cpu_ticks "${REDIS_PID:-0}")
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s bench/wrk/signed.lua "$BASE" > "$file"
  echo "server_cpu_ticks $(( $(bench_cpu_ticks "$SERVER") - before ))" >> "$file"
  echo "redis_cpu_ticks $(( $(bench_cpu_ticks "${REDIS_PID:-0}") - redis_before ))" >> "$file"
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
non2xx() { awk '/Non-2xx/ {n = $5} END {print n + 0}' "$1"; }

measure() { # store mode …
  local store=$1 mode r; shift
  export BENCH_REQUESTS="$OUT/$store/requests.tsv" BENCH_THREADS="$THREADS"
  sign() { java bench/wrk/SignRequests.java "$MEMBER_ACCESS" "$MEMBER_SECRET" /api/users/sessioninfo "$REQUESTS" "$BENCH_REQUESTS"; }
  echo "[$store] warm-up (not counted)"
  local passes=$(( ($(seconds "$WARMUP_TOTAL") + $# * $(seconds "$WARMUP") - 1) / ($# * $(seconds "$WARMUP")) )) pass
  for pass in $(seq 1 "$passes"); do
    sign
    for mode in "$@"; do mode_env "$mode"; run "$OUT/$store/warmup-$mode-$pass.txt" "$WARMUP" "${MODE_ENV[@]}"; done
  done
  for round in $(seq 1 "$ROUNDS"); do
    sign # fresh nonces for every round
    line="[$store] round $round:"
    for mode in "$@"; do
      mode_env "$mode"
      r="$OUT/$store/$mode-$round.txt"
      run "$r" "$DURATION" "${MODE_ENV[@]}"
      line="$line $mode $(rps "$r")/s (non-2xx $(non2xx "$r"))"
    done
    echo "$line"
  done
}

printf '%s\n' "${STORE_LIST[@]}" > "$OUT/stores.txt"
for store in "${STORE_LIST[@]}"; do
  mkdir -p "$OUT/$store"
  args=(); REDIS_PID=
  if [ "$store" = redis ]; then
    rport=$(bench_free_port)
    bench_redis_start "$rport" "$OUT/redis/redis-server.log"
    REDIS_PID=$BENCH_REDIS_PID
    args=(--spring.data.redis.url="redis://127.0.0.1:$rport")
  fi
  echo "[$store] starting Portico with --portico.gateway.nonce-store=$store ${args[*]}"
  start_portico "$store" "${args[@]}"
  bench_gateway_credentials "$BASE" "$OPERATOR" "$store-$$" "$OUT/$store/cookies.txt" \
    || { echo "setup failed; see $OUT/$store/server.log" >&2; exit 1; }
  COMPANIES="${COMPANIES:-} $COMPANY"
  modes=(baseline signed)
  if [ "$store" = "$OTHERS_ON" ]; then modes=(baseline signed bearer basic operator); fi
  measure "$store" "${modes[@]}"
  if [ -n "$REDIS_PID" ]; then
    echo "keys in Redis after the run: $(redis-cli -p "$rport" dbsize 2>/dev/null || echo '?')" > "$OUT/$store/note.txt"
  fi
  bench_stop_pid "$SERVER"
  if [ -n "$REDIS_PID" ]; then bench_stop_pid "$REDIS_PID"; fi
  REDIS_PID=
done

# The summary (bench/wrk/summary.sh, from the files above): each mode against the baseline of its
# own server, by req/s and by CPU per call.
echo "wrk -t$THREADS -c$CONNECTIONS, $ROUNDS round(s) of $DURATION per mode (warm-up $WARMUP per mode, at least $WARMUP_TOTAL per server); database: ${BENCH_DB_URL:-H2 file}; $(date -u '+%F %H:%M UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)" > "$OUT/settings.txt"
{
  bench/wrk/summary.sh "$OUT"
  if [ -n "${BENCH_DB_URL:-}" ] && command -v psql > /dev/null; then
    for c in $COMPANIES; do
      echo "stored usage of bench company $c: $(psql -X -qtA "${BENCH_DB_URL#jdbc:}" -U "${BENCH_DB_USER:-postgres}" \
        -c "select coalesce(sum(calls), 0) from use_day_total where account_id = '$c'" 2>/dev/null || echo '?')"
    done
  fi
} | tee "$OUT/summary.txt"
