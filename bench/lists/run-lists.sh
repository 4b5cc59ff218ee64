#!/usr/bin/env bash
# p95 latency of the big lists: one company with 100 000 users, 1 000 000 API keys and 100 000
# OAuth applications on PostgreSQL, measured on the console's Users, API keys, Developer and OAuth
# applications pages and on their REST lists, and (for the application lists) on their SQL alone.
# Loopback only; every wrk run is bounded in time. Needs a PostgreSQL you can reach as a superuser
# (DESIGN.md "Real services by hand" starts one on 127.0.0.1:55432).
#
#   bench/lists/run-lists.sh                      # fresh database, seed, measure
#   BENCH_KEEP_DATA=1 bench/lists/run-lists.sh    # measure again on the seeded database
#   BENCH_ONLY=apps bench/lists/run-lists.sh      # seed everything, measure the application lines only
set -euo pipefail
cd "$(dirname "$0")/../.."

PORT=${BENCH_PORT:-18081}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-55432}
PG_USER=${BENCH_PG_USER:-postgres}
DB=${BENCH_DB:-portico_lists}
DURATION=${BENCH_DURATION:-20s}
CONNECTIONS=${BENCH_CONNECTIONS:-2}
OUT=target/bench-lists
BASE="http://127.0.0.1:$PORT"
ACCESS=BenchListsOperatorKey001
SECRET=BenchListsOperatorSecret0123456789abcdefABCD
ADMIN_EMAIL=bench-admin@bench.test
ADMIN_PASSWORD=bench-admin-password
PSQL=(psql -X -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER")
PY=/usr/bin/python3
mkdir -p "$OUT"

[ -f target/portico-0.1.0-SNAPSHOT.jar ] || ./mvnw -B -q -DskipTests package

if [ -z "${BENCH_KEEP_DATA:-}" ]; then
  "${PSQL[@]}" -d postgres -c "drop database if exists $DB" -c "create database $DB"
  rm -f "$OUT/company.txt" "$OUT/admin-key.txt"
fi

PORTICO_BOOTSTRAP_OPERATOR_EMAIL=bench-lists-ops@portico.test \
PORTICO_BOOTSTRAP_OPERATOR_PASSWORD=bench-operator-password \
PORTICO_BOOTSTRAP_OPERATOR_KEY="$ACCESS:$SECRET" \
java -Xms512m -Xmx2g -jar target/portico-0.1.0-SNAPSHOT.jar \
  --server.port="$PORT" --server.address=127.0.0.1 \
  --spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" \
  --spring.datasource.username="$PG_USER" --spring.datasource.password= \
  --portico.apikeys.key-file="$OUT/apikey.key" \
  --portico.gateway.rate-limit-per-minute=1000000000 \
  --logging.level.root=WARN ${BENCH_SERVER_ARGS:-} > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
started=$(date +%s)
for _ in $(seq 1 600); do
  curl -sf "$BASE/ping" >/dev/null && break
  kill -0 $SERVER 2>/dev/null || { echo "Portico did not start; see $OUT/server.log"; exit 1; }
  sleep 0.5
done
echo "Portico answered after $(( $(date +%s) - started )) s"

OPERATOR="Authorization: Basic $(printf '%s:%s' "$ACCESS" "$SECRET" | base64 -w0)"
json() { $PY -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
api() { # curl that shows the answer when it is not a 2xx
  local body code
  body=$(curl -s -w '\n%{http_code}' "$@")
  code=${body##*$'\n'}; body=${body%$'\n'*}
  [[ "$code" == 2* ]] || { echo "HTTP $code from $*: $body" >&2; exit 1; }
  printf '%s' "$body"
}

# start-up data (the bootstrap operator and its key) may come a moment after the first answer
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$OPERATOR" "$BASE/api/users/sessioninfo")" = 200 ] && break
  sleep 0.5
done

if [ ! -f "$OUT/company.txt" ]; then
  company=$(api "$BASE/api/accounts" -H "$OPERATOR" -H 'Content-Type: application/json' -d \
    "{\"type\":\"COMPANY\",\"name\":\"Bench Lists\",\"plan\":\"PROFESSIONAL\",\"admin\":{\"email\":\"$ADMIN_EMAIL\",\"name\":\"Bench Admin\",\"password\":\"$ADMIN_PASSWORD\"}}" \
    | json "d['id']")
  admin=$(api "$BASE/api/accounts/$company/users?q=bench-admin" -H "$OPERATOR" | json "d['items'][0]['id']")
  api "$BASE/api/developer/accounts/$company/api-keys" -H "$OPERATOR" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench admin\",\"userId\":\"$admin\",\"scopes\":[\"OAuth2Read\"]}" \
    | json "d['accessKey'] + ':' + d['secretKey']" > "$OUT/admin-key.txt"
  sealed=$("${PSQL[@]}" -d "$DB" -Atc "select secret_sealed from key_api_key where access_key = '$(cut -d: -f1 "$OUT/admin-key.txt")'")
  echo "seeding 100 000 users and 1 000 000 keys into $company"
  time "${PSQL[@]}" -d "$DB" -v company="$company" -v sealed="$sealed" -f bench/lists/seed.sql
  echo "$company" > "$OUT/company.txt"
fi
company=$(cat "$OUT/company.txt")
apps=$("${PSQL[@]}" -d "$DB" -Atc "select coalesce((select app_count from app_account_count where account_id = '$company'), 0)")
if [ "$apps" -lt 100000 ]; then
  echo "seeding 100 000 OAuth applications into $company"
  time "${PSQL[@]}" -d "$DB" -v company="$company" -f bench/lists/seed-applications.sql
fi
ADMIN="Authorization: Basic $(base64 -w0 < <(tr -d '\n' < "$OUT/admin-key.txt"))"

# Console session of the company's admin: the sign-in form, as a browser sends it.
jar="$OUT/cookies.txt"; rm -f "$jar"
csrf=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | $PY -c "import re,sys; h=sys.stdin.read(); m=re.search(r'name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"', h); print(m.group(1) or m.group(2))")
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$ADMIN_EMAIL" \
  --data-urlencode "password=$ADMIN_PASSWORD" --data-urlencode "_csrf=$csrf" "$BASE/login"
session=$(awk '$6 == "PORTICO_SESSION" {print $7}' "$jar")
[ -n "$session" ] || { echo "console sign-in failed"; exit 1; }
CONSOLE="Cookie: PORTICO_SESSION=$session"

measure() { # name, header, path, duration
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$2" "$BASE$3")
  if [ "$code" = 404 ] && [ -n "${OPTIONAL:-}" ]; then
    printf '%-34s %s\n' "$1" "not measured: HTTP 404 for $3 (not built on this branch)" | tee -a "$OUT/results.txt"
    return 0
  fi
  [ "$code" = 200 ] || { echo "$1: HTTP $code for $3"; exit 1; }
  wrk -t1 -c"$CONNECTIONS" -d"${BENCH_WARMUP:-10s}" -H "$2" "$BASE$3" >/dev/null   # warm-up, not counted
  printf '%-34s %s\n' "$1" "$(wrk -t1 -c"$CONNECTIONS" -d"$4" --timeout 10s -s bench/lists/p95.lua -H "$2" "$BASE$3" | tail -1)" | tee -a "$OUT/results.txt"
}
sql_p95() { # name, one SQL statement: its latency in PostgreSQL alone (pgbench, 2 clients, 10 s)
  local dir; dir=$(mktemp -d)
  printf '%s;\n' "$2" > "$dir/q.sql"
  (cd "$dir" && pgbench -n -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -c 2 -j 1 -T 10 -l -f q.sql "$DB" >/dev/null)
  printf '%-34s %s\n' "$1" "$(cat "$dir"/pgbench_log.* | $PY -c "
import sys
ms = sorted(int(l.split()[2]) / 1000 for l in sys.stdin if l.strip())
p = lambda q: ms[min(len(ms) - 1, int(q * len(ms)))]
print('requests=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f' % (len(ms), p(.5), p(.95), p(.99), ms[-1]))")" | tee -a "$OUT/results.txt"
  rm -rf "$dir"
}
: > "$OUT/results.txt"
# OAuth applications (100 000 in the company). The console list and the REST list are measured
# when this build has them (another branch of issue 7 builds them); OPTIONAL skips a 404.
apps="/accounts/$company/developer/oauth-applications"
measure "console Developer page (company)" "$CONSOLE" "/accounts/$company/developer" "$DURATION"
OPTIONAL=1 measure "console OAuth apps by name" "$CONSOLE" "$apps?sort=name&dir=asc" "$DURATION"
OPTIONAL=1 measure "console OAuth apps by created" "$CONSOLE" "$apps?sort=created&dir=desc" "$DURATION"
OPTIONAL=1 measure "console OAuth apps p2000 by name" "$CONSOLE" "$apps?sort=name&dir=asc&page=2000" 10s
OPTIONAL=1 measure "console OAuth apps p2000 by created" "$CONSOLE" "$apps?sort=created&dir=desc&page=2000" 10s
OPTIONAL=1 measure "REST applications" "$ADMIN" "/api/developer/accounts/$company/applications" "$DURATION"
OPTIONAL=1 measure "REST applications p2000 by name" "$ADMIN" "/api/developer/accounts/$company/applications?sort=name&page=2000" 10s
# The same lists' SQL as ApplicationLists.page runs it (25 a page; the total is the kept count): the
# page's ids from the owner's index alone, then their rows.
apps_sql() { # order by, offset
  echo "select a.id, a.owner_account_id, a.name, a.type, a.client_id, a.scopes, a.created_at, a.created_by from app_application a join (select id from app_application where owner_account_id = '$company' order by $1 limit 25 offset $2) p on p.id = a.id order by $(echo "$1" | sed -E 's/([a-z_]+) (asc|desc)/a.\1 \2/g')"
}
sql_p95 "SQL apps by name" "$(apps_sql 'name_key asc, id asc' 0)"
sql_p95 "SQL apps by created" "$(apps_sql 'created_at desc, id desc' 0)"
sql_p95 "SQL apps offset 50000 by name" "$(apps_sql 'name_key asc, id asc' 50000)"
sql_p95 "SQL apps offset 50000 by created" "$(apps_sql 'created_at desc, id desc' 50000)"
[ "${BENCH_ONLY:-}" = apps ] && exit 0

measure "console Users" "$CONSOLE" "/accounts/$company/users" "$DURATION"
measure "console API keys (company)" "$CONSOLE" "/accounts/$company/developer/api-keys" "$DURATION"
measure "REST users" "$ADMIN" "/api/accounts/$company/users" "$DURATION"
measure "REST API keys" "$ADMIN" "/api/developer/accounts/$company/api-keys" "$DURATION"
# Other orders and a deep page, for reference (shorter runs).
measure "console Users by email desc" "$CONSOLE" "/accounts/$company/users?sort=email&dir=desc" 10s
measure "console Users search 'ada'" "$CONSOLE" "/accounts/$company/users?q=ada" 10s
measure "console API keys by name" "$CONSOLE" "/accounts/$company/developer/api-keys?sort=name&dir=asc" 10s
measure "console API keys by user" "$CONSOLE" "/accounts/$company/developer/api-keys?sort=user&dir=asc" 10s
measure "console API keys by last use" "$CONSOLE" "/accounts/$company/developer/api-keys?sort=lastUsed&dir=desc" 10s
measure "console API keys page 2000" "$CONSOLE" "/accounts/$company/developer/api-keys?page=2000" 10s
measure "console key form (Acts for)" "$CONSOLE" "/accounts/$company/developer/api-keys/new" 10s
