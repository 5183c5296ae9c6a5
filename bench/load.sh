#!/usr/bin/env bash
# Load test of POST /api/chat with wrk, on 127.0.0.1 only, bounded in time and connections.
#
#   bench/load.sh MODE MIX [DURATION_S] [CONNECTIONS] [THREADS]
#     MODE         keyword | hybrid                 (ADVISOR_RETRIEVAL of the server)
#     MIX          unique   (200 generated questions, cycled)
#                  faq      (5 questions, repeated)
#                  distinct (~23,500 generated questions, none repeated within the warm-up and the run
#                           together: defeats the answer cache; the query-embedding cache still hits, since
#                           they share 160 texts once framework names are removed; see chat.lua)
#                  fresh    (96,000 questions from bench/questions.py that differ beyond framework names: neither
#                           cache hits, every request pays for a MiniLM inference - the uncached workload. In
#                           hybrid mode the ceiling is measured too - JMH's MiniLM embeddings per second on the
#                           texts the server embeds, 2 threads - and the ratio of the two, twice: against the
#                           mean of a ceiling run before and one after the load run, and over $PAIRS (default 8)
#                           pairs of (ceiling, $PAIR_S s of load, default 10) on the warm server after the run,
#                           alternated so that the machine's drift hits both alike; needs
#                           bench/target/benchmarks.jar)
#     DURATION_S   wrk duration, 1..120 s           (default 20)
#     CONNECTIONS  open connections, 1..64          (default 8)
#     THREADS      wrk threads, 1..CONNECTIONS      (default 1: at these rates one wrk thread is plenty
#                  and leaves the CPUs to the server)
#
# Builds nothing: expects target/stack-advisor.jar from `mvn -q -B package -DskipTests` (override with JAR=...).
# Starts the server on a free loopback port, waits for GET /ready == 200, sends one sanity request, warms it
# up for $WARMUP_S s (default 120: the JIT compiles for the first ~100 s under this load, jstat; not measured), waits for the machine to be quiet (see wait_quiet in lib.sh),
# runs wrk --latency with bench/chat.lua, prints wrk's report plus the script's summary (non-2xx count,
# socket errors), the query-embedding batcher's batch sizes and mean queue wait during the run (from /metrics; builds
# without the batcher say so), the server's peak RSS (VmHWM) and stops the server. Exit status 1 when any request failed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MODE="${1:-}"; MIX="${2:-}"; DURATION="${3:-20}"; CONNS="${4:-8}"; THREADS="${5:-1}"
case "$MODE" in keyword|hybrid) ;; *) die "MODE must be keyword or hybrid (usage: $0 MODE MIX [DURATION_S] [CONNECTIONS] [THREADS])";; esac
case "$MIX" in unique|faq|distinct|fresh) ;; *) die "MIX must be unique, faq, distinct or fresh";; esac
WARMUP="${WARMUP_S:-120}"
PAIRS="${PAIRS:-8}"; PAIR_S="${PAIR_S:-10}"
[[ "$PAIRS" =~ ^[0-9]+$ ]] && [ "$PAIRS" -le 16 ] || die "PAIRS must be 0..16"
[[ "$PAIR_S" =~ ^[0-9]+$ ]] && [ "$PAIR_S" -ge 1 ] && [ "$PAIR_S" -le 60 ] || die "PAIR_S must be 1..60"
[[ "$WARMUP" =~ ^[0-9]+$ ]] && [ "$WARMUP" -ge 1 ] && [ "$WARMUP" -le 300 ] || die "WARMUP_S must be 1..300"
[[ "$DURATION" =~ ^[0-9]+$ ]] && [ "$DURATION" -ge 1 ] && [ "$DURATION" -le 120 ] || die "DURATION_S must be 1..120"
[[ "$CONNS" =~ ^[0-9]+$ ]] && [ "$CONNS" -ge 1 ] && [ "$CONNS" -le 64 ] || die "CONNECTIONS must be 1..64"
[[ "$THREADS" =~ ^[0-9]+$ ]] && [ "$THREADS" -ge 1 ] && [ "$THREADS" -le "$CONNS" ] || die "THREADS must be 1..CONNECTIONS"
command -v wrk >/dev/null || die "wrk is missing: apt-get update && apt-get install -y wrk"
require_jar
snapshot_jar
echo "jar under test: $JAR built $(date -r "$JAR" '+%F %T'), sha256 $(sha256sum "$RUN_JAR" | cut -c1-12)"

# fresh + hybrid: the ceiling, JMH's MiniLM embeddings per second (2 threads, the server's model settings) on the
# texts the server embeds for these questions; measured before and after the load run, the ratio uses the mean
QUESTIONS="$BENCH_DIR/target/questions-fresh.txt"
[ "$MIX" != fresh ] || python3 "$BENCH_DIR/questions.py" 96000 >"$QUESTIONS"
# ceiling [WARMUP_ITERATIONS ITERATIONS]: prints JMH's embeddings per second (1 s iterations)
ceiling() {
  wait_quiet >&2
  local line
  line="$(cd "$BENCH_DIR" && java -jar target/benchmarks.jar EmbeddingBenchmark -p model=server -p questions="$QUESTIONS" \
    -t 2 -bm thrpt -tu s -f 1 -wi "${1:-5}" -i "${2:-10}" 2>&1 | grep -E '^EmbeddingBenchmark' | tail -1)"
  echo "ceiling: $line" >&2
  awk '{ print $(NF-3) }' <<<"$line"
}
# the request count and rate of chat.lua's summary line "requests: N in T s = R req/s" (on stdin)
request_count() { sed -n 's/^requests: \([0-9]*\) .*/\1/p'; }
request_rate() { sed -n 's/^requests: [0-9]* in [0-9.]* s = \([0-9.]*\) req\/s$/\1/p'; }
CEIL_BEFORE=""
if [ "$MIX" = fresh ] && [ "$MODE" = hybrid ]; then
  if [ -f "$BENCH_DIR/target/benchmarks.jar" ]; then
    echo "ceiling: java -jar bench/target/benchmarks.jar EmbeddingBenchmark -p model=server -p questions=$QUESTIONS -t 2 -bm thrpt -tu s -f 1 -wi 5 -i 10"
    CEIL_BEFORE="$(ceiling)"
  else
    echo "ceiling: skipped, bench/target/benchmarks.jar not built (see docs/benchmarks.md)"
  fi
fi

CACHE="$BENCH_DIR/target/load-cache"   # the bench's own embedding cache, never the project's .cache
LOG="$BENCH_DIR/target/load-server-$MODE-$MIX.log"
start_server "$MODE" "$CACHE" "$LOG"
echo "server pid $SERVER_PID on 127.0.0.1:$PORT, retrieval=$MODE, log $LOG"
wait_ready 180 || { tail -20 "$LOG"; exit 1; }
echo "ready after ${READY_MS} ms"

URL="http://127.0.0.1:$PORT/api/chat"
LUA_MIX="$MIX"
[ "$MIX" != fresh ] || LUA_MIX="file=$QUESTIONS"
# one request by hand first: the endpoint must answer 200 with a grounded, cited answer
SAMPLE="$(curl -s -w '\n%{http_code}' --max-time 10 -H 'Content-Type: application/json' \
  -d '{"message": "fastify vs nestjs?"}' "$URL")"
[ "$(tail -n1 <<<"$SAMPLE")" = 200 ] && grep -q '"grounded":true' <<<"$SAMPLE" \
  || { echo "sanity request failed: $SAMPLE" >&2; exit 1; }
echo "sanity request: 200, grounded"

# distinct, fresh: the warm-up walks the list from its end, the measured run from its start, so they share no question
echo "warm-up: $WARMUP s, same mix (not measured)"
WARM_FROM=0; [ "$MIX" = distinct ] || [ "$MIX" = fresh ] && WARM_FROM=end
WARM="$(wrk -t"$THREADS" -c"$CONNS" -d"${WARMUP}s" -s "$BENCH_DIR/chat.lua" "$URL" -- "$LUA_MIX" "$WARM_FROM" "$THREADS" 2>&1)"
grep '^requests:' <<<"$WARM" | sed 's/^/warm-up /'

wait_quiet
echo "measured: wrk -t$THREADS -c$CONNS -d${DURATION}s --timeout 10s --latency -s bench/chat.lua $URL -- $MIX 0 $THREADS"
cache_gets() { curl -s --max-time 5 "http://127.0.0.1:$PORT/metrics" | sed -n 's/^cache_gets_total{cache="\([a-z_]*\)",result="\([a-z]*\)"} \([0-9.E]*\)$/\1 \2 \3/p' | sort; }
# the query-embedding batcher's histograms (absent from builds without it): questions per inference, queue wait
embedding_stats() { curl -s --max-time 5 "http://127.0.0.1:$PORT/metrics" | grep -E '^advisor_embedding_(batch_size_(bucket|count|sum)|queue_wait_seconds_(count|sum))' || true; }
# embedding_report BEFORE AFTER: the batch-size distribution and mean queue wait of the requests in between
embedding_report() {
  [ -n "$2" ] || { echo "batch sizes: no query-embedding batcher in this build"; return 0; }
  awk 'NR == FNR { before[$1] = $2; next } { d[$1] = $2 - before[$1]; order[++n] = $1 }
    END { line = ""; prev = 0
      for (i = 1; i <= n; i++) { k = order[i]; if (k !~ /batch_size_bucket/) continue
        le = k; sub(/.*le="/, "", le); sub(/".*/, "", le); c = d[k] - prev; prev = d[k]
        if (c > 0) line = line sprintf(" %s:%d", (le == "+Inf" ? ">256" : (le + 0 <= 16 ? int(le) : "<=" int(le))), c) }
      b = "advisor_embedding_batch_size_"; q = "advisor_embedding_queue_wait_seconds_"
      if (d[b "count"] > 0) printf "batch sizes (inferences per size):%s; %d questions in %d inferences, mean %.2f per inference\n", line, d[b "sum"], d[b "count"], d[b "sum"] / d[b "count"]
      if (d[q "count"] > 0) printf "queue wait: mean %.3f ms over %d questions\n", 1000 * d[q "sum"] / d[q "count"], d[q "count"] }' \
    <(echo "$1") <(echo "$2")
}
BEFORE="$(cache_gets)"
EMB_BEFORE="$(embedding_stats)"
contention_start
OUT="$(wrk -t"$THREADS" -c"$CONNS" -d"${DURATION}s" --timeout 10s --latency -s "$BENCH_DIR/chat.lua" "$URL" -- "$LUA_MIX" 0 "$THREADS")"
echo "$OUT"
contention_stop
AFTER="$(cache_gets)"
echo "server cache gets during the run (hit/miss):"
paste <(echo "$BEFORE") <(echo "$AFTER") | awk '{ printf "  %s %s: %d\n", $1, $2, $6 - $3 }'
embedding_report "$EMB_BEFORE" "$(embedding_stats)"
if [ "$MIX" = distinct ] || [ "$MIX" = fresh ]; then
  # warm-up (from the end) and run (from the start) must not meet: then no question was asked twice
  size="$(sed -n 's/^chat.lua: mix .*, \([0-9]*\) questions$/\1/p' <<<"$WARM" | head -1)"
  w="$(request_count <<<"$WARM")"; m="$(request_count <<<"$OUT")"
  if [ $(( w + m )) -le "$size" ]; then echo "repeat check: $w warm-up + $m measured <= $size questions: none repeated"
  else echo "repeat check: WARNING $w warm-up + $m measured > $size questions: some repeated (cache hits)"; fi
fi
# fresh + hybrid: the ratio again from PAIRS alternations of (ceiling, PAIR_S s of load) on the same warm server;
# each load slice continues the question list where the last one stopped, so nothing repeats
if [ -n "$CEIL_BEFORE" ] && [ "$PAIRS" -gt 0 ]; then
  echo "paired: $PAIRS x (java -jar bench/target/benchmarks.jar EmbeddingBenchmark ... -wi 2 -i 4, and wrk -c$CONNS -d${PAIR_S}s from the next unasked question; odd pairs ceiling first, even pairs load first, so that a steady drift favours neither)"
  next="$m"; pair_log=""
  for k in $(seq 1 "$PAIRS"); do
    [ $(( k % 2 )) -eq 0 ] || c="$(ceiling 2 4 2>/dev/null)"
    slice="$(wrk -t"$THREADS" -c"$CONNS" -d"${PAIR_S}s" --timeout 10s -s "$BENCH_DIR/chat.lua" "$URL" -- "$LUA_MIX" "$next" "$THREADS")"
    [ $(( k % 2 )) -eq 1 ] || c="$(ceiling 2 4 2>/dev/null)"
    [ -n "$c" ] || { echo "paired slice $k: the ceiling benchmark gave no result" >&2; exit 1; }
    n="$(request_count <<<"$slice")"; r="$(request_rate <<<"$slice")"
    grep -q '^non-2xx: 0$' <<<"$slice" || { echo "paired slice $k: non-2xx responses" >&2; exit 1; }
    next=$(( next + n ))
    echo "  pair $k: ceiling $c embeddings/s, load $r req/s ($n requests): ratio $(awk -v a="$r" -v b="$c" 'BEGIN { printf "%.2f", a / b }')"
    pair_log="$pair_log $r $c"
  done
  awk -v w="$w" -v n="$next" -v size="$size" -v l="$pair_log" 'BEGIN { k = split(l, x, " "); lo = 1e9; hi = 0
    for (i = 1; i < k; i += 2) { r += x[i]; c += x[i + 1]; q = x[i] / x[i + 1]; if (q < lo) lo = q; if (q > hi) hi = q }
    printf "paired ratio: %.1f req/s / %.1f embeddings/s (means of %d pairs) = %.2f (pairs %.2f to %.2f)\n", r / (k / 2), c / (k / 2), k / 2, r / c, lo, hi
    if (w + n <= size) printf "repeat check: %d warm-up + %d measured and paired <= %d questions: none repeated\n", w, n, size
    else printf "repeat check: WARNING %d warm-up + %d measured and paired > %d questions: some repeated (cache hits)\n", w, n, size }'
fi
RSS="$(peak_rss_mib)"
echo "server peak RSS (VmHWM): ${RSS} MiB"
stop_server
echo "server stopped"
if [ -n "$CEIL_BEFORE" ]; then
  CEIL_AFTER="$(ceiling)"
  RPS="$(request_rate <<<"$OUT")"
  awk -v r="$RPS" -v a="$CEIL_BEFORE" -v b="$CEIL_AFTER" 'BEGIN { o = (a + b) / 2; if (o > 0) printf \
    "uncached /api/chat %.1f req/s / MiniLM %.1f embeddings/s (mean of %.1f before and %.1f after the run) = ratio %.2f\n", \
    r, o, a, b, r / o }'
fi
grep -q '^non-2xx: 0$' <<<"$OUT" && grep -q '^socket errors: connect 0, read 0, write 0, timeout 0$' <<<"$OUT"
