#!/usr/bin/env bash
# Uncached POST /api/chat with and without REDIS_URL, on 127.0.0.1 only, bounded in time and connections.
#
#   bench/redis_ab.sh [SLICES] [SLICE_S] [CONNECTIONS]
#     SLICES       alternations, 1..16                 (default 8)
#     SLICE_S      seconds of load per slice, 1..60    (default 10)
#     CONNECTIONS  wrk connections, 1..64              (default 8)
#
# Starts redis-server (Debian's, on a free loopback port, no persistence) and two hybrid servers from the same jar,
# "plain" (everything in memory) and "redis" (REDIS_URL set: every turn is written to Redis), warms both up
# together for $WARMUP_S s (default 120), then measures them in alternated slices - odd slices plain first, even
# slices redis first - so the drift of this shared VM hits both alike. The questions are load.sh's fresh mix
# (bench/questions.py): no question is asked twice of a server, so neither cache hits and every request pays for
# a MiniLM inference. Prints each slice's req/s and p99, the means and their ratio, the foreign CPU use, the
# servers' cache hits (must be 0) and the keys Redis holds. Exit status 1 when any request failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

SLICES="${1:-8}"; SLICE_S="${2:-10}"; CONNS="${3:-8}"; WARMUP="${WARMUP_S:-120}"
[[ "$SLICES" =~ ^[0-9]+$ ]] && [ "$SLICES" -ge 1 ] && [ "$SLICES" -le 16 ] || die "SLICES must be 1..16"
[[ "$SLICE_S" =~ ^[0-9]+$ ]] && [ "$SLICE_S" -ge 1 ] && [ "$SLICE_S" -le 60 ] || die "SLICE_S must be 1..60"
[[ "$CONNS" =~ ^[0-9]+$ ]] && [ "$CONNS" -ge 1 ] && [ "$CONNS" -le 64 ] || die "CONNECTIONS must be 1..64"
[[ "$WARMUP" =~ ^[0-9]+$ ]] && [ "$WARMUP" -ge 1 ] && [ "$WARMUP" -le 300 ] || die "WARMUP_S must be 1..300"
command -v wrk >/dev/null || die "wrk is missing: apt-get update && apt-get install -y wrk"
[ -x /usr/bin/redis-server ] || die "redis-server is missing: apt-get update && apt-get install -y redis-server"
require_jar
snapshot_jar
echo "jar under test: $JAR built $(date -r "$JAR" '+%F %T'), sha256 $(sha256sum "$RUN_JAR" | cut -c1-12)"

QUESTIONS="$BENCH_DIR/target/questions-fresh.txt"
python3 "$BENCH_DIR/questions.py" 96000 >"$QUESTIONS"
# question offsets: each server has its half of the list, slices (up to 30,000) then warm-up (up to 18,000 before it
# runs into the other server's half, which its caches never saw), so no server is asked a question twice
PLAIN_FROM=0; PLAIN_WARM=30000; REDIS_FROM=48000; REDIS_WARM=78000

REDIS_DIR="$(mktemp -d)"
REDIS_PORT="$(free_port)"
/usr/bin/redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$REDIS_DIR" \
  >"$REDIS_DIR/redis.log" 2>&1 &
REDIS_PID=$!
PLAIN_PID=""; PLAIN_PORT=""
stop_all() {
  cleanup
  [ -z "$PLAIN_PID" ] || { SERVER_PID="$PLAIN_PID"; stop_server; }
  kill "$REDIS_PID" 2>/dev/null || true
  rm -rf "$REDIS_DIR"
}
trap stop_all EXIT

CACHE="$BENCH_DIR/target/load-cache"
start_server hybrid "$CACHE" "$BENCH_DIR/target/redis-ab-plain.log"
wait_ready 180 || { tail -20 "$BENCH_DIR/target/redis-ab-plain.log"; exit 1; }
PLAIN_PID="$SERVER_PID"; PLAIN_PORT="$PORT"
REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0" start_server hybrid "$CACHE" "$BENCH_DIR/target/redis-ab-redis.log"
wait_ready 180 || { tail -20 "$BENCH_DIR/target/redis-ab-redis.log"; exit 1; }
echo "plain server pid $PLAIN_PID on :$PLAIN_PORT; redis server pid $SERVER_PID on :$PORT, REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0 (redis-server pid $REDIS_PID)"
curl -s --max-time 5 "http://127.0.0.1:$PORT/health" | grep -q '"redis":"up"' || die "the redis server does not report redis up"

url() { echo "http://127.0.0.1:$1/api/chat"; }
load() { # PORT OFFSET SECONDS CONNECTIONS: chat.lua's summary
  wrk -t1 -c"$4" -d"${3}s" --timeout 10s -s "$BENCH_DIR/chat.lua" "$(url "$1")" -- "file=$QUESTIONS" "$2" 1
}
count() { sed -n 's/^requests: \([0-9]*\) .*/\1/p'; }
rate() { sed -n 's/^requests: [0-9]* in [0-9.]* s = \([0-9.]*\) req\/s$/\1/p'; }
p99() { sed -n 's/^latency ms: .* p99 \([0-9.]*\) .*/\1/p'; }
hits() { curl -s --max-time 5 "http://127.0.0.1:$1/metrics" | awk '/^cache_gets_total\{.*result="hit"/ { s += $NF } END { print s + 0 }'; }

echo "warm-up: $WARMUP s, both servers at once, $(( (CONNS + 1) / 2 )) connections each (not measured)"
load "$PLAIN_PORT" "$PLAIN_WARM" "$WARMUP" $(( (CONNS + 1) / 2 )) >/dev/null &
W1=$!
load "$PORT" "$REDIS_WARM" "$WARMUP" $(( (CONNS + 1) / 2 )) >/dev/null
wait "$W1"

wait_quiet
HITS_BEFORE="$(( $(hits "$PLAIN_PORT") + $(hits "$PORT") ))"
echo "measured: $SLICES x (wrk -t1 -c$CONNS -d${SLICE_S}s on each server), odd slices plain first"
contention_start
plain_next="$PLAIN_FROM"; redis_next="$REDIS_FROM"; log=""; failed=0
for k in $(seq 1 "$SLICES"); do
  for which in $( [ $(( k % 2 )) -eq 1 ] && echo "plain redis" || echo "redis plain" ); do
    # the next slice starts past this one's answered questions and the (at most CONNS) still in flight at its end
    if [ "$which" = plain ]; then out="$(load "$PLAIN_PORT" "$plain_next" "$SLICE_S" "$CONNS")"; plain_next=$(( plain_next + $(count <<<"$out") + CONNS ))
    else out="$(load "$PORT" "$redis_next" "$SLICE_S" "$CONNS")"; redis_next=$(( redis_next + $(count <<<"$out") + CONNS )); fi
    grep -q '^non-2xx: 0$' <<<"$out" && grep -q '^socket errors: connect 0, read 0, write 0, timeout 0$' <<<"$out" || failed=1
    eval "${which}_rate=$(rate <<<"$out"); ${which}_p99=$(p99 <<<"$out")"
  done
  echo "  slice $k: plain $plain_rate req/s (p99 $plain_p99 ms), redis $redis_rate req/s (p99 $redis_p99 ms): ratio $(awk -v a="$redis_rate" -v b="$plain_rate" 'BEGIN { printf "%.2f", a / b }')"
  log="$log $plain_rate $redis_rate $plain_p99 $redis_p99"
done
contention_stop
[ $(( plain_next - PLAIN_FROM )) -le 30000 ] && [ $(( redis_next - REDIS_FROM )) -le 30000 ] \
  || echo "WARNING: a server was asked more than 30,000 questions in the slices: they met its warm-up's questions"
awk -v l="$log" 'BEGIN { k = split(l, x, " "); n = k / 4; lo = 1e9; hi = 0
  for (i = 1; i <= k; i += 4) { a += x[i]; b += x[i + 1]; pa += x[i + 2]; pb += x[i + 3]; q = x[i + 1] / x[i]
    if (q < lo) lo = q; if (q > hi) hi = q; if (x[i + 2] > ma) ma = x[i + 2]; if (x[i + 3] > mb) mb = x[i + 3] }
  printf "plain: %.1f req/s, p99 %.1f ms (mean of %d slices; worst slice %.1f ms)\n", a / n, pa / n, n, ma
  printf "redis: %.1f req/s, p99 %.1f ms (mean of %d slices; worst slice %.1f ms)\n", b / n, pb / n, n, mb
  printf "ratio redis / plain: %.3f (slices %.2f to %.2f)\n", b / a, lo, hi }'
echo "cache hits during the slices (both servers, answers + query embeddings): $(( $(hits "$PLAIN_PORT") + $(hits "$PORT") - HITS_BEFORE ))"
echo "redis: $(redis-cli -p "$REDIS_PORT" dbsize) keys, $(redis-cli -p "$REDIS_PORT" info memory | sed -n 's/^used_memory_human:\(.*\)\r$/\1/p') used"
echo "fallbacks to local memory: $(curl -s --max-time 5 "http://127.0.0.1:$PORT/metrics" | awk '/^advisor_redis_fallbacks_total/ { s += $NF } END { print s + 0 }')"
echo "non-2xx responses or socket errors in any slice: $([ "$failed" = 0 ] && echo none || echo YES)"
[ "$failed" = 0 ]
