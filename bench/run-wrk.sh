#!/usr/bin/env bash
# API-call throughput as ratios to the same server's unauthenticated baseline, in one run, with
# metering on (issue 9). Starts Portico from the built jar on a fresh database (H2 by default, or
# PostgreSQL when BENCH_DB_URL is set), creates a company whose admin holds an API key and an
# OAuth token of a company app (both metered, USE-2), pre-signs requests, then alternates wrk runs
# of GET /ping (baseline) and GET /api/users/sessioninfo with each credential:
#   signed    the member key, signed (KEY-5): metered, nonce written to the shared store
#   bearer    the company app's access token (API-1): metered
#   basic     the member key with Basic (KEY-6): metered, no nonce store
#   operator  the operator's own key with Basic: NOT metered (USE-2), i.e. "basic" minus metering
# All go through the same wrk Lua script with the same headers, so the client costs the same and
# the ratios are the server's. Loopback only; stops by itself.
#
#   bench/run-wrk.sh                 # H2 embedded default
#   BENCH_DB_URL=jdbc:postgresql://127.0.0.1:55432/portico BENCH_DB_USER=postgres bench/run-wrk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/bench.sh
. bench/lib/portico.sh

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

# Rebuild when the jar is missing or older than the sources: never measure a stale build.
if [ ! -f target/portico-0.1.0-SNAPSHOT.jar ] || [ -n "$(find src pom.xml -newer target/portico-0.1.0-SNAPSHOT.jar -print -quit)" ]; then
  ./mvnw -B -ntp -o -q package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
fi

DB_ARGS=(--spring.datasource.url="jdbc:h2:file:$PWD/$OUT/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE")
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

export BENCH_REQUESTS="$OUT/requests.tsv" BENCH_THREADS="$THREADS"
for _ in $(seq 1 240); do # the bootstrap key is created just after start-up
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/users/sessioninfo" \
    -H "Authorization: Basic $(printf '%s:%s' "$ACCESS" "$SECRET" | base64 -w0)")
  [ "$code" = 200 ] && break
  sleep 0.5
done
[ "$code" = 200 ] || { echo "operator key does not work (HTTP $code); see $OUT/server.log"; exit 1; }

basic() { printf 'Basic %s' "$(printf '%s:%s' "$1" "$2" | base64 -w0)"; }
enc() { $BENCH_PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
BASE="http://127.0.0.1:$PORT"
OPERATOR="Authorization: $(basic "$ACCESS" "$SECRET")"
REDIRECT=https://bench.example.com/oauth/callback
ADMIN_EMAIL=bench-admin@bench.test ADMIN_PASSWORD=bench-admin-password
# A company with an allocation no run reaches, its admin, the admin's API key and a company app
# assigned to the admin, with one access token from the code flow.
COMPANY=$(bench_api "$BASE/api/accounts" -H "$OPERATOR" -H 'Content-Type: application/json' -d \
  "{\"type\":\"COMPANY\",\"name\":\"Bench Metering\",\"plan\":\"PROFESSIONAL\",\"admin\":{\"email\":\"$ADMIN_EMAIL\",\"name\":\"Bench Admin\",\"password\":\"$ADMIN_PASSWORD\"}}" \
  | bench_json "d['id']")
bench_api -X PATCH "$BASE/api/accounts/$COMPANY" -H "$OPERATOR" -H 'Content-Type: application/json' \
  -d '{"allocationOverride":1000000000000}' > /dev/null
ADMIN_ID=$(bench_api "$BASE/api/accounts/$COMPANY/users?q=$(enc "$ADMIN_EMAIL")" -H "$OPERATOR" | bench_json "d['items'][0]['id']")
KEY=$(bench_api "$BASE/api/developer/accounts/$COMPANY/api-keys" -H "$OPERATOR" -H 'Content-Type: application/json' \
  -d "{\"name\":\"bench member key\",\"userId\":\"$ADMIN_ID\",\"scopes\":[\"OAuth2Read\"]}")
MEMBER_ACCESS=$(bench_json "d['accessKey']" <<<"$KEY"); MEMBER_SECRET=$(bench_json "d['secretKey']" <<<"$KEY")
APP=$(bench_api "$BASE/api/developer/accounts/$COMPANY/applications" -H "$OPERATOR" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench Metering App\",\"primaryFormat\":\"com.example.benchmetering\",\"summary\":\"Metering benchmark\",
       \"redirectUrls\":[\"$REDIRECT\"],\"type\":\"INTEGRATED_CLOUD\",\"scopes\":[\"OAuth2Read\"]}")
bench_api "$BASE/api/developer/applications/$(bench_json "d['id']" <<<"$APP")/users" -H "$OPERATOR" \
  -H 'Content-Type: application/json' -d "{\"userIds\":[\"$ADMIN_ID\"]}" > /dev/null
CLIENT_ID=$(bench_json "d['clientId']" <<<"$APP"); CLIENT_SECRET=$(bench_json "d['clientSecret']" <<<"$APP")
bench_console_signin "$BASE" "$ADMIN_EMAIL" "$ADMIN_PASSWORD" "$OUT/cookies.txt" > /dev/null
CODE=$(bench_portico_code "$BASE" "$OUT/cookies.txt" \
  "/oauth/authorize?response_type=code&client_id=$(enc "$CLIENT_ID")&redirect_uri=$(enc "$REDIRECT")&scope=OAuth2Read&state=bench" "$REDIRECT")
TOKEN=$(bench_api "$BASE/oauth/token" -H "Authorization: $(basic "$(enc "$CLIENT_ID")" "$(enc "$CLIENT_SECRET")")" \
  -d "grant_type=authorization_code&code=$CODE&redirect_uri=$(enc "$REDIRECT")" | bench_json "d['access_token']")
BEARER="Bearer $TOKEN"
MEMBER_BASIC=$(basic "$MEMBER_ACCESS" "$MEMBER_SECRET")
OPERATOR_BASIC=$(basic "$ACCESS" "$SECRET")
sign() { java bench/wrk/SignRequests.java "$MEMBER_ACCESS" "$MEMBER_SECRET" /api/users/sessioninfo "$REQUESTS" "$OUT/requests.tsv"; }
for auth in "$BEARER" "$MEMBER_BASIC"; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $auth" "$BASE/api/users/sessioninfo")
  [ "$code" = 200 ] || { echo "credential does not work (HTTP $code); see $OUT/server.log"; exit 1; }
done

# one wrk run: label, then env for signed.lua
run() { # file [NAME=value …]
  local file=$1; shift
  env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/wrk/signed.lua "$BASE" > "$file"
}
rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
non2xx() { awk '/Non-2xx/ {print $5}' "$1"; }

echo "warm-up (not counted)"
sign
for mode in baseline signed bearer basic operator; do
  case $mode in
    baseline) e=(BENCH_BASELINE=1) ;; signed) e=() ;; bearer) e=("BENCH_BASIC=$BEARER") ;;
    basic) e=("BENCH_BASIC=$MEMBER_BASIC") ;; operator) e=("BENCH_BASIC=$OPERATOR_BASIC") ;;
  esac
  DURATION=${BENCH_WARMUP:-10s} run "$OUT/warmup-$mode.txt" "${e[@]}"
done

declare -A total
for round in $(seq 1 "$ROUNDS"); do
  sign # fresh nonces for every round
  line="round $round:"
  for mode in baseline signed bearer basic operator; do
    case $mode in
      baseline) e=(BENCH_BASELINE=1) ;; signed) e=() ;; bearer) e=("BENCH_BASIC=$BEARER") ;;
      basic) e=("BENCH_BASIC=$MEMBER_BASIC") ;; operator) e=("BENCH_BASIC=$OPERATOR_BASIC") ;;
    esac
    run "$OUT/$mode-$round.txt" "${e[@]}"
    r=$(rps "$OUT/$mode-$round.txt")
    total[$mode]=$(awk -v a="${total[$mode]:-0}" -v b="$r" 'BEGIN {print a + b}')
    line="$line $mode ${r}/s (non-2xx $(non2xx "$OUT/$mode-$round.txt"; true))"
  done
  echo "$line"
done
for mode in signed bearer basic operator; do
  awk -v s="${total[$mode]}" -v b="${total[baseline]}" -v m="$mode" \
    'BEGIN {printf "%-8s / baseline throughput: %.1f %%\n", m, 100 * s / b}'
done | tee "$OUT/ratio.txt"
awk -v m="${total[basic]}" -v o="${total[operator]}" \
  'BEGIN {printf "metering cost (basic metered vs operator unmetered): %.1f %% of throughput\n", 100 * (o - m) / o}' | tee -a "$OUT/ratio.txt"
if [ -n "${BENCH_DB_URL:-}" ] && command -v psql > /dev/null; then
  echo "stored usage of the bench company: $(psql -X -qtA "${BENCH_DB_URL#jdbc:}" -U "${BENCH_DB_USER:-postgres}" \
    -c "select coalesce(sum(calls), 0) from use_day_total where account_id = '$COMPANY'" 2>/dev/null || echo '?')"
fi
