#!/usr/bin/env bash
# The summary of bench/run-wrk.sh, from the wrk outputs it left in DIR (default target/bench):
# DIR/<store>/<mode>-<round>.txt, each with the server's (and Redis's) CPU ticks appended, and
# DIR/stores.txt (the stores in run order) and DIR/settings.txt (the header line). Each mode is
# compared with the baseline of its own server, by req/s and by CPU per call. Can be re-run.
set -euo pipefail
DIR=${1:-target/bench}
HZ=$(getconf CLK_TCK)
cat "$DIR/settings.txt"
printf '%-28s %9s %11s %12s %15s %14s %8s\n' mode 'req/s' '/ baseline' 'CPU µs/call' 'CPU / baseline' 'Redis µs/call' 'non-2xx'
# totals of one store and mode over its rounds: rounds, req/s summed, requests, server ticks, redis ticks, non-2xx
totals() { # store mode
  local f
  for f in "$DIR/$1/$2"-[0-9]*.txt; do [ -f "$f" ] && cat "$f" && echo "--end--"; done | awk '
    /Requests\/sec/ {rps += $2}
    /requests in/ {req += $1}
    /Non-2xx/ {bad += $5}
    $1 == "server_cpu_ticks" {ticks += $2}
    $1 == "redis_cpu_ticks" {rticks += $2}
    /^--end--$/ {n++}
    END {printf "%d %f %d %d %d %d\n", n, rps, req, ticks, rticks, bad}'
}
while read -r store; do
  read -r _ brps breq bticks _ _ <<<"$(totals "$store" baseline)"
  for mode in baseline signed bearer basic operator; do
    read -r n rps req ticks rticks bad <<<"$(totals "$store" "$mode")"
    [ "$n" -gt 0 ] || continue
    case $mode in
      baseline) label="baseline /ping ($store)" ;; signed) label="signed, nonce-store=$store" ;;
      *) label="$mode ($store server)" ;;
    esac
    awk -v l="$label" -v n="$n" -v r="$rps" -v rb="$brps" -v q="$req" -v t="$ticks" -v qb="$breq" \
      -v tb="$bticks" -v rt="$rticks" -v redis="$([ "$store" = redis ] && echo 1 || echo 0)" -v bad="$bad" -v hz="$HZ" \
      'BEGIN {
         c = 0; if (q > 0) c = 1e6 * t / hz / q
         cb = 0; if (qb > 0) cb = 1e6 * tb / hz / qb
         cr = 0; if (cb > 0) cr = c / cb
         rr = 0; if (rb > 0) rr = 100 * r / rb
         rc = "-"; if (redis && q > 0) rc = sprintf("%.1f", 1e6 * rt / hz / q)
         printf "%-28s %9.0f %9.1f %% %12.1f %15.2f %14s %8d\n", l, r / n, rr, c, cr, rc, bad
       }'
  done
  if [ -f "$DIR/$store/note.txt" ]; then echo "  ($store: $(cat "$DIR/$store/note.txt"))"; fi
done < "$DIR/stores.txt"
first=$(head -1 "$DIR/stores.txt")
read -r n basic _ <<<"$(totals "$first" basic)"
read -r m operator _ <<<"$(totals "$first" operator)"
if [ "$n" -gt 0 ] && [ "$m" -gt 0 ]; then
  awk -v b="$basic" -v o="$operator" \
    'BEGIN {printf "metering cost (basic metered vs operator unmetered): %.1f %% of throughput\n", 100 * (o - b) / o}'
fi
