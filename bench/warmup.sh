#!/usr/bin/env bash
# Issue 22, warm before ready: a server with the warm-up (ADVISOR_WARMUP_SECONDS=$WARMUP_BUDGET, default 180, the server's) against
# one without (=0), side by side in one run, hybrid, on 127.0.0.1 only, bounded in time.
#
#   bench/warmup.sh
#
# 1. throughput: uncached POST /api/chat (every question new: bench/questions.py, as ab.sh) at $CONNECTIONS
#    connections (default 16). Per round, for each server in turn: start it (embedding cache present), wait for
#    /ready 200, then at once 10 s of load = "first 10 s"; its /health warm-up fields. Then $LOAD_S s (default 60) of
#    load on each, alternated in 15 s slices, then 10 s on each = "after 60 s". The order of the two servers swaps
#    every round ($ROUNDS, default 1). Prints requests/s of each window and first/after per server.
# 2. ready time: from launch to the first /ready 200 (polled every 50 ms), and the server's CPU time until then, cold
#    (empty embedding cache dir: the corpus is embedded) and warm (cache present), with and without the warm-up,
#    alternated, $READY_RUNS runs each (default 1).
# Besides requests/s, each window reports requests per CPU-second of the server (/proc/PID/stat, all its threads, JIT
# and GC included): what the warm-up changes, and much steadier than requests/s when other processes take cores.
# Every line carries the load average and the foreign CPU during it (cpuwatch.py): other work on this machine skews
# every figure. Builds nothing: needs target/stack-advisor.jar. Takes about 11 + 5.5 x ROUNDS minutes with the default budget. Exit status 1
# when a request failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS="${ROUNDS:-1}"; LOAD_S="${LOAD_S:-60}"; CONNECTIONS="${CONNECTIONS:-16}"; READY_RUNS="${READY_RUNS:-1}"
WARMUP_BUDGET="${WARMUP_BUDGET:-180}"
[[ "$ROUNDS" =~ ^[0-9]+$ ]] && [ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 4 ] || die "ROUNDS must be 1..4"
[[ "$LOAD_S" =~ ^[0-9]+$ ]] && [ "$LOAD_S" -ge 30 ] && [ "$LOAD_S" -le 300 ] || die "LOAD_S must be 30..300"
[[ "$CONNECTIONS" =~ ^[0-9]+$ ]] && [ "$CONNECTIONS" -ge 1 ] && [ "$CONNECTIONS" -le 64 ] || die "CONNECTIONS must be 1..64"
[[ "$READY_RUNS" =~ ^[0-9]+$ ]] && [ "$READY_RUNS" -ge 1 ] && [ "$READY_RUNS" -le 5 ] || die "READY_RUNS must be 1..5"
[[ "$WARMUP_BUDGET" =~ ^[0-9]+$ ]] && [ "$WARMUP_BUDGET" -ge 1 ] && [ "$WARMUP_BUDGET" -le 600 ] || die "WARMUP_BUDGET must be 1..600"
command -v wrk >/dev/null || die "wrk is missing: apt-get update && apt-get install -y wrk"
require_jar
snapshot_jar
echo "jar under test: $JAR built $(date -r "$JAR" '+%F %T'), sha256 $(sha256sum "$RUN_JAR" | cut -c1-12); $(nproc) cores"
echo "started $(date -u '+%F %T') UTC; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm: ADVISOR_WARMUP_SECONDS=$WARMUP_BUDGET; cold: ADVISOR_WARMUP_SECONDS=0; $CONNECTIONS connections"

QUESTIONS="$BENCH_DIR/target/questions-fresh.txt"
python3 "$BENCH_DIR/questions.py" 96000 >"$QUESTIONS"
CACHE="$BENCH_DIR/target/warmup-cache"
declare -A PORTS PIDS FIRST AFTER FIRST_CPU AFTER_CPU
stop_one() { SERVER_PID="${PIDS[$1]:-}"; stop_server; PIDS[$1]=""; }
trap 'for n in "${!PIDS[@]}"; do stop_one "$n"; done; cleanup' EXIT

budget_of() { [ "$1" = warm ] && echo "$WARMUP_BUDGET" || echo 0; }
# launch NAME CACHE_DIR: starts a server with NAME's warm-up budget; sets PORTS, PIDS; waits for /ready
launch() {
  ADVISOR_WARMUP_SECONDS="$(budget_of "$1")" start_server hybrid "$2" "$BENCH_DIR/target/warmup-$1.log"
  PIDS[$1]="$SERVER_PID"; PORTS[$1]="$PORT"
  wait_ready 300 || { tail -20 "$BENCH_DIR/target/warmup-$1.log"; exit 1; }
}
warmup_fields() { # the warm-up object of /health, compact
  curl -s --max-time 5 "http://127.0.0.1:${PORTS[$1]}/health" | python3 -c \
    'import json,sys; w=json.load(sys.stdin)["warmup"]; print(" ".join(f"{k}={w[k]}" for k in ("state","questions","elapsedMs","lastBatchMs","lastBatchCpuMs","jitShare","stoppedBy")))'
}

# CPU time (user + system, all threads) a server has used, ms
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"; }
# load NAME SECONDS: wrk on one server from the next unasked question; sets RPS, PER_CPU (requests per CPU-second of
# the server: what the JIT changes, and steadier than req/s while other processes take cores) and LINE
NEXT=0
FAILED=0
load() {
  local name="$1" secs="$2" out la foreign cpu0 cpu1 n
  la="$(cut -d' ' -f1 /proc/loadavg)"
  cpu0="$(cpu_ms "${PIDS[$name]}")"
  contention_start
  out="$(wrk -t2 -c"$CONNECTIONS" -d"${secs}s" --timeout 10s -s "$BENCH_DIR/chat.lua" \
    "http://127.0.0.1:${PORTS[$name]}/api/chat" -- "file=$QUESTIONS" "$NEXT" 2 2>&1)"
  foreign="$(contention_stop | sed 's/^foreign CPU during the measurement: //')"
  cpu1="$(cpu_ms "${PIDS[$name]}")"
  n="$(sed -n 's/^requests: \([0-9]*\) .*/\1/p' <<<"$out")"
  NEXT=$(( NEXT + n ))
  PER_CPU="$(awk -v n="$n" -v c=$(( cpu1 - cpu0 )) 'BEGIN { printf "%.1f", (c > 0 ? n * 1000 / c : 0) }')"
  grep -q '^non-2xx: 0$' <<<"$out" && grep -q '^socket errors: connect 0, read 0, write 0, timeout 0$' <<<"$out" \
    || { FAILED=1; echo "  $name: FAILED requests: $(grep -E '^(non-2xx|socket errors)' <<<"$out" | tr '\n' ' ')"; }
  RPS="$(sed -n 's/^requests: [0-9]* in [0-9.]* s = \([0-9.]*\) req\/s$/\1/p' <<<"$out")"
  LINE="$(printf '%-4s %3ss: %7.1f req/s, %6.1f req per server CPU-s  [load %s; foreign CPU %s]' "$name" "$secs" \
    "$RPS" "$PER_CPU" "$la" "$foreign")"
}
add() { awk -v a="${1:-0}" -v b="$2" 'BEGIN { print a + b }'; }

echo
echo "== 1. throughput: first 10 s after /ready vs 10 s after ${LOAD_S} s of load"
for r in $(seq 1 "$ROUNDS"); do
  order="cold warm"; [ $(( r % 2 )) -eq 1 ] || order="warm cold"
  for name in $order; do
    launch "$name" "$CACHE"
    load "$name" 10; echo "  round $r first 10 s after ready ($READY_MS ms): $LINE"
    FIRST[$name]="$(add "${FIRST[$name]:-}" "$RPS")"; FIRST_CPU[$name]="$(add "${FIRST_CPU[$name]:-}" "$PER_CPU")"
    echo "  round $r $name warm-up: $(warmup_fields "$name")"
  done
  for slice in $(seq 1 $(( LOAD_S / 15 ))); do
    for name in $order; do load "$name" 15; done
  done
  for name in $order; do
    load "$name" 10; echo "  round $r after ${LOAD_S} s of load:      $LINE"
    AFTER[$name]="$(add "${AFTER[$name]:-}" "$RPS")"; AFTER_CPU[$name]="$(add "${AFTER_CPU[$name]:-}" "$PER_CPU")"
  done
  for name in $order; do stop_one "$name"; done
done
for name in cold warm; do
  awk -v n="$name" -v f="${FIRST[$name]}" -v a="${AFTER[$name]}" -v fc="${FIRST_CPU[$name]}" -v ac="${AFTER_CPU[$name]}" \
    -v r="$ROUNDS" 'BEGIN { printf "  %-4s first 10 s %.1f req/s, after %s s %.1f req/s: first/after = %.2f; per server CPU-s %.1f and %.1f: first/after = %.2f (means of %d)\n",
    n, f / r, '"$LOAD_S"', a / r, f / a, fc / r, ac / r, fc / ac, r }'
done

echo
echo "== 2. time to ready (launch to the first /ready 200), $READY_RUNS run(s) each"
for run in $(seq 1 "$READY_RUNS"); do
  for cache in cold warm; do
    for name in cold warm; do
      dir="$CACHE"
      if [ "$cache" = cold ]; then dir="$(mktemp -d "$BENCH_DIR/target/warmup-empty-cache.XXXX")"; fi
      la="$(cut -d' ' -f1 /proc/loadavg)"
      contention_start
      launch "$name" "$dir"
      foreign="$(contention_stop | sed 's/^foreign CPU during the measurement: //')"
      printf '  %s cache, warm-up %-3s: ready in %6d ms, %6d ms of server CPU  %s  [load %s; foreign CPU %s]\n' "$cache" \
        "$(budget_of "$name")" "$READY_MS" "$(cpu_ms "${PIDS[$name]}")" "$(warmup_fields "$name")" "$la" "$foreign"
      stop_one "$name"
      [ "$cache" = warm ] || rm -rf "$dir"
    done
  done
done
echo "finished $(date -u '+%F %T') UTC"
exit "$FAILED"
