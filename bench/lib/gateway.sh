# Credentials of the gateway benches (source it after bench.sh and portico.sh; bash only).
# Loopback only.

bench_basic() { printf 'Basic %s' "$(printf '%s:%s' "$1" "$2" | base64 -w0)"; }
bench_enc() { $BENCH_PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# Waits until the bootstrap operator key (created just after start-up) answers 200.
bench_wait_operator_key() { # base operator-authorization-header
  local code
  for _ in $(seq 1 240); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$1/api/users/sessioninfo" -H "$2")
    [ "$code" = 200 ] && return 0
    sleep 0.5
  done
  echo "operator key does not work (HTTP $code)" >&2
  return 1
}

# Through the REST API with the operator's key: a company (named after TAG, so several runs can
# share one PostgreSQL database) with an allocation no run reaches, its admin, the admin's API key
# and a company app assigned to the admin, with one access token from the code flow. Sets
# COMPANY, MEMBER_ACCESS, MEMBER_SECRET, BEARER. Checks that the key (Basic) and token answer 200.
bench_gateway_credentials() { # base operator-authorization-header tag cookie-jar
  local base=$1 operator=$2 tag=$3 jar=$4
  local redirect=https://bench.example.com/oauth/callback
  local email="bench-admin-$tag@bench.test" password=bench-admin-password
  local admin key app client_id client_secret code token auth
  COMPANY=$(bench_api "$base/api/accounts" -H "$operator" -H 'Content-Type: application/json' -d \
    "{\"type\":\"COMPANY\",\"name\":\"Bench Metering $tag\",\"plan\":\"PROFESSIONAL\",\"admin\":{\"email\":\"$email\",\"name\":\"Bench Admin\",\"password\":\"$password\"}}" \
    | bench_json "d['id']") || return 1
  bench_api -X PATCH "$base/api/accounts/$COMPANY" -H "$operator" -H 'Content-Type: application/json' \
    -d '{"allocationOverride":1000000000000}' > /dev/null || return 1
  admin=$(bench_api "$base/api/accounts/$COMPANY/users?q=$(bench_enc "$email")" -H "$operator" | bench_json "d['items'][0]['id']") || return 1
  key=$(bench_api "$base/api/developer/accounts/$COMPANY/api-keys" -H "$operator" -H 'Content-Type: application/json' \
    -d "{\"name\":\"bench member key\",\"userId\":\"$admin\",\"scopes\":[\"OAuth2Read\"]}") || return 1
  MEMBER_ACCESS=$(bench_json "d['accessKey']" <<<"$key"); MEMBER_SECRET=$(bench_json "d['secretKey']" <<<"$key")
  app=$(bench_api "$base/api/developer/accounts/$COMPANY/applications" -H "$operator" -H 'Content-Type: application/json' \
    -d "{\"name\":\"Bench Metering App $tag\",\"primaryFormat\":\"com.example.benchmetering.$tag\",\"summary\":\"Metering benchmark\",
         \"redirectUrls\":[\"$redirect\"],\"type\":\"INTEGRATED_CLOUD\",\"scopes\":[\"OAuth2Read\"]}") || return 1
  bench_api "$base/api/developer/applications/$(bench_json "d['id']" <<<"$app")/users" -H "$operator" \
    -H 'Content-Type: application/json' -d "{\"userIds\":[\"$admin\"]}" > /dev/null || return 1
  client_id=$(bench_json "d['clientId']" <<<"$app"); client_secret=$(bench_json "d['clientSecret']" <<<"$app")
  bench_console_signin "$base" "$email" "$password" "$jar" > /dev/null || return 1
  code=$(bench_portico_code "$base" "$jar" \
    "/oauth/authorize?response_type=code&client_id=$(bench_enc "$client_id")&redirect_uri=$(bench_enc "$redirect")&scope=OAuth2Read&state=bench" "$redirect") || return 1
  token=$(bench_api "$base/oauth/token" -H "Authorization: $(bench_basic "$(bench_enc "$client_id")" "$(bench_enc "$client_secret")")" \
    -d "grant_type=authorization_code&code=$code&redirect_uri=$(bench_enc "$redirect")" | bench_json "d['access_token']") || return 1
  BEARER="Bearer $token"
  for auth in "$BEARER" "$(bench_basic "$MEMBER_ACCESS" "$MEMBER_SECRET")"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: $auth" "$base/api/users/sessioninfo")
    [ "$code" = 200 ] || { echo "credential does not work (HTTP $code)" >&2; return 1; }
  done
}
