# Portico-specific shell helpers for the benches (source it after bench.sh; bash only): console
# sign-in and the authorization-code flow, as a browser would do them. Loopback only.

_BENCH_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Signs in through the console's form (CSRF and all) and prints the PORTICO_SESSION cookie value;
# the cookie jar keeps the session for later calls.
bench_console_signin() { # base email password jar
  local base=$1 email=$2 password=$3 jar=$4 csrf session
  rm -f "$jar"
  csrf=$(curl -s -c "$jar" -b "$jar" "$base/login" | $BENCH_PY -c "import re,sys; h=sys.stdin.read(); m=re.search(r'name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"', h); print(m.group(1) or m.group(2))")
  curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "email=$email" \
    --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/login"
  session=$(awk '$6 == "PORTICO_SESSION" {print $7}' "$jar")
  [ -n "$session" ] || { echo "console sign-in of $email failed" >&2; return 1; }
  printf '%s' "$session"
}

# One authorization code for the signed-in user of the jar: GET the authorize path; the first time
# answers the consent page, whose form is found and submitted generically (authserver/form.py: its
# action and its inputs), later ones (consent remembered) answer the redirect with the code at once.
bench_portico_code() { # base jar authorize-path redirect-uri
  local base=$1 jar=$2 authorize=$3 redirect=$4 headers page form action body location
  headers=$(mktemp); page=$(mktemp)
  curl -s -D "$headers" -o "$page" -b "$jar" -c "$jar" "$base$authorize"
  location=$(tr -d '\r' < "$headers" | sed -n 's/^[Ll]ocation: //p')
  if [[ "$location" == */oauth/consent\?* ]]; then # the Authorize application page
    curl -s -D "$headers" -o "$page" -b "$jar" -c "$jar" "$location"
  fi
  if grep -q '^HTTP/[0-9.]* 200' "$headers"; then
    form=$($BENCH_PY "$_BENCH_LIB_DIR/../authserver/form.py" < "$page")
    action=$(sed -n 1p <<<"$form"); body=$(sed -n 2p <<<"$form")
    [[ "$action" == http* ]] || action="$base$action"
    curl -s -D "$headers" -o "$page" -b "$jar" -c "$jar" -H 'Content-Type: application/x-www-form-urlencoded' \
      --data "$body" "$action"
  fi
  location=$(tr -d '\r' < "$headers" | sed -n 's/^[Ll]ocation: //p')
  [[ "$location" == "$redirect?"*code=* ]] \
    || { echo "authorize did not redirect with a code: $(head -1 "$headers") ${location:-no Location}" >&2; rm -f "$headers" "$page"; return 1; }
  rm -f "$headers" "$page"
  sed -E 's/.*[?&]code=([^&]+).*/\1/' <<<"$location"
}
