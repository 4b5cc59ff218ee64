#!/usr/bin/env bash
# Portico's authorization server side by side with Keycloak, in one run (issue 8 item 7):
#   refresh-token grants/s, authorization-code exchanges/s (Portico only) and introspections/s.
# Same wrk settings for both; one after the other (never both running); loopback only; every wrk
# run is bounded in time; everything started here is stopped at exit.
#
#   bench/authserver/run-authserver.sh                  # both, ~5-10 minutes
#   BENCH_ONLY=portico bench/authserver/run-authserver.sh
#
# Knobs: BENCH_THREADS (2), BENCH_CONNECTIONS (32), BENCH_DURATION (20s), BENCH_WARMUP (10s),
# BENCH_CODE_ISSUE (30s: how long codes are pre-issued; they live 60 s), BENCH_PG_PORT (55432), BENCH_PORT (18082),
# BENCH_KC_PORT (18180), BENCH_KC_DB (postgres | dev-file), BENCH_ONLY (portico | keycloak).
# Results: target/bench-authserver/results.txt (and the logs next to it).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
. bench/lib/bench.sh
. bench/lib/portico.sh
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-32}
DURATION=${BENCH_DURATION:-20s}
WARMUP=${BENCH_WARMUP:-10s}
CODE_ISSUE=${BENCH_CODE_ISSUE:-30s}
PG_PORT=${BENCH_PG_PORT:-55432}
PORT=${BENCH_PORT:-18082}
KC_PORT=${BENCH_KC_PORT:-18180}
KC_DB=${BENCH_KC_DB:-postgres}
KC_VERSION=26.7.3
# Portico's connection pool. The default (10) stalls this load: a row mapper of
# HashedAuthorizationService asks ApplicationDirectory for the client while it holds its
# connection, and a cache miss needs two more (bench/README.md §4): one a connection and a few
# spare is enough.
POOL=${BENCH_POOL:-$(( CONNECTIONS + 8 ))}
# BENCH_PROFILE=1: a JFR CPU profile of Portico during each measured run (jcmd of this JDK).
JDK17=${BENCH_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
PROFILE_MARKERS="HashedAuthorizationService ApplicationSecretAuthentication ClientSecrets ApplicationDirectory SessionRepositoryFilter JdbcIndexedSessionRepository org.postgresql com.zaxxer.hikari MessageDigest TokenResponses OAuth2TokenIntrospection OAuth2RefreshTokenAuthenticationProvider OAuth2AuthorizationCodeAuthenticationProvider OAuth2AccessTokenGenerator tools.jackson com.fasterxml.jackson GrantPolicy Grants. org.springframework.security.web.FilterChainProxy java.security.SecureRandom"
ONLY=${BENCH_ONLY:-}
OUT=$ROOT/target/bench-authserver
LUA=$ROOT/bench/authserver
PSQL=(psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres)
REDIRECT=https://bench.example.com/oauth/callback
JAR=target/portico-0.1.0-SNAPSHOT.jar
mkdir -p "$OUT"
: > "$OUT/results.txt"
export BENCH_LUA_DIR=$LUA BENCH_THREADS=$THREADS

say() { echo "== $*"; }
basic() { printf 'Basic %s' "$(printf '%s:%s' "$1" "$2" | base64 -w0)"; }
enc() { $BENCH_PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# wrk with the shared settings; prints the RESULT line and keeps it in results.txt as "label: …".
# Also the CPU the server ($SERVER_PID) and PostgreSQL spent per good answer (load-independent
# enough to compare on a shared machine): server_cpu_ms, db_cpu_ms.
load() { # label duration script [extra env as NAME=value …]
  local label=$1 duration=$2 script=$3 line app0 db0 app1 db1 ok profile=
  shift 3
  [[ -n "${BENCH_PROFILE:-}" && "$label" == portico-* && "$label" != *warmup ]] && profile=1
  [ -z "$profile" ] || $JDK17/bin/jcmd $SERVER_PID JFR.start name=bench settings=profile >/dev/null
  app0=$(bench_cpu $SERVER_PID); db0=$(bench_cpu $(bench_pg_pids "$OUT/pg"))
  line=$(env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s -s "$LUA/$script" \
    "$TARGET" | grep '^RESULT' || true)
  app1=$(bench_cpu $SERVER_PID); db1=$(bench_cpu $(bench_pg_pids "$OUT/pg"))
  [ -n "$line" ] || { echo "$label: wrk printed no RESULT" >&2; exit 1; }
  ok=$(sed -E 's/.* ok=([0-9]+).*/\1/' <<<"$line")
  line="$line $(awk -v a="$app1" -v b="$app0" -v c="$db1" -v d="$db0" -v n="$ok" 'BEGIN {
    if (n > 0) printf "server_cpu_ms=%.2f db_cpu_ms=%.2f", (a - b) * 1000 / n, (c - d) * 1000 / n }')"
  printf '%-38s %s\n' "$label" "${line#RESULT }" | tee -a "$OUT/results.txt"
  if [ -n "$profile" ]; then
    local file; file=$OUT/$(tr -c 'a-z0-9\n-' _ <<<"$label")
    $JDK17/bin/jcmd $SERVER_PID JFR.stop name=bench filename="$file.jfr" >/dev/null
    $BENCH_PY "$LUA/jfr-top.py" $JDK17/bin/jfr "$file.jfr" $PROFILE_MARKERS > "$file.profile.txt" || true
    echo "   CPU profile: $file.profile.txt"
  fi
}
rate_of() { grep "^$1 " "$OUT/results.txt" | tail -1 | sed -E 's/.* rate=([0-9.]+).*/\1/'; }

if [ "$ONLY" != keycloak ] || [ "$KC_DB" = postgres ]; then
  bench_pg_start "$OUT/pg" "$PG_PORT"
fi

# ---------------------------------------------------------------------------------------------
# Portico
# ---------------------------------------------------------------------------------------------
portico() {
  # Rebuild when the jar is missing or older than the sources: never measure a stale build.
  if [ ! -f "$JAR" ] || [ -n "$(find src pom.xml -newer "$JAR" -print -quit)" ]; then
    ./mvnw -B -ntp -o -q package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
  fi
  "${PSQL[@]}" -d postgres -c "drop database if exists portico_authbench" -c "create database portico_authbench"
  local access=BenchAuthOperatorKey001 secret=BenchAuthOperatorSecret0123456789abcdefABCD
  local admin_email=bench-auth-admin@bench.test admin_password=bench-auth-admin-password
  local base="http://127.0.0.1:$PORT"
  say "Portico on $base (PostgreSQL 127.0.0.1:$PG_PORT/portico_authbench)"
  PORTICO_BOOTSTRAP_OPERATOR_EMAIL=bench-auth-ops@portico.test \
  PORTICO_BOOTSTRAP_OPERATOR_PASSWORD=bench-operator-password \
  PORTICO_BOOTSTRAP_OPERATOR_KEY="$access:$secret" \
  java -Xms512m -Xmx1g -jar "$JAR" \
    --server.port="$PORT" --server.address=127.0.0.1 \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PG_PORT/portico_authbench" \
    --spring.datasource.username=postgres --spring.datasource.password= \
    --portico.apikeys.key-file="$OUT/apikey.key" \
    --spring.datasource.hikari.maximum-pool-size="$POOL" \
    --logging.level.root=WARN ${BENCH_SERVER_ARGS:-} > "$OUT/portico.log" 2>&1 &
  PORTICO_PID=$!
  SERVER_PID=$PORTICO_PID
  bench_on_exit bench_stop_pid $PORTICO_PID
  bench_wait_http "$base/ping" $PORTICO_PID "$OUT/portico.log" 300
  local operator; operator="Authorization: $(basic "$access" "$secret")"
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "$operator" "$base/api/users/sessioninfo")" = 200 ] && break
    sleep 0.5
  done

  # A company, its admin (the resource owner) and a confidential web app of the company.
  local company app
  company=$(bench_api "$base/api/accounts" -H "$operator" -H 'Content-Type: application/json' -d \
    "{\"type\":\"COMPANY\",\"name\":\"Bench Auth\",\"plan\":\"PROFESSIONAL\",\"admin\":{\"email\":\"$admin_email\",\"name\":\"Bench Admin\",\"password\":\"$admin_password\"}}" \
    | bench_json "d['id']")
  app=$(bench_api "$base/api/developer/accounts/$company/applications" -H "$operator" \
    -H 'Content-Type: application/json' -d "{\"name\":\"Bench Auth App\",\"primaryFormat\":\"com.example.benchauth\",
      \"summary\":\"Authorization server benchmark\",\"redirectUrls\":[\"$REDIRECT\"],
      \"type\":\"INTEGRATED_CLOUD\",\"scopes\":[\"OAuth2Read\",\"OAuth2Write\"]}")
  # The operator registered it, so nobody is assigned yet (SHR-3): share it with the admin.
  local admin_id
  admin_id=$(bench_api "$base/api/accounts/$company/users?q=$(enc "$admin_email")" -H "$operator" \
    | bench_json "d['items'][0]['id']")
  bench_api "$base/api/developer/applications/$(bench_json "d['id']" <<<"$app")/users" -H "$operator" \
    -H 'Content-Type: application/json' -d "{\"userIds\":[\"$admin_id\"]}" > /dev/null
  CLIENT_ID=$(bench_json "d['clientId']" <<<"$app")
  CLIENT_SECRET=$(bench_json "d['clientSecret']" <<<"$app")
  # RFC 6749 §2.3.1: each part form-encoded before the Base64
  CLIENT_AUTH=$(basic "$(enc "$CLIENT_ID")" "$(enc "$CLIENT_SECRET")")

  # The admin signs in through the console's form (CSRF and all).
  local jar="$OUT/cookies.txt"
  COOKIE="PORTICO_SESSION=$(bench_console_signin "$base" "$admin_email" "$admin_password" "$jar")"
  AUTHORIZE="/oauth/authorize?response_type=code&client_id=$(enc "$CLIENT_ID")&redirect_uri=$(enc "$REDIRECT")&scope=OAuth2Read%20OAuth2Write&state=bench"

  code() { bench_portico_code "$base" "$jar" "$AUTHORIZE" "$REDIRECT"; }
  # N grants (code flow, exchanged with the secret in Basic): "refresh access" a line.
  grants() { # n file
    : > "$2"
    local c
    for _ in $(seq 1 "$1"); do
      c=$(code)
      bench_api "$base/oauth/token" -H "Authorization: $CLIENT_AUTH" \
        -d "grant_type=authorization_code&code=$c&redirect_uri=$(enc "$REDIRECT")" \
        | bench_json "d['refresh_token'] + ' ' + d['access_token']" >> "$2"
    done
  }
  local n=$(( CONNECTIONS + THREADS )) # a chain per connection, and one per thread for wrk's probe request()
  TARGET=$base

  say "Portico: refresh-token grants ($n chains)"
  grants $n "$OUT/portico-warm.txt"
  cut -d' ' -f1 "$OUT/portico-warm.txt" > "$OUT/portico-warm-refresh.txt"
  load "portico-refresh-warmup" "$WARMUP" refresh.lua BENCH_PATH=/oauth/token \
    "BENCH_AUTH=$CLIENT_AUTH" BENCH_TOKENS="$OUT/portico-warm-refresh.txt" >/dev/null
  grants $n "$OUT/portico-grants.txt"
  cut -d' ' -f1 "$OUT/portico-grants.txt" > "$OUT/portico-refresh.txt"
  load "portico-refresh" "$DURATION" refresh.lua BENCH_PATH=/oauth/token \
    "BENCH_AUTH=$CLIENT_AUTH" BENCH_TOKENS="$OUT/portico-refresh.txt"

  say "Portico: authorization codes (pre-issued for $CODE_ISSUE, then exchanged once each)"
  load "portico-authorize (issuing codes)" "$CODE_ISSUE" issue-codes.lua BENCH_PATH="$AUTHORIZE" \
    "BENCH_COOKIE=$COOKIE" BENCH_CODES_OUT="$OUT/portico-codes.txt"
  echo "$(wc -l < "$OUT/portico-codes.txt") codes"
  load "portico-code-exchange" "$DURATION" exchange-codes.lua BENCH_PATH=/oauth/token \
    "BENCH_AUTH=$CLIENT_AUTH" BENCH_REDIRECT="$REDIRECT" BENCH_CODES="$OUT/portico-codes.txt" BENCH_RATE_BY=clock

  say "Portico: introspection"
  grants $n "$OUT/portico-introspect.txt"
  cut -d' ' -f2 "$OUT/portico-introspect.txt" > "$OUT/portico-access.txt"
  load "portico-introspect-warmup" "$WARMUP" introspect.lua BENCH_PATH=/oauth/introspect \
    "BENCH_AUTH=$CLIENT_AUTH" BENCH_TOKENS="$OUT/portico-access.txt" >/dev/null
  load "portico-introspect" "$DURATION" introspect.lua BENCH_PATH=/oauth/introspect \
    "BENCH_AUTH=$CLIENT_AUTH" BENCH_TOKENS="$OUT/portico-access.txt"
  ps -o rss= -p $PORTICO_PID | awk '{printf "portico RSS %.0f MB\n", $1/1024}' | tee -a "$OUT/results.txt"
  bench_stop_pid $PORTICO_PID
}

# ---------------------------------------------------------------------------------------------
# Keycloak
# ---------------------------------------------------------------------------------------------
keycloak() {
  local zip=$OUT/keycloak-quarkus-dist-$KC_VERSION.zip home=$OUT/keycloak-$KC_VERSION
  if [ ! -d "$home" ]; then
    if [ ! -f "$zip" ]; then
      ./mvnw -B -ntp -q -o dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip \
        -DoutputDirectory="$OUT" 2>/dev/null \
      || ./mvnw -B -ntp -q dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip \
        -DoutputDirectory="$OUT"
    fi
    (cd "$OUT" && unzip -q "$zip")
  fi
  local jdk; jdk=$(ls -d /usr/lib/jvm/temurin-2[1-9]* /usr/lib/jvm/temurin-[3-9]* 2>/dev/null | tail -1 || true)
  [ -n "$jdk" ] || { echo "Keycloak needs Java 21+: no Temurin JDK under /usr/lib/jvm" >&2; exit 1; }
  local db=(--db=dev-file)
  if [ "$KC_DB" = postgres ]; then
    "${PSQL[@]}" -d postgres -c "drop database if exists keycloak_authbench" -c "create database keycloak_authbench"
    db=(--db=postgres --db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak_authbench" --db-username=postgres --db-password=postgres)
  else
    rm -rf "$home/data"
  fi
  local base="http://127.0.0.1:$KC_PORT"
  say "Keycloak $KC_VERSION start-dev on $base ($KC_DB, JAVA_HOME=$jdk)"
  JAVA_HOME=$jdk KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=bench-admin-password \
    "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$KC_PORT" "${db[@]}" \
    --log-level=warn > "$OUT/keycloak.log" 2>&1 &
  KC_PID=$!
  bench_on_exit bench_stop_pid $KC_PID
  bench_wait_http "$base/realms/master" $KC_PID "$OUT/keycloak.log" 600
  SERVER_PID=$(pgrep -P $KC_PID java || echo $KC_PID)

  # Realm, client and user in one Admin REST call (each kcadm.sh call is another JVM start on
  # these 2 cores). Equivalence with Portico's app: a confidential client (client secret,
  # standard flow), access tokens 3600 s, refresh tokens rotated and revoked on reuse
  # (revokeRefreshToken, refreshTokenMaxReuse 0). Direct grants are on only to pre-issue the
  # grants (password grant), as a plain client would get them. Keycloak 26 answers
  # {"active": false} to a client not in the token's audience, so the client puts itself there
  # (an audience mapper), as Portico's tokens name their client (aud).
  local admin_token secret=bench-keycloak-client-secret
  admin_token=$(bench_api "$base/realms/master/protocol/openid-connect/token" \
    -d grant_type=password -d client_id=admin-cli -d username=admin -d password=bench-admin-password \
    | bench_json "d['access_token']")
  bench_api "$base/admin/realms" -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' -d "{
    \"realm\": \"bench\", \"enabled\": true, \"accessTokenLifespan\": 3600,
    \"revokeRefreshToken\": true, \"refreshTokenMaxReuse\": 0, \"bruteForceProtected\": false,
    \"clients\": [{\"clientId\": \"bench-app\", \"enabled\": true, \"publicClient\": false,
      \"clientAuthenticatorType\": \"client-secret\", \"secret\": \"$secret\",
      \"standardFlowEnabled\": true, \"directAccessGrantsEnabled\": true,
      \"redirectUris\": [\"$REDIRECT\"], \"protocol\": \"openid-connect\",
      \"protocolMappers\": [{\"name\": \"audience\", \"protocol\": \"openid-connect\",
        \"protocolMapper\": \"oidc-audience-mapper\", \"config\": {\"included.client.audience\": \"bench-app\",
        \"access.token.claim\": \"true\", \"introspection.token.claim\": \"true\"}}]}],
    \"users\": [{\"username\": \"bench\", \"enabled\": true, \"email\": \"bench@bench.test\",
      \"emailVerified\": true, \"firstName\": \"Bench\", \"lastName\": \"User\",
      \"credentials\": [{\"type\": \"password\", \"value\": \"bench-user-password\", \"temporary\": false}]}]
  }" >/dev/null
  local auth; auth=$(basic bench-app "$secret")
  local token_path=/realms/bench/protocol/openid-connect/token
  grants() { # n file: "refresh access" a line, by the password grant
    : > "$2"
    for _ in $(seq 1 "$1"); do
      bench_api "$base$token_path" -H "Authorization: $auth" \
        -d grant_type=password -d username=bench -d password=bench-user-password \
        | bench_json "d['refresh_token'] + ' ' + d['access_token']" >> "$2"
    done
  }
  local n=$(( CONNECTIONS + THREADS ))
  TARGET=$base

  say "Keycloak: refresh-token grants ($n chains)"
  grants $n "$OUT/keycloak-warm.txt"
  cut -d' ' -f1 "$OUT/keycloak-warm.txt" > "$OUT/keycloak-warm-refresh.txt"
  load "keycloak-refresh-warmup" "$WARMUP" refresh.lua BENCH_PATH=$token_path \
    "BENCH_AUTH=$auth" BENCH_TOKENS="$OUT/keycloak-warm-refresh.txt" >/dev/null
  grants $n "$OUT/keycloak-grants.txt"
  cut -d' ' -f1 "$OUT/keycloak-grants.txt" > "$OUT/keycloak-refresh.txt"
  load "keycloak-refresh" "$DURATION" refresh.lua BENCH_PATH=$token_path \
    "BENCH_AUTH=$auth" BENCH_TOKENS="$OUT/keycloak-refresh.txt"

  say "Keycloak: introspection"
  grants $n "$OUT/keycloak-introspect.txt"
  cut -d' ' -f2 "$OUT/keycloak-introspect.txt" > "$OUT/keycloak-access.txt"
  load "keycloak-introspect-warmup" "$WARMUP" introspect.lua BENCH_PATH=$token_path/introspect \
    "BENCH_AUTH=$auth" BENCH_TOKENS="$OUT/keycloak-access.txt" >/dev/null
  load "keycloak-introspect" "$DURATION" introspect.lua BENCH_PATH=$token_path/introspect \
    "BENCH_AUTH=$auth" BENCH_TOKENS="$OUT/keycloak-access.txt"
  ps -o rss= -p "$SERVER_PID" | awk '{printf "keycloak RSS %.0f MB\n", $1/1024}' | tee -a "$OUT/results.txt"
  bench_stop_pid $KC_PID
}

started=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
[ "$ONLY" = keycloak ] || portico
[ "$ONLY" = portico ] || keycloak

# ---------------------------------------------------------------------------------------------
ratio() { [ -n "$1" ] && [ -n "$2" ] && $BENCH_PY -c "print('%.1f x' % ($1 / $2))" || echo "-"; }
pr=$(rate_of portico-refresh || true); kr=$(rate_of keycloak-refresh || true)
pc=$(rate_of portico-code-exchange || true)
pi=$(rate_of portico-introspect || true); ki=$(rate_of keycloak-introspect || true)
{
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (warm-up $WARMUP), $(nproc) cores, load before $load_before, after $(cut -d' ' -f1-3 /proc/loadavg), $(( $(date +%s) - started )) s"
  printf '| %-28s | %12s | %12s | %14s |\n' "per second" "Portico" "Keycloak" "Portico/Keycloak"
  printf '| %-28s | %12s | %12s | %14s |\n' "refresh-token grants" "${pr:--}" "${kr:--}" "$(ratio "$pr" "$kr")"
  printf '| %-28s | %12s | %12s | %14s |\n' "authorization-code exchanges" "${pc:--}" "n/a" "-"
  printf '| %-28s | %12s | %12s | %14s |\n' "introspections" "${pi:--}" "${ki:--}" "$(ratio "$pi" "$ki")"
} | tee -a "$OUT/results.txt"
