#!/usr/bin/env bash
# Signed-call throughput as a ratio to the same server's unauthenticated baseline, in one run.
# Starts Portico from the built jar on a fresh database (H2 by default, or PostgreSQL when
# BENCH_DB_URL is set), pre-signs requests, then alternates wrk runs of GET /ping (baseline) and
# GET /api/users/sessioninfo signed with an API key (KEY-5). Both go through the same wrk Lua
# script with the same headers, so the client costs the same and the ratio is the server's.
# Loopback only; stops by itself.
#
#   bench/run-wrk.sh                 # H2 embedded default
#   BENCH_DB_URL=jdbc:postgresql://127.0.0.1:55432/portico BENCH_DB_USER=postgres bench/run-wrk.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${BENCH_PORT:-18080}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
THREADS=${BENCH_THREADS:-2}
ROUNDS=${BENCH_ROUNDS:-3}
REQUESTS=${BENCH_REQUESTS_COUNT:-1500000}
OUT=target/bench
ACCESS=BenchOperatorAccessKey01
SECRET=BenchOperatorSecretKey0123456789abcdefABCDEF
rm -rf "$OUT" && mkdir -p "$OUT"

[ -f target/portico-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -DskipTests package

DB_ARGS=(--spring.datasource.url="jdbc:h2:file:$PWD/$OUT/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=DAY;DB_CLOSE_ON_EXIT=FALSE")
if [ -n "${BENCH_DB_URL:-}" ]; then
  DB_ARGS=(--spring.datasource.url="$BENCH_DB_URL" --spring.datasource.username="${BENCH_DB_USER:-postgres}" --spring.datasource.password="${BENCH_DB_PASSWORD:-}")
fi

PORTICO_BOOTSTRAP_OPERATOR_EMAIL=bench-ops@portico.test \
PORTICO_BOOTSTRAP_OPERATOR_PASSWORD=bench-operator-password \
PORTICO_BOOTSTRAP_OPERATOR_KEY="$ACCESS:$SECRET" \
java -Xms512m -Xmx1g -jar target/portico-0.1.0-SNAPSHOT.jar \
  --server.port="$PORT" --server.address=127.0.0.1 "${DB_ARGS[@]}" \
  --portico.apikeys.key-file="$OUT/apikey.key" \
  --portico.gateway.rate-limit-per-minute=1000000000 \
  --logging.level.root=WARN ${BENCH_SERVER_ARGS:-} > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/ping" >/dev/null && break
  sleep 0.5
done

java bench/wrk/SignRequests.java "$ACCESS" "$SECRET" /api/users/sessioninfo "$REQUESTS" "$OUT/requests.tsv"
export BENCH_REQUESTS="$OUT/requests.tsv" BENCH_THREADS="$THREADS"

check=$(head -1 "$OUT/requests.tsv")
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/users/sessioninfo" \
  -H "Date: $(cut -f2 <<<"$check")" -H "On-Nonce: warmup$(date +%s%N)" -H "Content-Type: application/json" \
  -H "Authorization: Basic $(printf '%s:%s' "$ACCESS" "$SECRET" | base64 -w0)")
[ "$code" = 200 ] || { echo "API key does not work (HTTP $code); see $OUT/server.log"; exit 1; }

echo "warm-up (not counted)"
BENCH_BASELINE=1 wrk -t"$THREADS" -c"$CONNECTIONS" -d"${BENCH_WARMUP:-15s}" -s bench/wrk/signed.lua "http://127.0.0.1:$PORT" >/dev/null
BENCH_REQUESTS="$OUT/requests.tsv" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${BENCH_WARMUP:-15s}" -s bench/wrk/signed.lua "http://127.0.0.1:$PORT" > "$OUT/warmup-signed.txt"
# the warm-up used nonces from the start of the file: sign a fresh set for the measured rounds
java bench/wrk/SignRequests.java "$ACCESS" "$SECRET" /api/users/sessioninfo "$REQUESTS" "$OUT/requests.tsv"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
non2xx() { awk '/Non-2xx/ {print $5}' "$1"; }
base_total=0; signed_total=0
for round in $(seq 1 "$ROUNDS"); do
  BENCH_BASELINE=1 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/wrk/signed.lua "http://127.0.0.1:$PORT" > "$OUT/baseline-$round.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/wrk/signed.lua "http://127.0.0.1:$PORT" > "$OUT/signed-$round.txt"
  b=$(rps "$OUT/baseline-$round.txt"); s=$(rps "$OUT/signed-$round.txt")
  echo "round $round: baseline /ping ${b} req/s, signed sessioninfo ${s} req/s, non-2xx signed: $(non2xx "$OUT/signed-$round.txt"; true)"
  base_total=$(awk -v a="$base_total" -v b="$b" 'BEGIN {print a + b}')
  signed_total=$(awk -v a="$signed_total" -v b="$s" 'BEGIN {print a + b}')
  # fresh nonces for the next round
  [ "$round" = "$ROUNDS" ] || java bench/wrk/SignRequests.java "$ACCESS" "$SECRET" /api/users/sessioninfo "$REQUESTS" "$OUT/requests.tsv"
done
awk -v s="$signed_total" -v b="$base_total" 'BEGIN {printf "signed / baseline throughput: %.1f %%\n", 100 * s / b}' | tee "$OUT/ratio.txt"

# For reference: the same key with Basic (KEY-6), i.e. the credential check without the shared
# nonce store, against one more baseline round.
BENCH_BASELINE=1 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/wrk/signed.lua "http://127.0.0.1:$PORT" > "$OUT/baseline-basic.txt"
BENCH_BASIC="Basic $(printf '%s:%s' "$ACCESS" "$SECRET" | base64 -w0)" \
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" -s bench/wrk/signed.lua "http://127.0.0.1:$PORT" > "$OUT/basic.txt"
echo "reference: baseline $(rps "$OUT/baseline-basic.txt") req/s, Basic-key sessioninfo $(rps "$OUT/basic.txt") req/s, non-2xx: $(non2xx "$OUT/basic.txt"; true)"
awk -v s="$(rps "$OUT/basic.txt")" -v b="$(rps "$OUT/baseline-basic.txt")" 'BEGIN {printf "basic / baseline throughput: %.1f %%\n", 100 * s / b}' | tee -a "$OUT/ratio.txt"
