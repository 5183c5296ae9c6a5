#!/usr/bin/env bash
# Load test of POST /api/chat with wrk, on 127.0.0.1 only, bounded in time and connections.
#
#   bench/load.sh MODE MIX [DURATION_S] [CONNECTIONS] [THREADS]
#     MODE         keyword | hybrid                 (ADVISOR_RETRIEVAL of the server)
#     MIX          unique   (200 generated questions, cycled)
#                  faq      (5 questions, repeated)
#                  distinct (~23,500 generated questions, none repeated within the warm-up and the run
#                           together: defeats the server's answer and query-embedding caches, so every request
#                           does the full work; the script checks that nothing repeated)
#                  distinct-suffixed (the same with a per-request suffix: never repeats, but a different,
#                           costlier workload; see chat.lua)
#     DURATION_S   wrk duration, 1..120 s           (default 20)
#     CONNECTIONS  open connections, 1..64          (default 8)
#     THREADS      wrk threads, 1..CONNECTIONS      (default 1: at these rates one wrk thread is plenty
#                  and leaves the CPUs to the server)
#
# Builds nothing: expects target/stack-advisor.jar from `mvn -q -B package -DskipTests` (override with JAR=...).
# Starts the server on a free loopback port, waits for GET /ready == 200, sends one sanity request, warms it
# up for 5 s (not measured), waits for the machine to be quiet (see wait_quiet in lib.sh),
# runs wrk --latency with bench/chat.lua, prints wrk's report plus the script's summary (non-2xx count,
# socket errors), the server's peak RSS (VmHWM) and stops the server. Exit status 1 when any request failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MODE="${1:-}"; MIX="${2:-}"; DURATION="${3:-20}"; CONNS="${4:-8}"; THREADS="${5:-1}"
case "$MODE" in keyword|hybrid) ;; *) die "MODE must be keyword or hybrid (usage: $0 MODE MIX [DURATION_S] [CONNECTIONS] [THREADS])";; esac
case "$MIX" in unique|faq|distinct|distinct-suffixed) ;; *) die "MIX must be unique, faq, distinct or distinct-suffixed";; esac
[[ "$DURATION" =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 1 ] && [ "$DURATION" -le 120 ] || die "DURATION_S must be 1..120"
[[ "$CONNS" =~ ^[0-9]+$ ]] && [ "$CONNS" -ge 1 ] && [ "$CONNS" -le 64 ] || die "CONNECTIONS must be 1..64"
[[ "$THREADS" =~ ^[0-9]+$ ]] && [ "$THREADS" -ge 1 ] && [ "$THREADS" -le "$CONNS" ] || die "THREADS must be 1..CONNECTIONS"
command -v wrk >/dev/null || die "wrk is missing: apt-get update && apt-get install -y wrk"
require_jar
snapshot_jar
echo "jar under test: $JAR built $(date -r "$JAR" '+%F %T'), sha256 $(sha256sum "$RUN_JAR" | cut -c1-12)"

CACHE="$BENCH_DIR/target/load-cache"   # the bench's own embedding cache, never the project's .cache
LOG="$BENCH_DIR/target/load-server-$MODE-$MIX.log"
start_server "$MODE" "$CACHE" "$LOG"
echo "server pid $SERVER_PID on 127.0.0.1:$PORT, retrieval=$MODE, log $LOG"
wait_ready 180 || { tail -20 "$LOG"; exit 1; }
echo "ready after ${READY_MS} ms"

URL="http://127.0.0.1:$PORT/api/chat"
# one request by hand first: the endpoint must answer 200 with a grounded, cited answer
SAMPLE="$(curl -s -w '\n%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
  -d '{"message": "fastify vs nestjs?"}' "$URL")"
[ "$(tail -n1 <<<"$SAMPLE")" = 200 ] && grep -q '"grounded":true' <<<"$SAMPLE" \
  || { echo "sanity request failed: $SAMPLE" >&2; exit 1; }
echo "sanity request: 200, grounded"

# distinct: the warm-up walks the list from its end, the measured run from its start, so they share no question
echo "warm-up: 5 s, same mix (not measured)"
WARM_FROM=0; [[ "$MIX" == distinct* ]] && WARM_FROM=end
WARM="$(wrk -t"$THREADS" -c"$CONNS" -d5s -s "$BENCH_DIR/chat.lua" "$URL" -- "$MIX" "$WARM_FROM" "$THREADS" 2>&1)"
grep '^requests:' <<<"$WARM" | sed 's/^/warm-up /'


wait_quiet
echo "measured: wrk -t$THREADS -c$CONNS -d${DURATION}s --timeout 10s --latency -s bench/chat.lua $URL -- $MIX 0 $THREADS"
contention_start
OUT="$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_DIR/chat.lua" "$URL" -- "$MIX" 0 "$THREADS")"
echo "$OUT"
contention_stop
if [ "$MIX" = distinct ]; then
  # warm-up (from the end) and run (from the start) must not meet: then no question was asked twice
  size="$(sed -n 's/^chat.lua: mix distinct, \([0-9]*\) questions$/\1/p' <<<"$WARM" | head -1)"
  w="$(sed -n 's/^requests: \([0-9]*\) .*/\1/p' <<<"$WARM")"; m="$(sed -n 's/^requests: \([0-9]*\) .*/\1/p' <<<"$OUT")"
  if [ $(( w + m )) -le "$size" ]; then echo "distinct check: $w warm-up + $m measured <= $size questions: none repeated"
  else echo "distinct check: WARNING $w warm-up + $m measured > $size questions: some repeated (cache hits)"; fi
fi
RSS="$(peak_rss_mib)"
echo "server peak RSS (VmHWM): ${RSS} MiB"
stop_server
echo "server stopped"
grep -q '^non-2xx: 0$' <<<"$OUT" && grep -q '^socket errors: connect 0, read 0, write 0, timeout 0$' <<<"$OUT"
