#!/usr/bin/env bash
# p95 latency of the usage view (USE-6, goal < 200 ms) for a company with a full year of history:
# 10 000 API keys called every day (3.65 million detail rows) plus 20 applications, seeded with
# bulk SQL (bench/usage/seed-usage.sql, about a minute). Measures the console page (whole period,
# by application and by API key), the CSV export by API key, and the REST endpoint (groupBy=day,
# apiKey over the whole period, apiKey over a part of it, which sums the daily detail).
# Loopback only; every wrk run is bounded in time; what the script starts it stops at exit.
#
#   bench/usage/run-usage.sh                     # throwaway PostgreSQL 15 (or the one on BENCH_PG_PORT)
#   BENCH_KEEP_DATA=1 bench/usage/run-usage.sh   # measure again on the seeded database
#
# Knobs: BENCH_PG_PORT (55442), BENCH_PORT (18083), BENCH_DURATION (15s), BENCH_WARMUP (5s),
# BENCH_CONNECTIONS (2). Results: target/bench-usage/results.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
. bench/lib/bench.sh
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

PG_PORT=${BENCH_PG_PORT:-55442}
PORT=${BENCH_PORT:-18083}
DURATION=${BENCH_DURATION:-15s}
WARMUP=${BENCH_WARMUP:-5s}
CONNECTIONS=${BENCH_CONNECTIONS:-2}
DB=portico_usage
OUT=$PWD/target/bench-usage
JAR=target/portico-0.1.0-SNAPSHOT.jar
BASE="http://127.0.0.1:$PORT"
ACCESS=BenchUsageOperatorKey001
SECRET=BenchUsageOperatorSecret0123456789abcdefAB
ADMIN_EMAIL=bench-usage-admin@bench.test
ADMIN_PASSWORD=bench-usage-admin-password
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres)
mkdir -p "$OUT"

if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
  ./mvnw -B -ntp -o -q package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
fi
bench_pg_start "$OUT/pg" "$PG_PORT"
if [ -z "${BENCH_KEEP_DATA:-}" ]; then
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
  rm -f "$OUT/company.txt"
fi

PORTICO_BOOTSTRAP_OPERATOR_EMAIL=bench-usage-ops@portico.test \
PORTICO_BOOTSTRAP_OPERATOR_PASSWORD=bench-operator-password \
PORTICO_BOOTSTRAP_OPERATOR_KEY="$ACCESS:$SECRET" \
java -Xms512m -Xmx1g -jar "$JAR" \
  --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB" \
  --spring.datasource.username=postgres --spring.datasource.password= \
  --portico.apikeys.key-file="$OUT/apikey.key" \
  --portico.gateway.rate-limit-per-minute=1000000000 \
  --logging.level.root=WARN ${BENCH_SERVER_ARGS:-} > "$OUT/portico.log" 2>&1 &
PORTICO_PID=$!
bench_on_exit bench_stop_pid $PORTICO_PID
bench_wait_http "$BASE/ping" $PORTICO_PID "$OUT/portico.log" 300

# The operator's own key: its calls are never counted (USE-2), so the bench leaves the counters as seeded.
OPERATOR="Authorization: Basic $(printf '%s:%s' "$ACCESS" "$SECRET" | base64 -w0)"
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$OPERATOR" "$BASE/api/users/sessioninfo")" = 200 ] && break
  sleep 0.5
done

if [ ! -f "$OUT/company.txt" ]; then
  company=$(bench_api "$BASE/api/accounts" -H "$OPERATOR" -H 'Content-Type: application/json' -d \
    "{\"type\":\"COMPANY\",\"name\":\"Bench Usage\",\"plan\":\"ENTERPRISE\",\"admin\":{\"email\":\"$ADMIN_EMAIL\",\"name\":\"Bench Admin\",\"password\":\"$ADMIN_PASSWORD\"}}" \
    | bench_json "d['id']")
  admin=$(bench_api "$BASE/api/accounts/$company/users?q=bench-usage-admin" -H "$OPERATOR" | bench_json "d['items'][0]['id']")
  sealed=$("${PSQL[@]}" -d "$DB" -Atc "select secret_sealed from key_api_key where access_key = '$ACCESS'")
  echo "seeding a year of usage for 10 000 keys into $company"
  time "${PSQL[@]}" -d "$DB" -v company="$company" -v admin="$admin" -v sealed="$sealed" -f bench/usage/seed-usage.sql
  echo "$company" > "$OUT/company.txt"
fi
company=$(cat "$OUT/company.txt")
"${PSQL[@]}" -d "$DB" -Atc "select 'detail rows: ' || count(*) from use_counter where account_id = '$company'"

# Console session of the company's admin: the sign-in form, as a browser sends it.
jar="$OUT/cookies.txt"; rm -f "$jar"
csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | $BENCH_PY -c "import re,sys; h=sys.stdin.read(); m=re.search(r'name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"', h); print(m.group(1) or m.group(2))")
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$ADMIN_EMAIL" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
session=$(awk '$6 == "PORTICO_SESSION" {print $7}' "$jar")
[ -n "$session" ] || { echo "console sign-in failed"; exit 1; }
CONSOLE="Cookie: PORTICO_SESSION=$session"

measure() { # name, header, path
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$2" "$BASE$3")
  [ "$code" = 200 ] || { echo "$1: HTTP $code for $3"; exit 1; }
  wrk -t1 -c"$CONNECTIONS" -d"$WARMUP" -H "$2" "$BASE$3" >/dev/null   # warm-up, not counted
  printf '%-40s %s\n' "$1" "$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --timeout 10s -s bench/lists/p95.lua -H "$2" "$BASE$3" | tail -1)" | tee -a "$OUT/results.txt"
}
: > "$OUT/results.txt"
page="/accounts/$company/developer/api-usage"
rest="/api/developer/accounts/$company/usage"
part="from=$(date -u -d '-90 days' +%F)&to=$(date -u -d '-60 days' +%F)"
measure "console page (by application)" "$CONSOLE" "$page"
measure "console page by API key" "$CONSOLE" "$page?by=apiKey"
measure "console page by API key, a month" "$CONSOLE" "$page?by=apiKey&$part"
measure "console CSV by API key (10 000 rows)" "$CONSOLE" "$page/export?by=apiKey"
measure "REST groupBy=day" "$OPERATOR" "$rest"
measure "REST groupBy=apiKey (10 000 rows)" "$OPERATOR" "$rest?groupBy=apiKey"
measure "REST groupBy=endpoint" "$OPERATOR" "$rest?groupBy=endpoint"
measure "REST groupBy=apiKey, a month (detail)" "$OPERATOR" "$rest?groupBy=apiKey&$part"
# Where the month's breakdown spends its time: the detail read alone, in PostgreSQL.
"${PSQL[@]}" -d "$DB" -c "explain (analyze, buffers) select cast(key_id as varchar(64)) as k, sum(calls) as n, count(*) over () as groups from use_counter where account_id = '$company' and call_day >= current_date - 90 and call_day <= current_date - 60 and key_id <> '00000000-0000-0000-0000-000000000000' group by key_id order by n desc, k limit 50" > "$OUT/explain-month.txt"
tail -3 "$OUT/explain-month.txt" | tee -a "$OUT/results.txt"
